/** 各区域共用的词（简体中文）。 */
import type { Messages } from '../messages.ts';

export const common: Messages['common'] = {
  node: (id) => `节点 ${id}`,
  nodeInText: (id) => `节点 ${id}`,
  // "节点 1、2 和 3": Intl's list leaves no space between 和 and a digit, which Chinese typesetting wants.
  nodes: (ids) => (ids.length <= 1 ? (ids.length === 0 ? '没有节点' : `节点 ${ids[0]!}`) : `节点 ${ids.slice(0, -1).join('、')} 和 ${ids[ids.length - 1]!}`),
  role: { follower: '跟随者', candidate: '候选人', leader: '领导者' },
  crashed: '已崩溃',
  preCandidate: '预候选人',
  learner: '学习者',
  notMember: '非成员',
  indexRange: (first, last) => (last < first ? '没有条目' : first === last ? `条目 ${first}` : `条目 ${first}..${last}`),
  command: (command) => (command.type === 'put' ? `put ${command.key}=${command.value}` : command.type === 'delete' ? `delete ${command.key}` : '空操作（no-op）'),
  dropReason: {
    loss: '网络随机丢弃了它（丢包）',
    partition: '发送方和接收方处于不同的网络分区',
    'link-cut': '两者之间的链路被切断',
    'receiver-crashed': '接收方已崩溃',
    'by-hand': '被手动丢弃',
  },
  groups: (groups) => groups.map((group) => `{${group.join(', ')}}`).join(' | '),
  languageSwitch: 'Language / 语言',
};

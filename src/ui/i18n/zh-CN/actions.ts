/** 操作区域的文字：客户端请求、持续负载、网络故障，以及每个操作的结果（简体中文）。 */
import type { Messages } from '../messages.ts';
import { common } from './common.ts';

/** 节点的角色；拒绝提议的节点若已不在运行，核心称之为 crashed。 */
const roleWord = (role: 'follower' | 'candidate' | 'leader' | 'crashed'): string => (role === 'crashed' ? '已崩溃的节点' : common.role[role]);

export const actions: Messages['actions'] = {
  region: '客户端与故障',
  client: {
    heading: '客户端请求',
    operation: '操作',
    put: 'put（写入）',
    delete: 'delete（删除）',
    key: '键',
    value: '值',
    sendTo: '发送给',
    leader: '领导者',
    send: '发送请求',
    enterKey: '请输入键。',
    tooLong: (max) => `键和值最多 ${max} 个字符。`,
  },
  load: {
    label: '持续客户端负载',
    off: '关闭',
    every: (ticks) => `每 ${ticks} 个 tick 一次 put`,
  },
  timers: {
    heading: '选举计时器',
    hint: '有意让一次选举朝某个方向发展。领导者的每次心跳都会重置跟随者的计时器：请先让它崩溃。',
    alignLegend: '同时超时的节点',
    align: '对齐计时器',
    alignHint: '所选节点在同一个 tick 超时，早于其他所有节点：它们同时参选，选票被瓜分',
    firstLabel: '最先超时的节点',
    spread: '错开计时器',
    spreadHint: '该节点远早于其他节点超时：只有一个候选人，选举干净利落',
  },
  faults: {
    heading: '网络故障',
    oneNode: '只有一个节点：没有可以划分或切断的网络。',
    now: (groups, cutLinks) =>
      `当前：${groups.length > 1 ? `已分区 ${common.groups(groups)}` : '网络完整'}${cutLinks.length > 0 ? `；已切断链路 ${cutLinks.map((link) => `${link.from}→${link.to}`).join('、')}` : ''}`,
    partition: '网络分区',
    groups: (groups) => `分组：${common.groups(groups)}`,
    pick: '勾选一侧的节点，其余节点组成另一侧。',
    split: '按所选划分网络',
    link: '单条链路',
    from: '从',
    to: '到',
    bothWays: '双向',
    sameNode: '请选择两个不同的节点。',
    cut: '切断链路',
    restore: '恢复链路',
    heal: '恢复网络',
  },
  outcome: {
    crash: (node) => `节点 ${node} 已崩溃：只有已落盘的数据会保留下来`,
    restart: (node) => `节点 ${node} 已从磁盘重启，成为跟随者`,
    campaign: (node) => `节点 ${node} 发起选举`,
    setTimer: (node, ticks, firesAt) => `节点 ${node} 的选举计时器将在 ${ticks} 个 tick 后（tick ${firesAt}）到期`,
    alignTimers: (nodes, firesAt, othersAt) => `节点 ${nodes.join('、')} 将在 tick ${firesAt} 同时超时${othersAt === null ? '' : `；其他节点不早于 tick ${othersAt}`}`,
    spreadTimers: (node, firesAt, othersAt) => `节点 ${node} 最先超时，在 tick ${firesAt}${othersAt === null ? '' : `；其他节点不早于 tick ${othersAt}`}`,
    partition: (groups) => `已划分网络：${common.groups(groups)}`,
    isolate: (node, groups) => `节点 ${node} 已被隔离：${common.groups(groups)}`,
    rejoin: (node, groups) => `节点 ${node} 已重新加入：${common.groups(groups)}`,
    cutLink: (from, to, bothWays) => `链路 ${from}${bothWays ? '↔' : '→'}${to} 已切断`,
    restoreLink: (from, to, bothWays) => `链路 ${from}${bothWays ? '↔' : '→'}${to} 已恢复`,
    heal: '网络已恢复：所有节点都能互相连通',
    networkConfig: (network) => `延迟 ${network.latencyMin}-${network.latencyMax} 个 tick，丢包 ${network.loss}%，重复 ${network.duplicates}%，乱序 ${network.reorder}%`,
    network: (config) => `网络已设为：${config}`,
    workload: (everyTicks) => (everyTicks === 0 ? '客户端负载已停止' : `客户端负载：每 ${everyTicks} 个 tick 向领导者发送一次 put`),
    noLeader: '当前没有领导者：提议未发出。请等待选举结束。',
    appended: (node, term, command, index) => `节点 ${node}（领导者，任期 ${term}）已在索引 ${index} 追加 ${common.command(command)}；多数派保存后即提交`,
    refused: (node, role, leaderHint) => `节点 ${node} 是${roleWord(role)}，不是领导者；${leaderHint === null ? '它不知道领导者是谁' : `领导者是节点 ${leaderHint}`}`,
    rejected: (detail) => `操作被拒绝：${detail}`,
  },
};

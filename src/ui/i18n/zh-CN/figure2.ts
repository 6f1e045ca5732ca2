/** figure2 区域的文字（简体中文）：“为什么？”面板与论文图 2 的规则。 */
import type { Messages } from '../messages.ts';

export const figure2: Messages['figure2'] = {
  why: {
    name: '为什么？',
    heading: '为什么？',
    hint: '选择一个节点或一条消息，查看它背后的决定：用文字说明，并注明论文的章节。',
    nodeHeading: (node) => `节点 ${node}：最近的决定`,
    messageHeading: (id) => `消息 #${id}`,
    list: '决定',
    noneNode: '最近的事件中还没有这个节点的决定。',
    noneMessage: '最近的事件中没有关于这条消息的事件。',
    item: (node, text) => `节点 ${node} ${text}`,
    clusterItem: (text) => `集群：${text}`,
    onDelivery: '送达时',
    seek: (tick) => `转到 tick ${tick}`,
  },
  name: '图 2',
  summary: '图 2：Raft 的规则',
  intro: '论文图 2 中的规则。屏幕上最新事件所执行的规则会被标出；每条规则都链接到最近一次执行它的事件。',
  groups: {
    allServers: '所有服务器的规则',
    followers: '跟随者（§5.2）',
    candidates: '候选人（§5.2）',
    leaders: '领导者',
    requestVote: 'RequestVote RPC：接收者的实现',
    appendEntries: 'AppendEntries RPC：接收者的实现',
  },
  rules: {
    allServers: [
      '如果 commitIndex > lastApplied：将 lastApplied 加一，把 log[lastApplied] 应用到状态机（§5.3）',
      '如果 RPC 请求或回复中的任期 T > currentTerm：令 currentTerm = T，转为跟随者（§5.1）',
    ],
    followers: [
      '回复候选人和领导者发来的 RPC',
      '如果选举超时之前既没有收到当前领导者的 AppendEntries，也没有投票给候选人：转为候选人',
    ],
    candidates: [
      '转为候选人后开始选举：currentTerm 加一，投票给自己，重置选举计时器，向其他所有服务器发送 RequestVote RPC',
      '如果得到多数派服务器的选票：成为领导者',
      '如果收到新领导者的 AppendEntries：转为跟随者',
      '如果选举超时：开始新一轮选举',
    ],
    leaders: [
      '当选后：向每个服务器发送初始的空 AppendEntries RPC（心跳）；空闲时重复发送，以免选举超时（§5.2）',
      '如果收到客户端的命令：把条目追加到本地日志，条目应用到状态机之后再回复（§5.3）',
      '如果最后的日志索引 ≥ 某个跟随者的 nextIndex：发送从 nextIndex 开始的日志条目的 AppendEntries；成功则更新该跟随者的 nextIndex 和 matchIndex；若因日志不一致而失败，则将 nextIndex 减一并重试（§5.3）',
      '如果存在 N 使得 N > commitIndex、多数派的 matchIndex[i] ≥ N，且 log[N].term == currentTerm：令 commitIndex = N（§5.3、§5.4）',
    ],
    requestVote: [
      '如果 term < currentTerm，回复 false（§5.1）',
      '如果 votedFor 为空或等于 candidateId，且候选人的日志至少和接收者的一样新，则投票给它（§5.2、§5.4）',
    ],
    appendEntries: [
      '如果 term < currentTerm，回复 false（§5.1）',
      '如果日志在 prevLogIndex 处没有任期与 prevLogTerm 相同的条目，回复 false（§5.3）',
      '如果已有的条目与新条目冲突（索引相同但任期不同），删除该条目及其后的所有条目（§5.3）',
      '追加日志中还没有的新条目',
      '如果 leaderCommit > commitIndex，令 commitIndex = min(leaderCommit, 最后一个新条目的索引)',
    ],
  },
  current: '当前执行的规则',
  uses: (count) => (count === 0 ? '最近的事件没有执行过它' : `最近执行了 ${count} 次`),
  latest: (tick) => `最近一次：tick ${tick}`,
  latestLabel: (group, number, tick) => `${group}，第 ${number} 条：转到最近一次执行它的事件（tick ${tick}）`,
};

/** unsafe 区域的文字（简体中文）：破坏 Raft 的开关、它们去掉的规则，以及出错的运行显示的提示。 */
import type { Messages } from '../messages.ts';

export const unsafe: Messages['unsafe'] = {
  legend: '破坏 Raft（不安全开关）',
  hint: '每个开关去掉 Raft 的一条规则，让你看到这条规则的作用。打开任何开关的运行都会标为不安全。',
  switches: {
    'commit-by-counting': '不安全：靠计数副本提交更早任期的条目',
    'forget-vote': '不安全：重启时忘记 votedFor',
    'vote-without-log-check': '不安全：投票时不检查日志是否足够新',
    'fixed-timeouts': '不安全：固定的选举超时',
    'apply-before-commit': '不安全：条目提交之前就应用',
    'append-without-check': '不安全：接受 AppendEntries 时不检查日志',
    'no-leader-noop': '不安全：当选后不追加空操作',
    'keep-commit-on-restart': '不安全：重启后保留 commitIndex',
  },
  rules: {
    'commit-by-counting': '领导者只靠计数副本提交自己任期的条目；更早任期的条目随之一起提交（§5.4.2，图 8）。',
    'forget-vote': 'votedFor 是持久状态：重启的节点必须记得自己在当前任期投给了谁（图 2，§5.2）。',
    'vote-without-log-check': '节点只投票给日志至少和自己一样新的候选人（选举限制，§5.4.1）。',
    'fixed-timeouts': '选举超时是随机抽取的，这样通常会有一个节点先超时，并在其他节点参选前当选（§5.2）。',
    'apply-before-commit': '节点只在条目提交之后才把它应用到状态机（图 2：lastApplied ≤ commitIndex）。',
    'append-without-check': '跟随者只有在自己的日志在 prevLogIndex 处有任期为 prevLogTerm 的条目时才接受 AppendEntries（一致性检查，§5.3）。',
    'no-leader-noop': '新领导者立即追加一个自己任期的条目，让更早任期的条目能随它一起提交（§5.4.2，§8）。',
    'keep-commit-on-restart': 'commitIndex 是易失状态：重启的节点从快照重新开始，再从领导者那里得知哪些条目已提交（图 2）。',
  },
  marker: (count) => `不安全的 Raft：去掉了 ${count} 条规则`,
  ruleRemoved: (rule) => `不安全开关去掉的规则：${rule}`,
  stalled: (kind) => `活性：${kind}`,
  stallAt: (tick, detail) => `，发生在 tick ${tick}：${detail}`,
  stallKind: { 'no-leader': '没有领导者', 'commit-stalled': '提交停滞' },
  stallDetail: {
    noLeader: (ticks) => `多数派可以互相通信，却已有 ${ticks} 个 tick 没有领导者`,
    commitStalled: (node, ticks, index) => `领导者节点 ${node} 截至索引 ${index} 的条目已在多数派上存放了 ${ticks} 个 tick 却仍未提交：其中没有它自己任期的条目（§5.4.2）`,
  },
  halted: (tick) => `运行在 tick ${tick} 停止`,
  haltedWhy: (reason) => `：被破坏的 Raft 进入了 Raftlab 无法继续的状态（${reason}）。这次运行不会再有任何变化；后退几步看看它是怎么走到这里的。`,
};

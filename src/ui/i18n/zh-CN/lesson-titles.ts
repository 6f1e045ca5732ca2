/**
 * 课程的标题和一句话简介（简体中文），键为课程文件（src/lessons/<id>.scn）的 id，顺序与课程一致。
 * 结构与英文目录（../en/lesson-titles.ts）一致；字幕本身写在课程文件里，中英文都有。
 */
import type { lessonTitles as english } from '../en/lesson-titles.ts';

export const lessonTitles: { readonly [K in keyof typeof english]: { readonly title: string; readonly summary: string } } = {
  'leader-election': {
    title: '领导者选举',
    summary: '最先超时的节点成为候选人；获得多数派的选票即成为领导者，并靠心跳维持地位。',
  },
  'split-vote': {
    title: '选票分裂',
    summary: '同时参选的候选人瓜分了选票；重新抽取的随机超时在下一个任期选出领导者。',
  },
  'leader-crash': {
    title: '心跳与领导者崩溃',
    summary: '领导者崩溃后心跳停止；一个跟随者在更高的任期当选，旧领导者重启后成为跟随者。',
  },
  'log-replication': {
    title: '日志复制与提交',
    summary: '日志条目被多数派存储后才算提交：已复制不等于已提交。',
  },
  'catch-up': {
    title: '追上分歧的日志',
    summary: '领导者逐步回退 nextIndex，直到双方日志一致，再覆盖跟随者冲突的条目。',
  },
  'minority-leader': {
    title: '少数派中的领导者',
    summary: '被隔离的领导者接受了永远无法提交的写入；网络恢复后，这些条目被回滚。',
  },
  'figure-8': {
    title: '图 8：提交旧任期的条目',
    summary: '旧任期的条目即使存储在多数派上也可能被覆盖：领导者只通过计数提交本任期的条目。',
  },
  persistence: {
    title: '崩溃与重启：哪些状态需要持久化',
    summary: 'currentTerm、votedFor 和日志在崩溃后依然保留；重启的节点不能在同一任期投两次票。',
  },
  snapshot: {
    title: '通过快照追赶',
    summary: '落后于领导者已压缩日志的跟随者，通过 InstallSnapshot 追上最新状态。',
  },
  'election-restriction': {
    title: '选举限制',
    summary: '投票者拒绝日志比自己落后的候选人，因此每个领导者都拥有所有已提交的条目（§5.4.1）。',
  },
  prevote: {
    title: 'PreVote：重新加入而不打扰集群',
    summary: '被隔离的节点在提升任期前先请求预投票，所以重新加入时不会再赶下健康的领导者。',
  },
  'check-quorum': {
    title: 'CheckQuorum：被隔离的领导者主动下台',
    summary: '在一个选举超时内收不到多数派消息的领导者会主动下台，而不是继续领导一个少数派。',
  },
  'leadership-transfer': {
    title: '领导权移交',
    summary: '领导者停止接受提案，把目标节点的日志补齐，再发送 TimeoutNow：目标节点立即当选。',
  },
  'membership-change': {
    title: '添加和移除服务器',
    summary: '新服务器先以学习者身份追上日志，然后才投票；一次一个变更；移除自己的领导者在变更提交后下台。',
  },
  'read-index': {
    title: '用 ReadIndex 实现线性一致读',
    summary: '被取代的领导者不能用自己的状态回答：读请求要等多数派确认领导权之后才作答。',
  },
  batching: {
    title: '批量发送提案',
    summary: '新条目等到下一次心跳再一起发送：消息更少，提交延迟略长。',
  },
};

/**
 * 预设场景的目录条目：随应用提供的演示场景（src/scenario/presets/<id>.scn），每个都有简短的标题和一句话的
 * 简介（简体中文）。结构与英文目录一致（见 ../messages.ts）。
 */
import type { Messages } from '../messages.ts';

export const presets: Messages['presets'] = {
  'leader-election': {
    title: '领导者选举',
    summary: '五个跟随者，各有随机的选举超时：最先超时的节点赢得多数派的选票，成为领导者。',
  },
  'split-vote': {
    title: '选票分裂',
    summary: '两个候选人瓜分了任期 1 的选票；随机的选举超时让任期 2 选出了领导者。',
  },
  'leader-crash': {
    title: '领导者崩溃',
    summary: '领导者崩溃，一个跟随者在更高的任期中当选，旧领导者重启后以跟随者身份重新加入。',
  },
  'log-replication': {
    title: '日志复制',
    summary: '一次写入在多数派存储之后即被提交；重启的跟随者随后追上领导者的日志。',
  },
  'partition-heal': {
    title: '网络分区与恢复',
    summary: '被隔离的跟随者徒劳地增加任期；网络恢复后引发一次新的选举，而它们无法胜出。',
  },
  'minority-leader': {
    title: '少数派中的领导者',
    summary: '被划分到少数派的领导者提交不了任何条目；网络恢复后，它的这些条目被替换掉。',
  },
  'figure-8': {
    title: '图 8：旧任期的日志条目',
    summary: '为什么领导者只能在提交本任期的条目时，连带提交更早任期的条目。',
  },
  snapshot: {
    title: '快照',
    summary: '远远落后的跟随者通过 InstallSnapshot 接收快照，追上最新状态。',
  },
  prevote: {
    title: 'PreVote：节点重新加入',
    summary: '没有 PreVote 时，被隔离的节点带着更高的任期回来，把领导者赶下台；用“比较”可以看到打开它的同一次运行。',
  },
  'unsafe-commit-by-counting': {
    title: '不安全：靠计数提交（图 8）',
    summary: '去掉 §5.4.2 后，领导者靠计数副本提交了旧任期的条目，之后的领导者又把它覆盖了。',
  },
  'unsafe-forget-vote': {
    title: '不安全：忘记 votedFor',
    summary: '重启后忘记投票的节点在同一任期投了两次票：出现两个领导者。',
  },
  'unsafe-vote-without-log-check': {
    title: '不安全：不检查日志新旧',
    summary: '没有选举限制时，错过已提交条目的节点当选，却没有这些条目。',
  },
  'unsafe-fixed-timeouts': {
    title: '不安全：固定超时',
    summary: '相同的选举超时让选票永远分裂：没有领导者，活性监视会报告这一点。',
  },
  'unsafe-apply-before-commit': {
    title: '不安全：提交前应用',
    summary: '被隔离的领导者应用了多数派都没有的写入；它后来被替换，但状态机已经执行过它。',
  },
  'unsafe-append-without-check': {
    title: '不安全：追加时不检查日志',
    summary: '跟随者在与领导者不同的条目之后追加：日志匹配被破坏。',
  },
  'unsafe-no-leader-noop': {
    title: '不安全：当选后不追加空操作',
    summary: '为什么还没提交？新领导者在多数派上有一个旧条目，却无法提交它。',
  },
  'unsafe-keep-commit-on-restart': {
    title: '不安全：保留 commitIndex',
    summary: '重启的节点保留了 commitIndex（RaftScope 就是这样显示的）：图 2 规定它是易失状态。',
  },
};

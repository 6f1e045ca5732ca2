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
};

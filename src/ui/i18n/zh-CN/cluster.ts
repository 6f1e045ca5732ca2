/** cluster 区域的文字（简体中文）。 */
import type { Entry, RemoteMessage } from '../../../core/index.ts';
import type { Messages } from '../messages.ts';
import { common } from './common.ts';

function entriesCarried(entries: readonly Entry[]): string {
  if (entries.length === 0) return '心跳';
  const first = entries[0]!.index;
  const last = entries[entries.length - 1]!.index;
  return first === last ? `条目 ${first}` : `条目 ${first}..${last}`;
}

/** 悬停提示的第一行：消息的一行摘要（英文界面用核心的原文，这里自己措辞）。 */
function summary(message: RemoteMessage): string {
  const head = `${message.type} ${message.from}→${message.to} 任期 ${message.term}`;
  switch (message.type) {
    case 'MsgVote':
      return `${head}，lastLogIndex ${message.lastLogIndex}，lastLogTerm ${message.lastLogTerm}`;
    case 'MsgVoteResp':
      return `${head}，${message.granted ? '同意' : '拒绝'}`;
    case 'MsgApp':
      return `${head}，prevLogIndex ${message.prevLogIndex}，prevLogTerm ${message.prevLogTerm}，${entriesCarried(message.entries)}，leaderCommit ${message.leaderCommit}`;
    case 'MsgAppResp':
      if (message.success) return `${head}，成功，matchIndex ${message.matchIndex}`;
      return `${head}，在索引 ${message.rejectedIndex} 处拒绝${message.conflictIndex === null ? '' : `，提示：任期 ${message.conflictTerm ?? '-'}，索引 ${message.conflictIndex}`}`;
    case 'MsgSnap':
      return `${head}，快照 ${message.snapshot.index}/${message.snapshot.term}`;
    case 'MsgSnapResp':
      return `${head}，matchIndex ${message.matchIndex}`;
    case 'MsgTimeoutNow':
      return `${head}，立即参选`;
    default:
      return head;
  }
}

export const cluster: Messages['cluster'] = {
  panel: {
    name: '集群视图',
    starting: '正在启动模拟…',
    legendToggle: '图例',
  },
  graph: '集群',
  term: (term) => `任期 ${term}`,
  node: {
    name: (id, role, term, crashed) => `节点 ${id}，${role}，任期 ${term}${crashed ? '，已崩溃' : ''}`,
    badge: { follower: '跟', candidate: '候', leader: '领' },
    voted: (node) => `投票给 ${node}`,
    noVote: '未投票',
    compact: (mark, term, vote) => `${mark} 任${term} 投${vote ?? '–'}`,
    leaderKnown: (id) => `已知领导者：节点 ${id}`,
    votes: (granted, refused) => `得票：${granted.join('、') || '无'}；拒绝：${refused.join('、') || '无'}`,
    electionTimer: (elapsed, total) => `选举计时器 ${elapsed}/${total} tick`,
    heartbeatTimer: (elapsed, total) => `心跳计时器 ${elapsed}/${total} tick`,
    crashedAt: (tick) => `崩溃于 tick ${tick}`,
    log: (last, committed) => `日志：最后索引 ${last}，已提交至 ${committed}`,
  },
  message: {
    name: (type, from, to, term, details) => [`${type} 从 ${from} 发往 ${to}，任期 ${term}`, ...details].join('，'),
    granted: '同意',
    refused: '拒绝',
    success: '成功',
    rejected: '拒绝',
    heartbeat: '心跳',
    entries: (count) => `${count} 个条目`,
    duplicate: '重复',
    lost: '将丢失',
    summary: (id, canonical, message) => `#${id} ${message === null ? canonical : summary(message)}`,
    duplicateOf: (id) => `消息 #${id} 的重复副本`,
    willBeLost: (reason) => `将会丢失：${common.dropReason[reason]}`,
    waiting: (count) => `${count} 条等待`,
    notDrawn: (count) => `另有 ${count} 条传输中的消息未画出`,
  },
  partition: {
    label: (letter) => `分区 ${letter}`,
    description: (label, members, hasMajority, nodeCount) => `${label}：节点 ${members.join('、')}（${hasMajority ? '构成' : '不构成'} ${nodeCount} 个节点中的多数派）`,
  },
  cutLink: {
    name: (from, to) => `链路 ${from} → ${to} 已切断`,
    title: (from, to) => `链路 ${from} → ${to} 已切断：从 ${from} 发往 ${to} 的消息会丢失`,
  },
  voteMark: {
    pending: (voter) => `节点 ${voter}：尚未回复`,
    granted: (voter) => `节点 ${voter}：同意`,
    refused: (voter) => `节点 ${voter}：拒绝`,
  },
  legend: {
    name: '图例',
    colour: '颜色 = 任期',
    noTerm: '尚无任期（灰色）',
    nodes: '节点',
    follower: '跟 跟随者：细边框',
    candidate: '候 候选人：虚线边框',
    leader: '领 领导者：粗边框',
    crashed: '已崩溃：灰色，打叉',
    timer: '外圈：选举计时器的剩余时间（领导者的外圈：距下次心跳的时间）',
    labels: '节点旁：角色、任期和投票。节点多而视图小时只显示一行：“跟 任3 投7”即任期 3 中投票给节点 7 的跟随者。',
    membership: '成员变更：“学习者”接收日志，但暂不投票也不计入多数派；“非成员”不在它自己的配置中（领导者尚未联系到的新服务器，或正被移除的服务器）。',
    messages: '消息',
    shapes: '◆ RequestVote，● AppendEntries（小：心跳），■ InstallSnapshot，▲ TimeoutNow；实心：请求',
    reply: '空心：回复；✓ 同意或接受',
    refused: '✗ 拒绝',
    duplicate: '虚线光环：网络制造的重复消息',
    lost: '半路淡出：丢失（丢包、网络分区、链路切断或接收方崩溃）',
    votes: '候选人的选票',
    voteGranted: '圆点：同意投票',
    voteRefused: '叉：拒绝投票',
    votePending: '圆环：尚未回复',
  },
};

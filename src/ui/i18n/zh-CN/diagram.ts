/** diagram 区域的文字（简体中文）：时空图。 */
import { makeFormat } from '../format.ts';
import type { Messages } from '../messages.ts';

const f = makeFormat('zh-CN');

export const diagram: Messages['diagram'] = {
  name: '时空图',
  hint: '每个节点一条泳道：每个箭头是一条消息，从发出到送达（丢失处画 ×）。点击箭头选中该消息，点击其他地方跳到对应的 tick；滚轮或方向键可在运行中前后滚动。',
  lane: (id) => `N${id}`,
  zoomIn: '放大',
  zoomOut: '缩小',
  span: (ticks) => `显示 ${f.count(ticks)} 个 tick`,
  earlier: '更早的 tick',
  later: '更晚的 tick',
  follow: '跟随当前 tick',
  collapse: '隐藏心跳',
  timeAcross: '时间横向',
  lanes: '泳道',
  laneToggle: (id) => `节点 ${id} 的泳道`,
  scale: '导出倍率',
  scaleOption: (times) => `${times}×`,
  legend: {
    rejected: '被拒绝的回复',
    duplicate: '重复副本',
    lost: '丢失',
    leaderLane: '领导者（用其任期的颜色）',
    marks: {
      candidate: '成为候选人',
      leader: '成为领导者',
      follower: '退为跟随者',
      term: '进入新任期',
      crash: '崩溃',
      restart: '重启',
      commit: '提交推进',
      snapshot: '快照',
    },
  },
  heartbeatsHidden: (count) => `${f.count(count)} 个心跳画作淡色细带`,
  notDrawn: (count) => `另有 ${f.count(count)} 条较早的消息未画出（请放大）`,
  focus: (node) => `只看节点 ${node}（事件日志的筛选）`,
  exportSvg: '导出 SVG',
  exportPng: '导出 PNG',
  reading: '正在读取运行记录…',
  truncated: '这段 tick 中的消息太多，部分未画出。请放大。',
  summary: (from, to, messages) => `tick ${f.count(from)} 到 ${f.count(to)}：${f.count(messages)} 条消息`,
  arrow: (type, from, to, sent, arrive, lost) => `${type} ${from}→${to}：在 tick ${f.count(sent)} 发出，在 tick ${f.count(arrive)} ${lost ? '丢失' : '送达'}`,
  marks: {
    candidate: (node, term) => `节点 ${node} 在任期 ${term ?? '?'} 发起选举`,
    leader: (node, term) => `节点 ${node} 成为任期 ${term ?? '?'} 的领导者`,
    follower: (node, term) => `节点 ${node} 在任期 ${term ?? '?'} 退为跟随者`,
    term: (node, term) => `节点 ${node} 进入任期 ${term ?? '?'}`,
    crash: (node) => `节点 ${node} 崩溃`,
    restart: (node) => `节点 ${node} 重启`,
    commit: (node, index) => `节点 ${node} 提交到索引 ${index ?? '?'}`,
    snapshot: (node, index) => `节点 ${node} 有了到索引 ${index ?? '?'} 的快照`,
  },
  fileTitle: (from, to) => `Raftlab 时空图，tick ${from}–${to}`,
};

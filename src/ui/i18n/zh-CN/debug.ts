/** 调试区的文案：断点面板（暂停条件、消息断点和 tick 断点、运行在哪里暂停）以及时间线上的暂停标记。 */
import type { Messages } from '../messages.ts';

const route = (from: number | null, to: number | null) => {
  if (from !== null && to !== null) return `（节点 ${from} → 节点 ${to}）`;
  if (from !== null) return `（来自节点 ${from}）`;
  return to === null ? '' : `（发往节点 ${to}）`;
};

export const debug: Messages['debug'] = {
  region: '断点',
  intro: '在播放、单步或跳到下一个事件时，一旦条件首次成立就暂停运行。',
  conditions: '暂停条件',
  keyboardHint: '按 Enter 键勾选或取消这里的复选框（空格键在任何地方都是播放和暂停）。',
  pauseOn: {
    'new-leader': '出现新领导者时暂停',
    'term-change': '任期变化时暂停',
    candidate: '有节点成为候选人时暂停',
    commit: '提交推进时暂停',
    truncation: '日志被截断时暂停',
    violation: '违反安全性时暂停',
  },
  voteRefused: '拒绝投票时暂停',
  voteRefusedFor: (reason) => `拒绝投票时暂停（${reason}）`,
  reason: '原因',
  anyReason: '任何原因',
  reasonName: {
    'stale-term': '任期过旧',
    'already-voted': '本任期已投票',
    'log-not-up-to-date': '日志不够新',
    'leader-known': '已知有领导者',
    'just-started': '刚刚启动（租约读）',
  },
  message: {
    legend: '消息断点',
    on: '时机',
    sent: '发送时',
    delivered: '送达时',
    type: '消息类型',
    anyType: '任何消息',
    from: '发送方',
    to: '接收方',
    anyNode: '任何节点',
    add: '添加消息断点',
    name: (condition) => `${condition.type ?? '任何消息'}${route(condition.from, condition.to)}${condition.on === 'sent' ? '发送' : '送达'}时暂停`,
  },
  tick: {
    legend: 'tick 断点',
    label: '暂停的 tick',
    add: '添加 tick 断点',
    name: (tick) => `在 tick ${tick} 暂停`,
  },
  listed: '消息断点与 tick 断点',
  remove: '删除',
  removeNamed: (name) => `删除：${name}`,
  stop: {
    event: (tick, node, sentence) => `已在 tick ${tick} 暂停：${node} ${sentence}`,
    clusterEvent: (tick, sentence) => `已在 tick ${tick} 暂停：${sentence}`,
    tick: (tick) => `已按 tick 断点在 tick ${tick} 暂停`,
    violation: (tick, property) => `已在 tick ${tick} 暂停：安全性检查器发现违反了 ${property}`,
    violationUnnamed: (tick) => `已在 tick ${tick} 暂停：安全性检查器发现了违规`,
  },
  stops: '暂停记录',
  stopsIntro: '运行暂停过的位置；时间线上标出了每一处。',
  stopAt: (tick, name) => `tick ${tick}：${name}`,
  goToStop: (tick, name) => `跳到 tick ${tick}，运行曾在此暂停（${name}）`,
  earlierStops: (count) => `以及更早的 ${count} 处暂停`,
  full: (max) => `一次运行最多保留 ${max} 个断点：删除一个才能再添加。`,
};

/** log 区域的文字（简体中文）。 */
import type { Messages } from '../messages.ts';

export const log: Messages['log'] = {
  panel: '日志视图',
  table: {
    name: '日志条目',
    window: '日志窗口（方向键移动）',
    caption: '日志',
    node: '节点',
    state: '状态',
  },
  controls: {
    start: '跳到开头',
    startText: '« 开头',
    earlier: '更早的条目',
    earlierText: '◀ 更早',
    slider: '日志窗口起点',
    later: '更晚的条目',
    laterText: '更晚 ▶',
    end: '跳到末尾',
    endText: '末尾 »',
    shown: (first, last, lastIndexMax) => `索引 ${first}–${last}；最长的日志止于 ${lastIndexMax}`,
  },
  row: {
    crashed: '已崩溃（磁盘日志）',
    term: (term) => `任期 ${term}`,
    numbers: (committed, applied, stabled) => `提交 ${committed} · 应用 ${applied} · 落盘 ${stabled}`,
    disk: (stabled) => `落盘 ${stabled}`,
    progress: (nextIndex, matchIndex) => `nextIndex ${nextIndex} · matchIndex ${matchIndex}`,
  },
  cell: {
    snapshotText: (index) => `快照 ≤ ${index}`,
    snapshot: (first, last, lastTerm) => `索引 ${first} 到 ${last} 已压缩进快照（最后任期 ${lastTerm}）`,
    entry: (index, term, command, status) => `索引 ${index}，任期 ${term}，${command}，${status}`,
    status: (committed, applied, durable) => [committed ? '已提交' : '未提交', ...(applied ? ['已应用'] : []), ...(durable ? [] : ['尚未落盘'])].join('，'),
    onDisk: '已落盘',
    title: (label, command) => `${label}（${command}）`,
    unloaded: (index) => `索引 ${index}，尚未加载`,
    empty: (index) => `索引 ${index}，无条目`,
    withMarks: (label, marks) => `${label}${marks.map((mark) => `，${mark}`).join('')}`,
  },
  mark: {
    commitIndex: { words: 'commitIndex', legend: 'commitIndex（最后提交的位置）' },
    lastApplied: { words: 'lastApplied', legend: 'lastApplied（最后应用的位置）' },
    stabled: { words: '已落盘日志的末尾', legend: '落盘末尾（stabled）：磁盘上的最后一个条目' },
    nextIndex: { words: '领导者的 nextIndex', legend: '领导者为该跟随者记录的 nextIndex' },
    matchIndex: { words: '领导者的 matchIndex', legend: '领导者为该跟随者记录的 matchIndex' },
  },
  legend: '实心：已提交 · 斜线、虚线边框：未提交 · 红色点线边框：尚未落盘 · ',
};

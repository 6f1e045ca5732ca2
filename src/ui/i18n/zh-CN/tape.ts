/** tape 区域的文字（简体中文）：时间线上方的任期带。 */
import { makeFormat } from '../format.ts';
import type { Messages } from '../messages.ts';

const f = makeFormat('zh-CN');

export const tape: Messages['tape'] = {
  name: '任期带',
  hint: '一眼看清整次运行：每段是一个任期，用该任期的颜色表示，有领导者时为实色。点击即可跳到对应的 tick。',
  band: (term, leader) => (leader === null ? `任期 ${term}` : `任期 ${term} · 领导者 ${leader}`),
  bandTitle: (term, leader, from, to) => `tick ${f.count(from)}–${f.count(to)}：任期 ${term}，${leader === null ? '没有领导者' : `节点 ${leader} 是领导者`}`,
  pending: (from) => `从 tick ${f.count(from)} 起仍在读取`,
  kinds: {
    election: (node) => `节点 ${node ?? '?'} 发起选举`,
    leader: (node) => `节点 ${node ?? '?'} 成为领导者`,
    crash: (node) => `节点 ${node ?? '?'} 崩溃`,
    restart: (node) => `节点 ${node ?? '?'} 重启`,
    partition: () => '网络被划分',
    heal: () => '网络恢复',
    violation: () => '安全性被破坏',
    stall: () => '活性停滞',
    halt: () => '被破坏的运行停止了',
  },
  mark: (tick, what) => `tick ${f.count(tick)}：${what}`,
  marks: (count, from, to, first) => `tick ${f.count(from)}–${f.count(to)}：${f.count(count)} 个事件，第一个是${first}`,
  stop: (tick, breakpoint) => `tick ${f.count(tick)}：已暂停（${breakpoint}）`,
  branchStart: (tick, name, parent) => `tick ${f.count(tick)}：${name} 在此离开 ${parent}`,
  branchLeaves: (tick, name) => `tick ${f.count(tick)}：${name} 在此分出（切换到它）`,
  truncated: (max) => `任期带只显示这次运行的前 ${f.count(max)} 个任期和标记。`,
};

/** fuzz 区域的文字（简体中文）：在后台 worker 中运行大量种子，打开第一个失败的运行。 */
import { makeFormat } from '../format.ts';
import type { Messages } from '../messages.ts';

const f = makeFormat('zh-CN');

const duration = (seconds: number): string => (seconds < 60 ? `${Math.max(1, Math.round(seconds))} 秒` : `${Math.floor(seconds / 60)} 分 ${Math.round(seconds % 60)} 秒`);

export const fuzz: Messages['fuzz'] = {
  name: '模糊测试',
  hint: '在后台 worker 中运行大量种子，每个种子都有自己的崩溃、分区、消息丢失和客户端负载；检查各项安全性质、网络恢复后的活性，以及客户端历史。打开一个不安全开关，看它如何被发现。',
  seeds: '种子数',
  from: '起始种子',
  ticks: '每个种子的 tick 数',
  workers: 'worker 数',
  run: '运行模糊测试',
  pause: '暂停',
  resume: '继续',
  cancel: '取消',
  progress: '模糊测试进度',
  running: (done, total, failing, perMinute, secondsLeft) =>
    `已完成 ${f.count(done)} / ${f.count(total)} 个种子 · ${f.count(failing)} 个失败${perMinute === null ? '' : ` · 每分钟 ${f.count(perMinute)} 个种子`}${secondsLeft === null ? '' : ` · 约剩 ${duration(secondsLeft)}`}`,
  paused: (done, total) => `已暂停：完成 ${f.count(done)} / ${f.count(total)} 个种子`,
  cancelled: (done, total) => `已取消：完成 ${f.count(done)} / ${f.count(total)} 个种子`,
  passed: (total) => `${f.count(total)} 个种子，没有发现违规`,
  failed: (seed, kind, tick) => `种子 ${f.count(seed)} 失败：在 tick ${f.count(tick)} 出现${kind}`,
  kinds: {
    violation: '安全性违规',
    halted: '被破坏的运行停止',
    liveness: '网络恢复后没有进展',
    linearizability: '不可线性化的客户端历史',
    error: 'Raftlab 内部错误',
  },
  rate: (perMinute, ticks) => `每分钟 ${f.count(perMinute)} 个 ${f.count(ticks)} tick 的种子`,
  open: '打开失败的运行',
  shrink: '缩减后打开',
  shrinking: '缩减进度',
  shrinkStatus: (replays, max, actions) => `正在缩减：已重放 ${f.count(replays)} 次（最多 ${f.count(max)} 次）；运行已缩减到 ${f.count(actions)} 个操作`,
  shrunk: (actions, nodes, tick) => `已缩减到 ${f.count(nodes)} 个节点上的 ${f.count(actions)} 个操作，在 tick ${f.count(tick)} 失败；已打开`,
  shrinkCancelled: '已取消缩减',
  error: (message) => `模糊测试 worker 出错：${message}`,
  runName: (seed) => `模糊测试种子 ${seed}`,
  runNameShrunk: (seed) => `模糊测试种子 ${seed}（已缩减）`,
};

/**
 * Time travel over a long run, measured in Node (the same V8 and the same Timeline code the
 * worker runs): how long seeking to tick 0 and back to the end takes after a 1,000,000-tick run,
 * and how much memory the run's history (checkpoints and actions) holds.
 */
import { Timeline } from '../src/core/index.ts';

export interface HistoryFigure {
  nodes: number;
  ticks: number;
  secondsToRun: number;
  checkpoints: number;
  seekToStartMs: number;
  seekToEndMs: number;
  /** Median, 95th percentile and worst of 50 seeks to spread-out ticks. */
  seekRandomMedianMs: number;
  seekRandomP95Ms: number;
  seekRandomWorstMs: number;
  historyMegabytes: number | null;
}

function heapUsed(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return null;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function time(action: () => void): number {
  const start = performance.now();
  action();
  return Number((performance.now() - start).toFixed(2));
}

export function measureHistory(options: { nodes: number; ticks: number }): HistoryFigure {
  const before = heapUsed();
  const timeline = new Timeline({ nodes: options.nodes, seed: 1, network: { dropRatio: 0.1 }, workload: { proposeEveryTicks: 10 } });
  const start = performance.now();
  for (let done = 0; done < options.ticks; done += 10_000) {
    timeline.advance(10_000);
    if (done % 100_000 === 50_000) timeline.act({ type: 'crash', node: 1 + (Math.floor(done / 100_000) % options.nodes) });
    if (done % 100_000 === 80_000) {
      const crashed = timeline.current.nodeIds.find((id) => !timeline.current.nodeState(id).alive);
      if (crashed !== undefined) timeline.act({ type: 'restart', node: crashed });
    }
  }
  const secondsToRun = (performance.now() - start) / 1000;
  const end = timeline.maxTick;
  const seekToStartMs = time(() => timeline.seek(0));
  const seekToEndMs = time(() => timeline.seek(end));
  const seeks: number[] = [];
  for (let i = 1; i <= 50; i += 1) seeks.push(time(() => timeline.seek((i * 7919 * 13) % end)));
  seeks.sort((a, b) => a - b);
  timeline.seek(end);
  const after = heapUsed();
  return {
    nodes: options.nodes,
    ticks: end,
    secondsToRun: Number(secondsToRun.toFixed(2)),
    checkpoints: timeline.checkpointCount,
    seekToStartMs,
    seekToEndMs,
    seekRandomMedianMs: seeks[25]!,
    seekRandomP95Ms: seeks[47]!,
    seekRandomWorstMs: seeks[49]!,
    // The live simulation is part of this too; it is small next to the checkpoints.
    historyMegabytes: before === null || after === null ? null : Number(((after - before) / 1_048_576).toFixed(1)),
  };
}

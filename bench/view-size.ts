/**
 * The size of what the worker posts per animation frame, measured on the worker's own logic in
 * Node: 9 nodes, 10% loss, a client request every 10 ticks, played at 1,000 ticks per second of
 * 60 frames. Size is the JSON length of the posted message, a close stand-in for what structured
 * clone copies.
 */
import type { FromWorker } from '../src/protocol/worker-protocol.ts';
import { createWorkerLogic } from '../src/worker/worker-logic.ts';

export interface ViewSizeFigure {
  nodes: number;
  ticks: number;
  frames: number;
  /** The view alone (what the screen draws), JSON characters. */
  viewMeanBytes: number;
  viewMaxBytes: number;
  /** The whole posted frame: view, timeline and the events since the previous frame. */
  frameMeanBytes: number;
  frameMaxBytes: number;
}

export function measureViewSize(options: { nodes: number; ticks: number }): ViewSizeFigure {
  const sizes: number[] = [];
  const viewSizes: number[] = [];
  let tick = 0;
  const logic = createWorkerLogic((message: FromWorker) => {
    if (message.type !== 'frame') return;
    sizes.push(JSON.stringify(message).length);
    viewSizes.push(JSON.stringify(message.view).length);
    tick = message.timeline.tick;
  });
  logic.handle({ type: 'init', options: { nodes: options.nodes, seed: 1, network: { dropRatio: 0.1 }, workload: { proposeEveryTicks: 10 } } });
  logic.handle({ type: 'set-speed', ticksPerSecond: 1_000 });
  logic.handle({ type: 'play' });
  sizes.length = 0;
  viewSizes.length = 0;
  // Bounded: each frame advances about 17 ticks.
  for (let frame = 0; tick < options.ticks && frame < options.ticks; frame += 1) logic.handle({ type: 'frame', elapsedMs: 1000 / 60 });
  return {
    nodes: options.nodes,
    ticks: tick,
    frames: sizes.length,
    viewMeanBytes: mean(viewSizes),
    viewMaxBytes: Math.max(...viewSizes),
    frameMeanBytes: mean(sizes),
    frameMaxBytes: Math.max(...sizes),
  };
}

function mean(values: readonly number[]): number {
  return Math.round(values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length));
}

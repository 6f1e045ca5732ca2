/**
 * Importing a run, as the app's Import does: a 100,000-action run (a put to the leader every 10
 * ticks, and a crash and restart every 50,000 ticks, over 1,000,000 ticks of 5 nodes with 10% loss)
 * is exported, turned into JSON text and back as a user's file would be, then rebuilt through the
 * Timeline by the worker's importRun. Printed, never asserted.
 */
import type { Action } from '../src/core/index.ts';
import { Timeline } from '../src/core/index.ts';
import { exportRun, importRun } from '../src/worker/run-file.ts';

export interface ImportFigure {
  actions: number;
  ticks: number;
  fileMegabytes: number;
  secondsToImport: number;
  checkpoints: number;
}

function buildRun(actionCount: number): unknown {
  const timeline = new Timeline({ nodes: 5, seed: 1, network: { dropRatio: 0.1 } });
  let count = 0;
  while (count < actionCount) {
    timeline.advance(10);
    let action: Action = { type: 'propose', node: 'leader', command: { type: 'put', key: `k${count % 64}`, value: `v${count}` } };
    if (timeline.tick % 50_000 === 0) action = { type: 'crash', node: 1 + ((timeline.tick / 50_000) % 5) };
    else if (timeline.tick % 50_000 === 25_000) {
      const down = timeline.current.nodeIds.find((id) => !timeline.current.isAlive(id));
      if (down !== undefined) action = { type: 'restart', node: down };
    }
    timeline.act(action);
    count += 1;
  }
  return exportRun(timeline);
}

export function measureImport(options: { actions: number }): ImportFigure {
  const text = JSON.stringify(buildRun(options.actions));
  const start = performance.now();
  const timeline = importRun(JSON.parse(text) as unknown);
  const secondsToImport = (performance.now() - start) / 1_000;
  return {
    actions: timeline.recordedActions.length,
    ticks: timeline.maxTick,
    fileMegabytes: Number((text.length / 1_048_576).toFixed(1)),
    secondsToImport: Number(secondsToImport.toFixed(2)),
    checkpoints: timeline.checkpointCount,
  };
}

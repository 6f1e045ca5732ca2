/**
 * Runs as data: how long permalinks get and how fast they encode and decode; how fast scenario
 * text parses, compiles and prints back for a long run; and what following a run's expectations
 * costs next to the run itself (the worker's ExpectationWatch, while a loaded cluster plays);
 * and what switching branches costs, forked late and early in a long run. Printed, never asserted.
 */
import type { Action } from '../src/core/index.ts';
import { BranchTree, Timeline } from '../src/core/index.ts';
import { decodePermalink, encodePermalink } from '../src/protocol/permalink.ts';
import { compileScenario, ExpectationWatch, parseScenario, runToScenarioText } from '../src/scenario/index.ts';
import { exportRun } from '../src/worker/run-file.ts';

function loadedRun(actions: number): Timeline {
  const timeline = new Timeline({ nodes: 5, seed: 3, network: { dropRatio: 0.05 } });
  for (let count = 0; count < actions; count += 1) {
    timeline.advance(10);
    const action: Action = count % 500 === 250 ? { type: 'crash', node: 1 + ((count / 500) % 5) } : count % 500 === 499 ? { type: 'heal' } : { type: 'propose', node: 'leader', command: { type: 'put', key: `k${count % 64}`, value: `v${count}` } };
    try {
      timeline.act(action);
    } catch {
      // A crash of a node already down: skip it.
    }
  }
  return timeline;
}

async function permalinkFigure(actions: number) {
  const run = exportRun(loadedRun(actions));
  let start = performance.now();
  const link = await encodePermalink(run);
  const encodeMs = performance.now() - start;
  start = performance.now();
  const decoded = await decodePermalink(link);
  const decodeMs = performance.now() - start;
  return { actions: run.actions.length, linkChars: link.length, fitsAnAddress: link.length <= 8_192, encodeMs: Number(encodeMs.toFixed(1)), decodeMs: Number(decodeMs.toFixed(1)), ok: decoded.ok };
}

function scenarioTextFigure(actions: number) {
  const run = exportRun(loadedRun(actions));
  let start = performance.now();
  const text = runToScenarioText(run.options, run.actions, run.annotations);
  const printMs = performance.now() - start;
  start = performance.now();
  const parsed = parseScenario(text);
  const parseMs = performance.now() - start;
  if (!parsed.ok) throw new Error('bench: the printed text does not parse');
  start = performance.now();
  const compiled = compileScenario(parsed.scenario);
  const compileMs = performance.now() - start;
  return { actions: run.actions.length, textKilobytes: Math.round(text.length / 1024), printMs: Math.round(printMs), parseMs: Math.round(parseMs), compileMs: Math.round(compileMs), sameActions: compiled.ok && compiled.actions.length === run.actions.length };
}

/** Plays a loaded run in steps of `stride` ticks, with and without a watch following it. */
function watchFigure(ticks: number, stride: number) {
  const play = (watch: boolean): number => {
    const timeline = new Timeline({ nodes: 5, seed: 4, network: { dropRatio: 0.1 } });
    timeline.act({ type: 'configure-workload', workload: { proposeEveryTicks: 10 } });
    const expectations = ['expect always: no violation', 'expect always: at most one leader per term', 'expect by 2000: leader in {1,2,3,4,5}', 'expect never: k1=nothing committed', 'expect from 5000 by 90000: node 3 in term ≥ 2'];
    const follower = watch ? new ExpectationWatch(timeline.options, expectations, null) : null;
    const start = performance.now();
    while (timeline.tick < ticks) {
      timeline.advance(stride);
      follower?.follow(timeline.recordedActions, timeline.maxTick);
    }
    return performance.now() - start;
  };
  const alone = play(false);
  const watched = play(true);
  return { ticks, stride, ticksPerSecondAlone: Math.round(ticks / (alone / 1000)), ticksPerSecondWatched: Math.round(ticks / (watched / 1000)), slowdown: Number((watched / alone).toFixed(2)) };
}

/**
 * A run of `ticks` with a write every 10 ticks, forked at `forkShare` of the way by crashing a
 * node: the time to switch to the first branch (at its end) and back (at the fork).
 */
function branchFigure(ticks: number, forkShare: number) {
  const timeline = new Timeline({ nodes: 5, seed: 6 });
  timeline.act({ type: 'configure-workload', workload: { proposeEveryTicks: 10 } });
  const tree = new BranchTree(timeline);
  tree.timeline.advance(ticks);
  const fork = Math.round(ticks * forkShare);
  tree.timeline.seek(fork);
  tree.act({ type: 'crash', node: 2 });
  tree.timeline.advance(ticks - fork);
  let start = performance.now();
  tree.switchTo(1, ticks);
  const toFirstMs = performance.now() - start;
  start = performance.now();
  tree.switchTo(2, fork);
  const backMs = performance.now() - start;
  return { ticks, forkTick: fork, switchToFirstAtItsEndMs: Math.round(toFirstMs), switchBackAtTheForkMs: Math.round(backMs) };
}

export async function measureRuns(options: { quick: boolean }) {
  const sizes = options.quick ? [100, 1_000] : [100, 1_000, 10_000];
  const permalinks = [];
  for (const actions of sizes) permalinks.push(await permalinkFigure(actions));
  return {
    permalinks,
    scenarioText: scenarioTextFigure(options.quick ? 2_000 : 20_000),
    expectationWatch: watchFigure(options.quick ? 20_000 : 100_000, 100),
    branches: [0.1, 0.9].map((share) => branchFigure(options.quick ? 20_000 : 100_000, share)),
  };
}

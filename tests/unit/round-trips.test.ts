/**
 * One run through every form it takes: the run (as the worker exports it) to JSON, to scenario
 * text, to a permalink, and back, for a lesson-like scenario and for a long seeded run of mixed
 * actions. Each form gives back the same run, and replaying any of them in the worker reaches the
 * same states as the original; the text form is a fixed point after one round.
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/core/index.ts';
import type { Action } from '../../src/core/index.ts';
import { decodePermalink, encodePermalink } from '../../src/protocol/permalink.ts';
import { canonicalRun } from '../../src/protocol/run-compact.ts';
import type { FromWorker, Run } from '../../src/protocol/worker-protocol.ts';
import { compileScenario, parseScenario, runToScenarioText } from '../../src/scenario/index.ts';
import { exportRun, importRun, parseRun } from '../../src/worker/run-file.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';

/** A seeded run of every kind of action, as a user would make it over `ticks`. */
function mixedRun(seed: number, actions: number, spacing: number): Run {
  const timeline = new Timeline({ nodes: 5, seed, network: { dropRatio: 0.02 } });
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const node = () => 1 + Math.floor(random() * 5);
  const kinds: (() => Action)[] = [
    () => ({ type: 'propose', node: 'leader', command: { type: 'put', key: `k${Math.floor(random() * 20)}`, value: `v${Math.floor(random() * 1000)}` } }),
    () => ({ type: 'propose', node: node(), command: { type: 'delete', key: `k${Math.floor(random() * 20)}` } }),
    () => ({ type: 'crash', node: node() }),
    () => ({ type: 'restart', node: node() }),
    () => ({ type: 'isolate', node: node() }),
    () => ({ type: 'rejoin', node: node() }),
    () => ({ type: 'partition', groups: [[1, 2], [3, 4, 5]] }),
    () => ({ type: 'cut-link', from: node(), to: node(), bothWays: random() < 0.5 }),
    () => ({ type: 'restore-link', from: node(), to: node(), bothWays: random() < 0.5 }),
    () => ({ type: 'heal' }),
    () => ({ type: 'configure-network', network: { delayTicksMin: 2, delayTicksMax: 2 + Math.floor(random() * 20) } }),
    () => ({ type: 'configure-workload', workload: { proposeEveryTicks: random() < 0.5 ? 0 : 200 } }),
    () => ({ type: 'campaign', node: node() }),
    () => ({ type: 'transfer-leadership', node: node() }),
    () => ({ type: 'add-node' }),
    () => ({ type: 'remove-node', node: node() }),
    () => ({ type: 'get', node: random() < 0.5 ? 'leader' : node(), key: `k${Math.floor(random() * 20)}` }),
  ];
  for (let taken = 0; taken < actions; ) {
    timeline.advance(1 + Math.floor(random() * spacing));
    try {
      timeline.act(kinds[Math.floor(random() * kinds.length)]!());
      taken += 1;
    } catch {
      // Refused in this state (restarting a running node, a link to itself): try another.
    }
  }
  timeline.advance(spacing);
  return exportRun(timeline);
}

const lesson = `nodes 5; seed 11
latency 5..15
at 100: caption "Watch the first election"
at 300: put x=1 to leader
at 900: mark after-crash
at 900: crash leader
at +20: put y=2 to leader
expect by 600: x=1 committed on all
expect never: y=3 committed
expect always: no violation`;

function viewAt(run: Run): string {
  const timeline = importRun(JSON.parse(JSON.stringify(run)));
  return JSON.stringify(timeline.current.view());
}

async function throughEveryForm(run: Run): Promise<void> {
  // JSON.
  const fromJson = parseRun(JSON.parse(JSON.stringify(run)));
  expect(fromJson).toEqual(run);
  // Permalink.
  const decoded = await decodePermalink(await encodePermalink(run));
  expect(decoded.ok).toBe(true);
  if (!decoded.ok) return;
  expect(decoded.run).toEqual(canonicalRun(run));
  expect(decoded.run.actions).toEqual(run.actions);
  expect(decoded.run.annotations).toEqual(run.annotations);
  // Scenario text: the same options, actions and annotations, and a fixed point.
  const text = runToScenarioText(run.options, run.actions, run.annotations);
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors[0]));
  const compiled = compileScenario(parsed.scenario);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors[0]));
  expect(compiled.actions).toEqual(run.actions);
  expect(compiled.annotations.captions).toEqual(run.annotations.captions);
  expect(compiled.annotations.marks).toEqual(run.annotations.marks);
  expect(compiled.annotations.expectations).toEqual(run.annotations.expectations);
  expect(runToScenarioText(compiled.options, compiled.actions, compiled.annotations)).toBe(text);
  // Every form replays to the same state at the run's tick.
  const fromText: Run = { ...run, options: compiled.options, actions: compiled.actions };
  const expected = viewAt(run);
  expect(viewAt(fromJson)).toBe(expected);
  expect(viewAt(decoded.run)).toBe(expected);
  expect(viewAt(fromText)).toBe(expected);
}

describe('run ↔ JSON ↔ scenario text ↔ permalink', () => {
  it('a scenario opened in the worker, acted on, and exported', async () => {
    const replies: FromWorker[] = [];
    const worker = createWorkerLogic((message) => replies.push(message), () => 0); // A fixed clock: the import finishes in one chunk however busy the cores are.
    worker.handle({ type: 'open-scenario', text: lesson });
    worker.handle({ type: 'seek', tick: 1500 });
    worker.handle({ type: 'act', action: { type: 'isolate', node: 2 } });
    worker.handle({ type: 'step', ticks: 300 });
    worker.handle({ type: 'export-run' });
    const run = (replies.filter((reply) => reply.type === 'run').at(-1) as Extract<FromWorker, { type: 'run' }>).run;
    expect(run.annotations.captions).toHaveLength(1);
    expect(run.actions.length).toBeGreaterThanOrEqual(4);
    await throughEveryForm(run);
  });

  it('a long seeded run of every kind of action (2,000 actions over about 100,000 ticks)', { timeout: 60_000 }, async () => {
    const run = mixedRun(5, 2_000, 100);
    expect(run.tick).toBeGreaterThan(90_000);
    expect(new Set(run.actions.map((entry) => entry.action.type)).size).toBe(16);
    await throughEveryForm(run);
  });
});

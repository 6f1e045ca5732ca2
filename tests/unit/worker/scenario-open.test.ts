/**
 * Scenarios in the worker: 'open-scenario' parses and compiles the text, replays it to the
 * scenario's end like an import and shows it from tick 0, posting the run's annotations and its
 * expectation results; bad text is one 'error' carrying every problem, and the run stays. The
 * results follow the run as it is played and acted on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../../../src/protocol/worker-protocol.ts';
import { runToScenarioText } from '../../../src/scenario/index.ts';
import type { WatchedResult } from '../../../src/scenario/index.ts';
import { workerHarness } from '../../support/worker-harness.ts';

function harness() {
  const worker = workerHarness();
  return { ...worker, lastResults: (): readonly WatchedResult[] => worker.last('expectations').results };
}

/** tests/fixtures/lesson.scn: node 1 elected by hand, x=1 committed, one expectation failing on purpose. */
const lesson = readFileSync(new URL('../../fixtures/lesson.scn', import.meta.url), 'utf8');

const frameOf = (replies: readonly FromWorker[]) => replies.find((reply): reply is Extract<FromWorker, { type: 'frame' }> => reply.type === 'frame')!;

describe('open-scenario', () => {
  it('replays the scenario to its end, shows tick 0, and posts its annotations and results', () => {
    const h = harness();
    h.send({ type: 'init', options: { nodes: 3 } });
    const replies = h.send({ type: 'open-scenario', text: lesson });
    expect(replies.map((reply) => reply.type)).toEqual(['import-done', 'annotations', 'expectations', 'frame']);
    const frame = frameOf(replies);
    expect(frame.timeline.tick).toBe(0);
    expect(frame.timeline.maxTick).toBe(600);
    expect(frame.timeline.playing).toBe(false);
    const annotations = (replies[1] as Extract<FromWorker, { type: 'annotations' }>).annotations;
    expect(annotations).toEqual({
      captions: [{ tick: 100, text: 'Node 1 stands for election' }],
      marks: [{ tick: 300, name: 'replicated' }],
      expectations: ['expect by 150: leader in {1}', 'expect by 400: x=1 committed on all', 'expect at 500: node 2 is a leader', 'expect always: no violation'],
      end: 600,
      breakpoints: [],
    });
    const results = h.lastResults();
    expect(results.map((result) => [result.status, result.tick])).toEqual([
      ['passed', 120],
      ['passed', expect.any(Number) as number],
      ['failed', 500],
      ['passed', 600],
    ]);
    expect(results[1]!.tick!).toBeGreaterThan(200);
    expect(results[1]!.tick!).toBeLessThanOrEqual(400);
    expect(results[2]!.state?.condition).toEqual({ kind: 'role', node: 2, role: 'follower', unresolved: [] });
    expect(h.exported().actions).toEqual([
      { tick: 100, action: { type: 'campaign', node: 1 } },
      { tick: 200, action: { type: 'propose', node: 'leader', command: { type: 'put', key: 'x', value: '1' } } },
    ]);
  });

  it('bad text is one error with every problem, placed; the run on screen stays', () => {
    const h = harness();
    h.send({ type: 'init', options: { nodes: 3, seed: 4 } });
    h.send({ type: 'step', ticks: 250 });
    const before = h.exported();
    // A statement with an error is skipped, so the tick that goes backwards is line 4's.
    const replies = h.send({ type: 'open-scenario', text: 'nodes 5\nat 100: partiton {1,2} {3}\nat 200: crash 1\nat 50: crash 9\n' });
    expect(replies.map((reply) => reply.type)).toEqual(['error']);
    const error = replies[0] as Extract<FromWorker, { type: 'error' }>;
    expect(error.problem?.code).toBe('scenario');
    const problem = error.problem as Extract<NonNullable<typeof error.problem>, { code: 'scenario' }>;
    expect(problem.stage).toBe('parse');
    expect(problem.errors.map((item) => [item.line, item.column, item.code])).toEqual([
      [2, 9, 'unknown-action'],
      [4, 4, 'tick-backwards'],
    ]);
    expect(problem.errors[0]!.suggestion).toBe('partition');
    expect(error.message).toBe("The scenario could not be opened: line 2, column 9: unknown action 'partiton' — did you mean 'partition'? (and 1 more)");
    expect(h.exported()).toEqual(before);
  });

  it('a scenario that compiles to nothing (a symbolic node naming none) is refused at its line', () => {
    const h = harness();
    h.send({ type: 'init', options: { nodes: 3 } });
    const replies = h.send({ type: 'open-scenario', text: 'nodes 3\nat 0: crash leader' });
    const error = replies[0] as Extract<FromWorker, { type: 'error' }>;
    expect(error.problem).toMatchObject({ code: 'scenario', stage: 'compile', errors: [{ code: 'no-node', line: 2, tick: 0, reason: 'no-leader' }] });
  });

  it('results follow acts: an act at the end of the run is decided again', () => {
    const h = harness();
    h.send({ type: 'open-scenario', text: 'nodes 3; seed 2\nexpect always: node 1 is a follower\nexpect never: node 1 is a leader\nrun until 1000' });
    // The timeline reaches the scenario's end, where nothing contradicted either.
    expect(h.lastResults().map((result) => [result.status, result.tick])).toEqual([
      ['passed', 1000],
      ['passed', 1000],
    ]);
    expect(frameOf(h.send({ type: 'seek', tick: 1000 })).timeline.maxTick).toBe(1000);
    h.send({ type: 'act', action: { type: 'crash', node: 1 } });
    h.send({ type: 'step', ticks: 500 });
    const results = h.lastResults();
    expect(results[0]).toMatchObject({ status: 'failed', tick: 1000 });
    expect(results[0]!.state?.condition).toMatchObject({ kind: 'role', node: 1, role: 'crashed' });
    expect(results[1]).toMatchObject({ status: 'passed', tick: 1500 });
  });

  it('results follow a fork: acting in the past decides them again on the new run', () => {
    const h = harness();
    h.send({ type: 'open-scenario', text: 'nodes 3; seed 2\nexpect never: node 1 is crashed\nrun until 1000' });
    expect(h.lastResults()).toMatchObject([{ status: 'passed', tick: 1000 }]);
    // Back to tick 400, crash node 1 there: the run forks, and the expectation fails at 400.
    h.send({ type: 'seek', tick: 400 });
    h.send({ type: 'act', action: { type: 'crash', node: 1 } });
    expect(h.lastResults()).toMatchObject([{ status: 'failed', tick: 400 }]);
  });

  it('before the scenario end an uncontradicted always/never is holding, not passed', () => {
    const h = harness();
    h.send({ type: 'init', options: { nodes: 3 } });
    h.send({ type: 'act', action: { type: 'crash', node: 3 } });
    const run = h.exported();
    // A run with expectations but no end (a hand-written file): it holds so far.
    h.send({ type: 'import-run', run: { ...run, annotations: { captions: [], marks: [], expectations: ['expect always: no violation'], end: null } } });
    expect(h.lastResults()).toMatchObject([{ status: 'holding', tick: 0 }]);
    // Still holding: nothing new to post while the run goes on.
    expect(h.send({ type: 'step', ticks: 300 }).map((reply) => reply.type)).toEqual(['frame']);
  });

  it('plays to the scenario end and pauses there; Play again goes on past it', () => {
    const h = harness();
    h.send({ type: 'open-scenario', text: 'nodes 3\nexpect always: no violation\nrun until 300' });
    h.send({ type: 'set-speed', ticksPerSecond: 1000 });
    h.send({ type: 'play' });
    let last = frameOf(h.send({ type: 'frame', elapsedMs: 250 }));
    expect(last.timeline.tick).toBe(250);
    last = frameOf(h.send({ type: 'frame', elapsedMs: 250 }));
    expect(last.timeline).toMatchObject({ tick: 300, playing: false });
    h.send({ type: 'play' });
    last = frameOf(h.send({ type: 'frame', elapsedMs: 100 }));
    expect(last.timeline).toMatchObject({ tick: 400, playing: true });
  });

  it('plays until a tick when asked (a lesson’s next step), and pauses there; Pause forgets it', () => {
    const h = harness();
    h.send({ type: 'init', options: { nodes: 3 } });
    h.send({ type: 'set-speed', ticksPerSecond: 1000 });
    h.send({ type: 'play', until: 120 });
    let last = frameOf(h.send({ type: 'frame', elapsedMs: 100 }));
    expect(last.timeline).toMatchObject({ tick: 100, playing: true });
    last = frameOf(h.send({ type: 'frame', elapsedMs: 100 }));
    expect(last.timeline).toMatchObject({ tick: 120, playing: false });
    // Play again plays on; a stop behind the run is no stop.
    h.send({ type: 'play', until: 50 });
    last = frameOf(h.send({ type: 'frame', elapsedMs: 100 }));
    expect(last.timeline).toMatchObject({ tick: 220, playing: true });
    h.send({ type: 'play', until: 300 });
    h.send({ type: 'pause' });
    h.send({ type: 'play' });
    last = frameOf(h.send({ type: 'frame', elapsedMs: 200 }));
    expect(last.timeline).toMatchObject({ tick: 420, playing: true });
  });

  it('plays faster than chosen to reach a far step in about the time asked, then at the chosen speed again', () => {
    const h = harness();
    h.send({ type: 'init', options: { nodes: 3 } });
    h.send({ type: 'set-speed', ticksPerSecond: 40 });
    // 2,000 ticks away, to be reached in 4 s: 500 ticks a second rather than 40.
    h.send({ type: 'play', until: 2_000, withinMs: 4_000 });
    let last = frameOf(h.send({ type: 'frame', elapsedMs: 1_000 }));
    expect(last.timeline.tick).toBe(500);
    for (let i = 0; i < 3; i += 1) last = frameOf(h.send({ type: 'frame', elapsedMs: 1_000 }));
    expect(last.timeline).toMatchObject({ tick: 2_000, playing: false });
    // A near step is reached at the chosen speed: 40 ticks in a second, not faster.
    h.send({ type: 'play', until: 2_100, withinMs: 4_000 });
    last = frameOf(h.send({ type: 'frame', elapsedMs: 1_000 }));
    expect(last.timeline.tick).toBe(2_040);
    h.send({ type: 'pause' });
    h.send({ type: 'play' });
    last = frameOf(h.send({ type: 'frame', elapsedMs: 1_000 }));
    expect(last.timeline.tick).toBe(2_080);
  });

  it('a run without expectations clears the list once, then posts none', () => {
    const h = harness();
    h.send({ type: 'open-scenario', text: 'nodes 3\nexpect always: no violation' });
    const cleared = h.send({ type: 'init', options: { nodes: 3 } });
    expect(cleared.map((reply) => reply.type)).toEqual(['annotations', 'expectations', 'frame']);
    expect(h.lastResults()).toEqual([]);
    expect(h.send({ type: 'step', ticks: 10 }).map((reply) => reply.type)).toEqual(['frame']);
  });

  it('export as scenario text opens back to the same run', () => {
    const h = harness();
    h.send({ type: 'open-scenario', text: lesson });
    h.send({ type: 'seek', tick: 600 });
    h.send({ type: 'act', action: { type: 'isolate', node: 3 } });
    h.send({ type: 'step', ticks: 50 });
    const run = h.exported();
    const text = runToScenarioText(run.options, run.actions, run.annotations);
    const other = harness();
    other.send({ type: 'open-scenario', text });
    const again = other.exported();
    expect(again.options).toEqual(run.options);
    expect(again.actions).toEqual(run.actions);
    expect(again.annotations).toEqual(run.annotations);
    expect(runToScenarioText(again.options, again.actions, again.annotations)).toBe(text);
  });
});

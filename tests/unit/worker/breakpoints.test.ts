/**
 * Breakpoints in the worker (src/worker/worker-logic.ts), driven as the app drives it: commands
 * in, replies out, exactly as tests/unit/worker/worker-logic.test.ts does. The run's breakpoints
 * are annotations (set-breakpoints answers 'annotations', export carries them, a new run drops
 * them, an import brings its own); playing, Step and Next event stop at the first tick an
 * enabled one holds, post 'breakpoint-hit' and 'breakpoint-hits' before the paused frame, and go
 * on past it when played again; the hits follow the list and the run. The ticks expected come
 * from the same run in a plain headless Simulation.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/core/index.ts';
import type { ClusterView, SimEvent, SimulationOptions } from '../../../src/core/index.ts';
import type { BreakpointMark, FromWorker, Run, ToWorker } from '../../../src/protocol/worker-protocol.ts';
import { decodeView } from '../../../src/protocol/wire-view.ts';
import type { BreakpointSetting } from '../../../src/scenario/annotations.ts';
import { createWorkerLogic } from '../../../src/worker/worker-logic.ts';

const options: SimulationOptions = { nodes: 5, seed: 1 };

type Frame = Extract<FromWorker, { type: 'frame' }>;

function harness() {
  const replies: FromWorker[] = [];
  // A clock that never moves: a frame always runs all the ticks it buys (no early stop).
  const logic = createWorkerLogic((message) => replies.push(message), () => 0);
  const send = (command: ToWorker): FromWorker[] => {
    const start = replies.length;
    logic.handle(command);
    return replies.slice(start);
  };
  const types = (command: ToWorker) => send(command).map((reply) => reply.type);
  const frameOf = (out: readonly FromWorker[]): Frame => {
    const frame = out.find((reply): reply is Frame => reply.type === 'frame');
    if (frame === undefined) throw new Error(`no frame in ${out.map((reply) => reply.type).join(', ')}`);
    return frame;
  };
  const view = (out: readonly FromWorker[]): ClusterView => decodeView(frameOf(out).view);
  const hitOf = (out: readonly FromWorker[]) => out.find((reply): reply is Extract<FromWorker, { type: 'breakpoint-hit' }> => reply.type === 'breakpoint-hit');
  const hitsOf = (out: readonly FromWorker[]) => out.find((reply): reply is Extract<FromWorker, { type: 'breakpoint-hits' }> => reply.type === 'breakpoint-hits')?.hits;
  const exported = (): Run => (send({ type: 'export-run' })[0] as Extract<FromWorker, { type: 'run' }>).run;
  send({ type: 'init', options });
  send({ type: 'set-speed', ticksPerSecond: 100_000 });
  return { send, types, frameOf, view, hitOf, hitsOf, exported };
}

type Harness = ReturnType<typeof harness>;

const on = (breakpoint: BreakpointSetting['breakpoint'], enabled = true): BreakpointSetting => ({ breakpoint, enabled });

/** Plays frame after frame (16 ms at 100,000 ticks/s: 1,600 ticks each) until the worker pauses or `frames` pass; returns the last frame's replies. */
function playUntilPaused(h: Harness, frames = 20): FromWorker[] {
  h.send({ type: 'play' });
  let out: FromWorker[] = [];
  for (let i = 0; i < frames; i += 1) {
    out = h.send({ type: 'frame', elapsedMs: 16 });
    if (!h.frameOf(out).timeline.playing) break;
  }
  return out;
}

/** The ticks after `after` at which the plain simulation had an event satisfying `holds`. */
function referenceTicks(holds: (event: SimEvent) => boolean, until: number, after = 0): number[] {
  const simulation = new Simulation({ ...options, eventLimit: 1_000_000 });
  simulation.advance(until);
  return [...new Set(simulation.events().filter((event) => event.tick > after && holds(event)).map((event) => event.tick))];
}

const leaderTicks = referenceTicks((event) => event.type === 'became-leader', 20_000);
const commitTicks = referenceTicks((event) => event.type === 'commit-advanced', 20_000);

describe('breakpoints kept with the run', () => {
  it('set-breakpoints answers with the annotations and no frame; export carries them; a new run has none', () => {
    const h = harness();
    const list = [on({ kind: 'new-leader' }), on({ kind: 'tick', tick: 900 }, false)];
    const out = h.send({ type: 'set-breakpoints', breakpoints: list });
    expect(out).toEqual([{ type: 'annotations', annotations: { captions: [], marks: [], expectations: [], end: null, breakpoints: list } }]);
    // The same list again changes nothing, so nothing is posted.
    expect(h.send({ type: 'set-breakpoints', breakpoints: list })).toEqual([]);
    expect(h.exported().annotations.breakpoints).toEqual(list);
    expect(h.types({ type: 'init', options })).toEqual(['annotations', 'frame']);
    expect(h.exported().annotations.breakpoints).toEqual([]);
  });

  it('an imported run brings its breakpoints, which stop it where the exported one stopped', () => {
    const h = harness();
    h.send({ type: 'set-breakpoints', breakpoints: [on({ kind: 'new-leader' })] });
    const first = playUntilPaused(h);
    const run = h.exported();
    const other = harness();
    const imported = other.send({ type: 'import-run', run: { ...run, tick: 0 } });
    expect(imported.find((reply) => reply.type === 'annotations')).toMatchObject({ annotations: { breakpoints: [on({ kind: 'new-leader' })] } });
    const again = playUntilPaused(other);
    expect(other.hitOf(again)?.tick).toBe(h.hitOf(first)?.tick);
  });

  it('a bad list is refused with the problem as data, and nothing changes', () => {
    const h = harness();
    const out = h.send({ type: 'set-breakpoints', breakpoints: [{ breakpoint: { kind: 'message', on: 'heard' }, enabled: true }] as unknown as BreakpointSetting[] });
    expect(out).toMatchObject([{ type: 'error', field: 'breakpoints[0].breakpoint.on', problem: { code: 'breakpoint', part: 'on' } }]);
    expect(h.send({ type: 'set-breakpoints', breakpoints: [on({ kind: 'commit' }), on({ kind: 'commit' }, false)] })).toMatchObject([
      { type: 'error', field: 'breakpoints[1]', problem: { code: 'breakpoint-duplicate', first: 'breakpoints[0]' } },
    ]);
    expect(h.send({ type: 'set-breakpoints', breakpoints: 'new-leader' as unknown as BreakpointSetting[] })).toMatchObject([{ type: 'error', problem: { code: 'annotation-list' } }]);
    expect(h.exported().annotations.breakpoints).toEqual([]);
  });
});

describe('playing stops at a breakpoint', () => {
  it('pauses at the tick a leader appears: the hit, the hits, then the paused frame showing the leader', () => {
    const h = harness();
    h.send({ type: 'set-breakpoints', breakpoints: [on({ kind: 'new-leader' })] });
    const out = playUntilPaused(h);
    expect(out.map((reply) => reply.type)).toEqual(['breakpoint-hit', 'breakpoint-hits', 'frame']);
    const hit = h.hitOf(out)!;
    expect(hit).toMatchObject({ index: 0, tick: leaderTicks[0], event: { type: 'became-leader', tick: leaderTicks[0] } });
    expect(h.hitsOf(out)).toEqual([{ tick: leaderTicks[0], index: 0 }]);
    const frame = h.frameOf(out);
    expect(frame.timeline).toMatchObject({ tick: leaderTicks[0], maxTick: leaderTicks[0], playing: false });
    expect(h.view(out).leader).toEqual({ id: hit.event!.node, term: (hit.event as Extract<SimEvent, { type: 'became-leader' }>).term });
    // The frame's events run on from the last frame's and end with the leader's election.
    expect(frame.events.some((event) => event.type === 'became-leader' && event.tick === leaderTicks[0])).toBe(true);
  });

  it('Play goes on past the tick it paused at, to the next time the breakpoint holds', () => {
    const h = harness();
    h.send({ type: 'set-breakpoints', breakpoints: [on({ kind: 'commit' })] });
    const ticks: number[] = [];
    for (let i = 0; i < 3; i += 1) ticks.push(h.hitOf(playUntilPaused(h))!.tick);
    expect(ticks).toEqual(commitTicks.slice(0, 3));
    const out = playUntilPaused(h);
    expect(h.hitsOf(out)).toEqual(commitTicks.slice(0, 4).map((tick) => ({ tick, index: 0 })));
  });

  it('ignores breakpoints that are off, and numbers a hit by its place in the whole list', () => {
    const h = harness();
    h.send({ type: 'set-breakpoints', breakpoints: [on({ kind: 'new-leader' }, false)] });
    h.send({ type: 'play' });
    const out = h.send({ type: 'frame', elapsedMs: 16 });
    expect(out.map((reply) => reply.type)).toEqual(['frame']);
    expect(h.frameOf(out).timeline).toMatchObject({ tick: 1_600, playing: true });
    h.send({ type: 'pause' });
    h.send({ type: 'seek', tick: 0 });
    h.send({ type: 'set-breakpoints', breakpoints: [on({ kind: 'new-leader' }, false), on({ kind: 'commit' }, false), on({ kind: 'term-change' })] });
    const hit = h.hitOf(playUntilPaused(h));
    expect(hit).toMatchObject({ index: 2, event: { type: 'term-changed' } });
    expect(hit!.tick).toBeLessThan(leaderTicks[0]!);
  });

  it('Step stops early at a breakpoint; a step with none reached runs all its ticks', () => {
    const h = harness();
    h.send({ type: 'set-breakpoints', breakpoints: [on({ kind: 'tick', tick: 1_234 })] });
    const stepped = h.send({ type: 'step', ticks: 5_000 });
    expect(stepped.map((reply) => reply.type)).toEqual(['breakpoint-hit', 'breakpoint-hits', 'frame']);
    expect(h.hitOf(stepped)).toEqual({ type: 'breakpoint-hit', index: 0, tick: 1_234, event: null });
    expect(h.frameOf(stepped).timeline).toMatchObject({ tick: 1_234, maxTick: 1_234 });
    const on2 = h.send({ type: 'step', ticks: 100 });
    expect(on2.map((reply) => reply.type)).toEqual(['frame']);
    expect(h.frameOf(on2).timeline.tick).toBe(1_334);
  });

  it('Next event stops at the event a breakpoint holds on, and not before it', () => {
    const h = harness();
    h.send({ type: 'set-breakpoints', breakpoints: [on({ kind: 'new-leader' })] });
    let out: FromWorker[] = [];
    for (let i = 0; i < 1_000 && h.hitOf(out) === undefined; i += 1) {
      out = h.send({ type: 'next-event' });
      expect(h.frameOf(out).timeline.tick).toBeLessThanOrEqual(leaderTicks[0]!);
    }
    expect(h.hitOf(out)).toMatchObject({ tick: leaderTicks[0], event: { type: 'became-leader' } });
    expect(h.frameOf(out).timeline.tick).toBe(leaderTicks[0]);
  });

  it('resets the events when stopping went back to a checkpoint after the last events posted', () => {
    // Posted at 450; the first AppendEntries sent after it is past the checkpoint at 500, and the
    // run went on to the end of its chunk before going back to it.
    const sent = referenceTicks((event) => event.type === 'message-sent' && event.message.type === 'MsgApp', 2_000, 450);
    expect(sent[0]).toBeGreaterThan(500);
    expect(sent[0]).toBeLessThan(450 + 256);
    const h = harness();
    const before = h.frameOf(h.send({ type: 'step', ticks: 450 }));
    h.send({ type: 'set-breakpoints', breakpoints: [on({ kind: 'message', on: 'sent', messageType: 'MsgApp', from: null, to: null })] });
    const out = h.send({ type: 'step', ticks: 1_000 });
    const frame = h.frameOf(out);
    expect(frame.timeline.tick).toBe(sent[0]);
    expect(frame.resetEvents).toBe(true);
    // What the screen then lists has no hole: consecutive events, the last the one that stopped it.
    const seqs = frame.events.map((event) => event.seq);
    expect(seqs).toEqual(seqs.map((_, index) => seqs[0]! + index));
    expect(frame.events.at(-1)).toMatchObject({ type: 'message-sent', tick: sent[0] });
    expect(before.events.length).toBeGreaterThan(0);
  });
});

describe('the hits remembered for the timeline', () => {
  function withTwoHits(): { h: Harness; hits: readonly BreakpointMark[] } {
    const h = harness();
    h.send({ type: 'set-breakpoints', breakpoints: [on({ kind: 'tick', tick: 3_000 }), on({ kind: 'new-leader' })] });
    playUntilPaused(h);
    const out = playUntilPaused(h);
    return { h, hits: h.hitsOf(out)! };
  }

  it('are each tick and breakpoint once, in tick order, even when the run passes them again', () => {
    const { h, hits } = withTwoHits();
    expect(hits).toEqual([
      { tick: leaderTicks[0], index: 1 },
      { tick: 3_000, index: 0 },
    ]);
    h.send({ type: 'seek', tick: 0 });
    const out = playUntilPaused(h);
    expect(h.hitOf(out)?.tick).toBe(leaderTicks[0]);
    // Nothing new to remember: no 'breakpoint-hits'.
    expect(out.map((reply) => reply.type)).toEqual(['breakpoint-hit', 'frame']);
  });

  it('follow their breakpoint when the list changes, and go with a removed one', () => {
    const { h } = withTwoHits();
    const swapped = h.send({ type: 'set-breakpoints', breakpoints: [on({ kind: 'new-leader' }, false), on({ kind: 'tick', tick: 3_000 })] });
    expect(swapped.map((reply) => reply.type)).toEqual(['annotations', 'breakpoint-hits']);
    expect(h.hitsOf(swapped)).toEqual([
      { tick: leaderTicks[0], index: 0 },
      { tick: 3_000, index: 1 },
    ]);
    const removed = h.send({ type: 'set-breakpoints', breakpoints: [on({ kind: 'tick', tick: 3_000 })] });
    expect(h.hitsOf(removed)).toEqual([{ tick: 3_000, index: 0 }]);
  });

  it('after an act in the past, the new branch keeps only those up to it, the one it left keeps all; a new run has none', () => {
    const { h } = withTwoHits();
    h.send({ type: 'seek', tick: 2_000 });
    const acted = h.send({ type: 'act', action: { type: 'crash', node: 1 } });
    expect(acted.map((reply) => reply.type)).toEqual(['action-result', 'breakpoint-hits', 'branches', 'frame']);
    expect(h.hitsOf(acted)).toEqual([{ tick: leaderTicks[0], index: 1 }]);
    const back = h.send({ type: 'switch-branch', id: 1 });
    expect(h.hitsOf(back)).toHaveLength(2);
    expect(h.hitsOf(h.send({ type: 'switch-branch', id: 2 }))).toEqual([{ tick: leaderTicks[0], index: 1 }]);
    const fresh = h.send({ type: 'init', options });
    expect(h.hitsOf(fresh)).toEqual([]);
  });
});

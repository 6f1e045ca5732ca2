/**
 * Breakpoints through the headless API (src/core/breakpoints.ts, Timeline.advanceUntilBreak):
 * each kind stops the run at the first tick after the current one where it holds, and nowhere
 * else. The reference is the same run played tick by tick in a plain Simulation, with the events
 * of each tick read and judged by predicates written here (not by matchesBreakpoint), and the
 * state a stop lands on must be the state that replaying the run to that tick gives (views
 * compared as JSON, as the timeline tests do).
 *
 * The run: five nodes under a steady client with a little loss; the leader is cut off alone at
 * tick 1500 (it goes on taking puts it cannot commit) and the network heals at 3000, so the old
 * leader truncates them; the same again to the next leader at 4000 and 5500. So the run has elections, term changes, refused votes, commits and
 * truncations, all in the actions the timeline replays.
 */
import { describe, expect, it } from 'vitest';
import { matchesBreakpoint, replay, Simulation, SimulationInputError, Timeline, validateBreakpoint } from '../../../src/core/index.ts';
import type { Breakpoint, SimEvent, SimulationOptions, TimedAction } from '../../../src/core/index.ts';
import { lastIndex } from '../../../src/core/raft/log.ts';
import { newProgress } from '../../../src/core/raft/progress.ts';
import type { SimState } from '../../../src/core/sim/world.ts';

const options: SimulationOptions = { nodes: 5, seed: 3, workload: { proposeEveryTicks: 40 }, network: { dropRatio: 0.02 } };
const runTicks = 7_000;

/** The run, made live on a timeline: its actions, and the timeline (moved back to tick 0). */
function recordedRun(): { timeline: Timeline; actions: readonly TimedAction[] } {
  const timeline = new Timeline(options);
  timeline.advance(1_500);
  const leader = timeline.current.leader();
  if (leader === null) throw new Error('no leader at tick 1500');
  timeline.act({ type: 'partition', groups: [[leader.id]] });
  timeline.advance(1_500);
  timeline.act({ type: 'heal' });
  timeline.advance(1_000);
  const next = timeline.current.leader();
  if (next === null) throw new Error('no leader at tick 4000');
  timeline.act({ type: 'partition', groups: [[next.id]] });
  timeline.advance(1_500);
  timeline.act({ type: 'heal' });
  timeline.advance(runTicks - 5_500);
  const actions = timeline.toRun().actions;
  timeline.seek(0);
  return { timeline, actions };
}

/** The run played tick by tick: every event with its tick, in order (state at t includes the actions at t). */
function eventsTickByTick(actions: readonly TimedAction[], until: number): SimEvent[] {
  const simulation = new Simulation({ ...options, eventLimit: 1_000_000 });
  let next = 0;
  let seq = 0;
  const events: SimEvent[] = [];
  for (let tick = 1; tick <= until; tick += 1) {
    simulation.advance(1);
    while (actions[next]?.tick === tick) simulation.act(actions[next++]!.action);
    events.push(...simulation.events({ afterSeq: seq }));
    seq = simulation.lastEventSeq;
  }
  return events;
}

const run = recordedRun();
const reference = eventsTickByTick(run.actions, runTicks);

/** The ticks after `after` at which an event satisfying `holds` happened, each once. */
function ticksWhere(holds: (event: SimEvent) => boolean, after = 0): number[] {
  return [...new Set(reference.filter((event) => event.tick > after && holds(event)).map((event) => event.tick))];
}

const viewAt = (tick: number) => JSON.stringify(replay({ options, actions: run.actions }, tick).view());

type Case = readonly [string, Breakpoint, (event: SimEvent) => boolean];

/** Each event-based kind with the reference's own reading of the events. */
const cases: readonly Case[] = [
  ['new leader', { kind: 'new-leader' }, (event) => event.type === 'became-leader'],
  ['term change', { kind: 'term-change' }, (event) => event.type === 'term-changed'],
  ['candidate', { kind: 'candidate' }, (event) => event.type === 'became-candidate'],
  ['commit', { kind: 'commit' }, (event) => event.type === 'commit-advanced'],
  ['truncation', { kind: 'truncation' }, (event) => event.type === 'entries-truncated'],
  ['vote refused, any reason', { kind: 'vote-refused', reason: null }, (event) => event.type === 'vote-refused'],
  ['vote refused to a log not up to date', { kind: 'vote-refused', reason: 'log-not-up-to-date' }, (event) => event.type === 'vote-refused' && event.reason === 'log-not-up-to-date'],
  ['vote refused, already voted', { kind: 'vote-refused', reason: 'already-voted' }, (event) => event.type === 'vote-refused' && event.reason === 'already-voted'],
  ['any message sent', { kind: 'message', on: 'sent', messageType: null, from: null, to: null }, (event) => event.type === 'message-sent'],
  [
    'a RequestVote reply delivered',
    { kind: 'message', on: 'delivered', messageType: 'MsgVoteResp', from: null, to: null },
    (event) => event.type === 'message-delivered' && event.message.type === 'MsgVoteResp',
  ],
  [
    'an AppendEntries sent from node 2 to node 4',
    { kind: 'message', on: 'sent', messageType: 'MsgApp', from: 2, to: 4 },
    (event) => event.type === 'message-sent' && event.message.type === 'MsgApp' && event.message.from === 2 && event.message.to === 4,
  ],
  [
    'anything delivered to node 1',
    { kind: 'message', on: 'delivered', messageType: null, from: null, to: 1 },
    (event) => event.type === 'message-delivered' && event.message.to === 1,
  ],
];

describe('breakpoints: each kind stops at the first tick it holds', () => {
  for (const [name, breakpoint, holds] of cases) {
    it(`${name}: at the reference's ticks, one after the other, on the replayed state`, () => {
      const expected = ticksWhere(holds);
      // The run has at least two of each (else the test would prove nothing).
      expect(expected.length, name).toBeGreaterThanOrEqual(2);
      const { timeline } = run;
      timeline.seek(0);
      const first = timeline.advanceUntilBreak(runTicks, [breakpoint]);
      expect(first?.tick).toBe(expected[0]);
      expect(first?.index).toBe(0);
      expect(first?.event !== null && first?.event !== undefined && holds(first.event)).toBe(true);
      expect(timeline.tick).toBe(expected[0]);
      expect(JSON.stringify(timeline.current.view())).toBe(viewAt(expected[0]!));
      // Going on does not stop at the same tick again: the next one is the reference's next.
      const second = timeline.advanceUntilBreak(runTicks, [breakpoint]);
      expect(second?.tick).toBe(expected[1]);
      expect(JSON.stringify(timeline.current.view())).toBe(viewAt(expected[1]!));
      // The recorded future stays: the run still reaches its end.
      expect(timeline.maxTick).toBe(runTicks);
    });
  }

  it('a tick breakpoint stops exactly at its tick, and only once', () => {
    const { timeline } = run;
    timeline.seek(0);
    expect(timeline.advanceUntilBreak(runTicks, [{ kind: 'tick', tick: 1_777 }])).toEqual({ tick: 1_777, index: 0, event: null });
    expect(timeline.tick).toBe(1_777);
    expect(JSON.stringify(timeline.current.view())).toBe(viewAt(1_777));
    expect(timeline.advanceUntilBreak(500, [{ kind: 'tick', tick: 1_777 }])).toBeNull();
    expect(timeline.tick).toBe(2_277);
  });

  it('with several, stops at the earliest, and names the first in the list when two hold at one tick', () => {
    const leaderTick = ticksWhere((event) => event.type === 'became-leader')[0]!;
    const { timeline } = run;
    timeline.seek(0);
    const list: Breakpoint[] = [{ kind: 'truncation' }, { kind: 'tick', tick: leaderTick }, { kind: 'new-leader' }];
    expect(timeline.advanceUntilBreak(runTicks, list)).toMatchObject({ tick: leaderTick, index: 1, event: null });
    timeline.seek(0);
    const hit = timeline.advanceUntilBreak(runTicks, [list[0]!, list[2]!, list[1]!]);
    expect(hit).toMatchObject({ tick: leaderTick, index: 1, event: { type: 'became-leader' } });
  });

  it('returns null and runs the whole way when none holds; runs plainly with an empty list', () => {
    const { timeline } = run;
    timeline.seek(0);
    expect(timeline.advanceUntilBreak(1_000, [{ kind: 'violation' }, { kind: 'tick', tick: 4_000 }])).toBeNull();
    expect(timeline.tick).toBe(1_000);
    expect(timeline.advanceUntilBreak(250, [])).toBeNull();
    expect(timeline.tick).toBe(1_250);
    expect(JSON.stringify(timeline.current.view())).toBe(viewAt(1_250));
  });
});

describe('breakpoints at the live end of a run', () => {
  it('stop where the live run would, and the run reaches only that far', () => {
    const live = new Timeline({ nodes: 5, seed: 1 });
    const hit = live.advanceUntilBreak(10_000, [{ kind: 'new-leader' }]);
    const plain = new Simulation({ nodes: 5, seed: 1 });
    plain.advanceUntil((simulation) => simulation.events({ topics: ['LEAD'] }).some((event) => event.type === 'became-leader'), { maxTicks: 10_000 });
    expect(hit?.tick).toBe(plain.tick);
    expect(live.tick).toBe(plain.tick);
    expect(live.maxTick).toBe(plain.tick);
    expect(JSON.stringify(live.current.view())).toBe(JSON.stringify(plain.view()));
    // Acting there is acting at the end: no future to drop.
    live.act({ type: 'crash', node: hit!.event!.node! });
    expect(live.maxTick).toBe(plain.tick);
  });

  it('judge every event even when the event log keeps few: a chunk that outgrew it is run again, shorter', () => {
    const small = { ...options, eventLimit: 30 };
    const partition = run.actions[0]!.action;
    if (partition.type !== 'partition') throw new Error('the run starts with the partition');
    // A follower on the majority side, which answers the new leader's appends.
    const follower = [1, 2, 3, 4, 5].find((id) => id !== partition.groups[0]![0])!;
    const expected = ticksWhere((event) => event.type === 'message-delivered' && event.message.type === 'MsgAppResp' && event.message.from === follower, 1_600);
    expect(expected[0]).toBeLessThan(3_000);
    const timeline = new Timeline(small);
    timeline.advance(1_500);
    timeline.act(partition);
    timeline.advance(100);
    const hit = timeline.advanceUntilBreak(1_300, [{ kind: 'message', on: 'delivered', messageType: 'MsgAppResp', from: follower, to: null }]);
    expect(hit?.tick).toBe(expected[0]);
    expect(JSON.stringify(timeline.current.view())).toBe(viewAt(expected[0]!));
  });

  it('are refused on events when the simulation keeps none, and take ticks and violations then', () => {
    const timeline = new Timeline({ nodes: 3, eventLimit: 0 });
    expect(() => timeline.advanceUntilBreak(100, [{ kind: 'commit' }])).toThrow(SimulationInputError);
    expect(timeline.tick).toBe(0);
    expect(timeline.advanceUntilBreak(1_000, [{ kind: 'violation' }, { kind: 'tick', tick: 400 }])).toEqual({ tick: 400, index: 1, event: null });
  });
});

describe('a violation breakpoint', () => {
  /**
   * A correct cluster never breaks safety, so this one is broken by hand: once a leader leads, a
   * follower of its term is made a second leader of that term (its fields only, as a buggy Raft
   * would), and a client then puts a different value to each at the same moment: two entries
   * at one index in one term (Log Matching). The change is to the timeline's own state, which a
   * checkpoint from before it would undo, so the timeline keeps a checkpoint at every tick and
   * the runs start after it; the puts are recorded actions, replayed like any.
   */
  function brokenCluster(): { timeline: Timeline; start: number; violation: number; view: string } {
    const timeline = new Timeline({ nodes: 3, seed: 5, checkNodeInvariants: false }, { checkpointInterval: 1, checkpointLimit: 100_000, historyCharsMax: 1e9 });
    // Only forward: a checkpoint already taken after this tick would not hold the change.
    timeline.advance(1_000);
    const state = (timeline as unknown as { state: SimState }).state;
    const leader = timeline.current.leader()!;
    const second = state.servers.find((server) => server.id !== leader.id)!.node!;
    second.role = 'leader';
    second.lead = second.id;
    second.vote = second.id;
    second.progress = Object.fromEntries(second.peers.map((peer) => [peer, newProgress(lastIndex(second.log) + 1)]));
    timeline.advance(1); // the checkpoint of this tick holds the second leader
    const start = timeline.tick;
    timeline.advance(30);
    timeline.act({ type: 'propose', node: leader.id, command: { type: 'put', key: 'x', value: 'a' } });
    timeline.act({ type: 'propose', node: second.id, command: { type: 'put', key: 'x', value: 'b' } });
    timeline.advance(300);
    // The reference: one tick at a time until the checker's count grows.
    timeline.seek(start);
    while (timeline.current.view().violationCount === 0 && timeline.tick < start + 1_000) timeline.advance(1);
    const violation = timeline.tick;
    const view = JSON.stringify(timeline.current.view());
    timeline.seek(start);
    return { timeline, start, violation, view };
  }

  it('stops at the tick the checker finds the violation, on that tick\'s state', () => {
    const { timeline, start, violation, view } = brokenCluster();
    expect(violation).toBeGreaterThan(start);
    expect(violation).toBeLessThan(start + 1_000);
    const hit = timeline.advanceUntilBreak(2_000, [{ kind: 'truncation' }, { kind: 'violation' }]);
    expect(hit).toEqual({ tick: violation, index: 1, event: null });
    expect(timeline.tick).toBe(violation);
    expect(JSON.stringify(timeline.current.view())).toBe(view);
    expect(timeline.current.violations()[0]).toMatchObject({ tick: violation });
  });

  it('finds the tick by running again once the checker only counts violations (past its limit)', () => {
    const { timeline, violation, view } = brokenCluster();
    (timeline as unknown as { state: SimState }).state.checker.violationLimit = 0;
    expect(timeline.advanceUntilBreak(2_000, [{ kind: 'violation' }])).toEqual({ tick: violation, index: 0, event: null });
    expect(JSON.stringify(timeline.current.view())).toBe(view);
  });
});

describe('breakpoints as data', () => {
  it('are read from unknown input, optional fields null, each bad field named', () => {
    expect(validateBreakpoint({ kind: 'message', on: 'sent' })).toEqual({ kind: 'message', on: 'sent', messageType: null, from: null, to: null });
    expect(validateBreakpoint({ kind: 'vote-refused' })).toEqual({ kind: 'vote-refused', reason: null });
    expect(validateBreakpoint({ kind: 'commit', extra: 1 })).toEqual({ kind: 'commit' });
    const field = (value: unknown): string => {
      try {
        validateBreakpoint(value);
      } catch (error) {
        if (error instanceof SimulationInputError) return error.message;
        throw error;
      }
      throw new Error('accepted');
    };
    expect(field('new-leader')).toBe('breakpoint must be an object { kind, ... } (got "new-leader")');
    expect(field({ kind: 'leader' })).toMatch(/^breakpoint\.kind must be one of "new-leader", "term-change", .* \(got "leader"\)$/);
    expect(field({ kind: 'message', on: 'received' })).toBe('breakpoint.on must be "sent" or "delivered" (got "received")');
    expect(field({ kind: 'message', on: 'sent', messageType: 'MsgFoo' })).toMatch(/^breakpoint\.messageType must be null or one of "MsgVote", /);
    expect(field({ kind: 'message', on: 'sent', to: 0 })).toBe('breakpoint.to must be null or a node id from 1 to 64 (got 0)');
    expect(field({ kind: 'vote-refused', reason: 'tired' })).toMatch(/^breakpoint\.reason must be null or one of "stale-term", /);
    expect(field({ kind: 'tick', tick: 0 })).toBe('breakpoint.tick must be an integer of at least 1 (got 0)');
    const timeline = new Timeline({ nodes: 3 });
    expect(() => timeline.advanceUntilBreak(10, [{ kind: 'tick', tick: 2.5 }])).toThrow('breakpoints[0].tick must be an integer of at least 1 (got 2.5)');
    expect(timeline.tick).toBe(0);
  });

  it('match only their own events', () => {
    const leaderEvent = reference.find((event) => event.type === 'became-leader')!;
    expect(matchesBreakpoint({ kind: 'new-leader' }, leaderEvent)).toBe(true);
    expect(matchesBreakpoint({ kind: 'candidate' }, leaderEvent)).toBe(false);
    expect(matchesBreakpoint({ kind: 'violation' }, leaderEvent)).toBe(false);
    expect(matchesBreakpoint({ kind: 'tick', tick: leaderEvent.tick }, leaderEvent)).toBe(false);
    const sent = reference.find((event) => event.type === 'message-sent')!;
    expect(matchesBreakpoint({ kind: 'message', on: 'delivered', messageType: null, from: null, to: null }, sent)).toBe(false);
  });
});

describe('the timeline under a stop’s back and forth', () => {
  it('keeps its checkpoints in tick order, so a fork after moving forward below the end seeks right', () => {
    // A stop runs past the hit and goes back: the timeline then moves forward again through
    // ticks it has checkpoints for. A fork there must drop every checkpoint of the old future.
    const timeline = new Timeline({ nodes: 3, seed: 1 });
    timeline.advance(2_000);
    timeline.seek(0);
    timeline.advance(1_100);
    expect(timeline.checkpointCount).toBe(5); // 0, 500, ..., 2000: none taken twice
    timeline.act({ type: 'crash', node: 1 });
    timeline.advance(900);
    timeline.seek(1_600);
    expect(JSON.stringify(timeline.current.view())).toBe(JSON.stringify(replay({ options: { nodes: 3, seed: 1 }, actions: timeline.toRun().actions }, 1_600).view()));
  });
});

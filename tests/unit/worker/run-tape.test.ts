/**
 * The term tape: the newest term and its leader over the whole run, and marks where elections,
 * leaders, crashes, restarts, splits and heals happened. Built by a follower replaying the run,
 * in slices; slices or one go give the same tape, and a fork starts it over.
 */
import { describe, expect, it } from 'vitest';
import type { TimedAction } from '../../../src/core/index.ts';
import type { FromWorker } from '../../../src/protocol/worker-protocol.ts';
import { TapeFollower } from '../../../src/worker/run-tape.ts';
import { createWorkerLogic } from '../../../src/worker/worker-logic.ts';

const options = { nodes: 5, seed: 1, raft: { electionTimeoutTicksMin: 20_000, electionTimeoutTicksMax: 30_000 }, network: { delayTicksMin: 10, delayTicksMax: 10 } };

/** Node 1 wins term 1 at 120; it crashes at 500; node 3 wins term 2 at 620; node 1 restarts at 800; a split at 900, healed at 1000. */
const actions: TimedAction[] = [
  { tick: 100, action: { type: 'campaign', node: 1 } },
  { tick: 500, action: { type: 'crash', node: 1 } },
  { tick: 600, action: { type: 'campaign', node: 3 } },
  { tick: 800, action: { type: 'restart', node: 1 } },
  { tick: 900, action: { type: 'partition', groups: [[1, 2], [3, 4, 5]] } },
  { tick: 1_000, action: { type: 'heal' } },
];

describe('the term tape', () => {
  it('follows terms and leaders, and marks what happened, at its ticks', () => {
    const tape = new TapeFollower(options);
    expect(tape.follow(actions, 1_200, () => false)).toBe(true);
    const { segments, marks, until, truncated } = tape.tape;
    expect(until).toBe(1_200);
    expect(truncated).toBe(false);
    expect(segments).toEqual([
      { from: 0, term: 0, leader: null },
      { from: 100, term: 1, leader: null },
      { from: 120, term: 1, leader: 1 },
      { from: 500, term: 1, leader: null },
      { from: 600, term: 2, leader: null },
      { from: 620, term: 2, leader: 3 },
    ]);
    expect(marks.map((mark) => [mark.tick, mark.kind, mark.node])).toEqual([
      [100, 'election', 1],
      [120, 'leader', 1],
      [500, 'crash', 1],
      [600, 'election', 3],
      [620, 'leader', 3],
      [800, 'restart', 1],
      [900, 'partition', null],
      [1_000, 'heal', null],
    ]);
  });

  it('built in slices, it is the same tape as built in one go', () => {
    const whole = new TapeFollower(options);
    whole.follow(actions, 1_200, () => false);
    const sliced = new TapeFollower(options);
    let slices = 0;
    while (!sliced.follow(actions, 1_200, () => true)) slices += 1;
    expect(slices).toBeGreaterThan(3);
    expect(sliced.tape).toEqual(whole.tape);
  });

  it('starts over when the run forks, and follows the new actions', () => {
    const tape = new TapeFollower(options);
    tape.follow(actions, 1_200, () => false);
    const forked = [actions[0]!, { tick: 300, action: { type: 'crash', node: 2 } } as TimedAction];
    tape.follow(forked, 700, () => false);
    expect(tape.tape.marks.map((mark) => [mark.tick, mark.kind])).toEqual([
      [100, 'election'],
      [120, 'leader'],
      [300, 'crash'],
    ]);
    expect(tape.tape.segments.at(-1)).toEqual({ from: 120, term: 1, leader: 1 });
  });

  it('is what the worker posts in the background, up to the end of the run', () => {
    const replies: FromWorker[] = [];
    const tasks: (() => void)[] = [];
    const logic = createWorkerLogic((message) => replies.push(message), () => 0, undefined, { background: (task) => tasks.push(task) });
    logic.handle({ type: 'init', options });
    for (const { tick, action } of actions) {
      logic.handle({ type: 'step', ticks: tick - ((replies.filter((reply) => reply.type === 'frame').at(-1) as Extract<FromWorker, { type: 'frame' }>).timeline.tick) });
      logic.handle({ type: 'act', action });
    }
    logic.handle({ type: 'step', ticks: 200 });
    // Nothing about the tape among a command's replies: it comes from the background task.
    expect(replies.some((reply) => reply.type === 'tape')).toBe(false);
    while (tasks.length > 0) tasks.shift()!();
    const posted = replies.filter((reply): reply is Extract<FromWorker, { type: 'tape' }> => reply.type === 'tape').at(-1)!;
    expect(posted.tape.until).toBe(1_200);
    expect(posted.tape.marks).toHaveLength(8);
    expect(posted.tape.segments.at(-1)).toEqual({ from: 620, term: 2, leader: 3 });
  });
});

/**
 * Progress: the leader's nextIndex/matchIndex for one follower (Figure 2) and the probe /
 * replicate / snapshot states that decide how it sends (etcd's tracker/progress.go). Table-driven
 * over the transition functions, then one leader-level test of the in-flight window.
 */
import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../src/core/raft/progress.ts';
import {
  becomeProbe,
  becomeReplicate,
  becomeSnapshot,
  checkProgress,
  isPaused,
  maybeDecrease,
  maybeUpdate,
  newProgress,
  sentAppend,
} from '../../../src/core/raft/progress.ts';
import { propose } from '../../../src/core/raft/step-leader.ts';
import { acknowledgeAll, appResp, becomeLeader, clearOutput, deliver, makeNode, sentOfType, tickTimes } from './helpers.ts';

function progress(fields: Partial<Progress>): Progress {
  return { ...newProgress(1), ...fields };
}

describe('newProgress', () => {
  // Figure 2: nextIndex "initialized to leader last log index + 1", matchIndex "initialized to 0".
  it('starts probing at the given nextIndex with nothing matched (§5.3)', () => {
    expect(newProgress(8)).toMatchObject({ matchIndex: 0, nextIndex: 8, state: 'probe', probeSent: false, inflight: [], pendingSnapshot: 0 });
  });
});

describe('maybeUpdate', () => {
  it('records a newer acknowledgement and moves nextIndex past it', () => {
    const p = progress({ state: 'probe', nextIndex: 3, matchIndex: 0, probeSent: true });
    expect(maybeUpdate(p, 5)).toBe(true);
    expect(p).toMatchObject({ matchIndex: 5, nextIndex: 6, probeSent: false });
  });

  it('ignores a stale acknowledgement and never moves matchIndex or nextIndex back', () => {
    const p = progress({ state: 'replicate', nextIndex: 9, matchIndex: 5, inflight: [7, 8] });
    expect(maybeUpdate(p, 4)).toBe(false);
    expect(p).toMatchObject({ matchIndex: 5, nextIndex: 9, inflight: [7, 8] });
  });

  it('frees every in-flight append the acknowledgement covers, oldest first', () => {
    const p = progress({ state: 'replicate', nextIndex: 10, matchIndex: 2, inflight: [4, 6, 9] });
    maybeUpdate(p, 6);
    expect(p.inflight).toEqual([9]);
    maybeUpdate(p, 9);
    expect(p.inflight).toEqual([]);
  });
});

describe('maybeDecrease', () => {
  it.each<{ name: string; before: Partial<Progress>; rejectedIndex: number; nextIndexHint: number; changed: boolean; nextIndex: number; state: Progress['state'] }>([
    { name: 'probe: answer to the latest probe moves to the hint', before: { state: 'probe', nextIndex: 8 }, rejectedIndex: 7, nextIndexHint: 4, changed: true, nextIndex: 4, state: 'probe' },
    { name: 'probe: a hint past the rejection is capped at it', before: { state: 'probe', nextIndex: 8 }, rejectedIndex: 7, nextIndexHint: 9, changed: true, nextIndex: 7, state: 'probe' },
    { name: 'probe: never below matchIndex + 1', before: { state: 'probe', nextIndex: 8, matchIndex: 5 }, rejectedIndex: 7, nextIndexHint: 1, changed: true, nextIndex: 6, state: 'probe' },
    { name: 'probe: answer to an older probe is stale', before: { state: 'probe', nextIndex: 8 }, rejectedIndex: 5, nextIndexHint: 1, changed: false, nextIndex: 8, state: 'probe' },
    { name: 'replicate: rejection at or below matchIndex is stale', before: { state: 'replicate', nextIndex: 12, matchIndex: 9 }, rejectedIndex: 9, nextIndexHint: 1, changed: false, nextIndex: 12, state: 'replicate' },
    { name: 'replicate: a fresh rejection falls back to probe', before: { state: 'replicate', nextIndex: 12, matchIndex: 9 }, rejectedIndex: 11, nextIndexHint: 10, changed: true, nextIndex: 10, state: 'probe' },
    { name: 'snapshot: rejections are ignored', before: { state: 'snapshot', nextIndex: 3, pendingSnapshot: 20 }, rejectedIndex: 2, nextIndexHint: 1, changed: false, nextIndex: 3, state: 'snapshot' },
  ])('$name (§5.3)', (row) => {
    const p = progress(row.before);
    expect(maybeDecrease(p, { rejectedIndex: row.rejectedIndex, nextIndexHint: row.nextIndexHint })).toBe(row.changed);
    expect(p.nextIndex).toBe(row.nextIndex);
    expect(p.state).toBe(row.state);
    checkProgress(p, 2);
  });

  it('a fresh rejection in replicate state drops the in-flight window and allows a new probe', () => {
    const p = progress({ state: 'replicate', nextIndex: 12, matchIndex: 9, inflight: [10, 11] });
    maybeDecrease(p, { rejectedIndex: 10, nextIndexHint: 10 });
    expect(p).toMatchObject({ state: 'probe', inflight: [], probeSent: false, nextIndex: 10 });
    expect(isPaused(p, 8)).toBe(false);
  });
});

describe('state transitions', () => {
  it('becomeReplicate resumes right after the matched index', () => {
    const p = progress({ state: 'probe', nextIndex: 9, matchIndex: 4, probeSent: true });
    becomeReplicate(p);
    expect(p).toMatchObject({ state: 'replicate', nextIndex: 5, probeSent: false, inflight: [] });
  });

  it('becomeProbe from replicate resumes right after the matched index', () => {
    const p = progress({ state: 'replicate', nextIndex: 9, matchIndex: 4, inflight: [6, 8] });
    becomeProbe(p);
    expect(p).toMatchObject({ state: 'probe', nextIndex: 5, inflight: [] });
  });

  it('becomeProbe after a snapshot resumes right after the snapshot (§7)', () => {
    const p = progress({ nextIndex: 1, matchIndex: 0 });
    becomeSnapshot(p, 20);
    expect(p).toMatchObject({ state: 'snapshot', pendingSnapshot: 20 });
    becomeProbe(p);
    expect(p).toMatchObject({ state: 'probe', nextIndex: 21, pendingSnapshot: 0 });
  });
});

describe('isPaused and sentAppend', () => {
  it('probe pauses after one append until it is answered', () => {
    const p = progress({ state: 'probe', nextIndex: 4, matchIndex: 3 });
    expect(isPaused(p, 2)).toBe(false);
    sentAppend(p, 5, true);
    expect(p.nextIndex).toBe(4);
    expect(isPaused(p, 2)).toBe(true);
    maybeUpdate(p, 5);
    expect(isPaused(p, 2)).toBe(false);
  });

  it('replicate advances nextIndex optimistically and pauses when the window is full', () => {
    const p = progress({ state: 'replicate', nextIndex: 4, matchIndex: 3 });
    sentAppend(p, 5, true);
    expect(p).toMatchObject({ nextIndex: 6, inflight: [5] });
    sentAppend(p, 5, false);
    expect(p).toMatchObject({ nextIndex: 6, inflight: [5] });
    expect(isPaused(p, 2)).toBe(false);
    sentAppend(p, 7, true);
    expect(isPaused(p, 2)).toBe(true);
    maybeUpdate(p, 5);
    expect(isPaused(p, 2)).toBe(false);
  });

  it('snapshot is always paused', () => {
    const p = progress({});
    becomeSnapshot(p, 9);
    expect(isPaused(p, 8)).toBe(true);
  });

  it('checkProgress rejects matchIndex at or past nextIndex', () => {
    expect(() => checkProgress(progress({ matchIndex: 5, nextIndex: 5 }), 2)).toThrow(/progress of 2: matchIndex 5 not below nextIndex 5/);
    expect(() => checkProgress(progress({ matchIndex: -1, nextIndex: 5 }), 2)).toThrow(/negative/);
  });
});

describe('leader flow control', () => {
  it('leader stops streaming to a follower once inflightMax appends are unacknowledged, and resumes on acknowledgement', () => {
    const leader = makeNode({ id: 1, size: 3, config: { inflightMax: 2 } });
    becomeLeader(leader);
    acknowledgeAll(leader);
    clearOutput(leader);
    for (let proposal = 0; proposal < 4; proposal += 1) propose(leader, [{ type: 'put', key: `k${proposal}`, value: 'v' }]);
    const toTwo = () => sentOfType(leader, 'MsgApp').filter((message) => message.to === 2);
    expect(toTwo().map((message) => message.entries.map((sent) => sent.index))).toEqual([[2], [3]]);
    expect(leader.progress[2]).toMatchObject({ state: 'replicate', nextIndex: 4, inflight: [2, 3] });
    // A heartbeat still reaches the paused follower, carrying no entries.
    clearOutput(leader);
    tickTimes(leader, leader.config.heartbeatIntervalTicks);
    expect(toTwo()).toMatchObject([{ prevLogIndex: 3, entries: [] }]);
    clearOutput(leader);
    deliver(leader, appResp({ from: 2, to: 1, term: 1, matchIndex: 3 }));
    expect(toTwo().map((message) => message.entries.map((sent) => sent.index))).toEqual([[4, 5]]);
  });
});

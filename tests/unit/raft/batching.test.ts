/**
 * Batching and pipelining (RaftConfig.batchProposals, inflightMax): with batching, a leader sends
 * new entries with its next heartbeat, so a burst of proposals costs fewer AppendEntries and takes
 * longer to commit; with one append in flight per follower (no pipelining) a long backlog takes
 * more round trips. Compare shows both side by side ('batching', 'pipelining').
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, fuzzSeed } from '../../../src/core/index.ts';
import { changedOptions } from '../../../src/worker/compare-runs.ts';

/** Ten puts, one every 5 ticks, to a settled leader; the AppendEntries sent and when the last commits. */
function burst(raft: { batchProposals?: boolean; inflightMax?: number }): { appends: number; committedAt: number } {
  const simulation = createSimulation({ nodes: 3, seed: 3, raft: { electionTimeoutTicksMin: 20_000, electionTimeoutTicksMax: 30_000, ...raft }, network: { delayTicksMin: 10, delayTicksMax: 10 } });
  simulation.advance(10).campaign(1).advance(290);
  const before = simulation.stats().sent.MsgApp;
  for (let i = 0; i < 10; i += 1) {
    simulation.put(`k${i}`, String(i));
    simulation.advance(5);
  }
  const start = simulation.tick;
  // The leader commits an entry once a majority stores it; followers learn so with the next append.
  const done = simulation.advanceUntil((s) => s.nodeState(1).commitIndex >= 11, { maxTicks: 2_000 });
  expect(done).toBe(true);
  return { appends: simulation.stats().sent.MsgApp - before, committedAt: simulation.tick - start };
}

describe('batching and pipelining', () => {
  it('batching sends fewer AppendEntries for a burst, and commits later', () => {
    const eager = burst({});
    const batched = burst({ batchProposals: true });
    expect(batched.appends).toBeLessThan(eager.appends);
    expect(batched.committedAt).toBeGreaterThan(eager.committedAt);
  });

  it('Compare switches batching and the pipeline window', () => {
    expect(changedOptions({}, 'batching').raft?.batchProposals).toBe(true);
    expect(changedOptions({ raft: { batchProposals: true } }, 'batching').raft?.batchProposals).toBe(false);
    expect(changedOptions({}, 'pipelining').raft?.inflightMax).toBe(1);
    expect(changedOptions({ raft: { inflightMax: 1 } }, 'pipelining').raft?.inflightMax).toBe(16);
  });

  it('fuzzing with batching finds nothing wrong', () => {
    for (let seed = 1; seed <= 100; seed += 1) expect(fuzzSeed(seed, { raft: { batchProposals: true } }).failure, `seed ${seed}`).toBeNull();
  });
});

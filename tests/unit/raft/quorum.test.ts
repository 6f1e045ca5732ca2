/**
 * Quorum math (§5.2 elections, §5.3 commitment): pure counting, tested by table and against a
 * dumb oracle, as etcd's quorum/quick_test.go checks CommittedIndex.
 */
import { describe, expect, it } from 'vitest';
import { committedIndex, quorumSize, voteResult } from '../../../src/core/raft/quorum.ts';
import { intInclusive, seedPrng } from '../../../src/core/base/prng.ts';

describe('quorumSize', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
    [6, 4],
    [7, 4],
  ])('%i voters need %i (a strict majority, §5.2)', (voters, needed) => {
    expect(quorumSize(voters)).toBe(needed);
  });
});

describe('committedIndex', () => {
  it.each<{ matches: number[]; committed: number }>([
    { matches: [], committed: 0 },
    { matches: [4], committed: 4 },
    { matches: [4, 0], committed: 0 },
    { matches: [4, 2], committed: 2 },
    { matches: [5, 3, 0], committed: 3 },
    { matches: [0, 3, 5], committed: 3 },
    { matches: [5, 5, 5], committed: 5 },
    { matches: [9, 7, 7, 4, 2], committed: 7 },
    { matches: [9, 8, 1, 1, 0], committed: 1 },
    { matches: [6, 6, 1, 1], committed: 1 },
  ])('matches $matches commit through $committed (§5.3)', ({ matches, committed }) => {
    expect(committedIndex(matches)).toBe(committed);
  });

  it('does not reorder its argument', () => {
    const matches = [1, 5, 3];
    committedIndex(matches);
    expect(matches).toEqual([1, 5, 3]);
  });

  /** The oracle: the highest index that at least a majority of voters have reached, by counting. */
  function committedByCounting(matches: readonly number[]): number {
    const needed = Math.floor(matches.length / 2) + 1;
    let best = 0;
    for (const candidate of matches) {
      const holders = matches.filter((match) => match >= candidate).length;
      if (holders >= needed && candidate > best) best = candidate;
    }
    return best;
  }

  it('agrees with counting for 2,000 random clusters (seeded)', () => {
    const rng = seedPrng(20240601);
    for (let run = 0; run < 2000; run += 1) {
      const voters = intInclusive(rng, 1, 9);
      const matches = Array.from({ length: voters }, () => intInclusive(rng, 0, 12));
      expect(committedIndex(matches), `matches ${JSON.stringify(matches)}`).toBe(committedByCounting(matches));
    }
  });
});

describe('voteResult', () => {
  it.each<{ votes: (boolean | null)[]; voters: number; result: 'won' | 'lost' | 'pending' }>([
    { votes: [true], voters: 1, result: 'won' },
    { votes: [true], voters: 3, result: 'pending' },
    { votes: [true, true], voters: 3, result: 'won' },
    { votes: [true, false], voters: 3, result: 'pending' },
    { votes: [true, false, false], voters: 3, result: 'lost' },
    { votes: [true, null, null], voters: 3, result: 'pending' },
    { votes: [true, true], voters: 4, result: 'pending' },
    { votes: [true, true, false, false], voters: 4, result: 'pending' },
    { votes: [true, true, true], voters: 4, result: 'won' },
    { votes: [true, false, false, false], voters: 5, result: 'lost' },
    { votes: [true, true, false, false], voters: 5, result: 'pending' },
  ])('$votes of $voters voters: $result (§5.2)', ({ votes, voters, result }) => {
    expect(voteResult(votes, voters)).toBe(result);
  });

  it('accepts a Map of votes by voter id', () => {
    expect(voteResult(new Map([[1, true], [2, true], [3, false]]), 3)).toBe('won');
    expect(voteResult(new Map([[1, true], [2, false], [3, false]]), 3)).toBe('lost');
    expect(voteResult(new Map([[1, true]]), 3)).toBe('pending');
  });
});

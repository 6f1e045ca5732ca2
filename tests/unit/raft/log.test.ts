/**
 * The log (log.ts): indexes and terms around a snapshot, the up-to-date check (§5.4.1), the
 * conflict hints of fast backup (§5.3), truncation and compaction (§7). Table-driven, then the
 * follower's append rule checked against a naive array model over random, Raft-shaped logs.
 */
import { describe, expect, it } from 'vitest';
import type { RaftLog } from '../../../src/core/raft/log.ts';
import {
  append,
  checkLog,
  compact,
  firstIndex,
  firstIndexOfTerm,
  isUpToDate,
  lastIndex,
  lastIndexOfTerm,
  lastTerm,
  newLog,
  restoreSnapshot,
  slice,
  termAt,
  truncateFrom,
} from '../../../src/core/raft/log.ts';
import type { MsgAppResp } from '../../../src/core/raft/message.ts';
import type { Entry, Snapshot, Term } from '../../../src/core/raft/types.ts';
import type { PrngState } from '../../../src/core/base/prng.ts';
import { chance, intInclusive, seedPrng } from '../../../src/core/base/prng.ts';
import { app, deliver, entriesOfTerms, entry, logTerms, makeNode, takeOutbox } from './helpers.ts';

/** A log of `terms` after `snapshot`, as a node rebuilt from disk would hold it. */
function logOf(terms: readonly Term[], snapshot: Snapshot = { index: 0, term: 0, data: [] }): RaftLog {
  return newLog(snapshot, entriesOfTerms(terms, snapshot.index + 1));
}

const snapshotAt3: Snapshot = { index: 3, term: 2, data: [] };

describe('indexes and terms', () => {
  it('an empty log starts at index 1 and ends at the empty prefix, index 0 term 0', () => {
    const log = logOf([]);
    expect([firstIndex(log), lastIndex(log), lastTerm(log), termAt(log, 0)]).toEqual([1, 0, 0, 0]);
    expect([log.committed, log.applied, log.stabled]).toEqual([0, 0, 0]);
  });

  it('a log after a snapshot starts past it, and restarts commit and apply at it', () => {
    const log = logOf([2, 3], snapshotAt3);
    expect([firstIndex(log), lastIndex(log), lastTerm(log)]).toEqual([4, 5, 3]);
    expect([log.committed, log.applied, log.stabled]).toEqual([3, 3, 5]);
    expect(lastTerm(logOf([], snapshotAt3))).toBe(2);
  });

  it.each([
    [0, undefined, 'compacted'],
    [2, undefined, 'compacted'],
    [3, 2, 'the snapshot itself'],
    [4, 2, 'first entry'],
    [5, 3, 'last entry'],
    [6, undefined, 'beyond the end'],
  ] as const)('termAt(%i) is %s: %s', (index, term, _why) => {
    expect(termAt(logOf([2, 3], snapshotAt3), index)).toBe(term);
  });

  it('slice clips to what the log holds', () => {
    const log = logOf([2, 3, 3], snapshotAt3);
    expect(slice(log, 5, 6).map((e) => e.index)).toEqual([5, 6]);
    expect(slice(log, 1, 5).map((e) => e.index)).toEqual([4, 5]);
    expect(slice(log, 6, 99).map((e) => e.index)).toEqual([6]);
    expect(slice(log, 7, 9)).toEqual([]);
  });
});

describe('isUpToDate (§5.4.1)', () => {
  // Own log [1, 2, 2]: last index 3, last term 2.
  it.each([
    { lastLogTerm: 3, lastLogIndex: 1, upToDate: true },
    { lastLogTerm: 2, lastLogIndex: 4, upToDate: true },
    { lastLogTerm: 2, lastLogIndex: 3, upToDate: true },
    { lastLogTerm: 2, lastLogIndex: 2, upToDate: false },
    { lastLogTerm: 1, lastLogIndex: 9, upToDate: false },
    { lastLogTerm: 0, lastLogIndex: 0, upToDate: false },
  ])('candidate ($lastLogTerm, $lastLogIndex) against [1,2,2]: $upToDate', (candidate) => {
    expect(isUpToDate(logOf([1, 2, 2]), candidate)).toBe(candidate.upToDate);
  });

  it('compares against the snapshot when the log holds no entries after it', () => {
    const log = logOf([], snapshotAt3);
    expect(isUpToDate(log, { lastLogTerm: 2, lastLogIndex: 3 })).toBe(true);
    expect(isUpToDate(log, { lastLogTerm: 2, lastLogIndex: 2 })).toBe(false);
    expect(isUpToDate(log, { lastLogTerm: 1, lastLogIndex: 8 })).toBe(false);
  });
});

describe('conflict hints (§5.3)', () => {
  //   index  1 2 3 4 5 6 7
  //   term   1 1 2 2 2 4 4
  const log = logOf([1, 1, 2, 2, 2, 4, 4]);
  it.each([
    [7, 6],
    [6, 6],
    [5, 3],
    [3, 3],
    [2, 1],
  ])('firstIndexOfTerm(%i) is %i', (from, first) => {
    expect(firstIndexOfTerm(log, from)).toBe(first);
  });

  it('firstIndexOfTerm stops at the first index after the snapshot', () => {
    expect(firstIndexOfTerm(logOf([2, 2, 3], snapshotAt3), 5)).toBe(4);
  });

  it.each([
    [4, 7],
    [2, 5],
    [1, 2],
    [3, undefined],
    [5, undefined],
  ] as const)('lastIndexOfTerm(%i) is %s', (term, last) => {
    expect(lastIndexOfTerm(log, term)).toBe(last);
  });
});

describe('append, truncate, compact, restore', () => {
  it('append continues the log and refuses gaps or falling terms', () => {
    const log = logOf([1, 2]);
    append(log, [entry(3, 2), entry(4, 3)]);
    expect(log.entries.map((e) => e.term)).toEqual([1, 2, 2, 3]);
    expect(() => append(log, [entry(6, 3)])).toThrow(/append at 6 after last 4/);
    expect(() => append(log, [entry(5, 2)])).toThrow(/below last term 3/);
  });

  it('truncateFrom drops the suffix and pulls stabled back with it', () => {
    const log = logOf([1, 1, 2, 2]);
    expect(truncateFrom(log, 3).map((e) => e.index)).toEqual([3, 4]);
    expect(lastIndex(log)).toBe(2);
    expect(log.stabled).toBe(2);
    checkLog(log, 1);
  });

  // Figure 3, Leader Completeness / State Machine Safety: committed entries are never removed.
  it('truncateFrom refuses to drop committed or compacted entries (§5.4)', () => {
    const log = logOf([1, 1, 2, 2]);
    log.committed = 3;
    expect(() => truncateFrom(log, 3)).toThrow(/would drop committed entries/);
    expect(lastIndex(log)).toBe(4);
    const compacted = logOf([2, 2], snapshotAt3);
    expect(() => truncateFrom(compacted, 3)).toThrow(/committed|snapshot/);
  });

  it('compact folds applied entries into a snapshot and keeps the rest (§7)', () => {
    const log = logOf([1, 1, 2, 2, 3]);
    log.committed = 4;
    log.applied = 4;
    expect(compact(log, { index: 3, term: 2, data: [] })).toBe(3);
    expect([firstIndex(log), lastIndex(log), termAt(log, 3), termAt(log, 4)]).toEqual([4, 5, 2, 2]);
    expect(() => compact(log, { index: 5, term: 3, data: [] })).toThrow(/beyond applied/);
  });

  it('restoreSnapshot keeps the suffix only if the log agrees at the snapshot index (§7)', () => {
    const agreeing = logOf([1, 1, 2, 2, 3]);
    restoreSnapshot(agreeing, snapshotAt3);
    expect([lastIndex(agreeing), agreeing.committed, agreeing.applied, agreeing.stabled]).toEqual([5, 3, 3, 5]);
    const conflicting = logOf([1, 1, 1, 1, 1]);
    restoreSnapshot(conflicting, snapshotAt3);
    expect([lastIndex(conflicting), conflicting.committed, conflicting.applied, conflicting.stabled]).toEqual([3, 3, 3, 3]);
    checkLog(agreeing, 1);
    checkLog(conflicting, 2);
  });

  it('checkLog names a broken invariant', () => {
    const log = logOf([1, 1]);
    log.committed = 3;
    expect(() => checkLog(log, 1)).toThrow(/node 1: committed 3 above last index 2/);
  });
});

/**
 * The follower's append rule (Figure 2 receiver steps 2-4) against a naive model. Logs are
 * Raft-shaped: the leader's terms are even, and the follower holds a prefix of the leader's log
 * followed by a divergent suffix of odd terms from leaders the leader never heard of, so the two
 * agree exactly up to the prefix (Log Matching).
 */
describe('follower append against a naive model (§5.3)', () => {
  function nondecreasingTerms(rng: PrngState, length: number, first: Term, stepSize: number): Term[] {
    const terms: Term[] = [];
    let term = first;
    for (let i = 0; i < length; i += 1) {
      if (i > 0 && chance(rng, 0.3)) term += stepSize;
      terms.push(term);
    }
    return terms;
  }

  function naiveAppend(follower: readonly Entry[], agreed: number, prevLogIndex: number, entries: readonly Entry[]): Entry[] | null {
    if (prevLogIndex > agreed) return null;
    let result = [...follower];
    for (const [offset, sent] of entries.entries()) {
      if (result[sent.index - 1]?.term === sent.term) continue;
      result = [...result.slice(0, sent.index - 1), ...entries.slice(offset)];
      break;
    }
    return result;
  }

  it('agrees with the model on 1,000 random (leader log, follower log, append) triples (seeded)', () => {
    const rng = seedPrng(7);
    for (let run = 0; run < 1000; run += 1) {
      const leaderTerms = nondecreasingTerms(rng, intInclusive(rng, 0, 8), 2, 2);
      const agreed = intInclusive(rng, 0, leaderTerms.length);
      const suffixStart = (leaderTerms[agreed - 1] ?? 0) + 1;
      const suffix = nondecreasingTerms(rng, intInclusive(rng, 0, 4), suffixStart % 2 === 0 ? suffixStart + 1 : suffixStart, 2);
      const followerTerms = [...leaderTerms.slice(0, agreed), ...suffix];
      const prevLogIndex = intInclusive(rng, 0, leaderTerms.length);
      const count = intInclusive(rng, 0, leaderTerms.length - prevLogIndex);
      const leaderEntries = entriesOfTerms(leaderTerms);
      const sent = leaderEntries.slice(prevLogIndex, prevLogIndex + count);
      const prevLogTerm = leaderTerms[prevLogIndex - 1] ?? 0;
      const what = `leader ${JSON.stringify(leaderTerms)} follower ${JSON.stringify(followerTerms)} prev ${prevLogIndex} count ${count}`;

      const node = makeNode({ id: 2, size: 3, term: 100, logTerms: followerTerms });
      deliver(node, app({ from: 1, to: 2, term: 100, prevLogIndex, prevLogTerm, entries: sent }));
      const [response] = takeOutbox(node) as MsgAppResp[];
      const expected = naiveAppend(entriesOfTerms(followerTerms), agreed, prevLogIndex, sent);
      if (expected === null) {
        expect(response?.success, what).toBe(false);
        expect(logTerms(node), what).toEqual(followerTerms);
      } else {
        expect(response?.success, what).toBe(true);
        expect(response?.matchIndex, what).toBe(prevLogIndex + count);
        expect(node.log.entries, what).toEqual(expected);
      }
    }
  });
});

/**
 * The safety checker (src/core/sim/checker.ts) must catch each violation of Figure 3's
 * properties, and stay silent on legal histories. A correct cluster never produces a violation,
 * so these tests feed it crafted events directly, through observe(checker, event, source), with
 * hand-built RaftNodes where the check reads the node's log or role.
 *
 * Each property has a positive case (the checker reports it, naming the property, the tick and
 * the nodes) and a negative case (a legal sequence of the same kind of events reports nothing).
 */
import { describe, expect, it } from 'vitest';
import type { SimEventBody } from '../../../src/core/sim/events.ts';
import type { RaftNode } from '../../../src/core/raft/node.ts';
import { newNode } from '../../../src/core/raft/node.ts';
import type { Command, Entry, NodeId, Role, Snapshot, Term } from '../../../src/core/raft/types.ts';
import { emptySnapshot } from '../../../src/core/raft/types.ts';
import type { CheckerState, SafetyProperty } from '../../../src/core/sim/checker.ts';
import { newChecker, observe, raiseFloor } from '../../../src/core/sim/checker.ts';
import { defaultRaftConfig } from '../../../src/core/sim/options.ts';
import { seedPrng } from '../../../src/core/base/prng.ts';

const put = (value: string): Command => ({ type: 'put', key: 'k', value });

function entry(index: number, term: Term, value = `v${index}t${term}`): Entry {
  return { index, term, command: put(value) };
}

/** A node of a 3-node cluster rebuilt from a disk holding `entries` (and `snapshot`), in `role`. */
function raftNode(id: NodeId, options: { role?: Role; term?: Term; entries?: readonly Entry[]; snapshot?: Snapshot } = {}): RaftNode {
  const node = newNode({
    id,
    voters: [1, 2, 3],
    config: defaultRaftConfig,
    rng: seedPrng(id),
    disk: { term: options.term ?? 1, vote: null, snapshot: options.snapshot ?? emptySnapshot, entries: options.entries ?? [] },
  });
  node.role = options.role ?? 'follower';
  return node;
}

function feed(checker: CheckerState, id: NodeId, event: SimEventBody, node: RaftNode | null = null, tick = 100): void {
  observe(checker, event, tick, id, node);
}

function properties(checker: CheckerState): SafetyProperty[] {
  return checker.violations.map((violation) => violation.property);
}

const appended = (first: number, prevTerm: Term, entries: readonly Entry[]): SimEventBody => ({
  type: 'entries-appended',
  first,
  last: first + entries.length - 1,
  prevTerm,
  entries,
  source: 'leader',
});

const applied = (index: number, term: Term, command: Command): SimEventBody => ({ type: 'applied', index, term, command });

const becameLeader = (term: Term): SimEventBody => ({ type: 'became-leader', term, votes: [1, 2, 3], lastIndex: 0 });

describe('One Vote per Term: a node votes for at most one candidate in a term (§5.2)', () => {
  const granted = (candidate: NodeId, term: Term): SimEventBody => ({
    type: 'vote-granted', candidate, term, candidateLastIndex: 0, candidateLastTerm: 0, ownLastIndex: 0, ownLastTerm: 0,
  });
  const candidacy = (term: Term): SimEventBody => ({ type: 'became-candidate', term, electionTimeout: 300 });

  it('reports a second vote in the same term for another candidate', () => {
    const checker = newChecker(3);
    feed(checker, 3, granted(1, 4), null, 10);
    feed(checker, 3, granted(2, 4), null, 20);
    expect(checker.violations).toHaveLength(1);
    expect(checker.violations[0]).toMatchObject({ property: 'One Vote per Term', nodes: [3, 1, 2], tick: 20 });
    expect(checker.violations[0]!.detail).toBe('node 3 voted for node 1 and then for node 2 in term 4');
  });

  it('counts a candidate\'s vote for itself', () => {
    const checker = newChecker(3);
    feed(checker, 2, candidacy(5));
    feed(checker, 2, granted(1, 5));
    expect(properties(checker)).toEqual(['One Vote per Term']);
    expect(checker.violations[0]!.nodes).toEqual([2, 1]);
  });

  it('remembers votes across a restart: a node that forgot its vote is caught', () => {
    const checker = newChecker(3);
    feed(checker, 3, granted(1, 2));
    feed(checker, 3, { type: 'node-crashed' });
    feed(checker, 3, { type: 'node-restarted', term: 2, vote: null, snapshotIndex: 0, lastIndex: 0 });
    feed(checker, 3, granted(2, 2));
    expect(properties(checker)).toEqual(['One Vote per Term']);
  });

  it('stays silent for the same vote twice and for votes in later terms', () => {
    const checker = newChecker(3);
    feed(checker, 3, granted(1, 2));
    feed(checker, 3, granted(1, 2));
    feed(checker, 3, granted(2, 3));
    feed(checker, 3, candidacy(4));
    feed(checker, 3, granted(1, 5));
    expect(checker.violations).toEqual([]);
  });
});

describe('Election Safety: at most one leader per term', () => {
  it('reports two leaders in one term, naming both', () => {
    const checker = newChecker(3);
    feed(checker, 1, becameLeader(4), null, 10);
    feed(checker, 2, becameLeader(4), null, 20);
    expect(checker.violations).toHaveLength(1);
    expect(checker.violations[0]).toMatchObject({ property: 'Election Safety', nodes: [1, 2], tick: 20 });
    expect(checker.violations[0]!.detail).toContain('term 4');
  });

  it('stays silent for one leader per term, and for a repeated report by the same node', () => {
    const checker = newChecker(3);
    feed(checker, 1, becameLeader(1));
    feed(checker, 2, becameLeader(2));
    feed(checker, 2, becameLeader(2));
    feed(checker, 1, becameLeader(3));
    expect(checker.violations).toEqual([]);
  });
});

describe('Leader Append-Only: a leader never deletes or overwrites its entries', () => {
  const truncated: SimEventBody = { type: 'entries-truncated', first: 3, last: 5, conflictIndex: 3, ownTerm: 2, leaderTerm: 3, leader: 2 };
  const installed: SimEventBody = { type: 'snapshot-installed', index: 10, term: 2, leader: 2, keptEntries: 0, discardedEntries: 5 };

  it('reports a truncation on a leader', () => {
    const checker = newChecker(3);
    feed(checker, 1, truncated, raftNode(1, { role: 'leader', term: 3 }));
    expect(properties(checker)).toEqual(['Leader Append-Only']);
    expect(checker.violations[0]!.nodes).toEqual([1]);
  });

  it('reports a snapshot replacing a leader\'s log', () => {
    const checker = newChecker(3);
    feed(checker, 1, installed, raftNode(1, { role: 'leader', term: 3 }));
    expect(properties(checker)).toEqual(['Leader Append-Only']);
  });

  it('stays silent when a follower or candidate truncates or installs a snapshot', () => {
    const checker = newChecker(3);
    feed(checker, 1, truncated, raftNode(1, { role: 'follower' }));
    feed(checker, 3, truncated, raftNode(3, { role: 'candidate' }));
    feed(checker, 1, installed, raftNode(1, { role: 'follower' }));
    expect(checker.violations).toEqual([]);
  });
});

describe('Log Matching: one (index, term) means one command after one previous term', () => {
  it('reports the same (index, term) appended with a different command', () => {
    const checker = newChecker(3);
    feed(checker, 1, appended(2, 1, [entry(2, 2, 'x')]));
    feed(checker, 2, appended(2, 1, [entry(2, 2, 'y')]));
    expect(properties(checker)).toEqual(['Log Matching']);
    expect(checker.violations[0]!.nodes).toEqual([1, 2]);
  });

  it('reports the same (index, term) appended after a different previous term', () => {
    const checker = newChecker(3);
    feed(checker, 1, appended(3, 1, [entry(3, 2, 'x')]));
    feed(checker, 3, appended(3, 2, [entry(3, 2, 'x')]));
    expect(properties(checker)).toEqual(['Log Matching']);
  });

  it('chains previous terms inside one batch: the second entry\'s previous term is the first\'s', () => {
    const checker = newChecker(3);
    // Node 1: entries 2 (term 1) and 3 (term 3). Node 2 claims entry 3 of term 3 follows term 2.
    feed(checker, 1, appended(2, 1, [entry(2, 1, 'a'), entry(3, 3, 'b')]));
    feed(checker, 2, appended(3, 2, [entry(3, 3, 'b')]));
    expect(properties(checker)).toEqual(['Log Matching']);
  });

  it('stays silent for identical appends on several nodes, and for a later term at the same index', () => {
    const checker = newChecker(3);
    feed(checker, 1, appended(1, 0, [entry(1, 1, 'a'), entry(2, 1, 'b')]));
    feed(checker, 2, appended(1, 0, [entry(1, 1, 'a'), entry(2, 1, 'b')]));
    feed(checker, 3, appended(2, 1, [entry(2, 1, 'b')]));
    // A different entry at index 2 in a later term: legal (it replaces an uncommitted one).
    feed(checker, 3, appended(2, 1, [entry(2, 2, 'c')]));
    expect(checker.violations).toEqual([]);
  });

  it('no longer tracks indexes every node has compacted (the floor)', () => {
    const checker = newChecker(3);
    feed(checker, 1, appended(1, 0, [entry(1, 1, 'a')]));
    raiseFloor(checker, 1);
    feed(checker, 2, appended(1, 0, [entry(1, 1, 'other')]));
    expect(checker.violations).toEqual([]);
  });
});

describe('Leader Completeness: a new leader holds every committed entry', () => {
  const log = [entry(1, 1), entry(2, 2), entry(3, 3)];

  /** Node 1, leader of term 3, commits entries 1..3: the highest committed is 3, of term 3. */
  function committedThrough3(): CheckerState {
    const checker = newChecker(3);
    const node1 = raftNode(1, { role: 'leader', term: 3, entries: log });
    node1.log.committed = 3;
    feed(checker, 1, { type: 'commit-advanced', from: 0, to: 3, term: 3, by: 'quorum' }, node1);
    return checker;
  }

  it('reports a new leader lacking the highest committed entry', () => {
    const checker = committedThrough3();
    feed(checker, 2, becameLeader(4), raftNode(2, { role: 'leader', term: 4, entries: log.slice(0, 2) }));
    expect(properties(checker)).toEqual(['Leader Completeness']);
    expect(checker.violations[0]!.detail).toContain('lacks committed entry 3');
  });

  it('reports a new leader holding another term at the highest committed index', () => {
    const checker = committedThrough3();
    feed(checker, 3, becameLeader(4), raftNode(3, { role: 'leader', term: 4, entries: [entry(1, 1), entry(2, 2), entry(3, 2)] }));
    expect(properties(checker)).toEqual(['Leader Completeness']);
  });

  it('stays silent for a leader holding the entry, or holding it in its snapshot', () => {
    const checker = committedThrough3();
    feed(checker, 2, becameLeader(4), raftNode(2, { role: 'leader', term: 4, entries: [...log, entry(4, 4)] }));
    feed(checker, 3, becameLeader(5), raftNode(3, { role: 'leader', term: 5, snapshot: { index: 3, term: 3, data: [] }, entries: [entry(4, 4)] }));
    expect(checker.violations).toEqual([]);
  });
});

describe('State Machine Safety: one command per index, applied in order', () => {
  it('reports two nodes applying different commands at one index', () => {
    const checker = newChecker(3);
    feed(checker, 1, applied(1, 1, put('a')));
    feed(checker, 2, applied(1, 1, put('b')));
    expect(properties(checker)).toEqual(['State Machine Safety']);
    expect(checker.violations[0]!.nodes).toEqual([1, 2]);
  });

  it('reports a node applying out of order (a gap) or applying an index twice', () => {
    const gap = newChecker(3);
    feed(gap, 1, applied(1, 1, put('a')));
    feed(gap, 1, applied(3, 1, put('c')));
    expect(properties(gap)).toEqual(['State Machine Safety']);
    expect(gap.violations[0]!.detail).toContain('next index to apply was 2');

    const twice = newChecker(3);
    feed(twice, 1, applied(1, 1, put('a')));
    feed(twice, 1, applied(1, 1, put('a')));
    expect(properties(twice)).toEqual(['State Machine Safety']);
  });

  it('reports two nodes committing different entries at one index', () => {
    const checker = newChecker(3);
    const node1 = raftNode(1, { entries: [entry(1, 1, 'a')] });
    const node2 = raftNode(2, { entries: [entry(1, 1, 'b')] });
    feed(checker, 1, { type: 'commit-advanced', from: 0, to: 1, term: 1, by: 'leader-commit' }, node1);
    feed(checker, 2, { type: 'commit-advanced', from: 0, to: 1, term: 1, by: 'leader-commit' }, node2);
    expect(properties(checker)).toEqual(['State Machine Safety']);
  });

  it('stays silent for the same commands applied in order everywhere, and after a restart or a snapshot', () => {
    const checker = newChecker(3);
    for (const id of [1, 2, 3]) {
      feed(checker, id, applied(1, 1, put('a')));
      feed(checker, id, applied(2, 1, put('b')));
    }
    // Node 2 restarts from a snapshot at 2 and then installs one at 5: it goes on from there.
    feed(checker, 2, { type: 'node-restarted', term: 1, vote: null, snapshotIndex: 2, lastIndex: 2 });
    feed(checker, 2, applied(3, 1, put('c')));
    feed(checker, 2, { type: 'state-restored', snapshotIndex: 5 });
    feed(checker, 2, applied(6, 2, put('f')));
    // Node 1 restarts with no snapshot and applies everything again, identically.
    feed(checker, 1, { type: 'node-restarted', term: 1, vote: null, snapshotIndex: 0, lastIndex: 2 });
    feed(checker, 1, applied(1, 1, put('a')));
    feed(checker, 1, applied(2, 1, put('b')));
    expect(checker.violations).toEqual([]);
  });
});

describe('reporting', () => {
  it('keeps at most violationLimit violations but counts them all', () => {
    const checker = newChecker(3);
    checker.violationLimit = 2;
    for (let term = 1; term <= 5; term += 1) {
      feed(checker, 1, becameLeader(term));
      feed(checker, 2, becameLeader(term));
    }
    expect(checker.violations).toHaveLength(2);
    expect(checker.violationCount).toBe(5);
  });
});

describe('checker memory stays bounded', () => {
  it('a node down for long does not pin the indexes the checker remembers', async () => {
    const { createSimulation } = await import('../../../src/core/index.ts');
    const { checkerRetainedIndexes } = await import('../../../src/core/sim/world.ts');
    const sim = createSimulation({ nodes: 3, seed: 4, workload: { proposeEveryTicks: 5 }, raft: { snapshotThresholdEntries: 50 } });
    sim.advance(1_000);
    sim.crash(3);
    sim.advance(40_000);
    const state = sim.checkpoint({ events: false });
    expect(state.checker.highestCommittedIndex).toBeGreaterThan(4 * checkerRetainedIndexes);
    // Node 3's disk still holds its old snapshot, yet the registries keep only recent indexes.
    expect(state.servers[2]!.disk.snapshot.index).toBeLessThan(state.checker.highestCommittedIndex - checkerRetainedIndexes);
    expect(state.checker.committed.size).toBeLessThanOrEqual(checkerRetainedIndexes + 200);
    expect(state.checker.appended.size).toBeLessThanOrEqual(checkerRetainedIndexes + 200);
    sim.restart(3);
    sim.advance(5_000);
    expect(sim.violations()).toEqual([]);
  });
});

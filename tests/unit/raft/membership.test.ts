/**
 * Membership change, one server at a time (thesis ch. 4; raft/membership.ts), driven node by node:
 * a new server joining as a learner and catching up through a snapshot before it is promoted,
 * removing the leader, the refusals that keep changes one at a time, learners that neither count
 * nor stand, a configuration entry truncated away, a restart reading its configuration from disk,
 * and the checker's two rules for configurations.
 */
import { describe, expect, it } from 'vitest';
import { newChecker, observe } from '../../../src/core/sim/checker.ts';
import { membershipAt } from '../../../src/core/raft/membership-scan.ts';
import type { RaftNode } from '../../../src/core/raft/node.ts';
import { newNode } from '../../../src/core/raft/node.ts';
import { advance, compactLog, ready } from '../../../src/core/raft/ready.ts';
import { seedPrng } from '../../../src/core/base/prng.ts';
import type { ConfChange, Entry } from '../../../src/core/raft/types.ts';
import { app, becomeLeader, deliver, eventsOfType, exchange, makeNode, sentOfType, takeOutbox, testConfig, tickTimes } from './helpers.ts';

function cluster(size: number): RaftNode[] {
  return Array.from({ length: size }, (_, index) => makeNode({ id: index + 1, size }));
}

/** Node 1 leads term 1 of `nodes`, and every node holds and has committed its no-op. */
function elected(nodes: RaftNode[]): RaftNode {
  const leader = nodes[0]!;
  becomeLeader(leader);
  // Its vote requests, then its no-op, reach the others, and their answers come back.
  exchange(nodes);
  return leader;
}

function change(node: RaftNode, kind: ConfChange['kind'], target: number): void {
  deliver(node, { type: 'MsgConfChange', change: { kind, node: target } });
}

function put(leader: RaftNode, value: string): void {
  deliver(leader, { type: 'MsgProp', commands: [{ type: 'put', key: 'k', value }] });
}

/** Runs each node's Ready cycle, so applied catches up with committed (as the simulation's host does). */
function applyAll(nodes: readonly RaftNode[]): void {
  for (const node of nodes) {
    node.outbox = [];
    advance(node, ready(node));
  }
}

describe('membership change', () => {
  it('adding a node that catches up through a snapshot: a learner first, promoted once it holds everything committed', () => {
    const nodes = cluster(3);
    const leader = elected(nodes);
    for (const value of ['1', '2', '3', '4']) put(leader, value);
    exchange(nodes);
    applyAll(nodes);
    // The leader compacts its log: a new server can only catch up through the snapshot.
    const applied = leader.log.applied;
    compactLog(leader, { index: applied, term: leader.term, data: [['k', '4']] });
    const newcomer = newNode({ id: 4, voters: [], config: testConfig, rng: seedPrng(4) });
    expect(newcomer.membership).toEqual({ voters: [], learners: [], index: 0 });

    change(leader, 'add', 4);
    expect(leader.membership).toMatchObject({ voters: [1, 2, 3], learners: [4] });
    expect(eventsOfType(leader, 'config-proposed')).toMatchObject([{ change: 'add', target: 4, index: applied + 1 }]);
    const all = [...nodes, newcomer];
    const delivered = exchange(all);
    expect(delivered.some((message) => message.type === 'MsgSnap' && message.to === 4)).toBe(true);
    // Caught up, node 4 was promoted by the leader through a second entry, and everyone uses it.
    expect(eventsOfType(leader, 'config-proposed').map((event) => event.change)).toEqual(['add', 'promote']);
    for (const node of all) expect(node.membership, `node ${node.id}`).toMatchObject({ voters: [1, 2, 3, 4], learners: [] });
    expect(leader.log.committed).toBe(applied + 2);
    // Followers learn that the promotion committed from the leader's next heartbeat.
    deliver(leader, { type: 'MsgBeat' });
    exchange(all);
    expect(newcomer.log.committed).toBe(applied + 2);
    expect(eventsOfType(newcomer, 'config-changed').map((event) => event.learners)).toEqual([[4], []]);
    // Four voters: a commit now needs three of them.
    put(leader, '5');
    for (const message of takeOutbox(leader)) if (message.to === 2) deliver(nodes[1]!, message);
    for (const message of takeOutbox(nodes[1]!)) deliver(leader, message);
    expect(leader.log.committed).toBe(applied + 2);
    // The appends to nodes 3 and 4 were lost; the next heartbeat carries the entry to them.
    deliver(leader, { type: 'MsgBeat' });
    exchange(all);
    expect(leader.log.committed).toBe(applied + 3);
  });

  it('removing the leader: it commits the change without counting itself, steps down, and never stands again', () => {
    const nodes = cluster(3);
    const leader = elected(nodes);
    change(leader, 'remove', 1);
    expect(leader.membership).toMatchObject({ voters: [2, 3], learners: [] });
    exchange(nodes);
    expect(leader.role).toBe('follower');
    expect(eventsOfType(leader, 'became-follower').at(-1)).toMatchObject({ reason: 'removed', previousRole: 'leader' });
    for (const node of nodes) expect(node.membership.voters, `node ${node.id}`).toEqual([2, 3]);
    // Its election timer runs out again and again, and it asks nobody for votes.
    takeOutbox(leader);
    tickTimes(leader, 200);
    expect(leader.role).toBe('follower');
    expect(sentOfType(leader, 'MsgVote')).toEqual([]);
    // The two left elect a leader between them.
    const [, second, third] = nodes as [RaftNode, RaftNode, RaftNode];
    deliver(second, { type: 'MsgHup' });
    exchange([second, third]);
    expect(second.role).toBe('leader');
    expect(eventsOfType(second, 'became-leader').at(-1)).toMatchObject({ votes: [2, 3] });
  });

  it('one change at a time, and only from a leader that committed in its term', () => {
    const nodes = cluster(3);
    const leader = nodes[0]!;
    change(nodes[1]!, 'add', 4);
    expect(eventsOfType(nodes[1]!, 'config-refused')).toMatchObject([{ reason: 'not-leader', target: 4 }]);
    becomeLeader(leader);
    change(leader, 'add', 4);
    expect(eventsOfType(leader, 'config-refused').at(-1)).toMatchObject({ reason: 'no-commit-in-term' });
    exchange(nodes);
    change(leader, 'add', 4);
    change(leader, 'add', 5);
    expect(eventsOfType(leader, 'config-refused').at(-1)).toMatchObject({ reason: 'pending', pendingIndex: 2, target: 5 });
    change(leader, 'promote', 2);
    expect(eventsOfType(leader, 'config-refused').at(-1)).toMatchObject({ reason: 'pending' });
    exchange(nodes);
    // Entry 2 committed (node 4 is only a learner, it does not count): the next change may go.
    expect(leader.log.committed).toBe(2);
    change(leader, 'add', 2);
    expect(eventsOfType(leader, 'config-refused').at(-1)).toMatchObject({ reason: 'already-member', target: 2 });
    change(leader, 'promote', 3);
    expect(eventsOfType(leader, 'config-refused').at(-1)).toMatchObject({ reason: 'not-a-learner', target: 3 });
    change(leader, 'remove', 9);
    expect(eventsOfType(leader, 'config-refused').at(-1)).toMatchObject({ reason: 'not-a-member', target: 9 });
    const lone = makeNode({ id: 1, size: 1 });
    deliver(lone, { type: 'MsgHup' });
    change(lone, 'remove', 1);
    expect(eventsOfType(lone, 'config-refused')).toMatchObject([{ reason: 'last-voter' }]);
    // A leader handing over its leadership takes no change either.
    deliver(leader, { type: 'MsgTransferLeader', target: 2 });
    change(leader, 'remove', 3);
    expect(eventsOfType(leader, 'config-refused').at(-1)).toMatchObject({ reason: 'transferring' });
  });

  it('a learner holds entries but neither counts toward a commit nor stands for election', () => {
    const nodes = cluster(3);
    const leader = elected(nodes);
    const learner = newNode({ id: 4, voters: [], config: testConfig, rng: seedPrng(4) });
    change(leader, 'add', 4);
    // Only the learner acknowledges: the entry does not commit.
    const committed = leader.log.committed;
    for (const message of takeOutbox(leader)) if (message.to === 4) deliver(learner, message);
    exchange([leader, learner]);
    expect(learner.membership).toMatchObject({ learners: [4] });
    expect(leader.log.committed).toBe(committed);
    takeOutbox(learner);
    tickTimes(learner, 200);
    expect(learner.role).toBe('follower');
    expect(sentOfType(learner, 'MsgVote')).toEqual([]);
    expect(eventsOfType(learner, 'election-timeout')).toEqual([]);
  });

  it('a configuration entry truncated away: the node goes back to the configuration before it', () => {
    const config: Entry = { index: 2, term: 1, command: { type: 'config', change: 'add', node: 4, voters: [1, 2, 3], learners: [4] } };
    const follower = makeNode({ id: 2, size: 3, term: 1 });
    deliver(follower, app({ from: 1, to: 2, term: 1, prevLogIndex: 0, prevLogTerm: 0, entries: [{ index: 1, term: 1, command: { type: 'noop' } }, config], leaderCommit: 1 }));
    expect(follower.membership).toEqual({ voters: [1, 2, 3], learners: [4], index: 2 });
    expect(follower.peers).toEqual([1, 3, 4]);
    // A leader of term 2 never had entry 2: its own entry there replaces it.
    deliver(follower, app({ from: 3, to: 2, term: 2, prevLogIndex: 1, prevLogTerm: 1, entries: [{ index: 2, term: 2, command: { type: 'noop' } }], leaderCommit: 1 }));
    expect(follower.membership).toEqual({ voters: [1, 2, 3], learners: [], index: 0 });
    expect(eventsOfType(follower, 'config-changed').map((event) => event.cause)).toEqual(['appended', 'truncated']);
  });

  it('a restarted node reads its configuration from its log, or from its snapshot', () => {
    const config = { type: 'config', change: 'remove', node: 3, voters: [1, 2], learners: [] } as const;
    const entries: Entry[] = [{ index: 1, term: 1, command: { type: 'noop' } }, { index: 2, term: 1, command: config }];
    const fromLog = newNode({ id: 1, voters: [1, 2, 3], config: testConfig, rng: seedPrng(1), disk: { term: 1, vote: 1, snapshot: { index: 0, term: 0, data: [] }, entries } });
    expect(fromLog.membership).toEqual({ voters: [1, 2], learners: [], index: 2 });
    expect(fromLog.peers).toEqual([2]);
    expect(membershipAt(fromLog, 1)).toBeUndefined();
    expect(membershipAt(fromLog, 2)).toEqual({ voters: [1, 2], learners: [] });
    const snapshot = { index: 2, term: 1, data: [], membership: { voters: [1, 2], learners: [] } };
    const fromSnapshot = newNode({ id: 2, voters: [1, 2, 3], config: testConfig, rng: seedPrng(2), disk: { term: 1, vote: 1, snapshot, entries: [] } });
    expect(fromSnapshot.membership).toEqual({ voters: [1, 2], learners: [], index: 2 });
  });

  it('the checker: a leader without a majority of its own voters, and two uncommitted changes, are violations', () => {
    const node = makeNode({ id: 1, size: 3, term: 2 });
    node.role = 'leader';
    const checker = newChecker(3);
    observe(checker, { type: 'became-leader', term: 2, votes: [1, 4], lastIndex: 0 }, 10, 1, node);
    expect(checker.violations.map((violation) => violation.property)).toEqual(['Election Safety']);
    expect(checker.violations[0]!.detail).toBe('node 1 became leader in term 2 with votes from {1,4}, not a majority of its voters {1,2,3}');
    const add = (index: number, target: number): Entry => ({ index, term: 2, command: { type: 'config', change: 'add', node: target, voters: [1, 2, 3], learners: [target] } });
    node.log.entries.push(add(1, 4));
    observe(checker, { type: 'config-proposed', change: 'add', target: 4, index: 1, voters: [1, 2, 3], learners: [4] }, 11, 1, node);
    expect(checker.violations).toHaveLength(1);
    node.log.entries.push(add(2, 5));
    observe(checker, { type: 'config-proposed', change: 'add', target: 5, index: 2, voters: [1, 2, 3], learners: [5] }, 12, 1, node);
    expect(checker.violations.map((violation) => violation.property)).toEqual(['Election Safety', 'One Change at a Time']);
    expect(checker.violations[1]!.detail).toBe('node 1 holds uncommitted configuration entries at 1, 2');
  });
});

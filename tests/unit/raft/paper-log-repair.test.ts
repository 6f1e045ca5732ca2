/**
 * Tests keyed to the paper's account of how a leader brings a follower's log into line with its
 * own (§5.3, Figure 7), in the manner of etcd's raft_paper_test.go.
 *
 * Method: a leader with a known log is elected by hand-made votes; a real follower node with a
 * known log answers its AppendEntries, so both sides of the consistency check run for real. The
 * tests check the follower's rejection hint, the leader's nextIndex and the append it sends next,
 * and, for Figure 7, that the two logs end up identical.
 */
import { describe, expect, it } from 'vitest';
import type { RaftNode } from '../../../src/core/raft/node.ts';
import type { MsgApp, MsgAppResp } from '../../../src/core/raft/message.ts';
import type { RaftConfig, Term } from '../../../src/core/raft/types.ts';
import {
  acknowledgeAll,
  appReject,
  appResp,
  clearOutput,
  deliver,
  eventsOfType,
  exchange,
  becomeLeader,
  logTerms,
  makeNode,
  sentOfType,
  takeOutbox,
  testConfig,
  tickTimes,
} from './helpers.ts';

/**
 * Leader 1 of a 3-node cluster, elected into term 6 from a disk holding [1,1,1,4,4,5,5] at term 5;
 * its no-op of term 6 sits at index 8 and its first probe to node 2 (prevLogIndex 7) is in its
 * outbox, alone.
 */
function leaderOfTerm6(config: Partial<RaftConfig> = {}): RaftNode {
  const leader = makeNode({ id: 1, size: 3, term: 5, logTerms: [1, 1, 1, 4, 4, 5, 5], config });
  becomeLeader(leader);
  expect(leader.term).toBe(6);
  leader.outbox = sentOfType(leader, 'MsgApp').filter((message) => message.to === 2);
  leader.events = [];
  return leader;
}

/** Hands the leader's one message to `follower` and returns the follower's one answer. */
function answer(leader: RaftNode, follower: RaftNode): MsgAppResp {
  const [request, ...rest] = takeOutbox(leader);
  expect(rest).toEqual([]);
  expect(request?.type).toBe('MsgApp');
  deliver(follower, request!);
  const [response] = takeOutbox(follower);
  expect(response?.type).toBe('MsgAppResp');
  return response as MsgAppResp;
}

function onlyAppend(leader: RaftNode): MsgApp {
  const appends = sentOfType(leader, 'MsgApp');
  expect(appends).toHaveLength(1);
  return appends[0]!;
}

describe('leader backs off nextIndex on rejection (§5.3)', () => {
  // "After a rejection, the leader decrements nextIndex and retries the AppendEntries RPC." With
  // the optimisation the paper sketches: "the follower can include the term of the conflicting
  // entry and the first index it stores for that term. With this information, the leader can
  // decrement nextIndex to bypass all of the conflicting entries in that term; one AppendEntries
  // RPC will be required for each term with conflicting entries, rather than one RPC per entry."
  //
  //   index     1 2 3 4 5 6 7 8
  //   leader    1 1 1 4 4 5 5 6
  //   follower  (one of the rows below)
  it.each<{ follower: Term[]; conflictTerm: Term | null; conflictIndex: number; nextIndex: number; prevLogTerm: Term; why: string }>([
    { follower: [1, 1, 1, 2, 2, 2, 2], conflictTerm: 2, conflictIndex: 4, nextIndex: 4, prevLogTerm: 1, why: 'leader has no term 2: skip to its first index' },
    { follower: [1, 1, 1, 4, 4, 4, 4], conflictTerm: 4, conflictIndex: 4, nextIndex: 6, prevLogTerm: 4, why: 'leader has term 4: resume after its last term-4 entry' },
    { follower: [1, 1, 1], conflictTerm: null, conflictIndex: 4, nextIndex: 4, prevLogTerm: 1, why: 'log too short: resume after its end' },
    { follower: [1, 1, 1, 4, 4, 5], conflictTerm: null, conflictIndex: 7, nextIndex: 7, prevLogTerm: 5, why: 'one entry short' },
  ])('with fast backup, follower $follower: $why (§5.3)', (row) => {
    const leader = leaderOfTerm6();
    const follower = makeNode({ id: 2, size: 3, term: 5, logTerms: row.follower });
    const rejection = answer(leader, follower);
    expect(rejection).toEqual(
      appReject({ from: 2, to: 1, term: 6, rejectedIndex: 7, conflictTerm: row.conflictTerm, conflictIndex: row.conflictIndex }),
    );
    deliver(leader, rejection);
    expect(leader.progress[2]).toMatchObject({ state: 'probe', nextIndex: row.nextIndex, matchIndex: 0 });
    const retry = onlyAppend(leader);
    expect(retry).toMatchObject({ to: 2, prevLogIndex: row.nextIndex - 1, prevLogTerm: row.prevLogTerm });
    expect(retry.entries.map((sent) => sent.index)).toEqual(Array.from({ length: 9 - row.nextIndex }, (_, offset) => row.nextIndex + offset));
    expect(eventsOfType(leader, 'next-index-backed-off')).toMatchObject([{ follower: 2, from: 8, to: row.nextIndex, fastBackup: true }]);
  });

  it('without fast backup, leader backs off nextIndex by one entry per rejection (§5.3)', () => {
    const config = { fastBackup: false };
    const leader = leaderOfTerm6(config);
    const follower = makeNode({ id: 2, size: 3, term: 5, logTerms: [1, 1, 1, 2, 2, 2, 2], config });
    const rejection = answer(leader, follower);
    expect(rejection).toEqual(appReject({ from: 2, to: 1, term: 6, rejectedIndex: 7 }));
    deliver(leader, rejection);
    expect(leader.progress[2]?.nextIndex).toBe(7);
    expect(onlyAppend(leader)).toMatchObject({ prevLogIndex: 6, prevLogTerm: 5 });
    exchange([leader, follower]);
    expect(eventsOfType(leader, 'next-index-backed-off').map((event) => event.to)).toEqual([7, 6, 5, 4]);
    expect(logTerms(follower)).toEqual(logTerms(leader));
  });

  // Stale answers (to a probe already superseded, or to an append the follower has since
  // acknowledged past) carry no news about where the logs diverge.
  it('leader ignores a rejection that does not answer its latest probe (§5.3)', () => {
    const leader = leaderOfTerm6();
    clearOutput(leader);
    deliver(leader, appReject({ from: 2, to: 1, term: 6, rejectedIndex: 5, conflictIndex: 1 }));
    expect(leader.progress[2]).toMatchObject({ state: 'probe', nextIndex: 8 });
    expect(leader.outbox).toEqual([]);
    expect(eventsOfType(leader, 'next-index-backed-off')).toEqual([]);
  });

  it('leader ignores a duplicated rejection it has already acted on (§5.3)', () => {
    const leader = leaderOfTerm6();
    const follower = makeNode({ id: 2, size: 3, term: 5, logTerms: [1, 1, 1, 2, 2, 2, 2] });
    const rejection = answer(leader, follower);
    deliver(leader, rejection);
    expect(leader.progress[2]?.nextIndex).toBe(4);
    clearOutput(leader);
    deliver(leader, rejection);
    expect(leader.progress[2]?.nextIndex).toBe(4);
    expect(leader.outbox).toEqual([]);
  });

  it('leader in replicate state ignores a rejection at or below the matched index (§5.3)', () => {
    const leader = leaderOfTerm6();
    acknowledgeAll(leader);
    clearOutput(leader);
    expect(leader.progress[2]).toMatchObject({ state: 'replicate', matchIndex: 8, nextIndex: 9 });
    deliver(leader, appReject({ from: 2, to: 1, term: 6, rejectedIndex: 6, conflictIndex: 1 }));
    expect(leader.progress[2]).toMatchObject({ state: 'replicate', matchIndex: 8, nextIndex: 9 });
    expect(leader.outbox).toEqual([]);
  });

  it('leader in replicate state falls back to probing on a fresh rejection, never below matchIndex + 1 (§5.3)', () => {
    const leader = leaderOfTerm6();
    deliver(leader, appResp({ from: 2, to: 1, term: 6, matchIndex: 5 }));
    expect(leader.progress[2]).toMatchObject({ state: 'replicate', matchIndex: 5 });
    clearOutput(leader);
    deliver(leader, appReject({ from: 2, to: 1, term: 6, rejectedIndex: 7, conflictIndex: 1 }));
    expect(leader.progress[2]).toMatchObject({ state: 'probe', matchIndex: 5, nextIndex: 6 });
    expect(onlyAppend(leader)).toMatchObject({ prevLogIndex: 5, prevLogTerm: 4 });
  });

  // "Until the leader has discovered where it and the follower's logs match, the leader can send
  // AppendEntries with no entries (like heartbeats) to save bandwidth. Then, once the matchIndex
  // immediately precedes the nextIndex, the leader should begin to send the actual entries."
  // Raftlab probes one append at a time, then streams once an append succeeds.
  it('progress moves from probe to replicate when an append succeeds (§5.3)', () => {
    const leader = leaderOfTerm6();
    expect(leader.progress[2]).toMatchObject({ state: 'probe', probeSent: true });
    clearOutput(leader);
    // While a probe is outstanding, a new proposal does not send another append to node 2.
    deliver(leader, { type: 'MsgProp', commands: [{ type: 'delete', key: 'a' }] });
    expect(sentOfType(leader, 'MsgApp').filter((message) => message.to === 2)).toEqual([]);
    deliver(leader, appResp({ from: 2, to: 1, term: 6, matchIndex: 8 }));
    expect(leader.progress[2]).toMatchObject({ state: 'replicate', matchIndex: 8, nextIndex: 10, inflight: [9] });
    expect(eventsOfType(leader, 'progress-updated')).toEqual([{ type: 'progress-updated', follower: 2, matchIndex: 8, nextIndex: 9, state: 'replicate' }]);
    // The pending proposal follows at once.
    expect(onlyAppend(leader)).toMatchObject({ to: 2, prevLogIndex: 8, prevLogTerm: 6, entries: [{ index: 9 }] });
  });
});

describe('Figure 7: a new leader repairs any follower log (§5.3)', () => {
  // "When the leader at the top comes to power, it is possible that any of scenarios (a–f) could
  // occur in follower logs." "If a follower's log is inconsistent with the leader's, the
  // AppendEntries consistency check will fail ... Eventually nextIndex will reach a point where
  // the leader and follower logs match. When this happens, AppendEntries will succeed, which
  // removes any conflicting entries in the follower's log and appends entries from the leader's
  // log." (etcd's TestLeaderSyncFollowerLog.)
  //
  //   index   1 2 3 4 5 6 7 8 9 10 11 12
  //   leader  1 1 1 4 4 5 5 6 6 6          (term 8; its no-op of term 8 goes at 11)
  const leaderLog = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
  it.each<{ name: string; follower: Term[]; rejectionsFast: number; rejectionsSlow: number }>([
    { name: 'a', follower: [1, 1, 1, 4, 4, 5, 5, 6, 6], rejectionsFast: 1, rejectionsSlow: 1 },
    { name: 'b', follower: [1, 1, 1, 4], rejectionsFast: 1, rejectionsSlow: 6 },
    { name: 'c', follower: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6], rejectionsFast: 0, rejectionsSlow: 0 },
    { name: 'd', follower: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7], rejectionsFast: 0, rejectionsSlow: 0 },
    { name: 'e', follower: [1, 1, 1, 4, 4, 4, 4], rejectionsFast: 2, rejectionsSlow: 5 },
    { name: 'f', follower: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3], rejectionsFast: 2, rejectionsSlow: 7 },
  ])('follower ($name) ends with the leader\'s log, fast backup on and off (Figure 7, §5.3)', (row) => {
    for (const fastBackup of [true, false]) {
      const config = { fastBackup };
      const leader = makeNode({ id: 1, size: 3, term: 7, logTerms: leaderLog, config });
      becomeLeader(leader);
      expect(leader.term).toBe(8);
      leader.outbox = sentOfType(leader, 'MsgApp');
      leader.events = [];
      const follower = makeNode({ id: 2, size: 3, term: 7, logTerms: row.follower, config });
      exchange([leader, follower]);
      expect(follower.log.entries).toEqual(leader.log.entries);
      expect(logTerms(follower)).toEqual([...leaderLog, 8]);
      expect(eventsOfType(leader, 'next-index-backed-off')).toHaveLength(fastBackup ? row.rejectionsFast : row.rejectionsSlow);
      // Node 2 and the leader are a majority: the no-op, and all before it, are committed.
      expect(leader.progress[2]).toMatchObject({ state: 'replicate', matchIndex: 11 });
      expect(leader.log.committed).toBe(11);
      // The follower learns the commit index with the next heartbeat.
      tickTimes(leader, testConfig.heartbeatIntervalTicks);
      exchange([leader, follower]);
      expect(follower.log.committed).toBe(11);
    }
  });
});

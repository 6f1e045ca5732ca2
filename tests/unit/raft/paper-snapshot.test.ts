/**
 * Tests keyed to the paper's sentences on log compaction and InstallSnapshot (§7), in the manner
 * of etcd's raft_paper_test.go.
 *
 * Method: a leader is rebuilt from a disk whose log starts with a snapshot, so a follower that
 * needs the compacted prefix can only be brought up to date by InstallSnapshot; a follower with a
 * known log is stepped with a hand-made InstallSnapshot. The tests check the messages, the
 * leader's progress and the follower's log.
 */
import { describe, expect, it } from 'vitest';
import { firstIndex, lastIndex } from '../../../src/core/raft/log.ts';
import type { RaftNode } from '../../../src/core/raft/node.ts';
import type { Snapshot, Term } from '../../../src/core/raft/types.ts';
import {
  app,
  becomeLeader,
  clearOutput,
  deliver,
  entriesOfTerms,
  eventsOfType,
  exchange,
  logTerms,
  makeNode,
  sentOfType,
  snap,
  takeOutbox,
  testConfig,
  tickTimes,
} from './helpers.ts';

const snapshotAt5: Snapshot = { index: 5, term: 1, data: [['a', '1']] };

/** Leader 1 of term 2 whose log is the snapshot up to 5, then [1] at 6 and its no-op at 7. */
function leaderWithSnapshot(): RaftNode {
  const leader = makeNode({ id: 1, size: 3, term: 1, snapshot: snapshotAt5, logTerms: [1] });
  expect(firstIndex(leader.log)).toBe(6);
  becomeLeader(leader);
  leader.outbox = sentOfType(leader, 'MsgApp').filter((message) => message.to === 2);
  leader.events = [];
  return leader;
}

describe('leader sends InstallSnapshot (§7)', () => {
  // "The leader uses a new RPC called InstallSnapshot to send snapshots to followers that are too
  // far behind. This happens when the leader has already discarded the next log entry that it
  // needs to send to a follower."
  it('leader sends its snapshot to a follower whose nextIndex falls below its first index (§7)', () => {
    const leader = leaderWithSnapshot();
    const follower = makeNode({ id: 2, size: 3 });
    deliver(follower, takeOutbox(leader)[0]!);
    const [rejection] = takeOutbox(follower);
    expect(rejection).toMatchObject({ type: 'MsgAppResp', success: false, rejectedIndex: 6, conflictIndex: 1 });
    deliver(leader, rejection!);
    expect(leader.outbox).toEqual([{ type: 'MsgSnap', from: 1, to: 2, term: 2, snapshot: snapshotAt5 }]);
    expect(leader.progress[2]).toMatchObject({ state: 'snapshot', pendingSnapshot: 5 });
    expect(eventsOfType(leader, 'snapshot-sent')).toEqual([{ type: 'snapshot-sent', follower: 2, index: 5, term: 1, nextIndex: 1, firstIndex: 6 }]);
  });

  // A lost InstallSnapshot must be retried, but a snapshot is large: the leader waits an election
  // timeout's worth of heartbeats (enough for its round trip) before sending it again.
  it('leader sends no entries to a follower while its snapshot is pending, and resends it after an election timeout (§7)', () => {
    const leader = leaderWithSnapshot();
    const follower = makeNode({ id: 2, size: 3 });
    deliver(follower, takeOutbox(leader)[0]!);
    deliver(leader, takeOutbox(follower)[0]!);
    clearOutput(leader);
    const toTwo = () => leader.outbox.filter((message) => message.to === 2);
    deliver(leader, { type: 'MsgProp', commands: [{ type: 'put', key: 'b', value: '2' }] });
    expect(toTwo()).toEqual([]);
    const { heartbeatIntervalTicks, electionTimeoutTicksMin } = testConfig;
    const heartbeatsToRetry = Math.ceil(electionTimeoutTicksMin / heartbeatIntervalTicks);
    tickTimes(leader, heartbeatIntervalTicks * (heartbeatsToRetry - 1));
    // Only empty heartbeats, checked against the snapshot's last entry, one per interval.
    const heartbeat = app({ from: 1, to: 2, term: 2, prevLogIndex: 5, prevLogTerm: 1, leaderCommit: 5 });
    expect(toTwo()).toEqual(Array.from({ length: heartbeatsToRetry - 1 }, () => heartbeat));
    clearOutput(leader);
    tickTimes(leader, heartbeatIntervalTicks);
    expect(toTwo()).toEqual([{ type: 'MsgSnap', from: 1, to: 2, term: 2, snapshot: snapshotAt5 }]);
    expect(leader.progress[2]).toMatchObject({ state: 'snapshot', pendingSnapshot: 5 });
  });

  it('leader ignores the answer to a heartbeat while the snapshot is pending (§7)', () => {
    const leader = leaderWithSnapshot();
    const follower = makeNode({ id: 2, size: 3 });
    deliver(follower, takeOutbox(leader)[0]!);
    deliver(leader, takeOutbox(follower)[0]!);
    clearOutput(leader);
    tickTimes(leader, testConfig.heartbeatIntervalTicks);
    deliver(follower, leader.outbox.find((message) => message.to === 2)!);
    const [rejection] = takeOutbox(follower);
    expect(rejection).toMatchObject({ type: 'MsgAppResp', success: false, rejectedIndex: 5 });
    // The follower heard from its leader: its election timer restarted.
    expect(follower.electionElapsed).toBe(0);
    clearOutput(leader);
    deliver(leader, rejection!);
    expect(leader.progress[2]).toMatchObject({ state: 'snapshot', pendingSnapshot: 5 });
    expect(leader.outbox).toEqual([]);
  });

  // §5.2: "Leaders send periodic heartbeats (AppendEntries RPCs that carry no log entries) to all
  // followers in order to maintain their authority." A follower whose snapshot was lost still
  // hears from the leader every heartbeat interval, so it does not time out and depose a working
  // leader while it waits for the snapshot to be sent again.
  it('leader keeps heartbeating a follower whose snapshot was lost, so it does not start an election (§5.2, §7)', () => {
    // A fixed election timeout of 10 ticks, shorter than the wait before a snapshot is resent.
    const config = { electionTimeoutTicksMin: 10, electionTimeoutTicksMax: 10 };
    const leader = makeNode({ id: 1, size: 3, term: 1, snapshot: snapshotAt5, logTerms: [1], config });
    becomeLeader(leader);
    leader.outbox = sentOfType(leader, 'MsgApp').filter((message) => message.to === 2);
    const follower = makeNode({ id: 2, size: 3, config });
    let snapshotsLost = 0;
    for (let tickCount = 0; tickCount < 60; tickCount += 1) {
      for (const message of takeOutbox(leader)) {
        if (message.to !== 2) continue;
        if (message.type === 'MsgSnap' && snapshotsLost === 0) {
          snapshotsLost += 1;
          continue;
        }
        deliver(follower, message);
      }
      for (const message of takeOutbox(follower)) deliver(leader, message);
      tickTimes(leader, 1);
      tickTimes(follower, 1);
      expect(follower.role, `tick ${tickCount}`).toBe('follower');
    }
    expect(snapshotsLost).toBe(1);
    expect(eventsOfType(follower, 'became-candidate')).toEqual([]);
    expect([leader.role, leader.term, follower.term]).toEqual(['leader', 2, 2]);
    // The snapshot was sent again in the end, and the follower caught up.
    expect(follower.log.snapshot).toEqual(snapshotAt5);
    expect(follower.log.entries).toEqual(leader.log.entries);
  });

  it('once the snapshot is installed, the leader probes after it and the follower catches up (§7)', () => {
    const leader = leaderWithSnapshot();
    const follower = makeNode({ id: 2, size: 3 });
    exchange([leader, follower]);
    expect(follower.log.snapshot).toEqual(snapshotAt5);
    expect(follower.snapshotToInstall).toEqual(snapshotAt5);
    expect(follower.log.entries).toEqual(leader.log.entries);
    expect(leader.progress[2]).toMatchObject({ state: 'replicate', matchIndex: 7, nextIndex: 8 });
    expect(leader.log.committed).toBe(7);
  });
});

describe('follower receives InstallSnapshot (§7)', () => {
  /** Follower 1 of term `term` with log `terms`, receiving a snapshot from leader 2 of that term. */
  function installOn(terms: readonly Term[], snapshot: Snapshot, term = 3): RaftNode {
    const node = makeNode({ id: 1, size: 3, term, logTerms: terms });
    deliver(node, snap({ from: 2, to: 1, term, snapshot }));
    return node;
  }

  // Figure 13: "If existing log entry has same index and term as snapshot's last included entry,
  // retain log entries following it and reply." "Usually the snapshot will contain new information
  // not already in the recipient's log. In this case, the follower discards its entire log."
  it('follower keeps the entries after a snapshot its log agrees with (§7, Figure 13)', () => {
    const node = installOn([1, 1, 1, 1, 1, 2, 2], snapshotAt5);
    expect(node.log.snapshot).toEqual(snapshotAt5);
    expect(node.log.entries).toEqual(entriesOfTerms([2, 2], 6));
    expect(lastIndex(node.log)).toBe(7);
    expect(node.log.committed).toBe(5);
    expect(node.log.applied).toBe(5);
    expect(node.snapshotToInstall).toEqual(snapshotAt5);
    expect(node.outbox).toEqual([{ type: 'MsgSnapResp', from: 1, to: 2, term: 3, matchIndex: 5 }]);
    expect(eventsOfType(node, 'snapshot-installed')).toMatchObject([{ keptEntries: 2, discardedEntries: 0 }]);
  });

  it('follower discards its whole log when it disagrees with the snapshot at its last index (§7, Figure 13)', () => {
    const snapshot: Snapshot = { index: 5, term: 3, data: [] };
    const node = installOn([1, 1, 1, 2, 2, 2, 2], snapshot);
    expect(node.log.snapshot).toEqual(snapshot);
    expect(node.log.entries).toEqual([]);
    expect(lastIndex(node.log)).toBe(5);
    expect(node.log.committed).toBe(5);
    expect(node.outbox).toEqual([{ type: 'MsgSnapResp', from: 1, to: 2, term: 3, matchIndex: 5 }]);
  });

  it('follower whose log ends before the snapshot discards it (§7, Figure 13)', () => {
    const node = installOn([1, 1], snapshotAt5);
    expect(node.log.entries).toEqual([]);
    expect(lastIndex(node.log)).toBe(5);
    expect(node.log.committed).toBe(5);
  });

  it('follower ignores a snapshot that its commit index already covers (§7)', () => {
    const node = makeNode({ id: 1, size: 3, term: 3 });
    deliver(node, app({ from: 2, to: 1, term: 3, entries: entriesOfTerms([1, 1, 1, 1, 1, 1]), leaderCommit: 6 }));
    clearOutput(node);
    deliver(node, snap({ from: 2, to: 1, term: 3, snapshot: snapshotAt5 }));
    expect(node.log.snapshot.index).toBe(0);
    expect(logTerms(node)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(node.snapshotToInstall).toBeNull();
    expect(node.outbox).toEqual([{ type: 'MsgSnapResp', from: 1, to: 2, term: 3, matchIndex: 6 }]);
    expect(eventsOfType(node, 'snapshot-ignored')).toHaveLength(1);
  });

  it('candidate receiving InstallSnapshot of its term recognises the leader (§5.2, §7)', () => {
    const node = makeNode({ id: 1, size: 3, term: 2 });
    deliver(node, { type: 'MsgHup' });
    deliver(node, snap({ from: 2, to: 1, term: 3, snapshot: snapshotAt5 }));
    expect(node.role).toBe('follower');
    expect(node.lead).toBe(2);
    expect(node.log.snapshot).toEqual(snapshotAt5);
  });
});

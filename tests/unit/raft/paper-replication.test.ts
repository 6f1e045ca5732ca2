/**
 * Tests keyed to the sentences of the Raft paper on log replication and commitment (§5.3,
 * §5.4.2) and client interaction (§8), in the manner of etcd's raft_paper_test.go.
 *
 * Method: build a leader or a follower in a known state, step it with hand-made messages (or the
 * real messages another node produced), then check its outbox, its events and its log.
 * Log repair (nextIndex back-off) is in paper-log-repair.test.ts, snapshots in
 * paper-snapshot.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { RaftNode } from '../../../src/core/raft/node.ts';
import { propose } from '../../../src/core/raft/step-leader.ts';
import type { Entry, LogIndex, Term } from '../../../src/core/raft/types.ts';
import { checkNode } from '../../../src/core/raft/node.ts';
import {
  acknowledgeAll,
  app,
  appResp,
  becomeCandidate,
  becomeLeader,
  clearOutput,
  deliver,
  entriesOfTerms,
  entry,
  eventsOfType,
  logTerms,
  makeNode,
  sentOfType,
  takeOutbox,
  testConfig,
  tickTimes,
} from './helpers.ts';

const put = { type: 'put', key: 'x', value: '1' } as const;

/** A leader of term 1 in a cluster of `size` whose followers all hold and acknowledged its no-op. */
function steadyLeader(size: number): RaftNode {
  const leader = makeNode({ id: 1, size });
  becomeLeader(leader);
  acknowledgeAll(leader);
  expect(leader.log.committed).toBe(1);
  clearOutput(leader);
  return leader;
}

function proposeChecked(node: RaftNode, commands: Parameters<typeof propose>[1]) {
  const result = propose(node, commands);
  checkNode(node);
  return result;
}

describe('leader replicates client commands (§5.3)', () => {
  // "The leader appends the command to its log as a new entry, then issues AppendEntries RPCs in
  // parallel to each of the other servers to replicate the entry." "When sending an AppendEntries
  // RPC, the leader includes the index and term of the entry in its log that immediately precedes
  // the new entries." "It includes that index [the highest known committed] in future
  // AppendEntries RPCs."
  it('leader appends a proposal and sends it with prevLogIndex, prevLogTerm and leaderCommit (§5.3)', () => {
    const leader = steadyLeader(3);
    const result = proposeChecked(leader, [put]);
    expect(result).toEqual({ index: 2, term: 1, isLeader: true, leaderHint: 1 });
    expect(leader.log.entries.at(-1)).toEqual({ index: 2, term: 1, command: put });
    expect(leader.log.committed).toBe(1);
    expect(leader.outbox).toEqual(
      [2, 3].map((to) => app({ from: 1, to, term: 1, prevLogIndex: 1, prevLogTerm: 1, entries: [{ index: 2, term: 1, command: put }], leaderCommit: 1 })),
    );
  });

  it('leader streams successive proposals without waiting for acknowledgements (§5.3)', () => {
    const leader = steadyLeader(3);
    proposeChecked(leader, [put]);
    proposeChecked(leader, [put, put]);
    const toTwo = sentOfType(leader, 'MsgApp').filter((message) => message.to === 2);
    expect(toTwo.map((message) => [message.prevLogIndex, message.entries.map((sent) => sent.index)])).toEqual([
      [1, [2]],
      [2, [3, 4]],
    ]);
    expect(leader.progress[2]).toMatchObject({ state: 'replicate', matchIndex: 1, nextIndex: 5 });
  });

  // "A log entry is committed once the leader that created the entry has replicated it on a
  // majority of the servers." "The leader keeps track of the highest index it knows to be
  // committed, and it includes that index in future AppendEntries RPCs (including heartbeats) so
  // that the other servers eventually find out."
  it('leader commits an entry once a majority holds it and carries commitIndex to followers (§5.3)', () => {
    const leader = steadyLeader(5);
    proposeChecked(leader, [put]);
    deliver(leader, appResp({ from: 2, to: 1, term: 1, matchIndex: 2 }));
    expect(leader.log.committed).toBe(1);
    deliver(leader, appResp({ from: 3, to: 1, term: 1, matchIndex: 2 }));
    expect(leader.log.committed).toBe(2);
    expect(eventsOfType(leader, 'commit-advanced').at(-1)).toEqual({ type: 'commit-advanced', from: 1, to: 2, term: 1, by: 'quorum' });
    clearOutput(leader);
    tickTimes(leader, testConfig.heartbeatIntervalTicks);
    const appends = sentOfType(leader, 'MsgApp');
    expect(appends.map((message) => message.to)).toEqual([2, 3, 4, 5]);
    for (const message of appends) expect(message.leaderCommit).toBe(2);
  });

  // etcd's TestLeaderAcknowledgeCommit: the no-op is the entry; who acknowledges it decides.
  it.each([
    { size: 1, acks: [], committed: true },
    { size: 3, acks: [], committed: false },
    { size: 3, acks: [2], committed: true },
    { size: 3, acks: [2, 3], committed: true },
    { size: 5, acks: [], committed: false },
    { size: 5, acks: [2], committed: false },
    { size: 5, acks: [2, 3], committed: true },
    { size: 5, acks: [2, 3, 4], committed: true },
    { size: 5, acks: [2, 3, 4, 5], committed: true },
  ] as const)('in a $size-node cluster, acknowledgements from $acks commit=$committed (§5.3)', (row) => {
    const leader = makeNode({ id: 1, size: row.size });
    becomeLeader(leader);
    for (const from of row.acks) deliver(leader, appResp({ from, to: 1, term: 1, matchIndex: 1 }));
    expect(leader.log.committed).toBe(row.committed ? 1 : 0);
  });

  // "This also commits all preceding entries in the leader's log, including entries created by
  // previous leaders."
  it('committing an entry of its term commits every entry before it (§5.3)', () => {
    const leader = makeNode({ id: 1, size: 3, term: 2, logTerms: [1, 1, 2] });
    becomeLeader(leader);
    expect(leader.log.committed).toBe(0);
    deliver(leader, appResp({ from: 2, to: 1, term: 3, matchIndex: 4 }));
    expect(leader.log.committed).toBe(4);
  });

  // Figure 8 and §5.4.2: "Raft never commits log entries from previous terms by counting replicas.
  // Only log entries from the leader's current term are committed by counting replicas; once an
  // entry from the current term has been committed in this way, then all prior entries are
  // committed indirectly because of the Log Matching Property."
  it('leader does not commit an entry of an older term by counting replicas, until one of its term is on top (Figure 8, §5.4.2)', () => {
    // S1 is leader of term 4 with [1, 2] (Figure 8 (c)); its no-op of term 4 sits at index 3.
    // S2 and S3 hold [1] only. One entry per append, so the term-2 entry travels on its own.
    const leader = makeNode({ id: 1, size: 5, term: 3, logTerms: [1, 2], config: { entriesPerAppendMax: 1 } });
    becomeLeader(leader);
    expect(leader.term).toBe(4);
    const followers = [2, 3].map((id) => makeNode({ id, size: 5, term: 3, logTerms: [1], config: { entriesPerAppendMax: 1 } }));
    const pump = () => {
      for (const message of takeOutbox(leader)) {
        const follower = followers.find((node) => node.id === message.to);
        if (follower === undefined) continue;
        deliver(follower, message);
      }
      return followers.flatMap((follower) => takeOutbox(follower));
    };
    // Round 1: the no-op is rejected (the followers lack index 2); the leader backs off.
    for (const answer of pump()) deliver(leader, answer);
    // Round 2: index 2 (term 2) reaches S2 and S3. A majority (S1, S2, S3) now holds index 2.
    for (const answer of pump()) {
      expect(answer).toMatchObject({ type: 'MsgAppResp', success: true, matchIndex: 2 });
      deliver(leader, answer);
    }
    expect(followers.map((follower) => logTerms(follower))).toEqual([[1, 2], [1, 2]]);
    expect(leader.log.committed).toBe(0);
    expect(eventsOfType(leader, 'commit-held-back')).toEqual([{ type: 'commit-held-back', quorumIndex: 2, entryTerm: 2, currentTerm: 4, committed: 0 }]);
    // Round 3: the no-op of term 4 reaches the majority, and commits index 2 with it.
    for (const answer of pump()) deliver(leader, answer);
    expect(followers.map((follower) => logTerms(follower))).toEqual([[1, 2, 4], [1, 2, 4]]);
    expect(leader.log.committed).toBe(3);
  });
});

describe('follower AppendEntries receiver (§5.3, Figure 2)', () => {
  /** Follower 1 of term `term` whose log holds `terms`, led by node 2. */
  function follower(terms: readonly Term[], term = 3, config: Partial<typeof testConfig> = {}): RaftNode {
    return makeNode({ id: 1, size: 3, term, logTerms: terms, config });
  }

  // "If the follower does not find an entry in its log with the same index and term, then it
  // refuses the new entries." Figure 2: "Reply false if log doesn't contain an entry at
  // prevLogIndex whose term matches prevLogTerm." The hint is the "accelerated log backtracking"
  // at the end of §5.3: the conflicting term and the first index it stores for that term.
  it.each([
    { prevLogIndex: 6, prevLogTerm: 2, conflictTerm: null, conflictIndex: 6, why: 'log too short' },
    { prevLogIndex: 9, prevLogTerm: 3, conflictTerm: null, conflictIndex: 6, why: 'log far too short' },
    { prevLogIndex: 5, prevLogTerm: 3, conflictTerm: 2, conflictIndex: 3, why: 'term 2 at 5, first stored at 3' },
    { prevLogIndex: 3, prevLogTerm: 1, conflictTerm: 2, conflictIndex: 3, why: 'term 2 at 3, first stored at 3' },
    { prevLogIndex: 2, prevLogTerm: 2, conflictTerm: 1, conflictIndex: 1, why: 'term 1 at 2, first stored at 1' },
  ] as const)('follower with log [1,1,2,2,2] rejects prevLogIndex $prevLogIndex prevLogTerm $prevLogTerm: $why (§5.3)', (row) => {
    const node = follower([1, 1, 2, 2, 2]);
    deliver(node, app({ from: 2, to: 1, term: 3, prevLogIndex: row.prevLogIndex, prevLogTerm: row.prevLogTerm, entries: [entry(row.prevLogIndex + 1, 3)], leaderCommit: 5 }));
    expect(node.outbox).toEqual([
      { type: 'MsgAppResp', from: 1, to: 2, term: 3, success: false, matchIndex: 0, rejectedIndex: row.prevLogIndex, conflictTerm: row.conflictTerm, conflictIndex: row.conflictIndex },
    ]);
    expect(logTerms(node)).toEqual([1, 1, 2, 2, 2]);
    expect(node.log.committed).toBe(0);
    // The request still comes from the current leader: the follower knows it and waits on.
    expect(node.lead).toBe(2);
  });

  it.each([
    { prevLogIndex: 0, prevLogTerm: 0 },
    { prevLogIndex: 2, prevLogTerm: 1 },
    { prevLogIndex: 5, prevLogTerm: 2 },
  ])('follower with log [1,1,2,2,2] accepts prevLogIndex $prevLogIndex prevLogTerm $prevLogTerm (§5.3)', (row) => {
    const node = follower([1, 1, 2, 2, 2]);
    deliver(node, app({ from: 2, to: 1, term: 3, ...row }));
    expect(node.outbox).toEqual([
      { type: 'MsgAppResp', from: 1, to: 2, term: 3, success: true, matchIndex: row.prevLogIndex, rejectedIndex: 0, conflictTerm: null, conflictIndex: null },
    ]);
  });

  it('follower without fast backup rejects with no conflict hint (§5.3)', () => {
    const node = follower([1, 1, 2, 2, 2], 3, { fastBackup: false });
    deliver(node, app({ from: 2, to: 1, term: 3, prevLogIndex: 5, prevLogTerm: 3 }));
    deliver(node, app({ from: 2, to: 1, term: 3, prevLogIndex: 8, prevLogTerm: 3 }));
    expect(node.outbox.map((message) => message.type === 'MsgAppResp' && [message.success, message.rejectedIndex, message.conflictTerm, message.conflictIndex])).toEqual([
      [false, 5, null, null],
      [false, 8, null, null],
    ]);
  });

  // Figure 2: "If an existing entry conflicts with a new one (same index but different terms),
  // delete the existing entry and all that follow it. Append any new entries not already in the
  // log." (etcd's TestFollowerAppendEntries.)
  it.each([
    { prevLogIndex: 2, prevLogTerm: 2, entries: [[3, 3]], log: [1, 2, 3], truncatedAt: null },
    { prevLogIndex: 1, prevLogTerm: 1, entries: [[2, 3], [3, 4]], log: [1, 3, 4], truncatedAt: 2 },
    { prevLogIndex: 0, prevLogTerm: 0, entries: [[1, 1]], log: [1, 2], truncatedAt: null },
    { prevLogIndex: 0, prevLogTerm: 0, entries: [[1, 1], [2, 2]], log: [1, 2], truncatedAt: null },
    { prevLogIndex: 0, prevLogTerm: 0, entries: [[1, 3]], log: [3], truncatedAt: 1 },
    { prevLogIndex: 1, prevLogTerm: 1, entries: [], log: [1, 2], truncatedAt: null },
  ] as const)('follower with log [1,2] given entries $entries after ($prevLogIndex, $prevLogTerm) holds $log (§5.3)', (row) => {
    const node = follower([1, 2], 4);
    const entries = row.entries.map(([index, term]) => entry(index, term));
    deliver(node, app({ from: 2, to: 1, term: 4, prevLogIndex: row.prevLogIndex, prevLogTerm: row.prevLogTerm, entries }));
    expect(logTerms(node)).toEqual(row.log);
    const lastNewIndex = row.prevLogIndex + entries.length;
    expect(node.outbox).toEqual([
      { type: 'MsgAppResp', from: 1, to: 2, term: 4, success: true, matchIndex: lastNewIndex, rejectedIndex: 0, conflictTerm: null, conflictIndex: null },
    ]);
    expect(eventsOfType(node, 'entries-truncated').map((event) => event.first)).toEqual(row.truncatedAt === null ? [] : [row.truncatedAt]);
    // What the leader sent is now in the log, entry for entry.
    for (const sent of entries) expect(node.log.entries[sent.index - 1]).toEqual(sent);
  });

  // "The if here is crucial. If the follower has all the entries the leader sent, the follower
  // MUST NOT truncate its log. Any elements following the entries sent by the leader MUST be
  // kept." (The extended paper's Figure 2 note, as restated in the MIT 6.824 Raft guide.)
  it('follower keeps later entries when a delayed duplicate AppendEntries arrives (§5.3)', () => {
    const node = follower([], 1);
    deliver(node, app({ from: 2, to: 1, term: 1, entries: entriesOfTerms([1, 1, 1]) }));
    deliver(node, app({ from: 2, to: 1, term: 1, entries: entriesOfTerms([1]) }));
    deliver(node, app({ from: 2, to: 1, term: 1, prevLogIndex: 1, prevLogTerm: 1, entries: [entry(2, 1)] }));
    expect(logTerms(node)).toEqual([1, 1, 1]);
    expect(eventsOfType(node, 'entries-truncated')).toEqual([]);
    expect(node.outbox.map((message) => message.type === 'MsgAppResp' && message.matchIndex)).toEqual([3, 1, 2]);
  });

  // Figure 2: "If leaderCommit > commitIndex, set commitIndex = min(leaderCommit, index of last
  // new entry)."
  it.each<{ log: Term[]; prevLogIndex: LogIndex; prevLogTerm: Term; entries: Term[]; leaderCommit: LogIndex; committed: LogIndex; why: string }>([
    { log: [], prevLogIndex: 0, prevLogTerm: 0, entries: [1, 1], leaderCommit: 1, committed: 1, why: 'leaderCommit is lower' },
    { log: [], prevLogIndex: 0, prevLogTerm: 0, entries: [1, 1], leaderCommit: 2, committed: 2, why: 'equal' },
    { log: [], prevLogIndex: 0, prevLogTerm: 0, entries: [1, 1], leaderCommit: 5, committed: 2, why: 'last new entry is lower' },
    { log: [1, 1, 1, 1], prevLogIndex: 2, prevLogTerm: 1, entries: [], leaderCommit: 4, committed: 2, why: 'entries past the append are unchecked' },
    { log: [1, 1, 1, 1], prevLogIndex: 2, prevLogTerm: 1, entries: [1], leaderCommit: 4, committed: 3, why: 'entries past the append are unchecked' },
    { log: [1, 1, 1], prevLogIndex: 1, prevLogTerm: 1, entries: [2], leaderCommit: 3, committed: 2, why: 'after truncating' },
  ])('follower with log $log sets commitIndex to $committed: $why (§5.3, Figure 2)', (row) => {
    const node = follower(row.log, 2);
    const entries = entriesOfTerms(row.entries, row.prevLogIndex + 1);
    deliver(node, app({ from: 2, to: 1, term: 2, prevLogIndex: row.prevLogIndex, prevLogTerm: row.prevLogTerm, entries, leaderCommit: row.leaderCommit }));
    expect(node.log.committed).toBe(row.committed);
  });

  it('follower commitIndex never moves back (§5.3)', () => {
    const node = follower([], 1);
    deliver(node, app({ from: 2, to: 1, term: 1, entries: entriesOfTerms([1, 1, 1]), leaderCommit: 3 }));
    expect(node.log.committed).toBe(3);
    deliver(node, app({ from: 2, to: 1, term: 1, prevLogIndex: 3, prevLogTerm: 1, leaderCommit: 1 }));
    expect(node.log.committed).toBe(3);
  });

  it('follower answers an append that starts below its commitIndex with its commitIndex, leaving the log alone (§5.3)', () => {
    const node = follower([], 1);
    deliver(node, app({ from: 2, to: 1, term: 1, entries: entriesOfTerms([1, 1, 1]), leaderCommit: 2 }));
    clearOutput(node);
    const stale: Entry[] = entriesOfTerms([1]);
    deliver(node, app({ from: 2, to: 1, term: 1, prevLogIndex: 0, prevLogTerm: 0, entries: stale, leaderCommit: 2 }));
    expect(node.outbox[0]).toMatchObject({ type: 'MsgAppResp', success: true, matchIndex: 2 });
    expect(logTerms(node)).toEqual([1, 1, 1]);
  });
});

describe('client interaction (§8)', () => {
  // "If the client's first choice is not the leader, that server will reject the client's request
  // and supply information about the most recent leader it has heard from."
  it('follower refuses a proposal and names the leader it knows (§8)', () => {
    const node = makeNode({ id: 1, size: 3, term: 1 });
    deliver(node, app({ from: 2, to: 1, term: 1 }));
    clearOutput(node);
    const result = proposeChecked(node, [put]);
    expect(result).toEqual({ index: -1, term: 1, isLeader: false, leaderHint: 2 });
    expect(node.log.entries).toEqual([]);
    expect(node.outbox).toEqual([]);
    expect(eventsOfType(node, 'proposal-refused')).toEqual([{ type: 'proposal-refused', role: 'follower', lead: 2, command: put }]);
  });

  it('candidate refuses a proposal with no leader to name (§8)', () => {
    const node = makeNode({ id: 1, size: 3 });
    becomeCandidate(node);
    clearOutput(node);
    expect(proposeChecked(node, [put])).toEqual({ index: -1, term: 1, isLeader: false, leaderHint: null });
    expect(node.log.entries).toEqual([]);
    expect(node.outbox).toEqual([]);
  });

  it('a proposal stepped as MsgProp into a follower is dropped, not appended (§8)', () => {
    const node = makeNode({ id: 1, size: 3, term: 1 });
    deliver(node, app({ from: 2, to: 1, term: 1 }));
    clearOutput(node);
    deliver(node, { type: 'MsgProp', commands: [put] });
    expect(node.log.entries).toEqual([]);
    expect(node.outbox).toEqual([]);
  });

  it('single-node leader commits a proposal at once (§5.3)', () => {
    const node = makeNode({ id: 1, size: 1 });
    becomeLeader(node);
    expect(proposeChecked(node, [put])).toMatchObject({ index: 2, isLeader: true });
    expect(node.log.committed).toBe(2);
  });
});

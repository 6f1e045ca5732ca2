/**
 * Tests keyed to the sentences of the Raft paper (Ongaro & Ousterhout, "In Search of an
 * Understandable Consensus Algorithm", extended version) on terms and leader election, in the
 * manner of etcd's raft_paper_test.go.
 *
 * Method: build one node in a known state (role, term, vote, log), step it with a hand-made
 * message or tick it, then check what it sent (its outbox), what it reported (its events) and its
 * fields. Each test cites the section its sentence comes from. Other nodes are never run here; the
 * answers they would send are written by hand.
 */
import { describe, expect, it } from 'vitest';
import type { RaftNode } from '../../../src/core/raft/node.ts';
import { newNode } from '../../../src/core/raft/node.ts';
import type { Role } from '../../../src/core/raft/types.ts';
import { streamPrng } from '../../../src/core/base/prng.ts';
import {
  app,
  appResp,
  becomeCandidate,
  becomeLeader,
  clearOutput,
  deliver,
  eventsOfType,
  ids,
  logTerms,
  makeNode,
  sentOfType,
  snap,
  takeOutbox,
  testConfig,
  tickElection,
  tickTimes,
  vote,
  voteResp,
} from './helpers.ts';

/** A node of a 3-node cluster in `role` at term 1 (a leader is elected into it from term 0). */
function nodeInRole(role: Role): RaftNode {
  const node = makeNode({ id: 1, size: 3 });
  if (role === 'candidate') becomeCandidate(node);
  if (role === 'leader') becomeLeader(node);
  if (role === 'follower') deliver(node, app({ from: 2, to: 1, term: 1 }));
  expect(node.role).toBe(role);
  expect(node.term).toBe(1);
  clearOutput(node);
  return node;
}

const roles: readonly Role[] = ['follower', 'candidate', 'leader'];

describe('terms (§5.1)', () => {
  it('a server starts up as a follower (§5.2)', () => {
    const node = makeNode();
    expect(node.role).toBe('follower');
    expect(node.term).toBe(0);
    expect(node.vote).toBeNull();
    expect(node.lead).toBeNull();
  });

  // "If one server's current term is smaller than the other's, then it updates its current term
  // to the larger value. If a candidate or leader discovers that its term is out of date, it
  // immediately reverts to follower state."
  describe.each(roles)('%s', (role) => {
    it(`${role} updates its term from a higher-term AppendEntries and follows its sender (§5.1)`, () => {
      const node = nodeInRole(role);
      deliver(node, app({ from: 3, to: 1, term: 2 }));
      expect(node.term).toBe(2);
      expect(node.role).toBe('follower');
      expect(node.lead).toBe(3);
      expect(node.vote).toBeNull();
      expect(eventsOfType(node, 'term-changed')).toEqual([{ type: 'term-changed', from: 1, to: 2, cause: 'message', sender: 3 }]);
    });

    it(`${role} updates its term from a higher-term RequestVote, with no leader known (§5.1)`, () => {
      const node = nodeInRole(role);
      deliver(node, vote({ from: 3, to: 1, term: 2, lastLogIndex: 5, lastLogTerm: 1 }));
      expect(node.term).toBe(2);
      expect(node.role).toBe('follower');
      expect(node.lead).toBeNull();
      // Its vote of term 1 does not carry over: it is free to vote for 3 in term 2.
      expect(node.vote).toBe(3);
    });

    it(`${role} updates its term from a higher-term response (§5.1)`, () => {
      const node = nodeInRole(role);
      deliver(node, appResp({ from: 2, to: 1, term: 5, matchIndex: 0 }));
      expect(node.term).toBe(5);
      expect(node.role).toBe('follower');
      expect(node.vote).toBeNull();
      expect(node.outbox).toEqual([]);
    });

    // "If a server receives a request with a stale term number, it rejects the request."
    it(`${role} rejects AppendEntries with stale term and answers with its own term (§5.1)`, () => {
      const node = nodeInRole(role);
      deliver(node, app({ from: 3, to: 1, term: 2 }));
      clearOutput(node);
      const before = structuredClone(node.log);
      deliver(node, app({ from: 2, to: 1, term: 1, prevLogIndex: 0, entries: [{ index: 1, term: 1, command: { type: 'noop' } }] }));
      expect(node.outbox).toEqual([
        { type: 'MsgAppResp', from: 1, to: 2, term: 2, success: false, matchIndex: 0, rejectedIndex: 0, conflictTerm: null, conflictIndex: null },
      ]);
      expect(node.log).toEqual(before);
      expect(node.lead).toBe(3);
      expect(eventsOfType(node, 'append-rejected')[0]?.reason).toBe('stale-term');
    });

    it(`${role} refuses RequestVote with stale term and answers with its own term (§5.1)`, () => {
      const node = nodeInRole(role);
      deliver(node, app({ from: 3, to: 1, term: 2 }));
      clearOutput(node);
      deliver(node, vote({ from: 2, to: 1, term: 1, lastLogIndex: 10, lastLogTerm: 1 }));
      expect(node.outbox).toEqual([{ type: 'MsgVoteResp', from: 1, to: 2, term: 2, granted: false }]);
      expect(node.vote).toBeNull();
      expect(eventsOfType(node, 'vote-refused')[0]?.reason).toBe('stale-term');
    });
  });

  it('follower rejects InstallSnapshot with stale term and keeps its log (§5.1, §7)', () => {
    const node = makeNode({ term: 3, logTerms: [1, 2] });
    deliver(node, snap({ from: 2, to: 1, term: 2, snapshot: { index: 9, term: 2, data: [] } }));
    expect(node.outbox).toEqual([{ type: 'MsgSnapResp', from: 1, to: 2, term: 3, matchIndex: 0 }]);
    expect(node.snapshotToInstall).toBeNull();
    expect(logTerms(node)).toEqual([1, 2]);
    expect(node.log.committed).toBe(0);
  });

  // Stale responses answer requests of an earlier term; nothing in them holds any more.
  it('candidate ignores a granted vote from an earlier term (§5.1)', () => {
    const node = makeNode({ id: 1, size: 3, term: 4 });
    becomeCandidate(node);
    clearOutput(node);
    deliver(node, voteResp({ from: 2, to: 1, term: 4, granted: true }));
    expect(node.role).toBe('candidate');
    expect(node.votes).toEqual({ 1: true });
    expect(node.outbox).toEqual([]);
  });

  it('leader ignores an AppendEntries acknowledgement from an earlier term (§5.1)', () => {
    const node = makeNode({ id: 1, size: 3, term: 1, logTerms: [1] });
    becomeLeader(node);
    clearOutput(node);
    const progressBefore = structuredClone(node.progress);
    deliver(node, appResp({ from: 2, to: 1, term: 1, matchIndex: 2 }));
    expect(node.progress).toEqual(progressBefore);
    expect(node.log.committed).toBe(0);
    expect(node.outbox).toEqual([]);
  });
});

describe('election timeout (§5.2)', () => {
  // "If a follower receives no communication over a period of time called the election timeout,
  // then it assumes there is no viable leader and begins an election to choose a new leader."
  // "To begin an election, a follower increments its current term and transitions to candidate
  // state. It then votes for itself and issues RequestVote RPCs in parallel to each of the other
  // servers in the cluster."
  it.each(['follower', 'candidate'] as const)('%s starts an election when its election timeout elapses (§5.2)', (role) => {
    const node = makeNode({ id: 1, size: 5, term: 2, logTerms: [1, 1, 2] });
    if (role === 'candidate') becomeCandidate(node);
    clearOutput(node);
    const term = node.term;
    tickTimes(node, node.electionTimeout - 1);
    expect(node.role).toBe(role);
    expect(node.outbox).toEqual([]);
    tickTimes(node, 1);
    expect(node.role).toBe('candidate');
    expect(node.term).toBe(term + 1);
    expect(node.vote).toBe(1);
    expect(node.votes).toEqual({ 1: true });
    expect(node.outbox).toEqual(
      [2, 3, 4, 5].map((to) => ({ type: 'MsgVote', from: 1, to, term: term + 1, lastLogIndex: 3, lastLogTerm: 2 })),
    );
  });

  it('leader does not start an election however long it ticks (§5.2)', () => {
    const node = makeNode({ id: 1, size: 3 });
    becomeLeader(node);
    clearOutput(node);
    tickTimes(node, testConfig.electionTimeoutTicksMax * 3);
    expect(node.role).toBe('leader');
    expect(node.term).toBe(1);
    expect(sentOfType(node, 'MsgVote')).toEqual([]);
  });

  // "A server remains in follower state as long as it receives valid RPCs from a leader or candidate."
  it('follower that hears from the leader restarts its election timer (§5.2)', () => {
    const node = makeNode({ id: 1, size: 3, term: 1 });
    tickTimes(node, node.electionTimeout - 1);
    deliver(node, app({ from: 2, to: 1, term: 1 }));
    expect(node.electionElapsed).toBe(0);
    tickTimes(node, node.electionTimeout - 1);
    expect(node.role).toBe('follower');
    expect(node.term).toBe(1);
  });

  // Figure 2, Followers: "If election timeout elapses without receiving AppendEntries RPC from
  // current leader or granting vote to candidate: convert to candidate." A refused vote is neither.
  it('follower restarts its election timer when it grants a vote, not when it refuses one (§5.2, Figure 2)', () => {
    const refusing = makeNode({ id: 1, size: 3, term: 1, logTerms: [1, 1] });
    tickTimes(refusing, 5);
    deliver(refusing, vote({ from: 2, to: 1, term: 1, lastLogIndex: 1, lastLogTerm: 1 }));
    expect(refusing.outbox).toEqual([{ type: 'MsgVoteResp', from: 1, to: 2, term: 1, granted: false }]);
    expect(refusing.electionElapsed).toBe(5);

    const granting = makeNode({ id: 1, size: 3, term: 1, logTerms: [1, 1] });
    tickTimes(granting, 5);
    deliver(granting, vote({ from: 2, to: 1, term: 1, lastLogIndex: 2, lastLogTerm: 1 }));
    expect(granting.outbox).toEqual([{ type: 'MsgVoteResp', from: 1, to: 2, term: 1, granted: true }]);
    expect(granting.electionElapsed).toBe(0);
  });

  // "Raft uses randomized election timeouts ... election timeouts are chosen randomly from a fixed
  // interval (e.g., 150–300ms)." "Each candidate restarts its randomized election timeout at the
  // start of an election."
  it('election timeouts are drawn afresh at every election and cover [min, max] (§5.2)', () => {
    const node = makeNode({ id: 1, size: 3, seed: 7 });
    const timeouts: number[] = [];
    for (let election = 0; election < 300; election += 1) {
      const timeout = node.electionTimeout;
      timeouts.push(timeout);
      clearOutput(node);
      tickTimes(node, timeout);
      // It fires after exactly the drawn timeout, not earlier and not later.
      expect(eventsOfType(node, 'election-timeout')).toEqual([{ type: 'election-timeout', elapsed: timeout, timeout }]);
      expect(node.role).toBe('candidate');
    }
    const { electionTimeoutTicksMin: min, electionTimeoutTicksMax: max } = testConfig;
    expect(Math.min(...timeouts)).toBe(min);
    expect(Math.max(...timeouts)).toBe(max);
    expect(new Set(timeouts).size).toBe(max - min + 1);
    // Successive elections do not all wait the same time.
    expect(timeouts.slice(1).some((timeout, index) => timeout !== timeouts[index])).toBe(true);
  });

  it('election timeouts differ between nodes seeded from one simulation seed (§5.2)', () => {
    const sequences = ids(5).map((id) => {
      const node = newNode({ id, voters: ids(5), config: testConfig, rng: streamPrng(42, `node-${id}`) });
      const drawn: number[] = [];
      for (let election = 0; election < 10; election += 1) {
        drawn.push(node.electionTimeout);
        tickElection(node);
      }
      return drawn.join(',');
    });
    expect(new Set(sequences).size).toBe(5);
    expect(new Set(sequences.map((sequence) => sequence.split(',')[0])).size).toBeGreaterThan(1);
  });

  it('the same seed gives the same election timeouts (determinism)', () => {
    const first = makeNode({ seed: 99 });
    const second = makeNode({ seed: 99 });
    for (let election = 0; election < 20; election += 1) {
      expect(second.electionTimeout).toBe(first.electionTimeout);
      tickElection(first);
      tickElection(second);
    }
  });
});

describe('RequestVote receiver (§5.2, §5.4.1)', () => {
  // "Each server will vote for at most one candidate in a given term, on a first-come-first-served basis."
  it('follower grants at most one vote per term (§5.2)', () => {
    const node = makeNode({ id: 1, size: 3, term: 1 });
    deliver(node, vote({ from: 2, to: 1, term: 1 }));
    deliver(node, vote({ from: 3, to: 1, term: 1 }));
    // The first candidate asking again (a retry or a duplicate) is granted again: same vote.
    deliver(node, vote({ from: 2, to: 1, term: 1 }));
    expect(node.outbox).toEqual([
      { type: 'MsgVoteResp', from: 1, to: 2, term: 1, granted: true },
      { type: 'MsgVoteResp', from: 1, to: 3, term: 1, granted: false },
      { type: 'MsgVoteResp', from: 1, to: 2, term: 1, granted: true },
    ]);
    expect(node.vote).toBe(2);
    expect(eventsOfType(node, 'vote-refused').map((event) => event.reason)).toEqual(['already-voted']);
  });

  it('a vote persisted on disk still binds after a restart (§5.2, Figure 2)', () => {
    const node = makeNode({ id: 1, size: 3, term: 4, vote: 2 });
    deliver(node, vote({ from: 3, to: 1, term: 4, lastLogIndex: 9, lastLogTerm: 4 }));
    expect(node.outbox).toEqual([{ type: 'MsgVoteResp', from: 1, to: 3, term: 4, granted: false }]);
    expect(node.vote).toBe(2);
  });

  it('a vote of an earlier term does not bind in a later one (§5.2, Figure 2)', () => {
    const node = makeNode({ id: 1, size: 3, term: 4, vote: 2 });
    deliver(node, vote({ from: 3, to: 1, term: 5 }));
    expect(node.outbox).toEqual([{ type: 'MsgVoteResp', from: 1, to: 3, term: 5, granted: true }]);
    expect(node.vote).toBe(3);
  });

  it.each(['candidate', 'leader'] as const)('%s refuses another candidate of its own term: it voted for itself (§5.2)', (role) => {
    const node = nodeInRole(role);
    deliver(node, vote({ from: 3, to: 1, term: 1, lastLogIndex: 9, lastLogTerm: 1 }));
    expect(node.outbox).toEqual([{ type: 'MsgVoteResp', from: 1, to: 3, term: 1, granted: false }]);
    expect(node.role).toBe(role);
    expect(node.vote).toBe(1);
  });

  // "Raft determines which of two logs is more up-to-date by comparing the index and term of the
  // last entries in the logs. If the logs have last entries with different terms, then the log
  // with the later term is more up-to-date. If the logs end with the same term, then whichever log
  // is longer is more up-to-date." "The RequestVote RPC implements this restriction: ... the voter
  // denies its vote if its own log is more up-to-date than that of the candidate."
  // The voter's log is [1, 2, 2]: last index 3, last term 2.
  it.each([
    { lastLogTerm: 0, lastLogIndex: 0, granted: false },
    { lastLogTerm: 1, lastLogIndex: 3, granted: false },
    { lastLogTerm: 1, lastLogIndex: 9, granted: false }, // longer, but an older last term
    { lastLogTerm: 2, lastLogIndex: 2, granted: false }, // same last term, shorter
    { lastLogTerm: 2, lastLogIndex: 3, granted: true }, // identical
    { lastLogTerm: 2, lastLogIndex: 4, granted: true }, // same last term, longer
    { lastLogTerm: 3, lastLogIndex: 1, granted: true }, // shorter, but a later last term
    { lastLogTerm: 3, lastLogIndex: 3, granted: true },
    { lastLogTerm: 3, lastLogIndex: 4, granted: true },
  ])('voter with log [1,2,2] grants=$granted to candidate with lastLogTerm $lastLogTerm, lastLogIndex $lastLogIndex (§5.4.1)', (candidate) => {
    const node = makeNode({ id: 1, size: 3, term: 2, logTerms: [1, 2, 2] });
    deliver(node, vote({ from: 2, to: 1, term: 3, lastLogIndex: candidate.lastLogIndex, lastLogTerm: candidate.lastLogTerm }));
    expect(node.outbox).toEqual([{ type: 'MsgVoteResp', from: 1, to: 2, term: 3, granted: candidate.granted }]);
    expect(node.term).toBe(3);
    expect(node.vote).toBe(candidate.granted ? 2 : null);
    if (!candidate.granted) expect(eventsOfType(node, 'vote-refused')[0]?.reason).toBe('log-not-up-to-date');
  });
});

describe('candidate (§5.2)', () => {
  // "A candidate wins an election if it receives votes from a majority of the servers in the full
  // cluster for the same term." "While waiting for votes, a candidate may receive an AppendEntries
  // RPC from another server claiming to be leader." "The third possible outcome is that a
  // candidate neither wins nor loses the election."
  it.each([
    { size: 1, granted: [], refused: [], role: 'leader' },
    { size: 3, granted: [2], refused: [], role: 'leader' },
    { size: 3, granted: [2, 3], refused: [], role: 'leader' },
    { size: 3, granted: [], refused: [], role: 'candidate' },
    { size: 3, granted: [], refused: [2], role: 'candidate' },
    { size: 3, granted: [], refused: [2, 3], role: 'candidate' },
    { size: 5, granted: [2, 3], refused: [], role: 'leader' },
    { size: 5, granted: [2, 3, 4, 5], refused: [], role: 'leader' },
    { size: 5, granted: [2], refused: [], role: 'candidate' },
    { size: 5, granted: [2], refused: [3, 4], role: 'candidate' },
    { size: 5, granted: [2], refused: [3, 4, 5], role: 'candidate' },
  ] as const)('in a $size-node cluster, votes from $granted and refusals from $refused make it $role (§5.2)', (row) => {
    const node = makeNode({ id: 1, size: row.size });
    deliver(node, { type: 'MsgHup' });
    for (const from of row.refused) deliver(node, voteResp({ from, to: 1, term: 1, granted: false }));
    for (const from of row.granted) deliver(node, voteResp({ from, to: 1, term: 1, granted: true }));
    expect(node.role).toBe(row.role);
    expect(node.term).toBe(1);
    expect(node.lead).toBe(row.role === 'leader' ? 1 : null);
  });

  it('candidate that loses waits for its timer, then campaigns again in a new term (§5.2)', () => {
    const node = makeNode({ id: 1, size: 3 });
    deliver(node, { type: 'MsgHup' });
    deliver(node, voteResp({ from: 2, to: 1, term: 1, granted: false }));
    deliver(node, voteResp({ from: 3, to: 1, term: 1, granted: false }));
    expect(eventsOfType(node, 'election-lost')).toEqual([{ type: 'election-lost', term: 1, refused: [2, 3], quorum: 2 }]);
    expect(node.role).toBe('candidate');
    clearOutput(node);
    tickElection(node);
    expect(node.term).toBe(2);
    expect(node.votes).toEqual({ 1: true });
    expect(sentOfType(node, 'MsgVote').map((message) => [message.to, message.term])).toEqual([[2, 2], [3, 2]]);
  });

  // "If many followers become candidates at the same time, votes could be split so that no
  // candidate obtains a majority. When this happens, each candidate will time out and start a new
  // election by incrementing its term and initiating another round of RequestVote RPCs."
  it('candidate with a split vote stays candidate, then times out into a new election (§5.2)', () => {
    const node = makeNode({ id: 1, size: 4 });
    deliver(node, { type: 'MsgHup' });
    // Two of four: 1 and 2 for node 1; 3 and 4 voted for themselves.
    deliver(node, voteResp({ from: 2, to: 1, term: 1, granted: true }));
    deliver(node, voteResp({ from: 3, to: 1, term: 1, granted: false }));
    deliver(node, voteResp({ from: 4, to: 1, term: 1, granted: false }));
    expect(node.role).toBe('candidate');
    expect(node.term).toBe(1);
    clearOutput(node);
    tickElection(node);
    expect(node.role).toBe('candidate');
    expect(node.term).toBe(2);
    expect(sentOfType(node, 'MsgVote')).toHaveLength(3);
  });

  it('candidate ignores a duplicated granted vote: a vote counts once (§5.2)', () => {
    const node = makeNode({ id: 1, size: 5 });
    deliver(node, { type: 'MsgHup' });
    deliver(node, voteResp({ from: 2, to: 1, term: 1, granted: true }));
    deliver(node, voteResp({ from: 2, to: 1, term: 1, granted: true }));
    expect(node.role).toBe('candidate');
    expect(eventsOfType(node, 'vote-received').map((event) => [event.voter, event.grantedCount])).toEqual([[2, 2]]);
    deliver(node, voteResp({ from: 3, to: 1, term: 1, granted: true }));
    expect(node.role).toBe('leader');
  });

  // "If the leader's term (included in its RPC) is at least as large as the candidate's current
  // term, then the candidate recognizes the leader as legitimate and returns to follower state. If
  // the term in the RPC is smaller than the candidate's current term, then the candidate rejects
  // the RPC and continues in candidate state."
  it.each([
    { term: 1, role: 'follower', lead: 3 },
    { term: 2, role: 'follower', lead: 3 },
  ] as const)('candidate of term 1 becomes follower on AppendEntries of term $term (§5.2)', (row) => {
    const node = nodeInRole('candidate');
    deliver(node, app({ from: 3, to: 1, term: row.term }));
    expect(node.role).toBe(row.role);
    expect(node.lead).toBe(row.lead);
    expect(node.term).toBe(row.term);
    expect(node.outbox).toEqual([
      { type: 'MsgAppResp', from: 1, to: 3, term: row.term, success: true, matchIndex: 0, rejectedIndex: 0, conflictTerm: null, conflictIndex: null },
    ]);
  });

  it('candidate rejects AppendEntries of an older term and stays candidate (§5.2)', () => {
    const node = makeNode({ id: 1, size: 3, term: 1 });
    becomeCandidate(node);
    clearOutput(node);
    deliver(node, app({ from: 3, to: 1, term: 1 }));
    expect(node.role).toBe('candidate');
    expect(node.term).toBe(2);
    expect(node.outbox[0]).toMatchObject({ type: 'MsgAppResp', term: 2, success: false });
  });
});

describe('leader (§5.2, §5.4.2, §8)', () => {
  it('single-node cluster elects itself at once and commits its no-op (§5.2)', () => {
    const node = makeNode({ id: 1, size: 1 });
    tickElection(node);
    expect(node.role).toBe('leader');
    expect(node.term).toBe(1);
    expect(node.log.entries).toEqual([{ index: 1, term: 1, command: { type: 'noop' } }]);
    expect(node.log.committed).toBe(1);
    expect(node.outbox).toEqual([]);
  });

  // "Once a candidate wins an election, it becomes leader. It then sends heartbeat messages to all
  // of the other servers to establish its authority." §8: "each leader [commits] a blank no-op
  // entry into the log at the start of its term."
  it('new leader appends a no-op of its term and sends it to every follower (§5.2, §8)', () => {
    const node = makeNode({ id: 1, size: 3, term: 1, logTerms: [1, 1] });
    becomeLeader(node);
    expect(node.term).toBe(2);
    expect(node.log.entries.at(-1)).toEqual({ index: 3, term: 2, command: { type: 'noop' } });
    expect(node.log.committed).toBe(0);
    const noop = { index: 3, term: 2, command: { type: 'noop' } } as const;
    expect(sentOfType(node, 'MsgApp')).toEqual([2, 3].map((to) => app({ from: 1, to, term: 2, prevLogIndex: 2, prevLogTerm: 1, entries: [noop] })));
    for (const peer of [2, 3]) expect(node.progress[peer]).toMatchObject({ state: 'probe', nextIndex: 3, matchIndex: 0 });
  });

  // §5.2: "at most one candidate can win the election for a particular term" (Election Safety).
  // An AppendEntries of the leader's own term cannot come from a legitimate leader; the leader
  // neither follows nor answers it, and leaves reporting it to the cluster safety checker.
  it('leader ignores an AppendEntries of its own term (Election Safety, §5.2)', () => {
    const node = nodeInRole('leader');
    const before = structuredClone(node.log);
    deliver(node, app({ from: 2, to: 1, term: 1, entries: [{ index: 1, term: 1, command: { type: 'delete', key: 'x' } }], leaderCommit: 1 }));
    expect(node.role).toBe('leader');
    expect(node.lead).toBe(1);
    expect(node.log).toEqual(before);
    expect(node.outbox).toEqual([]);
  });

  it('leader sends an empty AppendEntries to every follower each heartbeat interval (§5.2)', () => {
    const node = makeNode({ id: 1, size: 3 });
    becomeLeader(node);
    deliver(node, appResp({ from: 2, to: 1, term: 1, matchIndex: 1 }));
    deliver(node, appResp({ from: 3, to: 1, term: 1, matchIndex: 1 }));
    clearOutput(node);
    tickTimes(node, testConfig.heartbeatIntervalTicks - 1);
    expect(node.outbox).toEqual([]);
    tickTimes(node, 1);
    expect(takeOutbox(node)).toEqual([2, 3].map((to) => app({ from: 1, to, term: 1, prevLogIndex: 1, prevLogTerm: 1, leaderCommit: 1 })));
    tickTimes(node, testConfig.heartbeatIntervalTicks);
    expect(node.outbox).toHaveLength(2);
  });
});

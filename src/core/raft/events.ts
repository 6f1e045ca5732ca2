import type { Command, ConfChangeKind, Entry, LogIndex, NodeId, Role, Term } from './types.ts';

/**
 * What a Raft node reports about its own decisions: one vocabulary shared by the simulation, its
 * tests, the CLI and the app's event log. Decision events (votes, appends, truncations, commits,
 * step-downs) carry their reason and the numbers that decided it, filled in on the code path that
 * made the decision, so the app can explain "why" in words without re-deriving Raft.
 *
 * The node only lists them (node.events); the simulation adds the tick and the node id.
 */
/**
 * `leader-known`: CheckQuorum's leader stickiness, the node heard from its leader too recently to
 * vote (§4.2.3). `just-started`: with lease reads, a node up for less than the minimum election
 * timeout votes for nobody, since a leader's lease may still run (raft/read-index.ts).
 */
export type VoteRefusal = 'stale-term' | 'already-voted' | 'log-not-up-to-date' | 'leader-known' | 'just-started';
export type AppendRejection = 'stale-term' | 'log-too-short' | 'prev-term-mismatch';

/** Events a Raft node reports about itself; the simulation adds the tick and the node id. */
export type NodeEvent =
  | { type: 'term-changed'; from: Term; to: Term; cause: 'election' | 'message'; sender: NodeId | null }
  | { type: 'election-timeout'; elapsed: number; timeout: number }
  | { type: 'heartbeat-timeout'; elapsed: number }
  | { type: 'became-candidate'; term: Term; electionTimeout: number }
  /** PreVote: asked for pre-votes for `term` (its own term plus one) without raising its term. */
  | { type: 'pre-campaign-started'; term: Term; electionTimeout: number }
  | { type: 'became-leader'; term: Term; votes: readonly NodeId[]; lastIndex: LogIndex }
  /**
   * `check-quorum`: a leader that heard from fewer than a majority (`heardFrom`, itself included)
   * within an election timeout stepped down (CheckQuorum). `removed`: a leader whose own removal
   * committed hands over by stepping down (thesis §4.2.2).
   */
  | { type: 'became-follower'; term: Term; lead: NodeId | null; previousRole: Role; reason: 'higher-term' | 'leader-found' | 'check-quorum' | 'removed'; heardFrom?: readonly NodeId[] }
  | {
      type: 'vote-granted';
      candidate: NodeId;
      term: Term;
      /** A pre-vote (PreVote): nothing changes on the voter. */
      pre?: true;
      candidateLastIndex: LogIndex;
      candidateLastTerm: Term;
      ownLastIndex: LogIndex;
      ownLastTerm: Term;
    }
  | {
      type: 'vote-refused';
      candidate: NodeId;
      term: Term;
      pre?: true;
      reason: VoteRefusal;
      votedFor: NodeId | null;
      candidateLastIndex: LogIndex;
      candidateLastTerm: Term;
      ownLastIndex: LogIndex;
      ownLastTerm: Term;
      ownTerm: Term;
    }
  | { type: 'vote-received'; voter: NodeId; term: Term; granted: boolean; grantedCount: number; refusedCount: number; quorum: number; pre?: true }
  | { type: 'election-lost'; term: Term; refused: readonly NodeId[]; quorum: number; pre?: true }
  | { type: 'entries-appended'; first: LogIndex; last: LogIndex; prevTerm: Term; entries: readonly Entry[]; source: 'proposal' | 'leader' }
  | { type: 'entries-truncated'; first: LogIndex; last: LogIndex; conflictIndex: LogIndex; ownTerm: Term; leaderTerm: Term; leader: NodeId }
  /** `ownTermAtPrev`: set only when the unsafe append-without-check switch accepted a mismatch at prevLogIndex. */
  | { type: 'append-accepted'; leader: NodeId; prevLogIndex: LogIndex; prevLogTerm: Term; entries: number; matchIndex: LogIndex; ownTermAtPrev?: Term }
  | {
      type: 'append-rejected';
      leader: NodeId;
      reason: AppendRejection;
      term: Term;
      ownTerm: Term;
      prevLogIndex: LogIndex;
      prevLogTerm: Term;
      ownLastIndex: LogIndex;
      ownTermAtPrev: Term | null;
      conflictTerm: Term | null;
      conflictIndex: LogIndex | null;
    }
  | { type: 'next-index-backed-off'; follower: NodeId; from: LogIndex; to: LogIndex; rejectedIndex: LogIndex; conflictTerm: Term | null; conflictIndex: LogIndex | null; fastBackup: boolean }
  | { type: 'progress-updated'; follower: NodeId; matchIndex: LogIndex; nextIndex: LogIndex; state: 'probe' | 'replicate' | 'snapshot' }
  /**
   * `counting`: a leader with the unsafe commit-by-counting switch committed an entry of an earlier
   * term (`entryTerm`) on its count of replicas alone, which §5.4.2 forbids.
   */
  | {
      type: 'commit-advanced';
      from: LogIndex;
      to: LogIndex;
      term: Term;
      by: 'quorum' | 'counting' | 'leader-commit' | 'snapshot';
      entryTerm?: Term;
      leaderCommit?: LogIndex;
      lastNewIndex?: LogIndex;
    }
  | { type: 'commit-held-back'; quorumIndex: LogIndex; entryTerm: Term; currentTerm: Term; committed: LogIndex }
  | { type: 'snapshot-sent'; follower: NodeId; index: LogIndex; term: Term; nextIndex: LogIndex; firstIndex: LogIndex }
  | { type: 'snapshot-installed'; index: LogIndex; term: Term; leader: NodeId; keptEntries: number; discardedEntries: number }
  | { type: 'snapshot-ignored'; index: LogIndex; committed: LogIndex; leader: NodeId }
  | { type: 'proposal-accepted'; index: LogIndex; term: Term; command: Command }
  /** `transferringTo`: a leader handing over its leadership takes no proposals (thesis §3.10). */
  | { type: 'proposal-refused'; role: Role; lead: NodeId | null; command: Command; transferringTo?: NodeId }
  /** Leadership transfer (thesis §3.10), on the leader: handing over to `target`, whose log matches up to `targetMatch`. */
  | { type: 'transfer-started'; target: NodeId; targetMatch: LogIndex; lastIndex: LogIndex }
  /** `not-leader`: only a leader can hand over (`lead` names the one this node knows); `self`: the target already leads. */
  | { type: 'transfer-refused'; target: NodeId; reason: TransferRefusal; role: Role; lead: NodeId | null }
  /** `timeout`: the target did not take over within an election timeout; `superseded`: a transfer to another node replaced it. */
  | { type: 'transfer-aborted'; target: NodeId; reason: 'timeout' | 'superseded'; elapsed: number }
  /** The target's log holds everything the leader's does: it is told to stand now. */
  | { type: 'timeout-now-sent'; target: NodeId; matchIndex: LogIndex }
  /** On the target: the leader asked it to stand at once (it skips PreVote; voters ignore their lease). */
  | { type: 'timeout-now-received'; leader: NodeId; term: Term }
  /** ReadIndex (thesis §6.4): only a leader takes reads; `lead` is the leader this node knows. */
  | { type: 'read-refused'; id: number; role: Role; lead: NodeId | null }
  /** The leader has committed no entry of its term yet (`committed` may lag): the read waits for one. */
  | { type: 'read-awaiting-commit'; id: number; committed: LogIndex }
  /** The read's index is commitIndex now; round `round` asks a majority to confirm the leadership. */
  | { type: 'read-round-started'; id: number; readIndex: LogIndex; round: number }
  /** A majority (`acks`, the leader included) echoed the round: the read is answered once applied reaches readIndex. */
  | { type: 'read-confirmed'; id: number; readIndex: LogIndex; round: number; acks: readonly NodeId[] }
  /** Lease reads: the lease still runs `leaseRemaining` ticks, so no round is needed. */
  | { type: 'read-by-lease'; id: number; readIndex: LogIndex; leaseRemaining: number }
  /** The leader stepped down before these reads were confirmed: they fail. */
  | { type: 'read-aborted'; ids: readonly number[]; reason: 'stepped-down' }
  /**
   * Membership change (thesis ch. 4), on every node: the configuration it uses changed, because a
   * configuration entry was appended, truncated away, or arrived in a snapshot. `index` is the
   * entry that set it (0: the initial configuration).
   */
  | { type: 'config-changed'; voters: readonly NodeId[]; learners: readonly NodeId[]; index: LogIndex; cause: 'appended' | 'truncated' | 'snapshot' }
  /** On the leader: it appended configuration entry `index` for `change` of node `target`. */
  | { type: 'config-proposed'; change: ConfChangeKind; target: NodeId; index: LogIndex; voters: readonly NodeId[]; learners: readonly NodeId[] }
  /** On the node asked: the change was refused (`pendingIndex`: the uncommitted change in the way). */
  | { type: 'config-refused'; change: ConfChangeKind; target: NodeId; reason: ConfChangeRefusal; role: Role; lead: NodeId | null; pendingIndex?: LogIndex };

export type TransferRefusal = 'not-leader' | 'self' | 'not-a-peer';

/**
 * Why a membership change was refused: `not-leader` (only a leader changes the configuration),
 * `transferring` (a leader handing over takes no changes), `pending` (one change at a time: the
 * last one has not committed), `no-commit-in-term` (a new leader first commits an entry of its
 * term, which fixes the single-server change bug Ongaro found), `already-member`, `not-a-member`,
 * `not-a-learner` (only a learner is promoted), `last-voter` (a configuration keeps one voter).
 */
export type ConfChangeRefusal = 'not-leader' | 'transferring' | 'pending' | 'no-commit-in-term' | 'already-member' | 'not-a-member' | 'not-a-learner' | 'last-voter';

export type NodeEventType = NodeEvent['type'];

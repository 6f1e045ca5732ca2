/**
 * Plain data shared by every part of the Raft core.
 *
 * Indexes, terms, node ids and ticks are plain numbers rather than branded types: log arithmetic
 * (index + 1, lastIndex - firstIndex) is everywhere, and a brand would need a cast at every step.
 * Mixing them up is guarded instead by options objects wherever two of them sit side by side.
 */

/** A node's id: 1..N, as in etcd and TinyKV (0 is never a node). */
export type NodeId = number;
/** A Raft term (§5.1): starts at 0, only grows. */
export type Term = number;
/** A log position: the first entry has index 1; index 0 is the empty prefix. */
export type LogIndex = number;
/** Simulated time. One tick stands for one millisecond (see docs/time.md). */
export type Tick = number;

export type Role = 'follower' | 'candidate' | 'leader';

/** A log entry's command: a client's, or a membership change the leader appended. */
export type Command = ClientCommand | ConfigCommand;

/** What a client asks the replicated key-value store to do. */
export type ClientCommand =
  | { readonly type: 'put'; readonly key: string; readonly value: string }
  | { readonly type: 'delete'; readonly key: string }
  /** The entry a new leader appends so it can commit entries of earlier terms (§5.4.2, §8). */
  | { readonly type: 'noop' };

/** Who votes and who only receives the log: a node's cluster configuration (thesis ch. 4). */
export interface Configuration {
  /** Sorted ascending; commits and elections count majorities of these. */
  readonly voters: readonly NodeId[];
  /** Non-voting members catching up (thesis §4.2.1), sorted ascending. */
  readonly learners: readonly NodeId[];
}

/** `add` makes a new server a learner; `promote` makes a caught-up learner a voter; `remove` drops a member. */
export type ConfChangeKind = 'add' | 'promote' | 'remove';

/** A membership change asked of a leader: one server, one step. */
export interface ConfChange {
  readonly kind: ConfChangeKind;
  readonly node: NodeId;
}

/**
 * A membership change (thesis ch. 4): one server added as a learner, promoted to voter, or
 * removed, and the whole configuration that results. Only a leader appends one, never a client.
 */
export interface ConfigCommand extends Configuration {
  readonly type: 'config';
  readonly change: ConfChangeKind;
  readonly node: NodeId;
}

export interface Entry {
  readonly index: LogIndex;
  readonly term: Term;
  readonly command: Command;
}

/** A compacted prefix of the log: every entry up to `index` folded into the key-value state. */
export interface Snapshot {
  readonly index: LogIndex;
  readonly term: Term;
  /** Key-value pairs sorted by key: the state machine after applying entries 1..index. */
  readonly data: ReadonlyArray<readonly [string, string]>;
  /**
   * The configuration in force at `index`, when a change came at or before it; absent otherwise,
   * and the receiver keeps the configuration it started with (so runs without changes are as before).
   */
  readonly membership?: Configuration;
}

export const emptySnapshot: Snapshot = { index: 0, term: 0, data: [] };

/** What Figure 2 says must be on stable storage before answering any RPC. */
export interface HardState {
  readonly term: Term;
  readonly vote: NodeId | null;
}

/** Per-node protocol settings. Every timing is in ticks. */
export interface RaftConfig {
  /** Election timeouts are drawn uniformly from [min, max] ticks, fresh at every reset (§5.2). */
  readonly electionTimeoutTicksMin: number;
  readonly electionTimeoutTicksMax: number;
  /** A leader sends AppendEntries to every follower at least this often. */
  readonly heartbeatIntervalTicks: number;
  /** Most entries carried by one AppendEntries. */
  readonly entriesPerAppendMax: number;
  /**
   * Most AppendEntries in flight to one follower in replicate state: 1 waits for each answer
   * before the next (no pipelining), more lets a window of appends stream.
   */
  readonly inflightMax: number;
  /**
   * Batching: a leader sends newly proposed entries with its next heartbeat rather than at once
   * (a follower catching up still gets the rest after each answer). Fewer messages, more commit
   * latency.
   */
  readonly batchProposals: boolean;
  /** Rejections carry a conflict hint so the leader skips a whole term per round trip. */
  readonly fastBackup: boolean;
  /** Compact the log into a snapshot once this many applied entries sit in it (0 turns it off). */
  readonly snapshotThresholdEntries: number;
  /**
   * CheckQuorum and leader stickiness (thesis §6.2, §4.2.3): a leader that has not heard from a
   * majority within an election timeout steps down, and a node that heard from its leader within
   * the minimum election timeout ignores RequestVote. Off by default, as in the paper's Figure 2.
   */
  readonly checkQuorum: boolean;
  /**
   * PreVote (thesis §9.6): before raising its term, a node whose timer fired asks whether it could
   * win; only with a majority of pre-votes does it stand. A node cut off and rejoining then no
   * longer deposes a healthy leader with its inflated term. Off by default, as in Figure 2.
   */
  readonly preVote: boolean;
  /**
   * Lease reads (thesis §6.4.1): a leader whose heartbeat round a majority confirmed answers reads
   * without a round of its own until the minimum election timeout (less a drift margin) has
   * passed since that round began. The lease rests on leader stickiness, so lease reads turn it
   * on even without CheckQuorum (etcd asks for CheckQuorum instead). Off by default: every read
   * then confirms leadership with a round of its own (ReadIndex).
   */
  readonly leaseReads: boolean;

  // Broken-Raft switches (raft/unsafe.ts): each removes one rule, for teaching. All off by default.
  /** Commit an earlier term's entry by counting its replicas (drops §5.4.2). */
  readonly unsafeCommitByCounting: boolean;
  /** votedFor is not persisted: a restarted node has voted for no one (breaks §5.2). */
  readonly unsafeForgetVote: boolean;
  /** Grant votes without the up-to-date check (drops §5.4.1). */
  readonly unsafeVoteWithoutLogCheck: boolean;
  /** Every election timeout is electionTimeoutTicksMin, not drawn at random (§5.2). */
  readonly unsafeFixedTimeouts: boolean;
  /** Apply entries as soon as they are in the log, before they commit. */
  readonly unsafeApplyBeforeCommit: boolean;
  /** Accept AppendEntries without the prevLogIndex/prevLogTerm consistency check (§5.3). */
  readonly unsafeAppendWithoutCheck: boolean;
  /** A new leader appends no no-op entry of its term (§8). */
  readonly unsafeNoLeaderNoop: boolean;
  /** commitIndex survives a restart instead of starting again at the snapshot (Figure 2). */
  readonly unsafeKeepCommitOnRestart: boolean;
}

import type { LogIndex, NodeId } from './types.ts';

/** The leader's bookkeeping for ReadIndex and lease reads, as plain data (the rules are in read-index.ts). */

/** A read the leader took: its read index, and the confirmation round it waits for. */
export interface PendingRead {
  readonly id: number;
  readonly index: LogIndex;
  readonly round: number;
}

/** A read the leader may answer once the node has applied `index`; `round` null: by lease. */
export interface ReadState {
  readonly id: number;
  readonly index: LogIndex;
  readonly round: number | null;
}

/** Leader only: the reads under way and the rounds that confirm them. */
export interface ReadOnly {
  /** The last confirmation round started (0: none this term); every append now carries it. */
  round: number;
  /** The highest round each follower has echoed, by follower id. */
  acked: Record<NodeId, number>;
  /** Reads taken before the leader committed an entry of its term, by id. */
  awaitingCommit: number[];
  /** Reads waiting for their round, oldest (lowest round) first. */
  pending: PendingRead[];
  /** Lease reads: rounds not yet confirmed by a majority, with the local clock when each began. */
  sentAt: { round: number; clock: number }[];
  /** Lease reads: the local clock tick the lease runs until (exclusive; 0: no lease). */
  leaseUntil: number;
  /** The leader sent TimeoutNow this term: it takes no lease again. */
  leaseForfeited: boolean;
}

export function newReadOnly(): ReadOnly {
  return { round: 0, acked: {}, awaitingCommit: [], pending: [], sentAt: [], leaseUntil: 0, leaseForfeited: false };
}

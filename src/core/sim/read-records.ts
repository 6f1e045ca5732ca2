import type { LogIndex, NodeId, Tick } from '../raft/types.ts';

/** The client's gets as plain data, kept in the simulation state (the rules are in sim/reads.ts). */

export type ClientReadState =
  /** No leader to send it to, or the node is not leader: `lead` is the leader it named. */
  | 'refused'
  /** The leader has committed no entry of its term yet. */
  | 'awaiting-commit'
  /** A confirmation round (`round`) is out. */
  | 'confirming'
  /** Confirmed; waiting for the node to apply `readIndex`. */
  | 'applying'
  | 'served'
  /** The leader stepped down before confirming it, or the node crashed. */
  | 'failed';

export interface ClientRead {
  readonly id: number;
  readonly key: string;
  /** The node it went to; null when there was no leader. */
  readonly node: NodeId | null;
  readonly tick: Tick;
  state: ClientReadState;
  readIndex: LogIndex | null;
  /** The confirmation round it waited for (null: none yet, or answered by lease). */
  round: number | null;
  byLease: boolean;
  /** Who confirmed its round, the leader included. */
  acks: NodeId[];
  value: string | null;
  /** When it was answered or failed. */
  doneTick: Tick | null;
  lead: NodeId | null;
  failure: 'stepped-down' | 'crashed' | null;
}

export interface ClientReads {
  /** Gets sent so far; the next one's id is this plus one. */
  issued: number;
  /** Unfinished gets, then up to `finishedKept` finished ones, oldest first. */
  reads: ClientRead[];
  /** How many of `reads` are unfinished (cheap to test before looking at a node's events). */
  open: number;
}

/** Finished gets kept for the screen besides the unfinished ones. */
export const finishedKept = 8;

export function newClientReads(): ClientReads {
  return { issued: 0, reads: [], open: 0 };
}

/** A confirmed read a machine holds until its state machine has applied `index`. */
export interface WaitingRead {
  readonly id: number;
  readonly index: LogIndex;
  readonly key: string;
}

/** A copy of a get to hand out of the simulation: nothing outside it may change the one kept. */
export function copyRead(read: ClientRead): ClientRead {
  return { ...read, acks: [...read.acks] };
}

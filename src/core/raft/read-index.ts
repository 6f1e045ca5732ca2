import { termAt } from './log.ts';
import type { RaftNode } from './node.ts';
import { emit } from './node.ts';
import { quorumSize } from './quorum.ts';
import { broadcastAppend } from './replicate.ts';
import type { NodeId } from './types.ts';
import { newReadOnly } from './read-state.ts';
export type { PendingRead, ReadOnly, ReadState } from './read-state.ts';

/**
 * Linearizable reads that write nothing to the log (thesis §6.4).
 *
 * ReadIndex. A read reaching the leader takes the leader's commitIndex as its read index, but only
 * once the leader has committed an entry of its own term: until then its commitIndex may lag
 * behind entries an earlier leader committed (§6.4 step 1), so such reads wait. The leader then
 * starts a confirmation round: a numbered heartbeat to every follower, whose answers echo the
 * number (MsgApp.read, MsgAppResp.read). Once a majority, the leader included, has echoed that
 * round or a later one, no other leader can have been elected when the read arrived (it would
 * have needed a vote from one of them), so the read may return the state at its read index: the
 * caller waits until the node has applied that far (the Ready's readStates).
 *
 * Lease reads (§6.4.1). Under leader stickiness (CheckQuorum), a follower that answered a heartbeat
 * sent at the leader's local time s votes for nobody else until electionTimeoutTicksMin has passed
 * on its own clock since it received it, which is after s. So once a majority has confirmed a
 * round sent at s, the leader may answer reads at once, with no round, until s + leaseTicks: the
 * minimum election timeout less a margin for clocks that run at different rates (leaseDriftBound).
 * Raftlab's clocks all run at one rate; a user who fires a timer early ("Time out now", setting a
 * timer) does what a fast clock would, and can break a lease: that is the assumption it rests on.
 * Two more rules keep a lease honest: a node that has just restarted votes for no one for the
 * minimum election timeout (it cannot know whose lease may still run), and a leader that sends
 * TimeoutNow gives up its lease for the rest of its term (it asked for an election itself).
 */

/** Clocks may run this much faster or slower than each other: a lease is shortened by this share. */
export const leaseDriftBound = 0.1;

/** How long a confirmed round's lease lasts, in ticks of the leader's clock. */
export function leaseTicks(node: RaftNode): number {
  return Math.floor(node.config.electionTimeoutTicksMin * (1 - leaseDriftBound));
}

/** Ticks of lease left on the leader's clock (0: none). */
export function leaseRemaining(node: RaftNode): number {
  if (node.role !== 'leader' || !node.config.leaseReads) return 0;
  return Math.max(0, node.readOnly.leaseUntil - node.clock);
}

/** A client's read, by id (MsgReadIndex). Only a leader takes it; anyone else refuses and names the leader it knows. */
export function readIndex(node: RaftNode, id: number): void {
  if (node.role !== 'leader') {
    emit(node, { type: 'read-refused', id, role: node.role, lead: node.lead });
    return;
  }
  if (!committedInTerm(node)) {
    node.readOnly.awaitingCommit.push(id);
    emit(node, { type: 'read-awaiting-commit', id, committed: node.log.committed });
    return;
  }
  take(node, id);
}

/** After commitIndex moved: reads that waited for an entry of this term get their read index now. */
export function releaseReadsAwaitingCommit(node: RaftNode): void {
  const waiting = node.readOnly.awaitingCommit;
  if (waiting.length === 0 || !committedInTerm(node)) return;
  node.readOnly.awaitingCommit = [];
  for (const id of waiting) take(node, id);
}

function committedInTerm(node: RaftNode): boolean {
  return termAt(node.log, node.log.committed) === node.term;
}

/** Answers by lease when one runs, else starts a round for the read. */
function take(node: RaftNode, id: number): void {
  const index = node.log.committed;
  const lease = leaseRemaining(node);
  if (lease > 0) {
    emit(node, { type: 'read-by-lease', id, readIndex: index, leaseRemaining: lease });
    node.readStates.push({ id, index, round: null });
    return;
  }
  const round = startRound(node);
  node.readOnly.pending.push({ id, index, round });
  emit(node, { type: 'read-round-started', id, readIndex: index, round });
  broadcastAppend(node, 'heartbeat');
  // A lone leader is its own majority.
  confirmRounds(node);
}

/** Most unconfirmed rounds remembered for the lease; an older one is forgotten, which only shortens it. */
const sentAtMax = 64;

/**
 * Numbers a new round; the caller sends it (a heartbeat to everyone). With lease reads every
 * heartbeat is a round, so the lease renews while a majority answers.
 */
export function startRound(node: RaftNode): number {
  const readOnly = node.readOnly;
  readOnly.round += 1;
  if (node.config.leaseReads) {
    if (readOnly.sentAt.length >= sentAtMax) readOnly.sentAt.shift();
    readOnly.sentAt.push({ round: readOnly.round, clock: node.clock });
  }
  return readOnly.round;
}

/** A follower of this term echoed round `round`: it took this node as its leader after that round began. */
export function noteRoundEcho(node: RaftNode, follower: NodeId, round: number): void {
  const readOnly = node.readOnly;
  if (round <= (readOnly.acked[follower] ?? 0) || round > readOnly.round) return;
  readOnly.acked[follower] = round;
  confirmRounds(node);
}

/**
 * Confirms what the majority's round covers: reads of that round or an earlier one (in round
 * order), and with lease reads the lease runs from when that round began. Both are taken off
 * their queues as they are confirmed, so confirming again changes nothing.
 */
function confirmRounds(node: RaftNode): void {
  const readOnly = node.readOnly;
  const quorumRound = majorityRound(node);
  renewLease(node, quorumRound);
  let released = 0;
  while (released < readOnly.pending.length && readOnly.pending[released]!.round <= quorumRound) {
    const read = readOnly.pending[released]!;
    const acks = node.membership.voters.filter((voter) => voter === node.id || (readOnly.acked[voter] ?? 0) >= read.round);
    emit(node, { type: 'read-confirmed', id: read.id, readIndex: read.index, round: read.round, acks });
    node.readStates.push({ id: read.id, index: read.index, round: read.round });
    released += 1;
  }
  if (released > 0) readOnly.pending.splice(0, released);
}

/** The highest round a majority (this node with its latest round, and the followers' echoes) has reached. */
function majorityRound(node: RaftNode): number {
  const readOnly = node.readOnly;
  const voters = node.membership.voters;
  const rounds = voters.map((voter) => (voter === node.id ? readOnly.round : (readOnly.acked[voter] ?? 0))).sort((a, b) => b - a);
  return rounds[quorumSize(voters.length) - 1]!;
}

function renewLease(node: RaftNode, quorumRound: number): void {
  const readOnly = node.readOnly;
  if (!node.config.leaseReads) return;
  let began: number | null = null;
  while (readOnly.sentAt.length > 0 && readOnly.sentAt[0]!.round <= quorumRound) began = readOnly.sentAt.shift()!.clock;
  if (began === null || readOnly.leaseForfeited) return;
  readOnly.leaseUntil = Math.max(readOnly.leaseUntil, began + leaseTicks(node));
}

/** Leadership transfer: the leader asked for an election, so its lease no longer holds. */
export function forfeitLease(node: RaftNode): void {
  node.readOnly.leaseUntil = 0;
  node.readOnly.leaseForfeited = true;
}

/** On leaving office: reads not yet confirmed fail (their clients may retry with the new leader). */
export function dropReads(node: RaftNode): void {
  const readOnly = node.readOnly;
  const ids = [...readOnly.awaitingCommit, ...readOnly.pending.map((read) => read.id)].sort((a, b) => a - b);
  if (ids.length > 0) emit(node, { type: 'read-aborted', ids, reason: 'stepped-down' });
  node.readOnly = newReadOnly();
}

/**
 * A node that has just restarted cannot know whether a leader's lease it helped confirm still
 * runs, so with lease reads on it votes for nobody until the minimum election timeout has passed
 * on its clock. A node still in term 0 never answered any leader (the term is on disk before an
 * answer goes out), so it is in no lease and votes at once.
 */
export function justStarted(node: RaftNode): boolean {
  return node.config.leaseReads && node.term > 0 && node.clock < node.config.electionTimeoutTicksMin;
}

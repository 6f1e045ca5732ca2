import { lastIndex, slice, termAt } from './log.ts';
import type { MsgApp } from './message.ts';
import type { RaftNode } from './node.ts';
import { emit, send } from './node.ts';
import { becomeSnapshot, isPaused, sentAppend } from './progress.ts';
import { quorumSize } from './quorum.ts';
import type { Entry, LogIndex, NodeId } from './types.ts';
import { broken } from '../base/assert.ts';

/**
 * The leader's sending side of log replication (§5.3, §7): what to send each follower, and when
 * entries count as committed (§5.4.2).
 */

/** What a heartbeat carries: one shared empty list (messages are never changed once sent). */
const noEntries: readonly Entry[] = Object.freeze([]);

/**
 * Why the leader sends: a heartbeat always goes out (an empty append if the flow-control window is
 * full), which also retries a lost probe or snapshot; new entries go only where the window allows.
 */
export type SendReason = 'heartbeat' | 'entries';

/**
 * Sends one follower what it needs next: an AppendEntries from its nextIndex, or the snapshot if
 * nextIndex fell into the compacted prefix. Returns whether anything was sent.
 */
export function sendAppend(node: RaftNode, to: NodeId, reason: SendReason): boolean {
  const progress = node.progress[to];
  if (!(progress !== undefined)) throw broken(`leader ${node.id} has no progress for ${to}`);
  const paused = isPaused(progress, node.config.inflightMax);
  if (paused && reason !== 'heartbeat') return false;
  if (progress.state === 'snapshot') {
    // A snapshot is large: resend it only once an election timeout passed with no answer,
    // which covers its round trip, rather than on every heartbeat.
    progress.heartbeatsSinceSnapshot += 1;
    if (progress.heartbeatsSinceSnapshot * node.config.heartbeatIntervalTicks >= node.config.electionTimeoutTicksMin) return sendSnapshot(node, to);
    // Meanwhile the heartbeat still goes out, empty and checked against the snapshot's last entry,
    // so a follower whose snapshot was lost keeps hearing from its leader and does not time out
    // (§5.2). A rejection of it changes nothing while the snapshot is pending (maybeDecrease ignores it).
    const snapshot = node.log.snapshot;
    sendApp(node, { type: 'MsgApp', from: node.id, to, term: node.term, prevLogIndex: snapshot.index, prevLogTerm: snapshot.term, entries: noEntries, leaderCommit: node.log.committed });
    return true;
  }
  const prevLogIndex = progress.nextIndex - 1;
  const prevLogTerm = termAt(node.log, prevLogIndex);
  if (prevLogTerm === undefined) return sendSnapshot(node, to);
  const last = lastIndex(node.log);
  const mayCarry = (progress.state === 'probe' || !paused) && progress.nextIndex <= last;
  const entries = mayCarry ? slice(node.log, progress.nextIndex, Math.min(last, prevLogIndex + node.config.entriesPerAppendMax)) : noEntries;
  sendApp(node, {
    type: 'MsgApp',
    from: node.id,
    to,
    term: node.term,
    prevLogIndex,
    prevLogTerm,
    entries,
    leaderCommit: node.log.committed,
  });
  sentAppend(progress, prevLogIndex + entries.length, entries.length > 0);
  return true;
}

/** Sends an append stamped with the leader's latest confirmation round, once it has one (raft/read-index.ts). */
function sendApp(node: RaftNode, message: MsgApp): void {
  const read = node.readOnly.round;
  send(node, read === 0 ? message : { ...message, read });
}

function sendSnapshot(node: RaftNode, to: NodeId): boolean {
  const progress = node.progress[to]!;
  const snapshot = node.log.snapshot;
  if (!(snapshot.index > 0)) throw broken(`leader ${node.id} has no snapshot to send to ${to}`);
  emit(node, {
    type: 'snapshot-sent',
    follower: to,
    index: snapshot.index,
    term: snapshot.term,
    nextIndex: progress.nextIndex,
    firstIndex: snapshot.index + 1,
  });
  becomeSnapshot(progress, snapshot.index);
  send(node, { type: 'MsgSnap', from: node.id, to, term: node.term, snapshot });
  return true;
}

/** Sends to every follower; on a heartbeat everyone hears from the leader, otherwise only the unpaused. */
export function broadcastAppend(node: RaftNode, reason: SendReason): void {
  for (const peer of node.peers) sendAppend(node, peer, reason);
}

/** Keeps sending to a follower while it has entries to receive and the window allows. */
export function sendPending(node: RaftNode, to: NodeId): void {
  const last = lastIndex(node.log);
  // Bounded: each round either sends entries (advancing nextIndex in replicate) or pauses.
  for (let round = 0; round < node.config.inflightMax + 1; round += 1) {
    const progress = node.progress[to]!;
    if (progress.nextIndex > last && progress.state !== 'snapshot') return;
    if (!sendAppend(node, to, 'entries')) return;
    if (progress.state !== 'replicate') return;
  }
}

/**
 * Advances commitIndex to the highest index a majority holds, but only through an entry of the
 * leader's current term (§5.4.2): counting replicas of an older term's entry is not enough, as
 * Figure 8 shows. Older entries commit indirectly, by Log Matching, when a current-term entry does.
 */
export function maybeCommit(node: RaftNode): boolean {
  const quorumIndex = quorumMatchIndex(node);
  if (quorumIndex <= node.log.committed) return false;
  const entryTerm = termAt(node.log, quorumIndex);
  if (!(entryTerm !== undefined)) throw broken(`leader ${node.id}: quorum index ${quorumIndex} outside its log`);
  const counted = entryTerm !== node.term;
  if (counted && !node.config.unsafeCommitByCounting) {
    if (quorumIndex > node.heldBackIndex) {
      node.heldBackIndex = quorumIndex;
      emit(node, { type: 'commit-held-back', quorumIndex, entryTerm, currentTerm: node.term, committed: node.log.committed });
    }
    return false;
  }
  const from = node.log.committed;
  node.log.committed = quorumIndex;
  // With the unsafe switch, an earlier term's entry commits on its count alone (Figure 8's bug).
  emit(node, { type: 'commit-advanced', from, to: quorumIndex, term: node.term, ...(counted ? { by: 'counting', entryTerm } : { by: 'quorum' }) });
  return true;
}

/**
 * committedIndex (quorum.ts) over the voters' matchIndex, the leader's own last index standing
 * for its own, counted in place: this runs on every acknowledgement, so it builds no array.
 * Learners hold entries but do not count; a leader being removed does not count itself.
 */
function quorumMatchIndex(node: RaftNode): LogIndex {
  const voters = node.membership.voters;
  const own = lastIndex(node.log);
  const needed = quorumSize(voters.length);
  let best = 0;
  for (let i = 0; i < voters.length; i += 1) {
    const candidate = voterMatch(node, voters[i]!, own);
    if (candidate <= best) continue;
    let holders = 0;
    for (let j = 0; j < voters.length; j += 1) if (voterMatch(node, voters[j]!, own) >= candidate) holders += 1;
    if (holders >= needed) best = candidate;
  }
  return best;
}

function voterMatch(node: RaftNode, voter: NodeId, own: LogIndex): LogIndex {
  return voter === node.id ? own : node.progress[voter]!.matchIndex;
}

import { becomeFollower } from './become.ts';
import { append, lastIndex, lastIndexOfTerm, lastTerm } from './log.ts';
import { quorumSize } from './quorum.ts';
import type { MsgAppResp, MsgSnapResp } from './message.ts';
import type { RaftNode } from './node.ts';
import { emit } from './node.ts';
import { becomeProbe, becomeReplicate, maybeDecrease, maybeUpdate } from './progress.ts';
import { broadcastAppend, maybeCommit, sendAppend, sendPending } from './replicate.ts';
import { maybeSendTimeoutNow } from './transfer.ts';
import { releaseReadsAwaitingCommit, startRound } from './read-index.ts';
import { reviewMembership } from './membership.ts';
import type { ClientCommand, Entry, LogIndex, NodeId, Term } from './types.ts';

/** What a client learns from offering a command to a node, as the lab's Start() returns. */
export interface ProposeResult {
  readonly index: LogIndex;
  readonly term: Term;
  readonly isLeader: boolean;
  /** When refused: the leader this node knows of, for the client to retry there. */
  readonly leaderHint: NodeId | null;
}

/**
 * A client command offered to this node. Only the leader appends it (§5.3); others refuse and
 * name the leader they know of, so the client can redirect (§8). A leader handing over its
 * leadership refuses too, naming the target.
 */
export function propose(node: RaftNode, commands: readonly ClientCommand[]): ProposeResult {
  if (node.role !== 'leader') {
    for (const command of commands) emit(node, { type: 'proposal-refused', role: node.role, lead: node.lead, command });
    return { index: -1, term: node.term, isLeader: false, leaderHint: node.lead };
  }
  if (node.transfer !== null) {
    // Handing over (thesis §3.10): the log stops growing so the target can catch up; the client
    // is pointed at the node about to lead.
    const transferringTo = node.transfer.target;
    for (const command of commands) emit(node, { type: 'proposal-refused', role: node.role, lead: node.lead, command, transferringTo });
    return { index: -1, term: node.term, isLeader: false, leaderHint: transferringTo };
  }
  const prevTerm = lastTerm(node.log);
  const first = lastIndex(node.log) + 1;
  const entries: Entry[] = commands.map((command, offset) => ({ index: first + offset, term: node.term, command }));
  append(node.log, entries);
  for (const entry of entries) emit(node, { type: 'proposal-accepted', index: entry.index, term: entry.term, command: entry.command });
  if (entries.length > 0) emit(node, { type: 'entries-appended', first, last: first + entries.length - 1, prevTerm, entries, source: 'proposal' });
  // A lone leader is its own majority.
  if (maybeCommit(node)) releaseReadsAwaitingCommit(node);
  // Batching: the entries wait for the next heartbeat, which carries them.
  if (!node.config.batchProposals) broadcastAppend(node, 'entries');
  return { index: lastIndex(node.log), term: node.term, isLeader: true, leaderHint: node.id };
}

/**
 * CheckQuorum (thesis §6.2): a leader that has not heard from a majority, itself included, since
 * the last check steps down, so a leader cut off in a minority stops taking requests it cannot
 * commit, and its clients look elsewhere. Every follower's mark is cleared for the next period.
 */
export function checkQuorum(node: RaftNode): void {
  // Only voters count; the leader counts itself while it is one (a leader being removed is not).
  const voters = node.membership.voters;
  const heardFrom = voters.filter((voter) => voter === node.id || node.progress[voter]!.recentActive);
  for (const peer of node.peers) node.progress[peer]!.recentActive = false;
  if (heardFrom.length >= quorumSize(voters.length)) return;
  becomeFollower(node, { lead: null, reason: 'check-quorum', heardFrom });
}

/** Every follower hears from the leader; with lease reads each heartbeat is also a round that renews the lease. */
export function heartbeat(node: RaftNode): void {
  if (node.config.leaseReads) startRound(node);
  broadcastAppend(node, 'heartbeat');
}

/**
 * A follower's answer to an AppendEntries. On success nextIndex and matchIndex move forward and
 * commitIndex may too; on rejection nextIndex backs off, by one entry or, with fast backup, past a
 * whole conflicting term per round trip. For example (index above, term below):
 *
 *   index   1 2 3 4 5 6 7
 *   leader  1 1 1 4 4 5 5     append with prevLogIndex 6 (term 5) is rejected;
 *   follower 1 1 1 2 2 2 2    follower's term at 6 is 2, first index of term 2 is 4.
 *
 * The leader holds no entry of term 2, so nextIndex goes straight to 4, skipping indexes 5 and 6.
 * Had the leader held term-2 entries, nextIndex would go just past its last one.
 */
export function handleAppendResponse(node: RaftNode, message: MsgAppResp): void {
  const progress = node.progress[message.from];
  if (progress === undefined) return;
  if (message.success) {
    acknowledge(node, message.from, message.matchIndex);
    return;
  }
  const nextIndexHint = backoffHint(node, message);
  const from = progress.nextIndex;
  if (!maybeDecrease(progress, { rejectedIndex: message.rejectedIndex, nextIndexHint })) return;
  emit(node, {
    type: 'next-index-backed-off',
    follower: message.from,
    from,
    to: progress.nextIndex,
    rejectedIndex: message.rejectedIndex,
    conflictTerm: message.conflictTerm,
    conflictIndex: message.conflictIndex,
    fastBackup: node.config.fastBackup,
  });
  sendAppend(node, message.from, 'entries');
}

/** A follower's answer to an InstallSnapshot: it now agrees with the leader up to matchIndex. */
export function handleSnapshotResponse(node: RaftNode, message: MsgSnapResp): void {
  if (node.progress[message.from] === undefined) return;
  acknowledge(node, message.from, message.matchIndex);
}

/**
 * The one acknowledgement path, for appends and snapshots alike: record the follower's match,
 * leave snapshot state once the snapshot is covered (a heartbeat acknowledged past it proves it
 * was installed, even if the snapshot's own answer was lost), stream to a follower that just
 * proved its log matches, try to commit, and send what it still lacks.
 */
function acknowledge(node: RaftNode, follower: NodeId, matchIndex: LogIndex): void {
  const progress = node.progress[follower]!;
  const updated = maybeUpdate(progress, matchIndex);
  if (progress.state === 'snapshot' && progress.matchIndex >= progress.pendingSnapshot) becomeProbe(progress);
  if (updated) {
    if (progress.state === 'probe') becomeReplicate(progress);
    emit(node, { type: 'progress-updated', follower, matchIndex: progress.matchIndex, nextIndex: progress.nextIndex, state: progress.state });
    if (maybeCommit(node)) releaseReadsAwaitingCommit(node);
  }
  // A follower catching up keeps streaming; only new proposals wait for a heartbeat (batching).
  sendPending(node, follower);
  maybeSendTimeoutNow(node, follower);
  // Last: it may promote a learner, or step down a leader whose removal just committed.
  reviewMembership(node);
}

function backoffHint(node: RaftNode, message: MsgAppResp): LogIndex {
  if (!node.config.fastBackup || message.conflictIndex === null) return message.rejectedIndex;
  if (message.conflictTerm === null) return message.conflictIndex;
  const last = lastIndexOfTerm(node.log, message.conflictTerm);
  return last === undefined ? message.conflictIndex : last + 1;
}

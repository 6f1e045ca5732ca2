import type { AppendRejection, VoteRefusal } from './events.ts';
import { becomeFollower } from './become.ts';
import { noteAppended, noteSnapshot, noteTruncated } from './membership-scan.ts';
import { append, firstIndexOfTerm, isUpToDate, lastIndex, lastTerm, restoreSnapshot, termAt, truncateFrom } from './log.ts';
import type { MsgApp, MsgSnap, MsgVote } from './message.ts';
import type { RaftNode } from './node.ts';
import { emit, resetElectionTimer, send } from './node.ts';
import type { Entry, LogIndex, Term } from './types.ts';

/**
 * The receiving side of RequestVote (§5.2, §5.4.1): a vote is granted at most once per term, and
 * only to a candidate whose log is at least as up-to-date as the voter's. The vote must be on
 * disk before the answer leaves; the Ready cycle writes before it sends.
 */
export function handleVote(node: RaftNode, message: MsgVote): void {
  const ownLastIndex = lastIndex(node.log);
  const ownLastTerm = lastTerm(node.log);
  const canVote = node.vote === null || node.vote === message.from;
  // The unsafe switch grants without the election restriction (§5.4.1).
  const upToDate = node.config.unsafeVoteWithoutLogCheck || isUpToDate(node.log, message);
  if (canVote && upToDate) {
    node.vote = message.from;
    resetElectionTimer(node);
    emit(node, {
      type: 'vote-granted',
      candidate: message.from,
      term: node.term,
      candidateLastIndex: message.lastLogIndex,
      candidateLastTerm: message.lastLogTerm,
      ownLastIndex,
      ownLastTerm,
    });
  } else {
    refuseVote(node, message, canVote ? 'log-not-up-to-date' : 'already-voted');
  }
  send(node, { type: 'MsgVoteResp', from: node.id, to: message.from, term: node.term, granted: canVote && upToDate });
}

/** PreVote: says yes to a pre-vote, changing nothing (no vote, no term, no timer). */
export function grantPreVote(node: RaftNode, message: MsgVote): void {
  emit(node, {
    type: 'vote-granted',
    candidate: message.from,
    term: message.term,
    pre: true,
    candidateLastIndex: message.lastLogIndex,
    candidateLastTerm: message.lastLogTerm,
    ownLastIndex: lastIndex(node.log),
    ownLastTerm: lastTerm(node.log),
  });
}

export function refuseVote(node: RaftNode, message: MsgVote, reason: VoteRefusal): void {
  emit(node, {
    type: 'vote-refused',
    candidate: message.from,
    term: message.term,
    ...(message.pre === true ? { pre: true as const } : {}),
    reason,
    votedFor: node.vote,
    candidateLastIndex: message.lastLogIndex,
    candidateLastTerm: message.lastLogTerm,
    ownLastIndex: lastIndex(node.log),
    ownLastTerm: lastTerm(node.log),
    ownTerm: node.term,
  });
}

/** An AppendEntries from the leader of the node's current term (§5.3, Figure 2 receiver rules). */
export function handleAppend(node: RaftNode, message: MsgApp): void {
  // Entries up to commitIndex are committed, so they already agree with the leader's log.
  if (message.prevLogIndex < node.log.committed) {
    const matchIndex = node.log.committed;
    emit(node, { type: 'append-accepted', leader: message.from, prevLogIndex: message.prevLogIndex, prevLogTerm: message.prevLogTerm, entries: 0, matchIndex });
    acceptAppend(node, message, matchIndex);
    return;
  }
  const ownTermAtPrev = termAt(node.log, message.prevLogIndex);
  // The unsafe switch skips the consistency check (§5.3) wherever the log is long enough to append.
  const unchecked = node.config.unsafeAppendWithoutCheck && ownTermAtPrev !== undefined;
  if (ownTermAtPrev !== message.prevLogTerm && !unchecked) {
    rejectAppend(node, message, ownTermAtPrev === undefined ? 'log-too-short' : 'prev-term-mismatch');
    return;
  }
  appendFromLeader(node, message);
  const lastNewIndex = message.prevLogIndex + message.entries.length;
  emit(node, {
    type: 'append-accepted',
    leader: message.from,
    prevLogIndex: message.prevLogIndex,
    prevLogTerm: message.prevLogTerm,
    entries: message.entries.length,
    matchIndex: lastNewIndex,
    ...(ownTermAtPrev !== message.prevLogTerm ? { ownTermAtPrev } : {}),
  });
  // Figure 2: commitIndex = min(leaderCommit, index of last new entry). Not the log's last index:
  // entries past lastNewIndex have not been checked against this leader's log.
  const commit = Math.min(message.leaderCommit, lastNewIndex);
  if (commit > node.log.committed) {
    const from = node.log.committed;
    node.log.committed = commit;
    emit(node, { type: 'commit-advanced', from, to: commit, term: node.term, by: 'leader-commit', leaderCommit: message.leaderCommit, lastNewIndex });
  }
  acceptAppend(node, message, lastNewIndex);
}

/**
 * Appends the entries the node lacks. An existing entry that conflicts (same index, other term)
 * is deleted with everything after it; entries that agree are kept, so a delayed or duplicated
 * append never cuts off entries a later one delivered.
 */
function appendFromLeader(node: RaftNode, message: MsgApp): void {
  const entries = message.entries;
  let start = 0;
  while (start < entries.length && termAt(node.log, entries[start]!.index) === entries[start]!.term) start += 1;
  if (start === entries.length) return;
  const first = entries[start]!;
  const ownTerm = termAt(node.log, first.index);
  if (ownTerm !== undefined) {
    const last = lastIndex(node.log);
    truncateFrom(node.log, first.index);
    emit(node, { type: 'entries-truncated', first: first.index, last, conflictIndex: first.index, ownTerm, leaderTerm: first.term, leader: message.from });
    noteTruncated(node, first.index);
  }
  const fresh: Entry[] = entries.slice(start);
  const prevTerm = lastTerm(node.log);
  append(node.log, fresh);
  emit(node, { type: 'entries-appended', first: first.index, last: first.index + fresh.length - 1, prevTerm, entries: fresh, source: 'leader' });
  noteAppended(node, fresh);
}

function rejectAppend(node: RaftNode, message: MsgApp, reason: AppendRejection): void {
  const ownTermAtPrev = reason === 'stale-term' ? null : (termAt(node.log, message.prevLogIndex) ?? null);
  let conflictTerm: Term | null = null;
  let conflictIndex: LogIndex | null = null;
  if (reason !== 'stale-term' && node.config.fastBackup) {
    if (ownTermAtPrev === null) {
      conflictIndex = lastIndex(node.log) + 1;
    } else {
      conflictTerm = ownTermAtPrev;
      conflictIndex = firstIndexOfTerm(node.log, message.prevLogIndex);
    }
  }
  emit(node, {
    type: 'append-rejected',
    leader: message.from,
    reason,
    term: message.term,
    ownTerm: node.term,
    prevLogIndex: message.prevLogIndex,
    prevLogTerm: message.prevLogTerm,
    ownLastIndex: lastIndex(node.log),
    ownTermAtPrev,
    conflictTerm,
    conflictIndex,
  });
  send(node, {
    type: 'MsgAppResp',
    from: node.id,
    to: message.from,
    term: node.term,
    success: false,
    matchIndex: 0,
    rejectedIndex: message.prevLogIndex,
    conflictTerm,
    conflictIndex,
    ...echo(message),
  });
}

/** The append's confirmation round, echoed in its answer (ReadIndex, raft/read-index.ts). */
function echo(message: MsgApp): { read?: number } {
  return message.read === undefined ? {} : { read: message.read };
}

export function rejectStaleAppend(node: RaftNode, message: MsgApp): void {
  rejectAppend(node, message, 'stale-term');
}

/** Answers an AppendEntries the node accepted: its log now agrees with the leader's through matchIndex. */
function acceptAppend(node: RaftNode, message: MsgApp, matchIndex: LogIndex): void {
  send(node, {
    type: 'MsgAppResp',
    from: node.id,
    to: message.from,
    term: node.term,
    success: true,
    matchIndex,
    rejectedIndex: 0,
    conflictTerm: null,
    conflictIndex: null,
    ...echo(message),
  });
}

/** InstallSnapshot from the current leader (§7). */
export function handleSnapshot(node: RaftNode, message: MsgSnap): void {
  const snapshot = message.snapshot;
  if (snapshot.index <= node.log.committed) {
    emit(node, { type: 'snapshot-ignored', index: snapshot.index, committed: node.log.committed, leader: message.from });
    send(node, { type: 'MsgSnapResp', from: node.id, to: message.from, term: node.term, matchIndex: node.log.committed });
    return;
  }
  const from = node.log.committed;
  const lastBefore = lastIndex(node.log);
  restoreSnapshot(node.log, snapshot);
  node.snapshotToInstall = snapshot;
  noteSnapshot(node);
  const keptEntries = lastIndex(node.log) - snapshot.index;
  const discardedEntries = Math.max(0, lastBefore - snapshot.index - keptEntries);
  emit(node, { type: 'snapshot-installed', index: snapshot.index, term: snapshot.term, leader: message.from, keptEntries, discardedEntries });
  emit(node, { type: 'commit-advanced', from, to: node.log.committed, term: node.term, by: 'snapshot' });
  send(node, { type: 'MsgSnapResp', from: node.id, to: message.from, term: node.term, matchIndex: snapshot.index });
}

export function followLeader(node: RaftNode, leader: number): void {
  // A leader of this term is alive: a pre-candidate stops asking (PreVote).
  node.preCandidate = false;
  if (node.role === 'candidate') {
    becomeFollower(node, { lead: leader, reason: 'leader-found' });
  } else if (node.lead !== leader) {
    node.lead = leader;
  }
  resetElectionTimer(node);
}

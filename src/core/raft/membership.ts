import { becomeFollower } from './become.ts';
import type { ConfChangeRefusal } from './events.ts';
import { append, lastIndex, lastTerm, termAt } from './log.ts';
import { noteAppended } from './membership-scan.ts';
import type { RaftNode } from './node.ts';
import { emit } from './node.ts';
import { newProgress } from './progress.ts';
import { broadcastAppend, maybeCommit } from './replicate.ts';
import type { ConfChange, ConfigCommand, Configuration, Entry, LogIndex, NodeId } from './types.ts';

/**
 * Membership change, one server at a time (thesis ch. 4). The leader appends a configuration
 * entry and every node uses it as soon as it is in its log (membership-scan.ts). Three rules make
 * single-server changes safe:
 *   - one change at a time: no new change until the last one committed (etcd's
 *     PendingConfIndex, here the index of the configuration in use, the last in the log);
 *   - a new leader commits an entry of its own term first (its no-op), closing the bug Ongaro
 *     found in the single-server algorithm (a change from an old term and one from a new term
 *     could otherwise both commit with disjoint majorities);
 *   - a new server joins as a learner, which receives the log but neither votes nor counts, and
 *     is promoted to voter only once it holds everything committed (thesis §4.2.1), so adding it
 *     never stalls commits while it catches up, through a snapshot if need be.
 * A leader removing itself keeps leading until the change commits, counting a majority of the new
 * configuration without itself, then steps down (thesis §4.2.2).
 */
export function isVoter(node: RaftNode, id: NodeId = node.id): boolean {
  return node.membership.voters.includes(id);
}

export function isLearner(node: RaftNode, id: NodeId = node.id): boolean {
  return node.membership.learners.includes(id);
}

/** Why `change` cannot be made now, or null if it can. */
export function confChangeRefusal(node: RaftNode, change: ConfChange): { reason: ConfChangeRefusal; pendingIndex?: LogIndex } | null {
  if (node.role !== 'leader') return { reason: 'not-leader' };
  if (node.transfer !== null) return { reason: 'transferring' };
  // etcd's PendingConfIndex, derived: the configuration in use is the last one in the log.
  const pending = node.membership.index;
  if (pending > node.log.committed) return { reason: 'pending', pendingIndex: pending };
  if (termAt(node.log, node.log.committed) !== node.term) return { reason: 'no-commit-in-term' };
  const { voters, learners } = node.membership;
  const member = voters.includes(change.node) || learners.includes(change.node);
  switch (change.kind) {
    case 'add':
      return member ? { reason: 'already-member' } : null;
    case 'promote':
      return learners.includes(change.node) ? null : { reason: 'not-a-learner' };
    case 'remove':
      if (!member) return { reason: 'not-a-member' };
      return voters.length === 1 && voters[0] === change.node ? { reason: 'last-voter' } : null;
  }
}

/** The configuration `change` makes of `current`. */
export function changedConfiguration(current: Configuration, change: ConfChange): Configuration {
  const without = (ids: readonly NodeId[]): NodeId[] => ids.filter((id) => id !== change.node);
  const sorted = (ids: NodeId[]): NodeId[] => ids.sort((a, b) => a - b);
  switch (change.kind) {
    case 'add':
      return { voters: [...current.voters], learners: sorted([...current.learners, change.node]) };
    case 'promote':
      return { voters: sorted([...current.voters, change.node]), learners: without(current.learners) };
    case 'remove':
      return { voters: without(current.voters), learners: without(current.learners) };
  }
}

/**
 * A leader asked to change its configuration (the sim's Add node / Remove node, or its own
 * promotion of a caught-up learner): appends the entry, uses it at once, and replicates it.
 */
export function changeConfiguration(node: RaftNode, change: ConfChange): boolean {
  const refusal = confChangeRefusal(node, change);
  if (refusal !== null) {
    emit(node, { type: 'config-refused', change: change.kind, target: change.node, role: node.role, lead: node.lead, ...refusal });
    return false;
  }
  const next = changedConfiguration(node.membership, change);
  const command: ConfigCommand = { type: 'config', change: change.kind, node: change.node, voters: next.voters, learners: next.learners };
  const prevTerm = lastTerm(node.log);
  const entry: Entry = { index: lastIndex(node.log) + 1, term: node.term, command };
  append(node.log, [entry]);
  emit(node, { type: 'config-proposed', change: change.kind, target: change.node, index: entry.index, voters: next.voters, learners: next.learners });
  emit(node, { type: 'entries-appended', first: entry.index, last: entry.index, prevTerm, entries: [entry], source: 'proposal' });
  noteAppended(node, [entry]);
  syncProgress(node);
  // A configuration entry goes out at once, batching or not: the cluster waits on it.
  broadcastAppend(node, 'entries');
  // A change can shrink the majority (a removal), so the entry, or earlier ones, may commit now.
  if (maybeCommit(node)) reviewMembership(node);
  return true;
}

/** A leader keeps progress for exactly its current peers: new members start probing just past its log. */
function syncProgress(node: RaftNode): void {
  const next = lastIndex(node.log) + 1;
  for (const peer of node.peers) if (node.progress[peer] === undefined) node.progress[peer] = newProgress(next);
  for (const id of Object.keys(node.progress).map(Number)) if (!node.peers.includes(id)) delete node.progress[id];
}

/**
 * After an acknowledgement or a commit, on the leader: a leader whose removal committed steps
 * down; otherwise a learner holding everything committed is promoted, one change at a time.
 */
export function reviewMembership(node: RaftNode): void {
  if (node.role !== 'leader') return;
  const { voters, learners, index } = node.membership;
  if (learners.length === 0 && voters.includes(node.id)) return;
  if (!voters.includes(node.id)) {
    if (index <= node.log.committed) becomeFollower(node, { lead: null, reason: 'removed' });
    return;
  }
  for (const learner of learners) {
    const progress = node.progress[learner];
    if (progress === undefined || progress.matchIndex < node.log.committed) continue;
    if (confChangeRefusal(node, { kind: 'promote', node: learner }) !== null) return;
    changeConfiguration(node, { kind: 'promote', node: learner });
    return;
  }
}

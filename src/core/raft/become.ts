import { append, lastIndex, lastTerm } from './log.ts';
import type { RaftNode } from './node.ts';
import { emit, resetElectionTimer } from './node.ts';
import { newProgress } from './progress.ts';
import { dropReads } from './read-index.ts';
import { newReadOnly } from './read-state.ts';
import type { NodeId, Term } from './types.ts';
import { broken } from '../base/assert.ts';

/** Moves to a new term, forgetting the vote of the old one (Figure 2, "All Servers"). */
export function setTerm(node: RaftNode, term: Term, cause: { cause: 'election' | 'message'; sender: NodeId | null }): void {
  if (!(term > node.term)) throw broken(`node ${node.id}: term ${term} is not above ${node.term}`);
  emit(node, { type: 'term-changed', from: node.term, to: term, cause: cause.cause, sender: cause.sender });
  node.term = term;
  node.vote = null;
}

export function becomeFollower(
  node: RaftNode,
  options: { lead: NodeId | null; reason: 'higher-term' | 'leader-found' | 'check-quorum' | 'removed'; heardFrom?: readonly NodeId[] },
): void {
  const previousRole = node.role;
  node.role = 'follower';
  node.lead = options.lead;
  node.votes = {};
  node.preCandidate = false;
  node.progress = {};
  node.transfer = null;
  node.heartbeatElapsed = 0;
  // A follower that only learns of a higher term keeps its timer running: Figure 2 resets it only
  // for the current leader's AppendEntries or a granted vote (the callers do that).
  if (previousRole !== 'follower') resetElectionTimer(node);
  emit(node, { type: 'became-follower', term: node.term, lead: options.lead, previousRole, reason: options.reason, ...(options.heardFrom === undefined ? {} : { heardFrom: options.heardFrom }) });
  // Reads it had not confirmed fail with its leadership.
  if (previousRole === 'leader') dropReads(node);
}

/** Starts an election (§5.2): a new term, a vote for itself, a fresh randomized timeout. */
export function becomeCandidate(node: RaftNode): void {
  if (!(node.role !== 'leader')) throw broken(`node ${node.id}: a leader cannot become a candidate`);
  setTerm(node, node.term + 1, { cause: 'election', sender: null });
  node.role = 'candidate';
  node.lead = null;
  node.vote = node.id;
  node.votes = { [node.id]: true };
  node.preCandidate = false;
  node.progress = {};
  resetElectionTimer(node);
  emit(node, { type: 'became-candidate', term: node.term, electionTimeout: node.electionTimeout });
}

/**
 * PreVote (thesis §9.6): asks for pre-votes for term + 1, keeping its term and vote. A candidate
 * whose timer fired does the same (it becomes a follower asking, as etcd's PreCandidate).
 */
export function becomePreCandidate(node: RaftNode): void {
  if (!(node.role !== 'leader')) throw broken(`node ${node.id}: a leader cannot ask for pre-votes`);
  node.role = 'follower';
  node.lead = null;
  node.preCandidate = true;
  node.votes = { [node.id]: true };
  node.progress = {};
  resetElectionTimer(node);
  emit(node, { type: 'pre-campaign-started', term: node.term + 1, electionTimeout: node.electionTimeout });
}

/**
 * Takes office (§5.2, §5.3): every follower's nextIndex starts just past the leader's log and
 * matchIndex at 0, then a no-op entry of the new term is appended so that entries of earlier
 * terms can be committed through it (§5.4.2, §8).
 */
export function becomeLeader(node: RaftNode): void {
  if (!(node.role === 'candidate')) throw broken(`node ${node.id}: only a candidate becomes leader (was ${node.role})`);
  const votes = Object.entries(node.votes)
    .filter(([, granted]) => granted)
    .map(([id]) => Number(id))
    .sort((a, b) => a - b);
  node.role = 'leader';
  node.lead = node.id;
  node.votes = {};
  node.heartbeatElapsed = 0;
  node.transfer = null;
  node.readOnly = newReadOnly();
  // CheckQuorum counts a leader's election timeout from its first tick in office.
  node.electionElapsed = 0;
  node.heldBackIndex = node.log.committed;
  const next = lastIndex(node.log) + 1;
  node.progress = {};
  for (const peer of node.peers) node.progress[peer] = newProgress(next);
  emit(node, { type: 'became-leader', term: node.term, votes, lastIndex: lastIndex(node.log) });
  // The unsafe switch leaves earlier terms' entries waiting for the next client command.
  if (node.config.unsafeNoLeaderNoop) return;
  const prevTerm = lastTerm(node.log);
  const noop = { index: next, term: node.term, command: { type: 'noop' } as const };
  append(node.log, [noop]);
  emit(node, { type: 'entries-appended', first: next, last: next, prevTerm, entries: [noop], source: 'proposal' });
}

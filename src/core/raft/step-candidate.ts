import { becomeCandidate, becomeLeader, becomePreCandidate } from './become.ts';
import { lastIndex, lastTerm } from './log.ts';
import type { MsgVoteResp } from './message.ts';
import type { RaftNode } from './node.ts';
import { emit, send, voterCount } from './node.ts';
import { tallyVotes } from './quorum.ts';
import { maybeCommit } from './replicate.ts';
import { heartbeat } from './step-leader.ts';

/**
 * The election timer fired (or a user forced an election). With PreVote, ask first whether this
 * node could win (preCampaign); otherwise stand at once.
 */
export function campaign(node: RaftNode): void {
  // A learner, a server not yet added or one removed does not stand (etcd's promotable()).
  if (!node.membership.voters.includes(node.id)) return;
  if (node.config.preVote) preCampaign(node);
  else stand(node);
}

/** PreVote (thesis §9.6): pre-votes for term + 1, its own term and vote untouched. */
function preCampaign(node: RaftNode): void {
  becomePreCandidate(node);
  if (tallyVotes(Object.values(node.votes), voterCount(node)).result === 'won') {
    stand(node);
    return;
  }
  askForVotes(node, { term: node.term + 1, pre: true });
}

/** Starts an election (§5.2): vote for itself, then ask every peer for its vote. */
function stand(node: RaftNode, options: { transfer: boolean } = { transfer: false }): void {
  becomeCandidate(node);
  if (tallyVotes(Object.values(node.votes), voterCount(node)).result === 'won') {
    // A single-node cluster elects itself at once.
    winElection(node);
    return;
  }
  askForVotes(node, { term: node.term, pre: false, transfer: options.transfer });
}

/**
 * Leadership transfer (thesis §3.10): the leader said this node's log is up to date and asked it
 * to stand now. It skips PreVote (the leader wants the election) and marks its requests so that
 * voters still in that leader's lease answer them.
 */
export function timeoutNow(node: RaftNode, leader: number): void {
  emit(node, { type: 'timeout-now-received', leader, term: node.term });
  stand(node, { transfer: true });
}

/** Sends every peer a RequestVote for `term` (a pre-vote with `pre`), with this node's last log position. */
function askForVotes(node: RaftNode, request: { term: number; pre: boolean; transfer?: boolean }): void {
  const lastLogIndex = lastIndex(node.log);
  const lastLogTerm = lastTerm(node.log);
  const flags = { ...(request.pre ? { pre: true } : {}), ...(request.transfer === true ? { transfer: true } : {}) };
  for (const peer of node.membership.voters) {
    if (peer === node.id) continue;
    send(node, { type: 'MsgVote', from: node.id, to: peer, term: request.term, lastLogIndex, lastLogTerm, ...flags });
  }
}

function winElection(node: RaftNode): void {
  becomeLeader(node);
  // A lone leader commits its no-op at once (no read can be waiting yet: reads start in office).
  maybeCommit(node);
  // Announce the new term at once, carrying the no-op (§5.2: "sends heartbeat messages to all").
  heartbeat(node);
}

/**
 * Counts an answer to this term's RequestVote (or, for a pre-candidate, to its pre-votes for term
 * + 1): a majority makes the candidate leader, and the pre-candidate a candidate.
 */
export function handleVoteResponse(node: RaftNode, message: MsgVoteResp): void {
  if (node.votes[message.from] !== undefined) return; // a duplicate answer counts once
  if (!node.membership.voters.includes(message.from)) return; // only voters of its configuration count
  const pre = message.pre === true;
  node.votes[message.from] = message.granted;
  const tally = tallyVotes(Object.values(node.votes), voterCount(node));
  const term = pre ? node.term + 1 : node.term;
  emit(node, {
    type: 'vote-received',
    voter: message.from,
    term,
    granted: message.granted,
    grantedCount: tally.granted,
    refusedCount: tally.refused,
    quorum: tally.needed,
    ...(pre ? { pre: true as const } : {}),
  });
  if (tally.result === 'won') {
    if (pre) stand(node);
    else winElection(node);
  } else if (tally.result === 'lost' && !message.granted && tally.refused === tally.needed) {
    // Reported once, on the refusal that settled it. The candidate waits for its timer to start
    // the next election, as the paper describes.
    const refused = Object.entries(node.votes)
      .filter(([, granted]) => !granted)
      .map(([id]) => Number(id));
    emit(node, { type: 'election-lost', term, refused, quorum: tally.needed, ...(pre ? { pre: true as const } : {}) });
  }
}

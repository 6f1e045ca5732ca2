import { assertNever } from '../base/assert.ts';
import { changeConfiguration } from './membership.ts';
import { becomeFollower, setTerm } from './become.ts';
import type { Message, MsgVote, RemoteMessage } from './message.ts';
import type { RaftNode } from './node.ts';
import { send } from './node.ts';
import { campaign, handleVoteResponse, timeoutNow } from './step-candidate.ts';
import { followLeader, grantPreVote, handleAppend, handleSnapshot, handleVote, refuseVote, rejectStaleAppend } from './step-follower.ts';
import { isUpToDate } from './log.ts';
import { handleAppendResponse, handleSnapshotResponse, heartbeat, propose } from './step-leader.ts';
import { startTransfer } from './transfer.ts';
import { justStarted, noteRoundEcho, readIndex } from './read-index.ts';

/**
 * Feeds the node one message: a local one (its timers' MsgHup and MsgBeat, a client's MsgProp or
 * MsgReadIndex, a user's MsgTransferLeader or MsgConfChange) or one that arrived over the network. Every change of state goes through here or through tick().
 */
export function step(node: RaftNode, message: Message): void {
  switch (message.type) {
    case 'MsgHup':
      if (node.role !== 'leader') campaign(node);
      return;
    case 'MsgBeat':
      if (node.role === 'leader') heartbeat(node);
      return;
    case 'MsgProp':
      propose(node, message.commands);
      return;
    case 'MsgTransferLeader':
      startTransfer(node, message.target);
      return;
    case 'MsgReadIndex':
      readIndex(node, message.id);
      return;
    case 'MsgConfChange':
      changeConfiguration(node, message.change);
      return;
    default:
      stepRemote(node, message);
  }
}

/**
 * Layer one, shared by every role: the term rules of Figure 2 and §5.1. A message from a higher
 * term turns the node into a follower of that term before anything else; a message from a lower
 * term is answered (so its sender learns the newer term) or, if it is a response, ignored.
 */
function stepRemote(node: RaftNode, message: RemoteMessage): void {
  // Pre-votes change no term (PreVote, thesis §9.6): they are answered before the term rules.
  if (message.type === 'MsgVote' && message.pre === true) {
    handlePreVote(node, message);
    return;
  }
  if (message.type === 'MsgVoteResp' && message.pre === true && message.term <= node.term + 1) {
    // An answer for the term this node would stand for; a higher term is news, handled below.
    if (node.preCandidate && message.term === node.term + 1) handleVoteResponse(node, message);
    return;
  }
  if (message.type === 'MsgVote' && message.term > node.term && message.transfer !== true && voteHeld(node) !== null) {
    // Leader stickiness (§4.2.3): it heard from a live leader too recently to let this candidate
    // raise its term or take its vote. The request goes unanswered, as in etcd. A candidate of a
    // leadership transfer stands at that leader's request, so it is heard.
    refuseVote(node, message, voteHeld(node)!);
    return;
  }
  if (message.term > node.term) {
    const fromLeader = message.type === 'MsgApp' || message.type === 'MsgSnap' || message.type === 'MsgTimeoutNow';
    setTerm(node, message.term, { cause: 'message', sender: message.from });
    becomeFollower(node, { lead: fromLeader ? message.from : null, reason: 'higher-term' });
  } else if (message.term < node.term) {
    answerStale(node, message);
    return;
  }
  stepCurrentTerm(node, message);
}

/**
 * A pre-vote for `message.term` (the candidate's term plus one): granted, with nothing changed
 * here, when that term is ahead of ours, no live leader is known (with CheckQuorum), and the
 * candidate's log is at least as up to date as ours (§5.4.1). Answered with the pre-vote's own
 * term, so the pre-candidate counts it, or with ours when ours is ahead.
 */
function handlePreVote(node: RaftNode, message: MsgVote): void {
  if (message.term <= node.term) {
    refuseVote(node, message, 'stale-term');
    send(node, { type: 'MsgVoteResp', from: node.id, to: message.from, term: node.term, granted: false, pre: true });
    return;
  }
  const held = voteHeld(node);
  if (held !== null) {
    refuseVote(node, message, held);
    return;
  }
  if (!node.config.unsafeVoteWithoutLogCheck && !isUpToDate(node.log, message)) {
    refuseVote(node, message, 'log-not-up-to-date');
    send(node, { type: 'MsgVoteResp', from: node.id, to: message.from, term: message.term, granted: false, pre: true });
    return;
  }
  grantPreVote(node, message);
  send(node, { type: 'MsgVoteResp', from: node.id, to: message.from, term: message.term, granted: true, pre: true });
}

/**
 * Leader stickiness, on with CheckQuorum or lease reads: the node heard from its leader (or, as
 * leader, checked its quorum) less than the minimum election timeout ago, so no leader could have
 * been elected without it.
 */
function inLeaderLease(node: RaftNode): boolean {
  return (node.config.checkQuorum || node.config.leaseReads) && node.lead !== null && node.electionElapsed < node.config.electionTimeoutTicksMin;
}

/** Why the node grants no vote to any new candidate now, if it does not: stickiness, or lease reads' wait after a start. */
function voteHeld(node: RaftNode): 'leader-known' | 'just-started' | null {
  if (inLeaderLease(node)) return 'leader-known';
  return justStarted(node) ? 'just-started' : null;
}

function answerStale(node: RaftNode, message: RemoteMessage): void {
  switch (message.type) {
    case 'MsgVote':
      refuseVote(node, message, 'stale-term');
      send(node, { type: 'MsgVoteResp', from: node.id, to: message.from, term: node.term, granted: false });
      return;
    case 'MsgApp':
      rejectStaleAppend(node, message);
      return;
    case 'MsgSnap':
      send(node, { type: 'MsgSnapResp', from: node.id, to: message.from, term: node.term, matchIndex: 0 });
      return;
    case 'MsgVoteResp':
    case 'MsgAppResp':
    case 'MsgSnapResp':
      return; // an answer to a request from an older term: nothing to learn from it
    case 'MsgTimeoutNow':
      return; // a deposed leader's transfer: that term's leadership is no longer its to give
    default:
      assertNever(message, 'message');
  }
}

/** CheckQuorum: any answer of this term shows the follower is alive and reachable. */
function markActive(node: RaftNode, follower: number): void {
  const progress = node.progress[follower];
  if (progress !== undefined) progress.recentActive = true;
}

/** Layer two: a message of the node's own term, dispatched by kind and role. */
function stepCurrentTerm(node: RaftNode, message: RemoteMessage): void {
  switch (message.type) {
    case 'MsgVote':
      if (node.role === 'follower') handleVote(node, message);
      else {
        // Leaders and candidates of this term voted for themselves.
        refuseVote(node, message, 'already-voted');
        send(node, { type: 'MsgVoteResp', from: node.id, to: message.from, term: node.term, granted: false });
      }
      return;
    case 'MsgVoteResp':
      if (node.role === 'candidate') handleVoteResponse(node, message);
      return;
    case 'MsgApp':
      // Two leaders in one term cannot happen (Election Safety); a leader ignores such a message
      // and the safety checker reports it.
      if (node.role === 'leader') return;
      followLeader(node, message.from);
      handleAppend(node, message);
      return;
    case 'MsgSnap':
      if (node.role === 'leader') return;
      followLeader(node, message.from);
      handleSnapshot(node, message);
      return;
    case 'MsgAppResp':
      if (node.role !== 'leader') return;
      markActive(node, message.from);
      if (message.read !== undefined) noteRoundEcho(node, message.from, message.read);
      handleAppendResponse(node, message);
      return;
    case 'MsgSnapResp':
      if (node.role !== 'leader') return;
      markActive(node, message.from);
      handleSnapshotResponse(node, message);
      return;
    case 'MsgTimeoutNow':
      // Only a follower of that leader stands; a candidate of this term is already standing.
      if (node.role === 'follower') timeoutNow(node, message.from);
      return;
    default:
      assertNever(message, 'message');
  }
}

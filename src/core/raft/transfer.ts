import { lastIndex } from './log.ts';
import type { RaftNode } from './node.ts';
import { emit, send, transferTimeoutTicks } from './node.ts';
import { sendAppend } from './replicate.ts';
import { forfeitLease } from './read-index.ts';
import type { NodeId } from './types.ts';

/**
 * Leadership transfer (thesis §3.10). The leader stops taking proposals, so the target can catch
 * up with a log that no longer grows; once the target's matchIndex reaches the leader's last
 * index, the leader sends it MsgTimeoutNow and the target stands at once, with a log at least as
 * up to date as anyone's. Should the target not take over within transferTimeoutTicks (it
 * crashed, or is cut off), the leader gives up and takes proposals again.
 */
export function startTransfer(node: RaftNode, target: NodeId): void {
  // Only a voter can be handed the leadership: a learner could not win the election.
  if (node.role !== 'leader' || target === node.id || !node.membership.voters.includes(target)) {
    const reason = node.role !== 'leader' ? 'not-leader' : target === node.id ? 'self' : 'not-a-peer';
    emit(node, { type: 'transfer-refused', target, reason, role: node.role, lead: node.lead });
    return;
  }
  const current = node.transfer;
  if (current !== null) {
    // Asked again for the same target: the transfer under way carries on.
    if (current.target === target) return;
    emit(node, { type: 'transfer-aborted', target: current.target, reason: 'superseded', elapsed: current.elapsed });
  }
  node.transfer = { target, elapsed: 0 };
  const progress = node.progress[target]!;
  emit(node, { type: 'transfer-started', target, targetMatch: progress.matchIndex, lastIndex: lastIndex(node.log) });
  if (progress.matchIndex === lastIndex(node.log)) sendTimeoutNow(node, target);
  // A lagging target gets what it lacks now; its answers bring the next batch (acknowledge).
  else sendAppend(node, target, 'entries');
}

/** After the target acknowledged entries: once it holds the whole log, tell it to stand. */
export function maybeSendTimeoutNow(node: RaftNode, follower: NodeId): void {
  if (node.transfer?.target !== follower) return;
  if (node.progress[follower]!.matchIndex === lastIndex(node.log)) sendTimeoutNow(node, follower);
}

function sendTimeoutNow(node: RaftNode, target: NodeId): void {
  emit(node, { type: 'timeout-now-sent', target, matchIndex: node.progress[target]!.matchIndex });
  // The election it asks for may end this term's leadership before any lease would run out.
  forfeitLease(node);
  send(node, { type: 'MsgTimeoutNow', from: node.id, to: target, term: node.term });
}

/** One tick of a leader's transfer clock; at the limit the transfer is abandoned. */
export function tickTransfer(node: RaftNode, ticks: number): void {
  const transfer = node.transfer;
  if (transfer === null) return;
  transfer.elapsed += ticks;
  if (transfer.elapsed < transferTimeoutTicks(node)) return;
  node.transfer = null;
  emit(node, { type: 'transfer-aborted', target: transfer.target, reason: 'timeout', elapsed: transfer.elapsed });
}

/** Ticks until the transfer clock runs out (Infinity with no transfer under way). */
export function ticksUntilTransferTimeout(node: RaftNode): number {
  return node.transfer === null ? Infinity : transferTimeoutTicks(node) - node.transfer.elapsed;
}

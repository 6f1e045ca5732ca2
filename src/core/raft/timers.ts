import { broken } from '../base/assert.ts';
import type { RaftNode } from './node.ts';
import { emit, resetElectionTimer } from './node.ts';
import { step } from './step.ts';
import { checkQuorum } from './step-leader.ts';
import { tickTransfer, ticksUntilTransferTimeout } from './transfer.ts';

/**
 * A node's sense of time. Time comes in only through tick(), one tick at a time, and timers turn
 * into local messages, so every change of state goes through step(): a follower or candidate
 * whose election timer runs out steps MsgHup; a leader whose heartbeat interval is up steps
 * MsgBeat (etcd's tickElection and tickHeartbeat). A leader also counts CheckQuorum's period and
 * a leadership transfer's time limit.
 *
 * A simulator that wants to jump over idle stretches asks ticksUntilTimer() and then skips fewer
 * ticks than that with skipTicks(): the node is then exactly as if it had been ticked one by one,
 * and the rules for when a timer fires stay in this file alone.
 */
export function tick(node: RaftNode): void {
  node.clock += 1;
  if (node.role === 'leader') {
    if (node.config.checkQuorum) {
      // CheckQuorum: once per election timeout the leader counts who answered it (§6.2).
      node.electionElapsed += 1;
      if (node.electionElapsed >= node.electionTimeout) {
        node.electionElapsed = 0;
        checkQuorum(node);
        if (node.role !== 'leader') return;
      }
    }
    tickTransfer(node, 1);
    node.heartbeatElapsed += 1;
    if (node.heartbeatElapsed >= node.config.heartbeatIntervalTicks) {
      emit(node, { type: 'heartbeat-timeout', elapsed: node.heartbeatElapsed });
      node.heartbeatElapsed = 0;
      step(node, { type: 'MsgBeat' });
    }
    return;
  }
  node.electionElapsed += 1;
  if (node.electionElapsed >= node.electionTimeout) {
    // A learner, or a server not (or no longer) in its configuration, never stands: its timer only starts again.
    if (!node.membership.voters.includes(node.id)) {
      resetElectionTimer(node);
      return;
    }
    emit(node, { type: 'election-timeout', elapsed: node.electionElapsed, timeout: node.electionTimeout });
    step(node, { type: 'MsgHup' });
  }
}

/**
 * How many ticks until the node's next timer fires, counting the tick on which it fires: 1 means
 * the very next tick() fires it. At least 1 between ticks (checkNode asserts the timers never
 * stand at or past their limit).
 */
export function ticksUntilTimer(node: RaftNode): number {
  if (node.role !== 'leader') return node.electionTimeout - node.electionElapsed;
  const beat = Math.min(node.config.heartbeatIntervalTicks - node.heartbeatElapsed, ticksUntilTransferTimeout(node));
  return node.config.checkQuorum ? Math.min(beat, node.electionTimeout - node.electionElapsed) : beat;
}

/** Advances the node `ticks` ticks in which no timer fires: fewer than ticksUntilTimer(node). */
export function skipTicks(node: RaftNode, ticks: number): void {
  if (!(ticks >= 0 && ticks < ticksUntilTimer(node))) throw broken(`node ${node.id}: cannot skip ${ticks} ticks, a timer fires in ${ticksUntilTimer(node)}`);
  node.clock += ticks;
  if (node.role === 'leader') {
    node.heartbeatElapsed += ticks;
    if (node.config.checkQuorum) node.electionElapsed += ticks;
    if (node.transfer !== null) node.transfer.elapsed += ticks;
  } else node.electionElapsed += ticks;
}

/**
 * Sets a follower's or candidate's election timer to fire in `ticks` ticks (at least 1), as a
 * debugger does: the timeout it drew stays when it is long enough (only the elapsed count moves),
 * else the timeout becomes `ticks` from now. The next reset draws a random timeout as always.
 */
export function setElectionTimer(node: RaftNode, ticks: number): void {
  if (node.role === 'leader') throw broken(`node ${node.id}: a leader has no election timer to set`);
  if (!(Number.isInteger(ticks) && ticks >= 1)) throw broken(`node ${node.id}: an election timer fires in at least 1 tick, not ${ticks}`);
  if (ticks <= node.electionTimeout) {
    node.electionElapsed = node.electionTimeout - ticks;
  } else {
    node.electionElapsed = 0;
    node.electionTimeout = ticks;
  }
}

import type { RaftNode } from '../raft/node.ts';
import { setElectionTimer, ticksUntilTimer } from '../raft/timers.ts';
import type { NodeId } from '../raft/types.ts';
import { touch } from './invariants.ts';
import type { SimState } from './world.ts';
import { record } from './world.ts';

/**
 * A debugger's control of election timers (the set-timer, align-timers and spread-timers
 * actions). Each sets some running followers' and candidates' timers and records a timer-set
 * event for each timer it changed; nothing else of a node changes, so the run stays Raft.
 *
 * - set: one node's timer fires in N ticks.
 * - align: the chosen nodes fire together, on the tick the first timer of the cluster would have
 *   fired; every other timer waits at least the minimum election timeout more, so the chosen
 *   nodes stand at once and (as they vote for themselves) split the vote.
 * - spread: the chosen node fires first, on that same tick, and every other timer waits at least
 *   the minimum election timeout more: one candidate, time for its RequestVotes to arrive, a
 *   clean election.
 */
type Cause = 'set' | 'align' | 'spread';

/** The running nodes with an election timer: followers and candidates. */
function timedNodes(sim: SimState): RaftNode[] {
  const nodes: RaftNode[] = [];
  for (const server of sim.servers) if (server.node !== null && server.node.role !== 'leader') nodes.push(server.node);
  return nodes;
}

function setTimer(sim: SimState, node: RaftNode, ticks: number, cause: Cause): void {
  setElectionTimer(node, ticks);
  touch(sim.invariants, node.id);
  record(sim, node.id, { type: 'timer-set', firesIn: ticks, firesAt: sim.tick + ticks, electionTimeout: node.electionTimeout, cause });
}

export function setNodeTimer(sim: SimState, id: NodeId, ticks: number): void {
  setTimer(sim, sim.servers[id - 1]!.node!, ticks, 'set');
}

/** `first` fire together, at the earliest any timer would; the others at least an election timeout later. */
function fireFirst(sim: SimState, first: readonly NodeId[], cause: Cause): void {
  const nodes = timedNodes(sim);
  const soonest = Math.min(...nodes.map(ticksUntilTimer));
  const later = soonest + sim.options.raft.electionTimeoutTicksMin;
  for (const node of nodes) {
    if (first.includes(node.id)) setTimer(sim, node, soonest, cause);
    else if (ticksUntilTimer(node) < later) setTimer(sim, node, later, cause);
  }
}

export function alignTimers(sim: SimState, nodes: readonly NodeId[]): void {
  fireFirst(sim, nodes, 'align');
}

export function spreadTimers(sim: SimState, node: NodeId): void {
  fireFirst(sim, [node], 'spread');
}

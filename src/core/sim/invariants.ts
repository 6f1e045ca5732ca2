import { broken } from '../base/assert.ts';
import type { RaftNode } from '../raft/node.ts';
import { checkNode } from '../raft/node.ts';
import type { NodeId, Tick } from '../raft/types.ts';
import type { InFlight } from './network.ts';

/**
 * The simulation's own assertions, in one place: each node's invariants (raft/node.ts checkNode:
 * log marks, progress, timers, roles) and the network's. They throw: a broken one is a bug in
 * Raftlab, not in the Raft being shown (protocol violations are the checker's, checker.ts).
 *
 * Node checks run once at the end of every tick in which the node changed (it was stepped, its
 * timer fired, or an action touched it), however many steps that took: checkNode, and that a
 * running node never changes its vote within a term (§5.2; across a restart that is the safety
 * checker's One Vote per Term, since a node rebuilt from a bad disk is the Raft being shown at
 * fault, not Raftlab). Network checks run on every delivery: a message is delivered exactly at its
 * tick, after it was sent, and FIFO messages on one link arrive in the order they were sent.
 */
export interface InvariantState {
  /** Nodes changed in the current tick and not yet checked, and a flag per node id for the same. */
  touched: NodeId[];
  isTouched: boolean[];
  /** Per node id: the term and vote (0 for none) it had when last checked in its current life. */
  checkedTerm: number[];
  checkedVote: number[];
  /** lastFifo[from][to]: id of the last FIFO message delivered (or dropped on arrival) on the link. */
  lastFifo: number[][];
}

export function newInvariantState(nodes: number): InvariantState {
  return {
    touched: [],
    isTouched: new Array<boolean>(nodes + 1).fill(false),
    checkedTerm: new Array<number>(nodes + 1).fill(0),
    checkedVote: new Array<number>(nodes + 1).fill(0),
    lastFifo: Array.from({ length: nodes + 1 }, () => new Array<number>(nodes + 1).fill(0)) };
}

export function touch(state: InvariantState, id: NodeId): void {
  if (state.isTouched[id]) return;
  state.isTouched[id] = true;
  state.touched.push(id);
}

/** Checks every node changed since the last call. */
export function checkTouched(state: InvariantState, servers: readonly { readonly node: RaftNode | null }[]): void {
  const touched = state.touched;
  if (touched.length === 0) return;
  while (touched.length > 0) {
    const id = touched.pop()!;
    state.isTouched[id] = false;
    const node = servers[id - 1]!.node;
    if (node === null) continue;
    checkNode(node);
    const vote = node.vote ?? 0;
    if (node.term === state.checkedTerm[id] && state.checkedVote[id] !== 0 && vote !== state.checkedVote[id]) {
      throw broken(`node ${id} changed its vote in term ${node.term} from node ${state.checkedVote[id]} to ${node.vote ?? 'none'}`);
    }
    state.checkedTerm[id] = node.term;
    state.checkedVote[id] = vote;
  }
}

/** A node starts a new life (a restart): what it had before is the disk's business, not ours. */
export function forgetNode(state: InvariantState, id: NodeId): void {
  state.checkedTerm[id] = 0;
  state.checkedVote[id] = 0;
}

/** Checks a message taken off the network at `now`, before it is delivered or dropped. */
export function checkArrival(state: InvariantState, item: InFlight, now: Tick): void {
  if (!(item.deliverTick === now)) throw broken(`message #${item.id} due at tick ${item.deliverTick} taken at ${now}`);
  if (!(item.deliverTick > item.sentTick)) throw broken(`message #${item.id} arrives at ${item.deliverTick}, not after it was sent at ${item.sentTick}`);
  // Lost messages vanish half-way and reordered ones may overtake: only FIFO arrivals keep order.
  if (item.reordered || item.dropReason !== null) return;
  const { from, to } = item.message;
  const row = state.lastFifo[from]!;
  if (!(item.id > row[to]!)) throw broken(`message #${item.id} on link ${from}→${to} arrived after #${row[to]!}, which was sent later`);
  row[to] = item.id;
}

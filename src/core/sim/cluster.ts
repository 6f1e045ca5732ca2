import { streamPrng } from '../base/prng.ts';
import { newNode } from '../raft/node.ts';
import type { Configuration, NodeId } from '../raft/types.ts';
import { newDisk } from './disk.ts';
import { failReadsOnCrash } from './reads.ts';
import { nodeCountMax } from './options.ts';
import type { Server, SimState } from './world.ts';
import { currentLeader, record } from './world.ts';

/**
 * The simulated world growing and shrinking with membership change (raft/membership.ts).
 *
 * Servers keep ids 1..servers.length for the whole run: Add node starts a new machine with the
 * next id (an empty disk, no configuration: it knows nothing until the leader reaches it), and a
 * removed server is retired, not deleted: once its removal is committed and applied somewhere it
 * is shut down for good (node null, removedAt set), and every per-node array keeps its slot.
 * Retiring waits for the end of the tick (or of the action): the removal is applied in the middle
 * of some node's Ready, and the removed node may be the one whose Ready is running.
 */

/** The most servers a run may start over its life, added ones included. */
export const serverCountMax = nodeCountMax;

/** Starts a new, empty server with the next id, reachable from the leader's side of any partition. */
export function addServer(sim: SimState): Server {
  const id = sim.servers.length + 1;
  const rng = streamPrng(sim.options.seed, `node-${id}`);
  const server: Server = { id, node: newNode({ id, voters: [], config: sim.options.raft, rng }), disk: newDisk(), kv: new Map(), rng, crashedAt: null, commitAtCrash: 0, waitingReads: [], removedAt: null };
  sim.servers.push(server);
  const { network, checker, invariants } = sim;
  const leader = currentLeader(sim);
  network.group.push(leader === null ? 0 : network.group[leader]!);
  growSquare(network.cut, false);
  growSquare(network.lastArrival, 0);
  checker.votedTerm.push(0);
  checker.votedFor.push(0);
  checker.lastApplied.push(0);
  invariants.isTouched.push(false);
  invariants.checkedTerm.push(0);
  invariants.checkedVote.push(0);
  growSquare(invariants.lastFifo, 0);
  record(sim, id, { type: 'node-added' });
  return server;
}

/** Adds a row and a column to a per-link matrix indexed [from][to] by node id (row 0 unused). */
function growSquare<T>(matrix: T[][], fill: T): void {
  for (const row of matrix) row.push(fill);
  matrix.push(new Array<T>(matrix.length + 1).fill(fill));
}

/** A committed removal of `id` was applied: the server is retired at the end of this tick. */
export function noteRemovalApplied(sim: SimState, id: NodeId): void {
  const server = sim.servers[id - 1];
  if (server === undefined || server.removedAt !== null || sim.retiring.includes(id)) return;
  sim.retiring.push(id);
}

/** Shuts down the servers whose removal was applied (see noteRemovalApplied). */
export function retireRemoved(sim: SimState): void {
  const retiring = sim.retiring;
  while (retiring.length > 0) {
    const server = sim.servers[retiring.shift()! - 1]!;
    if (server.node !== null) failReadsOnCrash(sim, server);
    server.node = null;
    server.kv = new Map();
    server.removedAt = sim.tick;
    record(sim, server.id, { type: 'node-removed' });
  }
}

/** The servers not retired, by id: the ones the screen shows and actions may name. */
export function presentIds(sim: SimState): NodeId[] {
  const ids: NodeId[] = [];
  for (const server of sim.servers) if (server.removedAt === null) ids.push(server.id);
  return ids;
}

/** The ids a server started with: the run's initial cluster, or none for a server added later. */
export function initialVoters(sim: SimState, id: NodeId): NodeId[] {
  return id > sim.options.nodes ? [] : Array.from({ length: sim.options.nodes }, (_, index) => index + 1);
}

/**
 * The configuration the cluster is in, as an onlooker sees it: the leader's, else the latest one
 * any running node holds (the highest configuration index), else the initial one.
 */
export function clusterConfiguration(sim: SimState): Configuration {
  const leader = currentLeader(sim);
  if (leader !== null) return sim.servers[leader - 1]!.node!.membership;
  let best: (Configuration & { readonly index: number }) | null = null;
  for (const server of sim.servers) {
    const membership = server.node?.membership;
    if (membership !== undefined && membership.voters.length > 0 && (best === null || membership.index > best.index)) best = membership;
  }
  return best ?? { voters: initialVoters(sim, 1), learners: [] };
}

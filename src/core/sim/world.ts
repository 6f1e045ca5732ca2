import type { PrngState } from '../base/prng.ts';
import { streamPrng } from '../base/prng.ts';
import type { RaftNode } from '../raft/node.ts';
import { newNode } from '../raft/node.ts';
import type { NodeId, Tick } from '../raft/types.ts';
import type { CheckerState } from './checker.ts';
import { newChecker, observe, raiseFloor } from './checker.ts';
import type { Disk } from './disk.ts';
import { newDisk } from './disk.ts';
import type { EventLog } from './event-log.ts';
import { appendEvent, appendMessageEvent, newEventLog } from './event-log.ts';
import type { SimEventBody } from './events.ts';
import type { InvariantState } from './invariants.ts';
import { newInvariantState } from './invariants.ts';
import type { KvStore } from './kv.ts';
import type { InFlight, NetworkState } from './network.ts';
import { newNetwork } from './network.ts';
import type { ResolvedOptions, Workload } from './options.ts';
import type { Stats } from './stats.ts';
import type { ClientReads, WaitingRead } from './read-records.ts';
import { newClientReads } from './read-records.ts';
import type { LivenessState } from './liveness-state.ts';
import { newLivenessState, noteLiveness } from './liveness-state.ts';
import { countEvent, newStats } from './stats.ts';

/** Where and why a run with an unsafe switch stopped (halt.ts). */
export interface Halt {
  readonly tick: Tick;
  readonly reason: string;
}

/** One simulated machine: the Raft node (null while crashed), its disk and its state machine. */
export interface Server {
  readonly id: NodeId;
  node: RaftNode | null;
  disk: Disk;
  /** The applied key-value state; volatile, rebuilt from the snapshot and the log on restart. */
  kv: KvStore;
  /** The machine's random stream (election timeouts); it carries on across restarts. */
  rng: PrngState;
  crashedAt: Tick | null;
  /**
   * The node's commitIndex when it last crashed. Only the unsafe keep-commit-on-restart switch
   * reads it: Figure 2 makes commitIndex volatile, so a correct restart starts from the snapshot.
   */
  commitAtCrash: number;
  /** Reads the node confirmed, waiting for its state machine to apply their index (sim/reads.ts). */
  waitingReads: WaitingRead[];
  /** When the server was retired, its removal from the cluster applied (sim/cluster.ts); null while it serves. */
  removedAt: Tick | null;
}

/**
 * The whole simulated world as plain data: nodes, disks, network, checker, statistics and recent
 * events. Nothing in it is a class or a function, so structuredClone gives a checkpoint and two
 * runs with the same seed and actions hold equal states at every tick.
 */
export interface SimState {
  readonly options: ResolvedOptions;
  tick: Tick;
  readonly servers: Server[];
  readonly network: NetworkState;
  readonly checker: CheckerState;
  readonly invariants: InvariantState;
  readonly stats: Stats;
  readonly eventLog: EventLog;
  /** The steady client's settings (changed by the configure-workload action) and its counter. */
  workload: Workload;
  workloadSent: number;
  /** Freeze timers (a debugger's switch): no node's timers move, so nothing times out or beats. */
  timersFrozen: boolean;
  readonly liveness: LivenessState;
  /** Set when a run with an unsafe switch went off the rails (halt.ts); nothing happens after it. */
  halted: Halt | null;
  /** The client's gets under way and the last few answered (sim/reads.ts). */
  readonly clientReads: ClientReads;
  /** Servers whose removal was applied this tick, retired at its end (sim/cluster.ts). */
  readonly retiring: NodeId[];
}

export function newSimState(options: ResolvedOptions): SimState {
  const ids = Array.from({ length: options.nodes }, (_, index) => index + 1);
  const servers = ids.map((id): Server => {
    const rng = streamPrng(options.seed, `node-${id}`);
    const node = newNode({ id, voters: ids, config: options.raft, rng });
    return { id, node, disk: newDisk(), kv: new Map(), rng, crashedAt: null, commitAtCrash: 0, waitingReads: [], removedAt: null };
  });
  return {
    options,
    tick: 0,
    servers,
    network: newNetwork({ nodes: options.nodes, config: options.network, rng: streamPrng(options.seed, 'network') }),
    checker: newChecker(options.nodes),
    invariants: newInvariantState(options.nodes),
    stats: newStats(),
    eventLog: newEventLog(options.eventLimit),
    workload: options.workload,
    workloadSent: 0,
    timersFrozen: false,
    liveness: newLivenessState(options.livenessWatchTicks),
    halted: null,
    clientReads: newClientReads(),
    retiring: [],
  };
}

export function serverOf(sim: SimState, id: NodeId): Server {
  const server = sim.servers[id - 1];
  if (server === undefined) throw new Error(`no node ${id}`);
  return server;
}

/** Records an event: feeds it to the statistics and the safety checker, then keeps it in the log. */
export function record(sim: SimState, node: NodeId | null, body: SimEventBody): void {
  countEvent(sim.stats, body);
  noteLiveness(sim.liveness, body, sim.tick, node);
  if (node !== null) observe(sim.checker, body, sim.tick, node, sim.servers[node - 1]?.node ?? null);
  appendEvent(sim.eventLog, body, sim.tick, node);
}

/**
 * Records a message event (a kind from event-log.ts) without building its body: the statistics and
 * the checker learn nothing from message events, and the log reads them off the in-flight record.
 */
export function recordMessage(sim: SimState, kind: number, item: InFlight, node: NodeId): void {
  appendMessageEvent(sim.eventLog, kind, item, sim.tick, node);
}

/** The live node that believes it leads in the highest term, if any. */
export function currentLeader(sim: SimState): NodeId | null {
  let best: RaftNode | null = null;
  for (const server of sim.servers) {
    const node = server.node;
    if (node !== null && node.role === 'leader' && (best === null || node.term > best.term)) best = node;
  }
  return best?.id ?? null;
}

/** How many committed indexes the safety checker remembers below the highest commit, at least. */
export const checkerRetainedIndexes = 1_024;

/** Raises the checker's floor to the lowest snapshot any disk holds (called after compactions). */
export function pruneChecker(sim: SimState): void {
  let floor = Infinity;
  for (const server of sim.servers) floor = Math.min(floor, server.disk.snapshot.index);
  // A node down for long would pin the floor and let the indexes grow without bound (and every
  // checkpoint with them): keep at most checkerRetainedIndexes below the highest commit. Entries
  // older than that are still checked for apply order, no longer against the registry.
  floor = Math.max(floor, sim.checker.highestCommittedIndex - checkerRetainedIndexes);
  if (floor !== Infinity) raiseFloor(sim.checker, floor);
}

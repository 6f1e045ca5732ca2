import type { SimEventBody } from '../events.ts';
import type { RaftNode } from '../raft/node.ts';
import { checkNode, newNode } from '../raft/node.ts';
import type { Command, NodeId, Tick } from '../raft/types.ts';
import { tick as tickNode, step } from '../raft/step.ts';
import type { ProposeResult } from '../raft/step-leader.ts';
import { propose as proposeOnNode } from '../raft/step-leader.ts';
import type { CheckerState } from './checker.ts';
import { newChecker, observe, raiseFloor } from './checker.ts';
import type { Disk } from './disk.ts';
import { newDisk } from './disk.ts';
import type { EventLog } from './event-log.ts';
import { appendEvent, newEventLog } from './event-log.ts';
import type { KvStore } from './kv.ts';
import { kvFromSnapshot } from './kv.ts';
import type { NetworkState } from './network.ts';
import { arrivalBlocked, newNetwork, takeDue } from './network.ts';
import type { ResolvedOptions, Workload } from './options.ts';
import type { PrngState } from '../prng.ts';
import { streamPrng } from '../prng.ts';
import { drainReady } from './ready.ts';
import type { Stats } from './stats.ts';
import { newStats } from './stats.ts';

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
  readonly stats: Stats;
  readonly eventLog: EventLog;
  /** The steady client's settings (changed by the configure-workload action) and its counter. */
  workload: Workload;
  workloadSent: number;
}

export function newSimState(options: ResolvedOptions): SimState {
  const ids = Array.from({ length: options.nodes }, (_, index) => index + 1);
  const servers = ids.map((id): Server => {
    const rng = streamPrng(options.seed, `node-${id}`);
    const node = newNode({ id, peers: ids.filter((other) => other !== id), config: options.raft, rng });
    return { id, node, disk: newDisk(), kv: new Map(), rng, crashedAt: null };
  });
  return {
    options,
    tick: 0,
    servers,
    network: newNetwork({ nodes: options.nodes, config: options.network, rng: streamPrng(options.seed, 'network') }),
    checker: newChecker(options.nodes),
    stats: newStats(),
    eventLog: newEventLog(options.eventLimit),
    workload: options.workload,
    workloadSent: 0,
  };
}

export function serverOf(sim: SimState, id: NodeId): Server {
  const server = sim.servers[id - 1];
  if (server === undefined) throw new Error(`no node ${id}`);
  return server;
}

/** Records an event, feeds it to the safety checker and the statistics. */
export function record(sim: SimState, node: NodeId | null, body: SimEventBody): void {
  countEvent(sim.stats, body);
  if (node !== null) observe(sim.checker, body, { tick: sim.tick, id: node, node: sim.servers[node - 1]?.node ?? null });
  appendEvent(sim.eventLog, body, sim.tick, node);
}

function countEvent(stats: Stats, event: SimEventBody): void {
  switch (event.type) {
    case 'became-candidate':
      stats.elections += 1;
      return;
    case 'became-leader':
      stats.leadersElected += 1;
      return;
    case 'commit-advanced':
      stats.entriesCommitted = Math.max(stats.entriesCommitted, event.to);
      return;
    case 'proposal-accepted':
      stats.proposalsAccepted += 1;
      return;
    case 'proposal-refused':
      stats.proposalsRefused += 1;
      return;
    case 'snapshot-taken':
      stats.snapshotsTaken += 1;
      return;
    case 'snapshot-installed':
      stats.snapshotsInstalled += 1;
      return;
    default:
      return;
  }
}

/** Advances the world by one tick: deliver what is due, then run every live node's timers. */
export function tickCluster(sim: SimState): void {
  sim.tick += 1;
  for (let item = takeDue(sim.network, sim.tick); item !== undefined; item = takeDue(sim.network, sim.tick)) {
    const { message } = item;
    const receiver = sim.servers[message.to - 1]!;
    const blocked = arrivalBlocked(sim.network, item) ?? (receiver.node === null ? 'receiver-crashed' : null);
    if (blocked !== null || receiver.node === null) {
      sim.stats.dropped[message.type] += 1;
      record(sim, message.to, { type: 'message-dropped', id: item.id, message, sentTick: item.sentTick, reason: blocked ?? 'receiver-crashed' });
      continue;
    }
    sim.stats.delivered[message.type] += 1;
    record(sim, message.to, { type: 'message-delivered', id: item.id, message, sentTick: item.sentTick });
    step(receiver.node, message);
    afterStep(sim, receiver);
  }
  for (const server of sim.servers) {
    const node = server.node;
    if (node === null) continue;
    tickNode(node);
    // Most ticks only move a timer: skip the Ready cycle when the node has nothing to hand over.
    if (node.events.length > 0 || node.outbox.length > 0) afterStep(sim, server);
  }
  const every = sim.workload.proposeEveryTicks;
  if (every > 0 && sim.tick % every === 0) runWorkload(sim);
}

function runWorkload(sim: SimState): void {
  const leader = currentLeader(sim);
  if (leader === null) return;
  const count = sim.workloadSent++;
  propose(sim, leader, [{ type: 'put', key: `key${count % sim.workload.keys}`, value: `v${count}` }]);
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

/**
 * Advances the world by `ticks`. Ticks in which no message arrives and no timer fires change
 * nothing but the timers' counters, so they are skipped in one step: the result is identical to
 * ticking one by one (the determinism tests compare both), only faster.
 */
export function advanceCluster(sim: SimState, ticks: number): void {
  let remaining = ticks;
  while (remaining > 0) {
    const idle = Math.min(remaining - 1, quietTicks(sim));
    if (idle > 0) {
      sim.tick += idle;
      for (const server of sim.servers) {
        const node = server.node;
        if (node === null) continue;
        if (node.role === 'leader') node.heartbeatElapsed += idle;
        else node.electionElapsed += idle;
      }
      remaining -= idle;
    }
    tickCluster(sim);
    remaining -= 1;
  }
}

/** How many upcoming ticks are certain to pass with no delivery and no timer firing. */
function quietTicks(sim: SimState): number {
  const head = sim.network.inFlight[0];
  let quiet = head === undefined ? Number.MAX_SAFE_INTEGER : head.deliverTick - sim.tick - 1;
  const every = sim.workload.proposeEveryTicks;
  if (every > 0) quiet = Math.min(quiet, every - (sim.tick % every) - 1);
  // Under load a message is due almost every tick: no need to look at the timers then.
  if (quiet <= 0) return 0;
  for (const server of sim.servers) {
    const node = server.node;
    if (node === null) continue;
    const left = node.role === 'leader' ? node.config.heartbeatIntervalTicks - node.heartbeatElapsed : node.electionTimeout - node.electionElapsed;
    // The timer fires on the tick its counter reaches the limit, so `left - 1` ticks are quiet.
    if (left - 1 < quiet) quiet = left - 1;
  }
  return Math.max(0, quiet);
}

/** Runs the Ready cycle for a node that was just stepped, then its invariants. */
export function afterStep(sim: SimState, server: Server): void {
  const node = server.node!;
  drainReady(sim, server, node);
  if (sim.options.checkNodeInvariants) checkNode(node);
}

export function crash(sim: SimState, id: NodeId): void {
  const server = serverOf(sim, id);
  server.node = null;
  server.kv = new Map();
  server.crashedAt = sim.tick;
  sim.stats.crashes += 1;
  record(sim, id, { type: 'node-crashed' });
}

/** Rebuilds a crashed node from its disk alone: follower, commit and apply back at the snapshot. */
export function restart(sim: SimState, id: NodeId): void {
  const server = serverOf(sim, id);
  const { disk } = server;
  const peers = sim.servers.map((other) => other.id).filter((other) => other !== id);
  server.node = newNode({ id, peers, config: sim.options.raft, rng: server.rng, disk });
  server.kv = kvFromSnapshot(disk.snapshot);
  server.crashedAt = null;
  sim.stats.restarts += 1;
  record(sim, id, {
    type: 'node-restarted',
    term: disk.term,
    vote: disk.vote,
    snapshotIndex: disk.snapshot.index,
    lastIndex: disk.snapshot.index + disk.entries.length,
  });
}

export function propose(sim: SimState, id: NodeId, commands: readonly Command[]): ProposeResult {
  const server = serverOf(sim, id);
  const result = proposeOnNode(server.node!, commands);
  afterStep(sim, server);
  return result;
}

/** Makes a node start an election now, as if its election timer had fired. */
export function campaign(sim: SimState, id: NodeId): void {
  const server = serverOf(sim, id);
  step(server.node!, { type: 'MsgHup' });
  afterStep(sim, server);
}

/** Raises the checker's floor to the lowest snapshot any disk holds (called after compactions). */
export function pruneChecker(sim: SimState): void {
  let floor = Infinity;
  for (const server of sim.servers) floor = Math.min(floor, server.disk.snapshot.index);
  // A node down for long would pin the floor and let the indexes grow without bound (and every
  // checkpoint with them): keep at most checkerRetainedIndexes below the highest commit. Entries
  // older than that are still checked for apply order, no longer against the registry.
  floor = Math.max(floor, sim.checker.highestCommitted.index - checkerRetainedIndexes);
  if (floor !== Infinity) raiseFloor(sim.checker, floor);
}

/** How many committed indexes the safety checker remembers below the highest commit, at least. */
export const checkerRetainedIndexes = 1_024;

import type { RaftNode } from '../raft/node.ts';
import type { Tick } from '../raft/types.ts';
import { skipTicks, tick as tickNode, ticksUntilTimer } from '../raft/timers.ts';
import { dropKind, messageDelivered } from './event-log.ts';
import { checkArrival, checkTouched } from './invariants.ts';
import type { RemoteMessage } from '../raft/message.ts';
import type { NodeId } from '../raft/types.ts';
import type { DropReason } from './events.ts';
import { arrivalBlocked, nextDeliveryTick, takeDue } from './network.ts';
import { afterChange, propose, stepServer } from './servers.ts';
import { retireRemoved } from './cluster.ts';
import { guarded } from './halt.ts';
import { checkStalls, refreshLiveness } from './liveness.ts';
import type { SimState } from './world.ts';
import { currentLeader, recordMessage } from './world.ts';

/**
 * Simulated time, event by event.
 *
 * What one tick means: deliver every message due now (in (deliverTick, id) order), then tick every
 * live node's timers in id order, then send the steady client's put if one is due.
 *
 * How it runs: most ticks change nothing but timer counters, so time jumps from one busy tick to
 * the next (a delivery, a timer firing, a client put). Each node asks its own timers how long
 * until they fire (raft/timers.ts) and lags behind the world's clock until something is due for
 * it; it is caught up (skipTicks) right before it is stepped or its timer fires, and every node is
 * caught up before advanceWorld returns. The result is identical to ticking every node one tick at
 * a time (the determinism tests compare both), only faster: the work is proportional to what
 * happens, not to the number of ticks or nodes.
 */
interface Clock {
  /** Per node id: the tick its timers have run through. */
  readonly at: Tick[];
  /** Per node id: the tick its next timer fires (never, for a crashed node, or while timers are frozen). */
  readonly due: Tick[];
  /** Freeze timers: time passes, but no node's timers move. */
  readonly frozen: boolean;
}

const never = Number.MAX_SAFE_INTEGER;

export function advanceWorld(sim: SimState, ticks: number): void {
  const target = sim.tick + ticks;
  if (target === sim.tick) return;
  if (sim.halted === null) guarded(sim, () => runUntil(sim, target));
  // A halted run's time still passes; nothing happens in it.
  sim.tick = target;
}

function runUntil(sim: SimState, target: Tick): void {
  const clock = startClock(sim);
  const liveness = sim.liveness;
  if (liveness.dirty) refreshLiveness(sim);
  while (sim.tick < target) {
    const busy = Math.min(target, nextBusy(sim, clock));
    // Nothing changed from the last busy tick until this one: stalls that ripened meanwhile are due.
    checkStalls(sim, busy - 1);
    sim.tick = busy;
    runTick(sim, clock);
    if (liveness.dirty) refreshLiveness(sim);
  }
  checkStalls(sim, sim.tick);
  for (const server of sim.servers) if (server.node !== null) catchUp(clock, server.node, sim.tick);
}

/** The next tick at which something is due: a delivery, a timer firing, or a client put. */
export function nextBusyTick(sim: SimState): Tick {
  return nextBusy(sim, startClock(sim));
}

/**
 * What will happen first at the next tick where anything happens, in the order a tick runs
 * things: the first message due (delivered, or lost on arrival and why), else the first node
 * whose timer fires (an election timeout, or a leader's heartbeat), else the steady client's put.
 * The client's ticks while there is no leader are skipped: it sends nothing then, and nothing
 * else changes until a message or a timer is due. Null when nothing will ever happen (no message
 * in flight, no timer running).
 */
export type NextEvent =
  | { readonly kind: 'delivery'; readonly tick: Tick; readonly id: number; readonly message: RemoteMessage; readonly lost: DropReason | null }
  | { readonly kind: 'election-timeout' | 'heartbeat'; readonly tick: Tick; readonly node: NodeId }
  | { readonly kind: 'client-put'; readonly tick: Tick };

export function nextEvent(sim: SimState): NextEvent | null {
  const clock = startClock(sim);
  let tick = nextDeliveryTick(sim.network);
  for (let id = 1; id < clock.due.length; id += 1) if (clock.due[id]! < tick) tick = clock.due[id]!;
  const every = sim.workload.proposeEveryTicks;
  if (every > 0 && currentLeader(sim) !== null) tick = Math.min(tick, sim.tick + every - (sim.tick % every));
  if (!Number.isFinite(tick) || tick >= never) return null;
  const item = sim.network.inFlight[sim.network.head];
  if (item !== undefined && item !== null && item.deliverTick === tick) {
    const receiver = sim.servers[item.message.to - 1]!.node;
    return { kind: 'delivery', tick, id: item.id, message: item.message, lost: arrivalBlocked(sim.network, item) ?? (receiver === null ? 'receiver-crashed' : null) };
  }
  for (let id = 1; id < clock.due.length; id += 1) {
    if (clock.due[id] !== tick) continue;
    return { kind: sim.servers[id - 1]!.node!.role === 'leader' ? 'heartbeat' : 'election-timeout', tick, node: id };
  }
  return { kind: 'client-put', tick };
}

function startClock(sim: SimState): Clock {
  const at: Tick[] = [0];
  const due: Tick[] = [never];
  const frozen = sim.timersFrozen;
  for (const server of sim.servers) {
    at.push(sim.tick);
    due.push(server.node === null || frozen ? never : sim.tick + ticksUntilTimer(server.node));
  }
  return { at, due, frozen };
}

/** When the node's next timer fires from `tick` on (never while timers are frozen). */
function dueFrom(clock: Clock, node: RaftNode, tick: Tick): Tick {
  return clock.frozen ? never : tick + ticksUntilTimer(node);
}

function nextBusy(sim: SimState, clock: Clock): Tick {
  let busy = nextDeliveryTick(sim.network);
  const every = sim.workload.proposeEveryTicks;
  if (every > 0) busy = Math.min(busy, sim.tick + every - (sim.tick % every));
  const due = clock.due;
  for (let id = 1; id < due.length; id += 1) if (due[id]! < busy) busy = due[id]!;
  return busy;
}

/** Runs the node's timers up to `tick`; nothing fires on the way (the clock knows when they do). */
function catchUp(clock: Clock, node: RaftNode, tick: Tick): void {
  const behind = tick - clock.at[node.id]!;
  if (behind > 0 && !clock.frozen) skipTicks(node, behind);
  clock.at[node.id] = tick;
}

/** Runs the tick sim.tick: everything due now. */
function runTick(sim: SimState, clock: Clock): void {
  const now = sim.tick;
  deliverDue(sim, clock, now);
  const servers = sim.servers;
  for (let id = 1; id <= servers.length; id += 1) {
    if (clock.due[id] !== now) continue;
    const server = servers[id - 1]!;
    const node = server.node!;
    catchUp(clock, node, now - 1);
    tickNode(node);
    clock.at[id] = now;
    afterChange(sim, server);
    clock.due[id] = server.node === null ? never : dueFrom(clock, node, now);
  }
  const every = sim.workload.proposeEveryTicks;
  if (every > 0 && now % every === 0) runWorkload(sim, clock, now);
  if (sim.retiring.length > 0) retireFrom(sim, clock);
  if (sim.options.checkNodeInvariants) checkTouched(sim.invariants, servers);
}

/** Retires the servers whose removal was applied this tick; their timers stop. */
function retireFrom(sim: SimState, clock: Clock): void {
  const ids = sim.retiring.slice();
  retireRemoved(sim);
  for (const id of ids) clock.due[id] = never;
}

function deliverDue(sim: SimState, clock: Clock, now: Tick): void {
  const network = sim.network;
  const check = sim.options.checkNodeInvariants;
  for (let item = takeDue(network, now); item !== undefined; item = takeDue(network, now)) {
    if (check) checkArrival(sim.invariants, item, now);
    const { message } = item;
    const receiver = sim.servers[message.to - 1]!;
    const node = receiver.node;
    const blocked = arrivalBlocked(network, item) ?? (node === null ? 'receiver-crashed' : null);
    if (blocked !== null || node === null) {
      sim.stats.dropped[message.type] += 1;
      recordMessage(sim, dropKind(blocked ?? 'receiver-crashed'), item, message.to);
      continue;
    }
    sim.stats.delivered[message.type] += 1;
    recordMessage(sim, messageDelivered, item, message.to);
    // Messages arrive before this tick's timers run: the node has run through the tick before.
    catchUp(clock, node, now - 1);
    stepServer(sim, receiver, message);
    clock.due[node.id] = dueFrom(clock, node, now - 1);
  }
}

function runWorkload(sim: SimState, clock: Clock, now: Tick): void {
  const leader = currentLeader(sim);
  if (leader === null) return;
  const node = sim.servers[leader - 1]!.node!;
  catchUp(clock, node, now);
  const count = sim.workloadSent++;
  propose(sim, leader, [{ type: 'put', key: `key${count % sim.workload.keys}`, value: `v${count}` }]);
  clock.due[leader] = dueFrom(clock, node, now);
}

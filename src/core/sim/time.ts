import type { Tick } from '../raft/types.ts';
import { skipTicks, tick as tickNode, ticksUntilTimer } from '../raft/timers.ts';
import { checkArrival, checkTouched } from './invariants.ts';
import { arrivalBlocked, nextDeliveryTick, takeDue } from './network.ts';
import { afterChange, propose, stepServer } from './servers.ts';
import type { SimState } from './world.ts';
import { currentLeader, record } from './world.ts';

/**
 * Simulated time, event by event. One tick: deliver every message due now (in (deliverTick, id)
 * order), then tick every live node's timers in id order, then the steady client's put if one is
 * due. Ticks in which nothing is due (no delivery, no timer firing, no client put) change nothing
 * but the timers' counters, so advanceWorld jumps over them: it asks each node how long until its
 * timer fires (raft/timers.ts), skips that many quiet ticks, and runs the next busy one. The
 * result is identical to ticking one by one (the determinism tests compare both), only faster.
 */
export function advanceWorld(sim: SimState, ticks: number): void {
  const target = sim.tick + ticks;
  while (sim.tick < target) {
    const busy = Math.min(target, nextBusyTick(sim));
    if (busy - 1 > sim.tick) skipQuietTicks(sim, busy - 1 - sim.tick);
    tickWorld(sim);
  }
}

/** Runs exactly one tick. */
export function tickWorld(sim: SimState): void {
  sim.tick += 1;
  const now = sim.tick;
  const network = sim.network;
  const check = sim.options.checkNodeInvariants;
  for (let item = takeDue(network, now); item !== undefined; item = takeDue(network, now)) {
    if (check) checkArrival(sim.invariants, item, now);
    const { message } = item;
    const receiver = sim.servers[message.to - 1]!;
    const blocked = arrivalBlocked(network, item) ?? (receiver.node === null ? 'receiver-crashed' : null);
    if (blocked !== null) {
      sim.stats.dropped[message.type] += 1;
      record(sim, message.to, { type: 'message-dropped', id: item.id, message, sentTick: item.sentTick, reason: blocked });
      continue;
    }
    sim.stats.delivered[message.type] += 1;
    record(sim, message.to, { type: 'message-delivered', id: item.id, message, sentTick: item.sentTick });
    stepServer(sim, receiver, message);
  }
  const servers = sim.servers;
  for (let i = 0; i < servers.length; i += 1) {
    const server = servers[i]!;
    const node = server.node;
    if (node === null) continue;
    const fires = ticksUntilTimer(node) === 1;
    tickNode(node);
    if (fires) afterChange(sim, server);
  }
  const every = sim.workload.proposeEveryTicks;
  if (every > 0 && now % every === 0) runWorkload(sim);
  if (check) checkTouched(sim.invariants, servers);
}

/** The next tick at which something is due: a delivery, a timer firing, or a client put. */
export function nextBusyTick(sim: SimState): Tick {
  let busy = nextDeliveryTick(sim.network);
  const every = sim.workload.proposeEveryTicks;
  if (every > 0) busy = Math.min(busy, sim.tick + every - (sim.tick % every));
  const servers = sim.servers;
  for (let i = 0; i < servers.length; i += 1) {
    const node = servers[i]!.node;
    if (node !== null) busy = Math.min(busy, sim.tick + ticksUntilTimer(node));
  }
  return busy;
}

/** Moves time on by `ticks` ticks in which nothing is due (fewer than nextBusyTick - tick). */
function skipQuietTicks(sim: SimState, ticks: number): void {
  sim.tick += ticks;
  const servers = sim.servers;
  for (let i = 0; i < servers.length; i += 1) {
    const node = servers[i]!.node;
    if (node !== null) skipTicks(node, ticks);
  }
}

function runWorkload(sim: SimState): void {
  const leader = currentLeader(sim);
  if (leader === null) return;
  const count = sim.workloadSent++;
  propose(sim, leader, [{ type: 'put', key: `key${count % sim.workload.keys}`, value: `v${count}` }]);
}

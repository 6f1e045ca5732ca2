import { messageDelivered, messageDuplicated, dropKind } from './event-log.ts';
import type { InFlight } from './network.ts';
import { arrivalBlocked, copyInFlight, findInFlight, removeInFlight, requeue } from './network.ts';
import { stepServer } from './servers.ts';
import type { SimState } from './world.ts';
import { record, recordMessage } from './world.ts';

/**
 * A debugger's hands on one message in flight (the drop-message, duplicate-message,
 * delay-message and deliver-message actions). Each is a fault or a timing a real network could
 * produce, so the run stays Raft: a message lost, delivered twice, late, or early (but never
 * before the tick after it was sent). The statistics and the event log say what happened, as
 * they do for the network's own faults.
 */

/** Drops the message now: it never arrives. */
export function dropMessage(sim: SimState, id: number): void {
  const item = removeInFlight(sim.network, id)!;
  sim.stats.dropped[item.message.type] += 1;
  recordMessage(sim, dropKind('by-hand'), item, item.message.to);
}

/** Sends a copy of the message, arriving one tick after it. */
export function duplicateMessage(sim: SimState, id: number): InFlight {
  const original = findInFlight(sim.network, id)!;
  const copy = copyInFlight(sim.network, original);
  sim.stats.duplicated[original.message.type] += 1;
  recordMessage(sim, messageDuplicated, copy, original.message.from);
  return copy;
}

/** Holds the message back `by` ticks more. */
export function delayMessage(sim: SimState, id: number, by: number): void {
  const item = removeInFlight(sim.network, id)!;
  const moved = requeue(sim.network, item, item.deliverTick + by);
  record(sim, item.message.from, { type: 'message-delayed', id, message: item.message, by, deliverTick: moved.deliverTick });
}

/**
 * Delivers the message now, at the current tick, as if its latency had ended: the receiver
 * steps it at once (or it is lost, if a partition, a cut link or a crash stands in its way).
 */
export function deliverMessage(sim: SimState, id: number): void {
  const taken = removeInFlight(sim.network, id)!;
  const item: InFlight = { ...taken, deliverTick: sim.tick, reordered: true };
  const receiver = sim.servers[item.message.to - 1]!;
  // A partition or a cut link standing now still loses it, as it would on arrival.
  const blocked = arrivalBlocked(sim.network, item) ?? (receiver.node === null ? 'receiver-crashed' : null);
  if (blocked !== null || receiver.node === null) {
    sim.stats.dropped[item.message.type] += 1;
    recordMessage(sim, dropKind(blocked ?? 'receiver-crashed'), item, item.message.to);
    return;
  }
  sim.stats.delivered[item.message.type] += 1;
  recordMessage(sim, messageDelivered, item, item.message.to);
  stepServer(sim, receiver, item.message);
}

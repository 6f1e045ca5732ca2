import type { SimEvent, SimEventBody } from './events.ts';
import { topicOf } from './events.ts';
import type { NodeId, Tick } from '../raft/types.ts';

/**
 * The recent events of a run, oldest first, bounded by `limit`: a ring of event bodies with
 * parallel rings of tick and node. SimEvent records are built only when read: the simulation
 * records millions of events per second and most are never looked at. Sequence numbers are
 * consecutive, so finding the events after a given one is an index computation.
 */
export interface EventLog {
  bodies: (SimEventBody | null)[];
  ticks: Tick[];
  nodes: (NodeId | null)[];
  /** How many events the ring holds (at most limit). */
  size: number;
  limit: number;
  /** Sequence number the next event gets; sequence numbers never repeat within a run. */
  nextSeq: number;
}

export function newEventLog(limit: number): EventLog {
  return { bodies: [], ticks: [], nodes: [], size: 0, limit, nextSeq: 1 };
}

/** Ring slot of the event with sequence number `seq`. */
function slot(log: EventLog, seq: number): number {
  return (seq - 1) % log.limit;
}

export function appendEvent(log: EventLog, body: SimEventBody, tick: Tick, node: NodeId | null): number {
  const seq = log.nextSeq++;
  if (log.limit === 0) return seq;
  const at = slot(log, seq);
  // The arrays grow to `limit` once, then slots are overwritten in place.
  log.bodies[at] = body;
  log.ticks[at] = tick;
  log.nodes[at] = node;
  if (log.size < log.limit) log.size += 1;
  return seq;
}

function materialise(log: EventLog, seq: number): SimEvent {
  const at = slot(log, seq);
  const body = log.bodies[at]!;
  return { ...body, seq, tick: log.ticks[at]!, node: log.nodes[at]!, topic: topicOf[body.type] };
}

/** Sequence number of the oldest event still held. */
export function oldestSeq(log: EventLog): number {
  return log.nextSeq - log.size;
}

/** Events with seq greater than `seq` that are still held, oldest first. */
export function eventsAfter(log: EventLog, seq: number): SimEvent[] {
  const events: SimEvent[] = [];
  for (let next = Math.max(seq + 1, oldestSeq(log)); next < log.nextSeq; next += 1) events.push(materialise(log, next));
  return events;
}

/** The retained events, at most `limit` of them. */
export function retained(log: EventLog): SimEvent[] {
  return eventsAfter(log, 0);
}

/** An empty log that carries on the same sequence numbers (for checkpoints without events). */
export function emptiedEventLog(log: EventLog): EventLog {
  return { bodies: [], ticks: [], nodes: [], size: 0, limit: log.limit, nextSeq: log.nextSeq };
}

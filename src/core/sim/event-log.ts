import type { SimEvent, SimEventBody } from '../events.ts';
import { topicOf } from '../events.ts';
import type { NodeId, Tick } from '../raft/types.ts';

/**
 * The recent events of a run, oldest first, bounded by `limit`. Events are kept as their bodies
 * plus parallel arrays of tick and node, and turned into SimEvent records only when read: the
 * simulation records millions of events per second and most are never looked at. Sequence
 * numbers are consecutive, so finding the events after a given one is an index computation.
 */
export interface EventLog {
  bodies: SimEventBody[];
  ticks: Tick[];
  nodes: (NodeId | null)[];
  /** Sequence number of bodies[0]. */
  firstSeq: number;
  limit: number;
  /** Sequence number the next event gets; sequence numbers never repeat within a run. */
  nextSeq: number;
}

export function newEventLog(limit: number): EventLog {
  return { bodies: [], ticks: [], nodes: [], firstSeq: 1, limit, nextSeq: 1 };
}

export function appendEvent(log: EventLog, body: SimEventBody, tick: Tick, node: NodeId | null): number {
  const seq = log.nextSeq++;
  if (log.limit === 0) {
    log.firstSeq = log.nextSeq;
    return seq;
  }
  log.bodies.push(body);
  log.ticks.push(tick);
  log.nodes.push(node);
  // Trim in one go once past twice the limit, keeping appends amortised O(1).
  if (log.bodies.length > Math.max(2 * log.limit, 64)) trim(log, log.limit);
  return seq;
}

function trim(log: EventLog, keep: number): void {
  const drop = log.bodies.length - keep;
  if (drop <= 0) return;
  log.bodies.splice(0, drop);
  log.ticks.splice(0, drop);
  log.nodes.splice(0, drop);
  log.firstSeq += drop;
}

function materialise(log: EventLog, index: number): SimEvent {
  const body = log.bodies[index]!;
  return { ...body, seq: log.firstSeq + index, tick: log.ticks[index]!, node: log.nodes[index]!, topic: topicOf[body.type] };
}

/** Events with seq greater than `seq` (at most the last `limit`), oldest first. */
export function eventsAfter(log: EventLog, seq: number): SimEvent[] {
  const start = Math.max(seq + 1 - log.firstSeq, log.bodies.length - log.limit, 0);
  const events: SimEvent[] = [];
  for (let index = start; index < log.bodies.length; index += 1) events.push(materialise(log, index));
  return events;
}

/** The retained events, at most `limit` of them. */
export function retained(log: EventLog): SimEvent[] {
  return eventsAfter(log, 0);
}

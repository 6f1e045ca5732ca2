import type { SimEvent } from '../events.ts';

/**
 * The recent events of a run, oldest first, bounded: once `limit` is passed the oldest half is
 * dropped in one go, so appending stays amortised O(1).
 */
export interface EventLog {
  events: SimEvent[];
  limit: number;
  /** Sequence number the next event gets; sequence numbers never repeat within a run. */
  nextSeq: number;
}

export function newEventLog(limit: number): EventLog {
  return { events: [], limit, nextSeq: 1 };
}

export function appendEvent(log: EventLog, event: SimEvent): void {
  if (log.limit === 0) return;
  log.events.push(event);
  if (log.events.length > log.limit * 2 || (log.limit < 64 && log.events.length > log.limit)) {
    log.events.splice(0, log.events.length - log.limit);
  }
}

/** Events with seq greater than `seq`, oldest first. */
export function eventsAfter(log: EventLog, seq: number): SimEvent[] {
  const events = log.events;
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (events[middle]!.seq <= seq) low = middle + 1;
    else high = middle;
  }
  return events.slice(low);
}

/** The retained events, at most `limit` of them. */
export function retained(log: EventLog): SimEvent[] {
  return log.events.length > log.limit ? log.events.slice(log.events.length - log.limit) : log.events.slice();
}

import type { NodeId, Tick } from '../raft/types.ts';
import type { DropReason, SimEvent, SimEventBody, Topic } from './events.ts';
import { topicOf } from './events.ts';
import type { InFlight } from './network.ts';

/**
 * The recent events of a run, oldest first, bounded by `limit`: a ring of event records with
 * parallel rings of kind, tick and node. SimEvent objects are built only when read: the simulation
 * records millions of events per second and most are never looked at.
 *
 * Most events are about messages (sent, duplicated, delivered, dropped), and everything such an
 * event says is in the message's in-flight record. Those are kept as that record and a kind code,
 * so recording one allocates nothing. Sequence numbers are consecutive, so finding the events
 * after a given one is an index computation.
 */
export interface EventLog {
  /** An event body (kind plain), or the in-flight record a message event is about. */
  records: (SimEventBody | InFlight | null)[];
  kinds: number[];
  ticks: Tick[];
  nodes: (NodeId | null)[];
  /** How many events the ring holds (at most limit). */
  size: number;
  limit: number;
  /** Sequence number the next event gets; sequence numbers never repeat within a run. */
  nextSeq: number;
}

/** The kind of a ring slot: a plain body, or a message event read off its in-flight record. */
const plain = 0;
export const messageSent = 1;
export const messageDuplicated = 2;
export const messageDelivered = 3;
/** Dropped messages add their reason's position in dropReasons to this code. */
export const messageDropped = 4;
const dropReasons: readonly DropReason[] = ['loss', 'partition', 'link-cut', 'receiver-crashed', 'by-hand'];

export function dropKind(reason: DropReason): number {
  return messageDropped + dropReasons.indexOf(reason);
}

export function newEventLog(limit: number): EventLog {
  return { records: [], kinds: [], ticks: [], nodes: [], size: 0, limit, nextSeq: 1 };
}

/** Ring slot of the event with sequence number `seq`. */
function slot(log: EventLog, seq: number): number {
  return (seq - 1) % log.limit;
}

function store(log: EventLog, record: SimEventBody | InFlight, kind: number, tick: Tick, node: NodeId | null): void {
  const seq = log.nextSeq++;
  if (log.limit === 0) return;
  const at = slot(log, seq);
  // The arrays grow to `limit` once, then slots are overwritten in place.
  log.records[at] = record;
  log.kinds[at] = kind;
  log.ticks[at] = tick;
  log.nodes[at] = node;
  if (log.size < log.limit) log.size += 1;
}

export function appendEvent(log: EventLog, body: SimEventBody, tick: Tick, node: NodeId | null): void {
  store(log, body, plain, tick, node);
}

/** Records a message event (one of the kinds above) as its in-flight record. */
export function appendMessageEvent(log: EventLog, kind: number, item: InFlight, tick: Tick, node: NodeId): void {
  store(log, item, kind, tick, node);
}

function messageBody(kind: number, item: InFlight): SimEventBody {
  const { id, message } = item;
  switch (kind) {
    case messageSent:
      return { type: 'message-sent', id, message, deliverTick: item.deliverTick, dropReason: item.dropReason };
    case messageDuplicated:
      return { type: 'message-duplicated', id, copyOf: item.copyOf!, message, deliverTick: item.deliverTick };
    case messageDelivered:
      return { type: 'message-delivered', id, message, sentTick: item.sentTick };
    default:
      return { type: 'message-dropped', id, message, sentTick: item.sentTick, reason: dropReasons[kind - messageDropped]! };
  }
}

function materialise(log: EventLog, seq: number): SimEvent {
  const at = slot(log, seq);
  const kind = log.kinds[at]!;
  const body = kind === plain ? (log.records[at] as SimEventBody) : messageBody(kind, log.records[at] as InFlight);
  return { ...body, seq, tick: log.ticks[at]!, node: log.nodes[at]!, topic: topicOf[body.type] };
}

/** Sequence number of the oldest event still held. */
export function oldestSeq(log: EventLog): number {
  return log.nextSeq - log.size;
}

const messageTopics: readonly Topic[] = ['SEND', 'SEND', 'RECV'];

/** An event's topic, read off its slot without building the event. */
function topicAt(log: EventLog, at: number): Topic {
  const kind = log.kinds[at]!;
  if (kind === plain) return topicOf[(log.records[at] as SimEventBody).type];
  return kind >= messageDropped ? 'DROP' : messageTopics[kind - messageSent]!;
}

/**
 * Events with seq greater than `seq` that are still held, oldest first; with `topics`, only
 * those of these topics, and the others are never built (a reader that follows commits need not
 * pay for every message).
 */
export function eventsAfter(log: EventLog, seq: number, topics?: ReadonlySet<Topic>): SimEvent[] {
  const events: SimEvent[] = [];
  for (let next = Math.max(seq + 1, oldestSeq(log)); next < log.nextSeq; next += 1) {
    if (topics === undefined || topics.has(topicAt(log, slot(log, next)))) events.push(materialise(log, next));
  }
  return events;
}

/** The retained events, at most `limit` of them. */
export function retained(log: EventLog): SimEvent[] {
  return eventsAfter(log, 0);
}

/** An empty log that carries on the same sequence numbers (for checkpoints without events). */
export function emptiedEventLog(log: EventLog): EventLog {
  return { records: [], kinds: [], ticks: [], nodes: [], size: 0, limit: log.limit, nextSeq: log.nextSeq };
}

import type { ClusterView, MessageView, RemoteMessage, SimEvent, Simulation } from '../core/index.ts';
import { eventBufferMax, logWindowCountDefault } from '../protocol/worker-protocol.ts';
import type { ViewRequest } from '../protocol/worker-protocol.ts';
import { encodeView } from '../protocol/wire-view.ts';
import type { WireView } from '../protocol/wire-view.ts';

/**
 * What one frame carries, kept small: a frame is structured-cloned to the UI up to 60 times a
 * second, so nothing in it may grow with the length of the run.
 *
 * - Logs: only the requested window, by default the last logTailCount entries of the longest log.
 * - Key-value state: only the inspected node's (the store can hold any number of keys).
 * - Messages: a MsgApp shows at most messageEntriesShownMax of its entries and a MsgSnap at most
 *   that many of its pairs; the summary line, made from the whole message, still tells the range.
 * - Violations: the first few (the first one is the one that explains the rest), plus the count.
 *
 * Then it travels as a WireView (src/protocol/wire-view.ts): positional, each log entry once.
 */
export const logTailCount = logWindowCountDefault;
export const messageEntriesShownMax = 8;
export const violationsShownMax = 10;

/** The default log window: the last logTailCount indexes of the longest log, live or on disk. */
function tailWindow(simulation: Simulation): { from: number; count: number } {
  let longest = 0;
  for (const id of simulation.nodeIds) longest = Math.max(longest, simulation.nodeState(id).lastIndex);
  return { from: Math.max(1, longest - logTailCount + 1), count: logTailCount };
}

export function frameView(simulation: Simulation, request: ViewRequest): ClusterView {
  const view = simulation.view({ logWindow: request.logWindow ?? tailWindow(simulation), kvNode: request.inspectedNode });
  return {
    ...view,
    inFlight: view.inFlight.map(compactMessageView),
    violations: view.violations.length > violationsShownMax ? view.violations.slice(0, violationsShownMax) : view.violations,
    stalls: view.stalls.length > violationsShownMax ? view.stalls.slice(0, violationsShownMax) : view.stalls,
  };
}

/** The frame's view as posted: compacted, then encoded for the wire. */
export function frameWireView(simulation: Simulation, request: ViewRequest): WireView {
  return encodeView(frameView(simulation, request), { selectedMessage: request.selectedMessage });
}

function compactMessageView(item: MessageView): MessageView {
  const message = compactMessage(item.message);
  return message === item.message ? item : { ...item, message };
}

/** The message as shown: the same message with its bulk (entries, snapshot pairs) cut short. */
export function compactMessage(message: RemoteMessage): RemoteMessage {
  if (message.type === 'MsgApp' && message.entries.length > messageEntriesShownMax) {
    return { ...message, entries: message.entries.slice(0, messageEntriesShownMax) };
  }
  if (message.type === 'MsgSnap' && message.snapshot.data.length > messageEntriesShownMax) {
    return { ...message, snapshot: { ...message.snapshot, data: message.snapshot.data.slice(0, messageEntriesShownMax) } };
  }
  return message;
}

/** An event as shown: messages and appended entries cut short as in the view. */
export function compactEvent(event: SimEvent): SimEvent {
  if ('message' in event) {
    const message = compactMessage(event.message);
    return message === event.message ? event : { ...event, message };
  }
  if (event.type === 'entries-appended' && event.entries.length > messageEntriesShownMax) {
    return { ...event, entries: event.entries.slice(0, messageEntriesShownMax) };
  }
  return event;
}

/**
 * The events after `afterSeq`, at most the last eventBufferMax of them. Every retained event has
 * a tick at or before the simulation's, so after a seek these are exactly the recent events up to
 * the new tick (a restored checkpoint keeps no events: they start again from its tick).
 */
export function frameEvents(simulation: Simulation, afterSeq: number): readonly SimEvent[] {
  const from = Math.max(afterSeq, simulation.lastEventSeq - eventBufferMax);
  return simulation.events({ afterSeq: from }).map(compactEvent);
}

/**
 * A window of the run for the space-time diagram: every message sent or arriving in [from, to]
 * (its send, its arrival or loss, its kind and outcome) and the state changes on each node's
 * lane (roles, terms, crashes, restarts, commits, snapshots). The frame's events cover only the
 * recent past, so the window is read from a timeline of its own over the same run (sharing the
 * run's checkpoints, Timeline.withActions): it restores the checkpoint before the window and
 * replays to its end, reading the events in chunks. The run on screen does not move.
 */
import type { RemoteMessage, SimEvent, Tick, Timeline } from '../core/index.ts';
import type { DiagramMark, DiagramMessage, DiagramWindow } from '../protocol/worker-protocol.ts';
import { diagramMessagesMax, diagramTicksMax } from '../protocol/worker-protocol.ts';

/** Ticks read before the window, for the messages already on their way when it starts. */
const lookBackTicks = 600;
/** Ticks replayed between two reads of the events. */
const chunkTicks = 50;

/** The topics the diagram draws: messages, roles, terms, faults, commits, snapshots. */
const drawnTopics: ReadonlySet<string> = new Set(['SEND', 'RECV', 'DROP', 'LEAD', 'TERM', 'FAULT', 'CMIT', 'SNAP']);

/** Whether a reply said yes (a vote granted, an append accepted), or null for a request. */
function outcomeOf(message: RemoteMessage): boolean | null {
  switch (message.type) {
    case 'MsgVoteResp':
      return message.granted;
    case 'MsgAppResp':
      return message.success;
    default:
      return null;
  }
}

/** An AppendEntries with no entries, or the reply to one that only confirms (a heartbeat round). */
function isHeartbeat(message: RemoteMessage): boolean {
  if (message.type === 'MsgApp') return message.entries.length === 0;
  return false;
}

export function diagramWindow(timeline: Timeline, from: Tick, to: Tick): DiagramWindow {
  const end = Math.min(to, timeline.maxTick, from + diagramTicksMax);
  const start = Math.max(0, Math.min(from, end));
  const reader = timeline.withActions(timeline.recordedActions, timeline.maxTick);
  reader.seek(Math.max(0, start - lookBackTicks));
  const messages = new Map<number, DiagramMessage>();
  const marks: DiagramMark[] = [];
  let truncated = false;
  let seen = reader.current.lastEventSeq;
  const keepMessage = (id: number, message: DiagramMessage): void => {
    if (messages.size >= diagramMessagesMax && !messages.has(id)) {
      truncated = true;
      return;
    }
    messages.set(id, message);
  };
  /** What became of a message seen sent: where it really arrived, was lost, or was held back to. */
  const settle = (id: number, outcome: Pick<DiagramMessage, 'arrive'> & Partial<Pick<DiagramMessage, 'lost'>>): void => {
    const known = messages.get(id);
    if (known !== undefined) messages.set(id, { ...known, ...outcome });
  };
  const observe = (event: SimEvent): void => {
    switch (event.type) {
      case 'message-sent':
      case 'message-duplicated': {
        const message = event.message;
        keepMessage(event.id, {
          id: event.id,
          type: message.type,
          from: message.from,
          to: message.to,
          term: message.term,
          sent: event.tick,
          arrive: event.deliverTick,
          lost: event.type === 'message-sent' ? event.dropReason !== null : false,
          copyOf: event.type === 'message-duplicated' ? event.copyOf : null,
          ok: outcomeOf(message),
          heartbeat: isHeartbeat(message),
        });
        return;
      }
      case 'message-delivered':
        settle(event.id, { arrive: event.tick, lost: false });
        return;
      case 'message-dropped':
        settle(event.id, { arrive: event.tick, lost: true });
        return;
      case 'message-delayed':
        settle(event.id, { arrive: event.deliverTick });
        return;
      default:
        break;
    }
    if (event.tick < start || event.node === null) return;
    switch (event.type) {
      case 'became-candidate':
        marks.push({ tick: event.tick, node: event.node, kind: 'candidate', term: event.term });
        return;
      case 'became-leader':
        marks.push({ tick: event.tick, node: event.node, kind: 'leader', term: event.term });
        return;
      case 'became-follower':
        if (event.previousRole !== 'follower') marks.push({ tick: event.tick, node: event.node, kind: 'follower', term: event.term });
        return;
      case 'term-changed':
        marks.push({ tick: event.tick, node: event.node, kind: 'term', term: event.to });
        return;
      // A server removed from the cluster is shut down for good: its lane goes down as in a crash.
      case 'node-crashed':
      case 'node-removed':
        marks.push({ tick: event.tick, node: event.node, kind: 'crash', term: null });
        return;
      // A server Add node started comes up as a follower with an empty disk, as a restart does.
      case 'node-added':
        marks.push({ tick: event.tick, node: event.node, kind: 'restart', term: 0 });
        return;
      case 'node-restarted':
        marks.push({ tick: event.tick, node: event.node, kind: 'restart', term: event.term });
        return;
      case 'commit-advanced':
        marks.push({ tick: event.tick, node: event.node, kind: 'commit', term: event.to });
        return;
      case 'snapshot-taken':
      case 'snapshot-installed':
        marks.push({ tick: event.tick, node: event.node, kind: 'snapshot', term: event.index });
        return;
      default:
        return;
    }
  };
  const read = (): void => {
    const simulation = reader.current;
    if (simulation.lastEventSeq === seen) return;
    const events = simulation.events({ afterSeq: seen });
    // The first one kept is not the next one made: the oldest of this chunk were pushed out before they were read.
    if ((events[0]?.seq ?? simulation.lastEventSeq + 1) > seen + 1) truncated = true;
    for (const event of events) if (drawnTopics.has(event.topic)) observe(event);
    seen = simulation.lastEventSeq;
  };
  read();
  const advanceTo = (target: Tick): void => {
    while (reader.tick < target) {
      reader.advance(Math.min(chunkTicks, target - reader.tick));
      read();
    }
  };
  advanceTo(start);
  // Each lane's role at the window's start; the marks say how it changes from there.
  const startNodes = reader.current.view({ logWindow: { from: 0, count: 0 } }).nodes;
  const startRoles = startNodes.map((node) => (node.alive && node.role !== null ? node.role : 'crashed'));
  const startTerms = startNodes.map((node) => (node.alive ? node.term : node.disk.term));
  advanceTo(end);
  // A server added within the window (membership change) had no state at its start: drawn as down until then.
  const nodes = reader.current.nodeIds.length;
  while (startRoles.length < nodes) {
    startRoles.push('crashed');
    startTerms.push(0);
  }
  const shown = [...messages.values()].filter((message) => message.sent <= end && (message.arrive ?? Infinity) >= start);
  return { from: start, to: end, nodes, startRoles, startTerms, messages: shown, marks: marks.filter((mark) => mark.tick <= end), truncated };
}

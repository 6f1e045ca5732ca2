import { useMemo } from 'react';
import type { NodeId, SimEvent, Tick } from '../../core/index.ts';
import { explain } from '../explain.ts';
import { isDecision, ruleOf } from '../figure2-rules.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useEventsOnScreen } from '../hooks/use-events-on-screen.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { useAppStore } from '../store/store-context.tsx';
import './panels.css';

/** Most decisions listed for a node. */
export const nodeDecisionsMax = 8;

/** The node's latest decisions among `events` (oldest first), most recent first. */
export function nodeDecisions(events: readonly SimEvent[], node: NodeId, limit = nodeDecisionsMax): readonly SimEvent[] {
  const found: SimEvent[] = [];
  for (let index = events.length - 1; index >= 0 && found.length < limit; index -= 1) {
    const event = events[index]!;
    if (event.node === node && isDecision(event)) found.push(event);
  }
  return found;
}

function isAbout(event: SimEvent, id: number): boolean {
  switch (event.type) {
    case 'message-sent':
    case 'message-delivered':
    case 'message-dropped':
    case 'message-delayed':
      return event.id === id;
    case 'message-duplicated':
      return event.id === id || event.copyOf === id;
    default:
      return false;
  }
}

/** One line of a message's story: an event about the message, or the receiver's decision on it. */
export interface StoryLine {
  readonly event: SimEvent;
  readonly onDelivery: boolean;
}

/**
 * What happened to message `id` among `events` (oldest first), in order: it was sent, duplicated,
 * delayed, delivered or lost; and after each delivery, the decisions the receiver took on it (its
 * events of that tick that follow the delivery, up to the next delivery or a timer of its own).
 */
export function messageStory(events: readonly SimEvent[], id: number): readonly StoryLine[] {
  const lines: StoryLine[] = [];
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index]!;
    if (!isAbout(event, id)) continue;
    lines.push({ event, onDelivery: false });
    if (event.type !== 'message-delivered') continue;
    for (let next = index + 1; next < events.length; next += 1) {
      const after = events[next]!;
      if (after.tick !== event.tick || after.type === 'message-delivered') break;
      if (after.node !== event.message.to) continue;
      if (after.type === 'election-timeout' || after.type === 'heartbeat-timeout') break;
      if (isDecision(after) || ruleOf(after) !== null) lines.push({ event: after, onDelivery: true });
    }
  }
  return lines;
}

function said(m: Messages, event: SimEvent): string {
  const text = explain(m, event);
  return event.node === null ? m.figure2.why.clusterItem(text) : m.figure2.why.item(event.node, text);
}

function DecisionList({ m, lines, onSeek }: { m: Messages; lines: readonly StoryLine[]; onSeek: (tick: Tick) => void }) {
  return (
    <ol className="event-list" aria-label={m.figure2.why.list}>
      {lines.map(({ event, onDelivery }) => (
        <li key={event.seq}>
          {/* No node column: the sentence names the node (event-row--no-node keeps the text's column wide). */}
          <button type="button" className={`event-row event-row--no-node topic-${event.topic}`} title={m.figure2.why.seek(event.tick)} onClick={() => onSeek(event.tick)}>
            <span className="event-tick">{event.tick}</span>
            <span className="event-topic">{event.topic}</span>
            <span className="event-text">
              {onDelivery ? <strong>{m.figure2.why.onDelivery}: </strong> : null}
              {said(m, event)}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/**
 * "Why?": the decisions behind the selected node (its latest, most recent first) or message (what
 * happened to it and what its receiver decided on delivery), each in words with the numbers and
 * the paper's section, straight from the core's decision events (explain.ts). Each one seeks to
 * its tick.
 */
export function WhyPanel() {
  const m = useMessages();
  const seek = useAppStore((state) => state.seek);
  const selectedNode = useAppStore((state) => state.selectedNode);
  const selectedMessage = useAppStore((state) => state.selectedMessage);
  const shown = useEventsOnScreen();
  const lines = useMemo((): readonly StoryLine[] | null => {
    if (selectedNode !== null) return nodeDecisions(shown, selectedNode).map((event) => ({ event, onDelivery: false }));
    if (selectedMessage !== null) return messageStory(shown, selectedMessage);
    return null;
  }, [shown, selectedNode, selectedMessage]);
  return (
    <section className="app-slot" aria-label={m.figure2.why.name}>
      <div className="panel why-panel">
        <h2>{m.figure2.why.heading}</h2>
        {selectedNode !== null ? <h3>{m.figure2.why.nodeHeading(selectedNode)}</h3> : selectedMessage !== null ? <h3>{m.figure2.why.messageHeading(selectedMessage)}</h3> : null}
        {lines === null ? (
          <p className="hint">{m.figure2.why.hint}</p>
        ) : lines.length === 0 ? (
          <p className="hint">{selectedNode !== null ? m.figure2.why.noneNode : m.figure2.why.noneMessage}</p>
        ) : (
          <DecisionList m={m} lines={lines} onSeek={seek} />
        )}
      </div>
    </section>
  );
}

import { memo, useCallback, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { MessageView } from '../../core/index.ts';
import { useSmoothMotion } from '../hooks/use-smooth-motion.ts';
import { messagesFor } from '../i18n/catalogue.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { defaultLocale } from '../i18n/locale.ts';
import type { Point } from '../viz/geometry.ts';
import { wayPoint } from '../viz/layout.ts';
import type { RingLayout } from '../viz/ring.ts';
import { lane, laneOffset, messageHitSize, messageSize } from '../viz/links.ts';
import { messageKind, messageLabel, messageShapePath, messageTitle } from '../viz/message-kind.ts';
import { heldStopFraction, messageFraction, messageOpacity } from '../viz/message-position.ts';
import type { QueuePlace } from '../viz/message-position.ts';
import { messageColor } from '../viz/palette.ts';

/** Most messages drawn at once; the rest (latest to arrive) are counted, not drawn. */
export const messagesDrawnMax = 300;

export interface MessageLayerProps {
  /** Messages in flight, soonest to arrive first (as in ClusterView.inFlight). */
  readonly messages: readonly MessageView[];
  /** The tick to draw at (the frame's tick). */
  readonly tick: number;
  /**
   * While set, messages glide between frames at this playback speed (useSmoothMotion); null
   * draws them exactly at `tick`.
   */
  readonly smoothTicksPerSecond?: number | null;
  readonly layout: RingLayout;
  readonly selectedMessage: number | null;
  readonly onSelectMessage: (id: number) => void;
  readonly limit?: number;
  /** The catalogue to speak in (ClusterGraph passes its own); English when left out. */
  readonly m?: Messages;
}

/** Where a message is at `tick`: its point along its lane (to the right of travel), at its place in its link's queue if it waits. */
function messagePoint(message: MessageView, layout: RingLayout, tick: number, queue?: QueuePlace): Point | null {
  const way = lane(layout, message.from, message.to);
  return way === null ? null : wayPoint(way, messageFraction(message, tick, queue), laneOffset(layout.nodeRadius));
}

/** The messages waiting for manual delivery, link by link, in the network's order (the order of `messages`). */
interface LinkQueues {
  /** Each waiting message's place in its link's queue. */
  readonly places: ReadonlyMap<number, QueuePlace>;
  /** Each link with two or more waiting: where its count is written, and the count. */
  readonly counts: readonly { readonly key: string; readonly at: Point; readonly count: number }[];
}

function linkQueues(messages: readonly MessageView[], layout: RingLayout, size: number): LinkQueues {
  const places = new Map<number, QueuePlace>();
  const lengths = new Map<string, number>();
  for (const message of messages) {
    if (message.held !== true) continue;
    const key = `${message.from}-${message.to}`;
    const way = lane(layout, message.from, message.to);
    if (way === null) continue;
    const used = Math.hypot(way.b.x - way.a.x, way.b.y - way.a.y) * (way.end - way.start);
    const place = lengths.get(key) ?? 0;
    lengths.set(key, place + 1);
    places.set(message.id, { place, step: used > 0 ? (size * 2.6) / used : 0 });
  }
  const counts = [...lengths].flatMap(([key, count]) => {
    if (count < 2) return [];
    const [from, to] = key.split('-').map(Number) as [number, number];
    const way = lane(layout, from, to)!;
    return [{ key, at: wayPoint(way, heldStopFraction, laneOffset(layout.nodeRadius) + size * 2.2), count }];
  });
  return { places, counts };
}

/** Messages in flight, each moving along its lane from sentTick to deliverTick. */
export function MessageLayer({ messages, tick, layout, selectedMessage, onSelectMessage, limit = messagesDrawnMax, smoothTicksPerSecond = null, m = messagesFor(defaultLocale) }: MessageLayerProps) {
  const drawn = messages.length > limit ? messages.slice(0, limit) : messages;
  const size = messageSize(layout.nodeRadius);
  const hitSize = messageHitSize(layout.nodeRadius);
  const group = useRef<SVGGElement>(null);
  const byId = useMemo(() => new Map(drawn.map((message) => [message.id, message])), [drawn]);
  const queues = useMemo(() => linkQueues(drawn, layout, size), [drawn, layout, size]);
  const paint = useCallback(
    (element: Element, at: number) => {
      for (const child of element.children) {
        const message = byId.get(Number((child as SVGElement).dataset.messageId));
        const point = message === undefined ? null : messagePoint(message, layout, at, queues.places.get(message.id));
        if (point !== null) child.setAttribute('transform', `translate(${point.x},${point.y})`);
      }
    },
    [byId, layout, queues],
  );
  useSmoothMotion(group, tick, smoothTicksPerSecond, paint);
  return (
    <g className="raft-messages">
      <g ref={group}>
        {drawn.map((message) => {
          const at = messagePoint(message, layout, tick, queues.places.get(message.id));
          if (at === null) return null;
          return (
            <MessageGlyph
              key={message.id}
              m={m}
              message={message}
              x={at.x}
              y={at.y}
              opacity={messageOpacity(message, tick)}
              size={size}
              hitSize={hitSize}
              isSelected={message.id === selectedMessage}
              onSelect={onSelectMessage}
            />
          );
        })}
      </g>
      {/* A link's queue of waiting messages, counted where it starts (the Delivery panel lists them). */}
      {queues.counts.map(({ key, at, count }) => (
        <text key={key} className="raft-messages__queue" x={at.x} y={at.y} fontSize={Math.max(12, size * 1.1)} aria-hidden="true">
          {m.cluster.message.waiting(count)}
        </text>
      ))}
      {drawn.length < messages.length && (
        <text className="raft-messages__overflow" x={12} y={layout.size.height - 12} fontSize={Math.max(14, size * 1.2)}>
          {m.cluster.message.notDrawn(messages.length - drawn.length)}
        </text>
      )}
    </g>
  );
}

interface MessageGlyphProps {
  readonly m: Messages;
  readonly message: MessageView;
  readonly x: number;
  readonly y: number;
  readonly opacity: number;
  readonly size: number;
  /** Half the side of the invisible click target (at least 12 px, a 24 px target). */
  readonly hitSize: number;
  readonly isSelected: boolean;
  readonly onSelect: (id: number) => void;
}

/**
 * One message: its kind by shape and colour, a request filled and a reply outlined, a reply's
 * outcome as ✓ or ✗, an append's entry count, a dashed halo on a duplicate.
 */
const MessageGlyph = memo(function MessageGlyph({ m, message, x, y, opacity, size, hitSize, isSelected, onSelect }: MessageGlyphProps) {
  const kind = messageKind(message);
  const color = messageColor[message.type];
  // A heartbeat carries nothing: draw it smaller than an append with entries.
  const shapeSize = kind.entryCount === 0 ? size * 0.72 : size;
  const shape = useMemo(() => messageShapePath(kind.shape, shapeSize), [kind.shape, shapeSize]);
  const className = [
    'raft-message',
    `raft-message--${message.type}`,
    kind.isReply ? 'raft-message--reply' : 'raft-message--request',
    kind.isPositive === false ? 'raft-message--negative' : null,
    message.copyOf !== null ? 'raft-message--duplicate' : null,
    message.dropReason !== null ? 'raft-message--lost' : null,
    isSelected ? 'raft-message--selected' : null,
  ].filter(Boolean).join(' ');

  function handleKeyDown(event: KeyboardEvent<SVGGElement>) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelect(message.id);
  }

  return (
    <g
      className={className}
      transform={`translate(${x},${y})`}
      opacity={opacity < 1 ? opacity : undefined}
      role="button"
      tabIndex={0}
      aria-label={messageLabel(m, message)}
      aria-pressed={isSelected}
      data-message-id={message.id}
      onClick={() => onSelect(message.id)}
      onKeyDown={handleKeyDown}
    >
      <title>{messageTitle(m, message)}</title>
      <circle className="raft-message__hit" r={hitSize} />
      {isSelected && <circle className="raft-message__selection" r={size * 1.75} />}
      {message.copyOf !== null && <circle className="raft-message__duplicate" r={size * 1.4} stroke={color} />}
      <path
        className="raft-message__shape"
        d={shape}
        fill={kind.isReply ? undefined : color}
        stroke={kind.isReply ? color : undefined}
        strokeWidth={kind.isReply ? Math.max(2, size * 0.28) : undefined}
      />
      {kind.isPositive !== null && (
        <text className="raft-message__mark" fontSize={size * 1.3} fill={color}>
          {kind.isPositive ? '✓' : '✗'}
        </text>
      )}
      {kind.entryCount !== null && kind.entryCount > 0 && (
        <text className="raft-message__count" fontSize={size * (kind.entryCount > 9 ? 0.9 : 1.2)}>
          {kind.entryCount > 99 ? '99+' : kind.entryCount}
        </text>
      )}
    </g>
  );
});

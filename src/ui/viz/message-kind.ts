/**
 * How a message in flight is drawn and named: its shape family, request or reply, the outcome a
 * reply carries, and its accessible name. Pure, so MessageLayer stays a thin renderer.
 */
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3';
import type { MessageView, RemoteMessage, RemoteMessageType } from '../../core/index.ts';
import type { Messages } from '../i18n/catalogue.ts';

/**
 * Vote messages are diamonds, appends circles, snapshots squares, a leadership transfer's
 * TimeoutNow a triangle (shape, not only colour).
 */
export type MessageShape = 'diamond' | 'circle' | 'square' | 'triangle';

export interface MessageKind {
  readonly shape: MessageShape;
  /** Replies are drawn outlined, requests filled. */
  readonly isReply: boolean;
  /** What a reply says: granted/success (true), refused/rejected (false), or nothing to say (null). */
  readonly isPositive: boolean | null;
  /** Entries carried by an AppendEntries (0 for a heartbeat); null for other kinds. */
  readonly entryCount: number | null;
}

const shapes: Record<RemoteMessageType, MessageShape> = {
  MsgVote: 'diamond',
  MsgVoteResp: 'diamond',
  MsgApp: 'circle',
  MsgAppResp: 'circle',
  MsgSnap: 'square',
  MsgSnapResp: 'square',
  MsgTimeoutNow: 'triangle',
};

export function messageKind(view: Pick<MessageView, 'message'>): MessageKind {
  const message = view.message;
  const shape = shapes[message.type];
  switch (message.type) {
    case 'MsgVoteResp':
      return { shape, isReply: true, isPositive: message.granted, entryCount: null };
    case 'MsgAppResp':
      return { shape, isReply: true, isPositive: message.success, entryCount: null };
    case 'MsgSnapResp':
      return { shape, isReply: true, isPositive: null, entryCount: null };
    case 'MsgApp':
      return { shape, isReply: false, isPositive: null, entryCount: message.entries.length };
    default:
      return { shape, isReply: false, isPositive: null, entryCount: null };
  }
}

/** The words for a reply's outcome, in the paper's vocabulary. */
function outcomeWord(m: Messages, view: Pick<MessageView, 'message'>): string | null {
  const message = view.message;
  if (message.type === 'MsgVoteResp') return message.granted ? m.cluster.message.granted : m.cluster.message.refused;
  if (message.type === 'MsgAppResp') return message.success ? m.cluster.message.success : m.cluster.message.rejected;
  return null;
}

/**
 * The accessible name: "MsgApp from 1 to 3, term 2", then what matters at a glance: the outcome
 * of a reply, the entries of an append, a duplicate, a message that will be lost.
 */
export function messageLabel(m: Messages, view: Pick<MessageView, 'type' | 'from' | 'to' | 'term' | 'message' | 'copyOf' | 'dropReason'>): string {
  const details: string[] = [];
  const outcome = outcomeWord(m, view);
  if (outcome !== null) details.push(outcome);
  const { entryCount } = messageKind(view);
  if (entryCount !== null) details.push(entryCount === 0 ? m.cluster.message.heartbeat : m.cluster.message.entries(entryCount));
  if (view.copyOf !== null) details.push(m.cluster.message.duplicate);
  if (view.dropReason !== null) details.push(m.cluster.message.lost);
  return m.cluster.message.name(view.type, view.from, view.to, view.term, details);
}

/**
 * Hover text: a one-line summary (in English the core's canonical one), plus the fate of the
 * message when it has one.
 */
export function messageTitle(m: Messages, view: Pick<MessageView, 'id' | 'summary' | 'copyOf' | 'dropReason'> & { readonly message?: RemoteMessage }): string {
  const lines = [m.cluster.message.summary(view.id, view.summary, view.message ?? null)];
  if (view.copyOf !== null) lines.push(m.cluster.message.duplicateOf(view.copyOf));
  if (view.dropReason !== null) lines.push(m.cluster.message.willBeLost(view.dropReason));
  return lines.join('\n');
}

const symbolTypes = { circle: symbolCircle, diamond: symbolDiamond, square: symbolSquare, triangle: symbolTriangle } as const;

/**
 * The outline of a message glyph centred on (0, 0) with half-width about `size`. Every shape gets
 * the area of a circle of that radius, so no kind looks more important than another.
 */
export function messageShapePath(shape: MessageShape, size: number): string {
  return symbol(symbolTypes[shape], Math.PI * size * size)() ?? '';
}

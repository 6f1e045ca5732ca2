/**
 * Where a message in flight is drawn along its link at a (possibly fractional) tick, and how
 * visible it is. Pure: the same message and tick always give the same answer, so scrubbing the
 * timeline back and forth redraws exactly.
 */
import type { MessageView, Tick } from '../../core/index.ts';

/**
 * How far along its link a lost message gets before it vanishes. The network gives a lost
 * message half its drawn latency as its deliverTick (src/core/sim/network.ts, sendMessage), so at
 * the normal speed of travel it vanishes halfway.
 */
export const lostVanishFraction = 0.5;

/** A lost message starts fading once it has used this share of its time. */
const fadeStart = 0.5;
/** Opacity of a lost message at the moment it vanishes (still visible, so it can be clicked). */
const fadeEndOpacity = 0.15;

type Timing = Pick<MessageView, 'sentTick' | 'deliverTick'>;

/** Share of its time in flight that has passed: (tick - sentTick) / (deliverTick - sentTick), in [0, 1]. */
export function travelProgress(message: Timing, tick: Tick): number {
  const duration = message.deliverTick - message.sentTick;
  if (!(duration > 0)) return tick >= message.sentTick ? 1 : 0;
  return clamp01((tick - message.sentTick) / duration);
}

/** Where a message waiting for manual delivery stops: most of the way, at the receiver's door. */
export const heldStopFraction = 0.8;
/** The furthest back a link's queue of waiting messages reaches; longer queues bunch up there. */
export const heldQueueBackFraction = 0.2;

/** A waiting message's place in its link's queue (0 first to be delivered) and the spacing, as a fraction of the link. */
export interface QueuePlace {
  readonly place: number;
  readonly step: number;
}

/**
 * Fraction of the link covered at `tick`: 0 at the sender, 1 at the receiver. A lost message
 * moves at the same speed but stops at its vanish point; a waiting one stops at the door, or, in
 * a queue, one step behind the message ahead of it, so the queue reads as a line.
 */
export function messageFraction(message: Timing & Pick<MessageView, 'dropReason' | 'held'>, tick: Tick, queue: QueuePlace = { place: 0, step: 0 }): number {
  const progress = travelProgress(message, tick);
  if (message.held === true) return Math.min(progress, Math.max(heldQueueBackFraction, heldStopFraction - queue.place * queue.step));
  return message.dropReason === null ? progress : progress * lostVanishFraction;
}

/** 1 for a message that will arrive; a lost one fades out over the second half of its time. */
export function messageOpacity(message: Timing & Pick<MessageView, 'dropReason'>, tick: Tick): number {
  if (message.dropReason === null) return 1;
  const progress = travelProgress(message, tick);
  if (progress <= fadeStart) return 1;
  return 1 - ((progress - fadeStart) / (1 - fadeStart)) * (1 - fadeEndOpacity);
}

function clamp01(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

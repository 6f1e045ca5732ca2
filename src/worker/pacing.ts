import { speedTicksPerSecondMax, speedTicksPerSecondMin, ticksPerFrameMax } from '../protocol/worker-protocol.ts';

/**
 * Playback pacing: how many whole ticks a frame of wall time buys at a given speed. At 60 ticks
 * per second and 10 ms frames each frame is worth 0.6 ticks, so the fraction must carry over or
 * playback would stall; at high speed a long frame (a stalled tab) must not turn into a jump that
 * blocks the worker, so a frame runs at most ticksPerFrameMax ticks and then forgets the rest.
 */
export interface FrameTicks {
  /** Whole ticks to run now: 0 to ticksPerFrameMax. */
  readonly ticks: number;
  /** The fraction of a tick owed to the next frame: 0 to below 1. */
  readonly carriedTicks: number;
}

/**
 * Floating point makes 0.6 + 0.6 + 0.6 + 0.6 + 0.6 come to 2.9999999999999996; without a little
 * slack the fifth frame of that sequence would run 2 ticks instead of 3.
 */
const roundingSlack = 1e-9;

export function ticksForFrame(options: { elapsedMs: number; ticksPerSecond: number; carriedTicks: number }): FrameTicks {
  const elapsedMs = Number.isFinite(options.elapsedMs) && options.elapsedMs > 0 ? options.elapsedMs : 0;
  const owed = options.carriedTicks + (elapsedMs * options.ticksPerSecond) / 1000;
  const whole = Math.floor(owed + roundingSlack);
  if (whole >= ticksPerFrameMax) return { ticks: ticksPerFrameMax, carriedTicks: 0 };
  const carriedTicks = Math.max(0, owed - whole);
  if (!(carriedTicks < 1)) throw new Error(`pacing: carried ${carriedTicks} ticks, expected less than one`);
  return { ticks: whole, carriedTicks };
}

/** The speed the worker runs at for a requested one: clamped to the slider's range. */
export function clampSpeed(ticksPerSecond: number): number {
  return Math.min(speedTicksPerSecondMax, Math.max(speedTicksPerSecondMin, ticksPerSecond));
}

/**
 * The speed playback actually reaches: ticks run per second of wall time, averaged over about the
 * last second (an exponential moving average weighted by each frame's length). At high speed the
 * worker stops a frame's work after its time budget, so this is what the machine allows rather
 * than the number on the slider; `behind` says the run is falling short of the chosen speed.
 */
export interface SpeedMeter {
  /** Ticks per second reached; 0 before the first frame. */
  readonly ticksPerSecond: number;
  readonly behind: boolean;
}

export const idleSpeedMeter: SpeedMeter = { ticksPerSecond: 0, behind: false };

/** Below this share of the chosen speed, playback counts as falling behind. */
const behindShare = 0.85;
/** The window the average forgets over, in ms. */
const meterWindowMs = 1000;

export function meterFrame(meter: SpeedMeter, frame: { elapsedMs: number; ticks: number; chosenTicksPerSecond: number }): SpeedMeter {
  if (!(frame.elapsedMs > 0)) return meter;
  const rate = (frame.ticks * 1000) / frame.elapsedMs;
  const weight = meter.ticksPerSecond === 0 ? 1 : 1 - Math.exp(-frame.elapsedMs / meterWindowMs);
  const ticksPerSecond = meter.ticksPerSecond + weight * (rate - meter.ticksPerSecond);
  return { ticksPerSecond, behind: ticksPerSecond < behindShare * frame.chosenTicksPerSecond };
}

/**
 * Recording a range of ticks, frame by frame: seek the run to the frame's tick, wait until the
 * screen shows it (the worker answers in its own time), draw the frame, go on. Framework-free and
 * DOM-free: what a seek, a wait and a frame mean is passed in (ExportPanel passes the store, the
 * cluster view on screen and a video or PNG output), so the loop is tested with plain functions.
 *
 * Whatever happens (done, cancelled, an error), the run goes back to the tick it was at.
 */

export interface RecordingRange {
  readonly from: number;
  readonly to: number;
  readonly ticksPerFrame: number;
}

/** One frame: its place in the recording and the tick it shows. */
export interface RecordedFrame {
  readonly index: number;
  readonly tick: number;
  readonly count: number;
}

export interface RecordingSteps {
  /** Asks the run to go to `tick` (the answer comes later). */
  readonly seek: (tick: number) => void;
  /** Resolves once the screen shows `tick`; rejects when it cannot (or when `signal` aborts). */
  readonly waitForTick: (tick: number, signal: AbortSignal) => Promise<void>;
  /** Draws the frame that is on screen now into the recording. */
  readonly renderFrame: (frame: RecordedFrame, signal: AbortSignal) => Promise<void>;
  /** Called with the frames done so far: 0 before the first, `total` after the last. */
  readonly onProgress?: (done: number, total: number, tick: number) => void;
}

export interface RecordingOptions {
  readonly signal: AbortSignal;
  /** Where the run goes afterwards: the tick it was at before the recording. */
  readonly returnTo: number;
}

export type RecordingOutcome = { readonly outcome: 'done'; readonly frames: number } | { readonly outcome: 'cancelled'; readonly frames: number };

/**
 * The ticks a range's frames show: `from`, then every `ticksPerFrame` ticks, and `to` last even
 * off that step (a recording ends where it was asked to).
 */
export function frameTicks(range: RecordingRange): number[] {
  const { from, to, ticksPerFrame } = range;
  if (!Number.isInteger(from) || !Number.isInteger(to) || !Number.isInteger(ticksPerFrame) || from < 0 || to < from || ticksPerFrame < 1) {
    throw new Error(`frameTicks: bad range ${JSON.stringify(range)}`);
  }
  const ticks: number[] = [];
  for (let tick = from; tick <= to; tick += ticksPerFrame) ticks.push(tick);
  if (ticks[ticks.length - 1] !== to) ticks.push(to);
  return ticks;
}

/** How many frames a range makes (frameTicks(range).length, without building the list). */
export function frameCount(range: RecordingRange): number {
  const steps = Math.floor((range.to - range.from) / range.ticksPerFrame);
  return steps + 1 + ((range.to - range.from) % range.ticksPerFrame === 0 ? 0 : 1);
}

/**
 * Records the range's frames in order. Resolves 'done', or 'cancelled' once `signal` aborts
 * (between steps, or inside a wait or a frame that honours the signal); rejects with the first
 * error a step throws. The run is sent back to `returnTo` in every case.
 */
export async function recordRange(range: RecordingRange, steps: RecordingSteps, options: RecordingOptions): Promise<RecordingOutcome> {
  const { signal, returnTo } = options;
  const ticks = frameTicks(range);
  let done = 0;
  try {
    steps.onProgress?.(0, ticks.length, ticks[0]!);
    for (const tick of ticks) {
      if (signal.aborted) break;
      steps.seek(tick);
      await steps.waitForTick(tick, signal);
      if (signal.aborted) break;
      await steps.renderFrame({ index: done, tick, count: ticks.length }, signal);
      if (signal.aborted) break;
      done += 1;
      steps.onProgress?.(done, ticks.length, tick);
    }
  } catch (error) {
    // A step that gave up because of the cancel is a cancel, not a failure.
    if (!signal.aborted) throw error;
  } finally {
    steps.seek(returnTo);
  }
  return signal.aborted ? { outcome: 'cancelled', frames: done } : { outcome: 'done', frames: done };
}


import type { RunReplay } from './run-file.ts';

/**
 * A long import replayed in chunks: each chunk runs for about importChunkMs of wall time, then
 * the job reports progress and yields, so the worker can read its messages (a Cancel, frames)
 * before the next chunk. The clock and the scheduler are injected, so tests drive it in Node.
 */

/** Wall time one chunk may run before the worker yields. */
export const importChunkMs = 25;
/** Replay steps a chunk runs at least, so a short import finishes at once, however busy the machine. */
export const importChunkStepsMin = 2_000;

/** Runs `task` later, after the messages already waiting (setTimeout 0, or a MessageChannel in the worker). */
export type Schedule = (task: () => void) => void;

export interface ImportHooks {
  readonly now: () => number;
  readonly schedule: Schedule;
  readonly progress: (done: number, total: number) => void;
  /** The replay finished; its timeline is complete at the saved tick. */
  readonly finish: (replay: RunReplay) => void;
  /** A chunk threw (a bad action, or a bug); the job is over. */
  readonly fail: (error: unknown) => void;
}

export interface ImportJob {
  /** Runs the first chunk now; the rest follow through `schedule`. */
  start(): void;
  /** Stops before the next chunk; nothing more is reported. */
  cancel(): void;
}

export function createImportJob(replay: RunReplay, hooks: ImportHooks): ImportJob {
  let isOver = false;
  const chunk = (): void => {
    if (isOver) return;
    const deadline = hooks.now() + importChunkMs;
    const floor = replay.done + importChunkStepsMin;
    try {
      replay.replay(() => replay.done >= floor && hooks.now() >= deadline);
    } catch (error) {
      isOver = true;
      hooks.fail(error);
      return;
    }
    if (replay.finished) {
      isOver = true;
      hooks.finish(replay);
      return;
    }
    hooks.progress(replay.done, replay.total);
    hooks.schedule(chunk);
  };
  return {
    start: chunk,
    cancel: () => {
      isOver = true;
    },
  };
}

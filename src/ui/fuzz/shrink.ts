/**
 * Shrinking a failing seed's run in a fuzz worker, with progress and Cancel (which terminates the
 * worker: the search runs to its end otherwise, bounded by its replays).
 */
import type { MinimisedRun } from '../../core/index.ts';
import type { CreateFuzzWorker, FailingSeed } from './fuzz-session.ts';

export interface ShrinkProgress {
  readonly replays: number;
  readonly maxReplays: number;
  readonly actions: number;
}

export type ShrinkOutcome = { readonly outcome: 'done'; readonly run: MinimisedRun } | { readonly outcome: 'cancelled' } | { readonly outcome: 'failed'; readonly message: string };

export const shrinkReplaysMax = 3_000;

export function shrinkInWorker(create: CreateFuzzWorker, failing: FailingSeed, onProgress: (progress: ShrinkProgress) => void): { readonly result: Promise<ShrinkOutcome>; readonly cancel: () => void } {
  const worker = create();
  let settle: (outcome: ShrinkOutcome) => void = () => undefined;
  const result = new Promise<ShrinkOutcome>((resolve) => (settle = resolve));
  let over = false;
  const end = (outcome: ShrinkOutcome): void => {
    if (over) return;
    over = true;
    worker.terminate();
    settle(outcome);
  };
  worker.listen((message) => {
    if (message.type === 'minimise-progress') onProgress(message);
    else if (message.type === 'minimised') end({ outcome: 'done', run: message.run });
    else if (message.type === 'error') end({ outcome: 'failed', message: message.message });
  });
  worker.post({ type: 'minimise', options: failing.options, actions: failing.actions, endTick: failing.failure.tick, failure: failing.failure, maxReplays: shrinkReplaysMax });
  return { result, cancel: () => end({ outcome: 'cancelled' }) };
}

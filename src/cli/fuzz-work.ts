/** What `npm run fuzz` (fuzz.ts) and its worker threads (fuzz-worker.ts) share: the work and its answers. */
import type { FuzzFailure, SimulationOptions, TimedAction, UnsafeSwitch } from '../core/index.ts';

/** Seeds for one worker thread to run. */
export interface FuzzBatch {
  readonly seeds: readonly number[];
  readonly ticks: number;
  readonly switches: readonly UnsafeSwitch[];
}

/** What a worker thread answers for one seed: a pass, or the failure with its run. */
export type SeedVerdict =
  | { readonly seed: number; readonly failure: null }
  | { readonly seed: number; readonly failure: FuzzFailure; readonly options: SimulationOptions; readonly actions: readonly TimedAction[] };

/** The seeds of shard `index` (1-based) of `count` equal blocks of [from, from + total). */
export function shardSeeds(from: number, total: number, shard: { index: number; count: number } | null): number[] {
  const all = Array.from({ length: total }, (_, offset) => from + offset);
  if (shard === null) return all;
  const size = Math.ceil(total / shard.count);
  return all.slice((shard.index - 1) * size, shard.index * size);
}

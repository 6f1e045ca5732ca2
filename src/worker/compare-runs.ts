/**
 * The worker's side of Compare: the run on screen against the same run with one setting changed,
 * played to the end of the run (src/core/compare.ts finds the first divergence).
 */
import type { Divergence, SimulationOptions, Timeline } from '../core/index.ts';
import { defaultRaftConfig, firstDivergence, SimulationInputError } from '../core/index.ts';
import type { CompareChange } from '../protocol/worker-protocol.ts';
import { compareChanges } from '../protocol/worker-protocol.ts';

export function requireCompareChange(value: unknown): CompareChange {
  if (compareChanges.includes(value as CompareChange)) return value as CompareChange;
  throw new SimulationInputError('change', compareChanges.join(', '), JSON.stringify(value) ?? 'undefined');
}

/** The run's options with `change` made. */
export function changedOptions(options: SimulationOptions, change: CompareChange): SimulationOptions {
  const raft = options.raft ?? {};
  switch (change) {
    case 'fast-backup':
      return { ...options, raft: { ...raft, fastBackup: !(raft.fastBackup ?? defaultRaftConfig.fastBackup) } };
    case 'election-timeout': {
      const min = raft.electionTimeoutTicksMin ?? defaultRaftConfig.electionTimeoutTicksMin;
      const max = raft.electionTimeoutTicksMax ?? defaultRaftConfig.electionTimeoutTicksMax;
      return { ...options, raft: { ...raft, electionTimeoutTicksMin: min * 2, electionTimeoutTicksMax: max * 2 } };
    }
    case 'seed':
      return { ...options, seed: (options.seed ?? 1) + 1 };
  }
}

export function compareWith(timeline: Timeline, change: CompareChange): { options: SimulationOptions; divergence: Divergence | null } {
  const options = changedOptions(timeline.options, change);
  const actions = timeline.recordedActions;
  return { options, divergence: firstDivergence({ options: timeline.options, actions }, { options, actions }, timeline.maxTick) };
}

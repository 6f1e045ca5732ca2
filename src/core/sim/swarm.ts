import { chance, intInclusive, pickIndex, streamPrng } from '../base/prng.ts';
import type { FaultOptions } from './faults.ts';
import type { SimulationOptions } from './options.ts';

/**
 * Swarm testing, as TigerBeetle's VOPR does it: every seed draws its own cluster and fault mix
 * (cluster size, compaction, flow control, loss, duplication, reordering, latency, client load,
 * crash, partition and link-cut rates), so a few hundred seeds explore far more combinations than
 * one fixed mix would. The draws come from a stream of their own ("swarm"), and the run itself
 * uses the same seed for everything else.
 */
export interface Swarm {
  readonly options: SimulationOptions & { readonly nodes: number; readonly seed: number };
  readonly faults: FaultOptions;
}

function oneOf<T>(rng: Parameters<typeof pickIndex>[0], choices: readonly T[]): T {
  return choices[pickIndex(rng, choices.length)]!;
}

export function drawSwarm(seed: number): Swarm {
  const rng = streamPrng(seed, 'swarm');
  const nodes = oneOf(rng, [1, 3, 5, 5, 7]);
  const options = {
    nodes,
    seed,
    raft: { snapshotThresholdEntries: oneOf(rng, [0, 20, 50]), fastBackup: chance(rng, 0.5), inflightMax: intInclusive(rng, 1, 8), entriesPerAppendMax: oneOf(rng, [1, 2, 64, 64]) },
    network: {
      dropRatio: oneOf(rng, [0, 0.05, 0.2]),
      duplicateRatio: oneOf(rng, [0, 0.05, 0.2]),
      reorderRatio: oneOf(rng, [0, 0.3, 1]),
      delayTicksMin: intInclusive(rng, 1, 10),
      delayTicksMax: intInclusive(rng, 10, 60),
    },
    workload: { proposeEveryTicks: oneOf(rng, [10, 30, 100]) },
  };
  const rate = (): number => oneOf(rng, [0, 300, 1_000, 3_000]);
  const faults: FaultOptions = {
    crashEveryTicks: rate(),
    downTicks: oneOf(rng, [100, 500, 2_000]),
    // Any number of nodes may be down at once: liveness is checked only after healing.
    downMax: nodes,
    partitionEveryTicks: rate(),
    partitionTicks: oneOf(rng, [200, 1_000, 3_000]),
    cutEveryTicks: rate(),
    cutTicks: oneOf(rng, [200, 1_000]),
    networkEveryTicks: oneOf(rng, [0, 0, 2_000]),
    exact: false,
  };
  return { options, faults };
}

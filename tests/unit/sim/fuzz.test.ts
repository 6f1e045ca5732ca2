/**
 * Swarm fuzzing in the manner of TigerBeetle's VOPR: every seed draws its own fault mix (cluster
 * size, loss, duplication, reordering, latency, crash and partition rates), runs a safety phase
 * with faults and client load while the checker watches every tick, then a liveness phase: heal
 * everything, restart every node, and require one leader and every acknowledged proposal applied
 * on every node. A failure names the seed, so `FUZZ_SEED=n npx vitest run tests/unit/sim/fuzz` reproduces it.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../../src/core/index.ts';
import { chance, intInclusive, pickIndex, seedPrng } from '../../../src/core/base/prng.ts';

interface Proposal {
  index: number;
  term: number;
  key: string;
  value: string;
}

interface FuzzOutcome {
  /** Proposals some node applied: a client would have been told they succeeded. */
  acknowledged: Proposal[];
  simulation: Simulation;
}

/** Moves proposals that some node has now applied (same index and term) to `acknowledged`. */
function collectAcknowledged(simulation: Simulation, pending: Map<string, Proposal>, acknowledged: Proposal[], afterSeq: number): number {
  for (const event of simulation.events({ topics: ['APPL'], afterSeq })) {
    if (event.type !== 'applied') continue;
    const key = `${event.index}/${event.term}`;
    const proposal = pending.get(key);
    if (proposal !== undefined) {
      pending.delete(key);
      acknowledged.push(proposal);
    }
  }
  return simulation.lastEventSeq;
}

function runSwarm(seed: number, ticks: number): FuzzOutcome {
  const rng = seedPrng(seed ^ 0x5eed);
  const nodes = [1, 3, 5, 5, 7][pickIndex(rng, 5)]!;
  const simulation = createSimulation({
    nodes,
    seed,
    raft: { snapshotThresholdEntries: [0, 20, 50][pickIndex(rng, 3)]!, fastBackup: chance(rng, 0.5), inflightMax: intInclusive(rng, 1, 8) },
    network: {
      dropRatio: [0, 0.05, 0.2][pickIndex(rng, 3)]!,
      duplicateRatio: [0, 0.05, 0.2][pickIndex(rng, 3)]!,
      reorderRatio: [0, 0.3, 1][pickIndex(rng, 3)]!,
      delayTicksMin: intInclusive(rng, 1, 10),
      delayTicksMax: intInclusive(rng, 10, 60),
    },
  });
  const crashPercent = intInclusive(rng, 0, 3);
  const partitionPercent = intInclusive(rng, 0, 3);
  const acknowledged: Proposal[] = [];
  const pending = new Map<string, Proposal>();
  let seen = 0;
  let proposals = 0;
  for (let tick = 0; tick < ticks; tick += 10) {
    simulation.advance(10);
    seen = collectAcknowledged(simulation, pending, acknowledged, seen);
    expect(simulation.violations(), `seed ${seed} at tick ${simulation.tick}`).toEqual([]);
    const roll = intInclusive(rng, 0, 999);
    const id = intInclusive(rng, 1, nodes);
    const alive = simulation.nodeState(id).alive;
    if (roll < crashPercent * 10) {
      if (alive) simulation.crash(id);
      else simulation.restart(id);
    } else if (roll < (crashPercent + partitionPercent) * 10) {
      const groupOf = Array.from({ length: nodes }, () => intInclusive(rng, 0, 1));
      const groups = [0, 1].map((g) => groupOf.flatMap((group, index) => (group === g ? [index + 1] : []))).filter((g) => g.length > 0);
      simulation.partition(groups);
    } else if (roll < 60) {
      simulation.heal();
    } else if (roll < 400) {
      const key = `k${intInclusive(rng, 0, 9)}`;
      const value = `v${proposals++}`;
      const result = simulation.put(key, value);
      if (result.isLeader) pending.set(`${result.index}/${result.term}`, { index: result.index, term: result.term, key, value });
    }
  }
  return { acknowledged, simulation };
}

function settle(outcome: FuzzOutcome, seed: number): void {
  const { simulation } = outcome;
  simulation.heal();
  simulation.configureNetwork({ dropRatio: 0, duplicateRatio: 0 });
  for (const id of simulation.nodeIds) if (!simulation.nodeState(id).alive) simulation.restart(id);
  // Liveness: a leader must emerge and, once it commits an entry of its own term, every entry
  // before it is committed too.
  const elected = simulation.advanceUntil((s) => s.leader() !== null, { maxTicks: 20_000 });
  expect(elected, `seed ${seed}: no leader after healing`).toBe(true);
  simulation.put('final', 'marker');
  const converged = simulation.advanceUntil(
    (s) => {
      const leader = s.leader();
      if (leader === null) return false;
      const target = s.nodeState(leader.id).lastIndex;
      return s.nodeIds.every((id) => s.nodeState(id).lastApplied >= target);
    },
    { maxTicks: 20_000 },
  );
  expect(converged, `seed ${seed}: cluster did not converge`).toBe(true);
  expect(simulation.violations(), `seed ${seed}`).toEqual([]);
  // Every acknowledged proposal sits at its index, with its command, on every node.
  for (const { index, key, value } of outcome.acknowledged) {
    const at = simulation.committedAt(index);
    const nodes = simulation.nodeIds.length;
    expect(at.count, `seed ${seed}: index ${index} applied on ${at.count}/${nodes}`).toBe(nodes);
    for (const id of simulation.nodeIds) {
      const entry = simulation.applied(id).find((e) => e.index === index);
      // Entries folded into a snapshot are checked through the key-value state below.
      if (entry !== undefined) expect(entry.command, `seed ${seed}: node ${id} index ${index}`).toEqual({ type: 'put', key, value });
    }
  }
  // All nodes hold the same key-value state.
  const reference = JSON.stringify(simulation.kv(simulation.nodeIds[0]!));
  for (const id of simulation.nodeIds) expect(JSON.stringify(simulation.kv(id)), `seed ${seed}: node ${id} state`).toBe(reference);
}

const seedFromEnvironment = process.env.FUZZ_SEED === undefined ? null : Number(process.env.FUZZ_SEED);
const seeds = seedFromEnvironment !== null ? [seedFromEnvironment] : Array.from({ length: Number(process.env.FUZZ_SEEDS ?? 60) }, (_, i) => i + 1);

describe('swarm fuzzing: safety under faults, liveness after healing', () => {
  it.each(seeds)('seed %i', (seed) => {
    const outcome = runSwarm(seed, 6_000);
    settle(outcome, seed);
  });
});

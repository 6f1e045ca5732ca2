/**
 * Swarm fuzzing in the manner of TigerBeetle's VOPR: every seed draws its own fault mix (cluster
 * size, loss, duplication, reordering, latency, client load, crash, partition and link-cut rates;
 * src/core/sim/swarm.ts), runs a safety phase with the shared fault schedule (sim/faults.ts) and
 * the steady client while the checker and the invariants watch every event, then a liveness
 * phase: heal everything, restart every node, and require one leader and every acknowledged
 * proposal applied on every node. A failure names the seed, so
 * `FUZZ_SEED=n npx vitest run tests/unit/sim/fuzz` reproduces it.
 */
import { describe, expect, it } from 'vitest';
import { advanceWithFaults, createSimulation, newFaultSchedule, type Simulation } from '../../../src/core/index.ts';
import { drawSwarm } from '../../../src/core/sim/swarm.ts';

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
  faultsTaken: number;
}

/**
 * Follows the steady client's proposals through the event stream: accepted by a leader at (index,
 * term), then acknowledged once some node applies that same (index, term).
 */
function collectAcknowledged(simulation: Simulation, pending: Map<string, Proposal>, acknowledged: Proposal[], afterSeq: number): number {
  for (const event of simulation.events({ afterSeq })) {
    if (event.type === 'proposal-accepted' && event.command.type === 'put') {
      pending.set(`${event.index}/${event.term}`, { index: event.index, term: event.term, key: event.command.key, value: event.command.value });
    } else if (event.type === 'applied') {
      const key = `${event.index}/${event.term}`;
      const proposal = pending.get(key);
      if (proposal !== undefined) {
        pending.delete(key);
        acknowledged.push(proposal);
      }
    }
  }
  return simulation.lastEventSeq;
}

function runSwarm(seed: number, ticks: number): FuzzOutcome {
  const swarm = drawSwarm(seed);
  // Enough events kept that no proposal or apply is lost between two looks at the log.
  const simulation = createSimulation({ ...swarm.options, eventLimit: 100_000 });
  const schedule = newFaultSchedule({ seed, nodes: swarm.options.nodes, faults: swarm.faults });
  const acknowledged: Proposal[] = [];
  const pending = new Map<string, Proposal>();
  let seen = 0;
  let faultsTaken = 0;
  for (let tick = 0; tick < ticks; tick += 100) {
    advanceWithFaults(simulation, schedule, 100, () => void (faultsTaken += 1));
    seen = collectAcknowledged(simulation, pending, acknowledged, seen);
    expect(simulation.violations(), `seed ${seed} at tick ${simulation.tick}`).toEqual([]);
  }
  return { acknowledged, simulation, faultsTaken };
}

function settle(outcome: FuzzOutcome, seed: number): void {
  const { simulation } = outcome;
  simulation.configureWorkload({ proposeEveryTicks: 0 });
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
    // Without fast backup a follower far behind is repaired one entry per round trip (§5.3), so the
    // bound allows up to ~600 entries of backlog at up to 120 ticks per round trip.
    { maxTicks: 100_000 },
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

  it('the seeds really exercise faults and client load', () => {
    const outcomes = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => runSwarm(seed, 6_000));
    expect(outcomes.reduce((sum, outcome) => sum + outcome.faultsTaken, 0)).toBeGreaterThan(20);
    expect(outcomes.filter((outcome) => outcome.acknowledged.length > 10).length).toBeGreaterThan(4);
    const stats = outcomes.map((outcome) => outcome.simulation.stats());
    expect(stats.some((s) => s.crashes > 0)).toBe(true);
    expect(stats.some((s) => s.dropped.MsgApp > 0)).toBe(true);
    expect(stats.some((s) => s.snapshotsInstalled > 0)).toBe(true);
  });
});

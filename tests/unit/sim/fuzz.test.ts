/**
 * The fuzz engine (src/core/fuzz/fuzz-seed.ts), swarm fuzzing in the manner of TigerBeetle's VOPR:
 * every seed draws its own fault mix, runs a safety phase under the shared fault schedule and a
 * leader nemesis while the checker and the invariants watch every event, then a liveness phase
 * (heal, restart every node: one leader, the whole log applied everywhere), then checks the
 * client history for linearizability.
 *
 * Correct Raft passes every seed; each broken-Raft switch is caught within 1,000 seeds (the count
 * is printed); the minimiser shrinks a planted bug to a short run. A failure names the seed, so
 * `FUZZ_SEED=n npx vitest run tests/unit/sim/fuzz` reproduces it.
 */
import { describe, expect, it } from 'vitest';
import type { FuzzResult, UnsafeSwitch } from '../../../src/core/index.ts';
import { createSimulation, fuzzSeed, HistoryRecorder, minimiseRun, replay, unsafeConfig, unsafeSwitchBreaks, unsafeSwitchNames } from '../../../src/core/index.ts';
import { historyFailure } from '../../../src/core/fuzz/fuzz-seed.ts';

const seedFromEnvironment = process.env.FUZZ_SEED === undefined ? null : Number(process.env.FUZZ_SEED);
const seeds = seedFromEnvironment !== null ? [seedFromEnvironment] : Array.from({ length: Number(process.env.FUZZ_SEEDS ?? 300) }, (_, i) => i + 1);

describe('fuzzing correct Raft: safety under faults, liveness after healing, linearizable histories', () => {
  it.each(seeds)('seed %i', (seed) => {
    const result = fuzzSeed(seed);
    expect(result.failure, `seed ${seed}`).toBeNull();
  });

  it('the seeds really exercise faults, client load and the history check', () => {
    const results = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => fuzzSeed(seed));
    expect(results.reduce((sum, result) => sum + result.faults, 0)).toBeGreaterThan(40);
    expect(results.filter((result) => result.acknowledged > 10).length).toBeGreaterThan(4);
    // Some writes are never acknowledged (their leader crashed or was replaced): the history has doubt in it.
    expect(results.some((result) => result.writes > result.acknowledged)).toBe(true);
    const stats = results.map((result) => replay({ options: result.options, actions: result.actions }, result.endTick).stats());
    expect(stats.some((s) => s.crashes > 10)).toBe(true);
    expect(stats.some((s) => s.dropped.MsgApp > 0)).toBe(true);
    expect(stats.some((s) => s.snapshotsInstalled > 0)).toBe(true);
  });

  it('a seed is deterministic: the same result twice, and its actions replay to the same end', () => {
    const first = fuzzSeed(6);
    expect(fuzzSeed(6)).toEqual(first);
    const replayed = replay({ options: first.options, actions: first.actions }, first.endTick);
    expect(replayed.actions()).toEqual(first.actions);
  });
});

/** The first failing seed with `name` on, searching up to `limit` seeds. */
function firstFailure(name: UnsafeSwitch, limit: number): { seed: number; result: FuzzResult } | null {
  for (let seed = 1; seed <= limit; seed += 1) {
    const result = fuzzSeed(seed, { switches: [name] });
    if (result.failure !== null) return { seed, result };
  }
  return null;
}

describe('fuzzing broken Raft', () => {
  it.each(unsafeSwitchNames)('catches %s within 1,000 seeds', (name) => {
    const found = firstFailure(name, 1_000);
    expect(found, `${name}: no seed of 1,000 failed`).not.toBeNull();
    const { seed, result } = found!;
    console.log(`fuzz: ${name} caught at seed ${seed} (${result.failure!.kind}: ${result.failure!.summary.slice(0, 120)})`);
    if (unsafeSwitchBreaks[name] === 'safety') expect(['violation', 'halted']).toContain(result.failure!.kind);
    else expect(result.failure!.kind).toBe('liveness');
    // The failing run, replayed from its options and actions, fails at the same tick.
    if (result.failure!.kind === 'violation') {
      const replayed = replay({ options: result.options, actions: result.actions }, result.failure!.tick);
      expect(replayed.violations()[0]?.property).toBe(result.failure!.property);
      expect(replayed.violations()[0]?.tick).toBe(result.failure!.tick);
    }
  });
});

describe('minimising a failing run', () => {
  it('shrinks a planted bug to the few actions that show it', () => {
    const { result } = firstFailure('keep-commit-on-restart', 50)!;
    const failure = result.failure!;
    expect(result.actions.length).toBeGreaterThan(0);
    const shrunk = minimiseRun({ options: result.options, actions: result.actions, endTick: failure.tick, failure });
    expect(shrunk.failure.property).toBe('Volatile State');
    // A crash and a restart are the whole story.
    expect(shrunk.actions.map((entry) => entry.action.type)).toEqual(['crash', 'restart']);
    expect(shrunk.endTick).toBeLessThanOrEqual(failure.tick);
    expect(shrunk.complete).toBe(true);
    // The short run fails the same way when replayed on its own.
    const replayed = replay({ options: shrunk.options, actions: shrunk.actions }, shrunk.endTick);
    expect(replayed.violations()[0]?.property).toBe('Volatile State');
  });

  it('shrinks an election-restriction bug to a short run, and reports progress and stops when asked', () => {
    const { result } = firstFailure('vote-without-log-check', 50)!;
    const failure = result.failure!;
    const progress: number[] = [];
    const shrunk = minimiseRun({ options: result.options, actions: result.actions, endTick: failure.tick, failure }, { onProgress: (p) => progress.push(p.replays) });
    expect(shrunk.actions.length).toBeLessThanOrEqual(Math.min(5, result.actions.length));
    expect(shrunk.failure.property).toBe(failure.property);
    expect(progress.length).toBe(shrunk.replays);
    let asked = 0;
    const stopped = minimiseRun({ options: result.options, actions: result.actions, endTick: failure.tick, failure }, { shouldStop: () => ++asked > 3 });
    expect(stopped.complete).toBe(false);
    expect(stopped.replays).toBe(3);
  });
});

describe('client histories', () => {
  it('catch an acknowledged write that was lost: applied before commit on a deposed leader', () => {
    const simulation = createSimulation({ nodes: 3, raft: { electionTimeoutTicksMin: 20_000, electionTimeoutTicksMax: 30_000, ...unsafeConfig(['apply-before-commit']) }, network: { delayTicksMin: 10, delayTicksMax: 10 } });
    const recorder = new HistoryRecorder();
    simulation.advance(100).campaign(1).advance(400);
    simulation.isolate(1).advance(100);
    // Node 1 applies x=1 at once and answers its client; no majority ever stores it.
    expect(simulation.put('x', '1', 1).isLeader).toBe(true);
    simulation.advance(100).campaign(2).advance(100);
    simulation.rejoin(1).advance(500);
    recorder.drain(simulation);
    expect(recorder.acknowledged).toBe(1);
    const failure = historyFailure(simulation, recorder, 100_000);
    expect(failure?.kind).toBe('linearizability');
    expect(failure?.summary).toContain('key x');
  });

  it('accept the same story on correct Raft: the write was never acknowledged', () => {
    const simulation = createSimulation({ nodes: 3, raft: { electionTimeoutTicksMin: 20_000, electionTimeoutTicksMax: 30_000 }, network: { delayTicksMin: 10, delayTicksMax: 10 } });
    const recorder = new HistoryRecorder();
    simulation.advance(100).campaign(1).advance(400);
    simulation.isolate(1).advance(100);
    simulation.put('x', '1', 1);
    simulation.advance(100).campaign(2).advance(100);
    simulation.rejoin(1).advance(500);
    recorder.drain(simulation);
    expect(recorder.writes).toBe(1);
    expect(recorder.acknowledged).toBe(0);
    expect(historyFailure(simulation, recorder, 100_000)).toBeNull();
  });
});

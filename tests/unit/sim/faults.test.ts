/**
 * The shared fault schedule (src/core/sim/faults.ts) and its driver (advanceWithFaults): faults
 * fire at their exact ticks whatever the caller's step size, they are recorded in the run like
 * any other action (so the run replays without the schedule), they are drawn from a stream of
 * their own, and bad options are refused. The CLI runs on the same schedule.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionResult, FaultOptions } from '../../../src/core/index.ts';
import { advanceWithFaults, createSimulation, newFaultSchedule, nextFaultTick, noFaults, replay, SimulationInputError, takeFaults } from '../../../src/core/index.ts';

const crashes: FaultOptions = { ...noFaults, crashEveryTicks: 3_000, downTicks: 1_500, exact: true };

function faultTicks(options: { faults: FaultOptions; ticks: number; step: number; seed?: number }): { tick: number; type: string }[] {
  const simulation = createSimulation({ nodes: 5, seed: options.seed ?? 1, workload: { proposeEveryTicks: 7 } });
  const schedule = newFaultSchedule({ seed: options.seed ?? 1, nodes: 5, faults: options.faults });
  const taken: { tick: number; type: string }[] = [];
  while (simulation.tick < options.ticks) {
    advanceWithFaults(simulation, schedule, Math.min(options.step, options.ticks - simulation.tick), (result: ActionResult, tick) => taken.push({ tick, type: result.action.type }));
  }
  return taken;
}

describe('fault schedule', () => {
  it('fires exactly on its ticks whatever the step size (a crash every 3,000 ticks, restarted 1,500 later)', () => {
    const expected = [
      { tick: 3_000, type: 'crash' },
      { tick: 4_500, type: 'restart' },
      { tick: 6_000, type: 'crash' },
      { tick: 7_500, type: 'restart' },
      { tick: 9_000, type: 'crash' },
    ];
    for (const step of [1, 7, 1_000, 9_999]) expect(faultTicks({ faults: crashes, ticks: 9_000, step }), `step ${step}`).toEqual(expected);
  });

  it('records its faults in the run, so the run replays without the schedule', () => {
    const options = { nodes: 5, seed: 3, workload: { proposeEveryTicks: 20 } };
    const simulation = createSimulation(options);
    const faults: FaultOptions = { ...noFaults, crashEveryTicks: 700, downTicks: 300, partitionEveryTicks: 1_100, partitionTicks: 400, cutEveryTicks: 900, cutTicks: 300, networkEveryTicks: 1_500, exact: false };
    advanceWithFaults(simulation, newFaultSchedule({ seed: 3, nodes: 5, faults }), 8_000);
    const types = new Set(simulation.actions().map(({ action }) => action.type));
    expect([...types].sort()).toEqual(['configure-network', 'crash', 'cut-link', 'heal', 'partition', 'restart', 'restore-link']);
    const again = replay({ options, actions: simulation.actions() }, simulation.tick);
    expect(JSON.stringify(again.view())).toBe(JSON.stringify(simulation.view()));
    expect(simulation.violations()).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const faults: FaultOptions = { ...noFaults, crashEveryTicks: 500, downTicks: 200, partitionEveryTicks: 800, partitionTicks: 300, exact: false };
    const one = faultTicks({ faults, ticks: 6_000, step: 100, seed: 5 });
    expect(faultTicks({ faults, ticks: 6_000, step: 333, seed: 5 })).toEqual(one);
    expect(faultTicks({ faults, ticks: 6_000, step: 100, seed: 6 })).not.toEqual(one);
  });

  it('draws from its own stream: the nodes and the network draw the same with or without it', () => {
    // A schedule whose first fault comes late leaves the run before it untouched.
    const late: FaultOptions = { ...noFaults, crashEveryTicks: 5_000, downTicks: 100, exact: true };
    const plain = createSimulation({ nodes: 5, seed: 9 });
    const faulty = createSimulation({ nodes: 5, seed: 9 });
    plain.advance(4_999);
    advanceWithFaults(faulty, newFaultSchedule({ seed: 9, nodes: 5, faults: late }), 4_999);
    expect(JSON.stringify(faulty.view())).toBe(JSON.stringify(plain.view()));
  });

  it('never crashes more nodes than downMax and skips a restart the run already did', () => {
    const schedule = newFaultSchedule({ seed: 1, nodes: 3, faults: { ...noFaults, crashEveryTicks: 10, downTicks: 1_000, downMax: 1, exact: true } });
    const alive = new Set([1, 2, 3]);
    const taken: string[] = [];
    for (let tick = 1; tick <= 100; tick += 1) {
      if (nextFaultTick(schedule) > tick) continue;
      for (const action of takeFaults(schedule, tick, (id) => alive.has(id))) {
        taken.push(action.type);
        if (action.type === 'crash') alive.delete(action.node);
      }
    }
    expect(taken).toEqual(['crash']);
    // The run restarts the node itself: the scheduled restart is dropped, not repeated.
    alive.add(1).add(2).add(3);
    expect(takeFaults(schedule, 1_010, (id) => alive.has(id)).filter((action) => action.type === 'restart')).toEqual([]);
  });

  it('refuses bad options with a typed error', () => {
    expect(() => newFaultSchedule({ seed: 1, nodes: 5, faults: { ...noFaults, crashEveryTicks: -1 } })).toThrow(SimulationInputError);
    expect(() => newFaultSchedule({ seed: 1, nodes: 5, faults: { ...noFaults, downMax: 6 } })).toThrow(/faults.downMax/);
    expect(() => newFaultSchedule({ seed: 1, nodes: 5, faults: { ...noFaults, dropRatios: [2] } })).toThrow(/faults.dropRatios/);
  });
});

describe('npm run sim', () => {
  const cli = resolve(import.meta.dirname, '../../../src/cli/sim.ts');
  const tsx = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');

  it('crashes first at the tick asked for, even with a client load that does not divide it', () => {
    const out = execFileSync(tsx, [cli, '--load', '7', '--crash-every', '3000', '--ticks', '7000', '--json'], { encoding: 'utf8' });
    const summary = JSON.parse(out) as { faults: { tick: number; summary: string }[]; violations: unknown[]; proposals: { accepted: number } };
    expect(summary.faults.map((fault) => fault.tick)).toEqual([3_000, 4_500, 6_000]);
    expect(summary.faults[0]!.summary).toMatch(/^Node \d crashed/);
    expect(summary.proposals.accepted).toBeGreaterThan(900);
    expect(summary.violations).toEqual([]);
  });

  it('exits 2 with the reason and the usage on a bad argument', () => {
    let failure: { status: number | null; stderr: string } | null = null;
    try {
      execFileSync(tsx, [cli, '--crash-every', '2.5'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status: number | null; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toMatch(/--crash-every must be a non-negative integer \(got 2.5\)/);
    expect(failure?.stderr).toMatch(/Usage: npm run sim/);
  });
});

/**
 * Compare two runs: the first place their event streams differ, against a reference that reads
 * both runs' whole event logs. Runs that agree give null; a changed seed or timeout diverges at
 * the first event it changes; fast backup changes nothing until a follower's log must be repaired.
 */
import { describe, expect, it } from 'vitest';
import { firstDivergence, Simulation, Timeline } from '../../../src/core/index.ts';
import type { SimEvent, SimulationOptions, TimedAction } from '../../../src/core/index.ts';
import { changedOptions, compareWith } from '../../../src/worker/compare-runs.ts';

function eventsOf(options: SimulationOptions, actions: readonly TimedAction[], until: number): SimEvent[] {
  const simulation = new Simulation({ ...options, eventLimit: 1_000_000 });
  for (const { tick, action } of actions) {
    simulation.advance(tick - simulation.tick);
    simulation.act(action);
  }
  simulation.advance(until - simulation.tick);
  return simulation.events().map((event) => event);
}

const strip = ({ seq: _seq, ...rest }: SimEvent) => JSON.stringify(rest);

function referenceDivergence(a: SimulationOptions, b: SimulationOptions, actions: readonly TimedAction[], until: number) {
  const left = eventsOf(a, actions, until);
  const right = eventsOf(b, actions, until);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    if (left[i] === undefined || right[i] === undefined || strip(left[i]!) !== strip(right[i]!)) return { index: i, a: left[i] ?? null, b: right[i] ?? null };
  }
  return null;
}

describe('firstDivergence', () => {
  const base: SimulationOptions = { nodes: 5, seed: 4, network: { dropRatio: 0.05 }, workload: { proposeEveryTicks: 50 } };
  const actions: TimedAction[] = [
    { tick: 1_000, action: { type: 'isolate', node: 3 } },
    { tick: 2_500, action: { type: 'rejoin', node: 3 } },
  ];

  it('the same run: no divergence', () => {
    expect(firstDivergence({ options: base, actions }, { options: base, actions }, 4_000)).toBeNull();
  });

  for (const change of ['seed', 'election-timeout', 'fast-backup'] as const) {
    it(`${change}: where the reference says, with the same count of shared events`, () => {
      const other = changedOptions(base, change);
      const found = firstDivergence({ options: base, actions }, { options: other, actions }, 4_000);
      const expected = referenceDivergence(base, other, actions, 4_000);
      if (expected === null) {
        expect(found).toBeNull();
        return;
      }
      expect(found).not.toBeNull();
      expect(found!.sameEvents).toBe(expected.index);
      expect(found!.a === null ? null : strip(found!.a)).toBe(expected.a === null ? null : strip(expected.a));
      expect(found!.b === null ? null : strip(found!.b)).toBe(expected.b === null ? null : strip(expected.b));
    });
  }

  it('the worker compares the run on screen, actions and all', () => {
    const timeline = new Timeline(base);
    timeline.advance(1_000);
    timeline.act({ type: 'crash', node: 1 });
    timeline.advance(1_000);
    const { options, divergence } = compareWith(timeline, 'seed');
    expect(options.seed).toBe(5);
    expect(divergence).not.toBeNull();
    expect(divergence!.tick).toBeLessThan(1_000);
  });
});

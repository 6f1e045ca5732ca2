/** The steady client: a put to the leader every n ticks, deterministic and replayable. */
import { describe, expect, it } from 'vitest';
import { createSimulation, replay } from '../../../src/core/index.ts';

describe('workload', () => {
  it('proposes to the leader every n ticks once there is one, and stops when turned off', () => {
    const sim = createSimulation({ nodes: 3, seed: 4, workload: { proposeEveryTicks: 10, keys: 4 } });
    sim.advanceUntil((s) => s.leader() !== null, { maxTicks: 2_000 });
    const before = sim.stats().proposalsAccepted;
    sim.advance(1_000);
    const accepted = sim.stats().proposalsAccepted - before;
    expect(accepted).toBeGreaterThanOrEqual(99);
    expect(accepted).toBeLessThanOrEqual(101);
    expect(sim.kv(sim.leader()!.id).map(([key]) => key)).toEqual(['key0', 'key1', 'key2', 'key3']);
    sim.configureWorkload({ proposeEveryTicks: 0 });
    const stopped = sim.stats().proposalsAccepted;
    sim.advance(1_000);
    expect(sim.stats().proposalsAccepted).toBe(stopped);
    expect(sim.violations()).toEqual([]);
  });

  it('replays exactly, including a change of rate', () => {
    const options = { nodes: 5, seed: 9, workload: { proposeEveryTicks: 25 } };
    const sim = createSimulation(options);
    sim.advance(1_500);
    sim.configureWorkload({ proposeEveryTicks: 7 });
    sim.advance(1_500);
    const again = replay({ options, actions: sim.actions() }, sim.tick);
    expect(JSON.stringify(again.view())).toBe(JSON.stringify(sim.view()));
  });

  it('skipping quiet ticks never skips a workload tick', () => {
    const options = { nodes: 3, seed: 2, workload: { proposeEveryTicks: 13 } };
    const fast = createSimulation(options).advance(3_000);
    const slow = createSimulation(options);
    for (let i = 0; i < 3_000; i += 1) slow.advance(1);
    expect(JSON.stringify(fast.view())).toBe(JSON.stringify(slow.view()));
  });

  it('rejects a bad rate with a typed error', () => {
    expect(() => createSimulation({ workload: { proposeEveryTicks: -1 } })).toThrow(/workload.proposeEveryTicks must be an integer from 0/);
    const sim = createSimulation();
    expect(() => sim.configureWorkload({ keys: 0 })).toThrow(/workload.keys/);
  });
});

/**
 * Membership change in the whole simulation (sim/cluster.ts, Add node and Remove node): the world
 * grows by a server that catches up through a snapshot and becomes a voter, shrinks by a removed
 * server that is shut down once its removal is applied, refuses a second change while one is
 * pending, and replays and seeks like any other run.
 */
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../src/core/index.ts';
import { createSimulation, SimulationInputError, Timeline } from '../../../src/core/index.ts';
import { fuzzSeed } from '../../../src/core/fuzz/fuzz-seed.ts';

function elected(options: Parameters<typeof createSimulation>[0] = {}): Simulation {
  const simulation = createSimulation({ nodes: 3, seed: 7, ...options });
  expect(simulation.advanceUntil((s) => s.leader() !== null && s.node(s.leader()!.id).log.committed > 0, { maxTicks: 5_000 })).toBe(true);
  return simulation;
}

const voters = (simulation: Simulation): readonly number[] => simulation.configuration().voters;

describe('Add node', () => {
  it('starts a server that catches up through a snapshot as a learner, then votes and counts', () => {
    const simulation = elected({ raft: { snapshotThresholdEntries: 8 }, workload: { proposeEveryTicks: 10 } });
    simulation.advance(1_000);
    const leader = simulation.leader()!.id;
    expect(simulation.node(leader).log.snapshotIndex, 'the leader compacted its log').toBeGreaterThan(0);
    const added = simulation.addNode();
    expect(added).toBe(4);
    expect(simulation.nodeIds).toEqual([1, 2, 3, 4]);
    expect(simulation.configuration()).toEqual({ voters: [1, 2, 3], learners: [4] });
    expect(simulation.node(4).membership, 'the new server knows no configuration yet').toEqual({ voters: [], learners: [], index: 0 });
    expect(simulation.advanceUntil((s) => voters(s).includes(4), { maxTicks: 5_000 })).toBe(true);
    expect(simulation.stats().sent.MsgSnap, 'it caught up through a snapshot').toBeGreaterThan(0);
    expect(simulation.view().quorum, 'a majority of four voters').toBe(3);
    simulation.advance(500);
    const now = simulation.leader()!.id;
    expect(simulation.node(4).membership).toEqual(simulation.node(now).membership);
    expect(simulation.node(4).log.applied).toBeGreaterThan(0);
    expect(simulation.violations()).toEqual([]);
    const types = simulation.events().map((event) => event.type);
    expect(types).toContain('node-added');
    expect(types.filter((type) => type === 'config-proposed').length, 'the add, then the promotion').toBe(2);
  });

  it('refuses a second change while the first has not committed (one change at a time)', () => {
    const simulation = elected();
    simulation.configureNetwork({ delayTicksMin: 30, delayTicksMax: 30 });
    expect(simulation.addNode()).toBe(4);
    const second = simulation.act({ type: 'add-node' });
    expect(second.type === 'membership' && second.refusal?.reason).toBe('pending');
    expect(second.summary).toMatch(/^Node \d refused to add node 5: configuration entry \d+ has not committed yet \(one change at a time\)$/);
    expect(simulation.nodeIds, 'no server started for a refused change').toEqual([1, 2, 3, 4]);
  });

  it('with no leader does nothing and says why', () => {
    const simulation = createSimulation({ nodes: 3, seed: 7 });
    const result = simulation.act({ type: 'add-node' });
    expect(result.summary).toBe('No leader right now: nobody to add node 4. Wait for an election to finish.');
    expect(simulation.nodeIds).toEqual([1, 2, 3]);
  });
});

describe('Remove node', () => {
  it('removing the leader: it leads until the change commits, steps down, and is shut down for good', () => {
    const simulation = elected({ nodes: 5 });
    const leader = simulation.leader()!.id;
    expect(simulation.removeNode(leader)).toBe(true);
    expect(simulation.advanceUntil((s) => s.isRemoved(leader), { maxTicks: 2_000 })).toBe(true);
    expect(simulation.isAlive(leader)).toBe(false);
    expect(simulation.events().some((event) => event.node === leader && event.type === 'became-follower' && event.reason === 'removed')).toBe(true);
    expect(simulation.advanceUntil((s) => s.leader() !== null, { maxTicks: 5_000 })).toBe(true);
    expect(voters(simulation)).not.toContain(leader);
    expect(voters(simulation)).toHaveLength(4);
    const view = simulation.view();
    expect(view.nodes[leader - 1]!.removedAt).toBeGreaterThan(0);
    expect(view.partition.flat(), 'the screen leaves it out').not.toContain(leader);
    expect(() => simulation.restart(leader)).toThrow(SimulationInputError);
    expect(() => simulation.restart(leader)).toThrow(/removed from the cluster at tick/);
    // The four left still commit.
    const before = simulation.node(simulation.leader()!.id).log.committed;
    simulation.propose('leader', { type: 'put', key: 'k', value: 'v' });
    expect(simulation.advanceUntil((s) => s.node(s.leader()!.id).log.committed > before, { maxTicks: 2_000 })).toBe(true);
    expect(simulation.violations()).toEqual([]);
  });

  it('removing a follower shrinks the quorum', () => {
    const simulation = elected({ nodes: 5 });
    const follower = simulation.nodeIds.find((id) => id !== simulation.leader()!.id)!;
    expect(simulation.view().quorum).toBe(3);
    simulation.removeNode(follower);
    expect(simulation.advanceUntil((s) => s.isRemoved(follower), { maxTicks: 2_000 })).toBe(true);
    expect(simulation.view().quorum).toBe(3);
    const second = simulation.nodeIds.find((id) => id !== simulation.leader()!.id && !simulation.isRemoved(id))!;
    simulation.removeNode(second);
    expect(simulation.advanceUntil((s) => s.isRemoved(second), { maxTicks: 2_000 })).toBe(true);
    expect(simulation.view().quorum, 'a majority of three voters').toBe(2);
  });
});

describe('a run that changes membership', () => {
  it('replays exactly from its actions, and a timeline seeks back across the changes', () => {
    const simulation = elected({ nodes: 3, workload: { proposeEveryTicks: 20 } });
    simulation.addNode();
    simulation.advance(600);
    simulation.removeNode(1);
    simulation.advance(600);
    const replay = createSimulation({ nodes: 3, seed: 7, workload: { proposeEveryTicks: 20 } });
    for (const { tick, action } of simulation.actions()) {
      replay.advance(tick - replay.tick);
      replay.act(action);
    }
    replay.advance(simulation.tick - replay.tick);
    expect(replay.view()).toEqual(simulation.view());

    const timeline = new Timeline({ nodes: 3, seed: 7, workload: { proposeEveryTicks: 20 } });
    for (const { tick, action } of simulation.actions()) {
      timeline.advance(tick - timeline.tick);
      timeline.act(action);
    }
    timeline.advance(simulation.tick - timeline.tick);
    expect(timeline.current.view()).toEqual(simulation.view());
    const early = simulation.actions()[0]!.tick - 1;
    timeline.seek(early);
    expect(timeline.current.view().nodes).toHaveLength(3);
    timeline.seek(simulation.tick);
    expect(timeline.current.view()).toEqual(simulation.view());
  });
});

describe('fuzzing with membership changes mixed into the faults', () => {
  it('finds nothing wrong, and servers really are added and removed, with and without the other extensions', () => {
    let added = 0;
    let removed = 0;
    for (let seed = 1; seed <= 40; seed += 1) {
      const result = fuzzSeed(seed, { membership: true, reads: true });
      expect(result.failure, `seed ${seed}`).toBeNull();
      // Replay the run to see what the changes did: the leader refuses some (one at a time).
      const replay = createSimulation(result.options);
      for (const { tick, action } of result.actions) {
        replay.advance(tick - replay.tick);
        replay.act(action);
      }
      replay.advance(result.endTick - replay.tick);
      added += replay.nodeIds.length - (result.options.nodes ?? 5);
      removed += replay.nodeIds.filter((id) => replay.isRemoved(id)).length;
    }
    expect(added).toBeGreaterThan(10);
    expect(removed).toBeGreaterThan(5);
    for (let seed = 1; seed <= 30; seed += 1) expect(fuzzSeed(seed, { membership: true, transfers: true, raft: { preVote: true, checkQuorum: true } }).failure, `seed ${seed}`).toBeNull();
  });
});

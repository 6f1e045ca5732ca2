/**
 * CheckQuorum and leader stickiness (thesis §6.2, §4.2.3; RaftConfig.checkQuorum). Step-down and
 * stickiness each have a scenario test (tests/scenarios/check-quorum-*.scn); here: the same split
 * without CheckQuorum keeps a minority leader, the leader's check fires on its own timer however
 * time is stepped, and fuzzing with it on finds nothing wrong.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, fuzzSeed } from '../../../src/core/index.ts';

function splitLeader(checkQuorum: boolean) {
  const simulation = createSimulation({ nodes: 5, seed: 1, raft: { electionTimeoutTicksMin: 2000, electionTimeoutTicksMax: 3000, checkQuorum }, network: { delayTicksMin: 10, delayTicksMax: 10 } });
  simulation.advance(100).campaign(1).advance(400);
  simulation.partition([[1, 2], [3, 4, 5]]);
  return simulation;
}

describe('CheckQuorum', () => {
  it('is off by default: a leader cut off in a minority stays leader', () => {
    expect(createSimulation().options.raft.checkQuorum).toBe(false);
    const simulation = splitLeader(false).advance(10_000);
    expect(simulation.nodeState(1).role).toBe('leader');
    expect(simulation.nodeState(1).term).toBe(1);
  });

  it('on: the minority leader steps down on its own, and says why', () => {
    const simulation = splitLeader(true).advance(10_000);
    // Stepped down (and, cut off, it now times out and stands again, in vain).
    expect(simulation.nodeState(1).role).not.toBe('leader');
    const stepDown = simulation.events({ node: 1, topics: ['LEAD'] }).find((event) => event.type === 'became-follower' && event.reason === 'check-quorum');
    expect(stepDown).toMatchObject({ previousRole: 'leader', heardFrom: [1, 2] });
  });

  it('checks on its own timer: tick by tick or in one jump, the same step-down tick', () => {
    const stepDownTick = (byTicks: boolean): number => {
      const simulation = splitLeader(true);
      if (byTicks) for (let i = 0; i < 8_000; i += 1) simulation.advance(1);
      else simulation.advance(8_000);
      return simulation.events({ node: 1, topics: ['LEAD'] }).find((event) => event.type === 'became-follower')!.tick;
    };
    expect(stepDownTick(true)).toBe(stepDownTick(false));
  });

  it('a healthy cluster keeps its leader, and fuzzing with it on finds nothing wrong', () => {
    const healthy = createSimulation({ nodes: 5, raft: { checkQuorum: true }, workload: { proposeEveryTicks: 50 } }).advance(30_000);
    expect(healthy.stats().leadersElected).toBe(1);
    for (let seed = 1; seed <= 150; seed += 1) expect(fuzzSeed(seed, { raft: { checkQuorum: true } }).failure, `seed ${seed}`).toBeNull();
  });
});

/**
 * Leader election scenarios after MIT 6.824's 2A tests (TestInitialElection2A, TestReElection2A,
 * TestManyElections2A), plus a one-node cluster and split votes. Each runs for several seeds
 * through the harness in helpers.ts; the safety checker must stay silent in every one.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core/index.ts';
import { intInclusive, seedPrng } from '../../../src/core/base/prng.ts';
import { makeHarness, raftElectionTimeout, scenarioSeeds } from './helpers.ts';

describe('initial election', () => {
  it.each(scenarioSeeds)('seed %i: one leader, terms agree, and the term holds while nothing fails', (seed) => {
    const h = makeHarness({ nodes: 3, seed });
    const leader = h.checkOneLeader();
    // Give followers time to hear the leader's first heartbeat before comparing terms.
    h.sim.advance(50);
    const term1 = h.checkTerms();
    expect(term1).toBeGreaterThanOrEqual(1);

    // Nothing fails, so no node may start an election: the term and the leader stay put.
    const elections = h.sim.stats().elections;
    h.sim.advance(2_000);
    expect(h.checkTerms()).toBe(term1);
    expect(h.sim.stats().elections).toBe(elections);
    expect(h.checkOneLeader()).toBe(leader);
  });
});

describe('re-election', () => {
  it.each(scenarioSeeds)('seed %i: a new leader after the leader is cut off; none without a majority', (seed) => {
    const h = makeHarness({ nodes: 3, seed });
    const leader1 = h.checkOneLeader();

    // The leader leaves: the other two elect a new one.
    h.disconnect(leader1);
    const leader2 = h.checkOneLeader();
    expect(leader2).not.toBe(leader1);
    const term2 = h.sim.nodeState(leader2).term;

    // The old leader comes back. It is still leader of its old, lower term, which changes nothing:
    // its stale heartbeats are refused and it steps down. The new leader keeps office and term.
    h.connect(leader1);
    expect(h.checkOneLeader()).toBe(leader2);
    expect(h.sim.nodeState(leader2).term).toBe(term2);
    expect(h.sim.nodeState(leader1).isLeader).toBe(false);
    expect(h.checkTerms()).toBe(term2);

    // Two of three leave: no majority anywhere, so the remaining node never becomes leader.
    const other = (leader2 % 3) + 1;
    h.disconnect(leader2);
    h.disconnect(other);
    h.sim.advance(2 * raftElectionTimeout);
    h.checkNoLeader();

    // A majority again: a leader appears.
    h.connect(other);
    h.checkOneLeader();

    // The last node rejoins: still exactly one leader.
    h.connect(leader2);
    h.checkOneLeader();
  });
});

describe('many elections', () => {
  it.each(scenarioSeeds)('seed %i: 7 nodes, repeatedly cut 3 at random; one leader every time', (seed) => {
    const h = makeHarness({ nodes: 7, seed });
    const rng = seedPrng(seed + 1000);
    h.checkOneLeader();
    for (let iteration = 1; iteration < 10; iteration += 1) {
      // As in the lab the three picks may repeat; disconnect/connect are idempotent.
      const picks = [0, 1, 2].map(() => intInclusive(rng, 1, 7));
      for (const id of picks) h.disconnect(id);
      h.checkOneLeader();
      for (const id of picks) h.connect(id);
    }
    h.checkOneLeader();
  });
});

describe('single-node cluster', () => {
  it.each(scenarioSeeds)('seed %i: elects itself as soon as its timer fires, and commits proposals at once', (seed) => {
    const h = makeHarness({ nodes: 1, seed });
    const sim = h.sim;
    // Its own vote is a majority: candidate and leader in the same tick, no message needed.
    expect(sim.advanceUntil((s) => s.leader() !== null, { maxTicks: sim.options.raft.electionTimeoutTicksMax })).toBe(true);
    const [candidate] = sim.events({ topics: ['LEAD'] }).filter((event) => event.type === 'became-candidate');
    const [leader] = sim.events({ topics: ['LEAD'] }).filter((event) => event.type === 'became-leader');
    expect(candidate?.tick).toBe(leader?.tick);
    expect(sim.stats().sent.MsgVote).toBe(0);

    // A proposal commits and applies within the call: no tick passes.
    const tick = sim.tick;
    const result = sim.put('x', '1');
    expect(result.isLeader).toBe(true);
    expect(sim.nodeState(1).commitIndex).toBe(result.index);
    expect(sim.nodeState(1).lastApplied).toBe(result.index);
    expect(sim.get(1, 'x')).toBe('1');
    expect(sim.tick).toBe(tick);
    expect(h.nCommitted(result.index).count).toBe(1);
  });
});

describe('split votes', () => {
  it('7 nodes with one fixed election timeout split the vote forever', () => {
    // With electionTimeoutTicksMin == Max every node times out in the same tick, votes for itself
    // and refuses the others; all timers restart equal, so the split repeats every round.
    const sim = createSimulation({ nodes: 7, seed: 1, raft: { electionTimeoutTicksMin: 200, electionTimeoutTicksMax: 200 } });
    sim.advance(10_000);
    expect(sim.leader()).toBeNull();
    expect(sim.stats().leadersElected).toBe(0);
    expect(sim.stats().elections).toBe(7 * 50);
    expect(sim.violations()).toEqual([]);
  });

  // Randomized timeouts (§5.2) break the symmetry. Bound: the first timeout fires by
  // electionTimeoutTicksMax (600 by default); a round of votes takes at most 2 x 30 ticks of
  // latency, and each split vote costs at most another timeout. Five timeouts (3,000 ticks) leave
  // room for four split rounds. Measured over seeds 1-500 with the defaults: the worst first
  // leader came at tick 821 (449 for the 20 seeds here), so the bound has over 3x headroom
  // without hiding a livelock like the one above.
  const seeds20 = Array.from({ length: 20 }, (_, index) => index + 1);
  it.each(seeds20)('seed %i: 7 nodes with the default randomized range elect a leader within 5 election timeouts', (seed) => {
    const sim = createSimulation({ nodes: 7, seed });
    const bound = 5 * sim.options.raft.electionTimeoutTicksMax;
    const elected = sim.advanceUntil((s) => s.leader() !== null, { maxTicks: bound });
    expect(elected, `seed ${seed}: no leader by tick ${sim.tick}`).toBe(true);
    expect(sim.violations()).toEqual([]);
  });
});

/**
 * The broken-Raft switches (src/core/raft/unsafe.ts), the liveness watch (sim/liveness.ts) and the
 * clean stop of a broken run (sim/halt.ts). Each switch's violation is shown deterministically by
 * its scenario, tests/scenarios/unsafe-*.scn (run by scenario-files.test.ts); here: the switches
 * are off by default and travel with a run, a broken run never throws and stays bounded, and the
 * watch reports a stall exactly once, at the same tick however time is stepped.
 */
import { describe, expect, it } from 'vitest';
import type { UnsafeSwitch } from '../../../src/core/index.ts';
import { advanceWithFaults, createSimulation, defaultRaftConfig, newFaultSchedule, replay, Simulation, unsafeConfig, unsafeSwitchField, unsafeSwitchNames } from '../../../src/core/index.ts';
import { drawSwarm } from '../../../src/core/sim/swarm.ts';
import { compactRun, expandRun } from '../../../src/protocol/run-compact.ts';
import { parseScenario, printScenario } from '../../../src/scenario/index.ts';
import { noAnnotations } from '../../../src/scenario/annotations.ts';

describe('unsafe switches', () => {
  it('are all off by default and must be true or false', () => {
    for (const name of unsafeSwitchNames) expect(defaultRaftConfig[unsafeSwitchField[name]]).toBe(false);
    expect(() => createSimulation({ raft: { unsafeForgetVote: 'yes' as unknown as boolean } })).toThrow(/raft.unsafeForgetVote must be true or false/);
  });

  it('travel with a run: compact run files and scenario text keep them', () => {
    const options = { nodes: 3, raft: unsafeConfig(['commit-by-counting', 'no-leader-noop']) };
    const run = { format: 'raftlab-run', version: 2, options, actions: [], tick: 0, annotations: noAnnotations } as const;
    expect(expandRun(compactRun(run)).options.raft).toEqual(options.raft);
    const parsed = parseScenario('nodes 3\nunsafe commit-by-counting\nunsafe no-leader-noop\nunsafe fixed-timeouts off\nrun until 10\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.options.raft).toEqual({ ...options.raft, unsafeFixedTimeouts: false });
    const printed = printScenario(parsed.scenario);
    expect(printed).toContain('unsafe commit-by-counting\nunsafe fixed-timeouts off\nunsafe no-leader-noop');
    expect(parseScenario(printed)).toEqual(parsed);
  });

  it('an unknown switch name in a scenario is an error naming the switches', () => {
    const parsed = parseScenario('unsafe commit-by-guessing\n');
    expect(parsed.ok).toBe(false);
  });

  it('fixed timeouts: every timeout is electionTimeoutTicksMin, so five nodes split the vote forever', () => {
    const simulation = createSimulation({ nodes: 5, raft: unsafeConfig(['fixed-timeouts']) });
    expect(simulation.node(1).electionTimeout).toBe(defaultRaftConfig.electionTimeoutTicksMin);
    simulation.advance(10_000);
    expect(simulation.leader()).toBeNull();
    expect(simulation.stats().leadersElected).toBe(0);
    expect(simulation.violations()).toEqual([]);
  });
});

/**
 * Every switch on but fixed timeouts (which keeps any leader from being elected, so nothing else
 * could break), under a heavy fault mix: the broken Raft at its worst.
 */
function brokenUnderFaults(seed: number, ticks: number): Simulation {
  const swarm = drawSwarm(seed);
  const simulation = createSimulation({ ...swarm.options, raft: { ...swarm.options.raft, ...unsafeConfig(unsafeSwitchNames.filter((name) => name !== 'fixed-timeouts')) } });
  const schedule = newFaultSchedule({ seed, nodes: swarm.options.nodes, faults: swarm.faults });
  advanceWithFaults(simulation, schedule, ticks);
  return simulation;
}

describe('a broken run', () => {
  it('never throws, reports what broke, and keeps what it keeps bounded', () => {
    let violating = 0;
    for (let seed = 1; seed <= 12; seed += 1) {
      const simulation = brokenUnderFaults(seed, 20_000);
      expect(simulation.tick).toBe(20_000);
      if (simulation.violations().length > 0 || simulation.halted() !== null) violating += 1;
      expect(simulation.violations().length).toBeLessThanOrEqual(1000);
      expect(simulation.stalls().length).toBeLessThanOrEqual(100);
    }
    expect(violating).toBeGreaterThan(6);
  });

  it('stops cleanly when it trips one of the core assertions: time passes, nothing happens, actions are kept', () => {
    const start = createSimulation({ nodes: 3, seed: 4, raft: unsafeConfig(['apply-before-commit']) });
    start.advance(1_000);
    const state = start.checkpoint();
    // A state no node can be in: commitIndex past the end of its log.
    state.servers[0]!.node!.log.committed = 99;
    const broken = Simulation.fromState(state, start.actions());
    broken.advance(500);
    const halt = broken.halted();
    expect(halt).not.toBeNull();
    expect(halt!.reason).toMatch(/invariant broken/);
    expect(broken.tick).toBe(1_500);
    expect(broken.events({ topics: ['FAULT'] }).some((event) => event.type === 'run-halted')).toBe(true);
    const result = broken.act({ type: 'crash', node: 2 });
    expect(result.summary).toMatch(/the run stopped at tick/);
    expect(broken.isAlive(2)).toBe(true);
    expect(broken.actions().at(-1)!.action).toEqual({ type: 'crash', node: 2 });
    expect(broken.put('x', '1')).toMatchObject({ isLeader: false, node: null });
    // Bad input is still refused as bad input.
    expect(() => broken.act({ type: 'crash', node: 9 })).toThrow(/node/);
  });

  it('without a switch, a broken assertion is a bug in Raftlab and is thrown', () => {
    const start = createSimulation({ nodes: 3, seed: 4 });
    start.advance(1_000);
    const state = start.checkpoint();
    state.servers[0]!.node!.log.committed = 99;
    expect(() => Simulation.fromState(state).advance(500)).toThrow(/invariant broken/);
  });
});

describe('the liveness watch', () => {
  const fixed = { nodes: 5, raft: unsafeConfig(['fixed-timeouts'] satisfies UnsafeSwitch[]), livenessWatchTicks: 2_000 };

  it('reports no leader once, at the tick the stretch reached its threshold, however time is stepped', () => {
    const inOneGo = createSimulation(fixed).advance(9_000);
    const byTicks = createSimulation(fixed);
    for (let tick = 0; tick < 9_000; tick += 1) byTicks.advance(1);
    expect(inOneGo.stalls()).toEqual([{ tick: 2_000, kind: 'no-leader', ticks: 2_000, nodes: [], term: null, index: null, detail: 'no leader for 2000 ticks while a majority could talk' }]);
    expect(byTicks.stalls()).toEqual(inOneGo.stalls());
    expect(inOneGo.events({ topics: ['LEAD'] }).filter((event) => event.type === 'liveness-stalled').map((event) => event.tick)).toEqual([2_000]);
  });

  it('replays to the same stalls', () => {
    const run = createSimulation(fixed).advance(100);
    run.crash(2);
    run.advance(5_000);
    expect(replay({ options: fixed, actions: run.actions() }, 5_100).stalls()).toEqual(run.stalls());
  });

  it('counts only while a majority can talk: a cluster with most nodes down reports nothing', () => {
    const simulation = createSimulation({ nodes: 5, livenessWatchTicks: 1_000 });
    simulation.crash(1).crash(2).crash(3);
    simulation.advance(10_000);
    expect(simulation.leader()).toBeNull();
    expect(simulation.stalls()).toEqual([]);
  });

  it('stays quiet in a correct cluster, and is off at 0', () => {
    const correct = createSimulation({ nodes: 5, workload: { proposeEveryTicks: 50 } }).advance(20_000);
    expect(correct.stalls()).toEqual([]);
    expect(createSimulation({ ...fixed, livenessWatchTicks: 0 }).advance(9_000).stalls()).toEqual([]);
  });

  it('defaults to five of the longest election timeouts', () => {
    expect(createSimulation({ raft: { electionTimeoutTicksMax: 800 } }).options.livenessWatchTicks).toBe(4_000);
  });
});

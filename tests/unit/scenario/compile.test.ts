/**
 * Compiling a scenario (src/scenario/compile.ts): symbolic nodes become the ids the simulation
 * shows at their tick, a proposal `to leader` keeps the core's 'leader' target, and the first
 * action that cannot be taken stops it with an error naming the line and the tick.
 */
import { describe, expect, it } from 'vitest';
import type { Action, NodeId, SimulationOptions, TimedAction } from '../../../src/core/index.ts';
import { replay, Simulation } from '../../../src/core/index.ts';
import type { CompileResult, Scenario, ScenarioError } from '../../../src/scenario/index.ts';
import { compileScenario, describeScenarioError, endOf, impliedEndMargin, parseScenario, scenarioTickMax } from '../../../src/scenario/index.ts';

function compileText(text: string): CompileResult {
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(`did not parse: ${JSON.stringify(parsed.errors)}`);
  return compileScenario(parsed.scenario);
}

function actionsOf(text: string): readonly TimedAction[] {
  const result = compileText(text);
  if (!result.ok) throw new Error(`did not compile: ${result.errors.map(describeScenarioError).join('; ')}`);
  return result.actions;
}

function compileErrorOf(text: string): ScenarioError {
  const result = compileText(text);
  if (result.ok) throw new Error('it compiled');
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
}

/**
 * The simulation the scenario describes, played independently: the same options, `actions` at
 * their ticks, and every became-leader event kept, so a test can read who led which term.
 */
class Reference {
  readonly simulation: Simulation;
  readonly leaderOfTerm = new Map<number, NodeId>();

  constructor(options: SimulationOptions) {
    this.simulation = new Simulation({ ...options, eventLimit: 1_000_000 });
  }

  /** Advances to `tick` (reading who became leader on the way). */
  to(tick: number): this {
    this.simulation.advance(tick - this.simulation.tick);
    this.read();
    return this;
  }

  act(action: Action): this {
    this.simulation.act(action);
    this.read();
    return this;
  }

  leader(): NodeId {
    const leader = this.simulation.leader();
    if (leader === null) throw new Error(`no leader at tick ${this.simulation.tick}`);
    return leader.id;
  }

  private read(): void {
    for (const event of this.simulation.events({ topics: ['LEAD'] })) {
      if (event.type === 'became-leader' && event.node !== null && !this.leaderOfTerm.has(event.term)) this.leaderOfTerm.set(event.term, event.node);
    }
  }
}

describe('compile: symbolic nodes', () => {
  const options: SimulationOptions = { nodes: 5, seed: 3 };

  it('`crash leader`, `restart old leader`, `isolate leader of term N` name the nodes the simulation shows then', () => {
    // Who leads at each tick, read off a simulation played by hand.
    const reference = new Reference(options).to(1_000);
    const first = reference.leader();
    const firstTerm = reference.simulation.leader()!.term;
    reference.act({ type: 'crash', node: first }).to(2_500);
    const second = reference.leader();
    const secondTerm = reference.simulation.leader()!.term;
    expect(second).not.toBe(first);
    reference.act({ type: 'restart', node: first }).to(3_000);
    expect(reference.leaderOfTerm.get(firstTerm)).toBe(first);
    expect(reference.leaderOfTerm.get(secondTerm)).toBe(second);

    const actions = actionsOf(`nodes 5\nseed 3\nat 1000: crash leader\nat 2500: restart old leader\nat 3000: isolate leader of term ${firstTerm}; isolate leader of term ${secondTerm}`);
    expect(actions).toEqual([
      { tick: 1_000, action: { type: 'crash', node: first } },
      { tick: 2_500, action: { type: 'restart', node: first } },
      { tick: 3_000, action: { type: 'isolate', node: first } },
      { tick: 3_000, action: { type: 'isolate', node: second } },
    ]);
  });

  it('`old leader` is the crashed leader both before and after a new one is elected', () => {
    const reference = new Reference(options).to(1_000);
    const first = reference.leader();
    const actions = actionsOf('nodes 5\nseed 3\nat 1000: crash leader\nat 1001: cut old leader -> 1\nat 3000: restore old leader -> 1; campaign leader');
    const second = new Reference(options).to(1_000).act({ type: 'crash', node: first }).to(3_000).leader();
    expect(actions.map((entry) => entry.action)).toEqual([
      { type: 'crash', node: first },
      { type: 'cut-link', from: first, to: 1, bothWays: false },
      { type: 'restore-link', from: first, to: 1, bothWays: false },
      { type: 'campaign', node: second },
    ]);
  });

  it('symbolic nodes inside partitions and links', () => {
    const first = new Reference(options).to(1_000).leader();
    const others = [1, 2, 3, 4, 5].filter((id) => id !== first);
    const actions = actionsOf(`nodes 5\nseed 3\nat 1000: partition {leader} {${others.join(', ')}}; cut leader <-> ${others[0]}`);
    expect(actions.map((entry) => entry.action)).toEqual([
      { type: 'partition', groups: [[first], others] },
      { type: 'cut-link', from: first, to: others[0], bothWays: true },
    ]);
  });

  it('`put x=1 to leader` stays the core\'s leader target; other targets become ids', () => {
    const reference = new Reference(options).to(1_000);
    const first = reference.leader();
    const actions = actionsOf(`nodes 5\nseed 3\nat 1000: put x=1 to leader; put y=2; put z=3 to 4; delete x to leader of term ${reference.simulation.leader()!.term}; noop`);
    expect(actions.map((entry) => entry.action)).toEqual([
      { type: 'propose', node: 'leader', command: { type: 'put', key: 'x', value: '1' } },
      { type: 'propose', node: 'leader', command: { type: 'put', key: 'y', value: '2' } },
      { type: 'propose', node: 4, command: { type: 'put', key: 'z', value: '3' } },
      { type: 'propose', node: first, command: { type: 'delete', key: 'x' } },
      { type: 'propose', node: 'leader', command: { type: 'noop' } },
    ]);
    // With no leader, a proposal `to leader` is still taken (it reaches nobody), as the core does it.
    expect(actionsOf('at 0: put x=1').map((entry) => entry.action)).toEqual([{ type: 'propose', node: 'leader', command: { type: 'put', key: 'x', value: '1' } }]);
  });

  it('the compiled run replays without the scenario to the state it was compiled against', () => {
    const text = 'nodes 5\nseed 3\nat 1000: crash leader\nat 2500: restart old leader; put k=v\nrun until 4000';
    const result = compileText(text);
    if (!result.ok) throw new Error('did not compile');
    const replayed = replay({ options: result.options, actions: result.actions }, 4_000);
    expect(replayed.actions()).toEqual(result.actions);
    expect(replayed.leader()).not.toBeNull();
  });
});

describe('compile: errors', () => {
  it('a symbolic node that names no node: no-node, with the line, the column and the tick', () => {
    const error = compileErrorOf('nodes 5\n\nat 0: crash leader');
    expect(error).toMatchObject({ code: 'no-node', line: 3, column: 1, found: 'leader', tick: 0, reason: 'no-leader' });
    expect(describeScenarioError(error)).toBe("line 3, column 1: at tick 0, 'leader' names no node: there is no leader then");
    expect(describeScenarioError(compileErrorOf('at 2000: heal; restart old leader'))).toBe("line 1, column 16: at tick 2000, 'old leader' names no node: no other node has led before then");
    expect(describeScenarioError(compileErrorOf('at 5: isolate leader of term 3'))).toBe("line 1, column 1: at tick 5, 'leader of term 3' names no node: no node led that term by then");
    expect(compileErrorOf('at 100: partition {1, leader} {2}')).toMatchObject({ code: 'no-node', found: 'leader', tick: 100 });
  });

  it('an action the simulation refuses at its tick: refused, with the simulation\'s own words', () => {
    const error = compileErrorOf('at 10: restart 1');
    expect(error).toMatchObject({ code: 'refused', line: 1, column: 1, found: 'restart 1', tick: 10, field: 'node', allowed: 'a crashed node', received: 'node 1, which is running' });
    expect(describeScenarioError(error)).toBe("line 1, column 1: at tick 10, the simulation refused 'restart 1': node must be a crashed node (got node 1, which is running)");
    expect(describeScenarioError(compileErrorOf('at 5: crash 2\nat 10: put x=1 to 2'))).toBe(
      "line 2, column 1: at tick 10, the simulation refused 'put x=1 to 2': node must be a running node (got node 2, which is crashed)",
    );
    expect(compileErrorOf('at 5: cut 2 -> 2')).toMatchObject({ code: 'refused', found: 'cut 2 -> 2', field: 'to' });
  });

  it('stops at the first action that cannot be taken', () => {
    const error = compileErrorOf('at 10: restart 1\nat 20: restart 2\nat 30: crash leader of term 99');
    expect(error).toMatchObject({ line: 1, tick: 10 });
  });

  it('a scenario built in code has no positions: line 0, and the message says none', () => {
    const scenario: Scenario = { options: {}, steps: [{ tick: 0, item: { kind: 'action', action: { type: 'crash', node: { kind: 'leader' } } } }], expectations: [], end: null, trace: null };
    const result = compileScenario(scenario);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ code: 'no-node', line: 0, column: 0 });
    expect(describeScenarioError(result.errors[0]!)).toBe("at tick 0, 'leader' names no node: there is no leader then");
    // Options the headless API refuses (a parsed scenario never has them).
    const bad = compileScenario({ ...scenario, options: { nodes: 0 } });
    expect(bad).toMatchObject({ ok: false, errors: [{ code: 'refused', line: 0, field: 'nodes' }] });
  });
});

describe('compile: the rest of the run', () => {
  it('captions, marks and expectations become the annotations, expectations in canonical text', () => {
    const result = compileText('at 100: caption "Hello"; mark m1\nat 200: mark "m 2"\nexpect  by 900 : leader in { 1,2 }\nexpect always: no violations');
    expect(result).toMatchObject({
      ok: true,
      actions: [],
      annotations: { captions: [{ tick: 100, text: 'Hello' }], marks: [{ tick: 100, name: 'm1' }, { tick: 200, name: 'm 2' }], expectations: ['expect by 900: leader in {1,2}', 'expect always: no violation'] },
    });
  });

  it('the end: `run until`, or the latest timed line or deadline plus impliedEndMargin, at most scenarioTickMax', () => {
    const end = (text: string): number => {
      const parsed = parseScenario(text);
      if (!parsed.ok) throw new Error('did not parse');
      const result = compileScenario(parsed.scenario);
      expect(result.ok && result.end).toBe(endOf(parsed.scenario));
      return endOf(parsed.scenario);
    };
    expect(end('at 100: heal\nrun until 5000')).toBe(5_000);
    expect(end('at 100: heal')).toBe(100 + impliedEndMargin);
    expect(end('at 100: heal\nexpect by 3000: no leader')).toBe(3_000 + impliedEndMargin);
    expect(end('at 100: heal\nexpect from 10 by 50: no leader')).toBe(100 + impliedEndMargin);
    expect(end('expect always: no violation')).toBe(impliedEndMargin);
    expect(endOf({ steps: [{ tick: scenarioTickMax - 10, item: { kind: 'mark', name: 'm' } }], expectations: [], end: null })).toBe(scenarioTickMax);
    expect(endOf({ steps: [], expectations: [{ timing: { kind: 'at', tick: scenarioTickMax } , condition: { kind: 'no-leader' } }], end: null })).toBe(scenarioTickMax);
  });

  it('compiles the same scenario to the same run every time', () => {
    const text = 'nodes 5\nseed 9\ndrop 5%\nat 700: crash leader\nat 1500: restart old leader\nat 2000: put a=b\nat 3000: isolate leader';
    expect(compileText(text)).toEqual(compileText(text));
  });
});

/**
 * Expectations decided on a real run (src/scenario/evaluate.ts). The evaluator looks at the run
 * only where something happens and works a condition out again only after an event of a topic
 * it depends on; here an independent oracle plays the same run one tick at a time, works out
 * every condition at every tick from the headless API, and decides each expectation by the
 * rules in evaluate.ts's header. Both must agree on the status, the tick and, for a failure, the
 * state of the cluster then. Every condition kind and every timing has a passing and a failing
 * case, and each case also states the status it was written to have.
 */
import { describe, expect, it } from 'vitest';
import type { Command, NodeId, NodeState, SimulationOptions, Term, TimedAction } from '../../../src/core/index.ts';
import { Simulation, SimulationInputError } from '../../../src/core/index.ts';
import type { Condition, ExpectationResult, ExpectationStatus, NodeRef, ScenarioRun } from '../../../src/scenario/index.ts';
import { describeExpectationResult, evaluateExpectations, parseExpectation, runScenario } from '../../../src/scenario/index.ts';

const until = 6_000;
const scenarioText = `
nodes 5
seed 7
snapshots off
at 1000: put x=1 to leader
at 1500: crash leader
at 3000: put y=2 to leader
at 3500: restart old leader
run until ${until}
`;

function run(text: string, expectations: readonly string[] = []): ScenarioRun {
  const result = runScenario(`${text}\n${expectations.join('\n')}`);
  if (!result.ok) throw new Error(`${result.stage}: ${JSON.stringify(result.errors)}`);
  return result;
}

const base = run(scenarioText);
const options: SimulationOptions = base.run.options;
const actions: readonly TimedAction[] = base.run.actions;

// ---- The oracle: the same run, one tick at a time ----------------------------------------

interface Decision {
  readonly status: 'passed' | 'failed' | 'pending';
  readonly tick: number | null;
  /** For a failure: who led and every node's state then. */
  readonly leader: { readonly id: number; readonly term: number } | null;
  readonly nodes: readonly NodeState[] | null;
}

function sameCommand(a: Command, b: Command): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Who led which term, what was applied where, read off every event. */
class Facts {
  readonly leaderOfTerm = new Map<Term, NodeId>();
  twoLeadersInATerm = false;
  /** index -> the first command applied there. */
  readonly appliedAt = new Map<number, Command>();
  private seen = 0;

  read(simulation: Simulation): void {
    for (const event of simulation.events({ afterSeq: this.seen })) {
      if (event.type === 'became-leader' && event.node !== null) {
        const known = this.leaderOfTerm.get(event.term);
        if (known === undefined) this.leaderOfTerm.set(event.term, event.node);
        else if (known !== event.node) this.twoLeadersInATerm = true;
      }
      if (event.type === 'applied' && !this.appliedAt.has(event.index)) this.appliedAt.set(event.index, event.command);
    }
    this.seen = simulation.lastEventSeq;
  }
}

function resolve(ref: NodeRef, simulation: Simulation, facts: Facts): NodeId | null {
  const current = simulation.leader()?.id ?? null;
  switch (ref.kind) {
    case 'id':
      return ref.id;
    case 'leader':
      return current;
    case 'old-leader': {
      const terms = [...facts.leaderOfTerm.keys()].sort((a, b) => b - a);
      const term = terms.find((candidate) => facts.leaderOfTerm.get(candidate) !== current);
      return term === undefined ? null : facts.leaderOfTerm.get(term)!;
    }
    case 'leader-of-term':
      return facts.leaderOfTerm.get(ref.term) ?? null;
  }
}

/** The condition, worked out from scratch on the state now (the meanings in conditions.ts's header). */
function holds(condition: Condition, simulation: Simulation, facts: Facts): boolean {
  const node = (ref: NodeRef): NodeId | null => resolve(ref, simulation, facts);
  switch (condition.kind) {
    case 'leader-in': {
      const leader = simulation.leader()?.id;
      return leader !== undefined && condition.nodes.some((ref) => node(ref) === leader);
    }
    case 'no-leader':
      return simulation.leader() === null;
    case 'committed': {
      const indexes = [...facts.appliedAt].filter(([, command]) => sameCommand(command, condition.command)).map(([index]) => index);
      if (condition.on === null) return indexes.length > 0;
      if (indexes.length === 0) return false;
      const first = Math.min(...indexes);
      const ids = condition.on.kind === 'all' ? simulation.nodeIds.filter((id) => !simulation.isRemoved(id)) : condition.on.nodes.map(node);
      return ids.every((id) => id !== null && simulation.nodeState(id).alive && simulation.nodeState(id).lastApplied >= first);
    }
    case 'term': {
      const id = node(condition.node);
      if (id === null) return false;
      const term = simulation.nodeState(id).term;
      return { '=': term === condition.term, '≥': term >= condition.term, '≤': term <= condition.term, '>': term > condition.term, '<': term < condition.term }[condition.comparison];
    }
    case 'role': {
      const id = node(condition.node);
      if (id === null) return false;
      const state = simulation.nodeState(id);
      return (simulation.isRemoved(id) ? 'removed' : state.alive ? state.role : 'crashed') === condition.role;
    }
    case 'voters': {
      const wanted = condition.nodes.map(node);
      if (wanted.includes(null)) return false;
      return JSON.stringify([...new Set(wanted)].sort((a, b) => a! - b!)) === JSON.stringify(simulation.configuration().voters);
    }
    case 'log': {
      const id = node(condition.node);
      if (id === null) return false;
      const disk = simulation.persisted(id);
      return disk.snapshot.index === 0 && JSON.stringify(disk.entries.map((entry) => entry.term)) === JSON.stringify(condition.terms);
    }
    case 'no-violation':
      return simulation.violations().length === 0;
    case 'violation':
      return simulation.violations().some((violation) => condition.property === null || violation.property === condition.property);
    case 'stall':
      return simulation.stalls().some((stall) => condition.stall === null || stall.kind === condition.stall);
    case 'one-leader-per-term':
      return !facts.twoLeadersInATerm;
  }
}

/** Each expectation decided by playing the run tick by tick to `end`. */
function oracle(texts: readonly string[], end: number): Decision[] {
  const expectations = texts.map((text) => {
    const parsed = parseExpectation(text);
    if (!parsed.ok) throw new Error(`oracle: ${text} does not parse`);
    return parsed.expectation;
  });
  const decisions: (Decision | null)[] = texts.map(() => null);
  const simulation = new Simulation({ ...options, eventLimit: 1_000_000 });
  const facts = new Facts();
  let next = 0;
  for (let tick = 0; tick <= end; tick += 1) {
    if (tick > 0) simulation.advance(1);
    while (actions[next]?.tick === tick) simulation.act(actions[next++]!.action);
    facts.read(simulation);
    const fail = (): Decision => ({ status: 'failed', tick, leader: simulation.leader(), nodes: simulation.nodeIds.map((id) => simulation.nodeState(id)) });
    expectations.forEach((expectation, index) => {
      if (decisions[index] !== null) return;
      const now = holds(expectation.condition, simulation, facts);
      const timing = expectation.timing;
      const pass: Decision = { status: 'passed', tick, leader: null, nodes: null };
      if (timing.kind === 'by') {
        if (tick < (timing.from ?? 0) || tick > timing.by) return;
        if (now) decisions[index] = pass;
        else if (tick === timing.by) decisions[index] = fail();
      } else if (timing.kind === 'at') {
        if (tick === timing.tick) decisions[index] = now ? pass : fail();
      } else if (now !== (timing.kind === 'always')) {
        decisions[index] = fail();
      }
    });
  }
  return expectations.map((expectation, index) => {
    const decided = decisions[index] ?? null;
    if (decided !== null) return decided;
    const lasting = expectation.timing.kind === 'always' || expectation.timing.kind === 'never';
    return { status: lasting ? 'passed' : 'pending', tick: lasting ? end : null, leader: null, nodes: null };
  });
}

// ---- The facts the cases are written against ----------------------------------------------

const reference = (() => {
  const simulation = new Simulation({ ...options, eventLimit: 1_000_000 });
  const facts = new Facts();
  const at = (tick: number): Simulation => {
    while (actions.length > 0 && simulation.tick < tick) {
      const due = actions.find((entry) => entry.tick > simulation.tick && entry.tick <= tick);
      const target = due?.tick ?? tick;
      simulation.advance(target - simulation.tick);
      for (const entry of actions.filter((candidate) => candidate.tick === target)) simulation.act(entry.action);
    }
    facts.read(simulation);
    return simulation;
  };
  const first = at(1_000).leader()!;
  const second = at(2_500).leader()!;
  return { first, second, facts };
})();
const L1 = reference.first.id;
const T1 = reference.first.term;
const L2 = reference.second.id;
const T2 = reference.second.term;
const other = [1, 2, 3, 4, 5].find((id) => id !== L1 && id !== L2)!;

/** Each case: the expectation, the status it is written to have. */
const cases: readonly (readonly [string, 'passed' | 'failed'])[] = [
  // leader in {…}
  [`expect by 1000: leader in {${L1}}`, 'passed'],
  [`expect at 1000: leader in {${other}}`, 'failed'],
  // no leader; from..by
  ['expect at 0: no leader', 'passed'],
  ['expect from 1100 by 1400: no leader', 'failed'],
  ['expect from 1501 by 1800: no leader', 'passed'],
  // committed
  ['expect by 2000: x=1 committed on all', 'passed'],
  ['expect by 1050: x=1 committed on all', 'failed'],
  ['expect at 1400: y=2 committed', 'failed'],
  [`expect by 5000: y=2 committed on {${L1}}`, 'passed'],
  ['expect never: x=1 committed', 'failed'],
  ['expect never: delete x committed', 'passed'],
  // in term
  [`expect at 1000: node ${L1} in term = ${T1}`, 'passed'],
  [`expect at 1000: node ${L1} in term > ${T1}`, 'failed'],
  [`expect by 2500: node ${L2} in term ≥ ${T2}`, 'passed'],
  // roles
  [`expect at 1600: node ${L1} is crashed`, 'passed'],
  [`expect always: node ${L1} is a follower`, 'failed'],
  [`expect never: node ${L2} is a leader`, 'failed'],
  [`expect always: node ${other} is a follower`, 'passed'],
  // logs (snapshots are off): the leader's no-op, then x=1
  [`expect at 1400: node ${L1} has log [${T1},${T1}]`, 'passed'],
  [`expect at 1400: node ${L1} has log [${T1}]`, 'failed'],
  // the checker and Election Safety
  ['expect always: no violation', 'passed'],
  ['expect never: no violation', 'failed'],
  ['expect always: at most one leader per term', 'passed'],
  ['expect never: at most one leader per term', 'failed'],
  // old leader, leader of term N
  ['expect at 1600: old leader is crashed', 'passed'],
  ['expect at 1000: old leader is crashed', 'failed'],
  [`expect at 2000: leader of term ${T1} is crashed`, 'passed'],
  [`expect by 3000: leader in {leader of term ${T2}}`, 'passed'],
  ['expect at 4000: old leader is a follower', 'passed'],
  [`expect at 4000: leader of term ${T2 + 5} is a follower`, 'failed'],
];
const texts = cases.map(([text]) => text);

describe('evaluateExpectations on a real run, against a tick-by-tick oracle', () => {
  const results = evaluateExpectations(options, actions, texts, until);
  const decisions = oracle(texts, until);

  it('the run is the one the cases are written for (two leaders, a crash between them)', () => {
    expect(L1).not.toBe(L2);
    expect(T2).toBeGreaterThan(T1);
    expect(actions.map((entry) => entry.action.type)).toEqual(['propose', 'crash', 'propose', 'restart']);
  });

  it.each(cases.map(([text, status], index) => [text, status, index] as const))('%s: %s', (text, status, index) => {
    const result = results[index]!;
    const decision = decisions[index]!;
    expect(result.expectation).toBe(text);
    expect(result.status).toBe(status);
    expect(result.status).toBe(decision.status);
    expect(result.tick).toBe(decision.tick);
    expect(result.errors).toEqual([]);
    if (status === 'passed') {
      expect(result.state).toBeNull();
    } else {
      expect(result.state).not.toBeNull();
      expect(result.state!.tick).toBe(decision.tick);
      expect(result.state!.leader).toEqual(decision.leader);
      expect(result.state!.nodes).toEqual(decision.nodes);
      expect(result.state!.held).toBe(text.startsWith('expect never'));
    }
  });

  it('every condition kind and every timing has a passing and a failing case', () => {
    const kinds = new Map<string, Set<ExpectationStatus>>();
    const timings = new Map<string, Set<ExpectationStatus>>();
    cases.forEach(([text], index) => {
      const parsed = parseExpectation(text);
      if (!parsed.ok) throw new Error(text);
      const timing = parsed.expectation.timing;
      const timingName = timing.kind === 'by' && timing.from !== null ? 'from-by' : timing.kind;
      for (const [map, key] of [[kinds, parsed.expectation.condition.kind], [timings, timingName]] as const) {
        if (!map.has(key)) map.set(key, new Set());
        map.get(key)!.add(results[index]!.status);
      }
    });
    for (const [name, statuses] of [...kinds, ...timings]) expect([name, [...statuses].sort()]).toEqual([name, ['failed', 'passed']]);
    expect(kinds.size).toBe(8);
    expect([...timings.keys()].sort()).toEqual(['always', 'at', 'by', 'from-by', 'never']);
  });

  it('always and never that held pass at `until`; a by passes at the first tick it holds', () => {
    expect(results[texts.indexOf('expect always: no violation')]).toMatchObject({ status: 'passed', tick: until });
    expect(results[texts.indexOf('expect never: delete x committed')]).toMatchObject({ status: 'passed', tick: until });
    // x=1 is applied on the last of the five nodes a little after it is proposed at 1000.
    const committed = results[texts.indexOf('expect by 2000: x=1 committed on all')]!;
    expect(committed.tick).toBeGreaterThan(1_000);
    expect(committed.tick).toBeLessThan(1_500);
    expect(results[texts.indexOf('expect from 1501 by 1800: no leader')]).toMatchObject({ status: 'passed', tick: 1_501 });
  });

  it('a failure carries the condition\'s facts', () => {
    const detail = (text: string) => results[texts.indexOf(text)]!.state!.condition;
    expect(detail(`expect at 1000: leader in {${other}}`)).toEqual({ kind: 'leader-in', leader: L1, nodes: [other], unresolved: [] });
    expect(detail(`expect at 1400: node ${L1} has log [${T1}]`)).toEqual({ kind: 'log', node: L1, terms: [T1, T1], snapshotIndex: 0, unresolved: [] });
    expect(detail('expect at 1000: old leader is crashed')).toEqual({ kind: 'role', node: null, role: null, unresolved: ['old leader'] });
    expect(detail(`expect at 1000: node ${L1} in term > ${T1}`)).toEqual({ kind: 'term', node: L1, term: T1, unresolved: [] });
    expect(detail('expect at 1400: y=2 committed')).toEqual({ kind: 'committed', indexes: [], nodes: [], missing: [], unresolved: [] });
    const early = detail('expect by 1050: x=1 committed on all');
    expect(early.kind === 'committed' && early.missing.length).toBeGreaterThan(0);
    expect(early.kind === 'committed' && early.indexes).toEqual([2]);
    const never = results[texts.indexOf('expect never: x=1 committed')]!;
    expect(never.state!.held).toBe(true);
    expect(never.state!.condition).toMatchObject({ kind: 'committed', indexes: [2] });
  });

  it('a failure in words: the facts, then the leader and every node at that tick', () => {
    const result = results[texts.indexOf(`expect at 1000: leader in {${other}}`)]!;
    const lines = describeExpectationResult(result).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `FAILED at tick 1000: expect at 1000: leader in {${other}}`,
      `  the leader was node ${L1}, not node ${other}`,
      `  at tick 1000: leader node ${L1} (term ${T1})`,
    ]);
    expect(lines).toHaveLength(3 + 5);
    expect(lines[2 + L1]).toMatch(new RegExp(`^    node ${L1}: leader, term ${T1}, commit \\d+, applied \\d+, last index \\d+$`));
    expect(describeExpectationResult(results[0]!)).toBe(`passed at tick ${results[0]!.tick}: expect by 1000: leader in {${L1}}`);
  });
});

describe('evaluateExpectations: pending and invalid', () => {
  it('pending when the deadline is after `until` and nothing decided it', () => {
    const [late, lateAt, passedEarly] = evaluateExpectations(options, actions, ['expect by 9000: no=1 committed', 'expect at 8000: no leader', 'expect by 9000: y=2 committed on all'], until);
    expect(late).toEqual({ expectation: 'expect by 9000: no=1 committed', status: 'pending', tick: null, state: null, errors: [] });
    expect(lateAt).toMatchObject({ status: 'pending', tick: null });
    // A deadline after `until` can still pass before it.
    expect(passedEarly).toMatchObject({ status: 'passed' });
    expect(passedEarly!.tick).toBeLessThan(until);
    expect(describeExpectationResult(late!)).toBe('pending (not decided yet): expect by 9000: no=1 committed');
  });

  it('invalid for text that does not parse and for a node the run does not have', () => {
    const [nonsense, nine, zero, fine] = evaluateExpectations(options, actions, ['expect by 10: nonsense', 'expect by 10: leader in {1, 9}', 'expect at 10: node 0 is a leader', 'expect at 0: no leader'], until);
    expect(nonsense).toMatchObject({ expectation: 'expect by 10: nonsense', status: 'invalid', tick: null, state: null, errors: [{ code: 'syntax', line: 1, column: 15, found: 'nonsense' }] });
    expect(nine).toMatchObject({ expectation: 'expect by 10: leader in {1,9}', status: 'invalid', tick: null, errors: [{ code: 'bad-node', found: '9', max: 5 }] });
    expect(zero).toMatchObject({ status: 'invalid', errors: [{ code: 'bad-node', found: '0' }] });
    expect(fine).toMatchObject({ status: 'passed', tick: 0 });
    expect(describeExpectationResult(nonsense!)).toBe("invalid: expect by 10: nonsense: line 1, column 15: expected a condition, found 'nonsense'");
  });

  it('refuses a bad `until` and a run the simulation refuses, naming the field', () => {
    expect(() => evaluateExpectations(options, actions, [], -1)).toThrow(SimulationInputError);
    expect(() => evaluateExpectations(options, actions, [], 1.5)).toThrow('until must be a tick (an integer of at least 0) (got 1.5)');
    expect(() => evaluateExpectations(options, [{ tick: 5, action: { type: 'restart', node: 1 } }], ['expect always: no violation'], 100)).toThrow(SimulationInputError);
    expect(() => evaluateExpectations({ nodes: 0 }, [], [], 100)).toThrow('nodes must be');
  });
});

describe('evaluateExpectations and runScenario agree', () => {
  it('the same results for the same run, from text or from parsed expectations', () => {
    const scenarioRun = run(scenarioText, texts);
    const fromText: ExpectationResult[] = evaluateExpectations(scenarioRun.run.options, scenarioRun.run.actions, texts, scenarioRun.run.end);
    const fromParsed = evaluateExpectations(scenarioRun.run.options, scenarioRun.run.actions, scenarioRun.scenario.expectations, scenarioRun.run.end);
    const fromAnnotations = evaluateExpectations(scenarioRun.run.options, scenarioRun.run.actions, scenarioRun.run.annotations.expectations, scenarioRun.run.end);
    expect(scenarioRun.run.end).toBe(until);
    expect(scenarioRun.results).toEqual(fromText);
    expect(fromParsed).toEqual(fromText);
    expect(fromAnnotations).toEqual(fromText);
  });

  it('an expectation alone is decided as it is among others (each is independent)', () => {
    const together = evaluateExpectations(options, actions, texts, until);
    texts.forEach((text, index) => {
      expect(evaluateExpectations(options, actions, [text], until)[0]).toEqual(together[index]);
    });
  });

  it('expectations on `old leader` and `leader of term N` in a scenario whose actions also use them', () => {
    const scenarioRun = run(scenarioText, [
      'expect at 1600: old leader is crashed',
      `expect at 3600: leader of term ${T1} is a follower`,
      `expect by 3600: leader of term ${T1} has log [${T1},${T1},${T2},${T2}]`,
      'expect at 2000: old leader in term = 1',
    ]);
    expect(scenarioRun.results.map((result) => result.status)).toEqual(['passed', 'passed', 'passed', T1 === 1 ? 'passed' : 'failed']);
  });
});

/**
 * A run (options, timed actions, annotations) as scenario text (src/scenario/from-run.ts): the
 * text compiles back to the same run, text -> run -> text gives the same text, and bad input is
 * refused the way an import refuses it, with a SimulationInputError naming the field.
 */
import { describe, expect, it } from 'vitest';
import type { Action, SimulationOptions, TimedAction } from '../../../src/core/index.ts';
import { SimulationInputError, Timeline } from '../../../src/core/index.ts';
import type { Annotations, CompiledRun, Scenario } from '../../../src/scenario/index.ts';
import { compileScenario, noAnnotations, parseScenario, runToScenarioText, scenarioActionsMax, scenarioFromRun, scenarioTickMax } from '../../../src/scenario/index.ts';
import { seededRandom } from '../../support/seeded-random.ts';

function compiled(text: string): CompiledRun {
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(`did not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}\n${text.slice(0, 2_000)}`);
  const result = compileScenario(parsed.scenario);
  if (!result.ok) throw new Error(`did not compile: ${JSON.stringify(result.errors)}`);
  return result;
}

function textOf(run: CompiledRun): string {
  return runToScenarioText(run.options, run.actions, run.annotations);
}


const story = `
nodes 5
seed 11
election 300..600
drop 2%
load every 200 keys 3

at 0: caption "A leader is elected, then crashed; a new one takes over"
at 1000: mark first-leader; put x=1 to leader; put "a b"="c d" to 2
at 1500: crash leader; caption "The leader crashes"
at 3000: restart old leader; put y=2
at 3500: partition {1, 2} {3, 4, 5}
at 4500: cut 1 -> 3; cut 2 <-> 4
at 5000: heal; latency 5..50 reorder 10%; load off
at 5200: restore 1 -> 3
at 8000: isolate leader; campaign 1
at 9000: rejoin old leader; delete x; noop to 3
expect by 1000: leader in {1, 2, 3, 4, 5}
expect always: no violation
expect never: delete y committed
`;

describe('from-run: text -> run -> text', () => {
  it('is stable: the second round gives the first round\'s text and run', () => {
    const first = compiled(story);
    const text = textOf(first);
    const second = compiled(text);
    expect(second.actions).toEqual(first.actions);
    expect(second.options).toEqual(first.options);
    expect(second.annotations).toEqual(first.annotations);
    expect(second.end).toBe(first.end);
    expect(textOf(second)).toBe(text);
  });

  it('writes every node as a number (resolved when the text was compiled), and `to leader` as it was', () => {
    const run = compiled(story);
    const text = textOf(run);
    const crashed = run.actions.find((entry) => entry.action.type === 'crash')!.action as Extract<Action, { type: 'crash' }>;
    expect(text).toContain(`\nat 1500: crash ${crashed.node}\n`);
    expect(text).toContain(`\nat 3000: restart ${crashed.node}\n`);
    expect(text).toContain('\nat 1000: put x=1 to leader\n');
    expect(text).toContain('\nat 1000: put "a b"="c d" to 2\n');
    expect(text).not.toMatch(/old leader|leader of term|isolate leader|rejoin old/);
  });

  it('at one tick: captions, then marks, then actions; annotations sorted by tick', () => {
    const actions: TimedAction[] = [{ tick: 50, action: { type: 'heal' } }, { tick: 50, action: { type: 'crash', node: 2 } }];
    const annotations: Annotations = {
      ...noAnnotations,
      captions: [{ tick: 70, text: 'later' }, { tick: 50, text: 'first' }, { tick: 50, text: 'second' }],
      marks: [{ tick: 50, name: 'm' }],
      expectations: ['expect  by   900 :  no leader'],
    };
    const scenario = scenarioFromRun({}, actions, annotations);
    expect(scenario.steps.map((step) => [step.tick, step.item.kind === 'action' ? step.item.action.type : step.item.kind])).toEqual([
      [50, 'caption'],
      [50, 'caption'],
      [50, 'mark'],
      [50, 'heal'],
      [50, 'crash'],
      [70, 'caption'],
    ]);
    expect(runToScenarioText({}, actions, annotations)).toBe(
      ['at 50: caption "first"', 'at 50: caption "second"', 'at 50: mark m', 'at 50: heal', 'at 50: crash 2', 'at 70: caption "later"', '', 'expect by 900: no leader', ''].join('\n'),
    );
  });

  it('an end given is `run until`, raised to the last timed line or deadline', () => {
    const actions: TimedAction[] = [{ tick: 400, action: { type: 'heal' } }];
    const annotations: Annotations = { ...noAnnotations, expectations: ['expect at 700: no leader'] };
    expect(scenarioFromRun({}, actions, annotations, 5_000).end).toBe(5_000);
    expect(scenarioFromRun({}, actions, annotations, 100).end).toBe(700);
    expect(runToScenarioText({}, actions, annotations, 5_000).endsWith('\nrun until 5000\n')).toBe(true);
  });
});

/**
 * A long run made at random on a Timeline, the way the app makes one: every kind of action,
 * including ones the simulation refuses (those are not recorded), over more than 100,000 ticks.
 */
function longRun(seed: number): { options: SimulationOptions; actions: readonly TimedAction[] } {
  const random = seededRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const nodes = 7;
  const node = (): number => int(1, nodes);
  const options: SimulationOptions = {
    nodes,
    seed,
    raft: { electionTimeoutTicksMin: 150, electionTimeoutTicksMax: 300, heartbeatIntervalTicks: 50, snapshotThresholdEntries: 30, inflightMax: 4, entriesPerAppendMax: 8, fastBackup: false },
    network: { delayTicksMin: 2, delayTicksMax: 12, dropRatio: 0.01, duplicateRatio: 0.005, reorderRatio: 0.02 },
    workload: { proposeEveryTicks: 300, keys: 5 },
    checkNodeInvariants: false,
    eventLimit: 2_000,
  };
  const timeline = new Timeline(options);
  const text = (): string => ['k', 'a b', '"', 'é', '😀', '\\', 'no', `v${int(0, 999)}`, ''][int(0, 8)]!;
  const makers: (() => Action)[] = [
    () => ({ type: 'crash', node: node() }),
    () => ({ type: 'restart', node: node() }),
    () => ({ type: 'isolate', node: node() }),
    () => ({ type: 'rejoin', node: node() }),
    () => ({ type: 'campaign', node: node() }),
    () => ({ type: 'transfer-leadership', node: node() }),
    () => (random() < 0.5 ? { type: 'add-node' } : { type: 'remove-node', node: node() }),
    () => ({ type: 'partition', groups: [[node(), node()].filter((id, index, ids) => ids.indexOf(id) === index), [node()]] }),
    () => ({ type: 'cut-link', from: node(), to: node(), bothWays: random() < 0.5 }),
    () => ({ type: 'restore-link', from: node(), to: node(), bothWays: random() < 0.5 }),
    () => ({ type: 'heal' }),
    () => ({ type: 'configure-network', network: random() < 0.5 ? { dropRatio: random() * 0.05, delayTicksMin: int(1, 5), delayTicksMax: int(5, 20) } : { reorderRatio: random() * 1e-8, duplicateRatio: int(0, 3) / 100 } }),
    () => ({ type: 'configure-workload', workload: random() < 0.3 ? { proposeEveryTicks: 0 } : { proposeEveryTicks: int(50, 500), keys: int(1, 8) } }),
    () => ({ type: 'propose', node: 'leader', command: { type: 'put', key: text(), value: text() } }),
    () => ({ type: 'propose', node: node(), command: { type: 'put', key: text(), value: text() } }),
    () => ({ type: 'propose', node: 'leader', command: { type: 'delete', key: text() } }),
    () => ({ type: 'propose', node: 'leader', command: { type: 'noop' } }),
    () => ({ type: 'get', node: random() < 0.5 ? 'leader' : node(), key: text() }),
  ];
  while (timeline.tick < 120_000) {
    timeline.advance(int(0, 3) === 0 ? 0 : int(1, 100));
    const action = makers[int(0, makers.length - 1)]!();
    try {
      timeline.act(action);
    } catch (error) {
      if (!(error instanceof SimulationInputError)) throw error;
    }
  }
  return { options, actions: timeline.toRun().actions };
}

describe('from-run: a long run survives run -> text -> compile', () => {
  it('more than 2,000 actions of every kind over 120,000 ticks: the same actions and options come back, and the text again', () => {
    const { options, actions } = longRun(2_024);
    expect(actions.length).toBeGreaterThan(2_000);
    expect(actions.at(-1)!.tick).toBeGreaterThan(100_000);
    expect(new Set(actions.map((entry) => entry.action.type)).size).toBe(16);

    const text = runToScenarioText(options, actions);
    const run = compiled(text);
    expect(run.options).toEqual(options);
    expect(run.actions).toEqual(actions);
    expect(textOf(run)).toBe(text);
  });
});

describe('from-run: bad runs are refused, naming the field', () => {
  const heal: TimedAction = { tick: 10, action: { type: 'heal' } };
  /** The field named by the SimulationInputError that `make` throws. */
  function refusedField(make: () => unknown): string {
    try {
      make();
    } catch (error) {
      if (error instanceof SimulationInputError) return error.field;
      throw error;
    }
    throw new Error('it was not refused');
  }
  const withAction = (action: unknown, before: readonly TimedAction[] = [heal]): TimedAction[] => [...before, { tick: 20, action: action as Action }];

  it.each([
    ['options.nodes out of range', () => scenarioFromRun({ nodes: 0 }, []), 'nodes'],
    ['an unknown option', () => scenarioFromRun({ colour: 'red' } as SimulationOptions, []), 'colour'],
    ['a bad network option', () => scenarioFromRun({ network: { dropRatio: 2 } }, []), 'network.dropRatio'],
    ['a tick going backwards', () => scenarioFromRun({}, [heal, { tick: 5, action: { type: 'heal' } }]), 'actions[1].tick'],
    ['a tick that is no integer', () => scenarioFromRun({}, [{ tick: 1.5, action: { type: 'heal' } }]), 'actions[0].tick'],
    ['a negative tick', () => scenarioFromRun({}, [{ tick: -1, action: { type: 'heal' } }]), 'actions[0].tick'],
    ['node 0', () => scenarioFromRun({}, withAction({ type: 'crash', node: 0 })), 'actions[1].action.node'],
    ['a node that is no number', () => scenarioFromRun({}, withAction({ type: 'propose', node: 'nobody', command: { type: 'noop' } })), 'actions[1].action.node'],
    ['an empty partition', () => scenarioFromRun({}, withAction({ type: 'partition', groups: [] })), 'actions[1].action.groups'],
    ['a bad node in a partition', () => scenarioFromRun({}, withAction({ type: 'partition', groups: [[1], [2, 'x']] })), 'actions[1].action.groups[1][1]'],
    ['a bad link end', () => scenarioFromRun({}, withAction({ type: 'cut-link', from: 1, to: 2.5, bothWays: true })), 'actions[1].action.to'],
    ['an unknown command', () => scenarioFromRun({}, withAction({ type: 'propose', node: 'leader', command: { type: 'append' } })), 'actions[1].action.command.type'],
    ['a key that is no string', () => scenarioFromRun({}, withAction({ type: 'propose', node: 1, command: { type: 'put', key: 5, value: 'v' } })), 'actions[1].action.command.key'],
    ['an unknown network field', () => scenarioFromRun({}, withAction({ type: 'configure-network', network: { colour: 1 } })), 'actions[1].action.network.colour'],
    ['a network value that is no number', () => scenarioFromRun({}, withAction({ type: 'configure-network', network: { dropRatio: '5%' } })), 'actions[1].action.network.dropRatio'],
    ['a workload that is no object', () => scenarioFromRun({}, withAction({ type: 'configure-workload', workload: null })), 'actions[1].action.workload'],
    ['an unknown action', () => scenarioFromRun({}, withAction({ type: 'explode' })), 'actions[1].action.type'],
    ['an expectation that does not parse', () => scenarioFromRun({}, [], { ...noAnnotations, expectations: ['expect always: no violation', 'expect sometimes: no leader'] }), 'annotations.expectations[1]'],
    ['the same, as text', () => runToScenarioText({}, [], { ...noAnnotations, expectations: ['crash 1'] }), 'annotations.expectations[0]'],
  ])('%s', (_name, make, field) => {
    expect(refusedField(make)).toBe(field);
  });

  it('says what was wrong in the error message', () => {
    expect(() => scenarioFromRun({}, withAction({ type: 'crash', node: 0 }))).toThrow('actions[1].action.node must be a node id (an integer of at least 1) (got 0)');
  });

  it('a run that is fine gives a scenario with every node concrete', () => {
    const scenario: Scenario = scenarioFromRun({ nodes: 3 }, withAction({ type: 'propose', node: 'leader', command: { type: 'put', key: 'k', value: 'v' } }));
    expect(scenario.steps.map((step) => step.item)).toEqual([
      { kind: 'action', action: { type: 'heal' } },
      { kind: 'action', action: { type: 'propose', node: { kind: 'leader' }, command: { type: 'put', key: 'k', value: 'v' } } },
    ]);
  });
});

describe('runs the text could not say back', () => {
  it('are refused, naming the field: ticks beyond the language, negative caption and mark ticks, too many actions', () => {
    const heal = { type: 'heal' } as const;
    const field = (run: () => unknown): string | null => {
      try {
        run();
        return null;
      } catch (error) {
        return error instanceof SimulationInputError ? error.field : String(error);
      }
    };
    expect(field(() => runToScenarioText({ nodes: 3 }, [{ tick: scenarioTickMax + 1, action: heal }]))).toBe('actions[0].tick');
    expect(field(() => runToScenarioText({ nodes: 3 }, [], { ...noAnnotations, captions: [{ tick: -5, text: 'before' }] }))).toBe('annotations.captions[0].tick');
    expect(field(() => runToScenarioText({ nodes: 3 }, [], { ...noAnnotations, marks: [{ tick: 1.5, name: 'half' }] }))).toBe('annotations.marks[0].tick');
    const many = Array.from({ length: scenarioActionsMax + 1 }, (_, tick) => ({ tick, action: heal }));
    expect(field(() => runToScenarioText({ nodes: 3 }, many))).toBe('actions');
  });
});

/**
 * Scenario text to a Scenario: what each statement means (src/scenario/parser.ts and its parts),
 * checked on the data the parser returns.
 */
import { describe, expect, it } from 'vitest';
import { topics } from '../../../src/core/index.ts';
import type { Condition, Expectation, Scenario, ScenarioAction, Step } from '../../../src/scenario/index.ts';
import { parseExpectation, parseScenario } from '../../../src/scenario/index.ts';

function scenarioOf(text: string): Scenario {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(`did not parse: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

function actionsOf(text: string): ScenarioAction[] {
  return scenarioOf(text).steps.flatMap((step) => (step.item.kind === 'action' ? [step.item.action] : []));
}

function conditionOf(text: string): Condition {
  const result = parseExpectation(`expect always: ${text}`);
  if (!result.ok) throw new Error(`did not parse: ${JSON.stringify(result.errors)}`);
  return result.expectation.condition;
}

const id = (value: number) => ({ kind: 'id', id: value }) as const;
const leader = { kind: 'leader' } as const;

describe('parseScenario: options', () => {
  it('each option statement sets its SimulationOptions path, and nothing else', () => {
    const scenario = scenarioOf(
      [
        'nodes 3',
        'seed 42',
        'election 200..400',
        'heartbeat 50',
        'snapshots every 20 entries',
        'fast backup off',
        'network latency 5..15 drop 10% duplicate 0.02',
        'reorder 1%',
        'load every 40 keys 4',
        'option raft.inflightMax 8',
        'option raft.entriesPerAppendMax 3',
        'option checkNodeInvariants off',
        'option eventLimit 500',
      ].join('\n'),
    );
    expect(scenario.options).toEqual({
      nodes: 3,
      seed: 42,
      raft: { electionTimeoutTicksMin: 200, electionTimeoutTicksMax: 400, heartbeatIntervalTicks: 50, snapshotThresholdEntries: 20, fastBackup: false, inflightMax: 8, entriesPerAppendMax: 3 },
      network: { delayTicksMin: 5, delayTicksMax: 15, dropRatio: 0.1, duplicateRatio: 0.02, reorderRatio: 0.01 },
      workload: { proposeEveryTicks: 40, keys: 4 },
      checkNodeInvariants: false,
      eventLimit: 500,
    });
    expect(scenarioOf('').options).toEqual({});
  });

  it('one end of a range, one value for both ends, and the ways to say off', () => {
    expect(scenarioOf('election min 250').options).toEqual({ raft: { electionTimeoutTicksMin: 250 } });
    expect(scenarioOf('latency max 40').options).toEqual({ network: { delayTicksMax: 40 } });
    expect(scenarioOf('latency 10').options).toEqual({ network: { delayTicksMin: 10, delayTicksMax: 10 } });
    expect(scenarioOf('snapshots off\nload off\nfast backup true').options).toEqual({ raft: { snapshotThresholdEntries: 0, fastBackup: true }, workload: { proposeEveryTicks: 0 } });
    expect(scenarioOf('snapshots every 5').options).toEqual({ raft: { snapshotThresholdEntries: 5 } });
    expect(scenarioOf('drop 0.125').options).toEqual({ network: { dropRatio: 0.125 } });
  });

  it('trace: topics in any case, in the order written, each once; all; default', () => {
    expect(scenarioOf('trace lead FAULT Lead cmit').trace).toEqual(['LEAD', 'FAULT', 'CMIT']);
    expect(scenarioOf('trace all').trace).toEqual(topics);
    expect(scenarioOf('trace default').trace).toBeNull();
    expect(scenarioOf('nodes 3').trace).toBeNull();
  });
});

describe('parseScenario: timed lines', () => {
  it('absolute and relative ticks; `;` continues at the same tick unless a new `at` starts', () => {
    const steps = scenarioOf('at 100: crash 1; restart 2\nat +50: heal; at +25: heal\nat 175: mark m').steps;
    expect(steps.map((step) => step.tick)).toEqual([100, 100, 150, 175, 175]);
    expect(steps.map((step) => step.source)).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 18 },
      { line: 2, column: 1 },
      { line: 2, column: 15 },
      { line: 3, column: 1 },
    ]);
    expect(scenarioOf('at +7: heal').steps[0]!.tick).toBe(7);
    expect(scenarioOf('at 1_000: heal').steps[0]!.tick).toBe(1000);
  });

  it('every action, with nodes by number or by the part they play', () => {
    const actions = actionsOf(
      [
        'at 1: crash leader; restart old leader; isolate leader of term 2; rejoin node 3; campaign 4',
        'at 2: partition {1, 2} {leader, 3}',
        'at 3: cut 1 -> 2; cut 2 <-> 3; restore 1 -> 2; restore old leader <-> leader; heal',
        'at 4: latency 1..2 drop 0; network; network reorder 50%; duplicate 1',
        'at 5: load off; load keys 2; load every 10 keys 3',
        'at 6: put x=1; put "a b"=2 to node 3; delete x to 2; noop to leader; noop',
      ].join('\n'),
    );
    expect(actions).toEqual([
      { type: 'crash', node: leader },
      { type: 'restart', node: { kind: 'old-leader' } },
      { type: 'isolate', node: { kind: 'leader-of-term', term: 2 } },
      { type: 'rejoin', node: id(3) },
      { type: 'campaign', node: id(4) },
      { type: 'partition', groups: [[id(1), id(2)], [leader, id(3)]] },
      { type: 'cut-link', from: id(1), to: id(2), bothWays: false },
      { type: 'cut-link', from: id(2), to: id(3), bothWays: true },
      { type: 'restore-link', from: id(1), to: id(2), bothWays: false },
      { type: 'restore-link', from: { kind: 'old-leader' }, to: leader, bothWays: true },
      { type: 'heal' },
      { type: 'configure-network', network: { delayTicksMin: 1, delayTicksMax: 2, dropRatio: 0 } },
      { type: 'configure-network', network: {} },
      { type: 'configure-network', network: { reorderRatio: 0.5 } },
      { type: 'configure-network', network: { duplicateRatio: 1 } },
      { type: 'configure-workload', workload: { proposeEveryTicks: 0 } },
      { type: 'configure-workload', workload: { keys: 2 } },
      { type: 'configure-workload', workload: { proposeEveryTicks: 10, keys: 3 } },
      { type: 'propose', node: leader, command: { type: 'put', key: 'x', value: '1' } },
      { type: 'propose', node: id(3), command: { type: 'put', key: 'a b', value: '2' } },
      { type: 'propose', node: id(2), command: { type: 'delete', key: 'x' } },
      { type: 'propose', node: leader, command: { type: 'noop' } },
      { type: 'propose', node: leader, command: { type: 'noop' } },
    ]);
  });

  it('captions decode their escapes; marks and keys may be bare words, numbers or quoted', () => {
    const steps = scenarioOf('at 1: caption "Say \\"hi\\"\\n\\tto \\\\ \\u{1F600} é"; mark start-1\nat 2: mark "two words"; mark 1.5\nat 3: put 007=1_000').steps;
    expect(steps.map((step: Step) => step.item)).toEqual([
      { kind: 'caption', text: 'Say "hi"\n\tto \\ 😀 é', zh: null },
      { kind: 'mark', name: 'start-1' },
      { kind: 'mark', name: 'two words' },
      { kind: 'mark', name: '1.5' },
      { kind: 'action', action: { type: 'propose', node: leader, command: { type: 'put', key: '007', value: '1_000' } } },
    ]);
  });

  it('comments, blank lines, CRLF, a byte order mark and a trace section are not statements', () => {
    const scenario = scenarioOf('\uFEFFnodes 3 # three\r\n\r\n# a comment\r\nat 5: caption "# not a comment"\r\n--- trace\r\n5 node 1: whatever\r\n');
    expect(scenario.options).toEqual({ nodes: 3 });
    expect(scenario.steps).toEqual([{ tick: 5, item: { kind: 'caption', text: '# not a comment', zh: null }, source: { line: 4, column: 1 } }]);
  });

  it('run until, absolute or after the last timed line', () => {
    expect(scenarioOf('at 100: heal\nrun until 500').end).toBe(500);
    expect(scenarioOf('at 100: heal\nrun until +500').end).toBe(600);
    expect(scenarioOf('at 100: heal').end).toBeNull();
  });
});

describe('parseScenario: expectations', () => {
  it('every timing; relative ticks count from the timed line before', () => {
    const expectations = scenarioOf('at 100: heal\nexpect by 900: no leader\nexpect by +50: no leader\nexpect from 200 by +300: no leader\nexpect at 7: no leader\nexpect always: no leader\nexpect never: no leader').expectations;
    expect(expectations.map((expectation: Expectation) => expectation.timing)).toEqual([
      { kind: 'by', from: null, by: 900 },
      { kind: 'by', from: null, by: 150 },
      { kind: 'by', from: 200, by: 400 },
      { kind: 'at', tick: 7 },
      { kind: 'always' },
      { kind: 'never' },
    ]);
    expect(expectations.map((expectation) => expectation.source)).toEqual([2, 3, 4, 5, 6, 7].map((line) => ({ line, column: 1 })));
  });

  it('every condition, in each of the ways it may be written', () => {
    expect(conditionOf('leader in {1, leader}')).toEqual({ kind: 'leader-in', nodes: [id(1), leader] });
    expect(conditionOf('a leader in {2}')).toEqual({ kind: 'leader-in', nodes: [id(2)] });
    expect(conditionOf('no leader')).toEqual({ kind: 'no-leader' });
    expect(conditionOf('x=1 committed')).toEqual({ kind: 'committed', command: { type: 'put', key: 'x', value: '1' }, on: null });
    expect(conditionOf('committed x=1 on all')).toEqual({ kind: 'committed', command: { type: 'put', key: 'x', value: '1' }, on: { kind: 'all' } });
    expect(conditionOf('"a b"=2 committed on {1,2}')).toEqual({ kind: 'committed', command: { type: 'put', key: 'a b', value: '2' }, on: { kind: 'nodes', nodes: [id(1), id(2)] } });
    expect(conditionOf('delete x committed on 3')).toEqual({ kind: 'committed', command: { type: 'delete', key: 'x' }, on: { kind: 'nodes', nodes: [id(3)] } });
    expect(conditionOf('committed delete x on leader')).toEqual({ kind: 'committed', command: { type: 'delete', key: 'x' }, on: { kind: 'nodes', nodes: [leader] } });
    for (const [sign, comparison] of [['=', '='], ['>=', '≥'], ['≥', '≥'], ['<=', '≤'], ['≤', '≤'], ['>', '>'], ['<', '<']] as const) {
      expect(conditionOf(`node 1 in term ${sign} 2`)).toEqual({ kind: 'term', node: id(1), comparison, term: 2 });
    }
    expect(conditionOf('2 in term = 0')).toEqual({ kind: 'term', node: id(2), comparison: '=', term: 0 });
    expect(conditionOf('old leader is a follower')).toEqual({ kind: 'role', node: { kind: 'old-leader' }, role: 'follower' });
    expect(conditionOf('leader of term 2 is crashed')).toEqual({ kind: 'role', node: { kind: 'leader-of-term', term: 2 }, role: 'crashed' });
    expect(conditionOf('node 3 is candidate')).toEqual({ kind: 'role', node: id(3), role: 'candidate' });
    expect(conditionOf('leader is a leader')).toEqual({ kind: 'role', node: leader, role: 'leader' });
    expect(conditionOf('node 3 has log [1, 1, 2]')).toEqual({ kind: 'log', node: id(3), terms: [1, 1, 2] });
    expect(conditionOf('node 3 has log []')).toEqual({ kind: 'log', node: id(3), terms: [] });
    expect(conditionOf('no violation')).toEqual({ kind: 'no-violation' });
    expect(conditionOf('no violations')).toEqual({ kind: 'no-violation' });
    expect(conditionOf('at most one leader per term')).toEqual({ kind: 'one-leader-per-term' });
  });

  it('a committed key may be a word that starts another condition', () => {
    // These keys used to be read as the start of `no leader` and `committed K=V`, so the printer's
    // own text for them did not parse back.
    for (const key of ['no', 'committed', 'delete', 'at', 'a', 'leader', 'old', 'node']) {
      expect(conditionOf(`${key}=1 committed`)).toEqual({ kind: 'committed', command: { type: 'put', key, value: '1' }, on: null });
      expect(conditionOf(`delete ${key} committed`)).toEqual({ kind: 'committed', command: { type: 'delete', key }, on: null });
    }
  });

  it('parseExpectation reads the text kept in annotations, with its position on line 1', () => {
    expect(parseExpectation('expect by 900: leader in {3,4,5}\n')).toEqual({
      ok: true,
      expectation: { timing: { kind: 'by', from: null, by: 900 }, condition: { kind: 'leader-in', nodes: [id(3), id(4), id(5)] }, source: { line: 1, column: 1 } },
    });
  });
});

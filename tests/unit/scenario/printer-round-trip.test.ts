/**
 * printScenario writes the canonical text of a scenario: parsing it gives the scenario back
 * (apart from `source`, where statements were written), and printing that again gives the same
 * text. Checked on a handwritten text that uses every statement, and on a few hundred scenarios
 * built at random (seeded) from the syntax tree's types, with every option, every action, every
 * condition and timing, and keys, values and captions that need quoting and escapes.
 */
import { describe, expect, it } from 'vitest';
import type { Topic } from '../../../src/core/index.ts';
import { nodeCountMax, topics } from '../../../src/core/index.ts';
import type { Comparison, Condition, Expectation, NodeRef, Scenario, ScenarioAction, Step, StepItem, Timing } from '../../../src/scenario/index.ts';
import { parseExpectation, parseScenario, printExpectation, printScenario, scenarioTickMax } from '../../../src/scenario/index.ts';
import { getOption, optionLeaves, setOption } from '../../../src/scenario/option-table.ts';
import { seededRandom } from '../../support/seeded-random.ts';

/** The scenario without `source`, which printing does not keep. */
function withoutSource(scenario: Scenario): Scenario {
  return {
    ...scenario,
    steps: scenario.steps.map(({ source: _source, ...step }) => step),
    expectations: scenario.expectations.map(({ source: _source, ...expectation }) => expectation),
  };
}

function parsed(text: string): Scenario {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(`did not parse:\n${text}\n${JSON.stringify(result.errors, null, 1)}`);
  return result.scenario;
}

/** Both promises of printer.ts for one scenario. */
function expectRoundTrip(scenario: Scenario): void {
  const text = printScenario(scenario);
  const again = parsed(text);
  expect(withoutSource(again)).toEqual(withoutSource(scenario));
  expect(printScenario(again)).toBe(text);
}

const rich = String.raw`
# Every statement the language has.
nodes 7
seed 4294967295
election 200..400
heartbeat 50
snapshots every 20 entries
fast backup off
check quorum on
prevote on
lease reads on
batching on
network latency 5..15 drop 10% duplicate 0.02 reorder 0.123456789
load every 40 keys 4
option raft.inflightMax 8
option raft.entriesPerAppendMax 3
option checkNodeInvariants off
option eventLimit 20000
liveness watch 4000
unsafe commit-by-counting
unsafe forget-vote off
unsafe vote-without-log-check on
unsafe fixed-timeouts
unsafe apply-before-commit
unsafe append-without-check
unsafe no-leader-noop
unsafe keep-commit-on-restart
trace LEAD fault CMIT

at 100: caption "Quotes \"like this\", a backslash \\, a tab\tand a new\nline; 😀 é 中文 \u{7f}\u{0}"
at 100: mark start; mark "two words"; mark 1.5
at +50: crash leader; restart old leader; isolate leader of term 2; rejoin node 3; campaign 4
at +10: transfer leadership to 2; add node; remove node leader; remove node 4
at 200: partition {1, 2} {leader, 3} {7}
at 210: cut 1 -> 2; cut 2 <-> 3; restore old leader -> leader; restore 2 <-> 3; heal
at 220: latency 1..2 drop 0; network; reorder 50%; latency min 4; latency max 90 duplicate 1
at 230: load off; load keys 2; load every 10 keys 3; load
at 240: put x=1; put "a b"="c\"d" to node 3; delete x to 2; noop to leader; noop to 5; put no=committed to old leader
at 240: put "" = "" to leader of term 3; put 007=1_000; delete "#;" to 1
at 250: get x; get "a b" from node 3; get y from old leader
expect by +100: leader in {1, leader}
expect from 100 by 500: no leader
expect at 300: x=1 committed on all
expect always: committed "a b"="c\"d" on {1,2}
expect never: delete x committed on 3
expect by 400: no=committed committed on leader
expect by 400: committed=no committed
expect by 400: node 1 in term >= 2
expect by 400: 2 in term ≤ 2
expect by 400: 3 in term < 9
expect by 400: 3 in term > 0
expect by 400: 3 in term = 1
expect by 400: old leader is a follower
expect by 400: leader of term 2 is crashed
expect by 400: leader is candidate
expect by 400: node 5 is removed
expect by 400: voters {1, 2, leader}
expect by 400: node 3 has log [1, 1, 2]
expect by 400: node 4 has log []
expect always: no violations
expect always: at most one leader per term
expect by 900: violation
expect by 900: violation of "Log Matching"
expect never: stall
expect never: stall of commit-stalled
run until +1000
`;

describe('printScenario round trip', () => {
  it('a text using every statement reads back the same, and printing it is a fixed point', () => {
    const scenario = parsed(rich);
    // The text does use what it claims to: every option, every action, every condition.
    expect(optionLeaves.filter((leaf) => getOption(scenario.options, leaf.path) === undefined)).toEqual([]);
    expect(scenario.steps.length).toBeGreaterThan(30);
    expect(new Set(scenario.steps.flatMap((step) => (step.item.kind === 'action' ? [step.item.action.type] : [])))).toEqual(
      new Set(['crash', 'restart', 'isolate', 'rejoin', 'campaign', 'transfer-leadership', 'add-node', 'remove-node', 'partition', 'cut-link', 'restore-link', 'heal', 'configure-network', 'configure-workload', 'propose', 'get']),
    );
    expect(new Set(scenario.expectations.map((expectation) => expectation.condition.kind))).toEqual(
      new Set(['leader-in', 'no-leader', 'committed', 'term', 'role', 'log', 'no-violation', 'one-leader-per-term', 'violation', 'stall', 'voters']),
    );
    expectRoundTrip(scenario);
  });

  it('the canonical text of the rich scenario', () => {
    const text = printScenario(parsed(rich));
    expect(text.split('\n').slice(0, 29)).toEqual([
      'nodes 7',
      'seed 4294967295',
      'election 200..400',
      'heartbeat 50',
      'snapshots every 20 entries',
      'fast backup off',
      'batching on',
      'prevote on',
      'check quorum on',
      'lease reads on',
      'latency 5..15',
      'drop 10%',
      'duplicate 2%',
      'reorder 0.123456789',
      'load every 40 keys 4',
      'liveness watch 4000',
      'unsafe commit-by-counting',
      'unsafe forget-vote off',
      'unsafe vote-without-log-check',
      'unsafe fixed-timeouts',
      'unsafe apply-before-commit',
      'unsafe append-without-check',
      'unsafe no-leader-noop',
      'unsafe keep-commit-on-restart',
      'option raft.entriesPerAppendMax 3',
      'option raft.inflightMax 8',
      'option checkNodeInvariants off',
      'option eventLimit 20000',
      'trace LEAD FAULT CMIT',
    ]);
    expect(text).toContain('\nat 100: caption "Quotes \\"like this\\", a backslash \\\\, a tab\\tand a new\\nline; 😀 é 中文 \\u{7f}\\u{0}"\n');
    expect(text).toContain('\nat 240: put ""="" to leader of term 3\n');
    expect(text).toContain('\nexpect by 400: no=committed committed on {leader}\n');
    expect(text.endsWith('expect always: at most one leader per term\nexpect by 900: violation\nexpect by 900: violation of "Log Matching"\nexpect never: stall\nexpect never: stall of commit-stalled\nrun until 1250\n')).toBe(true);
  });

  it('an empty scenario prints as one empty line and reads back empty', () => {
    const empty: Scenario = { options: {}, steps: [], expectations: [], end: null, trace: null };
    expect(printScenario(empty)).toBe('\n');
    expectRoundTrip(empty);
  });

  it('probabilities read back exactly: percentages, long fractions, and ones too small for a plain toFixed', () => {
    for (const value of [0, 1, 0.1, 0.07, 0.5, 1 / 3, 0.123456789, 2 ** -30, 1e-7, 1.234567890123e-10, 1e-25, Number.MIN_VALUE]) {
      const scenario: Scenario = { options: { network: { dropRatio: value } }, steps: [{ tick: 5, item: { kind: 'action', action: { type: 'configure-network', network: { reorderRatio: value } } } }], expectations: [], end: null, trace: null };
      expectRoundTrip(scenario);
      expect(printScenario(scenario)).not.toMatch(/e-/);
    }
  });

  it('every expectation prints as one line that parseExpectation reads back', () => {
    for (const expectation of parsed(rich).expectations) {
      const text = printExpectation(expectation);
      const again = parseExpectation(text);
      expect(again.ok && again.expectation.condition).toEqual(expectation.condition);
      expect(again.ok && again.expectation.timing).toEqual(expectation.timing);
      expect(again.ok && printExpectation(again.expectation)).toBe(text);
    }
  });
});

// ---- Scenarios at random -------------------------------------------------------------------


/** Texts that need care: words of the language, numbers, signs, quotes, escapes, other planes. */
const awkwardTexts = [
  'x', 'key-1', 'a.b', '1.5', '007', '1_000', '1__0', '10%', '-x', 'a-', 'a b', '', ' ', 'no', 'committed', 'delete', 'to', 'on', 'all', 'at', 'a', 'leader',
  'old', 'node', 'in', 'is', 'has', 'expect', 'run', '=', 'x=y', '"', '\\', '\\"', '\n', '\t', '\r', '\r\n', '#', ';', '--- trace', '\u0000', '\u007f',
  '\u2028', '😀', 'é', '中文', '\ud800', '\uFEFFbom', '{1,2}', '[1]', '->', '+5', 'A'.repeat(70),
];

function randomScenario(random: () => number): Scenario {
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number): boolean => random() < p;
  const text = (): string => (chance(0.7) ? pick(awkwardTexts) : Array.from({ length: int(1, 6) }, () => String.fromCodePoint(int(0x20, 0x2fff))).join(''));
  const probability = (): number => pick([0, 1, 0.5, 0.25, 0.1, 0.07, random(), random() * 1e-9, int(0, 100) / 100]);

  // Options: any leaf of the option table, within its range; the two ranges kept in order.
  let options = {};
  const nodes = chance(0.7) ? int(1, nodeCountMax) : 5;
  if (nodes !== 5 || chance(0.3)) options = setOption(options, 'nodes', nodes);
  for (const leaf of optionLeaves) {
    if (leaf.path === 'nodes' || !chance(0.4)) continue;
    const value = leaf.kind === 'switch' ? chance(0.5) : leaf.kind === 'probability' ? probability() : pick([leaf.min, leaf.max, int(leaf.min, Math.min(leaf.max, 5_000))]);
    options = setOption(options, leaf.path, value);
  }
  const ordered = (low: string, high: string, defaults: [number, number]): void => {
    const record = options as Record<string, Record<string, number> | undefined>;
    const [group, lowKey] = low.split('.') as [string, string];
    const highKey = high.split('.')[1]!;
    const values = record[group] ?? {};
    const a = values[lowKey] ?? defaults[0];
    const b = values[highKey] ?? defaults[1];
    if (a <= b) return;
    // Both ends, in order.
    options = setOption(setOption(options, low, Math.min(a, b)), high, Math.max(a, b));
  };
  ordered('raft.electionTimeoutTicksMin', 'raft.electionTimeoutTicksMax', [300, 600]);
  ordered('network.delayTicksMin', 'network.delayTicksMax', [10, 30]);

  const node = (): NodeRef => {
    const roll = random();
    if (roll < 0.6) return { kind: 'id', id: int(1, nodes) };
    if (roll < 0.75) return { kind: 'leader' };
    if (roll < 0.88) return { kind: 'old-leader' };
    return { kind: 'leader-of-term', term: int(1, 1_000) };
  };
  const nodeList = (): NodeRef[] => Array.from({ length: int(1, 4) }, node);
  const network = (): Partial<Record<'delayTicksMin' | 'delayTicksMax' | 'dropRatio' | 'duplicateRatio' | 'reorderRatio', number>> => {
    const result: Record<string, number> = {};
    if (chance(0.4)) result.delayTicksMin = int(1, 1_000_000);
    if (chance(0.4)) result.delayTicksMax = int(1, 1_000_000);
    for (const key of ['dropRatio', 'duplicateRatio', 'reorderRatio']) if (chance(0.4)) result[key] = probability();
    // `latency A..B` reads only A ≤ B.
    if (result.delayTicksMin !== undefined && result.delayTicksMax !== undefined && result.delayTicksMin > result.delayTicksMax) {
      [result.delayTicksMin, result.delayTicksMax] = [result.delayTicksMax, result.delayTicksMin];
    }
    return result;
  };
  const action = (): ScenarioAction => {
    switch (int(0, 11)) {
      case 0:
        return { type: pick(['crash', 'restart', 'isolate', 'rejoin', 'campaign'] as const), node: node() };
      case 1:
        return { type: 'partition', groups: Array.from({ length: int(1, 3) }, nodeList) };
      case 2:
        return { type: pick(['cut-link', 'restore-link'] as const), from: node(), to: node(), bothWays: chance(0.5) };
      case 3:
        return { type: 'heal' };
      case 4:
        return { type: 'configure-network', network: network() };
      case 5: {
        const workload: Record<string, number> = {};
        if (chance(0.6)) workload.proposeEveryTicks = pick([0, int(1, 1_000_000)]);
        if (chance(0.6)) workload.keys = int(1, 10_000);
        return { type: 'configure-workload', workload };
      }
      case 6:
      case 7:
        return { type: 'propose', node: node(), command: { type: 'put', key: text(), value: text() } };
      case 8:
        return { type: 'propose', node: node(), command: { type: 'delete', key: text() } };
      case 9:
        return { type: 'propose', node: node(), command: { type: 'noop' } };
      case 10:
        return { type: 'get', node: node(), key: text() };
      default:
        return chance(0.3) ? { type: 'add-node' } : { type: pick(['crash', 'restart', 'isolate', 'rejoin', 'campaign', 'transfer-leadership', 'remove-node'] as const), node: node() };
    }
  };
  const item = (): StepItem => {
    const roll = random();
    if (roll < 0.1) return { kind: 'caption', text: text(), zh: null };
    if (roll < 0.15) return { kind: 'caption', text: text(), zh: text() };
    if (roll < 0.22) return { kind: 'mark', name: text() };
    if (roll < 0.24) return { kind: 'cue' };
    if (roll < 0.26) return { kind: 'ask', text: text(), zh: random() < 0.5 ? null : text(), choices: null, answer: null };
    if (roll < 0.28) return { kind: 'ask', text: text(), zh: null, choices: 'nodes', answer: random() < 0.5 ? null : 'leader' };
    if (roll < 0.3) return { kind: 'highlight', target: random() < 0.5 ? { kind: 'node', node: { kind: 'id', id: 1 } } : { kind: 'entry', node: { kind: 'leader' }, index: 3 } };
    return { kind: 'action', action: action() };
  };

  const steps: Step[] = [];
  let tick = 0;
  for (let count = int(0, 25); count > 0; count -= 1) {
    tick = Math.min(scenarioTickMax, tick + pick([0, 0, 1, int(1, 1_000), int(1, 200_000)]));
    steps.push({ tick, item: item() });
  }
  const someTick = (): number => int(0, tick + 5_000);
  const timing = (): Timing => {
    switch (int(0, 4)) {
      case 0:
        return { kind: 'by', from: null, by: someTick() };
      case 1: {
        const from = someTick();
        return { kind: 'by', from, by: from + int(0, 5_000) };
      }
      case 2:
        return { kind: 'at', tick: someTick() };
      case 3:
        return { kind: 'always' };
      default:
        return { kind: 'never' };
    }
  };
  const command = () => (chance(0.6) ? ({ type: 'put', key: text(), value: text() } as const) : ({ type: 'delete', key: text() } as const));
  const condition = (): Condition => {
    switch (int(0, 7)) {
      case 0:
        return { kind: 'leader-in', nodes: nodeList() };
      case 1:
        return { kind: 'no-leader' };
      case 2: {
        const roll = random();
        return { kind: 'committed', command: command(), on: roll < 0.3 ? null : roll < 0.5 ? { kind: 'all' } : { kind: 'nodes', nodes: nodeList() } };
      }
      case 3:
        return { kind: 'term', node: node(), comparison: pick<Comparison>(['=', '≥', '≤', '>', '<']), term: int(0, 1_000) };
      case 4:
        return { kind: 'role', node: node(), role: pick(['follower', 'candidate', 'leader', 'crashed', 'removed'] as const) };
      case 5:
        return { kind: 'log', node: node(), terms: Array.from({ length: int(0, 6) }, () => int(0, 9)) };
      case 6:
        return { kind: 'no-violation' };
      default:
        return chance(0.5) ? { kind: 'one-leader-per-term' } : { kind: 'voters', nodes: nodeList() };
    }
  };
  const expectations: Expectation[] = Array.from({ length: int(0, 8) }, () => ({ timing: timing(), condition: condition() }));
  const latest = Math.max(tick, ...expectations.flatMap((expectation) => (expectation.timing.kind === 'by' ? [expectation.timing.by] : expectation.timing.kind === 'at' ? [expectation.timing.tick] : [])));
  const end = chance(0.5) ? Math.min(scenarioTickMax, latest + pick([0, int(1, 10_000)])) : null;
  const chooseTopics = (): Topic[] => {
    const shuffled = [...topics].sort(() => random() - 0.5);
    return shuffled.slice(0, int(1, topics.length));
  };
  const trace = chance(0.5) ? null : chance(0.2) ? [...topics] : chooseTopics();
  return { options, steps, expectations, end, trace };
}

describe('printScenario round trip, on scenarios built at random', () => {
  it('parse(print(s)) equals s and print is a fixed point, for 400 seeded scenarios', () => {
    const random = seededRandom(1_234_567);
    const seen = { actions: new Set<string>(), conditions: new Set<string>(), timings: new Set<string>() };
    for (let round = 0; round < 400; round += 1) {
      const scenario = randomScenario(random);
      for (const step of scenario.steps) if (step.item.kind === 'action') seen.actions.add(step.item.action.type);
      for (const expectation of scenario.expectations) {
        seen.conditions.add(expectation.condition.kind);
        seen.timings.add(expectation.timing.kind === 'by' && expectation.timing.from !== null ? 'from-by' : expectation.timing.kind);
      }
      try {
        expectRoundTrip(scenario);
      } catch (error) {
        throw new Error(`round ${round}:\n${printScenario(scenario)}\n${String(error)}`, { cause: error });
      }
    }
    expect(seen.actions.size).toBe(16);
    expect(seen.conditions.size).toBe(9);
    expect(seen.timings).toEqual(new Set(['by', 'from-by', 'at', 'always', 'never']));
  });

});

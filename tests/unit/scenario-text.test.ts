/**
 * Scenario errors and expectation results as the app words them (src/ui/scenario/text.ts): the
 * English is exactly the headless API's (describeScenarioError, describeConditionDetail), for
 * errors of every code and details of every condition kind found by running real scenarios, and
 * the Chinese is Chinese, with the scenario's own words (found text, expectations) as written.
 */
import { describe, expect, it } from 'vitest';
import { describeConditionDetail, describeScenarioError, parseScenario, runScenario } from '../../src/scenario/index.ts';
import type { ConditionDetail, ScenarioError } from '../../src/scenario/index.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { conditionDetailText, scenarioErrorsSummary, scenarioErrorText } from '../../src/ui/scenario/text.ts';

const en = messagesFor('en');
const zh = messagesFor('zh-CN');
const han = /\p{Script=Han}/u;

/** Texts that fail to parse or compile, one or more for each error code. */
const badTexts = [
  'nodes 5\nat 100: partiton {1,2} {3}',
  'nodes 5\nat 100: dance',
  'nodes 5\nat 100: crash 9',
  'nodes 0',
  'drop 150%',
  'at 500: heal\nat 300: heal',
  'nodes 5\nnodes 3',
  'at 10: caption "open',
  'at 10: partition {1,2',
  'colour blue',
  'option raft.electionTimeoutTicksMn 5',
  'at 10: crash $',
  'at 10: crash',
  'expect by 100: leader in',
  'seed 1; run until 50; run until 60',
  'trace LEAD; trace FAULT',
  'x'.repeat(10_000_001),
  'nodes 3\nat 0: crash leader',
  'nodes 3\nat 0: restart old leader',
  'nodes 3\nat 0: isolate leader of term 4',
  'nodes 3\nat 5: restart 1',
];

function errorsOf(text: string): readonly ScenarioError[] {
  const outcome = runScenario(text);
  expect(outcome.ok, text.slice(0, 60)).toBe(false);
  return outcome.ok ? [] : outcome.errors;
}

describe('scenario errors in the app', () => {
  const errors = badTexts.flatMap(errorsOf);

  it('cover every error code', () => {
    expect(new Set(errors.map((error) => error.code))).toEqual(
      new Set(['syntax', 'unterminated', 'unknown-action', 'unknown-option', 'bad-node', 'out-of-range', 'tick-backwards', 'duplicate', 'too-long', 'no-node', 'refused']),
    );
  });

  it('read in English exactly as the headless API says them', () => {
    for (const error of errors) expect(scenarioErrorText(en, error)).toBe(describeScenarioError(error));
  });

  it('read in Chinese, with the place and the words found kept', () => {
    for (const error of errors) {
      const text = scenarioErrorText(zh, error);
      expect(text, describeScenarioError(error)).toMatch(han);
      if (error.line > 0) expect(text).toContain(`第 ${error.line} 行第 ${error.column} 列`);
      if (error.found !== null && error.code !== 'too-long' && error.found.length < 30) expect(text).toContain(error.found);
    }
  });

  it('the banner gives the first and counts the rest', () => {
    const parsed = parseScenario('at 1: partiton\nat 2: dance\nat 3: fly');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(scenarioErrorsSummary(en, parsed.errors)).toBe(`${describeScenarioError(parsed.errors[0]!)} (and 2 more)`);
    expect(scenarioErrorsSummary(zh, parsed.errors)).toContain('另有 2 个问题');
  });

  it('too many actions says the limit', () => {
    const text = `nodes 3\n${Array.from({ length: 100_001 }, (_, index) => `at ${index}: heal`).join('\n')}`;
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ code: 'too-many', what: 'actions', limit: 100_000, line: 100_002 });
    expect(scenarioErrorText(en, error!)).toBe('line 100002, column 1: too many actions: a scenario may hold at most 100000');
    expect(scenarioErrorText(zh, error!)).toContain('最多 100000');
  });
});

describe('failed expectations in the app', () => {
  // Every condition kind failing (or, for never, holding) on a real run.
  const text = `nodes 5; seed 3
election 20000..30000
latency 10..10
snapshots off
at 100: campaign 2
at 200: put x=1 to leader
at 300: crash 4
at 400: restart 4; crash 2
expect at 150: leader in {1,3}
expect at 150: no leader
expect at 350: x=1 committed on all
expect never: x=1 committed
expect by 90: x=2 committed
expect at 150: node 1 in term ≥ 3
expect at 150: node 1 is a leader
expect at 350: node 4 is a follower
expect at 150: node 3 has log [1,1,1]
expect at 500: leader in {old leader}
expect never: at most one leader per term
run until 600`;
  const outcome = runScenario(text);
  if (!outcome.ok) throw new Error(describeScenarioError(outcome.errors[0]!));
  const details: { detail: ConditionDetail; held: boolean }[] = outcome.results.flatMap((result) => (result.state === null ? [] : [{ detail: result.state.condition, held: result.state.held }]));

  it('every kind is found', () => {
    expect(outcome.results.every((result) => result.status === 'failed')).toBe(true);
    expect(new Set(details.map(({ detail }) => detail.kind)).size).toBeGreaterThanOrEqual(7);
  });

  it('read in English exactly as the headless API says them, and in Chinese in Chinese', () => {
    for (const { detail, held } of details) {
      expect(conditionDetailText(en, detail, held)).toBe(describeConditionDetail(detail, held));
      expect(conditionDetailText(zh, detail, held)).toMatch(han);
    }
  });
});

/**
 * Bad scenario text: every mistake is reported as data (line, column, code, what was found and
 * expected) and in English by describeScenarioError, and the parser never throws, whatever it is
 * given. Messages are asserted word for word: they are what the CLI prints and the headless API
 * returns (src/scenario/errors.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioError } from '../../../src/scenario/index.ts';
import {
  describeScenarioError,
  describeScenarioProblem,
  parseExpectation,
  parseScenario,
  scenarioActionsMax,
  scenarioCharsMax,
  scenarioErrorsMax,
  scenarioExpectationsMax,
} from '../../../src/scenario/index.ts';
import { seededRandom } from '../../support/seeded-random.ts';

function errorsOf(text: string): readonly ScenarioError[] {
  const result = parseScenario(text);
  if (result.ok) throw new Error(`expected errors, but it parsed: ${JSON.stringify(text)}`);
  return result.errors;
}

/** The one error of `text`. */
function errorOf(text: string): ScenarioError {
  const errors = errorsOf(text);
  expect(errors.map(describeScenarioError)).toHaveLength(1);
  return errors[0]!;
}

function messagesOf(text: string): string[] {
  return errorsOf(text).map(describeScenarioError);
}

describe('scenario errors: where, what, and in words', () => {
  it('an unknown action, with the near miss suggested', () => {
    const error = errorOf('nodes 5\nat 100: crash 1\nat 200: partiton {1,2} {3,4,5}');
    expect(error).toMatchObject({ code: 'unknown-action', line: 3, column: 9, found: 'partiton', suggestion: 'partition' });
    expect(describeScenarioError(error)).toBe("line 3, column 9: unknown action 'partiton' — did you mean 'partition'?");
    expect(describeScenarioProblem(error)).toBe("unknown action 'partiton' — did you mean 'partition'?");
  });

  it('an unknown action that is no near miss gets no suggestion, and a case slip gets one', () => {
    expect(messagesOf('at 100: explode 1')).toEqual(["line 1, column 9: unknown action 'explode': expected an action"]);
    expect(errorOf('at 100: Crash 1')).toMatchObject({ code: 'unknown-action', suggestion: 'crash' });
  });

  it('an action with no tick says it needs one', () => {
    expect(messagesOf('crash 1')).toEqual(["line 1, column 1: expected 'at', found 'crash'"]);
  });

  it('a misspelt statement word is a syntax error with a suggestion', () => {
    const error = errorOf('nods 5');
    expect(error).toMatchObject({ code: 'syntax', line: 1, column: 1, found: 'nods', suggestion: 'nodes', expected: [{ kind: 'class', name: 'statement' }] });
    expect(describeScenarioError(error)).toBe("line 1, column 1: expected a statement, found 'nods' — did you mean 'nodes'?");
  });

  it('a node outside the cluster: node 9 of 5, node 0, checked against the final node count', () => {
    const nine = errorOf('nodes 5\nat 100: crash 9');
    expect(nine).toMatchObject({ code: 'bad-node', line: 2, column: 15, found: '9', max: 5 });
    expect(describeScenarioError(nine)).toBe('line 2, column 15: node 9 does not exist: the cluster has 5 nodes (1 to 5)');
    expect(messagesOf('at 100: crash 0')).toEqual(['line 1, column 15: node 0 does not exist: the cluster has 5 nodes (1 to 5)']);
    // `nodes` may come after the node is used: the check runs once the whole text is read.
    expect(messagesOf('at 100: partition {1, 2} {3, 4}\nnodes 3')).toEqual(['line 1, column 30: node 4 does not exist: the cluster has 3 nodes (1 to 3)']);
    expect(messagesOf('nodes 1\nexpect by 500: leader in {1, 2}')).toEqual(['line 2, column 30: node 2 does not exist: the cluster has 1 node (1 to 1)']);
    expect(parseScenario('at 100: partition {1, 2} {3, 4}\nnodes 4').ok).toBe(true);
  });

  it('a timed line earlier than the one before it', () => {
    const error = errorOf('at 500: heal\n# a comment\nat 300: heal');
    expect(error).toMatchObject({ code: 'tick-backwards', line: 3, column: 4, found: '300', tick: 300, previousTick: 500, previousLine: 1 });
    expect(describeScenarioError(error)).toBe('line 3, column 4: tick 300 comes before tick 500 of the timed line before it (line 1): timed lines go in tick order');
    // Also between two `at` on one line; the same tick again is fine.
    expect(errorOf('at 500: heal; at 300: heal')).toMatchObject({ code: 'tick-backwards', line: 1, column: 18, previousLine: 1 });
    expect(parseScenario('at 500: heal\nat 500: heal').ok).toBe(true);
  });

  it('an unknown option, with the path it most likely meant', () => {
    const error = errorOf('option raft.inflightMx 8');
    expect(error).toMatchObject({ code: 'unknown-option', line: 1, column: 8, found: 'raft.inflightMx', suggestion: 'raft.inflightMax' });
    expect(describeScenarioError(error)).toBe("line 1, column 8: unknown option 'raft.inflightMx' — did you mean 'raft.inflightMax'?");
    // The start of a path, and a case slip, also find it.
    expect(errorOf('option raft.heartbeat 50').suggestion).toBe('raft.heartbeatIntervalTicks');
    expect(errorOf('option EVENTLIMIT 50').suggestion).toBe('eventLimit');
    expect(messagesOf('option colour 5')).toEqual(["line 1, column 8: unknown option 'colour': expected an option"]);
  });

  it('values out of range say the range (percentages in percent)', () => {
    const nodes = errorOf('nodes 0');
    expect(nodes).toMatchObject({ code: 'out-of-range', line: 1, column: 7, found: '0', min: 1, max: 64 });
    expect(describeScenarioError(nodes)).toBe('line 1, column 7: 0 is out of range: expected a whole number from 1 to 64');
    expect(messagesOf('nodes 65')).toEqual(['line 1, column 7: 65 is out of range: expected a whole number from 1 to 64']);
    const drop = errorOf('drop 150%');
    expect(drop).toMatchObject({ code: 'out-of-range', line: 1, column: 6, found: '150%', min: 0, max: 100 });
    expect(describeScenarioError(drop)).toBe('line 1, column 6: 150% is out of range: expected a probability (such as 0.1 or 10%) from 0% to 100%');
    expect(messagesOf('at 100: drop 1.5')).toEqual(['line 1, column 14: 1.5 is out of range: expected a probability (such as 0.1 or 10%) from 0 to 1']);
    expect(messagesOf('election 600..300')).toEqual(['line 1, column 15: 300 is out of range: expected a whole number from 600 to 1000000']);
    // One end against the other's default (300..600).
    expect(messagesOf('election max 100')).toEqual(['line 1, column 10: 100 is out of range: expected a whole number from 300 to 1000000']);
    expect(messagesOf('at 10000001: heal')).toEqual(['line 1, column 4: 10000001 is out of range: expected a tick (a number, or +N for N ticks after the previous timed line) from 0 to 10000000']);
  });

  it('an end before the last timed line or a deadline is out of range', () => {
    expect(messagesOf('at 10: heal\nrun until 5')).toEqual(['line 2, column 11: 5 is out of range: expected a tick (a number, or +N for N ticks after the previous timed line) from 10 to 10000000']);
    expect(errorOf('expect by 900: no leader\nrun until 800')).toMatchObject({ code: 'out-of-range', line: 1, column: 1, found: '900', min: 0, max: 800 });
  });

  it('a quote, { or [ left open on its line', () => {
    const quote = errorOf('at 1: caption "abc');
    expect(quote).toMatchObject({ code: 'unterminated', line: 1, column: 15, found: '"' });
    expect(describeScenarioError(quote)).toBe('line 1, column 15: unclosed quote: the text that starts here has no closing " on this line');
    const brace = errorOf('at 1: partition {1,2');
    expect(brace).toMatchObject({ code: 'unterminated', line: 1, column: 17, found: '{', expected: [{ kind: 'literal', text: '}' }] });
    expect(describeScenarioError(brace)).toBe("line 1, column 17: unclosed '{': expected '}' before the end of the line");
    expect(messagesOf('expect at 5: node 1 has log [1, 2')).toEqual(["line 1, column 29: unclosed '[': expected ']' before the end of the line"]);
    // A statement never spans lines: the next line is read on its own.
    expect(errorsOf('at 1: caption "abc\nat 2: caption "def"')).toHaveLength(1);
  });

  it('odd characters, bad escapes and a missing node', () => {
    expect(messagesOf('at 1: heal $')).toEqual(["line 1, column 12: unexpected character '$': words are letters, digits, '_', '-' and '.'; put other text in quotes"]);
    expect(messagesOf('at 1: caption "\\q"')).toEqual(["line 1, column 16: expected '\\\"', '\\\\', '\\n', '\\t' or '\\u{…}', found '\\q'"]);
    expect(messagesOf('at 100: put x=1 to')).toEqual(["line 1, column 19: expected a node (a number, 'leader', 'old leader' or 'leader of term N'), found the end of the statement"]);
    // Columns count characters, also beyond the Basic Multilingual Plane.
    expect(errorOf('at 1: caption "😀😀" $')).toMatchObject({ line: 1, column: 20, found: '$' });
  });

  it('an option, run until or trace given twice', () => {
    expect(messagesOf('nodes 3\nseed 2\nnodes 4')).toEqual(["line 3, column 1: 'nodes' is already given on line 1"]);
    expect(messagesOf('election 300..600\noption raft.electionTimeoutTicksMax 700')).toEqual(["line 2, column 8: 'raft.electionTimeoutTicksMax' is already given on line 1"]);
    expect(messagesOf('run until 5\nrun until 6')).toEqual(["line 2, column 1: 'run until' is already given on line 1"]);
    expect(errorOf('at 1: drop 10% drop 20%')).toMatchObject({ code: 'duplicate', line: 1, column: 16, found: 'drop' });
  });

  it('too many actions: the error is on the first action past the limit and says the limit', () => {
    const lines = Array.from({ length: scenarioActionsMax + 1 }, (_, index) => `at ${index}: heal`);
    const error = errorOf(lines.join('\n'));
    expect(error).toMatchObject({ code: 'too-many', what: 'actions', limit: scenarioActionsMax, line: scenarioActionsMax + 1, column: 1 });
    expect(describeScenarioError(error)).toBe(`line ${scenarioActionsMax + 1}, column 1: too many actions: a scenario may hold at most ${scenarioActionsMax}`);
    expect(describeScenarioProblem(error)).toBe('too many actions: a scenario may hold at most 100000');
    // Captions and marks are not actions; exactly the limit is fine.
    expect(parseScenario([...lines.slice(1), 'at 100000: caption "last"', 'at 100000: mark end'].join('\n')).ok).toBe(true);
  });

  it('too many expectations', () => {
    const lines = Array.from({ length: scenarioExpectationsMax + 1 }, (_, index) => `expect by ${index}: no violation`);
    expect(messagesOf(lines.join('\n'))).toEqual([`line ${scenarioExpectationsMax + 1}, column 1: too many expectations: a scenario may hold at most ${scenarioExpectationsMax}`]);
    expect(parseScenario(lines.slice(1).join('\n')).ok).toBe(true);
  });

  it('text over scenarioCharsMax is refused before it is read', () => {
    const text = `nodes 3\n${'#'.repeat(scenarioCharsMax)}`;
    const error = errorOf(text);
    expect(error).toMatchObject({ code: 'too-long', line: 1, column: 1, limit: scenarioCharsMax, size: scenarioCharsMax + 8 });
    expect(describeScenarioError(error)).toBe('line 1, column 1: the scenario is 10000008 characters long: at most 10000000 are allowed');
    // Exactly the limit is read.
    expect(parseScenario(`nodes 3\n${'#'.repeat(scenarioCharsMax - 8)}`)).toMatchObject({ ok: true, scenario: { options: { nodes: 3 } } });
  });

  // Comparing a 4-million-letter word with every candidate letter by letter took seconds and a
  // table of tens of millions of cells each (the test ran out of memory); its length alone says
  // it is no near miss.
  it('a long misspelt word is answered at once (no letter-by-letter comparison)', { timeout: 10_000 }, () => {
    const word = 'a'.repeat(4_000_000);
    for (const text of [word, `option ${word} 1`, `at 5: ${word}`]) {
      const [error] = errorsOf(text);
      expect(error!.suggestion).toBeNull();
    }
  });

  it('several errors in one text, each with its own line, in line order', () => {
    const text = [
      'nodes 3',
      'at 100: crash 4', // bad-node: found after the whole text is read
      'at 200: heal',
      'at 150: heal',
      'drop 150%',
      'at 300: partiton {1} {2}',
      'expect by 900: leader in {1, 2',
      'option raft.inflightMx 8',
      'nodes 3',
    ].join('\n');
    const errors = errorsOf(text);
    expect(errors.map((error) => [error.line, error.code])).toEqual([
      [2, 'bad-node'],
      [4, 'tick-backwards'],
      [5, 'out-of-range'],
      [6, 'unknown-action'],
      [7, 'unterminated'],
      [8, 'unknown-option'],
      [9, 'duplicate'],
    ]);
    expect(errors.map(describeScenarioError)).toEqual([
      'line 2, column 15: node 4 does not exist: the cluster has 3 nodes (1 to 3)',
      'line 4, column 4: tick 150 comes before tick 200 of the timed line before it (line 3): timed lines go in tick order',
      'line 5, column 6: 150% is out of range: expected a probability (such as 0.1 or 10%) from 0% to 100%',
      "line 6, column 9: unknown action 'partiton' — did you mean 'partition'?",
      "line 7, column 26: unclosed '{': expected '}' before the end of the line",
      "line 8, column 8: unknown option 'raft.inflightMx' — did you mean 'raft.inflightMax'?",
      "line 9, column 1: 'nodes' is already given on line 1",
    ]);
  });

  it('two errors on one line come in column order', () => {
    expect(errorsOf('at 1: frob; at 2: crash 9').map((error) => [error.line, error.column, error.code])).toEqual([
      [1, 7, 'unknown-action'],
      [1, 25, 'bad-node'],
    ]);
  });

  it('errors stop at scenarioErrorsMax: the first ones, in line order', () => {
    const text = Array.from({ length: scenarioErrorsMax + 50 }, (_, index) => `bogus ${index}`).join('\n');
    const errors = errorsOf(text);
    expect(errors).toHaveLength(scenarioErrorsMax);
    expect(errors.map((error) => error.line)).toEqual(Array.from({ length: scenarioErrorsMax }, (_, index) => index + 1));
  });

  it('stopped at the cap, node numbers are not checked against a node count it did not read', () => {
    const lines = ['at 1: crash 7', ...Array.from({ length: scenarioErrorsMax + 10 }, () => 'bogus'), 'nodes 7'];
    const errors = errorsOf(lines.join('\n'));
    expect(errors).toHaveLength(scenarioErrorsMax);
    expect(errors.filter((error) => error.code === 'bad-node')).toEqual([]);
    // With the node count read before the cap, they are.
    expect(errorsOf(['nodes 5', ...lines.slice(0, -1)].join('\n'))[0]).toMatchObject({ code: 'bad-node', line: 2, max: 5 });
  });

  it('parseExpectation takes exactly one expectation', () => {
    expect(parseExpectation('at 5: crash 1')).toEqual({ ok: false, errors: [{ code: 'syntax', line: 1, column: 1, found: 'at', expected: [{ kind: 'literal', text: 'expect' }], suggestion: null }] });
    expect(parseExpectation('')).toMatchObject({ ok: false, errors: [{ code: 'syntax', column: 1, found: null }] });
    expect(parseExpectation('expect always: no violation; expect never: no leader')).toMatchObject({ ok: false, errors: [{ code: 'syntax', column: 28, found: ';' }] });
    const bad = parseExpectation('expect by 10: nonsense');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map(describeScenarioError)).toEqual(["line 1, column 15: expected a condition, found 'nonsense'"]);
    // Node numbers are not checked here: the cluster's size is not known.
    expect(parseExpectation('expect by 10: leader in {40}').ok).toBe(true);
  });
});


const pieces = [
  'at', 'expect', 'run', 'until', 'trace', 'all', 'default', 'nodes', 'seed', 'election', 'heartbeat', 'snapshots', 'every', 'entries', 'off', 'on',
  'fast', 'backup', 'network', 'latency', 'drop', 'duplicate', 'reorder', 'load', 'keys', 'option', 'raft.inflightMax', 'min', 'max',
  'crash', 'restart', 'isolate', 'rejoin', 'campaign', 'transfer', 'leadership', 'add', 'remove', 'partition', 'cut', 'restore', 'heal', 'put', 'delete', 'noop', 'get', 'lease', 'reads', 'to', 'caption', 'mark',
  'by', 'from', 'always', 'never', 'leader', 'old', 'of', 'term', 'node', 'no', 'violation', 'in', 'is', 'a', 'an', 'has', 'log', 'committed',
  'follower', 'candidate', 'crashed', 'most', 'one', 'per', 'LEAD', 'FAULT',
  '0', '1', '3', '5', '64', '65', '100', '+50', '10%', '150%', '0.5', '1.5', '10000001', '1_000',
  ':', ';', ',', '{', '}', '[', ']', '=', '->', '<->', '..', '>=', '≤', '>', '<', '+', '#', '"', '"x y"', '"\\u{1F600}"', '"\\q"', '\\',
  '\n', '\r\n', ' ', '\t', '--- trace\n', '\uFEFF', '😀', 'é', '\u0000', '$', '%', '.', '-', '\ud800',
];

describe('parseScenario never throws', () => {
  it('on a few hundred pseudo-random texts: each parses or has errors with a place', () => {
    const random = seededRandom(20_240_601);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    let parsed = 0;
    let failed = 0;
    for (let round = 0; round < 600; round += 1) {
      const length = Math.floor(random() * 40);
      let text = '';
      for (let index = 0; index < length; index += 1) {
        // Mostly words of the language, so the parser gets past the first token; sometimes any character.
        text += random() < 0.8 ? pick(pieces) : String.fromCharCode(Math.floor(random() * 0x3000));
        text += random() < 0.7 ? ' ' : '';
      }
      let result: ReturnType<typeof parseScenario>;
      try {
        result = parseScenario(text);
      } catch (error) {
        throw new Error(`parseScenario threw on ${JSON.stringify(text)}`, { cause: error });
      }
      if (result.ok) {
        parsed += 1;
        continue;
      }
      failed += 1;
      expect(result.errors.length, JSON.stringify(text)).toBeGreaterThan(0);
      expect(result.errors.length).toBeLessThanOrEqual(scenarioErrorsMax);
      for (const error of result.errors) {
        expect(error.line, JSON.stringify(text)).toBeGreaterThanOrEqual(1);
        expect(error.column, JSON.stringify(text)).toBeGreaterThanOrEqual(1);
        expect(describeScenarioError(error)).toMatch(new RegExp(`^line ${error.line}, column ${error.column}: .+`));
      }
      const lines = result.errors.map((error) => error.line);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
    }
    // Both outcomes were exercised.
    expect(parsed).toBeGreaterThan(10);
    expect(failed).toBeGreaterThan(300);
  });

  it('on statements built from valid pieces in a random order', () => {
    const random = seededRandom(7);
    const statements = [
      'at 100: crash leader', 'at +5: restart old leader', 'expect by 900: leader in {1, 2}', 'expect from 10 by 20: node 3 in term >= 2',
      'expect always: at most one leader per term', 'run until 5000', 'trace all', 'nodes 3', 'election 300..600', 'drop 10%',
      'at 200: put x=1 to 2; delete y', 'at 300: partition {1} {2, 3}', 'at 400: cut 1 -> 2', 'expect never: x=1 committed on all', 'load every 50 keys 4',
    ];
    for (let round = 0; round < 200; round += 1) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 12) }, () => statements[Math.floor(random() * statements.length)]!);
      const text = lines.join(random() < 0.5 ? '\n' : '; ');
      const result = parseScenario(text);
      if (!result.ok) for (const error of result.errors) expect(error.line).toBeGreaterThanOrEqual(1);
    }
  });
});

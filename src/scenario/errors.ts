/**
 * Problems with a scenario, as data. Every error names where it is (line and column, 1-based),
 * what was found there and what would have been accepted, so the app can word it in any language
 * from the same fields; describeScenarioError words it in English for the headless API and the
 * CLI. The codes are few and each means one thing (docs/scenarios.md lists them):
 *
 * Found while parsing:
 * - syntax: something other than what the grammar allows here (`expected`), maybe with a
 *   `suggestion` when the word found is a near miss of an allowed one;
 * - unterminated: a quote, `{` or `[` opened and not closed on its line;
 * - unknown-action: a word after `at T:` that is no action (with a suggestion when one is close);
 * - unknown-option: `option PATH` with a PATH that is no simulation option (same);
 * - bad-node: a node number outside 1..nodes;
 * - out-of-range: a number outside what its place allows (`min`..`max`);
 * - tick-backwards: a timed line earlier than the one before it;
 * - duplicate: an option, `run until` or `trace` given twice;
 * - too-long: more than scenarioCharsMax characters;
 * - too-many: more actions or expectations than allowed.
 * Found while compiling (running the simulation to resolve symbolic nodes):
 * - no-node: a symbolic node (`leader`, `old leader`, `leader of term N`) names no node at its tick;
 * - refused: the simulation refused an action at its tick (e.g. restarting a running node).
 */
import type { Tick } from '../core/index.ts';

export type ScenarioErrorCode =
  | 'syntax'
  | 'unterminated'
  | 'unknown-action'
  | 'unknown-option'
  | 'bad-node'
  | 'out-of-range'
  | 'tick-backwards'
  | 'duplicate'
  | 'too-long'
  | 'too-many'
  | 'no-node'
  | 'refused';

/** Kinds of thing the grammar expects, for "expected …" (the app words each in its language). */
export type ExpectedClass =
  | 'statement'
  | 'action'
  | 'condition'
  | 'option'
  | 'node'
  | 'node-set'
  | 'term-list'
  | 'integer'
  | 'tick'
  | 'probability'
  | 'switch'
  | 'text'
  | 'name'
  | 'key'
  | 'value'
  | 'topic'
  | 'role'
  | 'comparison'
  | 'end-of-statement';

/** One alternative the grammar would have accepted: a literal word or sign, or a kind of thing. */
export type Expected = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'class'; readonly name: ExpectedClass };

/** Why a symbolic node named no node. */
/** `not-added`: a node number an `add node` of the scenario has not reached yet. */
export type NoNodeReason = 'no-leader' | 'no-old-leader' | 'no-leader-of-term' | 'not-added';

interface ErrorBase {
  /** 1-based; 0 when the scenario was built in code and has no source positions. */
  readonly line: number;
  readonly column: number;
  /** The text found at the position: a word, a sign, a number; null at the end of a statement. */
  readonly found: string | null;
  /** What would have been accepted there (empty when the code says it all). */
  readonly expected: readonly Expected[];
  /** A near miss of an allowed word (by edit distance), e.g. 'partition' for 'partiton'. */
  readonly suggestion: string | null;
}

export type ScenarioError = ErrorBase &
  (
    | { readonly code: 'syntax' | 'unterminated' | 'unknown-action' | 'unknown-option' }
    /** `max` is the cluster's node count. */
    | { readonly code: 'bad-node'; readonly max: number }
    | { readonly code: 'out-of-range'; readonly min: number; readonly max: number }
    | { readonly code: 'tick-backwards'; readonly tick: Tick; readonly previousTick: Tick; readonly previousLine: number }
    | { readonly code: 'duplicate'; readonly previousLine: number }
    | { readonly code: 'too-long'; readonly limit: number; readonly size: number }
    | { readonly code: 'too-many'; readonly what: 'actions' | 'expectations' | 'breakpoints'; readonly limit: number }
    | { readonly code: 'no-node'; readonly tick: Tick; readonly reason: NoNodeReason }
    /** The simulation's own words (SimulationInputError's field, allowed and received; English). */
    | { readonly code: 'refused'; readonly tick: Tick; readonly field: string; readonly allowed: string; readonly received: string }
  );

/** What each kind of thing is called in English (the app's English catalogue says the same). */
export const classWords: Readonly<Record<ExpectedClass, string>> = {
  statement: 'a statement',
  action: 'an action',
  condition: 'a condition',
  option: 'an option',
  node: "a node (a number, 'leader', 'old leader' or 'leader of term N')",
  'node-set': 'a set of nodes such as {1,2}',
  'term-list': 'a list of terms such as [1,1,2]',
  integer: 'a whole number',
  tick: 'a tick (a number, or +N for N ticks after the previous timed line)',
  probability: 'a probability (such as 0.1 or 10%)',
  switch: "'on' or 'off'",
  text: 'quoted text',
  name: 'a name',
  key: 'a key',
  value: 'a value',
  topic: 'a trace topic',
  role: "a role ('follower', 'candidate', 'leader', 'crashed' or 'removed')",
  comparison: "a comparison ('=', '≥', '≤', '>' or '<')",
  'end-of-statement': 'the end of the statement',
};

function wordExpected(expected: Expected): string {
  return expected.kind === 'literal' ? `'${expected.text}'` : classWords[expected.name];
}

/** "a, b or c" */
export function alternatives(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}

export function wordFound(found: string | null): string {
  return found === null ? 'the end of the statement' : `'${found}'`;
}

function didYouMean(error: ScenarioError): string {
  return error.suggestion === null ? '' : ` — did you mean '${error.suggestion}'?`;
}

export const noNodeWords: Readonly<Record<NoNodeReason, string>> = {
  'no-leader': 'there is no leader then',
  'no-old-leader': 'no other node has led before then',
  'no-leader-of-term': 'no node led that term by then',
  'not-added': 'that server has not been added yet',
};

/** What is wrong, in English, without the position. */
export function describeScenarioProblem(error: ScenarioError): string {
  const expected = alternatives(error.expected.map(wordExpected));
  switch (error.code) {
    case 'syntax':
      if (error.expected.length === 0) return `unexpected character ${wordFound(error.found)}: words are letters, digits, '_', '-' and '.'; put other text in quotes`;
      return `expected ${expected}, found ${wordFound(error.found)}${didYouMean(error)}`;
    case 'unterminated':
      return error.found === '"' ? 'unclosed quote: the text that starts here has no closing " on this line' : `unclosed '${error.found ?? ''}': expected ${expected} before the end of the line`;
    case 'unknown-action':
      return error.suggestion === null ? `unknown action ${wordFound(error.found)}: expected ${expected}` : `unknown action ${wordFound(error.found)}${didYouMean(error)}`;
    case 'unknown-option':
      return error.suggestion === null ? `unknown option ${wordFound(error.found)}: expected ${expected}` : `unknown option ${wordFound(error.found)}${didYouMean(error)}`;
    case 'bad-node':
      return `node ${error.found ?? '?'} does not exist: the cluster has ${error.max} node${error.max === 1 ? '' : 's'} (1 to ${error.max})`;
    case 'out-of-range': {
      // A percentage's range reads in percent: "150% is out of range: … from 0% to 100%".
      const unit = error.found?.endsWith('%') === true ? '%' : '';
      return `${error.found ?? '?'} is out of range: expected ${expected} from ${error.min}${unit} to ${error.max}${unit}`;
    }
    case 'tick-backwards':
      return `tick ${error.tick} comes before tick ${error.previousTick} of the timed line before it (line ${error.previousLine}): timed lines go in tick order`;
    case 'duplicate':
      return `${wordFound(error.found)} is already given on line ${error.previousLine}`;
    case 'too-long':
      return `the scenario is ${error.size} characters long: at most ${error.limit} are allowed`;
    case 'too-many':
      return `too many ${error.what}: a scenario may hold at most ${error.limit}`;
    case 'no-node':
      return `at tick ${error.tick}, ${wordFound(error.found)} names no node: ${noNodeWords[error.reason]}`;
    case 'refused':
      return `at tick ${error.tick}, the simulation refused ${wordFound(error.found)}: ${error.field} must be ${error.allowed} (got ${error.received})`;
  }
}

/** The error in English with its position: "line 3, column 9: unknown action 'partiton' — did you mean 'partition'?" */
export function describeScenarioError(error: ScenarioError): string {
  return error.line === 0 ? describeScenarioProblem(error) : `line ${error.line}, column ${error.column}: ${describeScenarioProblem(error)}`;
}

/**
 * Scenario text to a Scenario (syntax-tree.ts). Line-based: one statement per line, or several
 * separated by `;`; `#` starts a comment. After `at T:` every further statement on the same line
 * happens at T too, unless it starts with its own `at`.
 *
 * Every statement is parsed on its own: an error stops that statement only, so one run of the
 * parser reports every mistake in the text (up to scenarioErrorsMax), each with its line, column,
 * what was found and what was expected. Checks that need the whole text (node numbers against the
 * final `nodes`, the end against the last timed line, option ranges against each other) run last.
 */
import type { SimulationOptions, Topic } from '../core/index.ts';
import { defaultNetworkConfig, defaultRaftConfig, Simulation, SimulationInputError, topics } from '../core/index.ts';
import type { NodeUse } from './cursor.ts';
import { Cursor, kind, literal, ParseFailure } from './cursor.ts';
import type { ScenarioError } from './errors.ts';
import { lexLine } from './lexer.ts';
import type { Token } from './lexer.ts';
import { breakpointsMax, scenarioActionsMax, scenarioCharsMax, scenarioErrorsMax, scenarioExpectationsMax, scenarioTickMax } from './limits.ts';
import { getOption, setOption } from './option-table.ts';
import { expectation } from './parse-expectations.ts';
import type { LeafWrite } from './parse-options.ts';
import { optionStatement, optionWords } from './parse-options.ts';
import { actionWords, addedServers, stepItem } from './parse-steps.ts';
import type { Expectation, Scenario, SourcePosition, Step } from './syntax-tree.ts';
import { expectationTicks } from './syntax-tree.ts';
import { splitTraceSection } from './trace-section.ts';
import type { BreakpointSetting } from './annotations.ts';
import { breakpointStatement } from './parse-breakpoints.ts';

export type ParseResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly errors: readonly ScenarioError[] };

const statementWords = ['at', 'expect', 'run', 'trace', 'break', ...optionWords];

interface Given {
  readonly line: number;
  readonly column: number;
}

/** Everything read so far, and what the whole-text checks need. */
class Builder {
  options: SimulationOptions = {};
  readonly optionSources = new Map<string, LeafWrite>();
  readonly steps: Step[] = [];
  readonly expectations: Expectation[] = [];
  end: (Given & { readonly tick: number }) | null = null;
  trace: (Given & { readonly topics: readonly Topic[] | null }) | null = null;
  readonly breakpoints: BreakpointSetting[] = [];
  /** The tick and line of the latest timed line: `+N` counts from it, and ticks may not go below it. */
  lastTick = 0;
  lastTickLine = 0;
  actions = 0;
  readonly nodeUses: NodeUse[] = [];
  readonly errors: ScenarioError[] = [];
}

function failure(error: ScenarioError): ParseFailure {
  return new ParseFailure(error);
}

function setOptions(builder: Builder, writes: readonly LeafWrite[]): void {
  for (const leaf of writes) {
    const previous = builder.optionSources.get(leaf.path);
    // Set twice under two names (`heartbeat 100`, then `option raft.heartbeatIntervalTicks 100`): name the option itself.
    const found = leaf.word === previous?.word ? leaf.word : leaf.path;
    if (previous !== undefined) throw failure({ code: 'duplicate', line: leaf.line, column: leaf.column, found, expected: [], suggestion: null, previousLine: previous.line });
  }
  for (const leaf of writes) {
    builder.optionSources.set(leaf.path, leaf);
    builder.options = setOption(builder.options, leaf.path, leaf.value);
  }
}

function traceTopics(cursor: Cursor): readonly Topic[] | null {
  if (cursor.acceptWord('default')) return null;
  if (cursor.acceptWord('all')) return topics;
  const chosen: Topic[] = [];
  do {
    const token = cursor.peek();
    const topic = token?.kind === 'word' ? topics.find((candidate) => candidate === token.text.toUpperCase()) : undefined;
    if (topic === undefined) throw cursor.error([kind('topic'), ...(chosen.length === 0 ? [literal('all'), literal('default')] : [kind('end-of-statement')])], topics);
    cursor.next();
    if (!chosen.includes(topic)) chosen.push(topic);
  } while (!cursor.atEnd);
  return chosen;
}

function addStep(builder: Builder, cursor: Cursor, tick: number, source: SourcePosition): void {
  const item = stepItem(cursor);
  if (item.kind === 'action') {
    builder.actions += 1;
    if (builder.actions > scenarioActionsMax) throw failure({ code: 'too-many', ...source, found: null, expected: [], suggestion: null, what: 'actions', limit: scenarioActionsMax });
  }
  builder.steps.push({ tick, item, source });
  builder.lastTick = tick;
  builder.lastTickLine = source.line;
}

/** `at T:` … ; returns T. */
function timedStatement(builder: Builder, cursor: Cursor, at: Token): number {
  cursor.next();
  const tickToken = cursor.peek();
  const tick = cursor.tick(builder.lastTick);
  if (tick < builder.lastTick) {
    throw failure({ code: 'tick-backwards', line: cursor.line, column: tickToken!.column, found: tickToken!.text, expected: [], suggestion: null, tick, previousTick: builder.lastTick, previousLine: builder.lastTickLine });
  }
  cursor.expectSign(':');
  addStep(builder, cursor, tick, { line: cursor.line, column: at.column });
  return tick;
}

function untimedStatement(builder: Builder, cursor: Cursor, first: Token): void {
  const source = { line: cursor.line, column: first.column };
  const word = first.kind === 'word' ? first.text : '';
  if (word === 'expect') {
    cursor.next();
    const parsed = expectation(cursor, builder.lastTick);
    if (builder.expectations.length >= scenarioExpectationsMax) throw failure({ code: 'too-many', ...source, found: null, expected: [], suggestion: null, what: 'expectations', limit: scenarioExpectationsMax });
    builder.expectations.push({ ...parsed, source });
  } else if (word === 'run') {
    cursor.next();
    cursor.expectWord('until');
    const column = cursor.column;
    const tick = cursor.tick(builder.lastTick);
    cursor.end();
    if (builder.end !== null) throw failure({ code: 'duplicate', ...source, found: 'run until', expected: [], suggestion: null, previousLine: builder.end.line });
    builder.end = { line: source.line, column, tick };
  } else if (word === 'break') {
    cursor.next();
    const setting = breakpointStatement(cursor);
    if (builder.breakpoints.length >= breakpointsMax) throw failure({ code: 'too-many', ...source, found: null, expected: [], suggestion: null, what: 'breakpoints', limit: breakpointsMax });
    builder.breakpoints.push(setting);
  } else if (word === 'trace') {
    cursor.next();
    const chosen = traceTopics(cursor);
    if (builder.trace !== null) throw failure({ code: 'duplicate', ...source, found: 'trace', expected: [], suggestion: null, previousLine: builder.trace.line });
    builder.trace = { ...source, topics: chosen };
  } else if ((optionWords as readonly string[]).includes(word)) {
    cursor.next();
    const writes = optionStatement(cursor, word as (typeof optionWords)[number], first.column);
    cursor.end();
    setOptions(builder, writes);
  } else if ((actionWords as readonly string[]).includes(word)) {
    // An action with no tick: say what it lacks rather than "unknown statement".
    throw cursor.error([literal('at')]);
  } else {
    throw cursor.error([kind('statement')], statementWords);
  }
}

/** The statements of one line, split at `;`. */
function statementsOf(tokens: readonly Token[]): { tokens: Token[]; endColumn: number }[] {
  const statements: { tokens: Token[]; endColumn: number }[] = [{ tokens: [], endColumn: 1 }];
  for (const token of tokens) {
    if (token.kind === 'sign' && token.text === ';') {
      statements.at(-1)!.endColumn = token.column;
      statements.push({ tokens: [], endColumn: token.column + 1 });
    } else {
      statements.at(-1)!.tokens.push(token);
      statements.at(-1)!.endColumn = token.column + Array.from(token.text).length;
    }
  }
  return statements.filter((statement) => statement.tokens.length > 0);
}

function parseLine(builder: Builder, text: string, line: number): void {
  const lexed = lexLine(text, line);
  if (!lexed.ok) {
    builder.errors.push(lexed.error);
    return;
  }
  let lineTick: number | null = null;
  for (const statement of statementsOf(lexed.tokens)) {
    const cursor = new Cursor(statement.tokens, line, statement.endColumn, builder.nodeUses);
    const first = statement.tokens[0]!;
    try {
      if (first.kind === 'word' && first.text === 'at') lineTick = timedStatement(builder, cursor, first);
      else if (lineTick !== null) addStep(builder, cursor, lineTick, { line, column: first.column });
      else untimedStatement(builder, cursor, first);
    } catch (error) {
      if (!(error instanceof ParseFailure)) throw error;
      builder.errors.push(error.error);
    }
    if (builder.errors.length >= scenarioErrorsMax) return;
  }
}

/** Ranges whose two ends may be set apart: each end is checked against the other's value or default. */
const rangePairs = [
  { min: 'raft.electionTimeoutTicksMin', max: 'raft.electionTimeoutTicksMax', defaults: [defaultRaftConfig.electionTimeoutTicksMin, defaultRaftConfig.electionTimeoutTicksMax] },
  { min: 'network.delayTicksMin', max: 'network.delayTicksMax', defaults: [defaultNetworkConfig.delayTicksMin, defaultNetworkConfig.delayTicksMax] },
] as const;

function checkOptions(builder: Builder): void {
  for (const pair of rangePairs) {
    const low = (getOption(builder.options, pair.min) as number | undefined) ?? pair.defaults[0];
    const high = (getOption(builder.options, pair.max) as number | undefined) ?? pair.defaults[1];
    if (low <= high) continue;
    const highLeaf = builder.optionSources.get(pair.max);
    const leaf = highLeaf ?? builder.optionSources.get(pair.min)!;
    const [min, max] = highLeaf === undefined ? [1, high] : [low, 1_000_000];
    builder.errors.push({ code: 'out-of-range', line: leaf.line, column: leaf.column, found: String(leaf.value), expected: [kind('integer')], suggestion: null, min, max });
  }
  if (builder.errors.length > 0) return;
  try {
    // The headless API validates options when a simulation is made; building one is cheap.
    new Simulation(builder.options);
  } catch (error) {
    // The checks above mirror the core's; this is the backstop should they ever fall behind.
    if (!(error instanceof SimulationInputError)) throw error;
    builder.errors.push({ code: 'refused', line: 1, column: 1, found: error.field, expected: [], suggestion: null, tick: 0, field: error.field, allowed: error.allowed, received: error.received });
  }
}

function checkNodes(builder: Builder): void {
  // Each `add node` may start one more server, with the next id.
  const nodes = (builder.options.nodes ?? 5) + addedServers(builder.steps);
  for (const use of builder.nodeUses) {
    if (use.id < 1 || use.id > nodes) builder.errors.push({ code: 'bad-node', line: use.line, column: use.column, found: String(use.id), expected: [kind('node')], suggestion: null, max: nodes });
  }
}

/** An explicit end must come after every timed line and every deadline. */
function checkEnd(builder: Builder): void {
  const end = builder.end;
  if (end === null) return;
  if (end.tick < builder.lastTick) {
    builder.errors.push({ code: 'out-of-range', line: end.line, column: end.column, found: String(end.tick), expected: [kind('tick')], suggestion: null, min: builder.lastTick, max: scenarioTickMax });
  }
  for (const expected of builder.expectations) {
    const late = expectationTicks(expected).find((tick) => tick > end.tick);
    if (late !== undefined) builder.errors.push({ code: 'out-of-range', ...expected.source!, found: String(late), expected: [kind('tick')], suggestion: null, min: 0, max: end.tick });
  }
}

function parse(text: string, options: { readonly checkNodes: boolean }): ParseResult {
  if (text.length > scenarioCharsMax) return { ok: false, errors: [{ code: 'too-long', line: 1, column: 1, found: null, expected: [], suggestion: null, limit: scenarioCharsMax, size: text.length }] };
  const builder = new Builder();
  const lines = splitTraceSection(text.replace(/^\uFEFF/, '')).scenario.split('\n');
  let read = 0;
  for (; read < lines.length && builder.errors.length < scenarioErrorsMax; read += 1) parseLine(builder, lines[read]!, read + 1);
  // Stopped early, the node count may be set on a line not read: then node numbers go unchecked.
  if (options.checkNodes && (read === lines.length || builder.optionSources.has('nodes'))) checkNodes(builder);
  checkEnd(builder);
  if (builder.errors.length === 0) checkOptions(builder);
  if (builder.errors.length > 0) {
    const errors = builder.errors.slice().sort((a, b) => a.line - b.line || a.column - b.column);
    return { ok: false, errors: errors.slice(0, scenarioErrorsMax) };
  }
  return {
    ok: true,
    scenario: {
      options: builder.options,
      steps: builder.steps,
      expectations: builder.expectations,
      end: builder.end?.tick ?? null,
      trace: builder.trace?.topics ?? null,
      ...(builder.breakpoints.length > 0 ? { breakpoints: builder.breakpoints } : {}),
    },
  };
}

/** Parses scenario text (everything before a `--- trace` line). Never throws on bad text. */
export function parseScenario(text: string): ParseResult {
  return parse(text, { checkNodes: true });
}

/**
 * Parses one expectation, as stored in Annotations.expectations ("expect by 900: leader in
 * {3,4,5}"). Node numbers are not checked here, since the cluster's size is not known: evaluating
 * checks them against the run.
 */
export function parseExpectation(text: string): { readonly ok: true; readonly expectation: Expectation } | { readonly ok: false; readonly errors: readonly ScenarioError[] } {
  const line = text.replace(/\r?\n$/, '');
  const lexed = lexLine(line, 1);
  if (!lexed.ok) return { ok: false, errors: [lexed.error] };
  // Exactly one statement, and an expectation: anything else is not what Annotations keep.
  const first = lexed.tokens[0];
  const stray = lexed.tokens.find((token) => token.kind === 'sign' && token.text === ';');
  if (first === undefined || first.kind !== 'word' || first.text !== 'expect') {
    return { ok: false, errors: [{ code: 'syntax', line: 1, column: first?.column ?? 1, found: first?.text ?? null, expected: [literal('expect')], suggestion: null }] };
  }
  if (stray !== undefined) return { ok: false, errors: [{ code: 'syntax', line: 1, column: stray.column, found: stray.text, expected: [kind('end-of-statement')], suggestion: null }] };
  const parsed = parse(line, { checkNodes: false });
  if (!parsed.ok) return parsed;
  return { ok: true, expectation: parsed.scenario.expectations[0]! };
}

/**
 * Reading a run file's text on the UI side: JSON.parse, with an error a user can act on when the
 * file is not JSON at all (empty, cut short, binary, another format). The worker then checks that
 * the JSON is a Raftlab run (src/worker/run-file.ts); what it finds wrong comes back as data
 * (RunProblem), worded here too. Problems are data until shown, so the banner says them in the
 * language on screen, whenever that changes.
 */
import { breakpointKinds, nodeCountMax, remoteMessageTypes, voteRefusals } from '../protocol/worker-protocol.ts';
import type { QuotedValue, RunProblem } from '../protocol/worker-protocol.ts';
import { assertNever } from './format.ts';
import type { Messages } from './i18n/catalogue.ts';

/** Where JSON.parse stopped, as the browser's message says: a line and column, the end of the text, or only why. */
export type ParseFailure =
  | { readonly at: 'line'; readonly line: number; readonly column: number; readonly reason: string }
  | { readonly at: 'end'; readonly line: number; readonly column: number; readonly reason: string }
  | { readonly at: 'unknown'; readonly reason: string };

/** Why a picked file is not JSON: it is empty, or parsing failed (and it may look like binary data). */
export type NotJson = { readonly fileName: string } & ({ readonly kind: 'empty' } | { readonly kind: 'unparsable'; readonly binary: boolean; readonly failure: ParseFailure });

export type RunFileText = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: NotJson };

/**
 * Largest file Import run reads, checked before reading it. The longest run a file may hold
 * (100,000 actions, as pretty JSON with long keys) is about 25 MB; anything larger is not a run,
 * and reading it would only hold the page.
 */
export const runFileBytesMax = 32 * 1024 * 1024;

/** Longest part of the browser's own message quoted back (it can quote the file's bytes). */
const reasonCharsMax = 100;

export function parseRunFileText(fileName: string, text: string): RunFileText {
  if (text.trim() === '') return { ok: false, problem: { fileName, kind: 'empty' } };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { ok: false, problem: { fileName, kind: 'unparsable', binary: looksBinary(text), failure: whereParsingFailed(text, error.message) } };
  }
}

/** Where the parser stopped, from its message: a position, a line and column, or the end of the text. */
export function whereParsingFailed(text: string, message: string): ParseFailure {
  const reason = readable(message);
  const position = /position (\d+)/.exec(message);
  if (position !== null) return { at: 'line', ...lineAndColumn(text, Number(position[1])), reason };
  const line = /line (\d+) column (\d+)/.exec(message);
  if (line !== null) return { at: 'line', line: Number(line[1]), column: Number(line[2]), reason };
  if (/end of|EOF/i.test(message)) return { at: 'end', ...lineAndColumn(text, text.length), reason };
  return { at: 'unknown', reason };
}

/** "at line 2, column 3 (…)": where parsing failed, in words. */
export function parseFailureText(m: Messages, failure: ParseFailure): string {
  switch (failure.at) {
    case 'line':
      return m.runs.notJson.atLine(failure.line, failure.column, failure.reason);
    case 'end':
      return m.runs.notJson.atEnd(failure.line, failure.column, failure.reason);
    case 'unknown':
      return m.runs.notJson.somewhere(failure.reason);
    default:
      return assertNever(failure, 'parse failure');
  }
}

/** '"cut.json" is not a JSON file: parsing failed at the end, …'. */
export function notJsonText(m: Messages, problem: NotJson): string {
  if (problem.kind === 'empty') return m.runs.notJson.sentence(problem.fileName, m.runs.notJson.empty);
  const failed = m.runs.notJson.failed(parseFailureText(m, problem.failure));
  return m.runs.notJson.sentence(problem.fileName, problem.binary ? m.runs.notJson.binary(failed) : failed);
}

/** A value from the file as a problem quotes it: "an array of 2", "an object", "soon" as written. */
export function quotedText(m: Messages, value: QuotedValue): string {
  if (value.kind === 'array') return m.runs.problem.array(value.length);
  return value.kind === 'object' ? m.runs.problem.object : value.text;
}

/** What the worker found wrong with a run file, in words ("format must be …"). */
export function runProblemText(m: Messages, problem: RunProblem): string {
  const got = quotedText(m, problem.got);
  switch (problem.code) {
    case 'not-a-run':
      return m.runs.problem.notARun(got);
    case 'format':
      return m.runs.problem.format(problem.expected, got);
    case 'version':
      return m.share.runProblem.version(problem.oldest, problem.newest, got);
    case 'newer-version':
      return m.share.runProblem.newerVersion(problem.newest, got);
    case 'options':
      return m.runs.problem.options(got);
    case 'node-count':
      return m.runs.problem.nodeCount(problem.field, problem.max, got);
    case 'actions':
      return m.runs.problem.actions(got);
    case 'too-many-actions':
      return m.runs.problem.tooManyActions(problem.max, got);
    case 'action-item':
      return m.runs.problem.actionItem(problem.index, got);
    case 'action-tick':
      return m.runs.problem.actionTick(problem.index, problem.min, problem.max, got);
    case 'action-object':
      return m.runs.problem.actionObject(problem.index, got);
    case 'tick':
      return m.runs.problem.tick(problem.max, got);
    case 'annotations':
      return m.share.runProblem.annotations(got);
    case 'annotation-list':
      return m.share.runProblem.annotationList(problem.field, problem.max, got);
    case 'annotation-item':
      if (problem.shape === 'breakpoint') return m.share.runProblem.breakpointItem(problem.field, got);
      return problem.shape === 'caption' ? m.share.runProblem.captionItem(problem.field, got) : m.share.runProblem.markItem(problem.field, got);
    case 'annotation-tick':
      return m.share.runProblem.annotationTick(problem.field, problem.max, got);
    case 'annotation-text':
      return m.share.runProblem.annotationText(problem.field, problem.max, got);
    case 'breakpoint':
      return breakpointProblemText(m, problem, got);
    case 'breakpoint-duplicate':
      return m.share.runProblem.breakpointDuplicate(problem.field, problem.first, got);
    case 'branch':
      return branchProblemText(m, problem, got);
    default:
      return assertNever(problem, 'run problem');
  }
}

/** A saved branch's field that breaks its rule (src/worker/run-branches.ts). */
function branchProblemText(m: Messages, problem: Extract<RunProblem, { code: 'branch' }>, got: string): string {
  const { field } = problem;
  const max = problem.max ?? 0;
  const text = m.share.runProblem.branch;
  switch (problem.part) {
    case 'branches':
      return text.branches(got);
    case 'list':
      return text.list(field, max, got);
    case 'item':
      return text.item(field, got);
    case 'id':
      return text.id(field, got);
    case 'name':
      return text.name(field, max, got);
    case 'parent':
      return text.parent(field, got);
    case 'tick':
      return text.tick(field, max, got);
    case 'actions':
      return text.actions(field, max, got);
    case 'active':
      return text.active(field, got);
    default:
      return assertNever(problem.part, 'branch part');
  }
}

/** A breakpoint's field that breaks its rule, with the values the rule allows. */
function breakpointProblemText(m: Messages, problem: Extract<RunProblem, { code: 'breakpoint' }>, got: string): string {
  const { field } = problem;
  switch (problem.part) {
    case 'object':
      return m.share.runProblem.breakpoint.object(field, got);
    case 'kind':
      return m.share.runProblem.breakpoint.kind(field, breakpointKinds, got);
    case 'on':
      return m.share.runProblem.breakpoint.on(field, got);
    case 'message-type':
      return m.share.runProblem.breakpoint.messageType(field, remoteMessageTypes, got);
    case 'node':
      return m.share.runProblem.breakpoint.node(field, nodeCountMax, got);
    case 'reason':
      return m.share.runProblem.breakpoint.reason(field, voteRefusals, got);
    case 'tick':
      return m.share.runProblem.breakpoint.tick(field, got);
    case 'enabled':
      return m.share.runProblem.breakpoint.enabled(field, got);
    default:
      return assertNever(problem.part, 'breakpoint part');
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/** NUL or other control bytes (not tab or line ends) early in the file: not a text format. */
function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control bytes are what this looks for
  return /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text.slice(0, 1_000));
}

/** The browser's message, without control characters and cut to a readable length. */
function readable(message: string): string {
  // eslint-disable-next-line no-control-regex -- control bytes are what this removes
  const clean = message.replace(/[\u0000-\u001f\u007f\ufffd]/g, '?');
  return clean.length > reasonCharsMax ? `${clean.slice(0, reasonCharsMax)}…` : clean;
}

import { breakpointKey, SimulationInputError, validateBreakpoint } from '../core/index.ts';
import type { Breakpoint, Tick } from '../core/index.ts';
import { breakpointsMax } from '../protocol/worker-protocol.ts';
import type { BreakpointPart } from '../protocol/worker-protocol.ts';
import type { Annotations, BreakpointSetting, Caption, Mark } from '../scenario/annotations.ts';
import { isRecord, quote, RunFileError } from './run-problem.ts';

/**
 * A version 2 run's annotations (captions, marks, expectations as text) checked at the edge: a
 * file, a permalink or an autosave may have been edited by hand or written by another version,
 * and what passes here is shown on screen and kept in every later save. So the types are
 * checked, ticks lie in the run's range, and every list and string is bounded: a file cannot
 * fill the screen or the address with megabytes of captions. What the expectations say is the
 * scenario module's business (src/scenario); here they are only bounded strings. Breakpoints are
 * checked by the core's own rules (validateBreakpoint), and none may be listed twice.
 */

/** Most captions, marks and expectations a run may carry: far more than a lesson needs. */
export const captionsMax = 1_000;
export const marksMax = 1_000;
export const expectationsMax = 200;
/** Longest caption, mark name and expectation, in UTF-16 code units (what JavaScript counts). */
export const captionTextMax = 500;
export const markNameMax = 64;
export const expectationTextMax = 500;
export { breakpointsMax };

/**
 * The annotations of a version 2 run: absent means none (a v2 file written by hand may leave
 * them out); anything else must be { captions, marks, expectations, end, breakpoints }, each part optional.
 * Throws a RunFileError naming the field, e.g. "annotations.captions[3].text".
 */
export function parseAnnotations(value: unknown, tickMax: Tick): Annotations {
  if (value === undefined) return { captions: [], marks: [], expectations: [], end: null, breakpoints: [] };
  if (!isRecord(value)) throw new RunFileError('annotations', 'an object { captions, marks, expectations, end, breakpoints }', { code: 'annotations', got: quote(value) });
  const list = (name: 'captions' | 'marks' | 'expectations' | 'breakpoints', max: number): unknown[] => {
    const items = value[name];
    if (items === undefined) return [];
    const field = `annotations.${name}`;
    if (!Array.isArray(items) || items.length > max) throw new RunFileError(field, `an array of at most ${max}`, { code: 'annotation-list', field, max, got: quote(items) });
    return items;
  };
  const tick = (field: string, given: unknown): Tick => {
    if (typeof given === 'number' && Number.isInteger(given) && given >= 0 && given <= tickMax) return given;
    throw new RunFileError(field, `an integer from 0 to ${tickMax}`, { code: 'annotation-tick', field, max: tickMax, got: quote(given) });
  };
  const text = (field: string, given: unknown, max: number): string => {
    if (typeof given === 'string' && given.length >= 1 && given.length <= max) return given;
    throw new RunFileError(field, `a string of 1 to ${max} characters`, { code: 'annotation-text', field, max, got: quote(given) });
  };
  const item = (field: string, given: unknown, shape: 'caption' | 'mark'): Record<string, unknown> => {
    if (isRecord(given)) return given;
    throw new RunFileError(field, shape === 'caption' ? 'an object { tick, text }' : 'an object { tick, name }', { code: 'annotation-item', field, shape, got: quote(given) });
  };

  const captions: Caption[] = list('captions', captionsMax).map((given, index) => {
    const field = `annotations.captions[${index}]`;
    const caption = item(field, given, 'caption');
    return { tick: tick(`${field}.tick`, caption.tick), text: text(`${field}.text`, caption.text, captionTextMax) };
  });
  const marks: Mark[] = list('marks', marksMax).map((given, index) => {
    const field = `annotations.marks[${index}]`;
    const mark = item(field, given, 'mark');
    return { tick: tick(`${field}.tick`, mark.tick), name: text(`${field}.name`, mark.name, markNameMax) };
  });
  const expectations = list('expectations', expectationsMax).map((given, index) => text(`annotations.expectations[${index}]`, given, expectationTextMax));
  const end = value.end === undefined || value.end === null ? null : tick('annotations.end', value.end);
  const breakpoints = parseBreakpointSettings(list('breakpoints', breakpointsMax), 'annotations.breakpoints');
  return { captions, marks, expectations, end, breakpoints };
}

/** Which part of a breakpoint a core error names, by the field's last step. */
const partOfField: Readonly<Record<string, { part: BreakpointPart; key: string }>> = {
  kind: { part: 'kind', key: 'kind' },
  on: { part: 'on', key: 'on' },
  messageType: { part: 'message-type', key: 'messageType' },
  from: { part: 'node', key: 'from' },
  to: { part: 'node', key: 'to' },
  reason: { part: 'reason', key: 'reason' },
  tick: { part: 'tick', key: 'tick' },
};

/** One breakpoint by the core's rules, its problem as data (RunFileError) naming the field. */
function parseBreakpoint(given: unknown, field: string): Breakpoint {
  try {
    return validateBreakpoint(given, field);
  } catch (error) {
    if (!(error instanceof SimulationInputError)) throw error;
    const step = error.field === field ? null : partOfField[error.field.slice(field.length + 1)];
    const part = step?.part ?? 'object';
    const got = step === null || step === undefined || !isRecord(given) ? given : given[step.key];
    throw new RunFileError(error.field, error.allowed, { code: 'breakpoint', field: error.field, part, got: quote(got) });
  }
}

/**
 * A list of breakpoint settings, each { breakpoint, enabled } (`enabled` true when left out),
 * from a file or from the app's set-breakpoints: `items` is already a bounded array; `field`
 * names it ("annotations.breakpoints"). No breakpoint may be listed twice.
 */
export function parseBreakpointSettings(items: readonly unknown[], field: string): BreakpointSetting[] {
  const seen = new Map<string, string>();
  return items.map((given, index) => {
    const at = `${field}[${index}]`;
    if (!isRecord(given)) throw new RunFileError(at, 'an object { breakpoint, enabled }', { code: 'annotation-item', field: at, shape: 'breakpoint', got: quote(given) });
    const breakpoint = parseBreakpoint(given.breakpoint, `${at}.breakpoint`);
    const enabled = given.enabled === undefined ? true : given.enabled;
    if (typeof enabled !== 'boolean') throw new RunFileError(`${at}.enabled`, 'true or false', { code: 'breakpoint', field: `${at}.enabled`, part: 'enabled', got: quote(enabled) });
    const key = breakpointKey(breakpoint);
    const first = seen.get(key);
    if (first !== undefined) throw new RunFileError(at, `a breakpoint not listed before (the same as ${first})`, { code: 'breakpoint-duplicate', field: at, first, got: quote(given) });
    seen.set(key, at);
    return { breakpoint, enabled };
  });
}

/** The app's list for set-breakpoints: an array of at most breakpointsMax settings. */
export function requireBreakpointSettings(value: unknown): BreakpointSetting[] {
  if (!Array.isArray(value) || value.length > breakpointsMax) {
    throw new RunFileError('breakpoints', `an array of at most ${breakpointsMax}`, { code: 'annotation-list', field: 'breakpoints', max: breakpointsMax, got: quote(value) });
  }
  return parseBreakpointSettings(value, 'breakpoints');
}

/** Whether two sets of annotations say the same (the worker posts them only when they change). */
export function sameAnnotations(a: Annotations, b: Annotations): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

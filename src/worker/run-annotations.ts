import type { Tick } from '../core/index.ts';
import type { Annotations, Caption, Mark } from '../scenario/annotations.ts';
import { quote, RunFileError } from './run-problem.ts';

/**
 * A version 2 run's annotations (captions, marks, expectations as text) checked at the edge: a
 * file, a permalink or an autosave may have been edited by hand or written by another version,
 * and what passes here is shown on screen and kept in every later save. So the types are
 * checked, ticks lie in the run's range, and every list and string is bounded: a file cannot
 * fill the screen or the address with megabytes of captions. What the expectations say is the
 * scenario module's business (src/scenario); here they are only bounded strings.
 */

/** Most captions, marks and expectations a run may carry: far more than a lesson needs. */
export const captionsMax = 1_000;
export const marksMax = 1_000;
export const expectationsMax = 200;
/** Longest caption, mark name and expectation, in UTF-16 code units (what JavaScript counts). */
export const captionTextMax = 500;
export const markNameMax = 64;
export const expectationTextMax = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The annotations of a version 2 run: absent means none (a v2 file written by hand may leave
 * them out); anything else must be { captions, marks, expectations, end }, each part optional.
 * Throws a RunFileError naming the field, e.g. "annotations.captions[3].text".
 */
export function parseAnnotations(value: unknown, tickMax: Tick): Annotations {
  if (value === undefined) return { captions: [], marks: [], expectations: [], end: null };
  if (!isRecord(value)) throw new RunFileError('annotations', 'an object { captions, marks, expectations, end }', { code: 'annotations', got: quote(value) });
  const list = (name: 'captions' | 'marks' | 'expectations', max: number): unknown[] => {
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
  return { captions, marks, expectations, end };
}

/** Whether two sets of annotations say the same (the worker posts them only when they change). */
export function sameAnnotations(a: Annotations, b: Annotations): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

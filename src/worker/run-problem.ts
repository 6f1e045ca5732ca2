import { SimulationInputError } from '../core/index.ts';
import type { QuotedValue, RunProblem } from '../protocol/worker-protocol.ts';

/**
 * A problem with a run file (or a new run's node count): its message is English, for the headless
 * API and the CLI; `problem` says the same as data, which the app words in the user's language
 * (src/ui/run-file-text.ts, whose English must read exactly like this message).
 */
export class RunFileError extends SimulationInputError {
  constructor(
    field: string,
    allowed: string,
    readonly problem: RunProblem,
  ) {
    super(field, allowed, quotedInEnglish(problem.got));
  }
}

/** A JSON object (not an array, not null): what every part of a run file must be before its fields are read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value from a file as a problem quotes it: arrays by their length, long strings cut. */
export function quote(value: unknown): QuotedValue {
  if (Array.isArray(value)) return { kind: 'array', length: value.length };
  if (typeof value === 'object' && value !== null) return { kind: 'object' };
  if (typeof value === 'string') return { kind: 'literal', text: JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) };
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return { kind: 'literal', text: String(value) };
  return { kind: 'literal', text: typeof value };
}

/** The quoted value in the headless API's English (the app words QuotedValue itself). */
function quotedInEnglish(value: QuotedValue): string {
  // i18n-exempt: the headless API's English (docs/i18n.md); the app words the QuotedValue.
  if (value.kind === 'array') return `an array of ${value.length}`;
  // i18n-exempt: as above.
  return value.kind === 'object' ? 'an object' : value.text;
}

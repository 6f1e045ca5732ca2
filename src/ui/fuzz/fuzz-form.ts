/** The Fuzz panel's fields as typed, checked field by field in the words of the catalogue. */
import type { Messages } from '../i18n/catalogue.ts';

export type FuzzField = 'seeds' | 'from' | 'ticks' | 'workers';

export interface FuzzFormValue {
  readonly from: number;
  readonly count: number;
  readonly ticks: number;
  readonly workers: number;
}

/** Bounds: enough for a long session, small enough that a typo cannot start one for days. */
const bounds: Readonly<Record<FuzzField, readonly [min: number, max: number]>> = {
  seeds: [1, 1_000_000],
  from: [0, 0xffff_ffff],
  ticks: [100, 1_000_000],
  workers: [1, 16],
};

export function fuzzFormDefaults(workers: number): Record<FuzzField, string> {
  return { seeds: '1000', from: '1', ticks: '10000', workers: String(workers) };
}

export function parseFuzzForm(m: Messages, form: Record<FuzzField, string>): { ok: true; value: FuzzFormValue } | { ok: false; errors: Partial<Record<FuzzField, string>> } {
  const numbers: Partial<Record<FuzzField, number>> = {};
  const errors: Partial<Record<FuzzField, string>> = {};
  for (const field of Object.keys(bounds) as FuzzField[]) {
    const text = form[field].trim();
    const [min, max] = bounds[field];
    if (!/^\d+$/.test(text)) errors[field] = m.settings.check.wholeNumber;
    else if (Number(text) < min || Number(text) > max) errors[field] = m.settings.check.between(min, max);
    else numbers[field] = Number(text);
  }
  if (numbers.from !== undefined && numbers.seeds !== undefined && numbers.from + numbers.seeds - 1 > 0xffff_ffff) errors.seeds = m.settings.check.between(1, 0xffff_ffff - numbers.from + 1);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { from: numbers.from!, count: numbers.seeds!, ticks: numbers.ticks!, workers: numbers.workers! } };
}

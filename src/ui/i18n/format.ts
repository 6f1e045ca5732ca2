/**
 * Numbers, plurals and lists in a language, through Intl. Each catalogue makes one Format for its
 * own locale, so a message reads `${f.count(n)}` and gets "2,966" in English, "2,966" in Chinese.
 */
import type { Locale } from './locale.ts';

export interface Format {
  readonly locale: Locale;
  /** A whole count with the language's digit grouping: "2,966". */
  count(value: number): string;
  /** A ratio as a percentage with up to one decimal: 0.125 -> "12.5%". */
  percent(ratio: number): string;
  /** The plural category of `count` in this language ("one", "other", ...). */
  pluralCategory(count: number): Intl.LDMLPluralRule;
  /** The form of a noun for `count` (English: "entry" for 1, "entries" otherwise), by Intl.PluralRules. */
  plural(count: number, forms: { readonly one: string; readonly other: string }): string;
  /** The language's list: "1, 2 and 3" in English, "1、2 和 3" in Chinese. */
  list(items: readonly string[]): string;
  /** A moment (ms since the epoch) as a date and time in the language's style: "12 Mar 2025, 14:05". */
  dateTime(epochMs: number): string;
  /** A size in bytes, in KB or MB (of 1,024) with at most one decimal: "9.4 KB", "50 MB". */
  size(bytes: number): string;
}

export function makeFormat(locale: Locale): Format {
  const counts = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const plurals = new Intl.PluralRules(locale);
  // British English lists take no comma before "and", as Raftlab's English always has.
  const lists = new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { type: 'conjunction' });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const sizes = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    locale,
    count: (value) => counts.format(value),
    percent: (ratio) => percents.format(ratio),
    pluralCategory: (count) => plurals.select(count),
    plural: (count, forms) => (plurals.select(count) === 'one' ? forms.one : forms.other),
    list: (items) => lists.format(items),
    dateTime: (epochMs) => dates.format(epochMs),
    // KB and MB read the same in Chinese.
    size: (bytes) => (bytes < 1024 * 1024 ? `${sizes.format(bytes / 1024)} KB` : `${sizes.format(bytes / (1024 * 1024))} MB`),
  };
}

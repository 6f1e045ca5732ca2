/**
 * Natural order for keys shown to people: runs of digits compare as numbers, so key2 comes before
 * key10. The core keeps its own (code point) order, which snapshots and determinism rely on; this
 * is only for display.
 */

const parts = /(\d+)|(\D+)/g;

/** Compares digit runs by value (any length, leading zeros ignored), other text by code point. */
function compareRuns(a: string, b: string): number {
  if (/^\d/.test(a) && /^\d/.test(b)) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
    return 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A total order: strings equal in natural order (k01, k1) fall back to code point order. */
export function compareNatural(a: string, b: string): number {
  const aRuns = a.match(parts) ?? [];
  const bRuns = b.match(parts) ?? [];
  for (let i = 0; i < Math.min(aRuns.length, bRuns.length); i += 1) {
    const order = compareRuns(aRuns[i]!, bRuns[i]!);
    if (order !== 0) return order;
  }
  if (aRuns.length !== bRuns.length) return aRuns.length - bRuns.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Key-value pairs in natural order of their keys (a sorted copy). */
export function naturallyByKey<T extends readonly [string, unknown]>(pairs: readonly T[]): T[] {
  return [...pairs].sort(([a], [b]) => compareNatural(a, b));
}

/**
 * "Did you mean …?": the allowed word nearest to a misspelt one, by edit distance (insertions,
 * deletions, substitutions and swaps of two neighbouring letters each cost 1). Only a near miss is
 * suggested: at most one edit for words of up to four letters, two for longer ones, so a word
 * that is simply something else gets no suggestion rather than a wrong one.
 */

/** Optimal string alignment distance between a and b (Damerau-Levenshtein without reuse). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const distance: number[] = new Array<number>(rows * columns).fill(0);
  const at = (i: number, j: number): number => distance[i * columns + j]!;
  for (let i = 0; i < rows; i += 1) distance[i * columns] = i;
  for (let j = 0; j < columns; j += 1) distance[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < columns; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      distance[i * columns + j] = best;
    }
  }
  return at(rows - 1, columns - 1);
}

/** The nearest of `candidates` to `word` if it is a near miss; the first of equals wins. */
export function suggest(word: string, candidates: readonly string[]): string | null {
  // Case slips ("Crash") are near misses however long the word is.
  const lower = word.toLowerCase();
  const allowed = word.length <= 4 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    // The distance is at least the difference in length: a long word needs no table.
    if (Math.abs(candidate.length - word.length) > allowed) continue;
    const distance = candidate.toLowerCase() === lower ? 0.5 : editDistance(lower, candidate.toLowerCase());
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

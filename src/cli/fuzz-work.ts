/** How `npm run fuzz` (fuzz.ts) splits its seeds; the work and its answers are src/protocol/fuzz-protocol.ts's. */

/** The seeds of shard `index` (1-based) of `count` equal blocks of [from, from + total). */
export function shardSeeds(from: number, total: number, shard: { index: number; count: number } | null): number[] {
  const all = Array.from({ length: total }, (_, offset) => from + offset);
  if (shard === null) return all;
  const size = Math.ceil(total / shard.count);
  return all.slice((shard.index - 1) * size, shard.index * size);
}

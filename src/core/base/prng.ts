/**
 * The simulation's only source of randomness: sfc32, a small, fast 32-bit generator with a
 * 128-bit state, seeded through splitmix32.
 *
 * Raftlab owns its PRNG rather than using Math.random so that a run is a pure function of its
 * seed and actions, on every engine and across versions (tests freeze the first outputs). The
 * state is four plain numbers, so it is cloned with the rest of the simulation for checkpoints.
 * Independent streams are split off by hashing the run's seed with a stream name, so adding draws
 * to one stream never shifts another: "node-1".."node-N" (election timeouts), "network" (latency,
 * loss, duplication, reordering), "faults" (the fault schedule, sim/faults.ts) and "swarm" (the
 * fuzzer's choice of cluster and fault mix, sim/swarm.ts).
 */
export interface PrngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over a stream name, to derive a stream seed from its name. */
function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) {
    hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

export function seedPrng(seed: number): PrngState {
  const next = splitmix32(seed);
  const state = { a: next(), b: next(), c: next(), d: next() };
  // Warm up so that nearby seeds diverge fully.
  for (let i = 0; i < 12; i += 1) nextUint32(state);
  return state;
}

/** An independent stream derived from `seed` and a stream name such as "node-3" or "network". */
export function streamPrng(seed: number, stream: string): PrngState {
  return seedPrng((seed ^ hashName(stream)) >>> 0);
}

export function nextUint32(state: PrngState): number {
  const t = (((state.a + state.b) >>> 0) + state.d) >>> 0;
  state.d = (state.d + 1) >>> 0;
  state.a = state.b ^ (state.b >>> 9);
  state.b = (state.c + (state.c << 3)) >>> 0;
  state.c = ((state.c << 21) | (state.c >>> 11)) >>> 0;
  state.c = (state.c + t) >>> 0;
  return t;
}

/** A uniform integer in [min, max], both inclusive. */
export function intInclusive(state: PrngState, min: number, max: number): number {
  if (max <= min) return min;
  const span = max - min + 1;
  return min + Math.floor((nextUint32(state) / 0x1_0000_0000) * span);
}

/** True with the given probability in [0, 1]; never draws when the probability is 0 or 1. */
export function chance(state: PrngState, probability: number): boolean {
  if (probability <= 0) return false;
  if (probability >= 1) return true;
  return nextUint32(state) < probability * 0x1_0000_0000;
}

/** A uniform element index in [0, length). */
export function pickIndex(state: PrngState, length: number): number {
  return Math.floor((nextUint32(state) / 0x1_0000_0000) * length);
}

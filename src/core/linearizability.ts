/**
 * Is a client history of the key-value store linearizable? Each operation (a put, a delete or a
 * get) ran from its invocation to its completion; it is linearizable when every operation can
 * be given one instant inside its own interval such that, taken in that order, the operations are
 * those of a single key-value map: each get returns the value the last put wrote (null after a
 * delete, or before any put).
 *
 * The search is Wing and Gong's, with Lowe's memo of the states already tried (as in Porcupine):
 * it picks, again and again, an operation that may come first (one invoked before every pending
 * completion), applies it, and backs up when a get's answer does not fit. Keys are independent
 * in this model, so each key's operations are checked on their own (P-compositionality), which
 * keeps the search small. An operation that never completed (the client gave up, or the run ended
 * first) may have taken effect at any instant after its invocation, or not at all.
 *
 * Pure and deterministic; no clock. Ticks are the simulation's. Two operations whose ticks touch
 * (one completes at the tick the other is invoked) count as concurrent, so a history is never
 * refused because of how ticks round.
 */
import type { Tick } from './raft/types.ts';

export type KvOperation =
  | { readonly kind: 'put'; readonly key: string; readonly value: string }
  | { readonly kind: 'delete'; readonly key: string }
  /** `value`: what the get returned (null: no such key). */
  | { readonly kind: 'get'; readonly key: string; readonly value: string | null };

export interface HistoryEntry {
  /** The caller's name for it, given back in a verdict. */
  readonly id: number;
  readonly operation: KvOperation;
  readonly invoke: Tick;
  /** When the client heard back; null when it never did (the operation may or may not have happened). */
  readonly complete: Tick | null;
}

export type LinearizabilityVerdict =
  | { readonly ok: true; readonly keys: number; readonly statesExplored: number }
  /** No order fits: `key`'s operations (`entries`, by id) cannot be linearized. */
  | { readonly ok: false; readonly key: string; readonly entries: readonly number[]; readonly statesExplored: number }
  /** The search gave up after `statesExplored` states, the budget: the history may be either. */
  | { readonly ok: 'unknown'; readonly key: string; readonly statesExplored: number };

/** Most states the search tries in one check, by default: enough for fuzz runs' histories, bounded for a stuck one. */
export const linearizabilityBudgetDefault = 1_000_000;

interface Op {
  readonly id: number;
  readonly operation: KvOperation;
  readonly invoke: Tick;
  /** Infinity when it never completed. */
  readonly complete: number;
}

export function checkLinearizable(history: readonly HistoryEntry[], options: { readonly budget?: number } = {}): LinearizabilityVerdict {
  const budget = options.budget ?? linearizabilityBudgetDefault;
  const byKey = new Map<string, Op[]>();
  for (const entry of history) {
    if (entry.complete !== null && entry.complete < entry.invoke) throw new RangeError(`history entry ${entry.id}: completes at tick ${entry.complete}, before its invocation at ${entry.invoke}`);
    const ops = byKey.get(entry.operation.key) ?? [];
    ops.push({ id: entry.id, operation: entry.operation, invoke: entry.invoke, complete: entry.complete ?? Number.POSITIVE_INFINITY });
    byKey.set(entry.operation.key, ops);
  }
  let explored = 0;
  for (const [key, all] of [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ops = withoutUnseenPending(all);
    const result = checkKey(ops, budget - explored);
    explored += result.explored;
    if (result.verdict === 'no') return { ok: false, key, entries: ops.map((op) => op.id), statesExplored: explored };
    if (result.verdict === 'unknown') return { ok: 'unknown', key, statesExplored: explored };
  }
  return { ok: true, keys: byKey.size, statesExplored: explored };
}

/**
 * Drops the operations that never completed and whose effect no get saw: a pending put of a value
 * no get returned, a pending delete when no get returned null. Leaving such an operation out never
 * turns a linearizable history into one that is not (in any order that includes it, the next
 * operation after it is another write, or a get would have seen it), and each one left in doubles
 * what the search may have to try: a run cut short leaves hundreds of them.
 */
function withoutUnseenPending(ops: readonly Op[]): Op[] {
  const seen = new Set<string | null>();
  for (const op of ops) if (op.operation.kind === 'get') seen.add(op.operation.value);
  return ops.filter((op) => {
    if (op.complete !== Number.POSITIVE_INFINITY) return true;
    switch (op.operation.kind) {
      case 'put':
        return seen.has(op.operation.value);
      case 'delete':
        return seen.has(null);
      case 'get':
        return false; // a get that never answered constrains nothing
    }
  });
}

/** One key's operations: a depth-first search over which operation takes effect next. */
function checkKey(ops: readonly Op[], budget: number): { verdict: 'yes' | 'no' | 'unknown'; explored: number } {
  // Sorted by invocation, so the candidates for "next" are a prefix of what is left.
  const sorted = [...ops].sort((a, b) => a.invoke - b.invoke || a.id - b.id);
  const count = sorted.length;
  const completed = sorted.filter((op) => op.complete !== Number.POSITIVE_INFINITY).length;
  const done = new Uint8Array(count);
  const memo = new StateMemo(count);
  let explored = 0;
  let doneCompleted = 0;

  // Iterative, so a long history cannot overflow the stack: each frame is a state and the next candidate to try.
  interface Frame {
    readonly value: string | null;
    /** The operation taken to reach this state (-1 at the root). */
    readonly taken: number;
    next: number;
  }
  const stack: Frame[] = [{ value: null, taken: -1, next: 0 }];
  memo.add(null);
  while (stack.length > 0) {
    if (doneCompleted === completed) return { verdict: 'yes', explored };
    const frame = stack[stack.length - 1]!;
    // Every operation not yet taken that completed first must come before any invoked after it.
    let deadline = Number.POSITIVE_INFINITY;
    for (let index = 0; index < count; index += 1) if (done[index] === 0 && sorted[index]!.complete < deadline) deadline = sorted[index]!.complete;
    let advanced = false;
    while (frame.next < count) {
      const index = frame.next;
      frame.next += 1;
      const op = sorted[index]!;
      if (op.invoke > deadline) break;
      if (done[index] === 1) continue;
      const after = apply(frame.value, op.operation);
      if (after === refused) continue;
      memo.flip(index);
      if (!memo.add(after)) {
        memo.flip(index);
        continue;
      }
      done[index] = 1;
      explored += 1;
      if (explored > budget) return { verdict: 'unknown', explored };
      if (op.complete !== Number.POSITIVE_INFINITY) doneCompleted += 1;
      stack.push({ value: after, taken: index, next: 0 });
      advanced = true;
      break;
    }
    if (advanced) continue;
    // Every candidate failed: undo the operation that led here.
    stack.pop();
    if (frame.taken >= 0) {
      done[frame.taken] = 0;
      memo.flip(frame.taken);
      if (sorted[frame.taken]!.complete !== Number.POSITIVE_INFINITY) doneCompleted -= 1;
    }
  }
  return { verdict: 'no', explored };
}

/**
 * Lowe's memo: each set of operations taken, with the value it left, is tried once. The set is a
 * bitset kept up to date as operations are taken and undone, with a 64-bit hash of it (two
 * 32-bit halves, each operation's bit mixed in by xor) to find earlier states quickly; states
 * whose hashes agree are compared bit for bit, so a collision can never skip a state wrongly.
 */
class StateMemo {
  private readonly bits: Uint32Array;
  private hashLow = 0;
  private hashHigh = 0;
  private readonly buckets = new Map<string, Uint32Array[]>();

  constructor(count: number) {
    this.bits = new Uint32Array(Math.ceil(count / 32));
  }

  /** Takes or undoes operation `index` in the set. */
  flip(index: number): void {
    this.bits[index >>> 5]! ^= 1 << (index & 31);
    this.hashLow ^= mix(index * 2 + 1);
    this.hashHigh ^= mix(index * 2 + 2);
  }

  /** Records the current set with `value`; false when it was recorded before. */
  add(value: string | null): boolean {
    const key = `${this.hashLow.toString(36)}.${this.hashHigh.toString(36)}|${value === null ? '' : `=${value}`}`;
    const bucket = this.buckets.get(key);
    if (bucket === undefined) {
      this.buckets.set(key, [this.bits.slice()]);
      return true;
    }
    if (bucket.some((bits) => bits.every((word, at) => word === this.bits[at]))) return false;
    bucket.push(this.bits.slice());
    return true;
  }
}

/** A 32-bit mix of an integer (splitmix32's finalizer): each operation's bit spreads over the whole hash. */
function mix(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const refused = Symbol('refused');

/** The map's value for the key after `operation`, or `refused` when a get's answer does not fit. */
function apply(value: string | null, operation: KvOperation): string | null | typeof refused {
  switch (operation.kind) {
    case 'put':
      return operation.value;
    case 'delete':
      return null;
    case 'get':
      return operation.value === value ? value : refused;
  }
}

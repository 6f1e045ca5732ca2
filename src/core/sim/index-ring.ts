import { broken } from '../base/assert.ts';
import type { Command, LogIndex, NodeId, Term } from '../raft/types.ts';

/**
 * A registry of log entries keyed by index, for the safety checker: what was first appended,
 * committed or applied at each index. The indexes it tracks always lie in a sliding window above
 * a floor that only rises (floor, floor + capacity], so they live in parallel arrays indexed by
 * `index mod capacity`: a lookup is two array reads, and recording an entry allocates nothing.
 * The capacity doubles when an index would fall past the window.
 */
export interface IndexRing {
  /** A power of two. */
  capacity: number;
  /** Per slot: the index it holds (0 for an empty slot; log indexes start at 1). */
  index: LogIndex[];
  term: Term[];
  /** The term of the entry before it (the appended registry's Log Matching check). */
  prevTerm: Term[];
  node: NodeId[];
  command: (Command | null)[];
  /** Filled slots. */
  size: number;
}

export function newIndexRing(capacity = 256): IndexRing {
  if (!(capacity > 0 && (capacity & (capacity - 1)) === 0)) throw broken(`index ring capacity ${capacity} is not a power of two`);
  return {
    capacity,
    index: new Array<LogIndex>(capacity).fill(0),
    term: new Array<Term>(capacity).fill(0),
    prevTerm: new Array<Term>(capacity).fill(0),
    node: new Array<NodeId>(capacity).fill(0),
    command: new Array<Command | null>(capacity).fill(null),
    size: 0,
  };
}

/** The slot holding `index`, or -1. */
export function slotOf(ring: IndexRing, index: LogIndex): number {
  const slot = index & (ring.capacity - 1);
  return ring.index[slot] === index ? slot : -1;
}

/** Records an entry at an index not yet held (above `floor`), with its previous entry's term and the node it came from. */
export function remember(ring: IndexRing, floor: LogIndex, entry: { readonly index: LogIndex; readonly term: Term; readonly command: Command }, prevTerm: Term, node: NodeId): void {
  const { index } = entry;
  if (!(index > floor)) throw broken(`index ring: ${index} at or below the floor ${floor}`);
  if (index - floor > ring.capacity) grow(ring, floor, index - floor);
  const slot = index & (ring.capacity - 1);
  if (!(ring.index[slot] === 0)) throw broken(`index ring: slot of ${index} holds ${ring.index[slot]}`);
  ring.index[slot] = index;
  ring.term[slot] = entry.term;
  ring.prevTerm[slot] = prevTerm;
  ring.node[slot] = node;
  ring.command[slot] = entry.command;
  ring.size += 1;
}

/** Forgets every index in (floor, newFloor]. */
export function dropThrough(ring: IndexRing, floor: LogIndex, newFloor: LogIndex): void {
  if (newFloor - floor >= ring.capacity) {
    for (let slot = 0; slot < ring.capacity; slot += 1) if (ring.index[slot] !== 0 && ring.index[slot]! <= newFloor) clear(ring, slot);
    return;
  }
  for (let index = floor + 1; index <= newFloor; index += 1) {
    const slot = slotOf(ring, index);
    if (slot >= 0) clear(ring, slot);
  }
}

function clear(ring: IndexRing, slot: number): void {
  ring.index[slot] = 0;
  ring.term[slot] = 0;
  ring.prevTerm[slot] = 0;
  ring.node[slot] = 0;
  ring.command[slot] = null;
  ring.size -= 1;
}

function grow(ring: IndexRing, floor: LogIndex, span: number): void {
  let capacity = ring.capacity;
  while (capacity < span) capacity *= 2;
  const old = { ...ring };
  const fresh = newIndexRing(capacity);
  Object.assign(ring, fresh);
  for (let slot = 0; slot < old.capacity; slot += 1) {
    const index = old.index[slot]!;
    if (index === 0) continue;
    remember(ring, floor, { index, term: old.term[slot]!, command: old.command[slot]! }, old.prevTerm[slot]!, old.node[slot]!);
  }
}

/** The filled slots as rows, for checkpoints: [index, term, prevTerm, node, command]. */
export function ringRows(ring: IndexRing): [LogIndex, Term, Term, NodeId, Command][] {
  const rows: [LogIndex, Term, Term, NodeId, Command][] = [];
  for (let slot = 0; slot < ring.capacity; slot += 1) {
    if (ring.index[slot] !== 0) rows.push([ring.index[slot]!, ring.term[slot]!, ring.prevTerm[slot]!, ring.node[slot]!, ring.command[slot]!]);
  }
  return rows;
}

export function ringFromRows(capacity: number, floor: LogIndex, rows: readonly (readonly [LogIndex, Term, Term, NodeId, Command])[]): IndexRing {
  const ring = newIndexRing(capacity);
  for (const [index, term, prevTerm, node, command] of rows) remember(ring, floor, { index, term, command }, prevTerm, node);
  return ring;
}

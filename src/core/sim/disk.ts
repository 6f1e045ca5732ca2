import type { Entry, LogIndex, NodeId, Snapshot, Term } from '../raft/types.ts';
import { emptySnapshot, broken } from '../raft/types.ts';

/**
 * A node's virtual disk: exactly what Figure 2 calls persistent state, plus the snapshot (§7).
 * Stable storage is trusted here: a crash loses only volatile state, never a completed write.
 * The simulation writes before it sends (see cluster.ts), so whatever a message promises is
 * already on disk when the message leaves.
 */
export interface Disk {
  term: Term;
  vote: NodeId | null;
  snapshot: Snapshot;
  /** Entries after the snapshot: entries[i] has index snapshot.index + 1 + i. */
  entries: Entry[];
  /** Number of writes, for the statistics and the inspector. */
  writes: number;
}

export function newDisk(): Disk {
  return { term: 0, vote: null, snapshot: emptySnapshot, entries: [], writes: 0 };
}

export function diskLastIndex(disk: Disk): LogIndex {
  return disk.snapshot.index + disk.entries.length;
}

/** Replaces everything after `durableThrough` with `entries` (which start right after it). */
export function writeEntries(disk: Disk, options: { durableThrough: LogIndex; entries: readonly Entry[] }): void {
  const { durableThrough, entries } = options;
  if (!(durableThrough >= disk.snapshot.index)) throw broken(`disk write at ${durableThrough} below snapshot ${disk.snapshot.index}`);
  if (!(durableThrough <= diskLastIndex(disk))) throw broken(`disk write at ${durableThrough} beyond disk end ${diskLastIndex(disk)}`);
  const keep = durableThrough - disk.snapshot.index;
  // Setting an array's length is slow even when it does not change; most writes only append.
  if (disk.entries.length !== keep) disk.entries.length = keep;
  for (const entry of entries) disk.entries.push(entry);
  if (!(entries.length === 0 || entries[0]!.index === durableThrough + 1)) throw broken('disk write does not continue the log');
}

/** Stores a snapshot; keeps the entries after it that `keep` says still agree. */
export function writeSnapshot(disk: Disk, snapshot: Snapshot, entriesAfter: readonly Entry[]): void {
  disk.snapshot = snapshot;
  disk.entries = [...entriesAfter];
  if (!(entriesAfter.length === 0 || entriesAfter[0]!.index === snapshot.index + 1)) throw broken('entries after snapshot do not follow it');
}

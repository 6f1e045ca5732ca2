import { broken } from '../base/assert.ts';
import type { Entry, LogIndex, NodeId, Snapshot, Term } from '../raft/types.ts';
import { emptySnapshot } from '../raft/types.ts';

/**
 * A node's virtual disk: exactly what Figure 2 calls persistent state, plus the snapshot (§7).
 * Stable storage is trusted here: a crash loses only volatile state, never a completed write.
 * The simulation writes before it sends (host.ts), so whatever a message promises is already on
 * disk when the message leaves.
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

/** Writes entries that replace whatever the disk holds from entries[0].index on. */
export function writeEntries(disk: Disk, entries: readonly Entry[]): void {
  const first = entries[0]!.index;
  if (!(first > disk.snapshot.index)) throw broken(`disk write at ${first} inside the snapshot (${disk.snapshot.index})`);
  if (!(first <= diskLastIndex(disk) + 1)) throw broken(`disk write at ${first} leaves a gap after ${diskLastIndex(disk)}`);
  const keep = first - 1 - disk.snapshot.index;
  // Setting an array's length costs a runtime call even when it does not change; most writes append.
  if (disk.entries.length !== keep) disk.entries.length = keep;
  for (let i = 0; i < entries.length; i += 1) disk.entries.push(entries[i]!);
}

/**
 * Stores a snapshot in place of the log prefix it covers. Entries after it are kept only if the
 * disk agrees with the snapshot at its last index (§7: "If existing log entry has same index and
 * term as snapshot's last included entry, retain log entries following it"), the same rule the
 * node's log follows, so disk and log stay alike.
 */
export function writeSnapshot(disk: Disk, snapshot: Snapshot): void {
  if (!(snapshot.index > disk.snapshot.index)) throw broken(`disk snapshot at ${snapshot.index} does not pass the one it holds (${disk.snapshot.index})`);
  const offset = snapshot.index - disk.snapshot.index;
  const agrees = offset >= 1 && offset <= disk.entries.length && disk.entries[offset - 1]!.term === snapshot.term;
  disk.entries = agrees ? disk.entries.slice(offset) : [];
  disk.snapshot = snapshot;
}

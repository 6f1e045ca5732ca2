import type { Entry, LogIndex, Snapshot, Term } from './types.ts';
import { broken } from '../base/assert.ts';
import { emptySnapshot } from './types.ts';

/**
 * A node's log: a compacted prefix (the snapshot) followed by live entries.
 *
 *   snapshot.index | firstIndex ... applied ... committed ... stabled ... lastIndex
 *
 * Invariants, checked by checkLog():
 *   snapshot.index <= applied <= committed <= lastIndex
 *   snapshot.index <= stabled <= lastIndex
 *   entries[i].index === snapshot.index + 1 + i, and terms never decrease along the log.
 */
export interface RaftLog {
  snapshot: Snapshot;
  /** entries[i] holds index snapshot.index + 1 + i. */
  entries: Entry[];
  /** Highest index known to be committed (volatile). */
  committed: LogIndex;
  /** Highest index applied to the state machine (volatile). */
  applied: LogIndex;
  /** Highest index written to the node's disk; entries after it are not yet durable. */
  stabled: LogIndex;
}

export function newLog(snapshot: Snapshot = emptySnapshot, entries: Entry[] = []): RaftLog {
  const last = snapshot.index + entries.length;
  return { snapshot, entries, committed: snapshot.index, applied: snapshot.index, stabled: last };
}

export function firstIndex(log: RaftLog): LogIndex {
  return log.snapshot.index + 1;
}

export function lastIndex(log: RaftLog): LogIndex {
  return log.snapshot.index + log.entries.length;
}

export function lastTerm(log: RaftLog): Term {
  const entry = log.entries[log.entries.length - 1];
  return entry === undefined ? log.snapshot.term : entry.term;
}

/** The term of the entry at `index`, or undefined if it is compacted away or beyond the end. */
export function termAt(log: RaftLog, index: LogIndex): Term | undefined {
  if (index === log.snapshot.index) return log.snapshot.term;
  return log.entries[index - log.snapshot.index - 1]?.term;
}

export function entryAt(log: RaftLog, index: LogIndex): Entry | undefined {
  return log.entries[index - log.snapshot.index - 1];
}

/** Entries in [from, to], clipped to what the log holds. */
export function slice(log: RaftLog, from: LogIndex, to: LogIndex): Entry[] {
  const offset = log.snapshot.index + 1;
  return log.entries.slice(Math.max(from, offset) - offset, Math.max(0, to - offset + 1));
}

/** True if the log holds an entry at `index` with `term` (index 0 is the empty prefix). */
export function matchesTerm(log: RaftLog, index: LogIndex, term: Term): boolean {
  return termAt(log, index) === term;
}

/**
 * The election restriction (§5.4.1): a candidate's log is at least as up-to-date as ours if its
 * last term is higher, or the last terms are equal and its log is at least as long.
 */
export function isUpToDate(log: RaftLog, candidate: { lastLogIndex: LogIndex; lastLogTerm: Term }): boolean {
  const ownTerm = lastTerm(log);
  return candidate.lastLogTerm > ownTerm || (candidate.lastLogTerm === ownTerm && candidate.lastLogIndex >= lastIndex(log));
}

/** First index in [from, lastIndex] holding `term`'s earliest entry, scanning back from `from`. */
export function firstIndexOfTerm(log: RaftLog, from: LogIndex): LogIndex {
  const term = termAt(log, from);
  let index = from;
  while (index - 1 > log.snapshot.index && termAt(log, index - 1) === term) index -= 1;
  return index;
}

/** Last index holding `term`, or undefined if the log holds no entry of that term. */
export function lastIndexOfTerm(log: RaftLog, term: Term): LogIndex | undefined {
  for (let i = log.entries.length - 1; i >= 0; i -= 1) {
    const entry = log.entries[i]!;
    if (entry.term === term) return entry.index;
    if (entry.term < term) return undefined;
  }
  return undefined;
}

/** Appends entries that continue the log exactly (used by the leader for its own proposals). */
export function append(log: RaftLog, entries: readonly Entry[]): void {
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i]!;
    if (!(entry.index === lastIndex(log) + 1)) throw broken(`append at ${entry.index} after last ${lastIndex(log)}`);
    if (!(entry.term >= lastTerm(log))) throw broken(`append term ${entry.term} below last term ${lastTerm(log)}`);
    log.entries.push(entry);
  }
}

/** Drops every entry from `index` on. Committed entries are never dropped (§5.3, Figure 2). */
export function truncateFrom(log: RaftLog, index: LogIndex): Entry[] {
  if (!(index > log.committed)) throw broken(`truncating at ${index} would drop committed entries (commit ${log.committed})`);
  if (!(index > log.snapshot.index)) throw broken(`truncating at ${index} inside the snapshot (${log.snapshot.index})`);
  const removed = log.entries.splice(index - log.snapshot.index - 1);
  if (log.stabled >= index) log.stabled = index - 1;
  // Only the unsafe apply-before-commit switch applies past commitIndex, so only it gets here:
  // what was applied stays in the state machine, and the replacing entries are applied again.
  if (log.applied >= index) log.applied = index - 1;
  return removed;
}

/**
 * Replaces the prefix up to `snapshot.index` with the snapshot, keeping later entries only if the
 * log agrees with the snapshot at its last index (§7: "If existing log entry has same index and
 * term as snapshot's last included entry, retain log entries following it").
 */
export function restoreSnapshot(log: RaftLog, snapshot: Snapshot): void {
  const keep = matchesTerm(log, snapshot.index, snapshot.term);
  log.entries = keep ? log.entries.slice(snapshot.index - log.snapshot.index) : [];
  log.snapshot = snapshot;
  log.committed = Math.max(log.committed, snapshot.index);
  log.applied = snapshot.index;
  log.stabled = keep ? Math.max(log.stabled, snapshot.index) : snapshot.index;
}

/** Folds applied entries up to `snapshot.index` into a snapshot the node took of its own state. */
export function compact(log: RaftLog, snapshot: Snapshot): number {
  if (!(snapshot.index <= log.applied)) throw broken(`compacting to ${snapshot.index} beyond applied ${log.applied}`);
  if (!(snapshot.index > log.snapshot.index)) throw broken(`compacting to ${snapshot.index} at or below ${log.snapshot.index}`);
  if (!(termAt(log, snapshot.index) === snapshot.term)) throw broken('snapshot term disagrees with the log');
  const dropped = snapshot.index - log.snapshot.index;
  log.entries = log.entries.slice(dropped);
  log.snapshot = snapshot;
  return dropped;
}

/** `applyBeyondCommit`: the unsafe apply-before-commit switch is on, so applied may pass committed. */
export function checkLog(log: RaftLog, who: number, applyBeyondCommit = false): void {
  const last = lastIndex(log);
  if (!(log.snapshot.index <= log.applied)) throw broken(`node ${who}: applied ${log.applied} below snapshot ${log.snapshot.index}`);
  if (!(log.applied <= (applyBeyondCommit ? last : log.committed))) throw broken(`node ${who}: applied ${log.applied} above committed ${log.committed}`);
  if (!(log.committed <= last)) throw broken(`node ${who}: committed ${log.committed} above last index ${last}`);
  if (!(log.stabled <= last)) throw broken(`node ${who}: stabled ${log.stabled} above last index ${last}`);
  if (!(log.stabled >= log.snapshot.index)) throw broken(`node ${who}: stabled ${log.stabled} below snapshot ${log.snapshot.index}`);
}

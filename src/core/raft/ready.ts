import { broken } from '../base/assert.ts';
import type { NodeEvent } from './events.ts';
import { compact, lastIndex, slice, termAt } from './log.ts';
import type { RemoteMessage } from './message.ts';
import type { RaftNode } from './node.ts';
import type { ReadState } from './read-index.ts';
import type { Entry, HardState, Snapshot } from './types.ts';

/**
 * What a node wants done, in etcd's Ready/Advance shape. After stepping or ticking a node, the
 * caller takes ready(node) and, in this order:
 *
 *   1. writes `hardState`, `snapshot` and `entries` to the node's stable storage;
 *   2. sends `messages` (only now: a vote or an acknowledgement promises state that must already
 *      be durable, thesis §3.8);
 *   3. loads `snapshot` into the state machine, then applies `committedEntries` in order;
 *   4. calls advance(node, ready).
 *
 * A Ready is valid until advance(); the node must not be stepped or ticked in between. Its
 * `events` and `messages` are the node's own buffers, emptied by advance(): take what they hold,
 * not the arrays. The node never writes, sends or applies anything itself, and nothing outside
 * raft/ writes its fields.
 */
export interface Ready {
  /** What the node decided and why, in order (raft/events.ts). */
  readonly events: readonly NodeEvent[];
  /** The term and vote to write, only when they differ from what the disk holds. */
  readonly hardState: HardState | null;
  /** A snapshot received from the leader: replaces the disk's log prefix and the state machine. */
  readonly snapshot: Snapshot | null;
  /**
   * Entries to write. They replace whatever the disk holds from entries[0].index on: a follower
   * that truncated a conflicting suffix (§5.3) always appends the leader's entries in its place.
   */
  readonly entries: readonly Entry[];
  readonly messages: readonly RemoteMessage[];
  /** Entries committed since the last Ready, to apply in index order. */
  readonly committedEntries: readonly Entry[];
  /**
   * Reads the node may now answer (raft/read-index.ts): each once the state machine has applied
   * its index. The node's own buffer, emptied by advance(), like `events`.
   */
  readonly readStates: readonly ReadState[];
}

const none: readonly never[] = Object.freeze([]);

/** Whether ready() would hand over anything. Cheap: called after every step. */
export function hasReady(node: RaftNode): boolean {
  const log = node.log;
  return (
    node.events.length > 0 ||
    node.outbox.length > 0 ||
    node.term !== node.persisted.term ||
    node.vote !== node.persisted.vote ||
    node.snapshotToInstall !== null ||
    node.readStates.length > 0 ||
    log.stabled < lastIndex(log) ||
    log.applied < applyLimit(node)
  );
}

/** How far the node applies: commitIndex, or (the unsafe apply-before-commit switch) its whole log. */
function applyLimit(node: RaftNode): number {
  return node.config.unsafeApplyBeforeCommit ? lastIndex(node.log) : node.log.committed;
}

export function ready(node: RaftNode): Ready {
  const log = node.log;
  const last = lastIndex(log);
  const hardStateChanged = node.term !== node.persisted.term || node.vote !== node.persisted.vote;
  return {
    events: node.events,
    hardState: hardStateChanged ? { term: node.term, vote: node.vote } : null,
    snapshot: node.snapshotToInstall,
    entries: log.stabled < last ? slice(log, log.stabled + 1, last) : none,
    messages: node.outbox,
    committedEntries: log.applied < applyLimit(node) ? slice(log, log.applied + 1, applyLimit(node)) : none,
    readStates: node.readStates,
  };
}

/** Acknowledges that everything in `ready` was written, sent and applied. */
export function advance(node: RaftNode, ready: Ready): void {
  const log = node.log;
  if (ready.hardState !== null) node.persisted = { term: ready.hardState.term, vote: ready.hardState.vote };
  const written = ready.entries;
  if (written.length > 0) {
    const lastWritten = written[written.length - 1]!;
    if (!(lastWritten.index === lastIndex(log))) throw broken(`node ${node.id}: wrote through ${lastWritten.index} but the log ends at ${lastIndex(log)}`);
    log.stabled = lastWritten.index;
  }
  const appliedEntries = ready.committedEntries;
  if (appliedEntries.length > 0) {
    const lastApplied = appliedEntries[appliedEntries.length - 1]!;
    if (!(lastApplied.index <= applyLimit(node))) throw broken(`node ${node.id}: applied ${lastApplied.index} beyond commit ${log.committed}`);
    log.applied = lastApplied.index;
  }
  node.snapshotToInstall = null;
  // Emptied in place: popping keeps each buffer's storage, where `length = 0` or a fresh array
  // would cost a runtime call or an allocation on every step.
  const { events, outbox, readStates } = node;
  while (events.length > 0) events.pop();
  while (outbox.length > 0) outbox.pop();
  while (readStates.length > 0) readStates.pop();
}

/**
 * Folds the node's applied prefix up to `snapshot.index` into a snapshot the caller took of its
 * state machine (§7: each server compacts independently), which the caller also writes to disk.
 * Returns how many entries were dropped.
 */
export function compactLog(node: RaftNode, snapshot: Snapshot): number {
  if (!(termAt(node.log, snapshot.index) === snapshot.term)) throw broken(`node ${node.id}: snapshot term ${snapshot.term} disagrees with the log at ${snapshot.index}`);
  return compact(node.log, snapshot);
}

/** Whether enough applied entries sit in the log to compact them (RaftConfig.snapshotThresholdEntries). */
export function compactionDue(node: RaftNode): boolean {
  const threshold = node.config.snapshotThresholdEntries;
  return threshold > 0 && snapshotIndexDue(node) - node.log.snapshot.index >= threshold;
}

/**
 * Where a snapshot of the node's state machine would end: its applied index, but never past
 * commitIndex (only an unsafe switch applies beyond it), so a snapshot holds no entry that may
 * still be replaced.
 */
export function snapshotIndexDue(node: RaftNode): number {
  return Math.min(node.log.applied, node.log.committed);
}

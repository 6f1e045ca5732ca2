import type { LogIndex } from './types.ts';
import { broken } from '../base/assert.ts';

/**
 * What a leader knows of one follower's log (Figure 2's nextIndex and matchIndex) and how it is
 * currently sending to it.
 *
 *   probe      The leader does not know where the follower's log diverges. It sends one
 *              AppendEntries per heartbeat interval and waits for the answer, backing nextIndex
 *              off on every rejection.
 *   replicate  The follower accepted an append: the leader streams entries optimistically,
 *              advancing nextIndex as it sends, up to inflightMax unacknowledged appends.
 *   snapshot   nextIndex fell below the leader's first log index; an InstallSnapshot is in flight
 *              and nothing else is sent until it is answered (or the heartbeat retries it).
 *
 *        +--------------------------------------------------------+
 *        |                 send snapshot                          |
 *        |                                                        v
 *   +---------+  append accepted   +-----------+          +----------+
 *   |  probe  | -----------------> | replicate |          | snapshot |
 *   +---------+ <----------------- +-----------+          +----------+
 *        ^         rejected                                     |
 *        +------------------- snapshot answered ----------------+
 *
 * Invariant: 0 <= matchIndex < nextIndex.
 */
export type ProgressState = 'probe' | 'replicate' | 'snapshot';

export interface Progress {
  matchIndex: LogIndex;
  nextIndex: LogIndex;
  state: ProgressState;
  /** In probe state: an append is outstanding, so wait for its answer or the next heartbeat. */
  probeSent: boolean;
  /** In replicate state: the last index carried by each unacknowledged append, oldest first. */
  inflight: LogIndex[];
  /** In snapshot state: the index of the snapshot sent. */
  pendingSnapshot: LogIndex;
  /** In snapshot state: heartbeats since the snapshot left, to retry one that was lost. */
  heartbeatsSinceSnapshot: number;
  /** CheckQuorum: the follower answered since the leader last checked its quorum. */
  recentActive: boolean;
}

export function newProgress(nextIndex: LogIndex): Progress {
  return { matchIndex: 0, nextIndex, state: 'probe', probeSent: false, inflight: [], pendingSnapshot: 0, heartbeatsSinceSnapshot: 0, recentActive: false };
}

export function becomeProbe(progress: Progress): void {
  // After a snapshot the follower holds at least the snapshot, so probe right after it.
  if (progress.state === 'snapshot') {
    progress.nextIndex = Math.max(progress.matchIndex + 1, progress.pendingSnapshot + 1);
  } else {
    progress.nextIndex = progress.matchIndex + 1;
  }
  progress.state = 'probe';
  progress.probeSent = false;
  progress.inflight = [];
  progress.pendingSnapshot = 0;
}

export function becomeReplicate(progress: Progress): void {
  progress.state = 'replicate';
  progress.nextIndex = progress.matchIndex + 1;
  progress.probeSent = false;
  progress.inflight = [];
  progress.pendingSnapshot = 0;
}

export function becomeSnapshot(progress: Progress, snapshotIndex: LogIndex): void {
  progress.state = 'snapshot';
  progress.pendingSnapshot = snapshotIndex;
  progress.heartbeatsSinceSnapshot = 0;
  progress.probeSent = false;
  progress.inflight = [];
}

/** Records an acknowledgement of `matchIndex`. Returns whether it was news (not stale). */
export function maybeUpdate(progress: Progress, matchIndex: LogIndex): boolean {
  const updated = matchIndex > progress.matchIndex;
  if (updated) {
    progress.matchIndex = matchIndex;
    progress.probeSent = false;
  }
  progress.nextIndex = Math.max(progress.nextIndex, matchIndex + 1);
  // Free every in-flight append the acknowledgement covers.
  let freed = 0;
  while (freed < progress.inflight.length && progress.inflight[freed]! <= matchIndex) freed += 1;
  if (freed > 0) {
    // In place: splice would allocate the array of removed items on every acknowledgement.
    const inflight = progress.inflight;
    for (let i = freed; i < inflight.length; i += 1) inflight[i - freed] = inflight[i]!;
    for (let i = 0; i < freed; i += 1) inflight.pop();
  }
  return updated;
}

/**
 * Handles a rejection of the append whose prevLogIndex was `rejectedIndex`, moving nextIndex back
 * to `nextIndexHint`. Returns false if the rejection is stale (answers an append sent before a
 * later success or a later back-off), in which case nothing changes.
 */
export function maybeDecrease(progress: Progress, options: { rejectedIndex: LogIndex; nextIndexHint: LogIndex }): boolean {
  const { rejectedIndex, nextIndexHint } = options;
  if (progress.state === 'snapshot') return false;
  if (progress.state === 'replicate') {
    if (rejectedIndex <= progress.matchIndex) return false;
    // The stream broke (a lost or reordered append): fall back to probing from the hint.
    becomeProbe(progress);
  } else if (progress.nextIndex - 1 !== rejectedIndex) {
    // In probe state only the answer to the append just sent counts.
    return false;
  }
  progress.nextIndex = Math.max(progress.matchIndex + 1, Math.min(nextIndexHint, rejectedIndex));
  progress.probeSent = false;
  return true;
}

/** Whether the leader must hold off sending new appends to this follower for now. */
export function isPaused(progress: Progress, inflightMax: number): boolean {
  switch (progress.state) {
    case 'probe':
      return progress.probeSent;
    case 'replicate':
      return progress.inflight.length >= inflightMax;
    case 'snapshot':
      return true;
  }
}

/** Notes an append carrying entries up to `lastSent` has left for this follower. */
export function sentAppend(progress: Progress, lastSent: LogIndex, carriedEntries: boolean): void {
  if (progress.state === 'replicate') {
    if (carriedEntries) {
      progress.nextIndex = lastSent + 1;
      progress.inflight.push(lastSent);
    }
  } else if (progress.state === 'probe') {
    progress.probeSent = true;
  }
}

export function checkProgress(progress: Progress, follower: number): void {
  if (!(progress.matchIndex >= 0)) throw broken(`progress of ${follower}: negative matchIndex`);
  if (!(progress.matchIndex < progress.nextIndex)) throw broken(`progress of ${follower}: matchIndex ${progress.matchIndex} not below nextIndex ${progress.nextIndex}`);
}

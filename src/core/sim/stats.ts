import type { RemoteMessageType } from '../raft/message.ts';
import { remoteMessageTypes } from '../raft/message.ts';
import type { SimEventBody } from './events.ts';

export type CountByType = Record<RemoteMessageType, number>;

/** Running totals for the run: messages by type and fate, elections, commits, faults. */
export interface Stats {
  sent: CountByType;
  delivered: CountByType;
  dropped: CountByType;
  duplicated: CountByType;
  /** Elections started (a node became candidate). */
  elections: number;
  /** Times a node became leader. */
  leadersElected: number;
  /** Highest index committed anywhere in the cluster (an index, not a count: compaction keeps it). */
  highestCommittedIndex: number;
  proposalsAccepted: number;
  proposalsRefused: number;
  crashes: number;
  restarts: number;
  snapshotsTaken: number;
  snapshotsInstalled: number;
}

export function zeroCounts(): CountByType {
  const counts = {} as CountByType;
  for (const type of remoteMessageTypes) counts[type] = 0;
  return counts;
}

export function newStats(): Stats {
  return {
    sent: zeroCounts(),
    delivered: zeroCounts(),
    dropped: zeroCounts(),
    duplicated: zeroCounts(),
    elections: 0,
    leadersElected: 0,
    highestCommittedIndex: 0,
    proposalsAccepted: 0,
    proposalsRefused: 0,
    crashes: 0,
    restarts: 0,
    snapshotsTaken: 0,
    snapshotsInstalled: 0,
  };
}

export function total(counts: CountByType): number {
  let sum = 0;
  for (const type of remoteMessageTypes) sum += counts[type];
  return sum;
}

/** Counts what an event says about elections, commits, proposals and snapshots. */
export function countEvent(stats: Stats, event: SimEventBody): void {
  switch (event.type) {
    case 'became-candidate':
      stats.elections += 1;
      return;
    case 'became-leader':
      stats.leadersElected += 1;
      return;
    case 'commit-advanced':
      if (event.to > stats.highestCommittedIndex) stats.highestCommittedIndex = event.to;
      return;
    case 'proposal-accepted':
      stats.proposalsAccepted += 1;
      return;
    case 'proposal-refused':
      stats.proposalsRefused += 1;
      return;
    case 'snapshot-taken':
      stats.snapshotsTaken += 1;
      return;
    case 'snapshot-installed':
      stats.snapshotsInstalled += 1;
      return;
    default:
      return;
  }
}

import type { RemoteMessage, RemoteMessageType } from './raft/message.ts';
import type { Command, Entry, LogIndex, NodeId, Role, Term, Tick } from './raft/types.ts';

/**
 * One vocabulary of events for the simulation, its tests, the CLI and the app's event log.
 *
 * Decision events (votes, appends, truncations, commits, step-downs) carry their reason and the
 * numbers that decided it, filled in on the code path that made the decision, so the app can
 * explain "why" in words without re-deriving Raft.
 */
export type Topic =
  | 'VOTE'
  | 'LEAD'
  | 'TERM'
  | 'TIMR'
  | 'LOG'
  | 'CMIT'
  | 'APPL'
  | 'PERS'
  | 'SEND'
  | 'RECV'
  | 'DROP'
  | 'SNAP'
  | 'CLNT'
  | 'FAULT';

export const topics: readonly Topic[] = [
  'VOTE', 'LEAD', 'TERM', 'TIMR', 'LOG', 'CMIT', 'APPL', 'PERS', 'SEND', 'RECV', 'DROP', 'SNAP', 'CLNT', 'FAULT',
];

export type VoteRefusal = 'stale-term' | 'already-voted' | 'log-not-up-to-date';
export type AppendRejection = 'stale-term' | 'log-too-short' | 'prev-term-mismatch';
export type DropReason = 'loss' | 'partition' | 'link-cut' | 'receiver-crashed';

/** Events a Raft node reports about itself; the simulation adds the tick and the node id. */
export type NodeEvent =
  | { type: 'term-changed'; from: Term; to: Term; cause: 'election' | 'message'; sender: NodeId | null }
  | { type: 'election-timeout'; elapsed: number; timeout: number }
  | { type: 'heartbeat-timeout'; elapsed: number }
  | { type: 'became-candidate'; term: Term; electionTimeout: number }
  | { type: 'became-leader'; term: Term; votes: readonly NodeId[]; lastIndex: LogIndex }
  | { type: 'became-follower'; term: Term; lead: NodeId | null; previousRole: Role; reason: 'higher-term' | 'leader-found' | 'restart' }
  | {
      type: 'vote-granted';
      candidate: NodeId;
      term: Term;
      candidateLastIndex: LogIndex;
      candidateLastTerm: Term;
      ownLastIndex: LogIndex;
      ownLastTerm: Term;
    }
  | {
      type: 'vote-refused';
      candidate: NodeId;
      term: Term;
      reason: VoteRefusal;
      votedFor: NodeId | null;
      candidateLastIndex: LogIndex;
      candidateLastTerm: Term;
      ownLastIndex: LogIndex;
      ownLastTerm: Term;
      ownTerm: Term;
    }
  | { type: 'vote-received'; voter: NodeId; term: Term; granted: boolean; grantedCount: number; refusedCount: number; quorum: number }
  | { type: 'election-lost'; term: Term; refused: readonly NodeId[]; quorum: number }
  | { type: 'entries-appended'; first: LogIndex; last: LogIndex; prevTerm: Term; entries: readonly Entry[]; source: 'proposal' | 'leader' }
  | { type: 'entries-truncated'; first: LogIndex; last: LogIndex; conflictIndex: LogIndex; ownTerm: Term; leaderTerm: Term; leader: NodeId }
  | { type: 'append-accepted'; leader: NodeId; prevLogIndex: LogIndex; prevLogTerm: Term; entries: number; matchIndex: LogIndex }
  | {
      type: 'append-rejected';
      leader: NodeId;
      reason: AppendRejection;
      term: Term;
      ownTerm: Term;
      prevLogIndex: LogIndex;
      prevLogTerm: Term;
      ownLastIndex: LogIndex;
      ownTermAtPrev: Term | null;
      conflictTerm: Term | null;
      conflictIndex: LogIndex | null;
    }
  | { type: 'next-index-backed-off'; follower: NodeId; from: LogIndex; to: LogIndex; rejectedIndex: LogIndex; conflictTerm: Term | null; conflictIndex: LogIndex | null; fastBackup: boolean }
  | { type: 'progress-updated'; follower: NodeId; matchIndex: LogIndex; nextIndex: LogIndex; state: 'probe' | 'replicate' | 'snapshot' }
  | { type: 'commit-advanced'; from: LogIndex; to: LogIndex; term: Term; by: 'quorum' | 'leader-commit' | 'snapshot'; leaderCommit?: LogIndex; lastNewIndex?: LogIndex }
  | { type: 'commit-held-back'; quorumIndex: LogIndex; entryTerm: Term; currentTerm: Term; committed: LogIndex }
  | { type: 'snapshot-sent'; follower: NodeId; index: LogIndex; term: Term; nextIndex: LogIndex; firstIndex: LogIndex }
  | { type: 'snapshot-installed'; index: LogIndex; term: Term; leader: NodeId; keptEntries: number; discardedEntries: number }
  | { type: 'snapshot-ignored'; index: LogIndex; committed: LogIndex; leader: NodeId }
  | { type: 'proposal-accepted'; index: LogIndex; term: Term; command: Command }
  | { type: 'proposal-refused'; role: Role; lead: NodeId | null; command: Command };

export type NodeEventType = NodeEvent['type'];

/** Events the simulated world reports: persistence, application, network and faults. */
export type WorldEvent =
  | { type: 'persisted'; term: Term; vote: NodeId | null; entriesFrom: LogIndex | null; entriesTo: LogIndex | null; snapshotIndex: LogIndex | null }
  | { type: 'applied'; index: LogIndex; term: Term; command: Command }
  | { type: 'snapshot-taken'; index: LogIndex; term: Term; entriesDropped: number }
  | { type: 'state-restored'; snapshotIndex: LogIndex }
  | { type: 'message-sent'; id: number; message: RemoteMessage; deliverTick: Tick; doomed: DropReason | null }
  | { type: 'message-duplicated'; id: number; copyOf: number; message: RemoteMessage; deliverTick: Tick }
  | { type: 'message-delivered'; id: number; message: RemoteMessage; sentTick: Tick }
  | { type: 'message-dropped'; id: number; message: RemoteMessage; sentTick: Tick; reason: DropReason }
  | { type: 'node-crashed' }
  | { type: 'node-restarted'; term: Term; vote: NodeId | null; snapshotIndex: LogIndex; lastIndex: LogIndex }
  | { type: 'partition-changed'; groups: readonly (readonly NodeId[])[] }
  | { type: 'link-cut'; from: NodeId; to: NodeId }
  | { type: 'link-restored'; from: NodeId; to: NodeId }
  | { type: 'network-healed' }
  | { type: 'network-configured'; summary: string };

export type SimEventBody = NodeEvent | WorldEvent;
export type SimEventType = SimEventBody['type'];

/** An event as recorded: what happened, when, and on which node (null for cluster-wide events). */
export type SimEvent = SimEventBody & { readonly seq: number; readonly tick: Tick; readonly node: NodeId | null; readonly topic: Topic };

export const topicOf = {
  'term-changed': 'TERM',
  'election-timeout': 'TIMR',
  'heartbeat-timeout': 'TIMR',
  'became-candidate': 'LEAD',
  'became-leader': 'LEAD',
  'became-follower': 'LEAD',
  'vote-granted': 'VOTE',
  'vote-refused': 'VOTE',
  'vote-received': 'VOTE',
  'election-lost': 'VOTE',
  'entries-appended': 'LOG',
  'entries-truncated': 'LOG',
  'append-accepted': 'LOG',
  'append-rejected': 'LOG',
  'next-index-backed-off': 'LOG',
  'progress-updated': 'LOG',
  'commit-advanced': 'CMIT',
  'commit-held-back': 'CMIT',
  'snapshot-sent': 'SNAP',
  'snapshot-installed': 'SNAP',
  'snapshot-ignored': 'SNAP',
  'snapshot-taken': 'SNAP',
  'state-restored': 'SNAP',
  'proposal-accepted': 'CLNT',
  'proposal-refused': 'CLNT',
  persisted: 'PERS',
  applied: 'APPL',
  'message-sent': 'SEND',
  'message-duplicated': 'SEND',
  'message-delivered': 'RECV',
  'message-dropped': 'DROP',
  'node-crashed': 'FAULT',
  'node-restarted': 'FAULT',
  'partition-changed': 'FAULT',
  'link-cut': 'FAULT',
  'link-restored': 'FAULT',
  'network-healed': 'FAULT',
  'network-configured': 'FAULT',
} as const satisfies Record<SimEventType, Topic>;

export type { RemoteMessageType };

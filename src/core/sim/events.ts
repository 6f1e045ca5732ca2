import type { NodeEvent } from '../raft/events.ts';
import type { RemoteMessage, RemoteMessageType } from '../raft/message.ts';
import type { Command, LogIndex, NodeId, Term, Tick } from '../raft/types.ts';
import type { NetworkConfig, Workload } from './options.ts';
import type { StallKind } from './stall.ts';

/**
 * One vocabulary of events for the simulation, its tests, the CLI and the app's event log: what
 * the nodes report about their decisions (raft/events.ts) and what the simulated world reports
 * about disks, state machines, the network, faults and the client.
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

/** Why a message never arrives. */
export type DropReason = 'loss' | 'partition' | 'link-cut' | 'receiver-crashed' | 'by-hand';

/** Events the simulated world reports: persistence, application, network and faults. */
export type WorldEvent =
  | { type: 'persisted'; term: Term; vote: NodeId | null; entriesFrom: LogIndex | null; entriesTo: LogIndex | null; snapshotIndex: LogIndex | null }
  | { type: 'applied'; index: LogIndex; term: Term; command: Command }
  | { type: 'snapshot-taken'; index: LogIndex; term: Term; entriesDropped: number }
  | { type: 'state-restored'; snapshotIndex: LogIndex }
  | { type: 'message-sent'; id: number; message: RemoteMessage; deliverTick: Tick; dropReason: DropReason | null }
  | { type: 'message-duplicated'; id: number; copyOf: number; message: RemoteMessage; deliverTick: Tick }
  | { type: 'message-delivered'; id: number; message: RemoteMessage; sentTick: Tick }
  | { type: 'message-dropped'; id: number; message: RemoteMessage; sentTick: Tick; reason: DropReason }
  | { type: 'node-crashed' }
  /** Add node started a new server (an empty disk, no configuration yet: it waits for the leader). */
  | { type: 'node-added' }
  /** The server's removal was committed and applied: it is shut down for good. */
  | { type: 'node-removed' }
  | { type: 'node-restarted'; term: Term; vote: NodeId | null; snapshotIndex: LogIndex; lastIndex: LogIndex }
  | { type: 'partition-changed'; groups: readonly (readonly NodeId[])[] }
  | { type: 'link-cut'; from: NodeId; to: NodeId }
  | { type: 'link-restored'; from: NodeId; to: NodeId }
  | { type: 'network-healed' }
  | { type: 'network-configured'; network: NetworkConfig }
  | { type: 'workload-configured'; workload: Workload }
  /**
   * A node's election timer was set by hand (a debugger's control): it fires in `firesIn` ticks,
   * at `firesAt`; `cause` is the action (set-timer, align-timers, spread-timers).
   */
  | { type: 'timer-set'; firesIn: number; firesAt: Tick; electionTimeout: number; cause: 'set' | 'align' | 'spread' }
  /** A message in flight was held back by hand (Delay): it now arrives at `deliverTick`. */
  | { type: 'message-delayed'; id: number; message: RemoteMessage; by: number; deliverTick: Tick }
  /** Manual delivery turned on (messages wait until delivered by hand; `waiting` already did) or off. */
  | { type: 'manual-delivery-changed'; on: boolean; waiting: number }
  /** Freeze timers turned on (no node's timers move) or off. */
  | { type: 'timers-freeze-changed'; on: boolean }
  /** The liveness watch reported a stall (sim/liveness.ts): `ticks` without a leader, or without commit progress. */
  | { type: 'liveness-stalled'; kind: StallKind; ticks: number; term: Term | null; index: LogIndex | null }
  /** A run with an unsafe switch stopped: the broken Raft reached a state the core cannot go on from (sim/halt.ts). */
  | { type: 'run-halted'; reason: string }
  /** A client's get, numbered `id`, reached the node (null: nobody led, so it went nowhere). */
  | { type: 'read-requested'; id: number; key: string }
  /** The node answered get `id`: its state machine, applied through `applied` ≥ `readIndex`, holds `value` (null: no such key). */
  | { type: 'read-served'; id: number; key: string; value: string | null; readIndex: LogIndex; applied: LogIndex };

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
  'pre-campaign-started': 'LEAD',
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
  'transfer-started': 'LEAD',
  'transfer-refused': 'LEAD',
  'transfer-aborted': 'LEAD',
  'timeout-now-sent': 'LEAD',
  'timeout-now-received': 'LEAD',
  'read-refused': 'CLNT',
  'read-awaiting-commit': 'CLNT',
  'read-round-started': 'CLNT',
  'read-confirmed': 'CLNT',
  'read-by-lease': 'CLNT',
  'read-aborted': 'CLNT',
  'read-requested': 'CLNT',
  'config-changed': 'LOG',
  'config-proposed': 'LEAD',
  'config-refused': 'LEAD',
  'read-served': 'CLNT',
  persisted: 'PERS',
  applied: 'APPL',
  'message-sent': 'SEND',
  'message-duplicated': 'SEND',
  'message-delivered': 'RECV',
  'message-dropped': 'DROP',
  'node-crashed': 'FAULT',
  'node-added': 'FAULT',
  'node-removed': 'FAULT',
  'node-restarted': 'FAULT',
  'partition-changed': 'FAULT',
  'link-cut': 'FAULT',
  'link-restored': 'FAULT',
  'network-healed': 'FAULT',
  'network-configured': 'FAULT',
  'workload-configured': 'CLNT',
  'timer-set': 'TIMR',
  'message-delayed': 'SEND',
  'manual-delivery-changed': 'FAULT',
  'timers-freeze-changed': 'TIMR',
  'liveness-stalled': 'LEAD',
  'run-halted': 'FAULT',
} as const satisfies Record<SimEventType, Topic>;

export type { NodeEvent, RemoteMessageType };

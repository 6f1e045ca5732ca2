import type { ClientCommand, ConfChange, Entry, LogIndex, NodeId, Snapshot, Term } from './types.ts';

/**
 * Every message a node can be stepped with. Local messages (MsgHup, MsgBeat, MsgProp,
 * MsgTransferLeader, MsgReadIndex, MsgConfChange) come from the node's own timers, a client or a user; remote ones travel over
 * the simulated network and always carry the sender's term.
 *
 * Heartbeats are AppendEntries with no entries, exactly as in the paper's Figure 2, rather than a
 * separate MsgHeartbeat as in etcd. One message kind means a heartbeat runs the same consistency
 * check as any append, so an idle leader still repairs a follower's log and a student sees one
 * rule, not two.
 */
export type Message = LocalMessage | RemoteMessage;
export type LocalMessage = MsgHup | MsgBeat | MsgProp | MsgTransferLeader | MsgReadIndex | MsgConfChange;
export type RemoteMessage = MsgVote | MsgVoteResp | MsgApp | MsgAppResp | MsgSnap | MsgSnapResp | MsgTimeoutNow;
export type RemoteMessageType = RemoteMessage['type'];

/** Election timer fired (or a user forced an election): start campaigning. */
export interface MsgHup {
  readonly type: 'MsgHup';
}
/** Heartbeat timer fired on a leader: send AppendEntries to every follower. */
export interface MsgBeat {
  readonly type: 'MsgBeat';
}
/** A client asks this node to replicate commands. */
export interface MsgProp {
  readonly type: 'MsgProp';
  readonly commands: readonly ClientCommand[];
}

/**
 * A user asks the leader to hand its leadership to `target` (thesis §3.10): it stops taking
 * proposals, brings the target's log up to date, then sends it MsgTimeoutNow.
 */
export interface MsgTransferLeader {
  readonly type: 'MsgTransferLeader';
  readonly target: NodeId;
}

/**
 * A client's linearizable read, numbered by the caller (thesis §6.4): the leader confirms its
 * leadership (or its lease) and hands back a ReadState once the read may be answered.
 */
export interface MsgReadIndex {
  readonly type: 'MsgReadIndex';
  readonly id: number;
}

/** A user asks the leader to add or remove a server, one at a time (thesis ch. 4, raft/membership.ts). */
export interface MsgConfChange {
  readonly type: 'MsgConfChange';
  readonly change: ConfChange;
}

interface Envelope {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: Term;
}

/** RequestVote RPC (§5.2). */
export interface MsgVote extends Envelope {
  readonly type: 'MsgVote';
  readonly lastLogIndex: LogIndex;
  readonly lastLogTerm: Term;
  /** A pre-vote (thesis §9.6): `term` is the one the sender would stand for; nobody changes term or vote for it. */
  readonly pre?: boolean;
  /**
   * Sent by a candidate that a leader's TimeoutNow started (leadership transfer): voters that
   * still hear from that leader vote anyway, since the leader itself asked for the election.
   */
  readonly transfer?: boolean;
}

export interface MsgVoteResp extends Envelope {
  readonly type: 'MsgVoteResp';
  readonly granted: boolean;
  /** The answer to a pre-vote, carrying that pre-vote's term. */
  readonly pre?: boolean;
}

/** AppendEntries RPC (§5.3); with no entries it is a heartbeat. */
export interface MsgApp extends Envelope {
  readonly type: 'MsgApp';
  readonly prevLogIndex: LogIndex;
  readonly prevLogTerm: Term;
  readonly entries: readonly Entry[];
  readonly leaderCommit: LogIndex;
  /** ReadIndex: the leader's latest confirmation round, echoed back (absent: no round this term). */
  readonly read?: number;
}

export interface MsgAppResp extends Envelope {
  readonly type: 'MsgAppResp';
  readonly success: boolean;
  /** On success: the last index the follower now holds in agreement with the leader. */
  readonly matchIndex: LogIndex;
  /** On rejection: the prevLogIndex of the request rejected, so stale rejections can be ignored. */
  readonly rejectedIndex: LogIndex;
  /**
   * Fast backup hint (present on rejection when enabled). The follower's term at prevLogIndex
   * (null if its log is too short) and the first index it holds of that term, or its last
   * index + 1 when the log is too short.
   */
  readonly conflictTerm: Term | null;
  readonly conflictIndex: LogIndex | null;
  /** The confirmation round of the append answered (ReadIndex), when it carried one. */
  readonly read?: number;
}

/** InstallSnapshot RPC (§7), sent whole: the simulated network has no size limit. */
export interface MsgSnap extends Envelope {
  readonly type: 'MsgSnap';
  readonly snapshot: Snapshot;
}

export interface MsgSnapResp extends Envelope {
  readonly type: 'MsgSnapResp';
  /** The index the follower's log now agrees with the leader's up to. */
  readonly matchIndex: LogIndex;
}

/**
 * Leadership transfer (thesis §3.10): the leader tells a follower whose log is up to date to start
 * an election now, without waiting for its timer and without pre-votes.
 */
export interface MsgTimeoutNow extends Envelope {
  readonly type: 'MsgTimeoutNow';
}

export const remoteMessageTypes: readonly RemoteMessageType[] = [
  'MsgVote',
  'MsgVoteResp',
  'MsgApp',
  'MsgAppResp',
  'MsgSnap',
  'MsgSnapResp',
  'MsgTimeoutNow',
];

/** The paper's name for each message, used in tooltips and docs. */
export const paperName = {
  MsgVote: 'RequestVote',
  MsgVoteResp: 'RequestVote reply',
  MsgApp: 'AppendEntries',
  MsgAppResp: 'AppendEntries reply',
  MsgSnap: 'InstallSnapshot',
  MsgSnapResp: 'InstallSnapshot reply',
  MsgTimeoutNow: 'TimeoutNow',
} as const satisfies Record<RemoteMessageType, string>;

import { broken } from '../base/assert.ts';
import type { PrngState } from '../base/prng.ts';
import { intInclusive } from '../base/prng.ts';
import type { NodeEvent } from './events.ts';
import type { RaftLog } from './log.ts';
import { checkLog, lastIndex, newLog } from './log.ts';
import type { Message, RemoteMessage } from './message.ts';
import type { Progress } from './progress.ts';
import { checkProgress } from './progress.ts';
import type { ReadOnly, ReadState } from './read-state.ts';
import { newReadOnly } from './read-state.ts';
import { rescanMembership } from './membership-scan.ts';
import type { Configuration, Entry, LogIndex, NodeId, RaftConfig, Role, Snapshot, Term } from './types.ts';
import { emptySnapshot } from './types.ts';

/**
 * One Raft node as plain data. It changes only through tick() and skipTicks() (timers.ts), step()
 * (step.ts), and advance() and compactLog() (ready.ts); it never sends or writes anything itself.
 * What it wants done is handed over by ready(): the caller persists, then sends, then applies,
 * then calls advance(), as etcd's Ready/Advance cycle does.
 */
export interface RaftNode {
  readonly id: NodeId;
  readonly config: RaftConfig;
  /** The configuration the node started with, before any entry (thesis ch. 4); empty for a server being added. */
  readonly bootstrap: Configuration;
  /**
   * The configuration the node uses: the latest in its log, committed or not (thesis §4.1), or
   * its snapshot's, or `bootstrap`; `index` is the entry that set it (0: none). raft/membership.ts
   * keeps it, and `peers`, in step with the log.
   */
  membership: Configuration & { readonly index: LogIndex };
  /** Every other member, voters and learners, in ascending order: whom a leader replicates to. */
  peers: readonly NodeId[];

  // Persistent state (Figure 2), durable once `persisted` equals it.
  term: Term;
  vote: NodeId | null;
  log: RaftLog;

  // Volatile state.
  role: Role;
  /** The leader this node knows of in the current term, if any. */
  lead: NodeId | null;
  electionElapsed: number;
  /** This term's randomized election timeout, drawn from the node's own stream. */
  electionTimeout: number;
  heartbeatElapsed: number;
  /** Candidate only, or a pre-candidate: the answers received, by voter id. */
  votes: Record<NodeId, boolean>;
  /** PreVote: a follower asking for pre-votes for term + 1 (etcd's PreCandidate), its term unchanged. */
  preCandidate: boolean;
  /** Leader only: what the leader knows of each follower, by follower id. */
  progress: Record<NodeId, Progress>;
  /** Leader only: a leadership transfer under way (raft/transfer.ts) and the ticks it has taken. */
  transfer: { target: NodeId; elapsed: number } | null;
  /** The last quorum index reported as held back (§5.4.2), so each hold is reported once. */
  heldBackIndex: LogIndex;
  /** Leader only: ReadIndex and lease reads under way (raft/read-index.ts); empty otherwise. */
  readOnly: ReadOnly;
  /** The node's own clock: ticks since it started (a restart sets it back to 0). Leases are timed by it. */
  clock: number;
  rng: PrngState;

  // Output for the caller, handed over by ready() and cleared by advance() (ready.ts).
  outbox: RemoteMessage[];
  events: NodeEvent[];
  /** The hard state as last written to disk (set by advance()). */
  persisted: { term: Term; vote: NodeId | null };
  /** A snapshot received from the leader, to be written to disk and loaded by the state machine. */
  snapshotToInstall: Snapshot | null;
  /** Reads confirmed (or answered by lease), for the caller to answer once applied reaches their index. */
  readStates: ReadState[];
}

export interface NodeOptions {
  id: NodeId;
  /** The initial configuration: every voter the cluster starts with (this node among them), or none for a server being added. */
  voters: readonly NodeId[];
  config: RaftConfig;
  rng: PrngState;
  /** What the node's disk holds; a brand-new node starts from term 0 and an empty log. */
  disk?: { term: Term; vote: NodeId | null; snapshot: Snapshot; entries: readonly Entry[] };
}

/** Creates a node, fresh or rebuilt from its disk after a restart (commit and apply restart at the snapshot). */
export function newNode(options: NodeOptions): RaftNode {
  const disk = options.disk ?? { term: 0, vote: null, snapshot: emptySnapshot, entries: [] };
  const bootstrap: Configuration = { voters: [...options.voters].sort((a, b) => a - b), learners: [] };
  const node: RaftNode = {
    id: options.id,
    config: options.config,
    bootstrap,
    membership: { ...bootstrap, index: 0 },
    peers: [],
    term: disk.term,
    vote: disk.vote,
    log: newLog(disk.snapshot, [...disk.entries]),
    role: 'follower',
    lead: null,
    electionElapsed: 0,
    electionTimeout: 0,
    heartbeatElapsed: 0,
    votes: {},
    preCandidate: false,
    progress: {},
    transfer: null,
    heldBackIndex: 0,
    readOnly: newReadOnly(),
    clock: 0,
    rng: options.rng,
    outbox: [],
    events: [],
    persisted: { term: disk.term, vote: disk.vote },
    snapshotToInstall: null,
    readStates: [],
  };
  // The configuration a restarted node uses is in its log or snapshot.
  rescanMembership(node);
  resetElectionTimer(node);
  return node;
}

export function resetElectionTimer(node: RaftNode): void {
  node.electionElapsed = 0;
  const { electionTimeoutTicksMin: min, electionTimeoutTicksMax: max } = node.config;
  // The unsafe switch drops §5.2's randomization: nodes that time out together stay in step.
  node.electionTimeout = node.config.unsafeFixedTimeouts ? min : intInclusive(node.rng, min, max);
}

export function emit(node: RaftNode, event: NodeEvent): void {
  node.events.push(event);
}

export function send(node: RaftNode, message: RemoteMessage): void {
  if (!(message.to !== node.id)) throw broken(`node ${node.id} sending ${message.type} to itself`);
  if (!(message.from === node.id)) throw broken(`node ${node.id} sending a message from ${message.from}`);
  node.outbox.push(message);
}

/**
 * How long a leadership transfer may take before the leader gives up and takes proposals again:
 * the longest election timeout, as etcd allows, enough for a lagging target to catch up.
 */
export function transferTimeoutTicks(node: RaftNode): number {
  return node.config.electionTimeoutTicksMax;
}

/** How many nodes vote in the configuration the node uses. */
export function voterCount(node: RaftNode): number {
  return node.membership.voters.length;
}

/** Per-node invariants, run at the end of every tick in which the node changed (sim/invariants.ts). */
export function checkNode(node: RaftNode): void {
  checkLog(node.log, node.id, node.config.unsafeApplyBeforeCommit);
  if (!(node.term >= node.persisted.term)) throw broken(`node ${node.id}: term went back`);
  if (node.role === 'leader') {
    if (!(node.heartbeatElapsed < node.config.heartbeatIntervalTicks)) throw broken(`node ${node.id}: heartbeat timer ${node.heartbeatElapsed} past its interval`);
    if (node.config.checkQuorum && !(node.electionElapsed < node.electionTimeout)) throw broken(`node ${node.id}: CheckQuorum timer ${node.electionElapsed} past ${node.electionTimeout}`);
  } else if (!(node.electionElapsed < node.electionTimeout)) {
    throw broken(`node ${node.id}: election timer ${node.electionElapsed} past its timeout ${node.electionTimeout}`);
  }
  if (node.role === 'leader') {
    if (!(node.lead === node.id)) throw broken(`node ${node.id}: leader does not know itself as lead`);
    if (!(node.vote === node.id)) throw broken(`node ${node.id}: leader did not vote for itself`);
    for (const peer of node.peers) {
      const progress = node.progress[peer];
      if (!(progress !== undefined)) throw broken(`node ${node.id}: no progress for ${peer}`);
      checkProgress(progress, peer);
      if (!(progress.matchIndex <= lastIndex(node.log))) throw broken(`node ${node.id}: match of ${peer} beyond last index`);
    }
  }
  if (node.transfer !== null) {
    if (!(node.role === 'leader')) throw broken(`node ${node.id}: a ${node.role} is transferring leadership`);
    if (!node.membership.voters.includes(node.transfer.target)) throw broken(`node ${node.id}: transferring to ${node.transfer.target}, not a voter`);
    if (!(node.transfer.elapsed < transferTimeoutTicks(node))) throw broken(`node ${node.id}: transfer timer ${node.transfer.elapsed} past its limit`);
  }
  if (node.role === 'candidate' && !node.membership.voters.includes(node.id)) throw broken(`node ${node.id}: a candidate outside its configuration`);
  if (node.peers.includes(node.id)) throw broken(`node ${node.id}: lists itself as a peer`);
  if (node.role !== 'leader' && (node.readOnly.round !== 0 || node.readOnly.pending.length > 0)) throw broken(`node ${node.id}: a ${node.role} holds reads`);
  if ((node.role === 'candidate') && !(node.vote === node.id)) throw broken(`node ${node.id}: candidate did not vote for itself`);
  if (node.preCandidate && !(node.role === 'follower')) throw broken(`node ${node.id}: a pre-candidate is a ${node.role}`);
}

export type { Message };

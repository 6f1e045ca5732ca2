import { describeMessage } from './describe.ts';
import { lastIndex, slice } from './raft/log.ts';
import type { RemoteMessage } from './raft/message.ts';
import type { RaftNode } from './raft/node.ts';
import { transferTimeoutTicks } from './raft/node.ts';
import { isPaused } from './raft/progress.ts';
import type { ProgressState } from './raft/progress.ts';
import type { Entry, LogIndex, NodeId, RaftConfig, Role, Term, Tick } from './raft/types.ts';
import { quorumSize } from './raft/quorum.ts';
import type { Violation } from './sim/checker.ts';
import type { Halt } from './sim/halt.ts';
import type { Stall } from './sim/stall.ts';
import type { DropReason } from './sim/events.ts';
import { clusterConfiguration, presentIds } from './sim/cluster.ts';
import { kvPairs } from './sim/kv.ts';
import type { InFlight } from './sim/network.ts';
import { cutLinks, heldItems, inFlightItems, partitionGroups } from './sim/network.ts';
import type { NetworkConfig, Workload } from './sim/options.ts';
import type { Stats } from './sim/stats.ts';
import type { Server, SimState } from './sim/world.ts';
import type { ClientRead } from './sim/reads.ts';
import { copyRead } from './sim/read-records.ts';
import { leaseRemaining } from './raft/read-index.ts';
import { currentLeader } from './sim/world.ts';

/**
 * What a screen (or a test) needs to show the cluster at one tick: plain, readonly,
 * structured-clone-safe data. Views are derived from the simulation state; nothing in the app
 * computes Raft from them.
 */
export interface ClusterView {
  readonly tick: Tick;
  readonly seed: number;
  readonly nodes: readonly NodeView[];
  readonly inFlight: readonly MessageView[];
  /** Groups of nodes that can talk; one group when the network is whole. */
  readonly partition: readonly (readonly NodeId[])[];
  readonly cutLinks: readonly { readonly from: NodeId; readonly to: NodeId }[];
  /**
   * Votes or acknowledgements a majority needs: more than half of the voters, crashed ones
   * included, of the configuration in use (the leader's, else the latest any running node holds).
   */
  readonly quorum: number;
  /** The live leader of the highest term, if any. */
  readonly leader: { readonly id: NodeId; readonly term: Term } | null;
  readonly network: NetworkConfig;
  readonly raft: RaftConfig;
  /** The steady client's settings (proposeEveryTicks 0 when off). */
  readonly workload: Workload;
  readonly stats: Stats;
  readonly violations: readonly Violation[];
  readonly violationCount: number;
  /** The liveness watch's reports (sim/liveness.ts), and how many in all. */
  readonly stalls: readonly Stall[];
  readonly stallCount: number;
  /** Set once a run with an unsafe switch stopped (sim/halt.ts). */
  readonly halted: Halt | null;
  /** The debugger's switches: manual delivery (messages wait to be delivered by hand) and frozen timers. */
  readonly delivery: { readonly manual: boolean; readonly timersFrozen: boolean };
  /** The client's gets under way and the last few answered, oldest first (sim/reads.ts). */
  readonly reads: readonly ReadView[];
}

/** A client's get as a screen shows it: where it went, its confirmation round and its answer. */
export type ReadView = Readonly<Omit<ClientRead, 'acks'>> & { readonly acks: readonly NodeId[] };

export interface NodeView {
  readonly id: NodeId;
  readonly alive: boolean;
  /** null while the node is crashed. */
  readonly role: Role | null;
  /** PreVote: a follower asking for pre-votes before it would stand (absent: no). */
  readonly preCandidate?: boolean;
  /** For a crashed node, what its disk holds. */
  readonly term: Term;
  readonly vote: NodeId | null;
  readonly lead: NodeId | null;
  readonly electionElapsed: number;
  readonly electionTimeout: number;
  readonly heartbeatElapsed: number;
  readonly log: LogView;
  /** Candidate only: answers received so far. */
  readonly votes: readonly { readonly voter: NodeId; readonly granted: boolean }[];
  /** Leader only: what it knows of each follower. */
  readonly progress: readonly ProgressView[];
  /** Leader only: a leadership transfer under way to `target`, `elapsed` of at most `limit` ticks (absent: none). */
  readonly transfer?: { readonly target: NodeId; readonly elapsed: number; readonly limit: number };
  /** Leader with lease reads on: ticks of lease left, 0 when it holds none (absent otherwise). */
  readonly lease?: number;
  readonly kv: readonly (readonly [string, string])[];
  readonly disk: { readonly term: Term; readonly vote: NodeId | null; readonly snapshotIndex: LogIndex; readonly lastIndex: LogIndex; readonly writes: number };
  readonly crashedAt: Tick | null;
  /** The configuration the node uses, the latest in its log (thesis §4.1); absent while it is down. */
  readonly membership?: MembershipView;
  /** When the node was removed from the cluster and shut down for good (absent while it serves). */
  readonly removedAt?: Tick;
}

/** A configuration as a node holds it: voters, learners, and the index of its entry (0: the initial one). */
export interface MembershipView {
  readonly voters: readonly NodeId[];
  readonly learners: readonly NodeId[];
  readonly index: LogIndex;
}

export interface LogView {
  readonly snapshotIndex: LogIndex;
  readonly snapshotTerm: Term;
  readonly firstIndex: LogIndex;
  readonly lastIndex: LogIndex;
  readonly committed: LogIndex;
  readonly applied: LogIndex;
  readonly stabled: LogIndex;
  /** The entries in the requested window (all of them unless a window was asked for). */
  readonly entries: readonly Entry[];
}

export interface ProgressView {
  readonly follower: NodeId;
  readonly matchIndex: LogIndex;
  readonly nextIndex: LogIndex;
  readonly state: ProgressState;
  readonly paused: boolean;
  readonly inflight: number;
}

export interface MessageView {
  readonly id: number;
  readonly type: RemoteMessage['type'];
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: Term;
  readonly sentTick: Tick;
  readonly deliverTick: Tick;
  /** Set when the message was lost at send time: why it vanishes at deliverTick instead of arriving. */
  readonly dropReason: DropReason | null;
  readonly copyOf: number | null;
  /** It may overtake earlier messages on its link (the network's reorder draw). */
  readonly reordered: boolean;
  /** Waiting for manual delivery: it arrives only when delivered by hand (present only then). */
  readonly held?: true;
  readonly summary: string;
  readonly message: RemoteMessage;
}

export interface ViewOptions {
  /** Only entries with index in [from, from + count) are included (others are summarised by indexes). */
  readonly logWindow?: { readonly from: LogIndex; readonly count: number };
  /**
   * Whose key-value pairs to include: every node's when omitted, only this node's when a node id,
   * nobody's when null. The store can hold many keys and a screen shows one node's at a time.
   */
  readonly kvNode?: NodeId | null;
}

/** A message on the wire, or waiting for manual delivery (`held`), as plain data. */
function messageView(item: InFlight, held: boolean): MessageView {
  const view: MessageView = {
    id: item.id,
    type: item.message.type,
    from: item.message.from,
    to: item.message.to,
    term: item.message.term,
    sentTick: item.sentTick,
    deliverTick: item.deliverTick,
    dropReason: item.dropReason,
    copyOf: item.copyOf,
    reordered: item.reordered,
    summary: describeMessage(item.message),
    message: item.message,
  };
  return held ? { ...view, held: true } : view;
}

export function clusterView(sim: SimState, options: ViewOptions = {}): ClusterView {
  const leaderId = currentLeader(sim);
  const leader = leaderId === null ? null : { id: leaderId, term: sim.servers[leaderId - 1]!.node!.term };
  return {
    tick: sim.tick,
    seed: sim.options.seed,
    nodes: sim.servers.map((server) => nodeView(sim, server.id, options)),
    inFlight: [...inFlightItems(sim.network).map((item) => messageView(item, false)), ...heldItems(sim.network).map((item) => messageView(item, true))],
    partition: partitionGroups(sim.network, presentIds(sim)),
    cutLinks: cutLinks(sim.network),
    quorum: quorumSize(clusterConfiguration(sim).voters.length),
    leader,
    network: sim.network.config,
    raft: sim.options.raft,
    workload: sim.workload,
    stats: structuredClone(sim.stats),
    violations: sim.checker.violations.slice(),
    violationCount: sim.checker.violationCount,
    stalls: sim.liveness.stalls.slice(),
    stallCount: sim.liveness.stallCount,
    halted: sim.halted,
    delivery: { manual: sim.network.manual, timersFrozen: sim.timersFrozen },
    reads: sim.clientReads.reads.map(copyRead),
  };
}

export function nodeView(sim: SimState, id: NodeId, options: ViewOptions = {}): NodeView {
  const server = sim.servers[id - 1]!;
  const node = server.node;
  if (node === null) return crashedNodeView(server, options);
  const log = node.log;
  const last = lastIndex(log);
  const window = options.logWindow ?? { from: log.snapshot.index + 1, count: last - log.snapshot.index };
  return {
    id,
    alive: true,
    role: node.role,
    ...(node.preCandidate ? { preCandidate: true } : {}),
    ...(node.transfer === null ? {} : { transfer: { target: node.transfer.target, elapsed: node.transfer.elapsed, limit: transferTimeoutTicks(node) } }),
    ...(node.role === 'leader' && node.config.leaseReads ? { lease: leaseRemaining(node) } : {}),
    term: node.term,
    vote: node.vote,
    lead: node.lead,
    electionElapsed: node.electionElapsed,
    electionTimeout: node.electionTimeout,
    heartbeatElapsed: node.heartbeatElapsed,
    log: {
      snapshotIndex: log.snapshot.index,
      snapshotTerm: log.snapshot.term,
      firstIndex: log.snapshot.index + 1,
      lastIndex: last,
      committed: log.committed,
      applied: log.applied,
      stabled: log.stabled,
      entries: slice(log, window.from, window.from + window.count - 1),
    },
    votes: Object.entries(node.votes).map(([voter, granted]) => ({ voter: Number(voter), granted })),
    progress: node.role === 'leader' ? progressViews(node) : [],
    kv: options.kvNode === undefined || options.kvNode === id ? kvPairs(server.kv) : [],
    disk: diskView(server),
    crashedAt: null,
    membership: { voters: node.membership.voters, learners: node.membership.learners, index: node.membership.index },
  };
}

function diskView(server: Server): NodeView['disk'] {
  const { disk } = server;
  return { term: disk.term, vote: disk.vote, snapshotIndex: disk.snapshot.index, lastIndex: disk.snapshot.index + disk.entries.length, writes: disk.writes };
}

/** A crashed node shows what survives: its disk. */
function crashedNodeView(server: Server, options: ViewOptions): NodeView {
  const { disk } = server;
  const last = disk.snapshot.index + disk.entries.length;
  const offset = disk.snapshot.index + 1;
  const window = options.logWindow ?? { from: offset, count: last - disk.snapshot.index };
  return {
    id: server.id, alive: false, role: null, term: disk.term, vote: disk.vote, lead: null,
    electionElapsed: 0, electionTimeout: 0, heartbeatElapsed: 0,
    log: {
      snapshotIndex: disk.snapshot.index, snapshotTerm: disk.snapshot.term, firstIndex: offset, lastIndex: last,
      committed: 0, applied: 0, stabled: last,
      entries: disk.entries.slice(Math.max(window.from, offset) - offset, Math.max(0, window.from + window.count - offset)),
    },
    votes: [], progress: [], kv: [], disk: diskView(server), crashedAt: server.crashedAt,
    ...(server.removedAt === null ? {} : { removedAt: server.removedAt }),
  };
}

function progressViews(node: RaftNode): ProgressView[] {
  return node.peers.map((peer) => {
    const progress = node.progress[peer]!;
    return {
      follower: peer,
      matchIndex: progress.matchIndex,
      nextIndex: progress.nextIndex,
      state: progress.state,
      paused: isPaused(progress, node.config.inflightMax),
      inflight: progress.inflight.length,
    };
  });
}

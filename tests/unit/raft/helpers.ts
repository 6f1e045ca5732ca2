/**
 * Helpers for the paper-sentence tests (tests/unit/raft/paper-*.test.ts), in the manner of etcd's
 * raft_paper_test.go: build a node in a given state, step it with hand-made messages, then read
 * its outbox, its events and its fields.
 *
 * Every step goes through `deliver`, which also runs the node invariants (checkNode), so a test
 * that only looks at one field still fails if the step broke anything else.
 */
import type { NodeEvent, NodeEventType } from '../../../src/core/raft/events.ts';
import type { Message, MsgApp, MsgAppResp, MsgSnap, MsgVote, MsgVoteResp, RemoteMessage } from '../../../src/core/raft/message.ts';
import type { RaftNode } from '../../../src/core/raft/node.ts';
import { checkNode, newNode } from '../../../src/core/raft/node.ts';
import { step } from '../../../src/core/raft/step.ts';
import { tick } from '../../../src/core/raft/timers.ts';
import type { Entry, LogIndex, NodeId, RaftConfig, Snapshot, Term } from '../../../src/core/raft/types.ts';
import { emptySnapshot } from '../../../src/core/raft/types.ts';
import type { PrngState } from '../../../src/core/base/prng.ts';
import { seedPrng } from '../../../src/core/base/prng.ts';
import { defaultRaftConfig } from '../../../src/core/sim/options.ts';

/** Small timings so that tests tick through an election in a handful of steps. */
export const testConfig: RaftConfig = {
  ...defaultRaftConfig,
  electionTimeoutTicksMin: 10,
  electionTimeoutTicksMax: 20,
  heartbeatIntervalTicks: 3,
  entriesPerAppendMax: 64,
  inflightMax: 8,
  fastBackup: true,
  snapshotThresholdEntries: 0,
};

export interface TestNodeOptions {
  id?: NodeId;
  /** Cluster size; the node's peers are the other ids in 1..size. */
  size?: number;
  seed?: number;
  rng?: PrngState;
  config?: Partial<RaftConfig>;
  term?: Term;
  vote?: NodeId | null;
  /** The persisted log, as terms of indexes snapshot.index + 1, + 2, ... */
  logTerms?: readonly Term[];
  snapshot?: Snapshot;
}

/** A node rebuilt from a disk holding `term`, `vote`, `snapshot` and a log with the given terms. */
export function makeNode(options: TestNodeOptions = {}): RaftNode {
  const id = options.id ?? 1;
  const size = options.size ?? 3;
  const snapshot = options.snapshot ?? emptySnapshot;
  return newNode({
    id,
    voters: ids(size),
    config: { ...testConfig, ...options.config },
    rng: options.rng ?? seedPrng(options.seed ?? id),
    disk: {
      term: options.term ?? 0,
      vote: options.vote ?? null,
      snapshot,
      entries: entriesOfTerms(options.logTerms ?? [], snapshot.index + 1),
    },
  });
}

export function ids(size: number): NodeId[] {
  return Array.from({ length: size }, (_, offset) => offset + 1);
}

/** Entries with the given terms, numbered from `first`, each a distinct put so logs can be compared. */
export function entriesOfTerms(terms: readonly Term[], first: LogIndex = 1): Entry[] {
  return terms.map((term, offset) => entry(first + offset, term));
}

export function entry(index: LogIndex, term: Term): Entry {
  return { index, term, command: { type: 'put', key: `k${index}`, value: `t${term}` } };
}

/** The node's whole log (after its snapshot) as terms, the form the paper's figures use. */
export function logTerms(node: RaftNode): Term[] {
  return node.log.entries.map((logEntry) => logEntry.term);
}

/** Steps the node with one message and checks its invariants. */
export function deliver(node: RaftNode, message: Message): void {
  step(node, message);
  checkNode(node);
}

export function tickTimes(node: RaftNode, ticks: number): void {
  for (let count = 0; count < ticks; count += 1) {
    tick(node);
    checkNode(node);
  }
}

/** Ticks until the node's current election timeout runs out. */
export function tickElection(node: RaftNode): void {
  tickTimes(node, node.electionTimeout - node.electionElapsed);
}

/** Returns the messages the node wants sent, and empties its outbox. */
export function takeOutbox(node: RaftNode): RemoteMessage[] {
  const messages = node.outbox;
  node.outbox = [];
  return messages;
}

/** Forgets everything the node has said and reported so far, so a test reads only what comes next. */
export function clearOutput(node: RaftNode): void {
  node.outbox = [];
  node.events = [];
}

export function eventsOfType<T extends NodeEventType>(node: RaftNode, type: T): Extract<NodeEvent, { type: T }>[] {
  return node.events.filter((event): event is Extract<NodeEvent, { type: T }> => event.type === type);
}

export function sentOfType<T extends RemoteMessage['type']>(node: RaftNode, type: T): Extract<RemoteMessage, { type: T }>[] {
  return node.outbox.filter((message): message is Extract<RemoteMessage, { type: T }> => message.type === type);
}

/** Makes the node a candidate of its next term by running out its election timer. */
export function becomeCandidate(node: RaftNode): void {
  tickElection(node);
  if (node.role !== 'candidate') throw new Error(`node ${node.id} did not become a candidate (${node.role})`);
}

/** Makes the node leader of its next term: it campaigns and every peer grants its vote. */
export function becomeLeader(node: RaftNode): void {
  deliver(node, { type: 'MsgHup' });
  for (const peer of node.peers) {
    if (node.role === 'leader') break;
    deliver(node, voteResp({ from: peer, to: node.id, term: node.term, granted: true }));
  }
  if (node.role !== 'leader') throw new Error(`node ${node.id} did not become leader (${node.role})`);
}

/**
 * Every follower acknowledges the leader's whole log (its no-op, right after an election), so each
 * progress moves to replicate and the leader commits it. Mirrors etcd's commitNoopEntry.
 */
export function acknowledgeAll(leader: RaftNode): void {
  const last = leader.log.entries.at(-1)?.index ?? leader.log.snapshot.index;
  for (const peer of leader.peers) deliver(leader, appResp({ from: peer, to: leader.id, term: leader.term, matchIndex: last }));
}

export function app(fields: {
  from: NodeId;
  to: NodeId;
  term: Term;
  prevLogIndex?: LogIndex;
  prevLogTerm?: Term;
  entries?: readonly Entry[];
  leaderCommit?: LogIndex;
}): MsgApp {
  return { type: 'MsgApp', prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0, ...fields };
}

export function appResp(fields: { from: NodeId; to: NodeId; term: Term; matchIndex: LogIndex }): MsgAppResp {
  return { type: 'MsgAppResp', success: true, rejectedIndex: 0, conflictTerm: null, conflictIndex: null, ...fields };
}

export function appReject(fields: {
  from: NodeId;
  to: NodeId;
  term: Term;
  rejectedIndex: LogIndex;
  conflictTerm?: Term | null;
  conflictIndex?: LogIndex | null;
}): MsgAppResp {
  return { type: 'MsgAppResp', success: false, matchIndex: 0, conflictTerm: null, conflictIndex: null, ...fields };
}

export function vote(fields: { from: NodeId; to: NodeId; term: Term; lastLogIndex?: LogIndex; lastLogTerm?: Term }): MsgVote {
  return { type: 'MsgVote', lastLogIndex: 0, lastLogTerm: 0, ...fields };
}

export function voteResp(fields: { from: NodeId; to: NodeId; term: Term; granted: boolean }): MsgVoteResp {
  return { type: 'MsgVoteResp', ...fields };
}

export function snap(fields: { from: NodeId; to: NodeId; term: Term; snapshot: Snapshot }): MsgSnap {
  return { type: 'MsgSnap', ...fields };
}

/**
 * Delivers messages among `nodes` until none is left, in send order; messages to nodes outside
 * the set are dropped, as etcd's blackHole peer does. Bounded, so a livelock fails the test.
 */
export function exchange(nodes: readonly RaftNode[], roundsMax = 100): RemoteMessage[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const delivered: RemoteMessage[] = [];
  for (let round = 0; round < roundsMax; round += 1) {
    const inFlight = nodes.flatMap((node) => takeOutbox(node));
    if (inFlight.length === 0) return delivered;
    for (const message of inFlight) {
      const target = byId.get(message.to);
      if (target === undefined) continue;
      deliver(target, message);
      delivered.push(message);
    }
  }
  throw new Error(`messages still flowing after ${roundsMax} rounds`);
}

import type { SimEventBody } from './events.ts';
import { entryAt, termAt } from '../raft/log.ts';
import type { RaftNode } from '../raft/node.ts';
import { quorumSize } from '../raft/quorum.ts';
import type { Command, Entry, LogIndex, NodeId, Term, Tick } from '../raft/types.ts';
import type { IndexRing } from './index-ring.ts';
import { dropThrough, newIndexRing, remember, slotOf } from './index-ring.ts';
import { describeCommand, sameCommand } from './kv.ts';

/**
 * The cluster-wide safety checker (§5.2-§5.4, Figure 3). It watches the event stream as the
 * simulation produces it and keeps only small indexes, never rescanning whole logs:
 *
 *   One Vote per Term     a node grants at most one vote in a term (§5.2), its own as a candidate
 *                         included, across restarts too: the last (term, vote) of each node.
 *   Election Safety       at most one leader per term: a map term -> leader; and every leader won
 *                         a majority of the voters in the configuration it used (thesis ch. 4).
 *   Leader Append-Only    a leader never deletes or overwrites its entries: any truncation or
 *                         snapshot install on a leader is a violation.
 *   Log Matching          by induction, it suffices that every (index, term) pair ever appended
 *                         anywhere carries the same command and the same previous term; then two
 *                         logs sharing (index, term) share the whole prefix.
 *   Leader Completeness   a new leader holds the highest committed entry (with Log Matching, it
 *                         then holds every committed entry).
 *   State Machine Safety  no two nodes commit or apply different commands at one index, every
 *                         node applies in index order without gaps, and only what it has committed.
 *   Volatile State        a restarted node's commitIndex starts again at its snapshot (Figure 2:
 *                         commitIndex is volatile, learnt afresh from a leader). Only the unsafe
 *                         keep-commit-on-restart switch breaks it.
 *   One Change at a Time  a leader appends a configuration entry only when none other in its log
 *                         is uncommitted (thesis §4.1, etcd's PendingConfIndex).
 */
export type SafetyProperty =
  | 'One Vote per Term'
  | 'Election Safety'
  | 'Leader Append-Only'
  | 'Log Matching'
  | 'Leader Completeness'
  | 'State Machine Safety'
  | 'Volatile State'
  | 'One Change at a Time';

export const safetyProperties: readonly SafetyProperty[] = [
  'One Vote per Term',
  'Election Safety',
  'Leader Append-Only',
  'Log Matching',
  'Leader Completeness',
  'State Machine Safety',
  'Volatile State',
  'One Change at a Time',
];

export interface Violation {
  readonly tick: Tick;
  readonly property: SafetyProperty;
  readonly nodes: readonly NodeId[];
  readonly detail: string;
}

/** A second (or later) term appended at an index the appended ring already holds another term for. */
export interface AppendedAt {
  readonly term: Term;
  readonly prevTerm: Term;
  readonly command: Command;
  readonly node: NodeId;
}

export interface CheckerState {
  /** Per node id: the latest term it voted in (0 before any vote) and whom it voted for. */
  votedTerm: Term[];
  votedFor: NodeId[];
  leaderOfTerm: Map<Term, NodeId>;
  /** index -> the first entry appended there anywhere, with its previous entry's term. */
  appended: IndexRing;
  /** index -> entries of other terms appended there too (a divergent log; uncommon). */
  appendedOther: Map<LogIndex, AppendedAt[]>;
  /**
   * index -> the entry first committed or applied there, on any node. One registry serves both
   * checks: a node applies only what it has committed, so both must agree with it.
   */
  committed: IndexRing;
  highestCommittedIndex: LogIndex;
  highestCommittedTerm: Term;
  /** Per node id: the last index it applied (or restored from a snapshot). */
  lastApplied: number[];
  /** Indexes at or below this are in every node's snapshot and no longer tracked. */
  floor: LogIndex;
  violations: Violation[];
  /** Violations beyond this many are counted but not kept. */
  violationLimit: number;
  violationCount: number;
}

export function newChecker(nodes: number): CheckerState {
  return {
    votedTerm: new Array<Term>(nodes + 1).fill(0),
    votedFor: new Array<NodeId>(nodes + 1).fill(0),
    leaderOfTerm: new Map(),
    appended: newIndexRing(),
    appendedOther: new Map(),
    committed: newIndexRing(),
    highestCommittedIndex: 0,
    highestCommittedTerm: 0,
    lastApplied: new Array<number>(nodes + 1).fill(0),
    floor: 0,
    violations: [],
    violationLimit: 1000,
    violationCount: 0,
  };
}

function report(checker: CheckerState, violation: Violation): void {
  checker.violationCount += 1;
  if (checker.violations.length < checker.violationLimit) checker.violations.push(violation);
}

/**
 * Checks one event from node `id` (the node's state, `node`, already reflects what the event
 * describes; null while it is crashed). Positional arguments: this runs for every event.
 */
export function observe(checker: CheckerState, event: SimEventBody, tick: Tick, id: NodeId, node: RaftNode | null): void {
  switch (event.type) {
    // The commonest events first: none of them bears on safety.
    case 'append-accepted':
    case 'persisted':
    case 'heartbeat-timeout':
    case 'progress-updated':
      return;
    case 'became-candidate':
      checkVote(checker, { id, tick, term: event.term, candidate: id });
      return;
    case 'vote-granted':
      // A pre-vote promises nothing and changes no vote (PreVote).
      if (event.pre !== true) checkVote(checker, { id, tick, term: event.term, candidate: event.candidate });
      return;
    case 'became-leader': {
      const other = checker.leaderOfTerm.get(event.term);
      if (other !== undefined && other !== id) {
        report(checker, { tick, property: 'Election Safety', nodes: [other, id], detail: `nodes ${other} and ${id} both became leader in term ${event.term}` });
      } else checker.leaderOfTerm.set(event.term, id);
      if (node !== null) {
        checkMajority(checker, node, event.votes, event.term, tick);
        checkCompleteness(checker, node, tick);
      }
      return;
    }
    case 'config-proposed':
      if (node !== null) checkOneChange(checker, node, tick);
      return;
    case 'entries-appended':
      checkAppended(checker, id, tick, event.prevTerm, event.entries);
      return;
    case 'entries-truncated':
      if (node?.role === 'leader') {
        report(checker, { tick, property: 'Leader Append-Only', nodes: [id], detail: `leader ${id} of term ${node.term} deleted entries ${event.first}..${event.last}` });
      }
      return;
    case 'snapshot-installed':
      if (node?.role === 'leader') {
        report(checker, { tick, property: 'Leader Append-Only', nodes: [id], detail: `leader ${id} replaced its log with a snapshot at ${event.index}` });
      }
      checker.lastApplied[id] = event.index;
      return;
    case 'commit-advanced':
      if (node !== null) checkCommitted(checker, node, event.from, event.to, tick);
      return;
    case 'applied':
      if (node !== null && event.index > node.log.committed) {
        report(checker, { tick, property: 'State Machine Safety', nodes: [id], detail: `node ${id} applied index ${event.index} before committing it (its commitIndex is ${node.log.committed})` });
      }
      checkApplied(checker, id, tick, event);
      return;
    case 'node-restarted':
      if (node !== null && node.log.committed > event.snapshotIndex) {
        report(checker, {
          tick,
          property: 'Volatile State',
          nodes: [id],
          detail: `node ${id} restarted with commitIndex ${node.log.committed} kept from before its crash; it must start again at its snapshot (${event.snapshotIndex})`,
        });
      }
      checker.lastApplied[id] = event.snapshotIndex;
      return;
    case 'state-restored':
      checker.lastApplied[id] = event.snapshotIndex;
      return;
    default:
      return;
  }
}

function checkVote(checker: CheckerState, vote: { id: NodeId; tick: Tick; term: Term; candidate: NodeId }): void {
  const { id, term, candidate } = vote;
  const previous = checker.votedFor[id]!;
  if (checker.votedTerm[id] === term && previous !== candidate) {
    report(checker, {
      tick: vote.tick,
      property: 'One Vote per Term',
      nodes: [...new Set([id, previous, candidate])],
      detail: `node ${id} voted for node ${previous} and then for node ${candidate} in term ${term}`,
    });
  }
  checker.votedTerm[id] = term;
  checker.votedFor[id] = candidate;
}

function checkCompleteness(checker: CheckerState, node: RaftNode, tick: Tick): void {
  const index = checker.highestCommittedIndex;
  const term = checker.highestCommittedTerm;
  if (index === 0 || index <= node.log.snapshot.index) return;
  const held = termAt(node.log, index);
  if (held !== term) {
    report(checker, {
      tick,
      property: 'Leader Completeness',
      nodes: [node.id],
      detail: `leader ${node.id} of term ${node.term} lacks committed entry ${index} (term ${term}); it holds ${held === undefined ? 'nothing' : `term ${held}`} there`,
    });
  }
}

function checkAppended(checker: CheckerState, id: NodeId, tick: Tick, firstPrevTerm: Term, entries: readonly Entry[]): void {
  const ring = checker.appended;
  let prevTerm = firstPrevTerm;
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i]!;
    if (entry.index > checker.floor) {
      const slot = slotOf(ring, entry.index);
      if (slot < 0) {
        remember(ring, checker.floor, entry, prevTerm, id);
      } else if (ring.term[slot] !== entry.term) {
        checkAppendedOther(checker, { id, tick, prevTerm, entry });
      } else if (ring.prevTerm[slot] !== prevTerm || !sameCommand(ring.command[slot]!, entry.command)) {
        const first = { term: entry.term, prevTerm: ring.prevTerm[slot]!, command: ring.command[slot]!, node: ring.node[slot]! };
        reportMismatch(checker, first, { id, tick, prevTerm, entry });
      }
    }
    prevTerm = entry.term;
  }
}

interface Appended {
  readonly id: NodeId;
  readonly tick: Tick;
  readonly prevTerm: Term;
  readonly entry: { readonly index: LogIndex; readonly term: Term; readonly command: Command };
}

/** An entry at an index whose first recorded entry has another term: the divergent-log case. */
function checkAppendedOther(checker: CheckerState, appended: Appended): void {
  const { entry } = appended;
  let others = checker.appendedOther.get(entry.index);
  if (others === undefined) checker.appendedOther.set(entry.index, (others = []));
  const first = others.find((other) => other.term === entry.term);
  if (first === undefined) others.push({ term: entry.term, prevTerm: appended.prevTerm, command: entry.command, node: appended.id });
  else if (first.prevTerm !== appended.prevTerm || !sameCommand(first.command, entry.command)) reportMismatch(checker, first, appended);
}

function reportMismatch(checker: CheckerState, first: AppendedAt, appended: Appended): void {
  const { entry, prevTerm, id } = appended;
  report(checker, {
    tick: appended.tick,
    property: 'Log Matching',
    nodes: [first.node, id],
    detail:
      `entry ${entry.index} of term ${entry.term} differs: node ${first.node} has ${describeCommand(first.command)} after term ${first.prevTerm}, ` +
      `node ${id} has ${describeCommand(entry.command)} after term ${prevTerm}`,
  });
}

function checkCommitted(checker: CheckerState, node: RaftNode, from: LogIndex, to: LogIndex, tick: Tick): void {
  const ring = checker.committed;
  for (let index = Math.max(from + 1, node.log.snapshot.index + 1, checker.floor + 1); index <= to; index += 1) {
    const entry = entryAt(node.log, index);
    if (entry === undefined) continue;
    const slot = slotOf(ring, index);
    if (slot < 0) {
      remember(ring, checker.floor, entry, 0, node.id);
    } else if (ring.term[slot] !== entry.term || !sameCommand(ring.command[slot]!, entry.command)) {
      const first = ring.node[slot]!;
      report(checker, {
        tick,
        property: 'State Machine Safety',
        nodes: [first, node.id],
        detail: `index ${index} committed as ${describeCommand(ring.command[slot]!)} (term ${ring.term[slot]!}) on node ${first} but as ${describeCommand(entry.command)} (term ${entry.term}) on node ${node.id}`,
      });
    }
  }
  if (to > checker.highestCommittedIndex) {
    const term = termAt(node.log, to);
    if (term !== undefined) {
      checker.highestCommittedIndex = to;
      checker.highestCommittedTerm = term;
    }
  }
}

function checkApplied(checker: CheckerState, id: NodeId, tick: Tick, applied: Entry): void {
  const { index } = applied;
  const expected = (checker.lastApplied[id] ?? 0) + 1;
  if (index !== expected) {
    report(checker, { tick, property: 'State Machine Safety', nodes: [id], detail: `node ${id} applied index ${index} but its next index to apply was ${expected}` });
  }
  checker.lastApplied[id] = index;
  if (index <= checker.floor) return;
  const ring = checker.committed;
  const slot = slotOf(ring, index);
  if (slot < 0) {
    remember(ring, checker.floor, applied, 0, id);
  } else if (ring.term[slot] !== applied.term || !sameCommand(ring.command[slot]!, applied.command)) {
    const first = ring.node[slot]!;
    report(checker, {
      tick,
      property: 'State Machine Safety',
      nodes: [first, id],
      detail: `node ${first} committed ${describeCommand(ring.command[slot]!)} at index ${index} but node ${id} applied ${describeCommand(applied.command)}`,
    });
  }
}

/** The command committed (and so applied) at `index`, if still tracked. */
export function appliedCommandAt(checker: CheckerState, index: LogIndex): Command | undefined {
  const slot = slotOf(checker.committed, index);
  return slot < 0 ? undefined : checker.committed.command[slot]!;
}

/** Forgets indexes at or below `floor`: every node's snapshot covers them, so none can change. */
export function raiseFloor(checker: CheckerState, floor: LogIndex): void {
  if (floor <= checker.floor) return;
  dropThrough(checker.appended, checker.floor, floor);
  dropThrough(checker.committed, checker.floor, floor);
  for (const index of checker.appendedOther.keys()) if (index <= floor) checker.appendedOther.delete(index);
  checker.floor = floor;
}

/** Election Safety under the leader's own configuration: its votes came from a majority of its voters. */
function checkMajority(checker: CheckerState, node: RaftNode, votes: readonly NodeId[], term: Term, tick: Tick): void {
  const voters = node.membership.voters;
  const counted = votes.filter((voter) => voters.includes(voter));
  if (counted.length >= quorumSize(voters.length)) return;
  report(checker, { tick, property: 'Election Safety', nodes: [node.id], detail: `node ${node.id} became leader in term ${term} with votes from {${votes.join(',')}}, not a majority of its voters {${voters.join(',')}}` });
}

/** At most one uncommitted configuration entry in a leader's log, the one it just appended. */
function checkOneChange(checker: CheckerState, node: RaftNode, tick: Tick): void {
  const pending: LogIndex[] = [];
  for (const entry of node.log.entries) if (entry.index > node.log.committed && entry.command.type === 'config') pending.push(entry.index);
  if (pending.length <= 1) return;
  report(checker, { tick, property: 'One Change at a Time', nodes: [node.id], detail: `node ${node.id} holds uncommitted configuration entries at ${pending.join(', ')}` });
}

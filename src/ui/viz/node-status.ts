/**
 * The words and numbers a node glyph shows: its accessible name, hover text, role badge, vote
 * line and timer, in the words of the catalogue `m`. Pure, and only reads the view; nothing here
 * computes Raft.
 */
import type { NodeId, NodeView } from '../../core/index.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { defaultLabelWidths, textEms } from './glyph-metrics.ts';
import type { LabelWidths } from './glyph-metrics.ts';

export interface NodeTimer {
  /** election: time until a follower or candidate campaigns; heartbeat: a leader's next beat. */
  readonly kind: 'election' | 'heartbeat';
  readonly elapsed: number;
  readonly total: number;
  /** Share of the timer used up, in [0, 1]. */
  readonly drained: number;
}

/** The timer the node's ring shows; null for a crashed node, which has no running timer. */
export function nodeTimer(node: NodeView, heartbeatIntervalTicks: number): NodeTimer | null {
  if (!node.alive || node.role === null) return null;
  if (node.role === 'leader') return timer('heartbeat', node.heartbeatElapsed, heartbeatIntervalTicks);
  return timer('election', node.electionElapsed, node.electionTimeout);
}

function timer(kind: NodeTimer['kind'], elapsed: number, total: number): NodeTimer {
  const drained = total > 0 ? Math.min(1, Math.max(0, elapsed / total)) : 0;
  return { kind, elapsed, total, drained };
}

/** A crashed node is read as a follower: that is the role it restarts in (§5.2). */
function roleWord(m: Messages, node: Pick<NodeView, 'role'>): string {
  return m.common.role[node.role ?? 'follower'];
}

/** Exactly "Node 3, leader, term 4"; a crashed node adds ", crashed". */
export function nodeAriaLabel(m: Messages, node: Pick<NodeView, 'id' | 'role' | 'term' | 'alive'>): string {
  return m.cluster.node.name(node.id, roleWord(m, node), node.term, !(node.alive && node.role !== null));
}

/**
 * The word under the id: the role, "pre-candidate" for a follower asking for pre-votes (its Raft
 * role, in the accessible name, stays follower), "learner" for a follower its own configuration
 * lists as one (membership change), "not a member" for one it does not list at all (a new server
 * the leader has not reached yet, or one being removed), or "crashed".
 */
export function roleLine(m: Messages, node: Pick<NodeView, 'role' | 'alive' | 'preCandidate' | 'membership'> & { readonly id?: NodeId }): string {
  if (!node.alive || node.role === null) return m.common.crashed;
  if (node.role === 'follower' && node.id !== undefined && node.membership !== undefined && !node.membership.voters.includes(node.id)) {
    return node.membership.learners.includes(node.id) ? m.common.learner : m.common.notMember;
  }
  return node.preCandidate === true ? m.common.preCandidate : m.common.role[node.role];
}

export function voteLine(m: Messages, node: Pick<NodeView, 'vote'>): string {
  return node.vote === null ? m.cluster.node.noVote : m.cluster.node.voted(node.vote);
}

/**
 * The node's labels: role, term and vote on three lines, or, where three do not fit, one
 * compact line: "C t3 v3" (candidate, term 3, voted for 3), "✗ t2 v1" for a crashed node.
 */
export function labelLines(m: Messages, node: Pick<NodeView, 'role' | 'alive' | 'term' | 'vote' | 'preCandidate' | 'membership'> & { readonly id?: NodeId }, style: 'full' | 'compact'): string[] {
  if (style === 'full') return [roleLine(m, node), m.cluster.term(node.term), voteLine(m, node)];
  const mark = node.alive && node.role !== null ? m.cluster.node.badge[node.role] : '✗';
  return [m.cluster.node.compact(mark, node.term, node.vote)];
}

/**
 * The widest label lines `m`'s language writes, in ems, for the ring to reserve: every role and a
 * crashed node, with two-digit terms and votes (a class rarely sees more), never less than the
 * default.
 */
export function labelWidths(m: Messages): LabelWidths {
  const samples = [
    ...(['follower', 'candidate', 'leader'] as const).flatMap((role) => [
      { id: 15, role, alive: true, term: 99, vote: 15 },
      { id: 15, role, alive: true, term: 99, vote: null },
    ]),
    { id: 15, role: 'follower' as const, alive: true, term: 99, vote: 15, preCandidate: true },
    { id: 15, role: 'follower' as const, alive: true, term: 99, vote: 15, membership: { voters: [], learners: [15], index: 0 } },
    { id: 15, role: 'follower' as const, alive: true, term: 99, vote: 15, membership: { voters: [], learners: [], index: 0 } },
    { id: 15, role: null, alive: false, term: 99, vote: 15 },
  ];
  const widest = (style: 'full' | 'compact') => Math.max(...samples.flatMap((node) => labelLines(m, node, style).map(textEms)));
  return { full: Math.max(defaultLabelWidths.full, widest('full')), compact: Math.max(defaultLabelWidths.compact, widest('compact')) };
}

/** A candidate's answers so far, by voter (granted or refused); voters not listed have not answered. */
export function voteAnswers(node: Pick<NodeView, 'role' | 'votes'>): ReadonlyMap<NodeId, boolean> {
  if (node.role !== 'candidate') return new Map();
  return new Map(node.votes.map(({ voter, granted }) => [voter, granted]));
}

/** A leader's transfer under way, in words: to whom, and the ticks before it gives up. */
export function transferLine(m: Messages, node: Pick<NodeView, 'transfer'>): string | null {
  const transfer = node.transfer;
  return transfer === undefined ? null : m.details.node.transferring(transfer.target, Math.max(0, transfer.limit - transfer.elapsed));
}

/** Lease reads on a leader: how long gets are answered without a round (null: not a leader with lease reads). */
export function leaseLine(m: Messages, node: Pick<NodeView, 'lease'>): string | null {
  return node.lease === undefined ? null : m.details.node.lease(node.lease);
}

/** Hover text: everything the glyph shows, in words. */
export function nodeTitle(m: Messages, node: NodeView, timerValue: NodeTimer | null): string {
  const lines = [nodeAriaLabel(m, node), voteLine(m, node)];
  if (node.lead !== null && node.role !== 'leader') lines.push(m.cluster.node.leaderKnown(node.lead));
  const transfer = transferLine(m, node);
  if (transfer !== null) lines.push(transfer);
  const lease = leaseLine(m, node);
  if (lease !== null) lines.push(lease);
  if (node.role === 'candidate') {
    const granted = node.votes.filter((vote) => vote.granted).map((vote) => vote.voter);
    const refused = node.votes.filter((vote) => !vote.granted).map((vote) => vote.voter);
    lines.push(m.cluster.node.votes(granted, refused));
  }
  if (timerValue !== null) {
    const { elapsed, total } = timerValue;
    lines.push(timerValue.kind === 'election' ? m.cluster.node.electionTimer(elapsed, total) : m.cluster.node.heartbeatTimer(elapsed, total));
  }
  if (!node.alive && node.crashedAt !== null) lines.push(m.cluster.node.crashedAt(node.crashedAt));
  lines.push(m.cluster.node.log(node.log.lastIndex, node.log.committed));
  return lines.join('\n');
}

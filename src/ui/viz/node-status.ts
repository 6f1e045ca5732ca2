/**
 * The words and numbers a node glyph shows: its accessible name, hover text, role badge, vote
 * line and timer. Pure, and only reads the view; nothing here computes Raft.
 */
import type { NodeId, NodeView, Role } from '../../core/index.ts';
import { roleLabel } from './palette.ts';

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
function roleWord(node: Pick<NodeView, 'role'>): string {
  return roleLabel[node.role ?? 'follower'];
}

/** Exactly "Node 3, leader, term 4"; a crashed node adds ", crashed". */
export function nodeAriaLabel(node: Pick<NodeView, 'id' | 'role' | 'term' | 'alive'>): string {
  const base = `Node ${node.id}, ${roleWord(node)}, term ${node.term}`;
  return node.alive && node.role !== null ? base : `${base}, crashed`;
}

export const roleBadge: Record<Role, string> = { follower: 'F', candidate: 'C', leader: 'L' };

/** The word under the id: the role, or "crashed". */
export function roleLine(node: Pick<NodeView, 'role' | 'alive'>): string {
  return node.alive && node.role !== null ? roleLabel[node.role] : 'crashed';
}

export function voteLine(node: Pick<NodeView, 'vote'>): string {
  return node.vote === null ? 'no vote' : `voted ${node.vote}`;
}

/**
 * The node's labels: role, term and vote on three lines, or, where three do not fit, one
 * compact line: "C t3 v3" (candidate, term 3, voted for 3), "✗ t2 v1" for a crashed node.
 */
export function labelLines(node: Pick<NodeView, 'role' | 'alive' | 'term' | 'vote'>, style: 'full' | 'compact'): string[] {
  if (style === 'full') return [roleLine(node), `term ${node.term}`, voteLine(node)];
  const letter = node.alive && node.role !== null ? roleBadge[node.role] : '✗';
  return [`${letter} t${node.term} v${node.vote ?? '–'}`];
}

/** A candidate's answers so far, by voter (granted or refused); voters not listed have not answered. */
export function voteAnswers(node: Pick<NodeView, 'role' | 'votes'>): ReadonlyMap<NodeId, boolean> {
  if (node.role !== 'candidate') return new Map();
  return new Map(node.votes.map(({ voter, granted }) => [voter, granted]));
}

/** Hover text: everything the glyph shows, in words. */
export function nodeTitle(node: NodeView, timerValue: NodeTimer | null): string {
  const lines = [nodeAriaLabel(node), voteLine(node)];
  if (node.lead !== null && node.role !== 'leader') lines.push(`leader known: ${node.lead}`);
  if (node.role === 'candidate') {
    const granted = node.votes.filter((vote) => vote.granted).map((vote) => vote.voter);
    const refused = node.votes.filter((vote) => !vote.granted).map((vote) => vote.voter);
    lines.push(`votes granted: ${granted.join(', ') || 'none'}; refused: ${refused.join(', ') || 'none'}`);
  }
  if (timerValue !== null) lines.push(`${timerValue.kind} timer ${timerValue.elapsed}/${timerValue.total} ticks`);
  if (!node.alive && node.crashedAt !== null) lines.push(`crashed at tick ${node.crashedAt}`);
  lines.push(`log: last ${node.log.lastIndex}, committed ${node.log.committed}`);
  return lines.join('\n');
}

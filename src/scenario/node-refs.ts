/**
 * Symbolic nodes resolved against the run at the tick they are read: `leader` is the live leader
 * of the highest term (Simulation.leader()), `old leader` the node that led the highest term not
 * led by the current leader, `leader of term N` the node that became leader in term N.
 */
import type { NodeId, Simulation } from '../core/index.ts';
import type { NoNodeReason } from './errors.ts';
import type { LeaderHistory } from './leader-history.ts';
import type { NodeRef } from './syntax-tree.ts';

export type Resolved = { readonly ok: true; readonly id: NodeId } | { readonly ok: false; readonly reason: NoNodeReason };

export function resolveNode(ref: NodeRef, simulation: Simulation, history: LeaderHistory): Resolved {
  let id: NodeId | null;
  let reason: NoNodeReason;
  switch (ref.kind) {
    case 'id':
      // A server `add node` starts later has no state yet.
      return ref.id > simulation.nodeIds.length ? { ok: false, reason: 'not-added' } : { ok: true, id: ref.id };
    case 'leader':
      id = simulation.leader()?.id ?? null;
      reason = 'no-leader';
      break;
    case 'old-leader':
      id = history.oldLeader(simulation.leader()?.id ?? null);
      reason = 'no-old-leader';
      break;
    case 'leader-of-term':
      id = history.leaderOfTerm(ref.term);
      reason = 'no-leader-of-term';
      break;
  }
  return id === null ? { ok: false, reason } : { ok: true, id };
}

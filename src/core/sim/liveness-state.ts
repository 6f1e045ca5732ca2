import type { LogIndex, NodeId, Term, Tick } from '../raft/types.ts';
import type { SimEventBody } from './events.ts';
import type { Stall } from './stall.ts';

/**
 * The liveness watch. Raft promises progress only while a majority can talk (§5.6: elections
 * settle when broadcast time << election timeout << MTBF), so the watch counts only while the
 * cluster is healthy: a majority of nodes running in one partition group, no link among them
 * cut, loss under half, and no debugger switch holding time or messages (manual delivery,
 * frozen timers). While healthy it reports two stalls, each once per stretch:
 *
 *   no-leader       no running node of that majority has led for `watchTicks` ticks (what fixed
 *                   election timeouts cause: split votes that never settle);
 *   commit-stalled  a leader has held entries of earlier terms on a majority, unable to commit
 *                   them (§5.4.2), for `watchTicks` ticks (what a leader without its no-op causes
 *                   when no client command of its own term arrives).
 *
 * A stall's tick is the tick at which the stretch reached `watchTicks`, whenever time (which jumps
 * over idle ticks) passes it, so a run reports the same stalls however it is stepped. Stalls are
 * not safety violations: Simulation.violations() never lists them.
 */

export interface LivenessState {
  /** The threshold, in ticks; 0 turns the watch off. */
  readonly watchTicks: number;
  /** Something that bears on health or leadership changed since the last look. */
  dirty: boolean;
  /** Since when the healthy cluster has had no leader (null: it has one, or is not healthy), and whether that stretch was reported. */
  leaderless: { since: Tick; reported: boolean } | null;
  /** A leader holding back entries of earlier terms (§5.4.2) since `since`, up to `index`. */
  held: { node: NodeId; term: Term; index: LogIndex; since: Tick; reported: boolean } | null;
  stalls: Stall[];
  /** Stalls beyond this many are counted but not kept. */
  readonly stallLimit: number;
  stallCount: number;
}

export function newLivenessState(watchTicks: number): LivenessState {
  return { watchTicks, dirty: true, leaderless: null, held: null, stalls: [], stallLimit: 100, stallCount: 0 };
}

/** Notes an event; cheap for the common ones, which bear on nothing here. */
export function noteLiveness(liveness: LivenessState, body: SimEventBody, tick: Tick, node: NodeId | null): void {
  if (liveness.watchTicks === 0) return;
  switch (body.type) {
    case 'became-leader':
    case 'became-candidate':
    case 'node-restarted':
      liveness.dirty = true;
      return;
    case 'became-follower':
    case 'node-crashed':
      liveness.dirty = true;
      if (liveness.held?.node === node) liveness.held = null;
      return;
    case 'commit-held-back':
      if (node === null) return;
      if (liveness.held === null || liveness.held.node !== node || liveness.held.term !== body.currentTerm) {
        liveness.held = { node, term: body.currentTerm, index: body.quorumIndex, since: tick, reported: false };
      } else liveness.held.index = Math.max(liveness.held.index, body.quorumIndex);
      return;
    case 'commit-advanced':
      if (liveness.held !== null && liveness.held.node === node && body.to >= liveness.held.index) liveness.held = null;
      return;
    case 'partition-changed':
    case 'link-cut':
    case 'link-restored':
    case 'network-healed':
    case 'network-configured':
    case 'manual-delivery-changed':
    case 'timers-freeze-changed':
      liveness.dirty = true;
      return;
    default:
      return;
  }
}

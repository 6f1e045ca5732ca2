/**
 * Who has led which term, read off the run's `became-leader` events: what `old leader` and
 * `leader of term N` name, and what "at most one leader per term" checks.
 */
import type { NodeId, SimEvent, Term } from '../core/index.ts';

export class LeaderHistory {
  /** The first node to become leader in each term. */
  private readonly byTerm = new Map<Term, NodeId>();
  /** Terms with a leader, ascending. */
  private readonly terms: Term[] = [];
  private conflict: { readonly term: Term; readonly leaders: readonly NodeId[] } | null = null;

  observe(event: SimEvent): void {
    if (event.type !== 'became-leader' || event.node === null) return;
    const known = this.byTerm.get(event.term);
    if (known !== undefined) {
      if (known !== event.node && this.conflict === null) this.conflict = { term: event.term, leaders: [known, event.node] };
      return;
    }
    this.byTerm.set(event.term, event.node);
    let at = this.terms.length;
    while (at > 0 && this.terms[at - 1]! > event.term) at -= 1;
    this.terms.splice(at, 0, event.term);
  }

  leaderOfTerm(term: Term): NodeId | null {
    return this.byTerm.get(term) ?? null;
  }

  /** The node that led the highest term among the terms `current` did not lead. */
  oldLeader(current: NodeId | null): NodeId | null {
    for (let at = this.terms.length - 1; at >= 0; at -= 1) {
      const leader = this.byTerm.get(this.terms[at]!)!;
      if (leader !== current) return leader;
    }
    return null;
  }

  /** The first term in which two nodes became leader, if any (Election Safety broken). */
  firstConflict(): { readonly term: Term; readonly leaders: readonly NodeId[] } | null {
    return this.conflict;
  }
}

import type { LogIndex, NodeId, Term, Tick } from '../raft/types.ts';

/** What the liveness watch reports (sim/liveness-state.ts explains when). */
export type StallKind = 'no-leader' | 'commit-stalled';

export const stallKinds: readonly StallKind[] = ['no-leader', 'commit-stalled'];

export interface Stall {
  readonly tick: Tick;
  readonly kind: StallKind;
  /** How long the stretch had lasted when reported: the watch's threshold. */
  readonly ticks: number;
  readonly nodes: readonly NodeId[];
  /** commit-stalled: the leader's term and the highest index it held back (null for no-leader). */
  readonly term: Term | null;
  readonly index: LogIndex | null;
  /** The stall in English, for logs and the headless API. */
  readonly detail: string;
}

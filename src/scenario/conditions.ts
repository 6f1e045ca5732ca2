/**
 * What each condition means, decided on the state of a run at one tick, with the facts that
 * decided it (ConditionDetail: what a failed expectation reports, as data).
 *
 * - leader in {…}: Simulation.leader() (the live leader of the highest term) is one of the nodes.
 * - no leader: Simulation.leader() is null.
 * - K=V committed on SET: every node of SET is running and has applied an index at which K=V was
 *   committed (a node applies an entry as soon as it learns it is committed; restarting, it
 *   applies again from its snapshot). Without `on`: K=V has been committed at some index, on some
 *   node, at some tick so far.
 * - N in term ≥ M: node N's current term (a crashed node's persisted term) compares so with M.
 * - N is a follower / candidate / leader: N runs in that role; N is crashed: it is not running.
 * - N has log [T, …]: N's log holds exactly entries of these terms from index 1, with nothing
 *   compacted into a snapshot (turn snapshots off to compare whole logs).
 * - no violation: the safety checker has reported nothing so far.
 * - violation [of "P"]: it has reported a violation (of property P) so far.
 * - stall [of "K"]: the liveness watch has reported a stall (of kind K) so far.
 * - at most one leader per term: no two nodes have become leader in the same term so far.
 * A symbolic node that names no node makes its condition false at that tick.
 */
import type { Command, LogIndex, NodeId, Role, SafetyProperty, SimEvent, Simulation, Stall, StallKind, Term, Topic, Violation } from '../core/index.ts';
import type { LeaderHistory } from './leader-history.ts';
import { resolveNode } from './node-refs.ts';
import { printNodeRef } from './printer.ts';
import type { Condition, NodeRef } from './syntax-tree.ts';

/** The facts behind a condition's value at a tick. `unresolved` lists symbolic nodes that named no node. */
export type ConditionDetail =
  | { readonly kind: 'leader-in'; readonly leader: NodeId | null; readonly nodes: readonly NodeId[]; readonly unresolved: readonly string[] }
  | { readonly kind: 'no-leader'; readonly leader: NodeId | null }
  | {
      readonly kind: 'committed';
      /** Indexes at which the command was committed so far (ascending). */
      readonly indexes: readonly LogIndex[];
      /** The nodes it had to be on, with what each had applied; empty without `on`. */
      readonly nodes: readonly { readonly id: NodeId; readonly alive: boolean; readonly lastApplied: LogIndex }[];
      readonly missing: readonly NodeId[];
      readonly unresolved: readonly string[];
    }
  | { readonly kind: 'term'; readonly node: NodeId | null; readonly term: Term | null; readonly unresolved: readonly string[] }
  | { readonly kind: 'role'; readonly node: NodeId | null; readonly role: Role | 'crashed' | 'removed' | null; readonly unresolved: readonly string[] }
  | { readonly kind: 'voters'; readonly voters: readonly NodeId[]; readonly wanted: readonly NodeId[]; readonly unresolved: readonly string[] }
  | { readonly kind: 'log'; readonly node: NodeId | null; readonly terms: readonly Term[] | null; readonly snapshotIndex: LogIndex; readonly unresolved: readonly string[] }
  | { readonly kind: 'no-violation'; readonly violations: readonly Violation[] }
  | { readonly kind: 'violation'; readonly property: SafetyProperty | null; readonly violations: readonly Violation[] }
  | { readonly kind: 'stall'; readonly stall: StallKind | null; readonly stalls: readonly Stall[] }
  | { readonly kind: 'one-leader-per-term'; readonly term: Term | null; readonly leaders: readonly NodeId[] };

export interface ConditionValue {
  readonly holds: boolean;
  readonly detail: ConditionDetail;
}

/** A command as a map key. */
function commandKey(command: Command): string {
  return command.type === 'put' ? `put\u0000${command.key}\u0000${command.value}` : command.type === 'delete' ? `delete\u0000${command.key}` : 'noop';
}

/**
 * Where the commands that `committed` conditions watch were committed, read off `applied`
 * events: the first command applied at an index is the one committed there (State Machine
 * Safety), so any node whose lastApplied reaches that index has it too.
 */
export class CommitWatch {
  private readonly indexes = new Map<string, LogIndex[]>();

  watch(command: Command): void {
    if (!this.indexes.has(commandKey(command))) this.indexes.set(commandKey(command), []);
  }

  observe(event: SimEvent): void {
    if (event.type !== 'applied') return;
    const indexes = this.indexes.get(commandKey(event.command));
    if (indexes === undefined || indexes.includes(event.index)) return;
    let at = indexes.length;
    while (at > 0 && indexes[at - 1]! > event.index) at -= 1;
    indexes.splice(at, 0, event.index);
  }

  /** A copy: a failure's detail keeps the indexes as they were then, while the watch goes on. */
  committedAt(command: Command): readonly LogIndex[] {
    return [...(this.indexes.get(commandKey(command)) ?? [])];
  }
}

export interface ConditionContext {
  readonly simulation: Simulation;
  readonly leaders: LeaderHistory;
  readonly commits: CommitWatch;
}

/** Topics whose events may change a condition; null: any event may (the checker looks at them all). */
export function topicsOf(condition: Condition): readonly Topic[] | null {
  // Symbolic nodes move with leadership and faults, so every condition with nodes listens to those.
  switch (condition.kind) {
    case 'leader-in':
    case 'no-leader':
    case 'role':
      return ['LEAD', 'FAULT'];
    case 'committed':
      return ['APPL', 'SNAP', 'FAULT', 'LEAD'];
    case 'term':
      return ['TERM', 'FAULT', 'LEAD'];
    case 'log':
      return ['LOG', 'SNAP', 'FAULT', 'LEAD'];
    case 'voters':
      return ['LOG', 'SNAP', 'FAULT', 'LEAD'];
    case 'one-leader-per-term':
      return ['LEAD'];
    case 'no-violation':
    case 'violation':
    case 'stall':
      return null;
  }
}

function resolver(context: ConditionContext): { resolve: (ref: NodeRef) => NodeId | null; unresolved: string[] } {
  const unresolved: string[] = [];
  return {
    unresolved,
    resolve: (ref) => {
      const resolved = resolveNode(ref, context.simulation, context.leaders);
      if (resolved.ok) return resolved.id;
      unresolved.push(printNodeRef(ref));
      return null;
    },
  };
}

function compare(actual: Term, comparison: Extract<Condition, { kind: 'term' }>['comparison'], wanted: Term): boolean {
  switch (comparison) {
    case '=':
      return actual === wanted;
    case '≥':
      return actual >= wanted;
    case '≤':
      return actual <= wanted;
    case '>':
      return actual > wanted;
    case '<':
      return actual < wanted;
  }
}

function committed(condition: Extract<Condition, { kind: 'committed' }>, context: ConditionContext): ConditionValue {
  const { simulation } = context;
  const indexes = context.commits.committedAt(condition.command);
  const { resolve, unresolved } = resolver(context);
  if (condition.on === null) return { holds: indexes.length > 0, detail: { kind: 'committed', indexes, nodes: [], missing: [], unresolved } };
  // `all`: every server still in the cluster (a removed one is shut down for good).
  const ids = condition.on.kind === 'all' ? simulation.nodeIds.filter((id) => !simulation.isRemoved(id)) : condition.on.nodes.map(resolve).filter((id): id is NodeId => id !== null);
  const first = indexes[0];
  const nodes = ids.map((id) => {
    const state = simulation.nodeState(id);
    return { id, alive: state.alive, lastApplied: state.lastApplied };
  });
  const missing = nodes.filter((node) => !node.alive || first === undefined || node.lastApplied < first).map((node) => node.id);
  return { holds: missing.length === 0 && unresolved.length === 0, detail: { kind: 'committed', indexes, nodes, missing, unresolved } };
}

function log(condition: Extract<Condition, { kind: 'log' }>, context: ConditionContext): ConditionValue {
  const { resolve, unresolved } = resolver(context);
  const id = resolve(condition.node);
  if (id === null) return { holds: false, detail: { kind: 'log', node: null, terms: null, snapshotIndex: 0, unresolved } };
  const disk = context.simulation.persisted(id);
  const terms = disk.entries.map((entry) => entry.term);
  const holds = disk.snapshot.index === 0 && terms.length === condition.terms.length && terms.every((term, index) => term === condition.terms[index]);
  return { holds, detail: { kind: 'log', node: id, terms, snapshotIndex: disk.snapshot.index, unresolved } };
}

export function evaluateCondition(condition: Condition, context: ConditionContext): ConditionValue {
  const { simulation } = context;
  switch (condition.kind) {
    case 'leader-in': {
      const { resolve, unresolved } = resolver(context);
      const nodes = condition.nodes.map(resolve).filter((id): id is NodeId => id !== null);
      const leader = simulation.leader()?.id ?? null;
      return { holds: leader !== null && nodes.includes(leader), detail: { kind: 'leader-in', leader, nodes, unresolved } };
    }
    case 'no-leader': {
      const leader = simulation.leader()?.id ?? null;
      return { holds: leader === null, detail: { kind: 'no-leader', leader } };
    }
    case 'committed':
      return committed(condition, context);
    case 'term': {
      const { resolve, unresolved } = resolver(context);
      const id = resolve(condition.node);
      const term = id === null ? null : simulation.nodeState(id).term;
      return { holds: term !== null && compare(term, condition.comparison, condition.term), detail: { kind: 'term', node: id, term, unresolved } };
    }
    case 'role': {
      const { resolve, unresolved } = resolver(context);
      const id = resolve(condition.node);
      const state = id === null ? null : simulation.nodeState(id);
      const role = state === null ? null : simulation.isRemoved(state.id) ? 'removed' : state.alive ? state.role : 'crashed';
      return { holds: role !== null && role === condition.role, detail: { kind: 'role', node: id, role, unresolved } };
    }
    case 'log':
      return log(condition, context);
    case 'voters': {
      const { resolve, unresolved } = resolver(context);
      const wanted = [...new Set(condition.nodes.map(resolve).filter((id): id is NodeId => id !== null))].sort((a, b) => a - b);
      const voters = [...simulation.configuration().voters];
      const holds = unresolved.length === 0 && voters.length === wanted.length && voters.every((id, index) => id === wanted[index]);
      return { holds, detail: { kind: 'voters', voters, wanted, unresolved } };
    }
    case 'no-violation': {
      const violations = simulation.violations();
      return { holds: violations.length === 0, detail: { kind: 'no-violation', violations: violations.slice(0, 5) } };
    }
    case 'violation': {
      const found = simulation.violations().filter((violation) => condition.property === null || violation.property === condition.property);
      return { holds: found.length > 0, detail: { kind: 'violation', property: condition.property, violations: found.slice(0, 5) } };
    }
    case 'stall': {
      const found = simulation.stalls().filter((stall) => condition.stall === null || stall.kind === condition.stall);
      return { holds: found.length > 0, detail: { kind: 'stall', stall: condition.stall, stalls: found.slice(0, 5) } };
    }
    case 'one-leader-per-term': {
      const conflict = context.leaders.firstConflict();
      return { holds: conflict === null, detail: { kind: 'one-leader-per-term', term: conflict?.term ?? null, leaders: conflict?.leaders ?? [] } };
    }
  }
}

/**
 * A scenario as data: what parseScenario returns and printScenario prints. Plain, JSON-safe
 * objects, so a scenario can cross to the worker with postMessage. Ticks are absolute (relative
 * ticks in the text are resolved while parsing); node references stay symbolic until the scenario
 * is compiled against a running simulation (compile.ts).
 *
 * `source` says where a statement was written (for errors). It is the one part of a scenario
 * that printing does not keep: parse(print(s)) equals s apart from `source`.
 */
import type { BreakpointSetting } from './annotations.ts';
import type { ClientCommand, NetworkConfig, NodeId, Role, SafetyProperty, SimulationOptions, StallKind, Term, Tick, Topic, Workload } from '../core/index.ts';

/** Where something was written: 1-based line and column (columns count characters). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * A node, named directly or by the part it plays, resolved at the tick its line runs:
 * - `id`: node 1..nodes;
 * - `leader`: the live leader of the highest term (Simulation.leader());
 * - `old-leader`: the node that led the highest term among terms not led by the current leader
 *   (after `crash leader` it is the crashed node, before and after a new election);
 * - `leader-of-term`: the node that became leader in that term.
 */
export type NodeRef =
  | { readonly kind: 'id'; readonly id: NodeId }
  | { readonly kind: 'leader' }
  | { readonly kind: 'old-leader' }
  | { readonly kind: 'leader-of-term'; readonly term: Term };

/**
 * The actions of src/core/sim/actions.ts with symbolic nodes. A proposal's target `leader` is
 * kept as the core's own 'leader' target (whoever leads when it is sent, possibly nobody).
 */
export type ScenarioAction =
  | { readonly type: 'crash' | 'restart' | 'isolate' | 'rejoin' | 'campaign' | 'transfer-leadership' | 'remove-node'; readonly node: NodeRef }
  | { readonly type: 'add-node' }
  | { readonly type: 'partition'; readonly groups: readonly (readonly NodeRef[])[] }
  | { readonly type: 'cut-link' | 'restore-link'; readonly from: NodeRef; readonly to: NodeRef; readonly bothWays: boolean }
  | { readonly type: 'heal' }
  | { readonly type: 'configure-network'; readonly network: Partial<NetworkConfig> }
  | { readonly type: 'configure-workload'; readonly workload: Partial<Workload> }
  | { readonly type: 'propose'; readonly node: NodeRef; readonly command: ClientCommand }
  | { readonly type: 'get'; readonly node: NodeRef; readonly key: string }
  | { readonly type: 'set-timer'; readonly node: NodeRef; readonly ticks: number }
  | { readonly type: 'align-timers'; readonly nodes: readonly NodeRef[] }
  | { readonly type: 'spread-timers'; readonly node: NodeRef }
  /** A message in flight, by its id (ids are the run's own, so the same in every replay). */
  | { readonly type: 'drop-message' | 'duplicate-message' | 'deliver-message'; readonly id: number }
  | { readonly type: 'delay-message'; readonly id: number; readonly ticks: number }
  | { readonly type: 'set-manual-delivery' | 'freeze-timers'; readonly on: boolean }
  | { readonly type: 'deliver-next' | 'deliver-all' };

/** What a lesson points at on screen: a node, or one entry of a node's log. */
export type HighlightTarget = { readonly kind: 'node'; readonly node: NodeRef } | { readonly kind: 'entry'; readonly node: NodeRef; readonly index: number };

/**
 * What a timed line does at its tick: an action, a caption to show (with its Chinese text, for a
 * lesson), or a named mark; and, for a lesson (docs/lessons.md), a cue point where it pauses, a
 * question it asks before playing on, or a highlight on the screen.
 */
export type StepItem =
  | { readonly kind: 'action'; readonly action: ScenarioAction }
  | { readonly kind: 'caption'; readonly text: string; readonly zh: string | null }
  | { readonly kind: 'mark'; readonly name: string }
  | { readonly kind: 'cue' }
  | {
      readonly kind: 'ask';
      readonly text: string;
      readonly zh: string | null;
      /** The choices offered: written ones, every node ('nodes'), or none (a free guess). */
      readonly choices: readonly string[] | 'nodes' | null;
      /** The answer, revealed by playing on: a choice, the leader at the next step ('leader'), or none given. */
      readonly answer: string | null;
    }
  | { readonly kind: 'highlight'; readonly target: HighlightTarget };

export interface Step {
  readonly tick: Tick;
  readonly item: StepItem;
  readonly source?: SourcePosition;
}

/** Which nodes a commit must be on: listed ones, or every node of the cluster. */
export type NodeSet = { readonly kind: 'nodes'; readonly nodes: readonly NodeRef[] } | { readonly kind: 'all' };

export type Comparison = '=' | '≥' | '≤' | '>' | '<';

/** What an expectation claims about the state at a tick (evaluated in conditions.ts). */
export type Condition =
  /** The current leader is one of these nodes. */
  | { readonly kind: 'leader-in'; readonly nodes: readonly NodeRef[] }
  /** No live node leads. */
  | { readonly kind: 'no-leader' }
  /**
   * The command was committed: applied by the live nodes listed (`on`), or, with `on` null, by
   * some node at some tick so far.
   */
  | { readonly kind: 'committed'; readonly command: ClientCommand; readonly on: NodeSet | null }
  | { readonly kind: 'term'; readonly node: NodeRef; readonly comparison: Comparison; readonly term: Term }
  | { readonly kind: 'role'; readonly node: NodeRef; readonly role: Role | 'crashed' | 'removed' }
  /** The cluster's configuration (the leader's, else the latest a running node holds) has exactly these voters. */
  | { readonly kind: 'voters'; readonly nodes: readonly NodeRef[] }
  /** The node's log holds entries of exactly these terms, from index 1, with nothing compacted. */
  | { readonly kind: 'log'; readonly node: NodeRef; readonly terms: readonly Term[] }
  /** The safety checker has reported nothing so far (Simulation.violations()). */
  | { readonly kind: 'no-violation' }
  /** The safety checker has reported a violation so far (of `property`, when named). */
  | { readonly kind: 'violation'; readonly property: SafetyProperty | null }
  /** The liveness watch has reported a stall so far (of that kind, when named). */
  | { readonly kind: 'stall'; readonly stall: StallKind | null }
  /** No term has had two leaders so far. */
  | { readonly kind: 'one-leader-per-term' };

/**
 * When a condition must hold: at some tick of [from, by] (`by`), at one tick (`at`), at every
 * tick (`always`), or at none (`never`).
 */
export type Timing =
  | { readonly kind: 'by'; readonly from: Tick | null; readonly by: Tick }
  | { readonly kind: 'at'; readonly tick: Tick }
  | { readonly kind: 'always' }
  | { readonly kind: 'never' };

export interface Expectation {
  readonly timing: Timing;
  readonly condition: Condition;
  readonly source?: SourcePosition;
}

export interface Scenario {
  /** The run's options, exactly as written: only what the text sets. */
  readonly options: SimulationOptions;
  /** Timed lines in text order; their ticks never decrease. */
  readonly steps: readonly Step[];
  readonly expectations: readonly Expectation[];
  /** `run until T`, or null for the implied end (see endOf in compile.ts). */
  readonly end: Tick | null;
  /** `trace ...`: the topics of the trace, or null for the default. */
  readonly trace: readonly Topic[] | null;
  /** `break ...`: the run's breakpoints, in the order written (left out when there are none). */
  readonly breakpoints?: readonly BreakpointSetting[];
}

/** The ticks an expectation names: its window's start and deadline, or its one tick. */
export function expectationTicks(expectation: Pick<Expectation, 'timing'>): Tick[] {
  const timing = expectation.timing;
  if (timing.kind === 'by') return timing.from === null ? [timing.by] : [timing.from, timing.by];
  return timing.kind === 'at' ? [timing.tick] : [];
}

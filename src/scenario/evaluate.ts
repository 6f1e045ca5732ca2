/**
 * Expectations decided as a run plays, in a fresh simulation (deterministic and free of side
 * effects: the app's worker calls this after every change of the run).
 *
 * The state is looked at after tick 0's actions, after every tick where something happens
 * (Simulation.nextEventTick), after every action tick and at every tick an expectation names; the
 * ticks between cannot change any condition. Each expectation remembers its condition's last
 * value and works it out again only when an event of a topic it depends on has happened since
 * (conditions.ts topicsOf). So the cost follows what happens in the run, not its length.
 *
 * When each kind is decided:
 * - `by T` (and `from A by T`): passed at the first tick in [A, T] (A = 0 without `from`) where the
 *   condition holds; failed at T if it never did.
 * - `at T`: passed or failed at T, on the state at T (after T's actions).
 * - `always`: failed at the first tick where the condition does not hold; otherwise passed at
 *   `until` (it held through `until`).
 * - `never`: failed at the first tick where it holds; otherwise passed at `until`.
 * - pending: a `by` or `at` whose tick is after `until`, not decided yet.
 * - invalid: the expectation's text does not parse, or names a node the run does not have.
 */
import type { NodeState, SimEvent, SimulationOptions, Tick, TimedAction, Topic, Violation } from '../core/index.ts';
import { SimulationInputError } from '../core/index.ts';
import type { ConditionContext, ConditionDetail, ConditionValue } from './conditions.ts';
import { CommitWatch, evaluateCondition, topicsOf } from './conditions.ts';
import type { ScenarioError } from './errors.ts';
import { parseExpectation } from './parser.ts';
import { printExpectation } from './printer.ts';
import { playRun, RunDriver } from './run-driver.ts';
import type { Condition, Expectation, NodeRef } from './syntax-tree.ts';
import { expectationTicks } from './syntax-tree.ts';

export type ExpectationStatus = 'passed' | 'failed' | 'pending' | 'invalid';

/** The state of the run when an expectation failed: the leader, every node, the checker, and the condition's facts. */
export interface ExpectationState {
  readonly tick: Tick;
  readonly leader: { readonly id: number; readonly term: number } | null;
  readonly nodes: readonly NodeState[];
  /** The first few violations the safety checker reported, if any. */
  readonly violations: readonly Violation[];
  readonly condition: ConditionDetail;
  /** Whether the condition held then: true only for a failed `never`. */
  readonly held: boolean;
}

export interface ExpectationResult {
  /** The expectation's canonical text (the text as given, when it is invalid). */
  readonly expectation: string;
  readonly status: ExpectationStatus;
  /** The tick it was decided at; null when pending or invalid. */
  readonly tick: Tick | null;
  /** For a failure: the state at `tick`. */
  readonly state: ExpectationState | null;
  /** For an invalid expectation: why. */
  readonly errors: readonly ScenarioError[];
}

interface Tracked {
  readonly expectation: Expectation;
  readonly text: string;
  readonly topics: readonly Topic[] | null;
  stale: boolean;
  value: ConditionValue | null;
  result: ExpectationResult | null;
}

function nodeIdsOf(condition: Condition): number[] {
  const ids = (refs: readonly NodeRef[]): number[] => refs.flatMap((ref) => (ref.kind === 'id' ? [ref.id] : []));
  switch (condition.kind) {
    case 'leader-in':
      return ids(condition.nodes);
    case 'committed':
      return condition.on?.kind === 'nodes' ? ids(condition.on.nodes) : [];
    case 'term':
    case 'role':
    case 'log':
      return ids([condition.node]);
    default:
      return [];
  }
}

/** Decides expectations from the states it is shown; one per run. */
export class ExpectationEvaluator {
  private readonly tracked: Tracked[];
  private readonly outcome: (ExpectationResult | null)[];
  private readonly commits = new CommitWatch();
  private readonly dirty = new Set<Topic>();
  /** Ticks named by expectations, ascending: the play must stop at each. */
  private readonly stops: Tick[];
  private undecided: number;

  constructor(expectations: readonly (string | Expectation)[], nodes: number) {
    this.outcome = [];
    this.tracked = [];
    expectations.forEach((given) => {
      const parsed = typeof given === 'string' ? parseExpectation(given) : { ok: true as const, expectation: given };
      if (!parsed.ok) {
        this.outcome.push({ expectation: given as string, status: 'invalid', tick: null, state: null, errors: parsed.errors });
        return;
      }
      const expectation = parsed.expectation;
      const text = printExpectation(expectation);
      const bad = nodeIdsOf(expectation.condition).find((id) => !Number.isInteger(id) || id < 1 || id > nodes);
      if (bad !== undefined) {
        const error: ScenarioError = { code: 'bad-node', line: expectation.source?.line ?? 0, column: expectation.source?.column ?? 0, found: String(bad), expected: [], suggestion: null, max: nodes };
        this.outcome.push({ expectation: text, status: 'invalid', tick: null, state: null, errors: [error] });
        return;
      }
      if (expectation.condition.kind === 'committed') this.commits.watch(expectation.condition.command);
      this.outcome.push(null);
      this.tracked.push({ expectation, text, topics: topicsOf(expectation.condition), stale: true, value: null, result: null });
    });
    this.undecided = this.tracked.length;
    this.stops = [...new Set(this.tracked.flatMap((item) => expectationTicks(item.expectation)))].sort((a, b) => a - b);
  }

  /** The event topics the expectations depend on, and the commits' (what a driver must read for them). */
  get topics(): readonly Topic[] {
    const topics: Topic[] = ['APPL', ...this.tracked.flatMap((item) => item.topics ?? [])];
    return [...new Set(topics)];
  }

  get allDecided(): boolean {
    return this.undecided === 0;
  }

  observe(event: SimEvent): void {
    this.commits.observe(event);
    this.dirty.add(event.topic);
  }

  /** The first tick after `tick` that an expectation names (Infinity when none is left). */
  nextStop(tick: Tick): Tick {
    let low = 0;
    let high = this.stops.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.stops[middle]! <= tick) low = middle + 1;
      else high = middle;
    }
    return this.stops[low] ?? Infinity;
  }

  /** Looks at the state at `tick` (after its actions). */
  check(driver: RunDriver, tick: Tick): void {
    const context: ConditionContext = { simulation: driver.simulation, leaders: driver.leaders, commits: this.commits };
    for (const item of this.tracked) {
      if (item.result !== null) continue;
      if (item.topics === null || item.topics.some((topic) => this.dirty.has(topic))) item.stale = true;
      const timing = item.expectation.timing;
      const active = timing.kind === 'by' ? tick >= (timing.from ?? 0) && tick <= timing.by : timing.kind === 'at' ? tick === timing.tick : true;
      if (!active) continue;
      if (item.stale || item.value === null) {
        item.value = evaluateCondition(item.expectation.condition, context);
        item.stale = false;
      }
      const holds = item.value.holds;
      if (timing.kind === 'by') {
        if (holds) this.decide(item, 'passed', tick, null);
        else if (tick === timing.by) this.decide(item, 'failed', tick, this.state(driver, tick, item.value));
      } else if (timing.kind === 'at') {
        this.decide(item, holds ? 'passed' : 'failed', tick, holds ? null : this.state(driver, tick, item.value));
      } else if (holds !== (timing.kind === 'always')) {
        this.decide(item, 'failed', tick, this.state(driver, tick, item.value));
      }
    }
    this.dirty.clear();
  }

  /** The results, in the order the expectations were given, once the play reached `until`. */
  finish(until: Tick): ExpectationResult[] {
    let next = 0;
    return this.outcome.map((fixed) => {
      if (fixed !== null) return fixed;
      const item = this.tracked[next++]!;
      if (item.result !== null) return item.result;
      const timing = item.expectation.timing;
      // Nothing contradicted an always/never expectation through `until`; a by/at one is still to come.
      const held = timing.kind === 'always' || timing.kind === 'never';
      return { expectation: item.text, status: held ? 'passed' : 'pending', tick: held ? until : null, state: null, errors: [] };
    });
  }

  private decide(item: Tracked, status: 'passed' | 'failed', tick: Tick, state: ExpectationState | null): void {
    item.result = { expectation: item.text, status, tick, state, errors: [] };
    this.undecided -= 1;
  }

  private state(driver: RunDriver, tick: Tick, value: ConditionValue): ExpectationState {
    const simulation = driver.simulation;
    return {
      tick,
      leader: simulation.leader(),
      // The servers still in the cluster: a removed one is shut down for good.
      nodes: simulation.nodeIds.filter((id) => !simulation.isRemoved(id)).map((id) => simulation.nodeState(id)),
      violations: simulation.violations().slice(0, 5),
      condition: value.detail,
      held: value.holds,
    };
  }
}

export function requireUntil(until: unknown): Tick {
  if (typeof until !== 'number' || !Number.isInteger(until) || until < 0) throw new SimulationInputError('until', 'a tick (an integer of at least 0)', String(until));
  return until;
}

/**
 * Replays the run (options and timed actions, as compiled or exported) in a fresh simulation up to
 * `until` and decides each expectation, given as its text or parsed. Results come in the order
 * given. Stops early once every expectation is decided. Throws SimulationInputError when the run
 * itself is bad (options, or an action its state refuses), as replay() does.
 */
export function evaluateExpectations(options: SimulationOptions, actions: readonly TimedAction[], expectations: readonly (string | Expectation)[], until: Tick): ExpectationResult[] {
  const end = requireUntil(until);
  const driver = new RunDriver(options);
  const evaluator = new ExpectationEvaluator(expectations, driver.simulation.nodeIds.length);
  driver.listen((event) => evaluator.observe(event), evaluator.topics);
  playRun(driver, actions, end, {
    nextStop: (tick) => evaluator.nextStop(tick),
    afterTick: (tick) => {
      evaluator.check(driver, tick);
      return !evaluator.allDecided;
    },
  });
  return evaluator.finish(end);
}

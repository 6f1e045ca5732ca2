/**
 * A parsed scenario to a run: options, timed actions with concrete node ids, annotations and the
 * end tick. Symbolic nodes (`leader`, `old leader`, `leader of term N`) are resolved by running the
 * simulation up to each action's tick, so the run is the one the scenario describes, and it
 * replays without the scenario. A proposal `to leader` keeps the core's own 'leader' target.
 *
 * Compiling stops at the first action that cannot be taken: a symbolic node naming no node
 * (no-node), or an action the simulation refuses at its tick (refused). Either error names the
 * line and the tick.
 */
import type { Action, SimulationOptions, Tick, TimedAction } from '../core/index.ts';
import { SimulationInputError } from '../core/index.ts';
import type { Annotations, Caption, Mark } from './annotations.ts';
import { noLessonScript } from './lesson-script.ts';
import type { LessonHighlight, LessonScript, LessonStep } from './lesson-script.ts';
import type { ScenarioError } from './errors.ts';
import { impliedEndMargin, scenarioTickMax } from './limits.ts';
import type { Resolved } from './node-refs.ts';
import { resolveNode } from './node-refs.ts';
import { printAction, printExpectation, printNodeRef } from './printer.ts';
import { RunDriver } from './run-driver.ts';
import type { NodeRef, Scenario, ScenarioAction, Step } from './syntax-tree.ts';
import { expectationTicks } from './syntax-tree.ts';

export interface CompiledRun {
  readonly options: SimulationOptions;
  readonly actions: readonly TimedAction[];
  readonly annotations: Annotations;
  readonly end: Tick;
  /** The steps of a lesson (empty for a scenario without lesson lines; see lesson-script.ts). */
  readonly lesson: LessonScript;
}

export type CompileResult = ({ readonly ok: true } & CompiledRun) | { readonly ok: false; readonly errors: readonly ScenarioError[] };

/**
 * The scenario's end: `run until T`, or else its latest timed line or expectation tick plus
 * impliedEndMargin (1,000 ticks), at most scenarioTickMax.
 */
export function endOf(scenario: Pick<Scenario, 'steps' | 'expectations' | 'end'>): Tick {
  if (scenario.end !== null) return scenario.end;
  const latest = Math.max(0, scenario.steps.at(-1)?.tick ?? 0, ...scenario.expectations.flatMap(expectationTicks));
  return Math.max(latest, Math.min(scenarioTickMax, latest + impliedEndMargin));
}

class Unresolved extends Error {
  constructor(
    readonly ref: NodeRef,
    readonly resolved: Resolved & { ok: false },
  ) {
    super('unresolved node');
  }
}

/** The core action for a scenario action, with every symbolic node resolved now. */
function concrete(action: ScenarioAction, resolve: (ref: NodeRef) => number): Action {
  switch (action.type) {
    case 'crash':
    case 'restart':
    case 'isolate':
    case 'rejoin':
    case 'campaign':
    case 'transfer-leadership':
    case 'remove-node':
      return { type: action.type, node: resolve(action.node) };
    case 'add-node':
      return { type: 'add-node' };
    case 'partition':
      return { type: 'partition', groups: action.groups.map((group) => group.map(resolve)) };
    case 'cut-link':
    case 'restore-link':
      return { type: action.type, from: resolve(action.from), to: resolve(action.to), bothWays: action.bothWays };
    case 'heal':
      return { type: 'heal' };
    case 'set-timer':
      return { type: 'set-timer', node: resolve(action.node), ticks: action.ticks };
    case 'align-timers':
      return { type: 'align-timers', nodes: action.nodes.map(resolve) };
    case 'spread-timers':
      return { type: 'spread-timers', node: resolve(action.node) };
    case 'drop-message':
    case 'duplicate-message':
    case 'deliver-message':
      return { type: action.type, id: action.id };
    case 'delay-message':
      return { type: 'delay-message', id: action.id, ticks: action.ticks };
    case 'set-manual-delivery':
    case 'freeze-timers':
      return { type: action.type, on: action.on };
    case 'deliver-next':
    case 'deliver-all':
      return { type: action.type };
    case 'configure-network':
      return { type: 'configure-network', network: action.network };
    case 'configure-workload':
      return { type: 'configure-workload', workload: action.workload };
    case 'propose':
      return { type: 'propose', node: action.node.kind === 'leader' ? 'leader' : resolve(action.node), command: action.command };
    case 'get':
      return { type: 'get', node: action.node.kind === 'leader' ? 'leader' : resolve(action.node), key: action.key };
  }
}

type Fields<E> = E extends unknown ? Omit<E, 'line' | 'column' | 'expected' | 'suggestion'> : never;

function errorAt(step: Step, error: Fields<ScenarioError>): ScenarioError {
  return { line: step.source?.line ?? 0, column: step.source?.column ?? 0, expected: [], suggestion: null, ...error };
}

function refsOf(action: ScenarioAction): NodeRef[] {
  switch (action.type) {
    case 'partition':
      return action.groups.flat();
    case 'cut-link':
    case 'restore-link':
      return [action.from, action.to];
    case 'align-timers':
      return [...action.nodes];
    case 'drop-message':
    case 'duplicate-message':
    case 'deliver-message':
    case 'delay-message':
    case 'set-manual-delivery':
    case 'freeze-timers':
    case 'deliver-next':
    case 'deliver-all':
    case 'heal':
    case 'add-node':
    case 'configure-network':
    case 'configure-workload':
      return [];
    default:
      return [action.node];
  }
}

/** Whether resolving the scenario's nodes needs who led which term (read off the run's events). */
function needsHistory(scenario: Scenario): boolean {
  return scenario.steps.some((step) => step.item.kind === 'action' && refsOf(step.item.action).some((ref) => ref.kind === 'old-leader' || ref.kind === 'leader-of-term'));
}

export function compileScenario(scenario: Scenario): CompileResult {
  let driver: RunDriver;
  try {
    driver = new RunDriver(scenario.options, needsHistory(scenario));
  } catch (error) {
    if (!(error instanceof SimulationInputError)) throw error;
    return { ok: false, errors: [{ code: 'refused', line: 0, column: 0, found: error.field, expected: [], suggestion: null, tick: 0, field: error.field, allowed: error.allowed, received: error.received }] };
  }
  const captions: Caption[] = [];
  const marks: Mark[] = [];
  const lesson = new LessonSteps();
  const resolveNow = (ref: NodeRef): number => {
    const resolved = resolveNode(ref, driver.simulation, driver.leaders);
    if (!resolved.ok) throw new Unresolved(ref, resolved);
    return resolved.id;
  };
  for (const step of scenario.steps) {
    driver.advanceTo(step.tick);
    const item = step.item;
    if (item.kind === 'caption') {
      captions.push({ tick: step.tick, text: item.text });
      lesson.at(step.tick).caption = { en: item.text, zh: item.zh };
    } else if (item.kind === 'mark') marks.push({ tick: step.tick, name: item.name });
    else if (item.kind === 'cue') lesson.at(step.tick);
    else if (item.kind === 'ask') lesson.at(step.tick).question = { text: { en: item.text, zh: item.zh }, choices: item.choices, answer: item.answer };
    else if (item.kind === 'highlight') {
      let highlight: LessonHighlight;
      try {
        const node = resolveNow(item.target.node);
        highlight = item.target.kind === 'node' ? { kind: 'node', node } : { kind: 'entry', node, index: item.target.index };
      } catch (error) {
        if (error instanceof Unresolved) return { ok: false, errors: [errorAt(step, { code: 'no-node', found: printNodeRef(error.ref), tick: step.tick, reason: error.resolved.reason })] };
        throw error;
      }
      lesson.at(step.tick).highlights.push(highlight);
    } else {
      const found = printAction(item.action);
      let action: Action;
      try {
        action = concrete(item.action, resolveNow);
        driver.act(action);
      } catch (error) {
        if (error instanceof Unresolved) return { ok: false, errors: [errorAt(step, { code: 'no-node', found: printNodeRef(error.ref), tick: step.tick, reason: error.resolved.reason })] };
        if (error instanceof SimulationInputError) {
          return { ok: false, errors: [errorAt(step, { code: 'refused', found, tick: step.tick, field: error.field, allowed: error.allowed, received: error.received })] };
        }
        throw error;
      }
    }
  }
  return {
    ok: true,
    options: scenario.options,
    actions: driver.simulation.actions().slice(),
    annotations: { captions, marks, expectations: scenario.expectations.map(printExpectation), end: endOf(scenario), breakpoints: scenario.breakpoints ?? [] },
    end: endOf(scenario),
    // Captions alone make a captioned scenario (ScenarioCaption shows them); a lesson line makes it a lesson.
    lesson: isLesson(scenario) ? lesson.script() : noLessonScript,
  };
}

/** Whether a scenario has a line only lessons have: a caption's Chinese, a cue, a question or a highlight. */
export function isLesson(scenario: Pick<Scenario, 'steps'>): boolean {
  return scenario.steps.some(({ item }) => item.kind === 'cue' || item.kind === 'ask' || item.kind === 'highlight' || (item.kind === 'caption' && item.zh !== null));
}

/** A lesson's steps as they are read: one per tick, in tick order (timed lines come in order). */
class LessonSteps {
  private readonly steps: { tick: Tick; caption: LessonStep['caption']; question: LessonStep['question']; highlights: LessonHighlight[] }[] = [];

  at(tick: Tick) {
    const last = this.steps.at(-1);
    if (last !== undefined && last.tick === tick) return last;
    const step = { tick, caption: null, question: null, highlights: [] };
    this.steps.push(step);
    return step;
  }

  script(): LessonScript {
    return { steps: this.steps };
  }
}

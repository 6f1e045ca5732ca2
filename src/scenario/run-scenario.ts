/**
 * A scenario from text to results in one call, for the CLI and tests: parse, compile (which
 * resolves symbolic nodes), then play the compiled run to its end in a fresh simulation, deciding
 * every expectation, finding where each breakpoint first holds and, when a describe function is
 * given, writing the trace.
 */
import type { Simulation, Topic } from '../core/index.ts';
import type { BreakpointFirstHit } from './breakpoint-watch.ts';
import { BreakpointWatch, breakpointTraceLine } from './breakpoint-watch.ts';
import type { CompiledRun } from './compile.ts';
import { compileScenario } from './compile.ts';
import type { ScenarioError } from './errors.ts';
import type { ExpectationResult } from './evaluate.ts';
import { ExpectationEvaluator } from './evaluate.ts';
import { addedServers } from './parse-steps.ts';
import { parseScenario } from './parser.ts';
import { playRun, RunDriver } from './run-driver.ts';
import type { Scenario } from './syntax-tree.ts';
import type { DescribeEvent } from './trace.ts';
import { defaultTraceTopics, TraceRecorder } from './trace.ts';

export interface ScenarioRun {
  readonly ok: true;
  readonly scenario: Scenario;
  readonly run: CompiledRun;
  /** One per expectation, in the order written. */
  readonly results: readonly ExpectationResult[];
  /** The simulation at the run's end tick (it keeps at least 10,000 events: see run-driver.ts). */
  readonly simulation: Simulation;
  /** Where each enabled breakpoint first holds (breakpoint-watch.ts), in the order written. */
  readonly breaks: readonly BreakpointFirstHit[];
  /**
   * The trace (the scenario's `trace` topics, or the default), when `describe` was given; then
   * one line per enabled breakpoint follows the events, saying where it first holds.
   */
  readonly trace: readonly string[] | null;
}

export type ScenarioRunResult = ScenarioRun | { readonly ok: false; readonly stage: 'parse' | 'compile'; readonly errors: readonly ScenarioError[] };

export function runScenario(source: string | Scenario, options: { readonly describe?: DescribeEvent; readonly topics?: readonly Topic[] } = {}): ScenarioRunResult {
  let scenario: Scenario;
  if (typeof source === 'string') {
    const parsed = parseScenario(source);
    if (!parsed.ok) return { ok: false, stage: 'parse', errors: parsed.errors };
    scenario = parsed.scenario;
  } else {
    scenario = source;
  }
  const compiled = compileScenario(scenario);
  if (!compiled.ok) return { ok: false, stage: 'compile', errors: compiled.errors };
  const run: CompiledRun = { options: compiled.options, actions: compiled.actions, annotations: compiled.annotations, end: compiled.end, lesson: compiled.lesson };
  const driver = new RunDriver(run.options);
  const evaluator = new ExpectationEvaluator(scenario.expectations, driver.simulation.nodeIds.length + addedServers(scenario.steps));
  driver.listen((event) => evaluator.observe(event), evaluator.topics);
  const traceTopics = options.topics ?? scenario.trace ?? defaultTraceTopics;
  const recorder = options.describe === undefined ? null : new TraceRecorder(options.describe, traceTopics);
  if (recorder !== null) driver.listen((event) => recorder.observe(event), traceTopics);
  const breakpoints = new BreakpointWatch(run.annotations.breakpoints);
  if (breakpoints.watching) driver.listen((event) => breakpoints.observe(event), breakpoints.topics);
  playRun(driver, run.actions, run.end, {
    nextStop: (tick) => evaluator.nextStop(tick),
    afterTick: (tick) => {
      evaluator.check(driver, tick);
      return true;
    },
  });
  const breaks = breakpoints.finish(driver.simulation, run.end);
  const trace = recorder === null ? null : [...recorder.lines, ...breaks.map((hit) => breakpointTraceLine(hit, run.end))];
  return { ok: true, scenario, run, results: evaluator.finish(run.end), simulation: driver.simulation, breaks, trace };
}

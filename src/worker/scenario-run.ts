/**
 * The worker's side of scenarios: text to a run it can replay, and the run's expectations
 * followed as the timeline grows. Parsing and compiling are src/scenario's; this file turns their
 * results into the worker's terms (a Run for RunReplay, a ScenarioTextError for the 'error'
 * reply) and posts expectation results only when they change.
 */
import type { Timeline } from '../core/index.ts';
import type { Run } from '../protocol/worker-protocol.ts';
import type { Annotations } from '../scenario/annotations.ts';
import type { LessonScript, ScenarioError, WatchedResult } from '../scenario/index.ts';
import { compileScenario, describeScenarioError, ExpectationWatch, parseScenario } from '../scenario/index.ts';
import { runFormat, runVersion } from './run-file.ts';

/** Scenario text that does not parse or compile; the message is the first error in English. */
export class ScenarioTextError extends Error {
  constructor(
    readonly stage: 'parse' | 'compile',
    readonly errors: readonly ScenarioError[],
  ) {
    // i18n-exempt: the headless API's English (docs/i18n.md); the app words the errors itself.
    super(`The scenario could not be opened: ${errors.length === 0 ? 'no reason given' : describeScenarioError(errors[0]!)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`);
  }
}

/** The run a scenario's text describes, at tick 0, and its lesson's steps (none without lesson lines); throws ScenarioTextError. */
export function scenarioRun(text: unknown): { run: Run; lesson: LessonScript } {
  // i18n-exempt: the worker's English for a malformed command.
  if (typeof text !== 'string') throw new TypeError('open-scenario: text must be a string');
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new ScenarioTextError('parse', parsed.errors);
  const compiled = compileScenario(parsed.scenario);
  if (!compiled.ok) throw new ScenarioTextError('compile', compiled.errors);
  return { run: { format: runFormat, version: runVersion, options: compiled.options, actions: compiled.actions, tick: 0, annotations: compiled.annotations }, lesson: compiled.lesson };
}

/** A run's expectations, followed as its timeline grows; null results mean nothing new to post. */
export class ExpectationReporter {
  private readonly watch: ExpectationWatch | null;
  private posted: string | null = null;

  constructor(timeline: Timeline, annotations: Annotations) {
    this.watch = annotations.expectations.length === 0 ? null : new ExpectationWatch(timeline.options, annotations.expectations, annotations.end);
  }

  /** The results, when they differ from the ones last returned. */
  update(timeline: Timeline): readonly WatchedResult[] | null {
    const watch = this.watch;
    if (watch === null) {
      if (this.posted !== null) return null;
      this.posted = '';
      return [];
    }
    watch.follow(timeline.recordedActions, timeline.maxTick);
    const results = watch.results();
    // A holding result's tick is only how far the run has gone: it changes every frame, and says nothing new.
    const signature = results.map((result) => (result.status === 'holding' ? 'holding' : `${result.status}@${result.tick ?? ''}`)).join(' ');
    if (signature === this.posted) return null;
    this.posted = signature;
    return results;
  }
}

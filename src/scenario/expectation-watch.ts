/**
 * Expectations decided while a run is being made: the app's worker follows its timeline with
 * one of these, so the expectation list fills in as the run plays, and acting sends it back to
 * replay. It keeps its own simulation (a RunDriver, as evaluateExpectations does) and moves it
 * forward only as far as the timeline has gone, so its cost follows the run's progress.
 *
 * follow() is given the timeline's recorded actions and the furthest tick it reached. When the
 * actions are no longer those it applied (the run forked: an act in the past), or a new one
 * lands at a tick it has already looked at (an act at the live edge), it starts over from tick
 * 0; both happen at the user's pace, and a replay is fast next to the play that made the run.
 */
import type { SimulationOptions, Tick, TimedAction } from '../core/index.ts';
import type { ExpectationResult } from './evaluate.ts';
import { ExpectationEvaluator } from './evaluate.ts';
import { parseExpectation } from './parser.ts';
import { RunDriver } from './run-driver.ts';

/**
 * A result as the run stands: `holding` is an always/never expectation nothing has contradicted
 * up to `tick`, before the scenario's end (at the end it is passed).
 */
export type WatchedStatus = ExpectationResult['status'] | 'holding';

export interface WatchedResult extends Omit<ExpectationResult, 'status'> {
  readonly status: WatchedStatus;
}

export class ExpectationWatch {
  private driver!: RunDriver;
  private evaluator!: ExpectationEvaluator;
  /** actions[0, applied) of the followed run are applied; `last` is the last of them. */
  private applied = 0;
  private last: TimedAction | null = null;
  private started = false;
  /** Which expectations are always/never ones (by index, as given). */
  private readonly lasting: readonly boolean[];

  constructor(
    private readonly options: SimulationOptions,
    private readonly expectations: readonly string[],
    /** The scenario's end, where holding becomes passed; null: never (an ordinary run). */
    private readonly end: Tick | null,
  ) {
    this.lasting = expectations.map((text) => {
      const parsed = parseExpectation(text);
      return parsed.ok && (parsed.expectation.timing.kind === 'always' || parsed.expectation.timing.kind === 'never');
    });
    this.reset();
  }

  /** The tick the watch has looked at so far. */
  get tick(): Tick {
    return this.driver.tick;
  }

  /** Catches up with a run that has these actions and has reached `reached`. */
  follow(actions: readonly TimedAction[], reached: Tick): void {
    const forked = actions.length < this.applied || (this.applied > 0 && actions[this.applied - 1] !== this.last);
    const late = this.started && actions[this.applied] !== undefined && actions[this.applied]!.tick <= this.driver.tick;
    if (forked || late) this.reset();
    if (!this.started) {
      this.actUpTo(actions, 0);
      this.evaluator.check(this.driver, 0);
      this.started = true;
    }
    while (this.driver.tick < reached) {
      const nextAction = actions[this.applied]?.tick ?? Infinity;
      this.driver.step(Math.min(reached, nextAction, this.evaluator.nextStop(this.driver.tick)));
      this.actUpTo(actions, this.driver.tick);
      this.evaluator.check(this.driver, this.driver.tick);
    }
  }

  /** Every expectation's result as the run stands, in the order given. */
  results(): WatchedResult[] {
    const tick = this.driver.tick;
    const finished = this.end !== null && tick >= this.end;
    return this.evaluator.finish(tick).map((result, index) => {
      // finish() counts an uncontradicted always/never as passed at `tick`: so far it is holding.
      if (!finished && this.lasting[index] === true && result.status === 'passed' && result.tick === tick) return { ...result, status: 'holding' };
      return result;
    });
  }

  private reset(): void {
    this.driver = new RunDriver(this.options);
    this.evaluator = new ExpectationEvaluator(this.expectations, this.driver.simulation.nodeIds.length);
    const evaluator = this.evaluator;
    this.driver.listen((event) => evaluator.observe(event), evaluator.topics);
    this.applied = 0;
    this.last = null;
    this.started = false;
  }

  private actUpTo(actions: readonly TimedAction[], tick: Tick): void {
    for (let next = actions[this.applied]; next !== undefined && next.tick <= tick; next = actions[this.applied]) {
      this.driver.act(next.action);
      this.last = next;
      this.applied += 1;
    }
  }
}

import type { Breakpoint, BreakpointHit } from './breakpoints.ts';
import { breakpointTopic, matchesBreakpoint, validateBreakpoint } from './breakpoints.ts';
import type { Tick } from './raft/types.ts';
import type { Action, ActionResult } from './sim/actions.ts';
import { performAction, validateAction } from './sim/actions.ts';
import { requireInteger, SimulationInputError } from './sim/errors.ts';
import type { Topic } from './sim/events.ts';
import type { SimulationOptions } from './sim/options.ts';
import { resolveOptions } from './sim/options.ts';
import { decodeState, encodeState } from './sim/state-codec.ts';
import type { SimState } from './sim/world.ts';
import { newSimState } from './sim/world.ts';
import type { ActionRecorder, TimedAction } from './simulation.ts';
import { Simulation } from './simulation.ts';

/**
 * A run you can move through in time: the run's one action log, the simulation at the current
 * tick, and a bounded set of checkpoints. Seeking restores the nearest earlier checkpoint and
 * replays deterministically, so the state at any tick is exactly the one the live run had, and no
 * copy per tick is kept.
 *
 * "The state at tick t" is the state after tick t ran and after every action taken at tick t. A
 * checkpoint at tick t holds the state after tick t ran but before its actions, so acting at the
 * current tick never makes the checkpoint there stale. Moving forward below maxTick replays the
 * recorded actions; acting at a tick below maxTick forks the timeline there: later actions and
 * checkpoints are dropped and the run continues from now.
 */
export interface TimelineLimits {
  /** Ticks between checkpoints to start with; doubles each time the history is thinned. */
  readonly checkpointInterval: number;
  /** Most checkpoints kept. */
  readonly checkpointLimit: number;
  /** Most characters of checkpoint text kept (about that many bytes of memory). */
  readonly historyCharsMax: number;
}

/**
 * A checkpoint every 500 ticks to start with, at most 2,048 of them and 48 MB of text: a
 * 1,000,000-tick run keeps one every 500-1,000 ticks, so a seek replays at most that many ticks.
 */
export const defaultTimelineLimits: TimelineLimits = { checkpointInterval: 500, checkpointLimit: 2_048, historyCharsMax: 48_000_000 };

/** Ticks advanceUntilBreak runs before it scans the new events, to start with and at most. */
const breakChunkTicks = 256;
const breakChunkTicksMax = 4_096;

interface Checkpoint {
  readonly tick: Tick;
  /** How many recorded actions come before this tick (all with a smaller tick). */
  readonly actionCount: number;
  readonly state: string;
}

export class Timeline {
  private state: SimState;
  private simulation: Simulation;
  /** The run's only action log, in tick order. */
  private readonly actions: TimedAction[] = [];
  /** actions[0, applied) are applied to the current state: all with tick <= its tick. */
  private applied = 0;
  /** Ascending by tick; always holds tick 0. */
  private checkpoints: Checkpoint[] = [];
  private checkpointChars = 0;
  private checkpointInterval: number;
  private end: Tick = 0;
  private readonly recorder: ActionRecorder = {
    record: (entry) => this.recordAction(entry),
    actions: () => (this.applied === this.actions.length ? this.actions : this.actions.slice(0, this.applied)),
  };

  constructor(
    readonly options: SimulationOptions,
    private readonly limits: TimelineLimits = defaultTimelineLimits,
  ) {
    this.state = newSimState(resolveOptions(options));
    this.simulation = Simulation.recordingTo(this.state, this.recorder);
    this.checkpointInterval = limits.checkpointInterval;
    this.takeCheckpoint();
  }

  /** The simulation at the current tick. Read from it; act on it through the timeline or it. */
  get current(): Simulation {
    return this.simulation;
  }

  get tick(): Tick {
    return this.state.tick;
  }

  /** The furthest tick the run has reached. */
  get maxTick(): Tick {
    return Math.max(this.end, this.state.tick);
  }

  /** The whole action log, including actions after the current tick (when it was moved back). */
  get recordedActions(): readonly TimedAction[] {
    return this.actions;
  }

  get checkpointCount(): number {
    return this.checkpoints.length;
  }

  /** Characters held by checkpoints (one byte each for this ASCII text in V8). */
  get historyChars(): number {
    return this.checkpointChars;
  }

  /** Moves forward `ticks`, replaying recorded actions on the way and taking checkpoints. */
  advance(ticks: number): void {
    const target = this.state.tick + ticks;
    while (this.state.tick < target) {
      const now = this.state.tick;
      const nextCheckpoint = (Math.floor(now / this.checkpointInterval) + 1) * this.checkpointInterval;
      const nextAction = this.actions[this.applied]?.tick ?? Infinity;
      const stop = Math.min(target, nextCheckpoint, nextAction);
      if (stop > now) this.simulation.advance(stop - now);
      if (stop === nextCheckpoint) this.takeCheckpoint();
      this.replayActionsAt(stop);
    }
    this.end = Math.max(this.end, this.state.tick);
  }

  /**
   * Runs until some event happens (a delivery, a timer firing, a change of state), at most
   * `maxTicks`, jumping straight over ticks in which nothing is due. Returns how many ticks passed.
   */
  advanceToNextEvent(maxTicks: number): number {
    const start = this.state.tick;
    const before = this.simulation.lastEventSeq;
    while (this.state.tick - start < maxTicks && this.simulation.lastEventSeq === before) {
      const due = Math.min(this.simulation.nextEventTick(), this.actions[this.applied]?.tick ?? Infinity);
      this.advance(Math.max(1, Math.min(due, start + maxTicks) - this.state.tick));
    }
    return this.state.tick - start;
  }

  /**
   * Advances at most `ticks` (replaying recorded actions on the way, like advance), stopping at
   * the first tick at which one of `breakpoints` holds (breakpoints.ts). Returns where it stopped
   * (the tick, the breakpoint's index in `breakpoints`, lowest first when several hold at that
   * tick, and the event that made it hold) or null when none held; then the timeline is at the
   * state of that tick, exactly as if it had advanced just so far (maxTick included). Only ticks
   * after the current one count: a breakpoint that held at the current tick does not stop it
   * again, so calling it again goes on. With `toNextEvent` it also stops, like
   * advanceToNextEvent, at the first tick at which any event happens.
   *
   * It advances in chunks and reads the new events of the topics the breakpoints look at; a
   * chunk that produced more events than the event log keeps (eventLimit) is run again in
   * smaller chunks. A tick that alone produces more events than eventLimit is judged on those
   * it keeps (the latest). Deterministic: the result depends only on the run.
   */
  advanceUntilBreak(ticks: number, breakpoints: readonly Breakpoint[], options: { toNextEvent?: boolean } = {}): BreakpointHit | null {
    requireInteger('ticks', ticks, { min: 0 });
    if (!Array.isArray(breakpoints)) throw new SimulationInputError('breakpoints', 'an array of breakpoints', typeof breakpoints);
    const checked = breakpoints.map((breakpoint, index) => validateBreakpoint(breakpoint, `breakpoints[${index}]`));
    const topics = [...new Set(checked.map(breakpointTopic).filter((topic): topic is Topic => topic !== null))];
    const eventLimit = this.state.options.eventLimit;
    if (topics.length > 0 && eventLimit === 0) throw new SimulationInputError('breakpoints', 'no breakpoint on events when the simulation keeps no events (eventLimit 0)', `${topics.length} event topics`);
    const endBefore = this.maxTick;
    const start = this.state.tick;
    const target = start + ticks;
    if (options.toNextEvent === true) {
      const seq = this.simulation.lastEventSeq;
      const violations = this.state.checker.violationCount;
      this.advanceToNextEvent(Math.min(ticks, this.nextTickBreak(checked, start) - start));
      return this.stopAt(this.firstBreak(checked, topics, { seq, violations, tick: start }), endBefore);
    }
    if (checked.length === 0) {
      this.advance(ticks);
      return null;
    }
    let chunk = breakChunkTicks;
    while (this.state.tick < target) {
      const from = this.state.tick;
      const stop = Math.min(target, from + chunk, this.nextTickBreak(checked, from));
      const seq = this.simulation.lastEventSeq;
      const violations = this.state.checker.violationCount;
      this.advance(stop - from);
      const produced = this.simulation.lastEventSeq - seq;
      if (topics.length > 0 && produced > eventLimit && stop - from > 1) {
        // Some events were pushed out of the log before they were read: run this stretch again, shorter.
        this.seek(from);
        chunk = Math.max(1, Math.floor(((stop - from) * eventLimit) / (2 * produced)));
        continue;
      }
      if (produced * 4 < eventLimit) chunk = Math.min(breakChunkTicksMax, chunk * 2);
      const hit = this.firstBreak(checked, topics, { seq, violations, tick: from });
      if (hit !== null) return this.stopAt(hit, endBefore);
    }
    return null;
  }

  /** The first tick after `after` that a tick breakpoint names (Infinity if none). */
  private nextTickBreak(breakpoints: readonly Breakpoint[], after: Tick): number {
    let next = Infinity;
    for (const breakpoint of breakpoints) if (breakpoint.kind === 'tick' && breakpoint.tick > after && breakpoint.tick < next) next = breakpoint.tick;
    return next;
  }

  /**
   * The earliest breakpoint that held in the ticks after `since.tick` up to now: events after
   * `since.seq`, the checker's violations beyond `since.violations`, and tick breakpoints.
   */
  private firstBreak(breakpoints: readonly Breakpoint[], topics: readonly Topic[], since: { seq: number; violations: number; tick: Tick }): BreakpointHit | null {
    const now = this.state.tick;
    let best = null as BreakpointHit | null;
    const consider = (hit: BreakpointHit): void => {
      if (best === null || hit.tick < best.tick || (hit.tick === best.tick && hit.index < best.index)) best = hit;
    };
    if (topics.length > 0) {
      for (const event of this.simulation.events({ afterSeq: since.seq, topics })) {
        if (best !== null && event.tick > best.tick) break; // events come in tick order
        breakpoints.forEach((breakpoint, index) => {
          if (matchesBreakpoint(breakpoint, event)) consider({ tick: event.tick, index, event });
        });
      }
    }
    breakpoints.forEach((breakpoint, index) => {
      if (breakpoint.kind === 'tick' && breakpoint.tick > since.tick && breakpoint.tick <= now) consider({ tick: breakpoint.tick, index, event: null });
    });
    const violationIndex = breakpoints.findIndex((breakpoint) => breakpoint.kind === 'violation');
    if (violationIndex >= 0 && this.state.checker.violationCount > since.violations) {
      // Last: finding the tick may move the timeline (see firstViolationTick).
      consider({ tick: this.firstViolationTick(since.violations, since.tick), index: violationIndex, event: null });
    }
    return best;
  }

  /**
   * The tick of violation number `count` + 1, which happened after `from`: from the checker's
   * list, or, once the checker keeps no more (violationLimit), by running again tick by tick.
   */
  private firstViolationTick(count: number, from: Tick): Tick {
    const kept = this.state.checker.violations[count];
    if (kept !== undefined) return kept.tick;
    const reached = this.state.tick;
    this.seek(from);
    while (this.state.checker.violationCount === count && this.state.tick < reached) this.advance(1);
    return this.state.tick;
  }

  /** Lands on a hit's tick, as if the timeline had advanced only that far. */
  private stopAt(hit: BreakpointHit | null, endBefore: Tick): BreakpointHit | null {
    if (hit === null) return null;
    if (hit.tick !== this.state.tick) this.seek(hit.tick);
    // The ticks run past the hit were never shown: the run reaches only as far as it had, or the hit.
    this.end = Math.max(endBefore, hit.tick);
    return hit;
  }

  /** Goes to any tick from 0 to maxTick. */
  seek(tick: Tick): void {
    if (!Number.isInteger(tick) || tick < 0 || tick > this.maxTick) {
      throw new SimulationInputError('tick', `an integer from 0 to ${this.maxTick}`, String(tick));
    }
    this.end = this.maxTick;
    const now = this.state.tick;
    const base = this.checkpointAtOrBefore(tick);
    // Restore when going back, or when a checkpoint saves replaying a long way forward.
    if (tick < now || base.tick > now) {
      this.restore(base);
      this.replayActionsAt(base.tick);
    }
    this.advance(tick - this.state.tick);
  }

  /**
   * Acts now, through the current simulation (which validates first: a bad action changes
   * nothing). In the past, the recorded future after now is dropped first (the timeline forks).
   */
  act(action: Action): ActionResult {
    return this.simulation.act(action);
  }

  /**
   * A timeline of the same run with `actions` as its log and `end` as the furthest tick it
   * reached, at tick 0: it shares this timeline's checkpoints up to the first tick where the two
   * logs differ, so seeking in it replays only from there (branch-tree.ts). Its actions are
   * validated as they are replayed, like any recorded action.
   */
  withActions(actions: readonly TimedAction[], end: Tick): Timeline {
    const other = new Timeline(this.options, this.limits);
    let shared = 0;
    while (shared < actions.length && shared < this.actions.length && sameTimedAction(actions[shared]!, this.actions[shared]!)) shared += 1;
    // A checkpoint holds the state before its tick's actions: valid while every earlier action is shared.
    const divergence = Math.min(actions[shared]?.tick ?? Infinity, this.actions[shared]?.tick ?? Infinity);
    other.checkpoints = this.checkpoints.filter((checkpoint) => checkpoint.tick <= divergence && checkpoint.actionCount <= shared);
    other.checkpointChars = other.checkpoints.reduce((sum, checkpoint) => sum + checkpoint.state.length, 0);
    other.checkpointInterval = this.checkpointInterval;
    other.actions.push(...actions);
    other.end = end;
    return other;
  }

  /** The run as data: replaying it gives this timeline's states. */
  toRun(): { options: SimulationOptions; actions: readonly TimedAction[]; tick: Tick } {
    return { options: this.options, actions: this.actions.slice(), tick: this.maxTick };
  }

  /** Called by the simulation for every action taken on it, after it was carried out. */
  private recordAction(entry: TimedAction): void {
    const now = this.state.tick;
    if (this.applied < this.actions.length) this.actions.length = this.applied; // drops the future
    this.actions.push(entry);
    this.applied = this.actions.length;
    this.end = now;
    // Checkpoints after now belong to the dropped future; the one at now predates the action, as all do.
    while (this.checkpoints.length > 1 && this.checkpoints.at(-1)!.tick > now) this.checkpointChars -= this.checkpoints.pop()!.state.length;
  }

  /** Applies the recorded actions at `tick` that are not applied yet (the state is at `tick`). */
  private replayActionsAt(tick: Tick): void {
    while (this.actions[this.applied]?.tick === tick) {
      const { action } = this.actions[this.applied]!;
      // Validated again against the replayed state: it is the state the action was first taken in.
      performAction(this.state, validateAction(this.state, action));
      this.applied += 1;
    }
  }

  private checkpointAtOrBefore(tick: Tick): Checkpoint {
    const checkpoints = this.checkpoints;
    let low = 0;
    let high = checkpoints.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (checkpoints[middle]!.tick <= tick) low = middle;
      else high = middle - 1;
    }
    return checkpoints[low]!;
  }

  private restore(checkpoint: Checkpoint): void {
    this.state = decodeState(checkpoint.state);
    this.simulation = Simulation.recordingTo(this.state, this.recorder);
    this.applied = checkpoint.actionCount;
  }

  private takeCheckpoint(): void {
    const tick = this.state.tick;
    // Moving forward again below the end reaches checkpoints already taken, which are still valid
    // (a fork drops those after it): keep the list in tick order, one per tick.
    if ((this.checkpoints.at(-1)?.tick ?? -1) >= tick) return;
    const state = encodeState(this.state);
    this.checkpoints.push({ tick, actionCount: this.applied, state });
    this.checkpointChars += state.length;
    // Bounded: each thinning halves the checkpoints, and tick 0 alone always fits.
    while (this.checkpoints.length > 1 && (this.checkpoints.length > this.limits.checkpointLimit || this.checkpointChars > this.limits.historyCharsMax)) this.thin();
  }

  /** Doubles the spacing: keeps tick 0 and the checkpoints on the new grid. */
  private thin(): void {
    this.checkpointInterval *= 2;
    this.checkpoints = this.checkpoints.filter((checkpoint) => checkpoint.tick % this.checkpointInterval === 0);
    this.checkpointChars = this.checkpoints.reduce((sum, checkpoint) => sum + checkpoint.state.length, 0);
  }
}

/** Two recorded actions are the same when they were taken at the same tick and read the same. */
function sameTimedAction(a: TimedAction, b: TimedAction): boolean {
  return a === b || (a.tick === b.tick && JSON.stringify(a.action) === JSON.stringify(b.action));
}

import type { Action, ActionResult } from './sim/actions.ts';
import { SimulationInputError } from './sim/errors.ts';
import { decodeState, encodeState } from './sim/state-codec.ts';
import type { SimulationOptions } from './sim/options.ts';
import type { Tick } from './raft/types.ts';
import type { TimedAction } from './simulation.ts';
import { Simulation } from './simulation.ts';

/**
 * A run you can move through in time: the simulation plus its recorded actions and a bounded set
 * of checkpoints. Seeking restores the nearest earlier checkpoint and replays deterministically,
 * so the state at any tick is exactly the one the live run had, and no copy per tick is kept.
 *
 * "The state at tick t" is the state after tick t ran and after every action taken at tick t.
 * Moving forward below maxTick replays the recorded actions; acting at a tick below maxTick forks
 * the timeline there: later actions and checkpoints are dropped and the run continues from now.
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
 * A checkpoint every 1,000 ticks to start with, at most 1,024 of them and 40 MB of text: a
 * 1,000,000-tick run keeps one every 1,000-2,000 ticks, so any seek replays at most that many.
 */
export const defaultTimelineLimits: TimelineLimits = { checkpointInterval: 1_000, checkpointLimit: 1_024, historyCharsMax: 40_000_000 };

export class Timeline {
  private simulation: Simulation;
  private actions: TimedAction[] = [];
  /** actions[0, applied) are applied to the current simulation: all with tick <= its tick. */
  private applied = 0;
  /** Ascending by tick; always holds tick 0. Each is the state after its tick's actions, as text. */
  private checkpoints: { tick: Tick; actionCount: number; state: string }[] = [];
  private checkpointChars = 0;
  private checkpointInterval: number;
  private end: Tick = 0;

  constructor(
    readonly options: SimulationOptions,
    private readonly limits: TimelineLimits = defaultTimelineLimits,
  ) {
    this.simulation = new Simulation(options);
    this.checkpointInterval = limits.checkpointInterval;
    this.takeCheckpoint();
  }

  /** The simulation at the current tick. Read from it; move it only through the timeline. */
  get current(): Simulation {
    return this.simulation;
  }

  get tick(): Tick {
    return this.simulation.tick;
  }

  /** The furthest tick the run has reached. */
  get maxTick(): Tick {
    return Math.max(this.end, this.simulation.tick);
  }

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
    const target = this.simulation.tick + ticks;
    while (this.simulation.tick < target) {
      const nextCheckpoint = (Math.floor(this.simulation.tick / this.checkpointInterval) + 1) * this.checkpointInterval;
      const nextAction = this.actions[this.applied]?.tick ?? Infinity;
      const stop = Math.min(target, nextCheckpoint, nextAction);
      this.simulation.advance(stop - this.simulation.tick);
      while (this.actions[this.applied]?.tick === stop) this.simulation.act(this.actions[this.applied++]!.action);
      if (stop === nextCheckpoint) this.takeCheckpoint();
    }
    this.end = Math.max(this.end, this.simulation.tick);
  }

  /**
   * Steps one tick at a time until some event happens (a delivery, a timer firing, a change of
   * state), at most `maxTicks`. Returns how many ticks passed.
   */
  advanceToNextEvent(maxTicks: number): number {
    const before = this.simulation.lastEventSeq;
    let passed = 0;
    while (passed < maxTicks && this.simulation.lastEventSeq === before) {
      this.advance(1);
      passed += 1;
    }
    return passed;
  }

  /** Goes to any tick from 0 to maxTick. */
  seek(tick: Tick): void {
    if (!Number.isInteger(tick) || tick < 0 || tick > this.maxTick) {
      throw new SimulationInputError('tick', `an integer from 0 to ${this.maxTick}`, String(tick));
    }
    this.end = this.maxTick;
    const now = this.simulation.tick;
    let base = this.checkpoints[0]!;
    for (const checkpoint of this.checkpoints) if (checkpoint.tick <= tick) base = checkpoint;
    // Restore when going back, or when a checkpoint saves replaying a long way forward.
    if (tick < now || base.tick > now) {
      this.simulation = Simulation.fromState(decodeState(base.state), this.actions.slice(0, base.actionCount));
      this.applied = base.actionCount;
    }
    this.advance(tick - this.simulation.tick);
  }

  /** Acts now. In the past, the future after now is dropped first (the timeline forks). */
  act(action: Action): ActionResult {
    const now = this.simulation.tick;
    const result = this.simulation.act(action); // validates first: a bad action changes nothing
    this.actions.length = this.applied; // drops the future, if any
    this.actions.push({ tick: now, action: this.simulation.actions().at(-1)!.action });
    this.applied = this.actions.length;
    this.end = now;
    // Checkpoints from now on predate this action: retake the one at now if it was on the grid.
    const stale = this.checkpoints.some((checkpoint) => checkpoint.tick >= now);
    this.keepCheckpoints((checkpoint) => checkpoint.tick < now);
    if (stale || now === 0) this.takeCheckpoint();
    return result;
  }

  private takeCheckpoint(): void {
    const tick = this.simulation.tick;
    this.keepCheckpoints((checkpoint) => checkpoint.tick !== tick);
    const state = encodeState(this.simulation.checkpoint({ events: false }));
    this.checkpoints.push({ tick, actionCount: this.applied, state });
    this.checkpointChars += state.length;
    // Bounded: each thinning halves the checkpoints, and tick 0 alone always fits.
    while (this.checkpoints.length > 1 && (this.checkpoints.length > this.limits.checkpointLimit || this.checkpointChars > this.limits.historyCharsMax)) this.thin();
  }

  /** Doubles the spacing: keeps tick 0 and the checkpoints on the new grid. */
  private thin(): void {
    this.checkpointInterval *= 2;
    this.keepCheckpoints((checkpoint) => checkpoint.tick % this.checkpointInterval === 0);
  }

  private keepCheckpoints(keep: (checkpoint: { tick: Tick }) => boolean): void {
    this.checkpoints = this.checkpoints.filter(keep);
    this.checkpointChars = this.checkpoints.reduce((sum, checkpoint) => sum + checkpoint.state.length, 0);
  }

  /** The run as data: replaying it gives this timeline's states. */
  toRun(): { options: SimulationOptions; actions: readonly TimedAction[]; tick: Tick } {
    return { options: this.options, actions: this.actions.slice(), tick: this.maxTick };
  }
}

import type { Action, ActionResult } from './sim/actions.ts';
import type { SimState } from './sim/cluster.ts';
import { SimulationInputError } from './sim/errors.ts';
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
export class Timeline {
  private simulation: Simulation;
  private actions: TimedAction[] = [];
  /** actions[0, applied) are applied to the current simulation: all with tick <= its tick. */
  private applied = 0;
  /** Ascending by tick; always holds tick 0. Each is the state after its tick's actions. */
  private checkpoints: { tick: Tick; actionCount: number; state: SimState }[] = [];
  private checkpointInterval: number;
  private end: Tick = 0;

  constructor(
    readonly options: SimulationOptions,
    private readonly limits: { checkpointInterval: number; checkpointLimit: number } = { checkpointInterval: 1_000, checkpointLimit: 256 },
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
      this.simulation = Simulation.fromState(structuredClone(base.state), this.actions.slice(0, base.actionCount));
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
    this.checkpoints = this.checkpoints.filter((checkpoint) => checkpoint.tick < now);
    if (stale || now === 0) this.takeCheckpoint();
    return result;
  }

  private takeCheckpoint(): void {
    const tick = this.simulation.tick;
    this.checkpoints = this.checkpoints.filter((checkpoint) => checkpoint.tick !== tick);
    this.checkpoints.push({ tick, actionCount: this.applied, state: this.simulation.checkpoint({ events: false }) });
    if (this.checkpoints.length > this.limits.checkpointLimit) this.thin();
  }

  /** Doubles the spacing: keeps tick 0 and the checkpoints on the new grid. */
  private thin(): void {
    this.checkpointInterval *= 2;
    this.checkpoints = this.checkpoints.filter((checkpoint) => checkpoint.tick % this.checkpointInterval === 0);
  }

  /** The run as data: replaying it gives this timeline's states. */
  toRun(): { options: SimulationOptions; actions: readonly TimedAction[]; tick: Tick } {
    return { options: this.options, actions: this.actions.slice(), tick: this.maxTick };
  }
}

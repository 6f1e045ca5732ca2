/**
 * A simulation driven from one busy tick to the next, with every event handed to listeners as it
 * happens. Conditions, symbolic nodes and traces change only when something happens, so the
 * scenario layer looks at the run only at those ticks: Simulation.nextEventTick() says where the
 * next one is, and the ticks between are jumped over in one advance. A 100,000-tick run is read
 * in a few thousand steps.
 *
 * The simulation keeps only its most recent events (eventLimit). Events are read after every
 * step and every action, so none is missed as long as one step's events fit; the driver keeps
 * room for at least minEventRoom events (the run itself is the same whatever the limit: it only
 * bounds what is kept for reading). Only the topics someone listens to are read: most events are
 * messages, and a listener that follows leaders and commits should not pay for building them.
 */
import type { Action, ActionResult, SimEvent, SimulationOptions, Tick, TimedAction, Topic } from '../core/index.ts';
import { Simulation, SimulationInputError } from '../core/index.ts';
import { LeaderHistory } from './leader-history.ts';

const minEventRoom = 10_000;

export type EventListener = (event: SimEvent) => void;

export class RunDriver {
  readonly simulation: Simulation;
  readonly leaders = new LeaderHistory();
  private readonly listeners: EventListener[] = [];
  /** The topics read: the leader history's and every listener's; null for every topic. */
  private topics: Topic[] | null;
  private readonly room: number;
  private seen: number;

  /**
   * With `history: false` and no listener the driver reads no events at all and jumps straight
   * to where it is asked (compiling a scenario without `old leader` or `leader of term N`).
   */
  constructor(
    options: SimulationOptions,
    private readonly history = true,
  ) {
    const room = options.eventLimit === undefined || options.eventLimit < minEventRoom ? { ...options, eventLimit: minEventRoom } : options;
    this.simulation = new Simulation(room);
    this.room = room.eventLimit ?? minEventRoom;
    this.topics = ['LEAD'];
    this.seen = this.simulation.lastEventSeq;
  }

  /**
   * Hands every event from now on to `listener`, in order: every event, or with `topics` at least
   * those of these topics (a listener may see others, which other listeners asked for).
   */
  listen(listener: EventListener, topics?: readonly Topic[]): void {
    this.listeners.push(listener);
    if (topics === undefined) this.topics = null;
    else if (this.topics !== null) this.topics = [...new Set([...this.topics, ...topics])];
  }

  get tick(): Tick {
    return this.simulation.tick;
  }

  /** Advances to `target` or to the next busy tick before it, whichever comes first. */
  step(target: Tick): void {
    const next = Math.min(target, this.simulation.nextEventTick());
    if (next > this.simulation.tick) this.simulation.advance(next - this.simulation.tick);
    this.read();
  }

  /** Advances to `target`, reading the events of every busy tick on the way. */
  advanceTo(target: Tick): void {
    if (!this.reading && target > this.simulation.tick) this.simulation.advance(target - this.simulation.tick);
    while (this.simulation.tick < target) this.step(target);
  }

  private get reading(): boolean {
    return this.history || this.listeners.length > 0;
  }

  act(action: Action): ActionResult {
    const result = this.simulation.act(action);
    this.read();
    return result;
  }

  private read(): void {
    if (this.simulation.lastEventSeq === this.seen) return;
    if (!this.reading) {
      this.seen = this.simulation.lastEventSeq;
      return;
    }
    if (this.simulation.lastEventSeq - this.seen > this.room) throw new Error(`scenario driver: events after ${this.seen} were lost before they were read (more than ${this.room} in one step)`);
    const events = this.simulation.events(this.topics === null ? { afterSeq: this.seen } : { afterSeq: this.seen, topics: this.topics });
    for (const event of events) {
      this.leaders.observe(event);
      for (const listener of this.listeners) listener(event);
    }
    this.seen = this.simulation.lastEventSeq;
  }
}

export interface PlayHooks {
  /** The next tick after `tick` at which the caller wants to look, even if nothing happens there. */
  readonly nextStop?: (tick: Tick) => Tick;
  /** Called with the state at each tick looked at (after its actions); false stops the play. */
  readonly afterTick: (tick: Tick) => boolean;
}

/**
 * Plays a run to `until`: the actions at their ticks (those at tick 0 before any tick runs), and
 * a look at the state after every busy tick, every action tick and every stop the caller asks
 * for. Actions after `until` are not taken.
 */
export function playRun(driver: RunDriver, actions: readonly TimedAction[], until: Tick, hooks: PlayHooks): void {
  let next = 0;
  const actAt = (tick: Tick): void => {
    for (let action = actions[next]; action !== undefined && action.tick === tick; action = actions[++next]) {
      driver.act(action.action);
    }
    const pending = actions[next];
    if (pending !== undefined && pending.tick < tick) throw new SimulationInputError(`actions[${next}].tick`, 'actions in tick order', `tick ${pending.tick} after tick ${tick}`);
  };
  actAt(driver.tick);
  if (!hooks.afterTick(driver.tick)) return;
  while (driver.tick < until) {
    const stop = hooks.nextStop?.(driver.tick) ?? Infinity;
    driver.step(Math.min(until, actions[next]?.tick ?? Infinity, stop));
    actAt(driver.tick);
    if (!hooks.afterTick(driver.tick)) return;
  }
}

import type { Tick } from './raft/types.ts';
import type { TimedAction } from './simulation.ts';
import { Simulation } from './simulation.ts';
import type { SimEvent } from './sim/events.ts';
import type { SimulationOptions } from './sim/options.ts';

/**
 * Two runs side by side, as a diff of their event streams: the first place where they differ
 * (the same run with one setting changed, say fast backup off, or the election timeout doubled).
 * Both are played from tick 0 in their own simulation, in steps, and their events compared one
 * by one, sequence numbers aside; the first pair that differs, or the first event one run has and
 * the other lacks, is the divergence. Deterministic, like the runs themselves.
 */
export interface RunToCompare {
  readonly options: SimulationOptions;
  readonly actions: readonly TimedAction[];
}

export interface Divergence {
  readonly tick: Tick;
  /** The first differing event of each run (null where that run has none there). */
  readonly a: SimEvent | null;
  readonly b: SimEvent | null;
  /** How many events the runs shared before it. */
  readonly sameEvents: number;
}

/** Ticks played between comparisons; the simulations keep enough events for one step. */
const stepTicks = 200;
const eventRoom = 200_000;

function player(run: RunToCompare): { simulation: Simulation; advanceTo: (tick: Tick) => void } {
  const simulation = new Simulation({ ...run.options, eventLimit: eventRoom });
  let next = 0;
  const advanceTo = (target: Tick): void => {
    while (simulation.tick < target) {
      const action = run.actions[next];
      const stop = action === undefined ? target : Math.min(target, action.tick);
      if (stop > simulation.tick) simulation.advance(stop - simulation.tick);
      for (let due = run.actions[next]; due !== undefined && due.tick === simulation.tick; due = run.actions[++next]) simulation.act(due.action);
    }
  };
  // Actions at tick 0 come before any tick runs.
  for (let due = run.actions[next]; due !== undefined && due.tick === 0; due = run.actions[++next]) simulation.act(due.action);
  return { simulation, advanceTo };
}

function sameEvent(a: SimEvent, b: SimEvent): boolean {
  const { seq: _a, ...restA } = a;
  const { seq: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/** A run's events one at a time, playing it on in steps as they are needed, up to `until`. */
function eventStream(run: RunToCompare, until: Tick): () => SimEvent | null {
  const { simulation, advanceTo } = player(run);
  let buffer: readonly SimEvent[] = [];
  let at = 0;
  let seen = 0;
  return () => {
    while (at >= buffer.length) {
      buffer = simulation.events({ afterSeq: seen });
      seen = simulation.lastEventSeq;
      at = 0;
      if (buffer.length > 0) break;
      if (simulation.tick >= until) return null;
      advanceTo(Math.min(until, simulation.tick + stepTicks));
    }
    return buffer[at++]!;
  };
}

/**
 * The first divergence of two runs up to `until`, or null when they agree throughout. Each run
 * is read on as far as its next event, so where one run does something the other does not (yet),
 * the other's side is what it does next, or null when it does nothing more before `until`.
 */
export function firstDivergence(a: RunToCompare, b: RunToCompare, until: Tick): Divergence | null {
  const nextA = eventStream(a, until);
  const nextB = eventStream(b, until);
  for (let same = 0; ; same += 1) {
    const left = nextA();
    const right = nextB();
    if (left === null && right === null) return null;
    if (left === null || right === null || !sameEvent(left, right)) {
      return { tick: Math.min(left?.tick ?? Infinity, right?.tick ?? Infinity), a: left, b: right, sameEvents: same };
    }
  }
}

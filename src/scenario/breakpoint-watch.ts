/**
 * Where each of a scenario's breakpoints first holds, as playing its run in the app from tick 0
 * would pause there (Timeline.advanceUntilBreak): the first tick after 0 with an event the
 * breakpoint matches, the first violation, or the breakpoint's tick within the run. Off ones are
 * left out: they never pause. This makes breakpoints testable as scenario files (their trace
 * section lists these lines after the events).
 */
import { breakpointTopic, matchesBreakpoint } from '../core/index.ts';
import type { SimEvent, Simulation, Tick, Topic } from '../core/index.ts';
import type { BreakpointSetting } from './annotations.ts';
import { printBreakpoint } from './parse-breakpoints.ts';

export interface BreakpointFirstHit {
  readonly setting: BreakpointSetting;
  /** The first tick it holds at, or null when it never does before the run's end. */
  readonly tick: Tick | null;
}

export class BreakpointWatch {
  private readonly settings: readonly BreakpointSetting[];
  private readonly hits: (Tick | null)[];

  constructor(settings: readonly BreakpointSetting[]) {
    this.settings = settings.filter((setting) => setting.enabled);
    this.hits = this.settings.map(() => null);
  }

  /** The event topics the breakpoints look at. */
  get topics(): Topic[] {
    return [...new Set(this.settings.map((setting) => breakpointTopic(setting.breakpoint)).filter((topic): topic is Topic => topic !== null))];
  }

  get watching(): boolean {
    return this.settings.length > 0;
  }

  observe(event: SimEvent): void {
    if (event.tick === 0) return;
    this.settings.forEach((setting, index) => {
      if (this.hits[index] === null && matchesBreakpoint(setting.breakpoint, event)) this.hits[index] = event.tick;
    });
  }

  /** Each breakpoint's first hit, the run played to `end` in `simulation`. */
  finish(simulation: Simulation, end: Tick): BreakpointFirstHit[] {
    return this.settings.map((setting, index) => {
      const { breakpoint } = setting;
      if (breakpoint.kind === 'tick') return { setting, tick: breakpoint.tick <= end ? breakpoint.tick : null };
      if (breakpoint.kind === 'violation') return { setting, tick: simulation.violations().find((violation) => violation.tick > 0)?.tick ?? null };
      return { setting, tick: this.hits[index] ?? null };
    });
  }
}

/** "break on new leader: first at tick 421", or "...: never by tick 3000", for a trace. */
export function breakpointTraceLine(hit: BreakpointFirstHit, end: Tick): string {
  return `${printBreakpoint(hit.setting)}: ${hit.tick === null ? `never by tick ${end}` : `first at tick ${hit.tick}`}`;
}

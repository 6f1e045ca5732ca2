/**
 * What a scenario adds to a run besides its options and its timed actions: captions and named
 * marks at ticks, and expectations. A run keeps them wherever it goes (run files, permalinks,
 * autosave), so a shared or restored run still shows its captions and still checks its
 * expectations. Plain data: an expectation travels as its scenario text, which the scenario
 * module parses (src/scenario). Breakpoints (src/core/breakpoints.ts) travel here too, each with
 * whether it is on, so a shared or restored run pauses where its author's did.
 */
import type { Breakpoint, Tick } from '../core/index.ts';

export interface Caption {
  readonly tick: Tick;
  readonly text: string;
}

export interface Mark {
  readonly tick: Tick;
  readonly name: string;
}

/** A breakpoint as a run keeps it: the condition, and whether it is on (an off one stays listed). */
export interface BreakpointSetting {
  readonly breakpoint: Breakpoint;
  readonly enabled: boolean;
}

export interface Annotations {
  readonly captions: readonly Caption[];
  readonly marks: readonly Mark[];
  /** Each expectation in its canonical scenario text, e.g. "expect by 900: leader in {3,4,5}". */
  readonly expectations: readonly string[];
  /**
   * The tick a scenario runs to (its `run until`, or the implied end: see endOf in compile.ts), so
   * an opened scenario's timeline reaches it and its always/never expectations are decided there;
   * null for an ordinary run, which ends where it was taken.
   */
  readonly end: Tick | null;
  /** The run's breakpoints, in the order they were set; the app pauses at the enabled ones. */
  readonly breakpoints: readonly BreakpointSetting[];
}

export const noAnnotations: Annotations = { captions: [], marks: [], expectations: [], end: null, breakpoints: [] };

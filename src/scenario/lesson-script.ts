/**
 * A lesson's script: what a scenario's lesson lines (docs/lessons.md) add to its run, grouped
 * into the steps a teacher moves through with Next and Previous. A step is a tick where a
 * caption changes, a question is asked, a highlight is set or a cue point pauses the run. Plain
 * data, with concrete node ids (symbolic nodes resolved at the step's tick, as actions are).
 *
 * The script is not part of the run's annotations: a run file or a permalink carries the run and
 * its English captions; a lesson is opened by its id and brings its script with it.
 */
import type { NodeId, Tick } from '../core/index.ts';

/** Words in both languages: the English text, and the Chinese one (null: show the English). */
export interface LessonText {
  readonly en: string;
  readonly zh: string | null;
}

export interface LessonQuestion {
  readonly text: LessonText;
  /** Written choices, every node, or none (a free guess). */
  readonly choices: readonly string[] | 'nodes' | null;
  /** A choice, 'leader' (whoever leads at the next step), or null (the next caption says). */
  readonly answer: string | null;
}

export type LessonHighlight = { readonly kind: 'node'; readonly node: NodeId } | { readonly kind: 'entry'; readonly node: NodeId; readonly index: number };

export interface LessonStep {
  readonly tick: Tick;
  /** The caption from this step on (null: the one before stays). */
  readonly caption: LessonText | null;
  readonly question: LessonQuestion | null;
  /** Shown from this step until the next. */
  readonly highlights: readonly LessonHighlight[];
}

export interface LessonScript {
  readonly steps: readonly LessonStep[];
}

export const noLessonScript: LessonScript = { steps: [] };

/** The caption on screen at step `index`: its own, or the latest one before it. */
export function captionOfStep(script: LessonScript, index: number): LessonText | null {
  for (let at = Math.min(index, script.steps.length - 1); at >= 0; at -= 1) {
    const caption = script.steps[at]!.caption;
    if (caption !== null) return caption;
  }
  return null;
}

/** The step on screen at `tick`: the latest at or before it (-1 before the first). */
export function stepAt(script: LessonScript, tick: Tick): number {
  let found = -1;
  script.steps.forEach((step, index) => {
    if (step.tick <= tick) found = index;
  });
  return found;
}

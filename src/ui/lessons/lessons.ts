/**
 * The lessons that ship with the app: src/lessons/<id>.scn, scenario files with lesson lines
 * (docs/lessons.md), bundled as text at build time so they work offline and in the single file.
 * Titles and summaries are in the message catalogues (area `lessons`, keyed by id); the order
 * is the course's, from the first election to the election restriction.
 * tests/unit/lessons.test.ts plays every lesson to its end.
 */
import type { Tick } from '../../core/index.ts';
import { endOf, parseScenario } from '../../scenario/index.ts';
import type { Messages } from '../i18n/catalogue.ts';

const files = import.meta.glob<string>('../../lessons/*.scn', { query: '?raw', import: 'default', eager: true });

/** The course's order; a lesson file not named here comes after these, by name. */
export const lessonOrder = ['leader-election', 'split-vote', 'leader-crash', 'log-replication', 'catch-up', 'minority-leader', 'figure-8', 'persistence', 'snapshot', 'election-restriction', 'prevote', 'check-quorum', 'leadership-transfer', 'membership-change', 'read-index', 'batching'] as const;

/** How fast a lesson plays between its steps, in ticks per second: slow enough to follow each message. */
export const lessonTicksPerSecond = 40;
/**
 * Next takes at most about this long to reach the next step (ms): where the wait is longer (a
 * timeout hundreds of ticks away), that stretch plays faster, so a class is not kept waiting.
 */
export const lessonStepMsMax = 4_000;
/** The reading time a step adds to a lesson's duration, in seconds. */
const secondsPerStep = 12;

export interface Lesson {
  readonly id: string;
  readonly text: string;
  /** Where the run ends (its `run until`). */
  readonly end: Tick;
  /** Steps (ticks with a caption, a question, a highlight or a cue). */
  readonly steps: number;
  /** About how long it takes in class: playing between steps (at most lessonStepMsMax each), and reading each step. */
  readonly minutes: number;
}

function lessonOf(id: string, text: string): Lesson {
  const parsed = parseScenario(text);
  if (!parsed.ok) return { id, text, end: 0, steps: 0, minutes: 1 };
  const end = endOf(parsed.scenario);
  const lessonKinds = new Set(['caption', 'cue', 'ask', 'highlight']);
  const ticks = [...new Set(parsed.scenario.steps.filter((step) => lessonKinds.has(step.item.kind)).map((step) => step.tick))].sort((a, b) => a - b);
  // Each stretch from one step to the next plays at the lesson's speed, or in lessonStepMsMax when that is quicker.
  const playing = ticks.slice(1).reduce((seconds, tick, at) => seconds + Math.min((tick - ticks[at]!) / lessonTicksPerSecond, lessonStepMsMax / 1000), 0);
  return { id, text, end, steps: ticks.length, minutes: Math.max(1, Math.round((playing + ticks.length * secondsPerStep) / 60)) };
}

const rank = (id: string) => {
  const at = (lessonOrder as readonly string[]).indexOf(id);
  return at < 0 ? lessonOrder.length : at;
};

/** Every lesson, in the course's order. */
export const lessons: readonly Lesson[] = Object.entries(files)
  .map(([path, text]) => lessonOf(path.replace(/^.*\/([^/]+)\.scn$/, '$1'), text))
  .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));

export function findLesson(id: string): Lesson | null {
  return lessons.find((lesson) => lesson.id === id) ?? null;
}

/** A lesson's title and summary in the language on screen (its id, should a catalogue lack it). */
export function lessonTitle(m: Messages, id: string): { title: string; summary: string } {
  return (m.lessons.items as Readonly<Record<string, { readonly title: string; readonly summary: string } | undefined>>)[id] ?? { title: id, summary: '' };
}

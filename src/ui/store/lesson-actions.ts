/**
 * The lesson on screen (a scenario with lesson lines, docs/lessons.md) and presenter mode. The
 * worker says which lesson the run opened with ('lesson'); the steps are moved through here:
 * Next plays the run on to the next step and pauses there (the worker's play-until), Previous
 * goes back to the step before. The step on screen is the latest at or before the tick, so
 * scrubbing the timeline moves through the lesson too.
 */
import type { LessonScript } from '../../scenario/index.ts';
import { stepAt } from '../../scenario/index.ts';
import { lessonStepMsMax, lessonTicksPerSecond } from '../lessons/lessons.ts';
import type { AppState, LessonFields } from './app-state.ts';

type SetState = (partial: Partial<AppState> | ((state: AppState) => Partial<AppState>)) => void;
type GetState = () => AppState;

export type LessonActionKey = 'openLesson' | 'lessonNext' | 'lessonPrevious' | 'guess' | 'closeLesson' | 'setPresenter' | 'setBlanked' | 'setMissingLesson';

export const initialLessonFields: LessonFields = { lesson: null, lessonId: null, lessonGuesses: {}, lessonTarget: null, presenter: false, blanked: false, missingLesson: null };

/** The lesson id a lesson being opened will have once the worker has it (the 'lesson' reply). */
export interface LessonConnection {
  pendingLessonId: string | null;
  /** The mark (`mark NAME` in the lesson) to go to once it is open, or null for its start. */
  pendingLessonMark: string | null;
}

export function lessonActions(connection: LessonConnection, set: SetState, get: GetState): Pick<AppState, LessonActionKey> {
  const goTo = (index: number) => {
    const { lesson, timeline } = get();
    const step = lesson?.steps[index];
    if (step === undefined) return;
    if (step.tick > timeline.tick) {
      set({ lessonTarget: index });
      get().playUntil(step.tick, lessonStepMsMax);
    } else {
      set({ lessonTarget: null });
      if (timeline.playing) get().pause();
      get().seek(step.tick);
    }
  };
  return {
    openLesson: ({ id, text, at = null, name = null }) => {
      connection.pendingLessonId = id;
      connection.pendingLessonMark = at;
      set({ lessonTarget: null });
      get().setSpeed(lessonTicksPerSecond);
      get().openScenario(text, { name: name ?? id ?? '', inDialog: false });
    },
    lessonNext: () => {
      const { lesson, timeline, lessonTarget } = get();
      if (lesson === null) return;
      const current = stepAt(lesson, timeline.tick);
      // Next while the run is playing to a step: skip there at once.
      if (timeline.playing && lessonTarget !== null && lessonTarget > current) {
        set({ lessonTarget: null });
        get().pause();
        get().seek(lesson.steps[lessonTarget]!.tick);
        return;
      }
      goTo(current + 1);
    },
    lessonPrevious: () => {
      const { lesson, timeline } = get();
      if (lesson === null) return;
      const current = stepAt(lesson, timeline.tick);
      if (current < 0) return;
      // Past the step's own tick (scrubbed, or still playing to the next): back to this step first.
      const back = timeline.tick > lesson.steps[current]!.tick ? current : Math.max(0, current - 1);
      set({ lessonTarget: null });
      if (timeline.playing) get().pause();
      get().seek(lesson.steps[back]!.tick);
    },
    guess: (step, choice) => set((state) => ({ lessonGuesses: { ...state.lessonGuesses, [step]: choice } })),
    closeLesson: () => set({ lesson: null, lessonId: null, lessonGuesses: {}, lessonTarget: null }),
    setPresenter: (on) => {
      set({ presenter: on, blanked: false });
      // Slow motion by default: a class follows each message.
      if (on && get().timeline.ticksPerSecond > lessonTicksPerSecond) get().setSpeed(lessonTicksPerSecond);
    },
    setBlanked: (on) => set({ blanked: on }),
    setMissingLesson: (id) => set({ missingLesson: id }),
  };
}

/**
 * The worker's 'lesson' reply: the run opened with this lesson, or (no steps) with none. Its
 * annotations came just before, so a mark asked for (openLesson's `at`) is known: the run goes
 * there.
 */
export function lessonArrived(connection: LessonConnection, script: LessonScript, get: GetState): Partial<AppState> {
  const id = connection.pendingLessonId;
  const mark = connection.pendingLessonMark;
  connection.pendingLessonId = null;
  connection.pendingLessonMark = null;
  if (script.steps.length === 0) return { lesson: null, lessonId: null, lessonGuesses: {}, lessonTarget: null };
  const at = mark === null ? undefined : get().annotations.marks.find((candidate) => candidate.name === mark);
  if (at !== undefined) get().seek(at.tick);
  return { lesson: script, lessonId: id, lessonGuesses: {}, lessonTarget: null };
}

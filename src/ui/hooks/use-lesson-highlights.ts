import { stepAt } from '../../scenario/index.ts';
import type { LessonHighlight } from '../../scenario/index.ts';
import { useAppStore } from '../store/store-context.tsx';

const none: readonly LessonHighlight[] = [];

/** What the lesson's step on screen highlights (nodes, log entries); none without a lesson. The same array while the step stays. */
export function useLessonHighlights(): readonly LessonHighlight[] {
  return useAppStore((state) => {
    if (state.lesson === null) return none;
    const index = stepAt(state.lesson, state.timeline.tick);
    return index < 0 ? none : state.lesson.steps[index]!.highlights;
  });
}

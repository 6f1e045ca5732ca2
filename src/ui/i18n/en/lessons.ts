/**
 * Lessons (English, the source catalogue): the lesson list, the caption bar with its questions,
 * and presenter mode. The lessons' titles and summaries are in lesson-titles.ts; the captions
 * are in the lesson files themselves (src/lessons/*.scn), in both languages.
 */
import { makeFormat } from '../format.ts';
import { lessonTitles } from './lesson-titles.ts';

const f = makeFormat('en');

export const lessons = {
  items: lessonTitles,
  /** The header button and the list's heading. */
  open: 'Lessons',
  listIntro: 'Guided runs of the real Raft, with captions and questions. A lesson pauses at each step; Next plays on to the following one. At the end the run stays live to explore.',
  minutes: (minutes: number) => `about ${f.count(minutes)} min`,
  steps: (steps: number) => `${f.count(steps)} ${f.plural(steps, { one: 'step', other: 'steps' })}`,
  close: 'Close',
  unknown: (id: string) => `There is no lesson “${id}”: showing the list of lessons instead.`,
  /** The caption bar. */
  caption: 'Caption',
  fromText: 'Lesson',
  stepOf: (step: number, total: number) => `Step ${f.count(step)} of ${f.count(total)}`,
  notStarted: 'Press Next to begin.',
  playing: 'Playing to the next step…',
  next: 'Next',
  previous: 'Previous',
  end: 'End lesson',
  finished: 'The lesson is over; the run is live.',
  question: {
    label: 'Question',
    choices: 'Choices',
    node: (id: number) => `Node ${id}`,
    freeGuess: 'Your guess',
    submit: 'Guess',
    guessed: (guess: string) => `Your guess: ${guess}. Press Next to play on and see.`,
    noGuess: 'Guess, then press Next to play on and see.',
    right: (answer: string) => `Right: ${answer}.`,
    wrong: (guess: string, answer: string) => `You guessed ${guess}; the answer is ${answer}.`,
    answer: (answer: string) => `The answer: ${answer}.`,
  },
  /** Presenter mode. */
  presenter: 'Presenter mode',
  leavePresenter: 'Leave presenter mode',
  /** The keyboard help's part on lessons. */
  keysTitle: 'Lessons and presenter mode',
  lessonKeys: 'With a lesson open: PageDown, next step · PageUp, previous step.',
  presenterKeys: 'Presenter mode: PageDown, → or Space: next · PageUp or ←: previous · B or .: blank screen · F: full screen · Esc: leave',
  blanked: 'The screen is blank. Press B, . or Esc to show it again.',
};

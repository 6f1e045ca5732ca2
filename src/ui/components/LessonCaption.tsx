/**
 * A lesson's caption bar (the region "Caption"): the step's caption in the language on screen,
 * its question (choices, or a free guess) and, at the step after, the answer; Previous and Next
 * move through the steps (Next plays the run on to the next step, where it pauses). Shown while
 * a lesson is open; in presenter mode it sits large at the bottom of the screen.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { captionOfStep, stepAt } from '../../scenario/index.ts';
import type { LessonQuestion, LessonText } from '../../scenario/index.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import type { Locale } from '../i18n/locale.ts';
import { lessonTitle } from '../lessons/lessons.ts';
import { useAppStore } from '../store/store-context.tsx';
import './lessons.css';

export function inLocale(text: LessonText, locale: Locale): string {
  return locale === 'zh-CN' && text.zh !== null ? text.zh : text.en;
}

export function LessonCaption() {
  const m = useMessages();
  const lesson = useAppStore((state) => state.lesson);
  const lessonId = useAppStore((state) => state.lessonId);
  const tick = useAppStore((state) => state.timeline.tick);
  const playing = useAppStore((state) => state.timeline.playing);
  const target = useAppStore((state) => state.lessonTarget);
  const locale = useAppStore((state) => state.locale);
  const next = useAppStore((state) => state.lessonNext);
  const previous = useAppStore((state) => state.lessonPrevious);
  const close = useAppStore((state) => state.closeLesson);
  if (lesson === null) return null;
  const index = stepAt(lesson, tick);
  const total = lesson.steps.length;
  const caption = index < 0 ? null : captionOfStep(lesson, index);
  const step = index < 0 ? null : lesson.steps[index]!;
  const asked = step?.question ?? null;
  const before = index > 0 ? lesson.steps[index - 1]!.question : null;
  const last = index === total - 1;
  const title = lessonId === null ? m.lessons.fromText : lessonTitle(m, lessonId).title;
  return (
    <section className="lesson-caption" aria-label={m.lessons.caption}>
      <div className="lesson-caption-head">
        <span className="lesson-caption-title">{title}</span>
        {index < 0 ? null : <span className="muted">{m.lessons.stepOf(index + 1, total)}</span>}
        {playing && target !== null ? <span className="muted">{m.lessons.playing}</span> : null}
      </div>
      <p className="lesson-caption-text" aria-live="polite">
        {caption === null ? m.lessons.notStarted : inLocale(caption, locale)}
      </p>
      {asked !== null ? <Question key={index} m={m} step={index} question={asked} locale={locale} /> : null}
      {before !== null && asked === null ? <Answer m={m} step={index - 1} question={before} /> : null}
      {last ? <p className="muted lesson-finished">{m.lessons.finished}</p> : null}
      <div className="lesson-buttons">
        <button type="button" onClick={previous} disabled={index <= 0 && tick <= (lesson.steps[0]?.tick ?? 0)} aria-keyshortcuts="PageUp">
          {m.lessons.previous}
        </button>
        <button type="button" className="primary" onClick={next} disabled={last && !(playing && target !== null)} aria-keyshortcuts="PageDown">
          {m.lessons.next}
        </button>
        <button type="button" onClick={close}>
          {m.lessons.end}
        </button>
      </div>
    </section>
  );
}

/** The choices of a node question: every node of the run. */
function useChoices(m: Messages, question: LessonQuestion): { value: string; label: string }[] {
  const nodes = useAppStore((state) => state.view?.nodes.length ?? 0);
  if (question.choices === 'nodes') return Array.from({ length: nodes }, (_, at) => ({ value: String(at + 1), label: m.lessons.question.node(at + 1) }));
  return (question.choices ?? []).map((choice) => ({ value: choice, label: choice }));
}

function Question({ m, step, question, locale }: { m: Messages; step: number; question: LessonQuestion; locale: Locale }) {
  const guess = useAppStore((state) => state.lessonGuesses[step] ?? null);
  const setGuess = useAppStore((state) => state.guess);
  const choices = useChoices(m, question);
  const [free, setFree] = useState('');
  const shown = question.choices === 'nodes' && guess !== null ? m.lessons.question.node(Number(guess)) : guess;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (free.trim() !== '') setGuess(step, free.trim());
  };
  return (
    <div className="lesson-question" role="group" aria-label={m.lessons.question.label}>
      <p className="lesson-question-text">{inLocale(question.text, locale)}</p>
      {question.choices === null ? (
        <form className="lesson-free" onSubmit={submit}>
          <label>
            {m.lessons.question.freeGuess}
            <input value={free} onChange={(event) => setFree(event.currentTarget.value)} />
          </label>
          <button type="submit">{m.lessons.question.submit}</button>
        </form>
      ) : (
        <div className="lesson-choices" role="group" aria-label={m.lessons.question.choices}>
          {choices.map((choice) => (
            <button key={choice.value} type="button" className="chip" aria-pressed={guess === choice.value} onClick={() => setGuess(step, choice.value)}>
              {choice.label}
            </button>
          ))}
        </div>
      )}
      <p className="muted" aria-live="polite">
        {shown === null ? m.lessons.question.noGuess : m.lessons.question.guessed(shown)}
      </p>
    </div>
  );
}

/** At the step after a question: the answer, as the run shows it, beside the class's guess. */
function Answer({ m, step, question }: { m: Messages; step: number; question: LessonQuestion }) {
  const guess = useAppStore((state) => state.lessonGuesses[step] ?? null);
  const leader = useAppStore((state) => state.view?.nodes.find((node) => node.alive && node.role === 'leader')?.id ?? null);
  const answer = question.answer === 'leader' ? (leader === null ? null : String(leader)) : question.answer;
  if (answer === null) return null;
  const name = (value: string) => (question.choices === 'nodes' ? m.lessons.question.node(Number(value)) : value);
  const text = guess === null ? m.lessons.question.answer(name(answer)) : guess === answer ? m.lessons.question.right(name(answer)) : m.lessons.question.wrong(name(guess), name(answer));
  return (
    <p className={guess === null ? 'lesson-answer' : guess === answer ? 'lesson-answer is-right' : 'lesson-answer is-wrong'} aria-live="polite">
      {text}
    </p>
  );
}

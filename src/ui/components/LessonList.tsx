/**
 * "Lessons": the list of lessons that ship with the app, each a button named by its title, with
 * its summary, its steps and about how long it takes. Choosing one opens it (the run on screen
 * is replaced, as opening a scenario does).
 */
import { useEffect, useId, useRef } from 'react';
import { useMessages } from '../hooks/use-messages.ts';
import { lessons, lessonTitle } from '../lessons/lessons.ts';
import { useAppStore } from '../store/store-context.tsx';
import { DialogButton, ModalFrame } from './DialogButton.tsx';
import './lessons.css';

export function LessonsButton() {
  const m = useMessages();
  return <DialogButton label={m.lessons.open}>{(close) => <LessonListDialog onClose={close} note={null} />}</DialogButton>;
}

export function LessonListDialog({ onClose, note }: { readonly onClose: () => void; readonly note: string | null }) {
  const m = useMessages();
  const id = useId();
  const openLesson = useAppStore((state) => state.openLesson);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <ModalFrame className="lesson-dialog" titleId={`${id}-title`} onClose={onClose}>
        <h2 id={`${id}-title`}>{m.lessons.open}</h2>
        {note === null ? null : (
          <p className="field-warning" role="alert">
            {note}
          </p>
        )}
        <p className="muted">{m.lessons.listIntro}</p>
        <ol className="lesson-list">
          {lessons.map((lesson, index) => {
            const { title, summary } = lessonTitle(m, lesson.id);
            return (
              <li key={lesson.id}>
                <button
                  type="button"
                  ref={index === 0 ? first : undefined}
                  className="lesson-choice"
                  aria-describedby={`${id}-${lesson.id}`}
                  onClick={() => {
                    openLesson({ id: lesson.id, text: lesson.text, name: title });
                    onClose();
                  }}
                >
                  {title}
                </button>
                <p id={`${id}-${lesson.id}`} className="lesson-summary">
                  {summary} <span className="muted">{`${m.lessons.steps(lesson.steps)} · ${m.lessons.minutes(lesson.minutes)}`}</span>
                </p>
              </li>
            );
          })}
        </ol>
        <div className="scenario-dialog-buttons">
          <button type="button" onClick={onClose}>
            {m.lessons.close}
          </button>
        </div>
    </ModalFrame>
  );
}

/** A lesson the address asked for (`?lesson=<id>`) that does not exist: the list, with a note saying so. */
export function MissingLessonNotice() {
  const m = useMessages();
  const missing = useAppStore((state) => state.missingLesson);
  const clear = useAppStore((state) => state.setMissingLesson);
  if (missing === null) return null;
  return <LessonListDialog onClose={() => clear(null)} note={m.lessons.unknown(missing)} />;
}

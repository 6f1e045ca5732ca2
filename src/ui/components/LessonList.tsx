/**
 * "Lessons": the list of lessons that ship with the app, each a button named by its title, with
 * its summary, its steps and about how long it takes. Choosing one opens it (the run on screen
 * is replaced, as opening a scenario does).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../hooks/use-messages.ts';
import { lessons, lessonTitle } from '../lessons/lessons.ts';
import { useAppStore } from '../store/store-context.tsx';
import './lessons.css';

export function LessonsButton() {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button type="button" ref={button} onClick={() => setOpen(true)}>
        {m.lessons.open}
      </button>
      {open ? <LessonListDialog onClose={close} note={null} /> : null}
    </>
  );
}

export function LessonListDialog({ onClose, note }: { readonly onClose: () => void; readonly note: string | null }) {
  const m = useMessages();
  const id = useId();
  const openLesson = useAppStore((state) => state.openLesson);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="help-backdrop" onClick={onClose}>
      <div
        className="help-dialog lesson-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          onClose();
        }}
      >
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
      </div>
    </div>
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

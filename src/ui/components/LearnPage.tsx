/**
 * "Learn": a short guide to Raft in a large dialog, to read beside the running cluster. What Raft
 * solves, roles and terms, the election, replication and commit; the five safety properties of
 * the paper's Figure 3, each with a button that opens the lesson showing it; common
 * misconceptions, each with a "Show me" that opens a lesson at the mark where it shows; and a
 * glossary. The text is the catalogue's area `learn`.
 *
 * The page is modal: while it is open the app's keyboard shortcuts are off (Space, the arrows,
 * Home and End scroll the page and press its buttons as usual), Tab stays inside it, and Escape
 * or Close shut it and give the focus back to the Learn button.
 */
import { useEffect, useId, useRef } from 'react';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import type { lessonOrder } from '../lessons/lessons.ts';
import { findLesson, lessonTitle } from '../lessons/lessons.ts';
import { useAppStore } from '../store/store-context.tsx';
import { DialogButton } from './DialogButton.tsx';
import './learn.css';

type LessonId = (typeof lessonOrder)[number];
type SafetyKey = keyof Messages['learn']['safety']['properties'];
type MisconceptionKey = keyof Messages['learn']['misconceptions']['items'];
type GlossaryKey = keyof Messages['learn']['glossary']['items'];

/** Each safety property of Figure 3, in the paper's order, and the lesson that shows it. */
export const safetyRuns: readonly { readonly key: SafetyKey; readonly id: LessonId }[] = [
  { key: 'electionSafety', id: 'split-vote' },
  { key: 'leaderAppendOnly', id: 'log-replication' },
  { key: 'logMatching', id: 'catch-up' },
  { key: 'leaderCompleteness', id: 'election-restriction' },
  { key: 'stateMachineSafety', id: 'figure-8' },
];

/**
 * Each misconception and the run that shows it: a lesson, opened at its `mark NAME` (`at`), or
 * at its start (null). tests/component/learn-page.test.tsx checks that each lesson has its mark.
 */
export const misconceptionRuns: readonly { readonly key: MisconceptionKey; readonly id: LessonId; readonly at: string | null }[] = [
  { key: 'replicatedNotCommitted', id: 'minority-leader', at: 'replicated-not-committed' },
  { key: 'oldTermEntry', id: 'figure-8', at: 'old-term-entry' },
  { key: 'votedForKept', id: 'persistence', at: 'voted-for-kept' },
  { key: 'twoLeaders', id: 'minority-leader', at: null },
  { key: 'higherTerm', id: 'election-restriction', at: null },
];

/** The glossary's order: from the words of an election to those of the log. */
const glossaryOrder: readonly GlossaryKey[] = [
  'term',
  'currentTerm',
  'votedFor',
  'electionTimeout',
  'heartbeat',
  'splitVote',
  'majority',
  'rpc',
  'logEntry',
  'index',
  'commitIndex',
  'lastApplied',
  'nextIndex',
  'matchIndex',
  'snapshot',
];

type SectionKey = 'problem' | 'roles' | 'election' | 'replication' | 'safety' | 'misconceptions' | 'glossary';
const sectionOrder: readonly SectionKey[] = ['problem', 'roles', 'election', 'replication', 'safety', 'misconceptions', 'glossary'];

/** Glossary words that are Figure 2's field names, shown as code. */
const fieldNames: ReadonlySet<GlossaryKey> = new Set<GlossaryKey>(['currentTerm', 'votedFor', 'commitIndex', 'lastApplied', 'nextIndex', 'matchIndex']);

export function LearnButton() {
  const m = useMessages();
  return <DialogButton label={m.learn.open}>{(close) => <LearnPage onClose={close} />}</DialogButton>;
}

const focusable = 'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

export function LearnPage({ onClose }: { readonly onClose: () => void }) {
  const m = useMessages();
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const openLesson = useAppStore((state) => state.openLesson);
  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  });
  // Start reading at the top: the heading has the focus, so the keys scroll the page at once.
  useEffect(() => title.current?.focus(), []);
  // Keys go to the page only: a capturing listener on window runs before the app's shortcuts
  // (on document) and stops them there; what a key does natively (scroll, press, move focus) stays.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const page = dialog.current;
      if (page === null) return;
      event.stopPropagation();
      if (event.type !== 'keydown') return;
      if (event.key === 'Escape') {
        event.preventDefault();
        latestClose.current();
      } else if (event.key === 'Tab') {
        const items = [...page.querySelectorAll<HTMLElement>(focusable)];
        const first = items[0];
        const last = items[items.length - 1];
        if (first === undefined || last === undefined) return;
        const at = document.activeElement;
        const inside = at instanceof HTMLElement && items.includes(at);
        if (event.shiftKey && (at === first || !inside)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && (at === last || !page.contains(at))) {
          event.preventDefault();
          first.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keyup', onKey, true);
    };
  }, []);

  const run = (lessonId: LessonId, at: string | null | undefined) => {
    const lesson = findLesson(lessonId);
    if (lesson === null) return;
    openLesson(at === undefined ? { id: lessonId, text: lesson.text } : { id: lessonId, text: lesson.text, at });
    onClose();
  };

  const headings: Readonly<Record<SectionKey, string>> = {
    problem: m.learn.problem.heading,
    roles: m.learn.roles.heading,
    election: m.learn.election.heading,
    replication: m.learn.replication.heading,
    safety: m.learn.safety.heading,
    misconceptions: m.learn.misconceptions.heading,
    glossary: m.learn.glossary.heading,
  };
  const headingId = (key: SectionKey) => `${id}-${key}`;
  const heading = (key: SectionKey) => (
    <h3 id={headingId(key)} tabIndex={-1}>
      {headings[key]}
    </h3>
  );
  const goTo = (key: SectionKey) => {
    const target = document.getElementById(headingId(key));
    target?.scrollIntoView?.({ block: 'start' });
    target?.focus({ preventScroll: true });
  };
  const paragraphs = (texts: readonly string[]) => texts.map((text, index) => <p key={index}>{text}</p>);
  const onScreen = (text: string) => (
    <p className="learn-tip">
      <span className="learn-tip-label">{m.learn.onScreen}</span> {text}
    </p>
  );

  return (
    <div className="help-backdrop learn-backdrop" onClick={onClose}>
      <div ref={dialog} className="help-dialog learn-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onClick={(event) => event.stopPropagation()}>
        <div className="learn-head">
          <h2 id={`${id}-title`} ref={title} tabIndex={-1}>
            {m.learn.open}
          </h2>
          <button type="button" onClick={onClose}>
            {m.learn.close}
          </button>
        </div>
        <div className="learn-layout">
          <nav className="learn-contents" aria-label={m.learn.contents}>
            <p className="learn-contents-title" aria-hidden="true">
              {m.learn.contents}
            </p>
            <ol>
              {sectionOrder.map((key) => (
                <li key={key}>
                  <button type="button" className="learn-contents-link" onClick={() => goTo(key)}>
                    {headings[key]}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          <article className="learn-article">
            <p className="learn-intro">{m.learn.intro}</p>

            <section aria-labelledby={headingId('problem')}>
              {heading('problem')}
              {paragraphs(m.learn.problem.text)}
            </section>

            <section aria-labelledby={headingId('roles')}>
              {heading('roles')}
              {paragraphs(m.learn.roles.text)}
              {onScreen(m.learn.roles.onScreen)}
            </section>

            <section aria-labelledby={headingId('election')}>
              {heading('election')}
              {paragraphs(m.learn.election.text)}
              {onScreen(m.learn.election.onScreen)}
            </section>

            <section aria-labelledby={headingId('replication')}>
              {heading('replication')}
              {paragraphs(m.learn.replication.text)}
              {onScreen(m.learn.replication.onScreen)}
            </section>

            <section aria-labelledby={headingId('safety')}>
              {heading('safety')}
              <p>{m.learn.safety.intro}</p>
              <ol className="learn-cards">
                {safetyRuns.map(({ key, id: lessonId }) => {
                  const property = m.learn.safety.properties[key];
                  const lesson = findLesson(lessonId);
                  return (
                    <li key={key} className="learn-card">
                      <h4>{property.name}</h4>
                      <p className="learn-statement">{property.statement}</p>
                      <p>{property.why}</p>
                      <p className="learn-run">
                        <button type="button" disabled={lesson === null} onClick={() => run(lessonId, undefined)}>
                          {m.learn.openLesson(lessonTitle(m, lessonId).title)}
                        </button>
                      </p>
                    </li>
                  );
                })}
              </ol>
            </section>

            <section aria-labelledby={headingId('misconceptions')}>
              {heading('misconceptions')}
              <ul className="learn-cards">
                {misconceptionRuns.map(({ key, id: lessonId, at }) => {
                  const misconception = m.learn.misconceptions.items[key];
                  const lesson = findLesson(lessonId);
                  return (
                    <li key={key} className="learn-card">
                      <h4>{misconception.title}</h4>
                      <p>{misconception.text}</p>
                      <p className="learn-run">
                        <button type="button" disabled={lesson === null} aria-label={m.learn.showMe(misconception.title)} onClick={() => run(lessonId, at)}>
                          {m.learn.showMeText}
                        </button>{' '}
                        <span className="learn-run-lesson">{m.learn.inLesson(lessonTitle(m, lessonId).title)}</span>
                      </p>
                    </li>
                  );
                })}
              </ul>
            </section>

            <section aria-labelledby={headingId('glossary')}>
              {heading('glossary')}
              <dl className="learn-glossary">
                {glossaryOrder.map((key) => {
                  const entry = m.learn.glossary.items[key];
                  return (
                    <div key={key}>
                      <dt>{fieldNames.has(key) ? <code>{entry.term}</code> : entry.term}</dt>
                      <dd>{entry.text}</dd>
                    </div>
                  );
                })}
              </dl>
            </section>
          </article>
        </div>
      </div>
    </div>
  );
}

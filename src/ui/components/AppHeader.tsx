import { useMessages } from '../hooks/use-messages.ts';
import { useAppStore } from '../store/store-context.tsx';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LearnButton } from './LearnPage.tsx';
import { LessonsButton } from './LessonList.tsx';
import { OpenScenarioButton } from './OpenScenario.tsx';
import { RestoreNotice } from './RestoreNotice.tsx';
import { ImportStatusNotices, RunFileButtons } from './RunFileButtons.tsx';

/** The title bar: the lessons, the Learn page and presenter mode, saving, loading and sharing runs, the language, theme and Large type switches, the shortcuts help. */
export function AppHeader() {
  const m = useMessages();
  const theme = useAppStore((state) => state.theme);
  const setTheme = useAppStore((state) => state.setTheme);
  const largeType = useAppStore((state) => state.largeType);
  const setLargeType = useAppStore((state) => state.setLargeType);
  const setHelpOpen = useAppStore((state) => state.setHelpOpen);
  const setPresenter = useAppStore((state) => state.setPresenter);
  return (
    <header className="app-header">
      {/* The name is the same in every language. */}
      <h1>{'Raftlab'}</h1>
      <p className="app-tagline">{m.app.header.tagline}</p>
      <div className="app-header-actions">
        {/* For the classroom first: the lessons, and the projector's presenter mode. */}
        <LessonsButton />
        <LearnButton />
        <button type="button" onClick={() => setPresenter(true)}>
          {m.lessons.presenter}
        </button>
        <RunFileButtons />
        <OpenScenarioButton />
        <CopyLinkButton />
        <LanguageSwitch />
        {/* On a narrow screen these three show a sign instead of their words (their names stay the words). */}
        <button type="button" aria-pressed={largeType} aria-keyshortcuts="G" onClick={() => setLargeType(!largeType)} title={m.app.header.largeTypeHint}>
          <HeaderLabel text={m.app.header.largeType} sign="A+" />
        </button>
        <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-keyshortcuts="T" title={theme === 'dark' ? m.app.header.lightTheme : m.app.header.darkTheme}>
          <HeaderLabel text={theme === 'dark' ? m.app.header.lightTheme : m.app.header.darkTheme} sign="◐" />
        </button>
        <button type="button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?" title={m.app.header.shortcuts}>
          <HeaderLabel text={m.app.header.shortcuts} sign="?" />
        </button>
        <ImportStatusNotices />
        <RestoreNotice />
      </div>
    </header>
  );
}

/**
 * A header button's words, or on a narrow screen a sign in their place (styles.css): the words
 * stay in the button, visually hidden, so its name is the same at every width.
 */
function HeaderLabel({ text, sign }: { text: string; sign: string }) {
  return (
    <>
      <span className="header-words">{text}</span>
      <span className="header-sign" aria-hidden="true">
        {sign}
      </span>
    </>
  );
}

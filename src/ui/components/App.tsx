import { useAppShortcuts } from '../hooks/use-app-shortcuts.ts';
import { useDocumentTheme } from '../hooks/use-document-theme.ts';
import { useFrameLoop } from '../hooks/use-frame-loop.ts';
import { useLessonKeys } from '../hooks/use-lesson-keys.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { usePointerIdle } from '../hooks/use-pointer-idle.ts';
import { useAppStore, useAppStoreApi } from '../store/store-context.tsx';
import { ActConfirm } from './ActConfirm.tsx';
import { ActionsPanel } from './ActionsPanel.tsx';
import { AppHeader } from './AppHeader.tsx';
import { BranchesPanel } from './BranchesPanel.tsx';
import { BreakpointsPanel } from './BreakpointsPanel.tsx';
import { ClusterPanel } from './ClusterPanel.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { EventsPanel } from './EventsPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { FuzzPanel } from './FuzzPanel.tsx';
import { Figure2Panel } from './Figure2Panel.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { LessonCaption } from './LessonCaption.tsx';
import { MissingLessonNotice } from './LessonList.tsx';
import { PresenterBar } from './PresenterBar.tsx';
import { LogPanel } from './LogPanel.tsx';
import { PlaybackArea } from './PlaybackArea.tsx';
import { ScenarioCaption, ScenarioPanel } from './ScenarioPanel.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { SpaceTimeDiagram } from './SpaceTimeDiagram.tsx';
import { TermTape } from './TermTape.tsx';
import { WhyPanel } from './WhyPanel.tsx';

/**
 * The whole screen. The stage (the cluster and, under it, the logs) and the side (the selected
 * node or message, actions, breakpoints, branches, the space-time diagram, export for slides, events, settings) sit side by side on wide screens, each scrolling
 * inside; very wide screens split the side in two; narrow ones (or high zoom) stack everything
 * and let the page scroll (styles.css). Each panel subscribes to the state it draws, so a frame
 * re-renders only what changed.
 */
export function App() {
  useFrameLoop();
  useAppShortcuts();
  useDocumentTheme();
  const m = useMessages();
  const store = useAppStoreApi();
  useLessonKeys(store.getState);
  const helpOpen = useAppStore((state) => state.helpOpen);
  const setHelpOpen = useAppStore((state) => state.setHelpOpen);
  const presenter = useAppStore((state) => state.presenter);
  const blanked = useAppStore((state) => state.blanked);
  // Presenter mode: the controls stay hidden until the pointer moves.
  const idle = usePointerIdle(presenter);
  return (
    <div className={presenter ? `app is-presenter${idle ? ' is-idle' : ''}` : 'app'}>
      {presenter ? (
        // Over the top of the cluster, fading while the pointer is still: the cluster keeps the whole screen.
        <div className="presenter-chrome">
          <PresenterBar />
          <PlaybackArea />
        </div>
      ) : (
        <>
          <AppHeader />
          <PlaybackArea />
        </>
      )}
      <main className="app-main">
        <div className="app-stage">
          {/* The whole run at a glance, just under the timeline (taking none of the side column's height), and a scenario's caption. */}
          <div className="app-stage-top">
            <TermTape />
            <ScenarioCaption />
            <LessonCaption />
          </div>
          <ClusterPanel />
          <LogPanel />
        </div>
        <div className="app-side">
          <div className="app-side-details">
            <ScenarioPanel />
            <DetailsPanel />
            <WhyPanel />
            <ActionsPanel />
            <BreakpointsPanel />
            <BranchesPanel />
          </div>
          <div className="app-side-history">
            <SpaceTimeDiagram />
            <ExportPanel />
            <FuzzPanel />
            <EventsPanel />
            <Figure2Panel />
            <SettingsSection />
          </div>
        </div>
      </main>
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
      <MissingLessonNotice />
      {/* Presenter mode's blank screen (B or '.'): nothing on it but a way back. */}
      {blanked ? (
        <div className="presenter-blank" role="status" onClick={() => store.getState().setBlanked(false)}>
          <span className="visually-hidden">{m.lessons.blanked}</span>
        </div>
      ) : null}
      {/* Every way of acting may ask first (acting in the past with no branch place left), wherever it was taken from. */}
      <ActConfirm />
    </div>
  );
}

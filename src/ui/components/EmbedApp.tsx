import { useAppShortcuts } from '../hooks/use-app-shortcuts.ts';
import { useDocumentTheme } from '../hooks/use-document-theme.ts';
import { useFrameLoop } from '../hooks/use-frame-loop.ts';
import { useLessonKeys } from '../hooks/use-lesson-keys.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useAppStore, useAppStoreApi } from '../store/store-context.tsx';
import type { EmbedPanel } from '../view-options.ts';
import { ActConfirm } from './ActConfirm.tsx';
import { ActionsPanel } from './ActionsPanel.tsx';
import { ClusterPanel } from './ClusterPanel.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { EventsPanel } from './EventsPanel.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { LessonCaption } from './LessonCaption.tsx';
import { LogPanel } from './LogPanel.tsx';
import { PlaybackArea } from './PlaybackArea.tsx';
import '../embed.css';

export interface EmbedAppProps {
  /** The panels the address asked for, in layout order (view-options.ts). */
  readonly panels: readonly EmbedPanel[];
  /** The full app's address, with the same options (the "Open in Raftlab" link). */
  readonly fullAppHref: string;
}

/**
 * The embedded view (?embed=1), for an iframe in a course page: the cluster filling the frame,
 * with only the panels the address asked for beside it (or under it, in a narrow frame), and a
 * link to the full app, and a lesson's caption bar when the address opens one. No header, no
 * settings: the page around it is the teacher's.
 */
export function EmbedApp({ panels, fullAppHref }: EmbedAppProps) {
  useFrameLoop();
  useAppShortcuts();
  useDocumentTheme();
  useLessonKeys(useAppStoreApi().getState);
  const m = useMessages();
  const helpOpen = useAppStore((state) => state.helpOpen);
  const setHelpOpen = useAppStore((state) => state.setHelpOpen);
  const shows = (panel: EmbedPanel) => panels.includes(panel);
  const side = panels.filter((panel) => panel !== 'controls' && panel !== 'status' && panel !== 'log');
  return (
    <div className="app app--embed">
      <div className="embed-top">
        <PlaybackArea status={shows('status')} controls={shows('controls')} />
        <a className="embed-open" href={fullAppHref} target="_blank" rel="noopener" title={m.embed.openFullHint}>
          {m.embed.openFull}
        </a>
      </div>
      <main className={side.length > 0 ? 'embed-main embed-main--side' : 'embed-main'}>
        <div className="embed-stage">
          {/* A lesson (?lesson=<id>) plays in a course page's frame too. */}
          <LessonCaption />
          <ClusterPanel />
          {shows('log') && <LogPanel />}
        </div>
        {side.length > 0 && (
          <div className="embed-side">
            {shows('inspector') && <DetailsPanel />}
            {shows('actions') && <ActionsPanel />}
            {shows('events') && <EventsPanel />}
          </div>
        )}
      </main>
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
      <ActConfirm />
    </div>
  );
}

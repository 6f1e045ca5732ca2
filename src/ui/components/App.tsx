import { useCallback, useMemo, useRef, useState } from 'react';
import type { NodeId, Tick } from '../../core/index.ts';
import { useAppShortcuts } from '../hooks/use-app-shortcuts.ts';
import { useDocumentTheme } from '../hooks/use-document-theme.ts';
import { useElementWidth } from '../hooks/use-element-width.ts';
import { useFrameLoop } from '../hooks/use-frame-loop.ts';
import { useSmoothTick } from '../hooks/use-smooth-tick.ts';
import { useThrottledValue } from '../hooks/use-throttled-value.ts';
import { logWindowCount } from '../store/store.ts';
import { useAppStore } from '../store/store-context.tsx';
import { AppHeader } from './AppHeader.tsx';
import { ClientPanel } from './ClientPanel.tsx';
import { ClusterGraph } from './ClusterGraph.tsx';
import { EventLog } from './EventLog.tsx';
import { FaultPanel } from './FaultPanel.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { LoadControl } from './LoadControl.tsx';
import { LogTable } from './LogTable.tsx';
import { MessageDetails } from './MessageDetails.tsx';
import { NodeInspector } from './NodeInspector.tsx';
import { PlaybackArea } from './PlaybackArea.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';

/** The whole screen: status and playback on top, the cluster and its logs left, details right. */
export function App() {
  useFrameLoop();
  useAppShortcuts();
  useDocumentTheme();
  const helpOpen = useAppStore((state) => state.helpOpen);
  const setHelpOpen = useAppStore((state) => state.setHelpOpen);
  return (
    <div className="app">
      <AppHeader />
      <PlaybackArea />
      <main className="app-main">
        <div className="app-column">
          <ClusterPanel />
          <LogPanel />
        </div>
        <div className="app-column">
          <DetailsPanel />
          <ActionsPanel />
          <EventsPanel />
          <SettingsSection />
        </div>
      </main>
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

function ClusterPanel() {
  const view = useAppStore((state) => state.view);
  const timeline = useAppStore((state) => state.timeline);
  const selectedNode = useAppStore((state) => state.selectedNode);
  const selectedMessage = useAppStore((state) => state.selectedMessage);
  const selectNode = useAppStore((state) => state.selectNode);
  const selectMessage = useAppStore((state) => state.selectMessage);
  const tick = useSmoothTick(timeline);
  const onSelectNode = useCallback((id: NodeId) => selectNode(selectedNode === id ? null : id), [selectNode, selectedNode]);
  const onSelectMessage = useCallback((id: number) => selectMessage(id), [selectMessage]);
  return (
    <section className="panel cluster-panel" aria-label="Cluster view">
      {view === null ? (
        <p>Starting the simulation…</p>
      ) : (
        <ClusterGraph
          view={view}
          tick={tick}
          selectedNode={selectedNode}
          selectedMessage={selectedMessage}
          onSelectNode={onSelectNode}
          onSelectMessage={onSelectMessage}
        />
      )}
    </section>
  );
}

/** Width of the node and state columns of the log table, and of one entry column, in CSS px. */
const logLabelsWidth = 330;
const logColumnWidth = 58;

/** How many entry columns fit a log panel `width` px wide: at least 4, at most the window sent. */
export function logColumnsThatFit(width: number): number {
  return Math.min(logWindowCount, Math.max(4, Math.floor((width - logLabelsWidth) / logColumnWidth)));
}

/** Above this speed the detail panels refresh a few times a second rather than every frame. */
const fastPlaybackTicksPerSecond = 300;

function LogPanel() {
  const fast = useAppStore((state) => state.timeline.playing && state.timeline.ticksPerSecond > fastPlaybackTicksPerSecond);
  const view = useThrottledValue(
    useAppStore((state) => state.view),
    { intervalMs: 200, throttle: fast },
  );
  const logFrom = useAppStore((state) => state.logFrom);
  const setLogFrom = useAppStore((state) => state.setLogFrom);
  const slot = useRef<HTMLElement>(null);
  // Show only the columns that fit: no sideways scrolling to find the newest entries.
  const width = useElementWidth(slot, 800);
  const count = logColumnsThatFit(width);
  if (view === null) return <section ref={slot} className="app-slot" aria-label="Log view" />;
  const longest = Math.max(...view.nodes.map((node) => node.log.lastIndex));
  // logFrom 0 follows the end of the log (one empty column after it shows where the next goes).
  const tailFrom = Math.max(1, longest - count + 2);
  const from = logFrom >= 1 ? logFrom : tailFrom;
  return (
    <section ref={slot} className="app-slot" aria-label="Log view">
      <LogTable view={view} from={from} count={count} onScroll={(next) => setLogFrom(next >= tailFrom ? 0 : next)} />
    </section>
  );
}

function DetailsPanel() {
  const view = useAppStore((state) => state.view);
  const selectedNode = useAppStore((state) => state.selectedNode);
  const selectedMessage = useAppStore((state) => state.selectedMessage);
  const act = useAppStore((state) => state.act);
  if (view === null) return null;
  const node = selectedNode === null ? undefined : view.nodes.find((candidate) => candidate.id === selectedNode);
  const message = selectedMessage === null ? undefined : view.inFlight.find((candidate) => candidate.id === selectedMessage);
  return (
    <section className="app-slot" aria-label="Inspector">
      {node !== undefined ? (
        <NodeInspector
          node={node}
          view={view}
          onCrash={(id) => act({ type: 'crash', node: id })}
          onRestart={(id) => act({ type: 'restart', node: id })}
          onIsolate={(id) => act({ type: 'isolate', node: id })}
        />
      ) : message !== undefined ? (
        <MessageDetails message={message} tick={view.tick} />
      ) : (
        <div className="panel">
          <h2>Inspector</h2>
          <p className="hint">
            Click a node (or press 1–{Math.min(view.nodes.length, 9)}) to see its state and crash or restart it; click a
            message in flight to see its fields.
          </p>
        </div>
      )}
    </section>
  );
}

function ActionsPanel() {
  const view = useAppStore((state) => state.view);
  const lastOutcome = useAppStore((state) => state.lastOutcome);
  const act = useAppStore((state) => state.act);
  if (view === null) return null;
  const nodeIds = view.nodes.map((node) => node.id);
  return (
    <section className="app-slot actions-panel" aria-label="Client and faults">
      <ClientPanel nodeIds={nodeIds} onSubmit={act} outcome={lastOutcome} />
      <LoadControl workload={view.workload} onAct={act} />
      <FaultPanel nodeIds={nodeIds} partition={view.partition} cutLinks={view.cutLinks} onAct={act} />
    </section>
  );
}

function EventsPanel() {
  const view = useAppStore((state) => state.view);
  const events = useAppStore((state) => state.events);
  const seek = useAppStore((state) => state.seek);
  const filter = useAppStore((state) => state.eventFilter);
  const setFilter = useAppStore((state) => state.setEventFilter);
  const tick = useAppStore((state) => state.timeline.tick);
  const fast = useAppStore((state) => state.timeline.playing && state.timeline.ticksPerSecond > fastPlaybackTicksPerSecond);
  // After stepping back, hide the events of the future the user left.
  const shown = useThrottledValue(useVisibleEvents(events, tick), { intervalMs: 500, throttle: fast });
  if (view === null) return null;
  return (
    <section className="app-slot events-panel" aria-label="Events">
      <EventLog events={shown} nodeIds={view.nodes.map((node) => node.id)} onSeek={seek} filter={filter} onFilterChange={setFilter} />
    </section>
  );
}

function useVisibleEvents<T extends { tick: Tick }>(events: readonly T[], tick: Tick): readonly T[] {
  return useMemo(() => {
    const last = events.at(-1);
    return last === undefined || last.tick <= tick ? events : events.filter((event) => event.tick <= tick);
  }, [events, tick]);
}

function SettingsSection() {
  const view = useAppStore((state) => state.view);
  const runOptions = useAppStore((state) => state.runOptions);
  const act = useAppStore((state) => state.act);
  const reset = useAppStore((state) => state.reset);
  const [generation, setGeneration] = useState(0);
  if (view === null) return null;
  return (
    <details className="panel settings-panel">
      <summary>
        <h2>Settings</h2>
      </summary>
      <SettingsPanel
        key={generation}
        network={view.network}
        raft={view.raft}
        nodeCount={view.nodes.length}
        seed={runOptions.seed ?? view.seed}
        onAct={act}
        onReset={(options) => {
          reset(options);
          setGeneration((value) => value + 1);
        }}
      />
    </details>
  );
}

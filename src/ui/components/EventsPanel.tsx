import { useMemo } from 'react';
import { useEventsOnScreen } from '../hooks/use-events-on-screen.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { idsFromKey, presentIdsKey } from '../present-nodes.ts';
import { useAppStore } from '../store/store-context.tsx';
import { CompareControls } from './CompareControls.tsx';
import { EventLog } from './EventLog.tsx';
import { JumpControls } from './JumpControls.tsx';
import './panels.css';

/** The explained event log, filtered, clickable to seek; it follows the current tick. */
export function EventsPanel() {
  const m = useMessages();
  const idsKey = useAppStore((state) => presentIdsKey(state.view));
  const seek = useAppStore((state) => state.seek);
  const filter = useAppStore((state) => state.eventFilter);
  const setFilter = useAppStore((state) => state.setEventFilter);
  const shown = useEventsOnScreen();
  const nodeIds = useMemo(() => idsFromKey(idsKey), [idsKey]);
  if (nodeIds.length === 0) return null;
  return (
    <section className="app-slot events-panel" aria-label={m.events.panel}>
      {/* Moving through the run by what happened, and comparing it with a changed one. */}
      <div className="panel events-tools">
        <JumpControls node={filter.node} />
        <CompareControls />
      </div>
      <EventLog events={shown} nodeIds={nodeIds} onSeek={seek} filter={filter} onFilterChange={setFilter} />
    </section>
  );
}

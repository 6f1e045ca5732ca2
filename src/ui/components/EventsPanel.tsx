import { useMemo } from 'react';
import type { Tick } from '../../core/index.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useThrottledValue } from '../hooks/use-throttled-value.ts';
import { fastPlaybackTicksPerSecond } from '../speed.ts';
import { useAppStore } from '../store/store-context.tsx';
import { EventLog } from './EventLog.tsx';
import './panels.css';
import { CompareControls } from './CompareControls.tsx';
import { JumpControls } from './JumpControls.tsx';

/** The explained event log, filtered, clickable to seek; it follows the current tick. */
export function EventsPanel() {
  const m = useMessages();
  const nodeCount = useAppStore((state) => state.view?.nodes.length ?? 0);
  const events = useAppStore((state) => state.events);
  const seek = useAppStore((state) => state.seek);
  const filter = useAppStore((state) => state.eventFilter);
  const setFilter = useAppStore((state) => state.setEventFilter);
  const tick = useAppStore((state) => state.timeline.tick);
  const fast = useAppStore((state) => state.timeline.playing && state.timeline.ticksPerSecond > fastPlaybackTicksPerSecond);
  // After stepping back, hide the events of the future the user left.
  const shown = useThrottledValue(useVisibleEvents(events, tick), { intervalMs: 500, throttle: fast });
  const nodeIds = useMemo(() => Array.from({ length: nodeCount }, (_, index) => index + 1), [nodeCount]);
  if (nodeCount === 0) return null;
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

function useVisibleEvents<T extends { tick: Tick }>(events: readonly T[], tick: Tick): readonly T[] {
  return useMemo(() => {
    const last = events.at(-1);
    return last === undefined || last.tick <= tick ? events : events.filter((event) => event.tick <= tick);
  }, [events, tick]);
}

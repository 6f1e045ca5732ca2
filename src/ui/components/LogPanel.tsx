import { useRef } from 'react';
import { useLessonHighlights } from '../hooks/use-lesson-highlights.ts';
import { useElementWidth } from '../hooks/use-element-width.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useThrottledValue } from '../hooks/use-throttled-value.ts';
import { fastPlaybackTicksPerSecond } from '../speed.ts';
import { rootFontPxFor } from '../type-scale.ts';
import { logWindowCount } from '../store/store.ts';
import { useAppStore } from '../store/store-context.tsx';
import { LogTable, logLayout } from './LogTable.tsx';

/**
 * How many entry columns fit a log panel `width` px wide with the table's fixed column widths
 * (LogTable's logLayout, in ems of `emPx`): at least 4, at most the window sent.
 */
export function logColumnsThatFit(width: number, emPx = 18): number {
  const labels = (logLayout.nodeColumnEms + logLayout.stateColumnEms + logLayout.slackEms) * emPx;
  const column = (logLayout.entryColumnEms + logLayout.spacingEms) * emPx;
  return Math.min(logWindowCount, Math.max(4, Math.floor((width - labels) / column + 1e-9)));
}

/** Every node's log side by side, following the newest entries unless the user scrolled it. */
export function LogPanel() {
  const m = useMessages();
  const fast = useAppStore((state) => state.timeline.playing && state.timeline.ticksPerSecond > fastPlaybackTicksPerSecond);
  const view = useThrottledValue(
    useAppStore((state) => state.view),
    { intervalMs: 200, throttle: fast },
  );
  const logFrom = useAppStore((state) => state.logFrom);
  const setLogFrom = useAppStore((state) => state.setLogFrom);
  const largeType = useAppStore((state) => state.largeType);
  const highlighted = useLessonHighlights();
  const slot = useRef<HTMLElement>(null);
  // Show only the columns that fit: no sideways scrolling to find the newest entries.
  const width = useElementWidth(slot, 800);
  const count = logColumnsThatFit(width, rootFontPxFor(largeType));
  if (view === null) return <section ref={slot} className="app-slot log-slot" aria-label={m.log.panel} />;
  const longest = Math.max(...view.nodes.map((node) => node.log.lastIndex));
  // logFrom 0 follows the end of the log (one empty column after it shows where the next goes).
  const tailFrom = Math.max(1, longest - count + 2);
  const from = logFrom >= 1 ? logFrom : tailFrom;
  return (
    <section ref={slot} className="app-slot log-slot" aria-label={m.log.panel}>
      <LogTable m={m} view={view} from={from} count={count} onScroll={(next) => setLogFrom(next >= tailFrom ? 0 : next)} highlighted={highlighted} />
    </section>
  );
}

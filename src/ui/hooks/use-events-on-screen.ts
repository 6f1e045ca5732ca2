import { useMemo } from 'react';
import type { SimEvent } from '../../core/index.ts';
import { fastPlaybackTicksPerSecond } from '../speed.ts';
import { useAppStore } from '../store/store-context.tsx';
import { useThrottledValue } from './use-throttled-value.ts';

/**
 * The recent events up to the tick on screen, as the event log, the Why? panel and Figure 2 show
 * them: after stepping back, the events of the future the user left do not count; during fast
 * playback the list refreshes a few times a second, so the cluster view keeps its frame rate.
 */
export function useEventsOnScreen(): readonly SimEvent[] {
  const events = useAppStore((state) => state.events);
  const tick = useAppStore((state) => state.timeline.tick);
  const fast = useAppStore((state) => state.timeline.playing && state.timeline.ticksPerSecond > fastPlaybackTicksPerSecond);
  const visible = useMemo(() => {
    const last = events.at(-1);
    return last === undefined || last.tick <= tick ? events : events.filter((event) => event.tick <= tick);
  }, [events, tick]);
  return useThrottledValue(visible, { intervalMs: 500, throttle: fast });
}

import { useEffect, useState } from 'react';
import type { TimelineState } from '../../protocol/worker-protocol.ts';

/**
 * A fractional tick for drawing: at slow speeds frames arrive less often than the screen
 * refreshes, so messages would jump; between frames this advances the tick at the playback speed,
 * never past the next whole tick (the worker's next frame takes over from there).
 */
export function useSmoothTick(timeline: TimelineState): number {
  const { tick, playing, ticksPerSecond } = timeline;
  const [fraction, setFraction] = useState(0);
  const animate = playing && ticksPerSecond < 120;
  useEffect(() => {
    setFraction(0);
    if (!animate) return undefined;
    const start = performance.now();
    let handle = requestAnimationFrame(function frame(now) {
      setFraction(Math.min(0.999, ((now - start) * ticksPerSecond) / 1000));
      handle = requestAnimationFrame(frame);
    });
    return () => cancelAnimationFrame(handle);
  }, [tick, animate, ticksPerSecond]);
  return animate ? tick + fraction : tick;
}

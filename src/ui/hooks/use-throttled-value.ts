import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once every `intervalMs` while `throttle` is on. At high playback
 * speeds the detail panels (event log, logs) change every frame faster than anyone can read, and
 * re-laying them out each frame costs the cluster view its frame rate; they refresh a few times a
 * second instead. With `throttle` off (paused, slow playback) the value passes straight through.
 */
export function useThrottledValue<T>(value: T, options: { intervalMs: number; throttle: boolean }): T {
  const [shown, setShown] = useState(value);
  const lastUpdate = useRef(0);
  const { intervalMs, throttle } = options;
  useEffect(() => {
    if (!throttle) {
      lastUpdate.current = performance.now();
      setShown(value);
      return undefined;
    }
    const wait = lastUpdate.current + intervalMs - performance.now();
    const timer = setTimeout(
      () => {
        lastUpdate.current = performance.now();
        setShown(value);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [value, intervalMs, throttle]);
  return throttle ? shown : value;
}

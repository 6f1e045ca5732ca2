import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once every `intervalMs` while `throttle` is on. At high playback
 * speeds the detail panels (event log, logs) change every frame faster than anyone can read, and
 * re-laying them out each frame costs the cluster view its frame rate; they refresh a few times a
 * second instead. With `throttle` off (paused, slow playback) the value passes straight through.
 *
 * Unthrottled, no state is set at all: mirroring every new value into state from an effect made
 * each frame's commit schedule another render, and when frames came fast enough (a busy machine)
 * those renders chained past React's limit ("Maximum update depth exceeded" in development).
 */
export function useThrottledValue<T>(value: T, options: { intervalMs: number; throttle: boolean }): T {
  const { intervalMs, throttle } = options;
  const [held, setHeld] = useState(value);
  const [wasThrottled, setWasThrottled] = useState(throttle);
  const lastUpdate = useRef(0);
  if (throttle !== wasThrottled) {
    // Throttling starts from the value shown now (React's pattern for adjusting state to a prop change).
    setWasThrottled(throttle);
    if (throttle) setHeld(value);
  }
  useEffect(() => {
    if (throttle) lastUpdate.current = performance.now();
  }, [throttle]);
  useEffect(() => {
    if (!throttle) return undefined;
    const wait = lastUpdate.current + intervalMs - performance.now();
    const timer = setTimeout(
      () => {
        lastUpdate.current = performance.now();
        setHeld(value);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [value, intervalMs, throttle]);
  return throttle ? held : value;
}

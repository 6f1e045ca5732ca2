import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

/**
 * Smooth motion between the worker's frames without re-rendering React: at slow speeds a frame
 * (and so a render) comes only every few hundred milliseconds, so things drawn at the frame's
 * tick would jump. While `ticksPerSecond` is set, this runs an animation loop that calls `paint`
 * with a fractional tick (the frame's tick plus the time since it arrived, at the playback speed,
 * never reaching the next whole tick, which the next frame brings). `paint` writes attributes
 * straight into the DOM under `root`; React's next render replaces them.
 *
 * With ticksPerSecond null (paused, fast, or the user asked for reduced motion) nothing runs and
 * the drawing stays exactly at the frame's tick.
 */
export function useSmoothMotion(
  root: RefObject<Element | null>,
  tick: number,
  ticksPerSecond: number | null,
  paint: (element: Element, tick: number) => void,
): void {
  const paintRef = useRef(paint);
  useLayoutEffect(() => {
    paintRef.current = paint;
  }, [paint]);
  useEffect(() => {
    const element = root.current;
    if (element === null) return undefined;
    if (ticksPerSecond === null || typeof requestAnimationFrame === 'undefined') {
      // Exactly at the frame's tick: a pause shows the state at that tick, not a glide past it.
      paintRef.current(element, tick);
      return undefined;
    }
    const start = performance.now();
    let handle = requestAnimationFrame(function frame(now) {
      const fraction = Math.min(0.999, ((now - start) * ticksPerSecond) / 1000);
      paintRef.current(element, tick + fraction);
      handle = requestAnimationFrame(frame);
    });
    return () => cancelAnimationFrame(handle);
  }, [root, tick, ticksPerSecond]);
}

/** Whether the user asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

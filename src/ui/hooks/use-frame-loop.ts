/**
 * Playback: while the timeline plays and the page is visible, each animation frame asks the
 * worker to advance by the wall time that passed (the worker turns it into ticks at the current
 * speed). The app drives time and the worker only answers, so a hidden tab (no animation frames)
 * or a pause stops the simulation with no timer to clean up.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore, useAppStoreApi } from '../store/store-context.tsx';

/**
 * Most wall time one frame may claim. After a stall (a debugger, a busy main thread) playback
 * resumes where it was instead of leaping ahead by the whole stall.
 */
export const frameElapsedMsMax = 100;

export interface FrameLoopHost {
  requestAnimationFrame(callback: (now: number) => void): number;
  cancelAnimationFrame(handle: number): void;
}

/**
 * Starts posting frames through `requestFrame`; returns the function that stops it.
 *
 * `requestFrame` refuses while the previous frame awaits its reply (the store's backpressure).
 * The time of a refused animation frame is not lost: it is owed to the next frame sent, up to
 * frameElapsedMsMax, so playback keeps its speed when a reply takes two animation frames.
 */
export function startFrameLoop(requestFrame: (elapsedMs: number) => boolean, host: FrameLoopHost = window): () => void {
  let handle = 0;
  let previous: number | null = null;
  let owedMs = 0;
  let stopped = false;
  const onAnimationFrame = (now: number): void => {
    if (stopped) return;
    if (previous !== null) owedMs = Math.min(frameElapsedMsMax, owedMs + Math.max(0, now - previous));
    previous = now;
    if (owedMs > 0 && requestFrame(owedMs)) owedMs = 0;
    handle = host.requestAnimationFrame(onAnimationFrame);
  };
  handle = host.requestAnimationFrame(onAnimationFrame);
  return () => {
    stopped = true;
    host.cancelAnimationFrame(handle);
  };
}

function subscribeToVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

function pageVisible(): boolean {
  return document.visibilityState !== 'hidden';
}

/** Runs the frame loop while the timeline plays and the page is visible. Mount it once, near the root. */
export function useFrameLoop(): void {
  const store = useAppStoreApi();
  const playing = useAppStore((state) => state.timeline.playing);
  const visible = useSyncExternalStore(subscribeToVisibility, pageVisible, () => true);
  useEffect(() => {
    if (!playing || !visible) return undefined;
    return startFrameLoop(store.requestFrame);
  }, [playing, visible, store]);
}

/**
 * The keys of lessons and presenter mode, before the app's own shortcuts (a capturing listener,
 * which marks a key it takes as handled, so useShortcuts leaves it alone).
 *
 * With a lesson open: PageDown next step, PageUp previous, in any mode. In presenter mode also:
 * →, Space and PageDown next; ← and PageUp previous; B or '.' blank the screen (what presentation
 * remotes send for "black screen"); F full screen; Esc shows a blanked screen again, or leaves
 * presenter mode. Keys typed into a field (a free guess) stay the field's.
 */
import { useEffect, useRef } from 'react';
import type { AppState } from '../store/app-state.ts';
import { targetOwnsKey } from './shortcuts.ts';

export type LessonKeyCommand = 'next' | 'previous' | 'blank' | 'fullscreen' | 'escape';

/** What a key does, given whether a lesson is open and presenter mode is on; null: not ours. */
export function lessonKeyCommand(key: string, lessonOpen: boolean, presenter: boolean): LessonKeyCommand | null {
  if (lessonOpen && key === 'PageDown') return 'next';
  if (lessonOpen && key === 'PageUp') return 'previous';
  if (!presenter) return null;
  if (lessonOpen && (key === ' ' || key === 'ArrowRight')) return 'next';
  if (lessonOpen && key === 'ArrowLeft') return 'previous';
  if (key === 'b' || key === 'B' || key === '.') return 'blank';
  if (key === 'f' || key === 'F') return 'fullscreen';
  if (key === 'Escape') return 'escape';
  return null;
}

function toggleFullscreen(): void {
  if (typeof document.fullscreenElement === 'undefined') return;
  if (document.fullscreenElement === null) void document.documentElement.requestFullscreen?.().catch(() => undefined);
  else void document.exitFullscreen().catch(() => undefined);
}

export function useLessonKeys(state: () => AppState): void {
  const read = useRef(state);
  useEffect(() => {
    read.current = state;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (targetOwnsKey(event.target, event.key)) return;
      const now = read.current();
      const command = lessonKeyCommand(event.key, now.lesson !== null, now.presenter);
      if (command === null) return;
      // Space on a focused button would press it as well.
      event.preventDefault();
      switch (command) {
        case 'next':
          now.lessonNext();
          break;
        case 'previous':
          now.lessonPrevious();
          break;
        case 'blank':
          now.setBlanked(!now.blanked);
          break;
        case 'fullscreen':
          toggleFullscreen();
          break;
        case 'escape':
          if (now.blanked) now.setBlanked(false);
          else now.setPresenter(false);
          break;
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}

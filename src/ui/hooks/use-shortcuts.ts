import { useEffect, useRef } from 'react';
import type { ShortcutCommand } from './shortcuts.ts';
import { commandForKey, targetOwnsKey } from './shortcuts.ts';

/**
 * Listens for the app's keyboard shortcuts on the whole document. Space always means play/pause,
 * even when a button has focus: its native activation (on key-up) is suppressed so it does not
 * also press the focused button.
 */
export function useShortcuts(handler: (command: ShortcutCommand, key: string) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (targetOwnsKey(event.target, event.key)) return;
      const command = commandForKey(event.key);
      if (command === null) return;
      // Enter/Space on a focused control stay native, except Space, which is play/pause.
      const onButton = event.target instanceof HTMLElement && (event.target.tagName === 'BUTTON' || event.target.getAttribute('role') === 'button');
      if (onButton && event.key === 'Enter') return;
      event.preventDefault();
      latest.current(command, event.key);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ' && !targetOwnsKey(event.target, ' ')) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('keyup', onKeyUp);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('keyup', onKeyUp);
    };
  }, []);
}

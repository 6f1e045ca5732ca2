/**
 * Acting before the end of the timeline keeps the future as a branch; only when every branch
 * place is taken does it discard the ticks after the current one. The store holds such an action
 * (pendingAct) until the user answers here, so every way of acting asks: buttons, forms and
 * keyboard shortcuts alike.
 */
import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { Tick } from '../../core/index.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { useAppStore } from '../store/store-context.tsx';
import './panels.css';

export function ActConfirm() {
  const isAsking = useAppStore((state) => state.pendingAct !== null);
  // On the page itself: the panels contain their painting, which would clip a fixed overlay.
  return isAsking ? createPortal(<ActConfirmDialog />, document.body) : null;
}

/** "This discards ticks 1,000–2,966." */
export function discardText(m: Messages, tick: Tick, maxTick: Tick): string {
  if (tick >= maxTick) return m.app.actConfirm.nothingDiscarded;
  return tick + 1 === maxTick ? m.app.actConfirm.discardsTick(maxTick) : m.app.actConfirm.discardsTicks(tick + 1, maxTick);
}

/** A modal question: focus starts on the confirming button and returns where it was; Escape cancels. */
function ActConfirmDialog() {
  const m = useMessages();
  const id = useId();
  const tick = useAppStore((state) => state.timeline.tick);
  const maxTick = useAppStore((state) => state.timeline.maxTick);
  const limit = useAppStore((state) => state.branches.limit);
  const confirmAct = useAppStore((state) => state.confirmAct);
  const cancelAct = useAppStore((state) => state.cancelAct);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useFocusWhileOpen(confirmButton);
  const onKeyDown = (event: KeyboardEvent) => {
    // No app shortcut while the question is open: Space presses the focused button, not Play.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      cancelAct();
    } else if (event.key === 'Tab') {
      // Two buttons: Tab and Shift+Tab both move to the other one, never out of the dialog.
      event.preventDefault();
      (document.activeElement === confirmButton.current ? cancelButton : confirmButton).current?.focus();
    }
  };
  return (
    <div className="help-backdrop" onClick={cancelAct}>
      <div
        className="confirm act-confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-why ${id}-text`}
        // Focusable, so a click on its text keeps the keyboard inside the question.
        tabIndex={-1}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={onKeyDown}
        onKeyUp={(event) => event.stopPropagation()}
      >
        <h2 id={`${id}-title`}>{m.app.actConfirm.title(tick)}</h2>
        <p id={`${id}-why`}>{m.app.actConfirm.noBranchLeft(limit)}</p>
        <p id={`${id}-text`}>{discardText(m, tick, maxTick)}</p>
        <button type="button" ref={confirmButton} onClick={confirmAct}>
          {m.app.actConfirm.confirm}
        </button>
        <button type="button" ref={cancelButton} onClick={cancelAct}>
          {m.app.actConfirm.cancel}
        </button>
      </div>
    </div>
  );
}

/** Focuses `target` on mount, and gives focus back to what had it when the dialog closes. */
function useFocusWhileOpen(target: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const before = document.activeElement;
    target.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, [target]);
}

/**
 * The app's modal dialogs: a button that opens one and takes the focus back when it closes
 * (DialogButton), and the dialog's frame (ModalFrame): a backdrop that closes it on a click
 * outside, role="dialog" named by its heading, Escape to close.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

export function DialogButton({ label, children }: { readonly label: string; readonly children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Closed: the focus comes back to the button that opened it.
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button type="button" ref={button} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? children(close) : null}
    </>
  );
}

export function ModalFrame({ className, titleId, onClose, children }: { readonly className: string; readonly titleId: string; readonly onClose: () => void; readonly children: ReactNode }) {
  return (
    <div className="help-backdrop" onClick={onClose}>
      <div
        className={`help-dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          onClose();
        }}
      >
        {children}
      </div>
    </div>
  );
}

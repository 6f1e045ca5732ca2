import { useEffect, useRef } from 'react';
import { shortcuts } from '../hooks/shortcuts.ts';

export interface HelpOverlayProps {
  readonly onClose: () => void;
}

/** The keyboard shortcuts, opened with "?". A modal dialog: Escape or the button closes it. */
export function HelpOverlay({ onClose }: HelpOverlayProps) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
  }, []);
  return (
    <div className="help-backdrop" onClick={onClose}>
      <div
        className="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="help-table">
          <tbody>
            {shortcuts.map((shortcut) => (
              <tr key={shortcut.keys}>
                <th scope="row">
                  <kbd>{shortcut.keys}</kbd>
                </th>
                <td>{shortcut.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="help-note">
          Click a node (or press its number) to inspect it; click a message in flight to see its fields; click an event to
          jump to its tick. Acting in the past forks the timeline: the old future is dropped.
        </p>
        <button type="button" ref={closeButton} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { shortcuts } from '../hooks/shortcuts.ts';
import { useMessages } from '../hooks/use-messages.ts';

export interface HelpOverlayProps {
  readonly onClose: () => void;
}

/** The keyboard shortcuts, opened with "?". A modal dialog: Escape or the button closes it. */
export function HelpOverlay({ onClose }: HelpOverlayProps) {
  const m = useMessages();
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
        <h2 id="help-title">{m.app.help.title}</h2>
        <table className="help-table">
          <tbody>
            {shortcuts.map((shortcut) => (
              <tr key={shortcut.keys}>
                <th scope="row">
                  <kbd>{shortcut.keys}</kbd>
                </th>
                <td>{m.app.shortcuts[shortcut.command]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="help-note">{m.app.help.note}</p>
        <h3>{m.lessons.keysTitle}</h3>
        <p className="help-note">{m.lessons.lessonKeys}</p>
        <p className="help-note">{m.lessons.presenterKeys}</p>
        <button type="button" ref={closeButton} onClick={onClose}>
          {m.app.help.close}
        </button>
      </div>
    </div>
  );
}

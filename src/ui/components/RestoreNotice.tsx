/**
 * After a reload (or in a new tab), the run restored from this browser's autosave says so, with
 * the time it was saved, and offers to start fresh instead: the options the app opened with, a
 * new run from tick 0.
 */
import { useMessages } from '../hooks/use-messages.ts';
import { useAppStore } from '../store/store-context.tsx';
import './panels.css';

export function RestoreNotice() {
  const m = useMessages();
  const status = useAppStore((state) => state.importStatus);
  const startFresh = useAppStore((state) => state.startFresh);
  const dismiss = useAppStore((state) => state.dismissImportNotice);
  const restored = status?.phase === 'done' && status.from?.kind === 'autosave' ? status.from : null;
  return (
    <>
      {/* Always present, so screen readers announce the restore. */}
      <p role="status" className={restored === null ? 'visually-hidden' : 'import-notice outcome is-ok'}>
        {restored === null ? '' : m.share.restored(restored.savedAt)}
      </p>
      {restored !== null ? (
        <>
          <button type="button" onClick={startFresh}>
            {m.share.startFresh}
          </button>
          <button type="button" aria-label={m.share.dismissRestoreNotice} onClick={dismiss}>
            {m.runs.dismiss}
          </button>
        </>
      ) : null}
    </>
  );
}

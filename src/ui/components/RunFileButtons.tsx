/**
 * Save the run (seed, options and timed actions) as a JSON file, or load one to replay it. Loading
 * asks before it replaces the current run, shows the replay's progress with a Cancel button (a
 * long run takes seconds), and says what was imported.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useMessages } from '../hooks/use-messages.ts';
import type { ImportStatus } from '../store/app-state.ts';
import { useAppStore } from '../store/store-context.tsx';
import { parseRunFileText } from '../run-file-text.ts';
import './panels.css';

/** A file read and parsed, waiting for the user to confirm the import. */
interface PendingImport {
  readonly fileName: string;
  readonly run: unknown;
}

export function RunFileButtons() {
  const m = useMessages();
  const importRun = useAppStore((state) => state.importRun);
  const reportError = useAppStore((state) => state.reportError);
  const status = useAppStore((state) => state.importStatus);
  const input = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);

  const load = async (file: File) => {
    const parsed = parseRunFileText(file.name, await file.text());
    if (parsed.ok) setPending({ fileName: file.name, run: parsed.value });
    else reportError({ kind: 'file', problem: parsed.problem });
  };
  const close = (confirmed: boolean) => {
    if (confirmed && pending !== null) importRun(pending.run, pending.fileName);
    setPending(null);
    importButton.current?.focus();
  };

  return (
    <>
      <ExportButton />
      <button type="button" ref={importButton} onClick={() => input.current?.click()}>
        {m.runs.importRun}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        aria-label={m.runs.fileInput}
        tabIndex={-1}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file !== undefined) void load(file);
          event.currentTarget.value = '';
        }}
      />
      {pending !== null ? <ImportConfirm fileName={pending.fileName} onClose={close} /> : null}
      {status?.phase === 'replaying' ? <ImportProgress status={status} /> : null}
      <ImportNotice status={status} />
    </>
  );
}

function ExportButton() {
  const m = useMessages();
  const exportRun = useAppStore((state) => state.exportRun);
  const save = async () => {
    const run = await exportRun();
    const url = URL.createObjectURL(new Blob([JSON.stringify(run, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `raftlab-run-seed${run.options.seed ?? 1}-tick${run.tick}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <button type="button" onClick={() => void save()}>
      {m.runs.exportRun}
    </button>
  );
}

/** Asks before the current run is discarded; focus starts on the confirming button, Escape cancels. */
function ImportConfirm({ fileName, onClose }: { fileName: string; onClose: (confirmed: boolean) => void }) {
  const m = useMessages();
  const id = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useFocusOnMount(confirmButton);
  return (
    <div
      className="confirm import-confirm"
      role="alertdialog"
      aria-label={m.runs.confirmImport}
      aria-describedby={`${id}-text`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault(); // Not also the Escape shortcut.
        onClose(false);
      }}
    >
      <p id={`${id}-text`}>{m.runs.replaceQuestion(fileName)}</p>
      <button type="button" ref={confirmButton} onClick={() => onClose(true)}>
        {m.runs.importAndReplace}
      </button>
      <button type="button" onClick={() => onClose(false)}>
        {m.runs.cancel}
      </button>
    </div>
  );
}

function useFocusOnMount(target: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    target.current?.focus();
  }, [target]);
}

/** The replay's progress; indeterminate until the worker's first report. */
function ImportProgress({ status }: { status: Extract<ImportStatus, { phase: 'replaying' }> }) {
  const m = useMessages();
  const cancelImport = useAppStore((state) => state.cancelImport);
  const percent = status.total > 0 ? Math.floor((status.done / status.total) * 100) : null;
  const fileName = status.fileName ?? m.runs.unnamedFile;
  return (
    <div className="import-progress">
      <span>{percent === null ? m.runs.importing(fileName) : m.runs.importingPercent(fileName, percent)}</span>
      <progress aria-label={m.runs.progress} max={status.total > 0 ? status.total : undefined} value={status.total > 0 ? status.done : undefined} />
      <button type="button" onClick={cancelImport}>
        {m.runs.cancelImport}
      </button>
    </div>
  );
}

/** What was imported, announced politely; stays until dismissed or the next run. */
function ImportNotice({ status }: { status: ImportStatus | null }) {
  const m = useMessages();
  const dismiss = useAppStore((state) => state.dismissImportNotice);
  const done = status?.phase === 'done' ? status : null;
  return (
    <>
      {/* Always present, so screen readers announce the notice; out of the layout while empty. */}
      <p role="status" className={done === null ? 'visually-hidden' : 'import-notice outcome is-ok'}>
        {done === null ? '' : m.runs.imported(done.fileName ?? m.runs.unnamedFile, done.actions, done.tick)}
      </p>
      {done !== null ? (
        <button type="button" aria-label={m.runs.dismissNotice} onClick={dismiss}>
          {m.runs.dismiss}
        </button>
      ) : null}
    </>
  );
}

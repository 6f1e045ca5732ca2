/**
 * Save the run (seed, options, timed actions and annotations) as a JSON file, or load one to
 * replay it. Loading refuses a file larger than any run before reading it, asks before it
 * replaces the current run, shows the replay's progress with a Cancel button (a long run takes
 * seconds), and says what was imported. A run opened from a permalink or restored from the
 * autosave shows its progress here too (the restore notice is share's RestoreNotice).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useExportRun } from '../hooks/use-export-run.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import type { ImportStatus } from '../store/app-state.ts';
import { useAppStore } from '../store/store-context.tsx';
import { parseRunFileText, runFileBytesMax } from '../run-file-text.ts';
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
  const input = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);

  const load = async (file: File) => {
    // Refused from its size alone: a file this large would hold the page while it is read.
    if (file.size > runFileBytesMax) {
      reportError({ kind: 'file-too-large', fileName: file.name, bytes: file.size, max: runFileBytesMax });
      return;
    }
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
    </>
  );
}

/**
 * How an import (or an opened link, autosave or scenario) is going, and what it brought: after
 * the header's buttons, so a notice appearing never moves a button under the pointer.
 */
export function ImportStatusNotices() {
  const status = useAppStore((state) => state.importStatus);
  return (
    <>
      {status?.phase === 'replaying' ? <ImportProgress status={status} /> : null}
      <ImportNotice status={status} />
    </>
  );
}

function ExportButton() {
  const m = useMessages();
  const exportAs = useExportRun();
  return (
    <>
      <button type="button" onClick={() => void exportAs('json')}>
        {m.runs.exportRun}
      </button>
      <button type="button" title={m.scenario.exportScenarioHint} onClick={() => void exportAs('scenario')}>
        {m.scenario.exportScenario}
      </button>
    </>
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
  return (
    <div className="import-progress">
      <span>{progressText(m, status, percent)}</span>
      <progress aria-label={m.runs.progress} max={status.total > 0 ? status.total : undefined} value={status.total > 0 ? status.done : undefined} />
      <button type="button" onClick={cancelImport}>
        {m.runs.cancelImport}
      </button>
    </div>
  );
}

/** What is being replayed: a file by its name, or the link's run, or the autosave's. */
function progressText(m: Messages, status: Extract<ImportStatus, { phase: 'replaying' }>, percent: number | null): string {
  if (status.from?.kind === 'link') return percent === null ? m.share.openingLink : m.share.openingLinkPercent(percent);
  if (status.from?.kind === 'autosave') return percent === null ? m.share.restoring : m.share.restoringPercent(percent);
  if (status.from?.kind === 'scenario') return percent === null ? m.scenario.opening(status.from.name) : m.scenario.openingPercent(status.from.name, percent);
  const fileName = status.fileName ?? m.runs.unnamedFile;
  return percent === null ? m.runs.importing(fileName) : m.runs.importingPercent(fileName, percent);
}

/** How long "Opened <scenario>" stays before it goes by itself. */
const scenarioNoticeMs = 10_000;

/** What was imported from a file or opened as a scenario, announced politely; stays until dismissed or the next run. */
function ImportNotice({ status }: { status: ImportStatus | null }) {
  const m = useMessages();
  const dismiss = useAppStore((state) => state.dismissImportNotice);
  const expectations = useAppStore((state) => state.annotations.expectations.length);
  const done = status?.phase === 'done' && (status.from === undefined || status.from.kind === 'scenario') ? status : null;
  // An opened scenario shows itself in its panel: the notice need not keep a header row for long.
  const scenarioOpened = done?.from?.kind === 'scenario';
  useEffect(() => {
    if (!scenarioOpened) return;
    const timer = setTimeout(dismiss, scenarioNoticeMs);
    return () => clearTimeout(timer);
  }, [scenarioOpened, dismiss]);
  const text =
    done === null ? '' : done.from?.kind === 'scenario' ? m.scenario.opened(done.from.name, expectations) : m.runs.imported(done.fileName ?? m.runs.unnamedFile, done.actions, done.tick);
  return (
    <>
      {/* Always present, so screen readers announce the notice; out of the layout while empty. */}
      <p role="status" className={done === null ? 'visually-hidden' : 'import-notice outcome is-ok'}>
        {text}
      </p>
      {done !== null ? (
        <button type="button" aria-label={m.runs.dismissNotice} onClick={dismiss}>
          {m.runs.dismiss}
        </button>
      ) : null}
    </>
  );
}

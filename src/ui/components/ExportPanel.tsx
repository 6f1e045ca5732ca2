/**
 * Export for slides: the cluster view as SVG or PNG (at 1×, 2× or 3×, with its legend drawn in),
 * and "Record video", which records a range of ticks of the cluster view as a WebM video or a PNG
 * sequence (cluster-recording.ts), with a progress bar and Cancel. The space-time diagram exports
 * itself from its own panel. Everything is reached with Tab; Escape closes the form, or cancels
 * a recording.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, Ref } from 'react';
import { clusterFile, clusterFileName, clusterSvgOnScreen } from '../export/cluster-export.ts';
import { recordCluster } from '../export/cluster-recording.ts';
import type { ClusterRecordingResult, RecordingProgress } from '../export/cluster-recording.ts';
import { pngOf } from '../export/diagram-export.ts';
import { download } from '../download.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { framesPerSecondMax, parseRecordingForm, recordingFormValues } from '../export/recording-form.ts';
import type { NumberField, RecordingField, RecordingFormat, RecordingSettings } from '../export/recording-form.ts';
import { webmPath } from '../export/recording-output.ts';
import { frameCount } from '../export/recording.ts';
import type { FieldErrors } from '../settings-form.ts';
import { useAppStore, useAppStoreApi } from '../store/store-context.tsx';
import './export.css';
import './panels.css';

const exportScales = [1, 2, 3] as const;

/** One bar for both passes: drawing the frames, then (MediaRecorder) recording the video from them. */
function progressValue(progress: RecordingProgress): { now: number; max: number } {
  const before = progress.phase === 'video' ? progress.total : 0;
  return { now: Math.min(before + progress.done, progress.passes * progress.total), max: progress.passes * progress.total };
}

/** What the panel last did, worded at render time (so it follows the language). */
type Notice =
  | { readonly kind: 'saved'; readonly name: string }
  | { readonly kind: 'not-shown' }
  | { readonly kind: 'export-failed' }
  | { readonly kind: 'recording'; readonly result: Exclude<ClusterRecordingResult, { outcome: 'done' }> | { readonly outcome: 'done'; readonly name: string; readonly frames: number } };

function noticeText(m: Messages, notice: Notice): string {
  switch (notice.kind) {
    case 'saved':
      return m.exporting.saved(notice.name);
    case 'not-shown':
      return m.exporting.notShown;
    case 'export-failed':
      return m.exporting.failed;
    case 'recording': {
      const result = notice.result;
      if (result.outcome === 'done') return m.exporting.record.done(result.name, result.frames);
      if (result.outcome === 'cancelled') return m.exporting.record.cancelled(result.returnTo);
      const why = result.code === 'other' ? m.exporting.problem.other(result.detail) : result.code === 'tick' ? m.exporting.problem.tick(result.tick ?? 0) : m.exporting.problem[result.code];
      return m.exporting.record.failed(why, result.returnTo);
    }
  }
}

export function ExportPanel() {
  const m = useMessages();
  const store = useAppStoreApi();
  const hasView = useAppStore((state) => state.view !== null);
  const [scale, setScale] = useState<number>(2);
  const [withLegend, setWithLegend] = useState(true);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [progress, setProgress] = useState<RecordingProgress | null>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const previewBox = useRef<HTMLDivElement>(null);
  const recording = useRef<AbortController | null>(null);
  const id = useId();
  const isRecording = progress !== null;

  // Leaving the page (or the panel) mid-recording stops it: no file, the recorder stopped.
  useEffect(() => () => recording.current?.abort(), []);
  useEffect(() => {
    if (isRecording) cancelButton.current?.focus();
  }, [isRecording]);

  /** The cluster view on screen as a file, or null (with a notice) when there is none. */
  const currentFile = () => {
    const svg = clusterSvgOnScreen();
    const view = store.getState().view;
    if (svg === null || view === null) {
      setNotice({ kind: 'not-shown' });
      return null;
    }
    return { file: clusterFile(svg, m, view, { legend: withLegend }), tick: view.tick };
  };
  const exportSvg = () => {
    try {
      const current = currentFile();
      if (current === null) return;
      const name = clusterFileName(current.tick, '.svg');
      download(name, new Blob([current.file.svg], { type: 'image/svg+xml' }));
      setNotice({ kind: 'saved', name });
    } catch (error) {
      console.error(error);
      setNotice({ kind: 'export-failed' });
    }
  };
  const exportPng = async () => {
    try {
      const current = currentFile();
      if (current === null) return;
      const name = clusterFileName(current.tick, `@${scale}x.png`);
      download(name, await pngOf(current.file.svg, current.file.width, current.file.height, scale));
      setNotice({ kind: 'saved', name });
    } catch (error) {
      console.error(error);
      setNotice({ kind: 'export-failed' });
    }
  };

  const record = async (settings: RecordingSettings) => {
    if (recording.current !== null) return;
    const controller = new AbortController();
    recording.current = controller;
    setNotice(null);
    setProgress({ phase: 'frames', done: 0, total: frameCount(settings), passes: 1 });
    const result = await recordCluster({
      store,
      m,
      settings,
      scale,
      legend: withLegend,
      previewBox: previewBox.current,
      previewLabel: m.exporting.record.preview,
      signal: controller.signal,
      onProgress: (next) => {
        if (!controller.signal.aborted) setProgress(next);
      },
    });
    recording.current = null;
    setProgress(null);
    if (result.outcome === 'done') {
      download(result.name, result.blob);
      setNotice({ kind: 'recording', result: { outcome: 'done', name: result.name, frames: result.frames } });
    } else {
      if (result.outcome === 'failed') console.error(result.detail);
      setNotice({ kind: 'recording', result });
    }
  };
  const cancel = () => recording.current?.abort();
  const closeForm = () => {
    setFormOpen(false);
    recordButton.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || (!isRecording && !formOpen)) return;
    event.preventDefault();
    event.stopPropagation();
    if (isRecording) cancel();
    else closeForm();
  };

  return (
    <section className="app-slot" aria-label={m.exporting.name} onKeyDown={onKeyDown}>
      <div className="panel export-panel">
        <h2>{m.exporting.name}</h2>
        <p className="muted export-hint">{m.exporting.hint}</p>
        <div className="export-row">
          <label className="field-inline" htmlFor={`${id}-scale`}>
            {m.exporting.scale}
          </label>
          <select id={`${id}-scale`} value={scale} disabled={isRecording} onChange={(event) => setScale(Number(event.currentTarget.value))}>
            {exportScales.map((times) => (
              <option key={times} value={times}>
                {m.exporting.scaleOption(times)}
              </option>
            ))}
          </select>
          <label className="checkbox">
            <input type="checkbox" checked={withLegend} disabled={isRecording} onChange={(event) => setWithLegend(event.currentTarget.checked)} />
            <span>{m.exporting.withLegend}</span>
          </label>
        </div>
        <div className="export-row">
          <button type="button" onClick={exportSvg} disabled={!hasView || isRecording}>
            {m.exporting.exportSvg}
          </button>
          <button type="button" onClick={() => void exportPng()} disabled={!hasView || isRecording}>
            {m.exporting.exportPng}
          </button>
          <button type="button" ref={recordButton} aria-expanded={formOpen} aria-controls={formOpen ? `${id}-form` : undefined} disabled={!hasView || isRecording} onClick={() => (formOpen ? closeForm() : setFormOpen(true))}>
            {m.exporting.record.open}
          </button>
        </div>
        {formOpen ? <RecordForm id={`${id}-form`} disabled={isRecording} onRecord={(settings) => void record(settings)} onClose={closeForm} /> : null}
        {progress !== null ? <ProgressRow progress={progress} cancelRef={cancelButton} onCancel={cancel} /> : null}
        {/* The recording canvas shows here while it records (cluster-recording.ts puts it in). */}
        <div className="export-preview" ref={previewBox} />
        <p className="export-notice" role="status">
          {notice === null ? '' : noticeText(m, notice)}
        </p>
      </div>
    </section>
  );
}

function ProgressRow({ progress, cancelRef, onCancel }: { progress: RecordingProgress; cancelRef: Ref<HTMLButtonElement>; onCancel: () => void }) {
  const m = useMessages();
  const { now, max } = progressValue(progress);
  const text = progress.phase === 'frames' ? m.exporting.record.progressFrames(progress.done, progress.total) : m.exporting.record.progressVideo(progress.done, progress.total);
  return (
    <div className="export-progress-row">
      <div className="export-progress" role="progressbar" aria-label={m.exporting.record.progress} aria-valuemin={0} aria-valuemax={max} aria-valuenow={now} aria-valuetext={text}>
        <div className="export-progress__bar" style={{ width: `${max > 0 ? (100 * now) / max : 0}%` }} />
      </div>
      <span className="export-progress__text">{text}</span>
      <button type="button" ref={cancelRef} onClick={onCancel}>
        {m.exporting.record.cancel}
      </button>
    </div>
  );
}

interface RecordFormProps {
  readonly id: string;
  readonly disabled: boolean;
  readonly onRecord: (settings: RecordingSettings) => void;
  readonly onClose: () => void;
}

/** From tick, To tick, Ticks per frame, Frames per second and the format, checked on Start recording. */
function RecordForm({ id, disabled, onRecord, onClose }: RecordFormProps) {
  const m = useMessages();
  const tick = useAppStore((state) => state.timeline.tick);
  const maxTick = useAppStore((state) => state.timeline.maxTick);
  const [path] = useState(webmPath);
  const webm = path !== null;
  const [values, setValues] = useState(() => recordingFormValues(tick, maxTick));
  const [format, setFormat] = useState<RecordingFormat>(webm ? 'webm' : 'png');
  const [isChecked, setChecked] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasDisabled = useRef(disabled);
  useEffect(() => first.current?.focus(), []);
  // After a recording, the keyboard is back where it started it.
  useEffect(() => {
    if (wasDisabled.current && !disabled) start.current?.focus();
    wasDisabled.current = disabled;
  }, [disabled]);
  const parsed = parseRecordingForm(m, values, format, { maxTick, webm });
  const errors: FieldErrors<RecordingField> = isChecked && !parsed.ok ? parsed.errors : {};
  const onChange = (field: NumberField, value: string) => setValues({ ...values, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (parsed.ok) onRecord(parsed.value);
  };
  const common = { values, errors, onChange };
  return (
    <form id={id} className="export-form" aria-label={m.exporting.record.form} onSubmit={submit} noValidate>
      <p className="muted export-hint">{m.exporting.record.intro}</p>
      <fieldset disabled={disabled}>
        <div className="export-fields">
          <NumberInput {...common} field="from" label={m.exporting.record.from} inputRef={first} min={0} max={maxTick} />
          <NumberInput {...common} field="to" label={m.exporting.record.to} min={0} max={maxTick} />
          <NumberInput {...common} field="ticksPerFrame" label={m.exporting.record.ticksPerFrame} min={1} />
          <NumberInput {...common} field="framesPerSecond" label={m.exporting.record.framesPerSecond} min={1} max={framesPerSecondMax} />
        </div>
        <fieldset className="export-format" aria-describedby={errors.format === undefined ? undefined : `${id}-format-error`}>
          <legend>{m.exporting.record.format}</legend>
          <label className="checkbox">
            <input type="radio" name={`${id}-format`} value="webm" checked={format === 'webm'} disabled={!webm} onChange={() => setFormat('webm')} />
            <span>{m.exporting.record.webm}</span>
          </label>
          <label className="checkbox">
            <input type="radio" name={`${id}-format`} value="png" checked={format === 'png'} onChange={() => setFormat('png')} />
            <span>{m.exporting.record.png}</span>
          </label>
          <p className="muted export-hint">{!webm ? m.exporting.record.noWebm : format === 'png' ? m.exporting.record.pngHint : path === 'encoder' ? m.exporting.record.webmHint : m.exporting.record.webmRealTimeHint}</p>
          {errors.format !== undefined ? (
            <p id={`${id}-format-error`} className="field-error">
              {errors.format}
            </p>
          ) : null}
        </fieldset>
        <p className="muted export-summary">{parsed.ok ? m.exporting.record.summary(frameCount(parsed.value), frameCount(parsed.value) / parsed.value.framesPerSecond) : ''}</p>
        <div className="export-row">
          <button type="submit" ref={start}>
            {m.exporting.record.start}
          </button>
          <button type="button" onClick={onClose}>
            {m.exporting.record.close}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

interface NumberInputProps {
  readonly field: NumberField;
  readonly label: string;
  readonly values: Record<NumberField, string>;
  readonly errors: FieldErrors<RecordingField>;
  readonly onChange: (field: NumberField, value: string) => void;
  readonly min?: number;
  readonly max?: number;
  readonly inputRef?: Ref<HTMLInputElement>;
}

function NumberInput({ field, label, values, errors, onChange, min, max, inputRef }: NumberInputProps) {
  const id = useId();
  const error = errors[field];
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={values[field]}
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? `${id}-error` : undefined}
        onChange={(event) => onChange(field, event.target.value)}
      />
      {error !== undefined ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The Fuzz panel: many seeds of the fuzz engine in background workers (fuzz-session.ts), with any
 * broken-Raft switches on, a progress bar, Pause and Cancel; then "N seeds, no violation", or the
 * first failing seed with Open (the run at its failing tick) and Shrink and open (the shortest
 * run found that fails the same way, with its own progress and Cancel). Escape cancels what runs.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { UnsafeSwitch } from '../../core/index.ts';
import { failingRunFile } from '../../protocol/fuzz-run.ts';
import { useMessages } from '../hooks/use-messages.ts';
import type { Messages } from '../i18n/catalogue.ts';
import type { FailingSeed, FuzzSessionState } from '../fuzz/fuzz-session.ts';
import { FuzzSession } from '../fuzz/fuzz-session.ts';
import { useFuzzWorkerFactory } from '../fuzz/fuzz-context.ts';
import { defaultFuzzWorkers } from '../fuzz/fuzz-defaults.ts';
import type { ShrinkProgress } from '../fuzz/shrink.ts';
import { shrinkInWorker } from '../fuzz/shrink.ts';
import type { FuzzField } from '../fuzz/fuzz-form.ts';
import { fuzzFormDefaults, parseFuzzForm } from '../fuzz/fuzz-form.ts';
import { useAppStoreApi } from '../store/store-context.tsx';
import { UnsafeSwitches } from './UnsafeSwitches.tsx';
import './fuzz.css';
import './panels.css';


type Shrinking = { readonly phase: 'running'; readonly progress: ShrinkProgress | null } | { readonly phase: 'done'; readonly actions: number; readonly nodes: number; readonly tick: number } | { readonly phase: 'cancelled' } | { readonly phase: 'failed'; readonly message: string };

function sessionText(m: Messages, state: FuzzSessionState, ticks: number): string {
  switch (state.phase) {
    case 'running':
      return m.fuzz.running(state.done, state.total, state.failing, state.seedsPerMinute === null ? null : Math.round(state.seedsPerMinute), state.etaMs === null ? null : state.etaMs / 1000);
    case 'paused':
      return m.fuzz.paused(state.done, state.total);
    case 'cancelled':
      return m.fuzz.cancelled(state.done, state.total);
    case 'error':
      return m.fuzz.error(state.message);
    case 'finished': {
      const verdict = state.failure === null ? m.fuzz.passed(state.done) : m.fuzz.failed(state.failure.seed, m.fuzz.kinds[state.failure.failure.kind], state.failure.failure.tick);
      return state.seedsPerMinute === null ? verdict : `${verdict} · ${m.fuzz.rate(Math.round(state.seedsPerMinute), ticks)}`;
    }
  }
}

export function FuzzPanel() {
  const createWorker = useFuzzWorkerFactory();
  const m = useMessages();
  const store = useAppStoreApi();
  const id = useId();
  const [values, setValues] = useState<Record<FuzzField, string>>(() => fuzzFormDefaults(defaultFuzzWorkers()));
  const [switches, setSwitches] = useState<UnsafeSwitch[]>([]);
  const [checked, setChecked] = useState(false);
  const [state, setState] = useState<FuzzSessionState | null>(null);
  const [shrinking, setShrinking] = useState<Shrinking | null>(null);
  const session = useRef<FuzzSession | null>(null);
  const shrinkCancel = useRef<(() => void) | null>(null);
  const [ticksRun, setTicksRun] = useState(0);
  const parsed = parseFuzzForm(m, values);
  const errors = checked && !parsed.ok ? parsed.errors : {};
  const running = state?.phase === 'running' || state?.phase === 'paused';
  const isShrinking = shrinking?.phase === 'running';

  // Leaving the page stops the workers.
  useEffect(
    () => () => {
      session.current?.cancel();
      shrinkCancel.current?.();
    },
    [],
  );

  const start = (event: FormEvent): void => {
    event.preventDefault();
    setChecked(true);
    if (!parsed.ok || running || isShrinking || createWorker === null) return;
    setShrinking(null);
    setTicksRun(parsed.value.ticks);
    session.current = new FuzzSession({ ...parsed.value, switches }, createWorker, setState, () => performance.now());
  };

  const open = (failing: FailingSeed): void => {
    store.getState().importRun(failingRunFile(failing), m.fuzz.runName(failing.seed));
  };

  const shrink = (failing: FailingSeed): void => {
    if (createWorker === null) return;
    setShrinking({ phase: 'running', progress: null });
    const job = shrinkInWorker(createWorker, failing, (progress) => setShrinking({ phase: 'running', progress }));
    shrinkCancel.current = job.cancel;
    void job.result.then((outcome) => {
      shrinkCancel.current = null;
      if (outcome.outcome === 'cancelled') return setShrinking({ phase: 'cancelled' });
      if (outcome.outcome === 'failed') return setShrinking({ phase: 'failed', message: outcome.message });
      const { run } = outcome;
      setShrinking({ phase: 'done', actions: run.actions.length, nodes: run.options.nodes ?? 5, tick: run.endTick });
      store.getState().importRun(failingRunFile(run), m.fuzz.runNameShrunk(failing.seed));
    });
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    if (isShrinking) shrinkCancel.current?.();
    else if (running) session.current?.cancel();
    else return;
    event.stopPropagation();
  };

  const failure = state?.phase === 'finished' ? state.failure : null;
  const field = (name: FuzzField, label: string, min: number) => (
    <div className="fuzz-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type="number"
        inputMode="numeric"
        min={min}
        value={values[name]}
        disabled={running}
        aria-invalid={errors[name] !== undefined}
        aria-describedby={errors[name] === undefined ? undefined : `${id}-${name}-error`}
        onChange={(event) => setValues({ ...values, [name]: event.target.value })}
      />
      {errors[name] === undefined ? null : (
        <p id={`${id}-${name}-error`} className="field-error">
          {errors[name]}
        </p>
      )}
    </div>
  );
  return (
    <section className="app-slot" aria-label={m.fuzz.name} onKeyDown={onKeyDown}>
      <div className="panel fuzz-panel">
        <h2>{m.fuzz.name}</h2>
        <p className="muted fuzz-hint">{m.fuzz.hint}</p>
        <form onSubmit={start} noValidate>
          <div className="fuzz-fields">
            {field('seeds', m.fuzz.seeds, 1)}
            {field('from', m.fuzz.from, 0)}
            {field('ticks', m.fuzz.ticks, 1)}
            {field('workers', m.fuzz.workers, 1)}
          </div>
          <UnsafeSwitches chosen={switches} onChange={setSwitches} disabled={running} compact />
          <div className="fuzz-buttons">
            {running ? (
              <>
                <button type="button" onClick={() => (state.phase === 'paused' ? session.current?.resume() : session.current?.pause())}>
                  {state.phase === 'paused' ? m.fuzz.resume : m.fuzz.pause}
                </button>
                <button type="button" onClick={() => session.current?.cancel()}>
                  {m.fuzz.cancel}
                </button>
              </>
            ) : (
              <button type="submit" disabled={isShrinking || createWorker === null}>
                {m.fuzz.run}
              </button>
            )}
          </div>
        </form>
        <progress aria-label={m.fuzz.progress} max={Math.max(1, state !== null && 'total' in state ? state.total : 1)} value={state !== null && 'done' in state ? state.done : 0} />
        <p className="fuzz-status" role="status">
          {state === null ? '' : sessionText(m, state, ticksRun)}
        </p>
        {failure !== null ? (
          <div className="fuzz-failure">
            <p className="fuzz-summary">{failure.failure.summary}</p>
            <div className="fuzz-buttons">
              <button type="button" onClick={() => open(failure)} disabled={isShrinking}>
                {m.fuzz.open}
              </button>
              <button type="button" onClick={() => shrink(failure)} disabled={isShrinking}>
                {m.fuzz.shrink}
              </button>
              {isShrinking ? (
                <button type="button" onClick={() => shrinkCancel.current?.()}>
                  {m.fuzz.cancel}
                </button>
              ) : null}
            </div>
          </div>
        ) : null}
        {shrinking === null ? null : <ShrinkRow m={m} shrinking={shrinking} />}
      </div>
    </section>
  );
}

function ShrinkRow({ m, shrinking }: { readonly m: Messages; readonly shrinking: Shrinking }) {
  const progress = shrinking.phase === 'running' ? shrinking.progress : null;
  return (
    <div className="fuzz-shrink">
      {shrinking.phase === 'running' ? <progress aria-label={m.fuzz.shrinking} max={progress?.maxReplays ?? 1} value={progress?.replays ?? 0} /> : null}
      <p role="status">
        {shrinking.phase === 'running'
          ? progress === null
            ? ''
            : m.fuzz.shrinkStatus(progress.replays, progress.maxReplays, progress.actions)
          : shrinking.phase === 'done'
            ? m.fuzz.shrunk(shrinking.actions, shrinking.nodes, shrinking.tick)
            : shrinking.phase === 'cancelled'
              ? m.fuzz.shrinkCancelled
              : m.fuzz.error(shrinking.message)}
      </p>
    </div>
  );
}

/**
 * Keeps the page address and the autosave describing the run on screen, as the user works.
 *
 * - What the run is (its actions, options, annotations) lives in the worker: when the store's
 *   runRevision changes (a new run, an action, new annotations) the keeper asks for the run
 *   ('export-run') and saves it at once, so an action is never lost to a reload or a crash.
 * - Where the run is (the tick) the store already knows: moving in time only patches the tick of
 *   the run last exported, with no round trip. Those saves are debounced while paused and come
 *   at most every few seconds while playing, so the address is not rewritten every frame.
 * - flush() saves at once, without waiting for the worker: for pagehide and a hidden tab.
 *
 * The address is replaced (history.replaceState, no new history entry) and only when it changes.
 * Nothing here knows the worker or React: the store and the browser's parts come in.
 */
import type { Run } from '../../protocol/worker-protocol.ts';
import type { AppState } from '../store/app-state.ts';
import type { AppStore } from '../store/store.ts';
import type { Autosave } from './autosave.ts';
import { linkMark } from './autosave.ts';
import type { AddressParts } from './run-address.ts';
import { hrefForRun, linkForRun } from './run-address.ts';

/** Quiet time after the last move in time before the address and the save follow (paused). */
export const settleMs = 400;
/** While playing, the address and the save follow at most this often. */
export const playingSaveMs = 3_000;

export interface AddressHost {
  readonly current: () => AddressParts;
  /** Replaces the address without a reload or a new history entry. */
  readonly replace: (href: string) => void;
  /** Remembers the permalink written, so a reload knows the address is the tab's own (autosave.ts). */
  readonly written: (mark: string | null) => void;
}

export interface Timers {
  readonly set: (task: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

export interface RunKeeper {
  /** Saves now (the last exported run at the tick on screen), without waiting for the worker. */
  flush(): void;
  /** Stops keeping; nothing more is written. */
  dispose(): void;
}

export interface RunKeeperParts {
  readonly store: AppStore;
  /** Null where the address is not kept (the embedded view). */
  readonly address: AddressHost | null;
  /** Null where there is no autosave (no storage, or the embedded view). */
  readonly autosave: Autosave | null;
  readonly timers?: Timers;
  /** The wall clock in ms (performance.now), for the beat while playing. */
  readonly now?: () => number;
}

const browserTimers: Timers = { set: (task, ms) => setTimeout(task, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

/** Starts keeping the store's run: writes it once now, then as it changes. */
export function keepRun(parts: RunKeeperParts): RunKeeper {
  const { store, address, autosave } = parts;
  const timers = parts.timers ?? browserTimers;
  const now = parts.now ?? (() => performance.now());
  let latest: { run: Run; revision: number } | null = null;
  let exporting = false;
  let pending: unknown = null;
  let lastWrite = Number.NEGATIVE_INFINITY;
  let writes = 0;
  let disposed = false;

  const current = (): Run | null => {
    const state = store.getState();
    if (latest === null || latest.revision !== state.runRevision) return null;
    return latest.run.tick === state.timeline.tick ? latest.run : { ...latest.run, tick: state.timeline.tick };
  };

  const writeAddress = (run: Run): void => {
    if (address === null) return;
    const write = (writes += 1);
    void linkForRun(run).then((link) => {
      // A later write started meanwhile: it describes a later state.
      if (disposed || write !== writes) return;
      // The address as it is now: the language switch may have changed it while this encoded.
      const shown = address.current();
      const href = hrefForRun(run.options, link, shown);
      if (`${shown.pathname}${shown.search}${shown.hash}` !== href) address.replace(href);
      address.written(link.permalink === null ? null : linkMark(link.permalink));
    });
  };

  const write = (): void => {
    if (pending !== null) timers.clear(pending);
    pending = null;
    const run = current();
    if (run === null) return requestExport();
    lastWrite = now();
    autosave?.save(run);
    writeAddress(run);
  };

  function requestExport(): void {
    if (exporting || disposed) return;
    exporting = true;
    const revision = store.getState().runRevision;
    store
      .getState()
      .exportRun()
      .then((run) => {
        exporting = false;
        if (disposed) return;
        latest = { run, revision };
        write();
      })
      .catch(() => {
        exporting = false;
      });
  }

  const schedule = (delay: number): void => {
    if (pending !== null) timers.clear(pending);
    pending = timers.set(write, delay);
  };

  /** A move in time: written after a quiet spell while paused, on a steady beat while playing. */
  const moved = ({ timeline }: AppState): void => {
    if (!timeline.playing) schedule(settleMs);
    else if (pending === null) schedule(Math.max(settleMs, playingSaveMs - (now() - lastWrite)));
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.runRevision !== previous.runRevision) return requestExport();
    if (state.timeline.tick !== previous.timeline.tick || state.timeline.playing !== previous.timeline.playing) moved(state);
  });
  requestExport();

  return {
    flush: () => {
      const run = current();
      if (run === null || disposed) return;
      if (pending !== null) timers.clear(pending);
      pending = null;
      autosave?.saveNow(run);
      writeAddress(run);
    },
    dispose: () => {
      disposed = true;
      unsubscribe();
      if (pending !== null) timers.clear(pending);
    },
  };
}

/**
 * Where the autosave keeps runs: one record per browser tab, keyed by the tab's identity
 * (tab-identity.ts), so two tabs never write over each other's run. The browser's store is
 * IndexedDB (indexeddb-save-store.ts); this interface keeps it out of the rules (autosave.ts), so
 * the unit tests run them against the in-memory store below.
 */
import type { Run } from '../../protocol/worker-protocol.ts';

export interface SavedRun {
  readonly tabId: string;
  /** When it was saved, in ms since the epoch (the UI's clock; the worker has none). */
  readonly savedAt: number;
  readonly run: Run;
}

export interface RunSaveStore {
  /** This tab's save, if it has one. */
  get(tabId: string): Promise<SavedRun | null>;
  /** The most recent save of any tab. */
  latest(): Promise<SavedRun | null>;
  /** Saves (replacing the tab's previous save). */
  put(save: SavedRun): Promise<void>;
  /** Keeps the `keep` most recent saves and deletes the rest (tabs closed long ago). */
  prune(keep: number): Promise<void>;
}

/** The store for tests, and the shape of what IndexedDB holds. Copies in and out, as IndexedDB does. */
export function memoryRunSaveStore(): RunSaveStore & { readonly saves: () => readonly SavedRun[] } {
  const saves = new Map<string, SavedRun>();
  const newestFirst = (): SavedRun[] => [...saves.values()].sort((a, b) => b.savedAt - a.savedAt);
  return {
    get: (tabId) => Promise.resolve(saves.has(tabId) ? structuredClone(saves.get(tabId)!) : null),
    latest: () => Promise.resolve(structuredClone(newestFirst()[0] ?? null)),
    put: (save) => {
      saves.set(save.tabId, structuredClone(save));
      return Promise.resolve();
    },
    prune: (keep) => {
      for (const old of newestFirst().slice(keep)) saves.delete(old.tabId);
      return Promise.resolve();
    },
    saves: newestFirst,
  };
}

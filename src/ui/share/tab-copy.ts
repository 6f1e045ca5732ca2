/**
 * The tab's last copy of its run, written synchronously to sessionStorage when the page goes
 * (pagehide, a hidden tab). IndexedDB is the autosave's store, but its writes finish after the
 * call returns, and a page being unloaded may never see them finish: the steps taken just before
 * a reload would be lost. sessionStorage writes are done when setItem returns and survive a
 * reload of the same tab, so the newer of the two copies is the tab's run (autosave.ts).
 *
 * Only runs up to copyCharsMax are copied (sessionStorage holds a few MB per site); a larger run
 * relies on IndexedDB alone, as before.
 */
import type { SavedRun } from './run-save-store.ts';

const copyKey = 'raftlab.runCopy';

/** The longest copy kept, in characters of JSON: well inside every browser's sessionStorage quota. */
export const copyCharsMax = 1_000_000;

export interface TabCopy {
  /** Writes the copy now; a run too large, or storage that refuses, leaves no copy (never throws). */
  write(save: SavedRun): void;
  /** The copy, if there is one and it reads back as a save. */
  read(): SavedRun | null;
}

export function sessionTabCopy(session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null): TabCopy {
  return {
    write: (save) => {
      try {
        const text = JSON.stringify(save);
        if (text.length <= copyCharsMax) session?.setItem(copyKey, text);
        // An older copy would otherwise win over the IndexedDB save that holds this run.
        else session?.removeItem(copyKey);
      } catch {
        // Over the quota or blocked: IndexedDB's save still stands.
      }
    },
    read: () => {
      try {
        const text = session?.getItem(copyKey) ?? null;
        if (text === null) return null;
        const save = JSON.parse(text) as Partial<SavedRun> | null;
        const valid = typeof save?.tabId === 'string' && typeof save.savedAt === 'number' && typeof save.run === 'object' && save.run !== null;
        return valid ? (save as SavedRun) : null;
      } catch {
        return null;
      }
    },
  };
}

/** The newer of two saves of one tab. */
export function newerSave(a: SavedRun | null, b: SavedRun | null): SavedRun | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.savedAt > a.savedAt ? b : a;
}

/**
 * The autosave's rules (docs/runs.md): what the app opens at start, and how a run is saved.
 *
 * Opening, in order:
 * 1. A permalink in the address wins, unless this tab wrote it itself (one of its latest links:
 *    a reload): then the tab's own save is at least as recent, since the address follows the run
 *    only after a pause, and a reload keeps the address it had when it began.
 *    Then a `?lesson=` (a lesson's id, for course pages): the lesson opens from its start, on
 *    every load (a lesson's steps are not part of a saved run). Then a `?scenario=` (a preset id
 *    or a scenario file's address): opened as a new run. The address drops it once the run is
 *    open, so a reload restores the run instead.
 * 2. Else this tab's own save (a reload, or a crash and the browser's "restore tab"), unless the
 *    address asks for another cluster (`?nodes=9` typed into this tab).
 * 3. Else, in a tab with no save of its own (a new tab): the address's cluster if it asks for
 *    one, else the most recent save of any tab, restored as this tab's own copy.
 * A save that is nothing but its options (a fresh run, "Start fresh") is not restored: the app
 * starts that way anyway, and saying "Restored" would be noise.
 *
 * Pure: the saves and the address come in as facts; the browser's parts are elsewhere.
 */
import { crc32 } from '../../protocol/crc32.ts';
import type { Run } from '../../protocol/worker-protocol.ts';
import { optionsFromSearch } from '../url-options.ts';
import { addressAsksFor, isOptionsOnly } from './run-address.ts';
import type { RunSaveStore, SavedRun } from './run-save-store.ts';
import type { TabCopy } from './tab-copy.ts';
import { newerSave } from './tab-copy.ts';
import type { TabIdentity } from './tab-identity.ts';

/** Saves kept for tabs: the most recent ones, so closed tabs' runs do not pile up forever. */
export const savesKept = 20;

export type Opening =
  | { readonly kind: 'link'; readonly permalink: string }
  | { readonly kind: 'restore'; readonly save: SavedRun }
  /** The address's `lesson` parameter: a lesson's id, as given. */
  | { readonly kind: 'lesson'; readonly id: string }
  /** The address's `scenario` parameter, as given. */
  | { readonly kind: 'scenario'; readonly source: string }
  /** Start as the address says (its options, else the defaults). */
  | { readonly kind: 'none' };

export interface OpeningFacts {
  /** The permalink in the address's fragment, or null. */
  readonly permalink: string | null;
  /** The marks (linkMark) of the latest permalinks this tab wrote into its address. */
  readonly ownLinkMarks: readonly string[];
  /** The address's query. */
  readonly search: string;
  readonly ownSave: SavedRun | null;
  readonly latestSave: SavedRun | null;
}

/** A short mark of a permalink, to recognise it later without keeping 8 KB in sessionStorage. */
export function linkMark(permalink: string): string {
  return `${permalink.length}:${crc32(new TextEncoder().encode(permalink)).toString(16)}`;
}

function restoring(save: SavedRun | null): Opening {
  return save === null || isOptionsOnly(save.run) ? { kind: 'none' } : { kind: 'restore', save };
}

export function chooseOpening(facts: OpeningFacts): Opening {
  const { permalink, ownSave } = facts;
  const ownLink = permalink !== null && facts.ownLinkMarks.includes(linkMark(permalink));
  if (permalink !== null && (!ownLink || ownSave === null)) return { kind: 'link', permalink };
  const lesson = new URLSearchParams(facts.search).get('lesson');
  if (lesson !== null && lesson.trim() !== '') return { kind: 'lesson', id: lesson.trim() };
  const scenario = new URLSearchParams(facts.search).get('scenario');
  if (scenario !== null && scenario.trim() !== '') return { kind: 'scenario', source: scenario };
  const asksForCluster = optionsFromSearch(facts.search).options !== null;
  if (ownSave !== null) return ownLink || !asksForCluster || addressAsksFor(facts.search, ownSave.run.options) ? restoring(ownSave) : { kind: 'none' };
  return asksForCluster ? { kind: 'none' } : restoring(facts.latestSave);
}

/**
 * What the app needs to decide its opening, read from the store (one tab's save and the latest)
 * and from the tab's own copy (tab-copy.ts), whichever of the two is newer.
 */
export async function readOpeningFacts(
  saves: RunSaveStore | null,
  tabId: string | null,
  address: { readonly search: string; readonly permalink: string | null; readonly ownLinkMarks: readonly string[] },
  copy: TabCopy | null = null,
): Promise<OpeningFacts> {
  const empty = { permalink: address.permalink, ownLinkMarks: address.ownLinkMarks, search: address.search, ownSave: null, latestSave: null };
  if (saves === null || tabId === null) return empty;
  const copied = copy?.read() ?? null;
  const ownCopy = copied?.tabId === tabId ? copied : null;
  try {
    const [ownSave, latestSave] = await Promise.all([saves.get(tabId), saves.latest()]);
    return { ...empty, ownSave: newerSave(ownSave, ownCopy), latestSave: newerSave(latestSave, ownCopy) };
  } catch {
    // Storage that fails to read is storage we do not have.
    return empty;
  }
}

export interface Autosave {
  /** Saves the run as this tab's (replacing its previous save); never throws. */
  save(run: Run): void;
  /** The same, for a page about to go: also written synchronously to the tab's copy. */
  saveNow(run: Run): void;
}

/**
 * Saves under the tab's identity as it is at each save, stamped with `now()`, and on saveNow also
 * in the tab's copy. Errors are dropped: no autosave, no harm.
 */
export function createAutosave(saves: RunSaveStore, identity: Pick<TabIdentity, 'id'>, now: () => number, copy: TabCopy | null = null): Autosave {
  const save = (run: Run): SavedRun => {
    const saved = { tabId: identity.id(), savedAt: now(), run };
    saves.put(saved).catch(() => undefined);
    return saved;
  };
  return {
    save: (run) => void save(run),
    saveNow: (run) => copy?.write(save(run)),
  };
}

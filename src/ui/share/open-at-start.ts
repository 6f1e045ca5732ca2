/**
 * The run the app opens with: the permalink in the address, this tab's autosave, the latest
 * autosave of another tab, or none (the address's options or the defaults, which the store has
 * already started). The rules are autosave.ts's; this carries out the choice and waits until the
 * opened run is on screen (or refused), so nothing is saved over a run still being replayed.
 */
import { decodePermalink, permalinkFromHash } from '../../protocol/permalink.ts';
import type { AppStore } from '../store/store.ts';
import type { Opening } from './autosave.ts';
import { chooseOpening, readOpeningFacts, savesKept } from './autosave.ts';
import type { RunSaveStore } from './run-save-store.ts';
import { messagesFor } from '../i18n/catalogue.ts';
import { findLesson, lessonTitle } from '../lessons/lessons.ts';
import { presetTitle } from '../scenario/presets.ts';
import type { ScenarioRead } from '../scenario/source.ts';
import { readScenarioAddress } from '../scenario/source.ts';
import type { TabCopy } from './tab-copy.ts';

export interface StartParts {
  readonly store: AppStore;
  /** The address the page was opened at. */
  readonly address: { readonly search: string; readonly hash: string };
  /** This tab's identity and the marks of the permalinks it last wrote (null: no autosave). */
  readonly tab: { readonly id: string; readonly ownLinkMarks: readonly string[] } | null;
  readonly saves: RunSaveStore | null;
  /** The tab's synchronous copy of its run (tab-copy.ts), where there is one. */
  readonly copy?: TabCopy | null;
  /** Reads the text of the address's `scenario` (a preset id or an address; src/ui/scenario/source.ts). */
  readonly readScenario?: (source: string) => Promise<ScenarioRead>;
}

/** Opens the run the rules choose; resolves with the choice once it is settled. */
export async function openAtStart({ store, address, tab, saves, copy = null, readScenario = (source) => readScenarioAddress(source, window.location.href) }: StartParts): Promise<Opening> {
  const permalink = permalinkFromHash(address.hash);
  const facts = await readOpeningFacts(saves, tab?.id ?? null, { search: address.search, permalink, ownLinkMarks: tab?.ownLinkMarks ?? [] }, copy);
  const opening = chooseOpening(facts);
  // Once read, the oldest saves of long-closed tabs can go.
  saves?.prune(savesKept).catch(() => undefined);
  // The first run (the address's options or the defaults) is on screen before another replaces
  // it, so a refusal of either is put down to the right one.
  await until(store, () => store.getState().view !== null);
  if (opening.kind === 'link') {
    const decoded = await decodePermalink(opening.permalink);
    if (decoded.ok) store.getState().openRun(decoded.run, { kind: 'link' });
    else store.getState().reportError({ kind: 'permalink', problem: decoded.problem, earlier: store.getState().error });
  } else if (opening.kind === 'restore') {
    store.getState().openRun(opening.save.run, { kind: 'autosave', savedAt: opening.save.savedAt });
  } else if (opening.kind === 'lesson') {
    const lesson = findLesson(opening.id);
    if (lesson === null) store.getState().setMissingLesson(opening.id);
    else store.getState().openLesson({ id: lesson.id, text: lesson.text, name: lessonTitle(messagesFor(store.getState().locale), lesson.id).title });
  } else if (opening.kind === 'scenario') {
    const read = await readScenario(opening.source);
    const name = read.ok && read.presetId !== null ? presetTitle(messagesFor(store.getState().locale), read.presetId) : read.ok ? read.name : '';
    if (read.ok) store.getState().openScenario(read.text, { name, inDialog: false });
    else store.getState().reportError({ kind: 'scenario-read', source: opening.source, problem: read.problem });
  }
  // Settled: the import finished, was refused or cancelled.
  await until(store, () => store.getState().importStatus?.phase !== 'replaying');
  return opening;
}

function until(store: AppStore, holds: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (holds()) return resolve();
    const unsubscribe = store.subscribe(() => {
      if (!holds()) return;
      unsubscribe();
      resolve();
    });
  });
}

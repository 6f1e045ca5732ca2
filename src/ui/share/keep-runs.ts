/**
 * The browser's side of keeping runs, wired once at start (main.tsx): this tab's identity, the
 * IndexedDB autosave, the opening run (open-at-start.ts), then the keeper (run-keeper.ts) with
 * the page address and a save on pagehide and when the tab is hidden. Anything the browser
 * refuses (no sessionStorage, no IndexedDB) only turns the autosave off.
 *
 * The embedded view opens a permalink (a course page can embed a prepared run) but keeps nothing:
 * an iframe's address is not the reader's to share, and several embedded clusters in one page
 * would share one tab's autosave.
 */
import type { AppStore } from '../store/store.ts';
import { createAutosave } from './autosave.ts';
import { openIndexedDbSaveStore } from './indexeddb-save-store.ts';
import { openAtStart } from './open-at-start.ts';
import type { AddressHost } from './run-keeper.ts';
import { keepRun } from './run-keeper.ts';
import { sessionTabCopy } from './tab-copy.ts';
import { browserTabIdentityHost, claimTabIdentity } from './tab-identity.ts';

export async function keepRunsInBrowser(store: AppStore, options: { readonly embedded: boolean }): Promise<void> {
  const address = { search: window.location.search, hash: window.location.hash };
  if (options.embedded) {
    await openAtStart({ store, address, tab: null, saves: null });
    return;
  }
  const tabHost = browserTabIdentityHost();
  const identity = claimTabIdentity(tabHost);
  const saves = identity === null ? null : await openIndexedDbSaveStore();
  const tab = identity === null ? null : { id: identity.id(), ownLinkMarks: identity.ownLinkMarks };
  const copy = sessionTabCopy(tabHost.session);
  await openAtStart({ store, address, tab: saves === null ? null : tab, saves, copy });

  const host: AddressHost = {
    current: () => ({ pathname: window.location.pathname, search: window.location.search, hash: window.location.hash }),
    replace: (href) => window.history.replaceState(window.history.state, '', href),
    written: (mark) => identity?.rememberOwnLink(mark),
  };
  const autosave = saves === null || identity === null ? null : createAutosave(saves, identity, () => Date.now(), copy);
  const keeper = keepRun({ store, address: host, autosave });
  // The last moments of a page: a reload, a closed tab, a tab put in the background (where a
  // mobile browser may discard it without another word).
  window.addEventListener('pagehide', () => keeper.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') keeper.flush();
  });
}

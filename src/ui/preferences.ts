/**
 * The screen preferences a user expects to keep: the theme, Large type and the language. Large
 * type and the language start from the page address (?large=1, ?lang=zh-CN), else from what the
 * user chose before (in this browser), else from the system (the browser's languages; the theme
 * from prefers-color-scheme). A choice the user makes is remembered; until they choose a theme,
 * the theme follows the system's as it changes. A chosen language is also written into the
 * address, so a copied link opens in it.
 *
 * Storage may be unavailable (private windows, blocked cookies): every access is guarded, and the
 * app then simply forgets between visits.
 */
import { initialLocale, searchWithLocale } from './i18n/locale.ts';
import type { AppStore } from './store/store.ts';
import type { Display, Theme } from './store/app-state.ts';

const themeKey = 'raftlab.theme';
const largeTypeKey = 'raftlab.largeType';
const localeKey = 'raftlab.locale';

export interface PreferenceHost {
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** matchMedia, or null where there is none (tests). */
  readonly matchMedia: ((query: string) => Pick<MediaQueryList, 'matches' | 'addEventListener' | 'removeEventListener'>) | null;
  /** The browser's languages, most preferred first (navigator.languages). */
  readonly languages: readonly string[];
  /** The page address's query, and a way to change it without a reload; null where there is none. */
  readonly address: { readonly search: () => string; readonly replaceSearch: (search: string) => void } | null;
}

function read(host: PreferenceHost, key: string): string | null {
  try {
    return host.storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(host: PreferenceHost, key: string, value: string): void {
  try {
    host.storage?.setItem(key, value);
  } catch {
    // Not remembered: the choice still holds for this visit.
  }
}

function systemTheme(host: PreferenceHost): Theme {
  return host.matchMedia?.('(prefers-color-scheme: dark)').matches === true ? 'dark' : 'light';
}

/** `large` in the address: 1 or true turns Large type on, 0 or false off; anything else is ignored. */
export function largeTypeFromSearch(search: string): boolean | null {
  const value = new URLSearchParams(search).get('large');
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return null;
}

export function initialDisplay(host: PreferenceHost, search: string): Display {
  const savedTheme = read(host, themeKey);
  const theme: Theme = savedTheme === 'dark' || savedTheme === 'light' ? savedTheme : systemTheme(host);
  const fromAddress = largeTypeFromSearch(search);
  const largeType = fromAddress ?? read(host, largeTypeKey) === 'true';
  const locale = initialLocale({ search, remembered: read(host, localeKey), browserLanguages: host.languages });
  return { theme, largeType, locale };
}

/**
 * Remembers the user's changes of theme, Large type and language (the language also goes into the
 * address), and follows the system's theme until the user picks one. Returns the function that
 * stops all of it.
 */
export function keepDisplayPreferences(store: AppStore, host: PreferenceHost): () => void {
  let themeChosen = read(host, themeKey) !== null;
  let following = false;
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.theme !== previous.theme && !following) {
      themeChosen = true;
      write(host, themeKey, state.theme);
    }
    if (state.largeType !== previous.largeType) write(host, largeTypeKey, String(state.largeType));
    if (state.locale !== previous.locale) {
      write(host, localeKey, state.locale);
      if (host.address !== null) host.address.replaceSearch(searchWithLocale(host.address.search(), state.locale));
    }
  });
  const query = host.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
  const onSystemChange = (): void => {
    if (themeChosen) return;
    following = true;
    store.getState().setTheme(systemTheme(host));
    following = false;
  };
  query?.addEventListener('change', onSystemChange);
  return () => {
    unsubscribe();
    query?.removeEventListener('change', onSystemChange);
  };
}

/** The browser's storage and media queries, where they exist. */
export function browserPreferenceHost(): PreferenceHost {
  return {
    storage: localStorageOrNull(),
    matchMedia: typeof window.matchMedia === 'function' ? (query) => window.matchMedia(query) : null,
    languages: navigator.languages.length > 0 ? navigator.languages : [navigator.language],
    address: {
      search: () => window.location.search,
      replaceSearch: (search) => window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`),
    },
  };
}

/** Reading window.localStorage itself throws where storage is blocked. */
function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The languages Raftlab speaks, and which one a visit starts in: the address (`?lang=zh-CN`)
 * first, then the user's last choice in this browser, then the browser's own languages. English
 * is the fallback. Pure: the browser's storage and languages are passed in.
 */

export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

/** Each language's name in itself, as the language switch lists it. */
export const localeNames = { en: 'English', 'zh-CN': '简体中文' } as const satisfies Record<Locale, string>;

export const defaultLocale: Locale = 'en';

/**
 * The supported language for a BCP 47 tag: any Chinese in Simplified script or from the
 * mainland/Singapore ("zh", "zh-CN", "zh-Hans", "zh-SG") is zh-CN; any English is en; else null.
 * Traditional Chinese (zh-TW, zh-HK, zh-Hant) is not offered yet, so it falls through.
 */
export function supportedLocale(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase();
  if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-sg' || lower.startsWith('zh-hans')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}

/** `lang` in the address, when it names a supported language exactly enough to trust. */
export function localeFromSearch(search: string): Locale | null {
  const value = new URLSearchParams(search).get('lang');
  return value === null ? null : supportedLocale(value);
}

export interface LocaleSources {
  readonly search: string;
  /** The language the user chose last time, as remembered (may be anything, or null). */
  readonly remembered: string | null;
  /** navigator.languages, most preferred first. */
  readonly browserLanguages: readonly string[];
}

export function initialLocale(sources: LocaleSources): Locale {
  const fromAddress = localeFromSearch(sources.search);
  if (fromAddress !== null) return fromAddress;
  const remembered = sources.remembered === null ? null : supportedLocale(sources.remembered);
  if (remembered !== null) return remembered;
  for (const tag of sources.browserLanguages) {
    const locale = supportedLocale(tag);
    if (locale !== null) return locale;
  }
  return defaultLocale;
}

/** The address with `lang` set to `locale` (other parameters and the hash kept). */
export function searchWithLocale(search: string, locale: Locale): string {
  const params = new URLSearchParams(search);
  params.set('lang', locale);
  return `?${params.toString()}`;
}

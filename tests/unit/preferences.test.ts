/**
 * Where a visit's language, theme and Large type come from, and what is remembered: the address
 * first, then the last choice in this browser, then the system (the browser's languages,
 * prefers-color-scheme); a chosen language also goes into the address.
 */
import { describe, expect, it } from 'vitest';
import { initialLocale, localeFromSearch, searchWithLocale, supportedLocale } from '../../src/ui/i18n/locale.ts';
import { initialDisplay, keepDisplayPreferences } from '../../src/ui/preferences.ts';
import type { PreferenceHost } from '../../src/ui/preferences.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { fakePort } from '../support/fake-port.ts';

function host(options: { saved?: Record<string, string>; languages?: string[]; search?: string; dark?: boolean } = {}) {
  const saved = new Map(Object.entries(options.saved ?? {}));
  let search = options.search ?? '';
  const value: PreferenceHost = {
    storage: { getItem: (key) => saved.get(key) ?? null, setItem: (key, item) => void saved.set(key, item) },
    matchMedia: () => ({ matches: options.dark === true, addEventListener: () => {}, removeEventListener: () => {} }),
    languages: options.languages ?? ['en-US'],
    address: { search: () => search, replaceSearch: (next) => void (search = next) },
  };
  return { value, saved, search: () => search };
}

describe('the language of a visit', () => {
  it('maps the browser tags Raftlab speaks, and no others', () => {
    expect(['zh', 'zh-CN', 'zh-cn', 'zh-SG', 'zh-Hans', 'zh-Hans-CN'].map(supportedLocale)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(['en', 'en-GB', 'en-US'].map(supportedLocale)).toEqual(['en', 'en', 'en']);
    expect(['zh-TW', 'zh-Hant', 'fr', 'de-DE', ''].map(supportedLocale)).toEqual([null, null, null, null, null]);
  });

  it('takes the address first, then the last choice, then the first browser language it speaks, then English', () => {
    expect(initialLocale({ search: '?lang=zh-CN', remembered: 'en', browserLanguages: ['en-US'] })).toBe('zh-CN');
    expect(initialLocale({ search: '', remembered: 'zh-CN', browserLanguages: ['en-US'] })).toBe('zh-CN');
    expect(initialLocale({ search: '?lang=fr', remembered: null, browserLanguages: ['fr-FR', 'zh-CN', 'en'] })).toBe('zh-CN');
    expect(initialLocale({ search: '', remembered: 'klingon', browserLanguages: ['fr-FR', 'ja'] })).toBe('en');
    expect(localeFromSearch('?nodes=3')).toBeNull();
  });

  it('writes the language into the address and keeps every other parameter', () => {
    expect(searchWithLocale('?nodes=3&lang=en&seed=2', 'zh-CN')).toBe('?nodes=3&lang=zh-CN&seed=2');
    expect(searchWithLocale('', 'en')).toBe('?lang=en');
  });
});

describe('display preferences', () => {
  it('start from the address, the saved choices and the system', () => {
    expect(initialDisplay(host({ languages: ['zh-CN'], dark: true }).value, '')).toEqual({ theme: 'dark', largeType: false, locale: 'zh-CN' });
    expect(initialDisplay(host({ saved: { 'raftlab.theme': 'light', 'raftlab.largeType': 'true', 'raftlab.locale': 'zh-CN' }, dark: true }).value, '?lang=en')).toEqual({
      theme: 'light',
      largeType: true,
      locale: 'en',
    });
  });

  it('remember a change of language and put it in the address', () => {
    const browser = host({ search: '?nodes=3' });
    const store = makeAppStore(fakePort().port, { start: false });
    const stop = keepDisplayPreferences(store, browser.value);
    store.getState().setLocale('zh-CN');
    expect(browser.saved.get('raftlab.locale')).toBe('zh-CN');
    expect(browser.search()).toBe('?nodes=3&lang=zh-CN');
    store.getState().setLargeType(true);
    expect(browser.saved.get('raftlab.largeType')).toBe('true');
    stop();
    store.getState().setLocale('en');
    expect(browser.saved.get('raftlab.locale')).toBe('zh-CN');
  });
});

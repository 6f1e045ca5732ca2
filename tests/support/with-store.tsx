/**
 * A render option for components that read the app store (the language on screen, through
 * useMessages): `render(<ClientPanel … />, withStore())`, or `withStore('zh-CN')` for Chinese.
 * The store talks to a fake port and starts no run; rerender keeps the same store.
 */
import type { ReactNode } from 'react';
import type { Locale } from '../../src/ui/i18n/locale.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import type { AppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { fakePort } from './fake-port.ts';

export function withStore(locale: Locale = 'en', store: AppStore = makeAppStore(fakePort().port, { start: false, display: { theme: 'light', largeType: false, locale } })) {
  function Wrapper({ children }: { readonly children: ReactNode }) {
    return <AppStoreProvider store={store}>{children}</AppStoreProvider>;
  }
  return { wrapper: Wrapper };
}

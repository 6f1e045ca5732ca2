/**
 * React access to the app store: a provider at the root, and `useAppStore(selector)` in
 * components. Select atoms (`useAppStore((s) => s.timeline.tick)`) or wrap object and array picks
 * in `useShallow`; selecting the whole state would re-render on every frame.
 */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './app-state.ts';
import type { AppStore } from './store.ts';

export { useShallow } from 'zustand/react/shallow';

const AppStoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { readonly store: AppStore; readonly children: ReactNode }) {
  return <AppStoreContext value={store}>{children}</AppStoreContext>;
}

/** The store itself, for transient subscriptions (`subscribe` plus a ref) and the frame loop. */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (store === null) throw new Error('useAppStore needs an <AppStoreProvider> above it');
  return store;
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

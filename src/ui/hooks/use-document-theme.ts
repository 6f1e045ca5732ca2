import { useEffect } from 'react';
import { useAppStore } from '../store/store-context.tsx';

/** Puts the store's theme on <html data-theme>, where the stylesheets' theme colours key off it. */
export function useDocumentTheme(): void {
  const theme = useAppStore((state) => state.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

import { useEffect } from 'react';
import { useAppStore } from '../store/store-context.tsx';

/**
 * Puts the store's theme and Large type on <html data-theme data-large-type>, where the
 * stylesheets' colours and root font size key off them.
 */
export function useDocumentTheme(): void {
  const theme = useAppStore((state) => state.theme);
  const largeType = useAppStore((state) => state.largeType);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    if (largeType) document.documentElement.dataset.largeType = 'true';
    else delete document.documentElement.dataset.largeType;
  }, [largeType]);
}

import { useEffect } from 'react';
import { useAppStore } from '../store/store-context.tsx';

/**
 * Puts the store's theme and Large type on <html data-theme data-large-type>, where the
 * stylesheets' colours and root font size key off them, and its language on <html lang>, which
 * screen readers, hyphenation and the browser's choice of CJK fonts follow.
 */
export function useDocumentTheme(): void {
  const theme = useAppStore((state) => state.theme);
  const largeType = useAppStore((state) => state.largeType);
  const locale = useAppStore((state) => state.locale);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    if (largeType) document.documentElement.dataset.largeType = 'true';
    else delete document.documentElement.dataset.largeType;
  }, [largeType]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
}

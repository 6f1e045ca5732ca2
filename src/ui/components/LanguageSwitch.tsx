import { useId } from 'react';
import { useMessages } from '../hooks/use-messages.ts';
import { localeNames, locales, supportedLocale } from '../i18n/locale.ts';
import { useAppStore } from '../store/store-context.tsx';

/**
 * The language of the whole screen. Its name, "Language / 语言", is the same in every language,
 * so a user who cannot read the current one still finds it; each language is listed in itself.
 */
export function LanguageSwitch() {
  const id = useId();
  const m = useMessages();
  const locale = useAppStore((state) => state.locale);
  const setLocale = useAppStore((state) => state.setLocale);
  return (
    <span className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {m.common.languageSwitch}
      </label>
      <select id={id} value={locale} onChange={(event) => setLocale(supportedLocale(event.target.value) ?? locale)}>
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </select>
    </span>
  );
}

import { messagesFor } from '../i18n/catalogue.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { makeFormat } from '../i18n/format.ts';
import type { Format } from '../i18n/format.ts';
import { useAppStore } from '../store/store-context.tsx';

/** The catalogue of the language on screen; a component re-renders when the language changes. */
export function useMessages(): Messages {
  return messagesFor(useAppStore((state) => state.locale));
}

const formats = new Map<string, Format>();

/** Numbers, plurals and lists in the language on screen (for text a catalogue does not word). */
export function useFormat(): Format {
  const locale = useAppStore((state) => state.locale);
  let format = formats.get(locale);
  if (format === undefined) {
    format = makeFormat(locale);
    formats.set(locale, format);
  }
  return format;
}

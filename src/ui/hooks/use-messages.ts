import { messagesFor } from '../i18n/catalogue.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { useAppStore } from '../store/store-context.tsx';

/** The catalogue of the language on screen; a component re-renders when the language changes. */
export function useMessages(): Messages {
  return messagesFor(useAppStore((state) => state.locale));
}

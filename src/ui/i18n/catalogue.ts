/**
 * The message catalogues: every word a user reads, in each language Raftlab speaks.
 *
 * A message is a string, or a function of its parameters that returns one (free word order, and
 * numbers through the catalogue's own Intl format). Code reads messages by their full path from
 * the catalogue it was given, always named `m` (`m.inspector.crash`): that is how the catalogue
 * test finds keys no code uses. See docs/i18n.md.
 */
import { en } from './en/index.ts';
import type { Locale } from './locale.ts';
import type { Messages } from './messages.ts';
import { zhCN } from './zh-CN/index.ts';

export type { Messages } from './messages.ts';

const catalogues: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

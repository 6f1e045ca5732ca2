/**
 * The few text helpers that are not words of a language, so they live outside the catalogues:
 * code-like cells ("x=1", "del x"), the paper's RPC names, the order of the event topics, and
 * assertNever. Everything a user reads as a sentence or a label is in src/ui/i18n.
 *
 * The core's names (paperName) are not copied but come through src/protocol/vocabulary.ts, since
 * the UI may import core types, not core values.
 */
import type { Command, Topic } from '../core/index.ts';
import { paperName } from '../protocol/vocabulary.ts';

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/** A command short enough for a log cell, the same in every language: "x=1", "del x", "noop". */
export function shortCommand(command: Command): string {
  switch (command.type) {
    case 'put':
      return `${command.key}=${command.value}`;
    case 'delete':
      return `del ${command.key}`;
    case 'noop':
      return 'noop';
    case 'config':
      return `${command.change === 'add' ? '+' : command.change === 'promote' ? '↑' : '−'}n${command.node}`;
    default:
      return assertNever(command, 'command');
  }
}

export { paperName };

/** The event topics in the order of the event log's filter chips (the catalogue names each one). */
export const topicOrder = ['VOTE', 'LEAD', 'TERM', 'TIMR', 'LOG', 'CMIT', 'APPL', 'PERS', 'SEND', 'RECV', 'DROP', 'SNAP', 'CLNT', 'FAULT'] as const satisfies readonly Topic[];
// Every topic has a chip: a topic missing from topicOrder is a type error here.
const _everyTopicHasAChip: Record<Exclude<Topic, (typeof topicOrder)[number]>, never> = {};

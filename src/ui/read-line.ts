import type { ReadView } from '../core/index.ts';
import type { Messages } from './i18n/catalogue.ts';

/**
 * One client get as the client panel lists it, in the language of `m`: where it went, how its
 * leadership was confirmed (the round and who echoed it, or the lease) and what it answered.
 */
export function readLine(m: Messages, read: ReadView): string {
  const words = m.actions.client.read;
  return `${words.head(read.id, read.key, read.node)} · ${readStatus(m, read)}`;
}

function readStatus(m: Messages, read: ReadView): string {
  const words = m.actions.client.read;
  const confirmed = read.byLease ? words.byLease : read.round === null ? '' : words.confirmed(read.round, m.common.nodes(read.acks));
  switch (read.state) {
    case 'refused':
      return read.node === null ? words.nowhere : words.refused(read.lead);
    case 'awaiting-commit':
      return words.awaitingCommit;
    case 'confirming':
      return words.confirming(read.round ?? 0, read.readIndex ?? 0);
    case 'applying':
      return `${confirmed} · ${words.applying(read.readIndex ?? 0)}`;
    case 'served':
      return `${confirmed} → ${words.value(read.key, read.value)}`;
    case 'failed':
      return words.failed[read.failure ?? 'stepped-down'];
  }
}

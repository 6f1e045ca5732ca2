import type { Command, Snapshot } from '../raft/types.ts';
import { sameConfiguration } from '../raft/membership-scan.ts';
import { assertNever } from '../base/assert.ts';

/**
 * The replicated state machine: a key-value store each node builds by applying committed
 * commands in index order. Gets and scans are served from it; they change nothing.
 */
export type KvStore = Map<string, string>;

export function applyCommand(store: KvStore, command: Command): void {
  switch (command.type) {
    case 'put':
      store.set(command.key, command.value);
      return;
    case 'delete':
      store.delete(command.key);
      return;
    case 'noop':
    case 'config': // the configuration lives in the Raft log, not in the key-value state
      return;
    default:
      assertNever(command, 'command');
  }
}

export function kvFromSnapshot(snapshot: Snapshot): KvStore {
  return new Map(snapshot.data);
}

/** The store's contents sorted by key: the data of a snapshot, and what views show. */
export function kvPairs(store: KvStore): [string, string][] {
  return [...store.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function scan(store: KvStore, options: { from?: string; to?: string; limit?: number } = {}): [string, string][] {
  const pairs = kvPairs(store).filter(([key]) => (options.from === undefined || key >= options.from) && (options.to === undefined || key < options.to));
  return options.limit === undefined ? pairs : pairs.slice(0, options.limit);
}

export function describeCommand(command: Command): string {
  switch (command.type) {
    case 'put':
      return `put ${command.key}=${command.value}`;
    case 'delete':
      return `delete ${command.key}`;
    case 'noop':
      return 'no-op';
    case 'config':
      return `config ${command.change} ${command.node}`;
    default:
      return assertNever(command, 'command');
  }
}

export function sameCommand(a: Command, b: Command): boolean {
  if (a === b) return true;
  if (a.type !== b.type) return false;
  if (a.type === 'put' && b.type === 'put') return a.key === b.key && a.value === b.value;
  if (a.type === 'delete' && b.type === 'delete') return a.key === b.key;
  if (a.type === 'config' && b.type === 'config') return a.change === b.change && a.node === b.node && sameConfiguration(a, b);
  return a.type === 'noop' && b.type === 'noop';
}

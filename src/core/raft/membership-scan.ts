import type { NodeEvent } from './events.ts';
import type { RaftLog } from './log.ts';
import type { Configuration, Entry, LogIndex, NodeId } from './types.ts';

/**
 * Keeps a node's configuration in step with its log (thesis §4.1): a server uses the latest
 * configuration in its log, committed or not, so appending a configuration entry changes it at
 * once and truncating one away changes it back. Scans run only when a change is at stake: an
 * append looks at the new entries alone, a truncation rescans only if it cut the entry in force.
 *
 * Written against the fields it touches rather than RaftNode, so node.ts can use it without an
 * import cycle.
 */
export interface MembershipHolder {
  readonly id: NodeId;
  readonly log: RaftLog;
  readonly bootstrap: Configuration;
  membership: Configuration & { readonly index: LogIndex };
  peers: readonly NodeId[];
  events: NodeEvent[];
}

export type MembershipCause = 'appended' | 'truncated' | 'snapshot';

/** The configuration from the log alone: the last configuration entry, else the snapshot's, else the initial one. */
export function rescanMembership(node: MembershipHolder): void {
  const entries = node.log.entries;
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const command = entries[i]!.command;
    if (command.type === 'config') {
      use(node, command, entries[i]!.index);
      return;
    }
  }
  const snapshot = node.log.snapshot;
  use(node, snapshot.membership ?? node.bootstrap, snapshot.membership === undefined ? 0 : snapshot.index);
}

/** After entries were appended: the last configuration among them, if any, is in force now. */
export function noteAppended(node: MembershipHolder, entries: readonly Entry[]): void {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const command = entries[i]!.command;
    if (command.type !== 'config') continue;
    use(node, command, entries[i]!.index);
    report(node, 'appended');
    return;
  }
}

/** After entries from `index` on were dropped: if that cut the configuration in force, the one before it holds again. */
export function noteTruncated(node: MembershipHolder, index: LogIndex): void {
  if (node.membership.index < index) return;
  rescanMembership(node);
  report(node, 'truncated');
}

/** After a snapshot replaced the log's prefix. */
export function noteSnapshot(node: MembershipHolder): void {
  const before = node.membership;
  rescanMembership(node);
  if (before.index !== node.membership.index || !sameConfiguration(before, node.membership)) report(node, 'snapshot');
}

/**
 * The configuration in force at `index` (at most the last index), for a snapshot taken there:
 * the last configuration entry at or before it, else the log's snapshot's; undefined when none
 * came (the initial configuration holds).
 */
export function membershipAt(node: Pick<MembershipHolder, 'log'>, index: LogIndex): Configuration | undefined {
  const { entries, snapshot } = node.log;
  for (let i = Math.min(index - snapshot.index, entries.length) - 1; i >= 0; i -= 1) {
    const command = entries[i]!.command;
    if (command.type === 'config') return { voters: [...command.voters], learners: [...command.learners] };
  }
  return snapshot.membership;
}

export function sameConfiguration(a: Configuration, b: Configuration): boolean {
  return sameIds(a.voters, b.voters) && sameIds(a.learners, b.learners);
}

function sameIds(a: readonly NodeId[], b: readonly NodeId[]): boolean {
  return a.length === b.length && a.every((id, at) => id === b[at]);
}

function use(node: MembershipHolder, configuration: Configuration, index: LogIndex): void {
  node.membership = { voters: [...configuration.voters], learners: [...configuration.learners], index };
  node.peers = [...configuration.voters, ...configuration.learners].filter((id) => id !== node.id).sort((a, b) => a - b);
}

function report(node: MembershipHolder, cause: MembershipCause): void {
  const { voters, learners, index } = node.membership;
  node.events.push({ type: 'config-changed', voters: [...voters], learners: [...learners], index, cause });
}

/**
 * Small text helpers for the panels: the UI's own wording (cells, lists, RPC fields, topic and
 * drop-reason names). The core's canonical texts (describeCommand, paperName) are not copied but
 * come through src/protocol/vocabulary.ts, since the UI may import core types, not core values.
 *
 * Lookup tables are typed `satisfies Record<Union, …>` and switches end in assertNever, so a new
 * message kind, topic or drop reason breaks the build until each of them names it.
 */
import type { Command, DropReason, NodeId, RemoteMessage, Topic } from '../core/index.ts';
import { describeCommand, paperName } from '../protocol/vocabulary.ts';

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/** A command short enough for a log cell: "x=1", "del x", "noop". */
export function shortCommand(command: Command): string {
  switch (command.type) {
    case 'put':
      return `${command.key}=${command.value}`;
    case 'delete':
      return `del ${command.key}`;
    case 'noop':
      return 'noop';
    default:
      return assertNever(command, 'command');
  }
}

/** A command in words: "put x=1", "delete x", "no-op" (the core's canonical text). */
export const longCommand = describeCommand;

/** Cuts text to `max` characters with an ellipsis (cells stay narrow; labels keep the full text). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

export { paperName };

/** Why a message was lost, as a clause that completes "…was lost: ". */
export const dropReasonText = {
  loss: 'the network dropped it at random (message loss)',
  partition: 'sender and receiver are in different partitions',
  'link-cut': 'the link between them is cut',
  'receiver-crashed': 'the receiver is crashed',
} as const satisfies Record<DropReason, string>;

/** What each event topic covers; key order is the order of the filter chips. */
export const topicNames = {
  VOTE: 'votes',
  LEAD: 'leadership',
  TERM: 'terms',
  TIMR: 'timers',
  LOG: 'log changes',
  CMIT: 'commits',
  APPL: 'applied entries',
  PERS: 'disk writes',
  SEND: 'messages sent',
  RECV: 'messages received',
  DROP: 'messages lost',
  SNAP: 'snapshots',
  CLNT: 'client requests',
  FAULT: 'faults',
} as const satisfies Record<Topic, string>;

export const topicOrder = Object.keys(topicNames) as Topic[];

/** "node 3", "nodes 1 and 2", "nodes 1, 2 and 4", "no nodes". */
export function nodeList(ids: readonly NodeId[]): string {
  if (ids.length === 0) return 'no nodes';
  if (ids.length === 1) return `node ${ids[0]!}`;
  return `nodes ${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]!}`;
}

/** "1 entry", "3 entries": a count with its noun in the right number. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "entry 5", "entries 5..7", "no entries". */
export function indexRange(first: number, last: number): string {
  if (last < first) return 'no entries';
  return first === last ? `entry ${first}` : `entries ${first}..${last}`;
}

/** The arguments (requests) or results (replies) of an RPC, in Figure 2's field names. */
export function describeRpc(message: RemoteMessage): string {
  switch (message.type) {
    case 'MsgVote':
      return `lastLogIndex ${message.lastLogIndex}, lastLogTerm ${message.lastLogTerm}`;
    case 'MsgVoteResp':
      return message.granted ? 'vote granted' : 'vote refused';
    case 'MsgApp': {
      const entries = message.entries;
      const carried = entries.length === 0 ? 'no entries (heartbeat)' : indexRange(entries[0]!.index, entries[entries.length - 1]!.index);
      return `prevLogIndex ${message.prevLogIndex}, prevLogTerm ${message.prevLogTerm}, ${carried}, leaderCommit ${message.leaderCommit}`;
    }
    case 'MsgAppResp':
      if (message.success) return `success, matchIndex ${message.matchIndex}`;
      return `rejected at prevLogIndex ${message.rejectedIndex}${describeHint(message.conflictTerm, message.conflictIndex)}`;
    case 'MsgSnap':
      return `snapshot through index ${message.snapshot.index} (term ${message.snapshot.term}), ${plural(message.snapshot.data.length, 'key')}`;
    case 'MsgSnapResp':
      return `matchIndex ${message.matchIndex}`;
    default:
      return assertNever(message, 'message');
  }
}

/** The fast-backup hint of a rejected append, or nothing when the follower sent none. */
export function describeHint(conflictTerm: number | null, conflictIndex: number | null): string {
  if (conflictIndex === null) return '';
  if (conflictTerm === null) return `; hint: log too short, retry from index ${conflictIndex}`;
  return `; hint: conflicting term ${conflictTerm} starts at index ${conflictIndex}`;
}

/** A partition as groups: "{1, 2} | {3, 4, 5}". */
export function describeGroups(groups: readonly (readonly NodeId[])[]): string {
  return groups.map((group) => `{${group.join(', ')}}`).join(' | ');
}

/** A count with thousands separators, as the app writes ticks: "2,966". */
export function grouped(count: number): string {
  return count.toLocaleString('en-US');
}

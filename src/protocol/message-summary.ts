/**
 * The one-line summary of a message, rebuilt on the UI side of the wire: the same text as the
 * core's describeMessage (src/core/describe.ts), so a frame need not carry it for every message
 * in flight (about 50 characters each). The protocol may import only types from the core (the UI
 * imports the protocol), hence this copy; tests/unit/worker/wire-view.test.ts checks that the two
 * agree on thousands of real messages, and encodeView sends the core's text whenever they differ.
 */
import type { Entry, RemoteMessage } from '../core/index.ts';

export function messageSummary(message: RemoteMessage): string {
  const head = `${message.type} ${message.from}→${message.to} term ${message.term}`;
  switch (message.type) {
    case 'MsgVote':
      return `${head} last log ${message.lastLogIndex}/${message.lastLogTerm}`;
    case 'MsgVoteResp':
      return `${head} ${message.granted ? 'granted' : 'refused'}`;
    case 'MsgApp':
      return `${head} prev ${message.prevLogIndex}/${message.prevLogTerm} ${entriesSummary(message.entries)} commit ${message.leaderCommit}`;
    case 'MsgAppResp':
      return message.success
        ? `${head} ok match ${message.matchIndex}`
        : `${head} reject at ${message.rejectedIndex}${message.conflictIndex === null ? '' : ` hint term ${message.conflictTerm ?? '-'} index ${message.conflictIndex}`}`;
    case 'MsgSnap':
      return `${head} snapshot ${message.snapshot.index}/${message.snapshot.term}`;
    case 'MsgSnapResp':
      return `${head} match ${message.matchIndex}`;
    default:
      throw new Error(`unexpected message: ${JSON.stringify(message satisfies never)}`);
  }
}

function entriesSummary(entries: readonly Entry[]): string {
  if (entries.length === 0) return 'heartbeat';
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  return entries.length === 1 ? `entry ${first.index}` : `entries ${first.index}..${last.index}`;
}

import type { RemoteMessage } from './raft/message.ts';
import type { Entry } from './raft/types.ts';
import { assertNever } from './base/assert.ts';
import { describeCommand } from './sim/kv.ts';

/** One canonical line for a message, shared by the event log, the CLI and message tooltips. */
export function describeMessage(message: RemoteMessage): string {
  const head = `${message.type} ${message.from}→${message.to} term ${message.term}`;
  switch (message.type) {
    case 'MsgVote':
      return `${head}${message.pre === true ? ' pre-vote' : ''}${message.transfer === true ? ' transfer' : ''} last log ${message.lastLogIndex}/${message.lastLogTerm}`;
    case 'MsgVoteResp':
      return `${head}${message.pre === true ? ' pre-vote' : ''} ${message.granted ? 'granted' : 'refused'}`;
    case 'MsgApp':
      return `${head} prev ${message.prevLogIndex}/${message.prevLogTerm} ${describeEntries(message.entries)} commit ${message.leaderCommit}${readRound(message.read)}`;
    case 'MsgAppResp':
      return message.success
        ? `${head} ok match ${message.matchIndex}${readRound(message.read)}`
        : `${head} reject at ${message.rejectedIndex}${message.conflictIndex === null ? '' : ` hint term ${message.conflictTerm ?? '-'} index ${message.conflictIndex}`}${readRound(message.read)}`;
    case 'MsgSnap':
      return `${head} snapshot ${message.snapshot.index}/${message.snapshot.term}`;
    case 'MsgSnapResp':
      return `${head} match ${message.matchIndex}`;
    case 'MsgTimeoutNow':
      return `${head} stand now`;
    default:
      return assertNever(message, 'message');
  }
}

export function describeEntries(entries: readonly Entry[]): string {
  if (entries.length === 0) return 'heartbeat';
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  return entries.length === 1 ? `entry ${first.index}` : `entries ${first.index}..${last.index}`;
}

export { describeCommand };

/** ReadIndex: the confirmation round an append carries, or its answer echoes. */
function readRound(round: number | undefined): string {
  return round === undefined ? '' : ` round ${round}`;
}

/**
 * `break` statements: the run's breakpoints (src/core/breakpoints.ts), kept with the run so the
 * app pauses where the scenario's author wants. Not timed: a breakpoint is set for the whole run.
 *
 *   break on new leader | break on term change | break on candidate | break on commit
 *   break on truncation | break on violation
 *   break on vote refused [for stale-term | already-voted | log-not-up-to-date]
 *   break on message sent|delivered [MsgVote | MsgVoteResp | MsgApp | MsgAppResp | MsgSnap | MsgSnapResp | MsgTimeoutNow] [from N] [to N]
 *   break at T
 * Any of them may end with `off`: set, but off (the app lists it unticked).
 */
import type { Breakpoint, VoteRefusal } from '../core/index.ts';
import { remoteMessageTypes, voteRefusals } from '../core/index.ts';
import type { BreakpointSetting } from './annotations.ts';
import type { Cursor } from './cursor.ts';
import { kind, literal } from './cursor.ts';

const plain = { 'new leader': 'new-leader', 'term change': 'term-change', candidate: 'candidate', commit: 'commit', truncation: 'truncation', violation: 'violation' } as const;

/** An end of a message breakpoint: a node number (breakpoints are data: no `leader` here). */
function endNode(cursor: Cursor): number {
  const node = cursor.nodeRef();
  if (node.kind !== 'id') throw cursor.error([kind('node')]);
  return node.id;
}

function condition(cursor: Cursor): Breakpoint {
  if (cursor.acceptWord('at')) return { kind: 'tick', tick: cursor.tick(0) };
  cursor.expectWord('on');
  if (cursor.acceptWord('new')) {
    cursor.expectWord('leader');
    return { kind: plain['new leader'] };
  }
  if (cursor.acceptWord('term')) {
    cursor.expectWord('change');
    return { kind: plain['term change'] };
  }
  if (cursor.acceptWord('vote')) {
    cursor.expectWord('refused');
    const reason = cursor.acceptWord('for') ? cursor.oneOf<VoteRefusal>(voteRefusals, voteRefusals.map(literal)) : null;
    return { kind: 'vote-refused', reason };
  }
  if (cursor.acceptWord('message')) {
    const on = cursor.oneOf(['sent', 'delivered'], [literal('sent'), literal('delivered')]);
    const messageType = remoteMessageTypes.find((type) => cursor.isWord(type)) ?? null;
    if (messageType !== null) cursor.next();
    const from = cursor.acceptWord('from') ? endNode(cursor) : null;
    const to = cursor.acceptWord('to') ? endNode(cursor) : null;
    return { kind: 'message', on, messageType, from, to };
  }
  const word = cursor.oneOf(['candidate', 'commit', 'truncation', 'violation'], ['new leader', 'term change', 'candidate', 'commit', 'truncation', 'violation', 'vote refused', 'message'].map(literal));
  return { kind: plain[word] };
}

/** The statement after `break`. */
export function breakpointStatement(cursor: Cursor): BreakpointSetting {
  const breakpoint = condition(cursor);
  const enabled = !cursor.acceptWord('off');
  cursor.end(enabled ? [literal('off')] : []);
  return { breakpoint, enabled };
}

/** The statement for a breakpoint, as breakpointStatement reads it. */
export function printBreakpoint({ breakpoint, enabled }: BreakpointSetting): string {
  const off = enabled ? '' : ' off';
  switch (breakpoint.kind) {
    case 'tick':
      return `break at ${breakpoint.tick}${off}`;
    case 'new-leader':
      return `break on new leader${off}`;
    case 'term-change':
      return `break on term change${off}`;
    case 'vote-refused':
      return `break on vote refused${breakpoint.reason === null ? '' : ` for ${breakpoint.reason}`}${off}`;
    case 'message': {
      const parts = [`break on message ${breakpoint.on}`];
      if (breakpoint.messageType !== null) parts.push(breakpoint.messageType);
      if (breakpoint.from !== null) parts.push(`from ${breakpoint.from}`);
      if (breakpoint.to !== null) parts.push(`to ${breakpoint.to}`);
      return `${parts.join(' ')}${off}`;
    }
    default:
      return `break on ${breakpoint.kind}${off}`;
  }
}

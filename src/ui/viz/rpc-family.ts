/**
 * The three RPCs of the paper, each a request and its reply: the unit the event log and the
 * space-time diagram filter messages by.
 */
import type { RemoteMessageType } from '../../core/index.ts';

/** The RPCs, each a request and its reply, as the filter names them. */
export type RpcFamily = 'vote' | 'append' | 'snapshot';
export const rpcFamilies: readonly RpcFamily[] = ['vote', 'append', 'snapshot'];
// TimeoutNow (leadership transfer) starts an election, so it is filtered with the votes.
const familyOf: Record<RemoteMessageType, RpcFamily> = { MsgVote: 'vote', MsgVoteResp: 'vote', MsgApp: 'append', MsgAppResp: 'append', MsgSnap: 'snapshot', MsgSnapResp: 'snapshot', MsgTimeoutNow: 'vote' };
/** The request that names each RPC (its paper name is the family's name). */
export const familyRequest: Record<RpcFamily, RemoteMessageType> = { vote: 'MsgVote', append: 'MsgApp', snapshot: 'MsgSnap' };

export function rpcFamily(type: RemoteMessageType): RpcFamily {
  return familyOf[type];
}

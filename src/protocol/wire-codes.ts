/**
 * The small codes the wire view uses for closed sets of values (roles, message types, drop
 * reasons) and for records of known keys (settings, stats): positions instead of names. Every
 * list is checked by type to name each member, so a new role or message kind breaks the build
 * here until it has a code.
 */
import type { CountByType, DropReason, NetworkConfig, ProgressView, RaftConfig, RemoteMessageType, Role, Stats } from '../core/index.ts';

/** -1 stands for null in a number slot: ids, ticks, indexes and terms are never negative. */
export const absent = -1;

export function orAbsent(value: number | null): number {
  return value ?? absent;
}

export function fromAbsent(value: number): number | null {
  return value === absent ? null : value;
}

type Unlisted<Union, Listed> = Exclude<Union, Listed>;

/**
 * A list that must name every member of Union: `everyMember<Role>()(['follower', 'candidate'])`
 * fails to compile, saying which member is unlisted.
 */
function everyMember<Union>() {
  return <const Listed extends readonly Union[]>(
    listed: Listed & ([Unlisted<Union, Listed[number]>] extends [never] ? unknown : { readonly unlisted: Unlisted<Union, Listed[number]> }),
  ): Listed => listed;
}

export interface Codebook<T> {
  encode(value: T): number;
  decode(code: number): T;
}

/** A value's code is its position in the list. */
function codebook<T>(what: string, values: readonly T[]): Codebook<T> {
  return {
    encode: (value) => {
      const code = values.indexOf(value);
      if (code < 0) throw new Error(`wire view: ${what} ${String(value)} has no code`);
      return code;
    },
    decode: (code) => {
      if (!Number.isInteger(code) || code < 0 || code >= values.length) throw new Error(`wire view: ${what} code ${code} is unknown`);
      return values[code]!;
    },
  };
}

const messageTypeList = everyMember<RemoteMessageType>()(['MsgVote', 'MsgVoteResp', 'MsgApp', 'MsgAppResp', 'MsgSnap', 'MsgSnapResp', 'MsgTimeoutNow']);
export const messageTypeCodes = codebook<RemoteMessageType>('message type', messageTypeList);
/** A crashed node has no role (null, code 0). */
export const roleCodes = codebook<Role | null>('role', everyMember<Role | null>()([null, 'follower', 'candidate', 'leader']));
/** A message that will arrive is not lost (null, code 0). */
export const dropReasonCodes = codebook<DropReason | null>('drop reason', everyMember<DropReason | null>()([null, 'loss', 'partition', 'link-cut', 'receiver-crashed', 'by-hand']));
export const progressStateCodes = codebook<ProgressView['state']>('progress state', everyMember<ProgressView['state']>()(['probe', 'replicate', 'snapshot']));

/** A record of known keys as the list of its values, in the order of `keys`. */
export interface RecordCodec<T, Value> {
  encode(record: T): Value[];
  decode(values: readonly Value[]): T;
}

function recordCodec<T extends object>(what: string, keys: readonly (keyof T)[]): RecordCodec<T, T[keyof T]> {
  return {
    encode: (record) => keys.map((key) => record[key]),
    decode: (values) => {
      if (values.length !== keys.length) throw new Error(`wire view: ${what} has ${values.length} values, not ${keys.length}`);
      return Object.fromEntries(keys.map((key, position) => [key, values[position]])) as T;
    },
  };
}

// Keys in the core's declaration order, so a decoded record prints as the core's does.
export const raftConfigCodec = recordCodec<RaftConfig>(
  'raft settings',
  everyMember<keyof RaftConfig>()([
    'electionTimeoutTicksMin', 'electionTimeoutTicksMax', 'heartbeatIntervalTicks', 'entriesPerAppendMax', 'inflightMax', 'batchProposals', 'fastBackup', 'snapshotThresholdEntries', 'checkQuorum', 'preVote', 'leaseReads',
    'unsafeCommitByCounting', 'unsafeForgetVote', 'unsafeVoteWithoutLogCheck', 'unsafeFixedTimeouts', 'unsafeApplyBeforeCommit', 'unsafeAppendWithoutCheck', 'unsafeNoLeaderNoop', 'unsafeKeepCommitOnRestart',
  ]),
);
export const networkConfigCodec = recordCodec<NetworkConfig>(
  'network settings',
  everyMember<keyof NetworkConfig>()(['delayTicksMin', 'delayTicksMax', 'dropRatio', 'duplicateRatio', 'reorderRatio']),
);

type CountKey = { [K in keyof Stats]: Stats[K] extends CountByType ? K : never }[keyof Stats];
type TotalKey = { [K in keyof Stats]: Stats[K] extends number ? K : never }[keyof Stats];
const countKeys = everyMember<CountKey>()(['sent', 'delivered', 'dropped', 'duplicated']);
const totalKeys = everyMember<TotalKey>()(['elections', 'leadersElected', 'highestCommittedIndex', 'proposalsAccepted', 'proposalsRefused', 'crashes', 'restarts', 'snapshotsTaken', 'snapshotsInstalled']);
const countCodec = recordCodec<CountByType>('message counts', messageTypeList);
const totalsCodec = recordCodec<Pick<Stats, TotalKey>>('stats', totalKeys);

/** Stats as one list: each count by type (in message type order), then the totals. */
export const statsCodec: RecordCodec<Stats, number> = {
  encode: (stats) => [...countKeys.flatMap((key) => countCodec.encode(stats[key])), ...totalsCodec.encode(stats)],
  decode: (values) => {
    const width = messageTypeList.length;
    const counts = countKeys.map((key, position) => [key, countCodec.decode(values.slice(position * width, (position + 1) * width))] as const);
    return { ...(Object.fromEntries(counts) as Pick<Stats, CountKey>), ...totalsCodec.decode(values.slice(countKeys.length * width)) };
  },
};

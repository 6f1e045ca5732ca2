import type { RaftConfig } from '../raft/types.ts';
import { describeValue, requireBoolean, requireInteger, requireProbability, SimulationInputError } from './errors.ts';

/**
 * Timing defaults. One tick stands for one millisecond of simulated time. Heartbeats go every 100
 * ticks, the most the 6.824 lab allows (ten per second), and election timeouts are drawn from
 * 300-600 ticks: at least three heartbeat intervals, so one lost heartbeat does not start an
 * election, and far below the lab's five seconds to elect a new leader. Messages take 10-30 ticks,
 * so a round trip stays well below the election timeout (the paper's broadcastTime <<
 * electionTimeout) while still being visible in flight. A 5-node cluster elects its first leader
 * after about 350-450 ticks (docs/time.md has the measurement).
 */
export const defaultRaftConfig: RaftConfig = {
  electionTimeoutTicksMin: 300,
  electionTimeoutTicksMax: 600,
  heartbeatIntervalTicks: 100,
  entriesPerAppendMax: 64,
  inflightMax: 16,
  batchProposals: false,
  fastBackup: true,
  snapshotThresholdEntries: 100,
  checkQuorum: false,
  preVote: false,
  leaseReads: false,
  unsafeCommitByCounting: false,
  unsafeForgetVote: false,
  unsafeVoteWithoutLogCheck: false,
  unsafeFixedTimeouts: false,
  unsafeApplyBeforeCommit: false,
  unsafeAppendWithoutCheck: false,
  unsafeNoLeaderNoop: false,
  unsafeKeepCommitOnRestart: false,
};

export interface NetworkConfig {
  /** Each message takes a latency drawn uniformly from [min, max] ticks. */
  readonly delayTicksMin: number;
  readonly delayTicksMax: number;
  /** Probability that a message is lost. */
  readonly dropRatio: number;
  /** Probability that a message is delivered twice (the copy with its own latency). */
  readonly duplicateRatio: number;
  /**
   * Probability that a message may overtake earlier ones on its link. Otherwise each link is
   * FIFO, as over one TCP connection.
   */
  readonly reorderRatio: number;
}

export const defaultNetworkConfig: NetworkConfig = {
  delayTicksMin: 10,
  delayTicksMax: 30,
  dropRatio: 0,
  duplicateRatio: 0,
  reorderRatio: 0,
};

export const nodeCountMax = 64;

/**
 * A steady client: every `proposeEveryTicks` ticks it sends a put to whichever node leads then
 * (nothing while there is no leader), cycling through `keys` keys. Part of the run's options, so
 * it replays exactly. 0 turns it off.
 */
export interface Workload {
  readonly proposeEveryTicks: number;
  readonly keys: number;
}

export const defaultWorkload: Workload = { proposeEveryTicks: 0, keys: 16 };

export interface SimulationOptions {
  /** Number of nodes, 1 to 64 (ids 1..nodes). Default 5. */
  readonly nodes?: number;
  /** Seed of every random choice in the run. Default 1. */
  readonly seed?: number;
  readonly raft?: Partial<RaftConfig>;
  readonly network?: Partial<NetworkConfig>;
  /** Run each node's invariant checks after every step (on by default; the bench measures both). */
  readonly checkNodeInvariants?: boolean;
  /** How many recent events to keep (older ones are dropped). Default 10,000. */
  readonly eventLimit?: number;
  /** Steady client traffic; off by default. */
  readonly workload?: Partial<Workload>;
  /**
   * The liveness watch's threshold (sim/liveness.ts): a healthy cluster with no leader, or a
   * leader unable to commit, for this many ticks is reported as a stall. 0 turns it off. Default:
   * five of the longest election timeouts.
   */
  readonly livenessWatchTicks?: number;
}

export interface ResolvedOptions {
  readonly nodes: number;
  readonly seed: number;
  readonly raft: RaftConfig;
  readonly network: NetworkConfig;
  readonly checkNodeInvariants: boolean;
  readonly eventLimit: number;
  readonly workload: Workload;
  readonly livenessWatchTicks: number;
}

const raftKeys = Object.keys(defaultRaftConfig) as (keyof RaftConfig)[];
const networkKeys = Object.keys(defaultNetworkConfig) as (keyof NetworkConfig)[];
const topKeys = ['nodes', 'seed', 'raft', 'network', 'checkNodeInvariants', 'eventLimit', 'workload', 'livenessWatchTicks'];

/** The liveness watch's threshold when none is given: five of the longest election timeouts. */
export function livenessWatchTicksFor(raft: RaftConfig): number {
  return 5 * raft.electionTimeoutTicksMax;
}

function rejectUnknownKeys(field: string, value: object, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw new SimulationInputError(`${field}${key}`, `one of the known options (${known.join(', ')})`, 'an unknown option');
  }
}

function requireObject(field: string, value: unknown): object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SimulationInputError(field, 'an object', describeValue(value));
  return value;
}

export function resolveRaftConfig(partial: unknown, field = 'raft'): RaftConfig {
  const given = { ...defaultRaftConfig, ...(requireObject(field, partial ?? {}) as Partial<RaftConfig>) };
  rejectUnknownKeys(`${field}.`, requireObject(field, partial ?? {}), raftKeys);
  const config: RaftConfig = {
    electionTimeoutTicksMin: requireInteger(`${field}.electionTimeoutTicksMin`, given.electionTimeoutTicksMin, { min: 1, max: 1_000_000 }),
    electionTimeoutTicksMax: requireInteger(`${field}.electionTimeoutTicksMax`, given.electionTimeoutTicksMax, { min: 1, max: 1_000_000 }),
    heartbeatIntervalTicks: requireInteger(`${field}.heartbeatIntervalTicks`, given.heartbeatIntervalTicks, { min: 1, max: 1_000_000 }),
    entriesPerAppendMax: requireInteger(`${field}.entriesPerAppendMax`, given.entriesPerAppendMax, { min: 1, max: 100_000 }),
    inflightMax: requireInteger(`${field}.inflightMax`, given.inflightMax, { min: 1, max: 10_000 }),
    batchProposals: requireBoolean(`${field}.batchProposals`, given.batchProposals),
    fastBackup: requireBoolean(`${field}.fastBackup`, given.fastBackup),
    snapshotThresholdEntries: requireInteger(`${field}.snapshotThresholdEntries`, given.snapshotThresholdEntries, { min: 0, max: 10_000_000 }),
    checkQuorum: requireBoolean(`${field}.checkQuorum`, given.checkQuorum),
    preVote: requireBoolean(`${field}.preVote`, given.preVote),
    leaseReads: requireBoolean(`${field}.leaseReads`, given.leaseReads),
    unsafeCommitByCounting: requireBoolean(`${field}.unsafeCommitByCounting`, given.unsafeCommitByCounting),
    unsafeForgetVote: requireBoolean(`${field}.unsafeForgetVote`, given.unsafeForgetVote),
    unsafeVoteWithoutLogCheck: requireBoolean(`${field}.unsafeVoteWithoutLogCheck`, given.unsafeVoteWithoutLogCheck),
    unsafeFixedTimeouts: requireBoolean(`${field}.unsafeFixedTimeouts`, given.unsafeFixedTimeouts),
    unsafeApplyBeforeCommit: requireBoolean(`${field}.unsafeApplyBeforeCommit`, given.unsafeApplyBeforeCommit),
    unsafeAppendWithoutCheck: requireBoolean(`${field}.unsafeAppendWithoutCheck`, given.unsafeAppendWithoutCheck),
    unsafeNoLeaderNoop: requireBoolean(`${field}.unsafeNoLeaderNoop`, given.unsafeNoLeaderNoop),
    unsafeKeepCommitOnRestart: requireBoolean(`${field}.unsafeKeepCommitOnRestart`, given.unsafeKeepCommitOnRestart),
  };
  if (config.electionTimeoutTicksMin > config.electionTimeoutTicksMax) {
    throw new SimulationInputError(
      `${field}.electionTimeoutTicksMin`,
      `at most ${field}.electionTimeoutTicksMax (${config.electionTimeoutTicksMax})`,
      String(config.electionTimeoutTicksMin),
    );
  }
  return config;
}

export function resolveNetworkConfig(partial: unknown, base: NetworkConfig = defaultNetworkConfig, field = 'network'): NetworkConfig {
  rejectUnknownKeys(`${field}.`, requireObject(field, partial ?? {}), networkKeys);
  const given = { ...base, ...(partial as Partial<NetworkConfig> | undefined) };
  const config: NetworkConfig = {
    delayTicksMin: requireInteger(`${field}.delayTicksMin`, given.delayTicksMin, { min: 1, max: 1_000_000 }),
    delayTicksMax: requireInteger(`${field}.delayTicksMax`, given.delayTicksMax, { min: 1, max: 1_000_000 }),
    dropRatio: requireProbability(`${field}.dropRatio`, given.dropRatio),
    duplicateRatio: requireProbability(`${field}.duplicateRatio`, given.duplicateRatio),
    reorderRatio: requireProbability(`${field}.reorderRatio`, given.reorderRatio),
  };
  if (config.delayTicksMin > config.delayTicksMax) {
    throw new SimulationInputError(`${field}.delayTicksMin`, `at most ${field}.delayTicksMax (${config.delayTicksMax})`, String(config.delayTicksMin));
  }
  return config;
}

export function resolveWorkload(partial: unknown, base: Workload = defaultWorkload, field = 'workload'): Workload {
  rejectUnknownKeys(`${field}.`, requireObject(field, partial ?? {}), ['proposeEveryTicks', 'keys']);
  const given = { ...base, ...(partial as Partial<Workload> | undefined) };
  return {
    proposeEveryTicks: requireInteger(`${field}.proposeEveryTicks`, given.proposeEveryTicks, { min: 0, max: 1_000_000 }),
    keys: requireInteger(`${field}.keys`, given.keys, { min: 1, max: 10_000 }),
  };
}

export function resolveOptions(options: unknown = {}): ResolvedOptions {
  const given = requireObject('options', options) as SimulationOptions;
  rejectUnknownKeys('', given, topKeys);
  const raft = resolveRaftConfig(given.raft);
  return {
    nodes: requireInteger('nodes', given.nodes ?? 5, { min: 1, max: nodeCountMax }),
    seed: requireInteger('seed', given.seed ?? 1, { min: 0, max: 0xffff_ffff }),
    raft,
    network: resolveNetworkConfig(given.network),
    checkNodeInvariants: requireBoolean('checkNodeInvariants', given.checkNodeInvariants ?? true),
    eventLimit: requireInteger('eventLimit', given.eventLimit ?? 10_000, { min: 0, max: 10_000_000 }),
    workload: resolveWorkload(given.workload),
    livenessWatchTicks: requireInteger('livenessWatchTicks', given.livenessWatchTicks ?? livenessWatchTicksFor(raft), { min: 0, max: 10_000_000 }),
  };
}

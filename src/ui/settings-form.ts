/**
 * Parsing and validation of the settings forms, kept pure so the rules are tested without a DOM.
 * Inputs arrive as the strings the user typed; each field gets its own error, in the words of
 * the catalogue `m` passed in (the form parses on every render, so errors follow the language).
 *
 * The bounds mirror the core's own checks (core/sim/options.ts), so a form that passes here is
 * never refused by the worker; the node count is capped lower (screenNodeCountMax) because more
 * nodes do not fit on a projected screen.
 */
import type { NetworkConfig, RaftConfig, SimulationOptions, UnsafeSwitch } from '../core/index.ts';
import { unsafeSwitchField, unsafeSwitchNames, unsafeSwitchesOn } from '../protocol/vocabulary.ts';
import { screenNodeCountMax } from '../protocol/worker-protocol.ts';
import type { Messages } from './i18n/catalogue.ts';

const ticksMax = 1_000_000;
const seedMax = 0xffff_ffff;

export type NetworkField = 'lossPercent' | 'duplicatePercent' | 'reorderPercent' | 'latencyMin' | 'latencyMax';
export type RunField = 'electionMin' | 'electionMax' | 'heartbeat' | 'snapshotThreshold' | 'nodes' | 'seed';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type Parsed<T, F extends string> = { readonly ok: true; readonly value: T; readonly warnings: FieldErrors<F> } | { readonly ok: false; readonly errors: FieldErrors<F> };

function integerIn(m: Messages, text: string, min: number, max: number): number | string {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return m.settings.check.wholeNumber;
  const value = Number(trimmed);
  if (value < min || value > max) return m.settings.check.between(min, max);
  return value;
}

function percent(m: Messages, text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '' || !Number.isFinite(Number(trimmed))) return m.settings.check.number;
  const value = Number(trimmed);
  if (value < 0 || value > 100) return m.settings.check.between(0, 100);
  return value;
}

/** Collects numbers and errors field by field; `ok` once every field parsed. */
function parseFields<F extends string>(read: Record<F, () => number | string>): { numbers: Partial<Record<F, number>>; errors: FieldErrors<F> } {
  const numbers: Partial<Record<F, number>> = {};
  const errors: FieldErrors<F> = {};
  for (const field of Object.keys(read) as F[]) {
    const result = read[field]();
    if (typeof result === 'string') errors[field] = result;
    else numbers[field] = result;
  }
  return { numbers, errors };
}

function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}

/** A ratio as the form's percent, to two decimals: 0.125 is "12.5". */
export function ratioAsPercent(ratio: number): string {
  return String(Math.round(ratio * 10_000) / 100);
}

export function networkFormValues(network: NetworkConfig): Record<NetworkField, string> {
  const asPercent = ratioAsPercent;
  return {
    lossPercent: asPercent(network.dropRatio),
    duplicatePercent: asPercent(network.duplicateRatio),
    reorderPercent: asPercent(network.reorderRatio),
    latencyMin: String(network.delayTicksMin),
    latencyMax: String(network.delayTicksMax),
  };
}

/** The network form's values, or each bad field's error in the language of `m`. */
export function parseNetworkForm(m: Messages, form: Record<NetworkField, string>): Parsed<NetworkConfig, NetworkField> {
  const { numbers, errors } = parseFields<NetworkField>({
    lossPercent: () => percent(m, form.lossPercent),
    duplicatePercent: () => percent(m, form.duplicatePercent),
    reorderPercent: () => percent(m, form.reorderPercent),
    latencyMin: () => integerIn(m, form.latencyMin, 1, ticksMax),
    latencyMax: () => integerIn(m, form.latencyMax, 1, ticksMax),
  });
  if (numbers.latencyMin !== undefined && numbers.latencyMax !== undefined && numbers.latencyMin > numbers.latencyMax) {
    errors.latencyMin = m.settings.check.minAboveMax(numbers.latencyMax);
  }
  if (hasErrors(errors)) return { ok: false, errors };
  const value: NetworkConfig = {
    dropRatio: numbers.lossPercent! / 100,
    duplicateRatio: numbers.duplicatePercent! / 100,
    reorderRatio: numbers.reorderPercent! / 100,
    delayTicksMin: numbers.latencyMin!,
    delayTicksMax: numbers.latencyMax!,
  };
  return { ok: true, value, warnings: {} };
}

/**
 * What the network form shows, as one string: the form reloads when it changes (a new run, an
 * applied change, a seek past one), and never while only the rest of the view moves on.
 */
export function networkFormKey(network: NetworkConfig): string {
  return JSON.stringify(networkFormValues(network));
}

export interface RunFormSource {
  readonly raft: RaftConfig;
  readonly nodeCount: number;
  readonly seed: number;
}

/** What the new-run form shows, as one string: it changes only when a different run is shown. */
export function runFormKey(source: RunFormSource): string {
  return JSON.stringify({ ...runFormValues(source), fastBackup: source.raft.fastBackup, batching: source.raft.batchProposals, preVote: source.raft.preVote, checkQuorum: source.raft.checkQuorum, leaseReads: source.raft.leaseReads, unsafe: unsafeSwitchesOn(source.raft) });
}

export function runFormValues(options: RunFormSource): Record<RunField, string> {
  return {
    electionMin: String(options.raft.electionTimeoutTicksMin),
    electionMax: String(options.raft.electionTimeoutTicksMax),
    heartbeat: String(options.raft.heartbeatIntervalTicks),
    snapshotThreshold: String(options.raft.snapshotThresholdEntries),
    nodes: String(options.nodeCount),
    seed: String(options.seed),
  };
}

/** The new run's options: the form's fields over the current Raft settings and network (errors and warnings in the language of `m`). */
export function parseRunForm(
  m: Messages,
  form: Record<RunField, string>,
  base: { raft: RaftConfig; network: NetworkConfig; fastBackup: boolean; batchProposals?: boolean; preVote?: boolean; checkQuorum?: boolean; leaseReads?: boolean; unsafe?: readonly UnsafeSwitch[] },
): Parsed<SimulationOptions, RunField> {
  const { numbers, errors } = parseFields<RunField>({
    electionMin: () => integerIn(m, form.electionMin, 1, ticksMax),
    electionMax: () => integerIn(m, form.electionMax, 1, ticksMax),
    heartbeat: () => integerIn(m, form.heartbeat, 1, ticksMax),
    snapshotThreshold: () => integerIn(m, form.snapshotThreshold, 0, ticksMax),
    nodes: () => integerIn(m, form.nodes, 1, screenNodeCountMax),
    seed: () => integerIn(m, form.seed, 0, seedMax),
  });
  if (numbers.electionMin !== undefined && numbers.electionMax !== undefined && numbers.electionMin > numbers.electionMax) {
    errors.electionMin = m.settings.check.minAboveMax(numbers.electionMax);
  }
  if (hasErrors(errors)) return { ok: false, errors };
  const warnings: FieldErrors<RunField> = {};
  if (numbers.heartbeat! >= numbers.electionMin!) {
    // Allowed (it is instructive to watch), but followers will time out under a healthy leader.
    warnings.heartbeat = m.settings.check.heartbeatTooLong(numbers.electionMin!);
  }
  const raft: RaftConfig = {
    ...base.raft,
    electionTimeoutTicksMin: numbers.electionMin!,
    electionTimeoutTicksMax: numbers.electionMax!,
    heartbeatIntervalTicks: numbers.heartbeat!,
    snapshotThresholdEntries: numbers.snapshotThreshold!,
    fastBackup: base.fastBackup,
    ...(base.batchProposals === undefined ? {} : { batchProposals: base.batchProposals }),
    ...(base.preVote === undefined ? {} : { preVote: base.preVote }),
    ...(base.checkQuorum === undefined ? {} : { checkQuorum: base.checkQuorum }),
    ...(base.leaseReads === undefined ? {} : { leaseReads: base.leaseReads }),
    ...(base.unsafe === undefined ? {} : Object.fromEntries(unsafeSwitchNames.map((name) => [unsafeSwitchField[name], base.unsafe!.includes(name)]))),
  };
  return { ok: true, value: { nodes: numbers.nodes!, seed: numbers.seed!, raft, network: base.network }, warnings };
}

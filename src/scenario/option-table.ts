/**
 * Every simulation option a scenario can set, by its path in SimulationOptions, with the values
 * it allows. The parser checks values against these ranges (so an error can point at the number),
 * the generic `option PATH VALUE` statement accepts exactly these paths, and the printer walks
 * them in this order. The ranges are the core's (src/core/sim/options.ts); the scenario tests
 * check each bound against resolveOptions so the two cannot drift apart.
 */
import type { SimulationOptions } from '../core/index.ts';
import { nodeCountMax, unsafeSwitchField, unsafeSwitchNames } from '../core/index.ts';

export type OptionKind = 'integer' | 'probability' | 'switch';

export interface OptionLeaf {
  /** Path in SimulationOptions, e.g. 'raft.heartbeatIntervalTicks'. */
  readonly path: string;
  readonly kind: OptionKind;
  readonly min: number;
  readonly max: number;
}

const integer = (path: string, min: number, max: number): OptionLeaf => ({ path, kind: 'integer', min, max });
const probability = (path: string): OptionLeaf => ({ path, kind: 'probability', min: 0, max: 1 });
const onOff = (path: string): OptionLeaf => ({ path, kind: 'switch', min: 0, max: 1 });

export const optionLeaves: readonly OptionLeaf[] = [
  integer('nodes', 1, nodeCountMax),
  integer('seed', 0, 0xffff_ffff),
  integer('raft.electionTimeoutTicksMin', 1, 1_000_000),
  integer('raft.electionTimeoutTicksMax', 1, 1_000_000),
  integer('raft.heartbeatIntervalTicks', 1, 1_000_000),
  integer('raft.entriesPerAppendMax', 1, 100_000),
  integer('raft.inflightMax', 1, 10_000),
  onOff('raft.fastBackup'),
  integer('raft.snapshotThresholdEntries', 0, 10_000_000),
  onOff('raft.checkQuorum'),
  onOff('raft.preVote'),
  onOff('raft.leaseReads'),
  onOff('raft.batchProposals'),
  integer('network.delayTicksMin', 1, 1_000_000),
  integer('network.delayTicksMax', 1, 1_000_000),
  probability('network.dropRatio'),
  probability('network.duplicateRatio'),
  probability('network.reorderRatio'),
  onOff('checkNodeInvariants'),
  integer('eventLimit', 0, 10_000_000),
  integer('workload.proposeEveryTicks', 0, 1_000_000),
  integer('workload.keys', 1, 10_000),
  integer('livenessWatchTicks', 0, 10_000_000),
  ...unsafeSwitchNames.map((name) => onOff(`raft.${unsafeSwitchField[name]}`)),
];

export function optionLeaf(path: string): OptionLeaf | undefined {
  return optionLeaves.find((leaf) => leaf.path === path);
}

export type OptionValue = number | boolean;

/** The value at `path`, or undefined when the options leave it out. */
export function getOption(options: SimulationOptions, path: string): OptionValue | undefined {
  const [group, key] = path.split('.') as [string, string | undefined];
  const record = options as Readonly<Record<string, unknown>>;
  const value = key === undefined ? record[group] : (record[group] as Readonly<Record<string, unknown>> | undefined)?.[key];
  return typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** Options with `path` set to `value` (a new object; groups such as `raft` are copied). */
export function setOption(options: SimulationOptions, path: string, value: OptionValue): SimulationOptions {
  const [group, key] = path.split('.') as [string, string | undefined];
  const record = options as Readonly<Record<string, unknown>>;
  if (key === undefined) return { ...options, [group]: value };
  return { ...options, [group]: { ...(record[group] as object | undefined), [key]: value } };
}

/** A decimal that reads back as exactly `value`, with as few digits as that takes. */
function exactDecimal(value: number): string | null {
  for (let digits = 0; digits <= 20; digits += 1) {
    const text = value.toFixed(digits);
    if (Number(text) === value) return text;
  }
  return null;
}

/**
 * A probability as it is written: a percentage when one reads back exactly ("10%" for 0.1),
 * otherwise the decimal fraction ("0.123456789").
 */
export function formatProbability(value: number): string {
  for (let digits = 0; digits <= 4; digits += 1) {
    const percent = (value * 100).toFixed(digits);
    if (Number(percent) / 100 === value) return `${percent}%`;
  }
  return exactDecimal(value) ?? withoutExponent(String(value));
}

/**
 * "1.5e-25" as "0.00…015": the lexer reads no exponents. String() gives the shortest digits that
 * read back exactly; written out in full they still do.
 */
function withoutExponent(text: string): string {
  const match = /^(\d)(?:\.(\d+))?e-(\d+)$/.exec(text);
  return match === null ? text : `0.${'0'.repeat(Number(match[3]) - 1)}${match[1]!}${match[2] ?? ''}`;
}

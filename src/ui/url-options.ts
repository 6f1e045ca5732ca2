/**
 * Run options from the page address, e.g. `?nodes=9&seed=3&drop=0.1&load=10`, so a link can open
 * a prepared cluster (a first step towards permalinks). Unknown or bad parameters are reported,
 * not fatal: the app starts with defaults for those and says which were ignored. Ranges are
 * checked again by the simulation itself.
 */
import type { SimulationOptions } from '../core/index.ts';

interface Parameter {
  readonly name: string;
  readonly integer: boolean;
  readonly min: number;
  readonly max: number;
  readonly apply: (options: MutableOptions, value: number) => void;
}

interface MutableOptions {
  nodes?: number;
  seed?: number;
  raft: Record<string, number>;
  network: Record<string, number>;
  workload: Record<string, number>;
}

const parameters: readonly Parameter[] = [
  { name: 'nodes', integer: true, min: 1, max: 9, apply: (o, v) => void (o.nodes = v) },
  { name: 'seed', integer: true, min: 0, max: 0xffff_ffff, apply: (o, v) => void (o.seed = v) },
  { name: 'drop', integer: false, min: 0, max: 1, apply: (o, v) => void (o.network.dropRatio = v) },
  { name: 'duplicate', integer: false, min: 0, max: 1, apply: (o, v) => void (o.network.duplicateRatio = v) },
  { name: 'reorder', integer: false, min: 0, max: 1, apply: (o, v) => void (o.network.reorderRatio = v) },
  { name: 'delayMin', integer: true, min: 1, max: 1_000_000, apply: (o, v) => void (o.network.delayTicksMin = v) },
  { name: 'delayMax', integer: true, min: 1, max: 1_000_000, apply: (o, v) => void (o.network.delayTicksMax = v) },
  { name: 'electionMin', integer: true, min: 1, max: 1_000_000, apply: (o, v) => void (o.raft.electionTimeoutTicksMin = v) },
  { name: 'electionMax', integer: true, min: 1, max: 1_000_000, apply: (o, v) => void (o.raft.electionTimeoutTicksMax = v) },
  { name: 'heartbeat', integer: true, min: 1, max: 1_000_000, apply: (o, v) => void (o.raft.heartbeatIntervalTicks = v) },
  { name: 'load', integer: true, min: 0, max: 1_000_000, apply: (o, v) => void (o.workload.proposeEveryTicks = v) },
];

export interface UrlOptions {
  readonly options: SimulationOptions | null;
  /** Parameters that were ignored, with the reason, for the error banner. */
  readonly problems: readonly string[];
}

export function optionsFromSearch(search: string): UrlOptions {
  const query = new URLSearchParams(search);
  const options: MutableOptions = { raft: {}, network: {}, workload: {} };
  const problems: string[] = [];
  let any = false;
  for (const [name, text] of query) {
    const parameter = parameters.find((candidate) => candidate.name === name);
    if (parameter === undefined) {
      problems.push(`unknown parameter "${name}"`);
      continue;
    }
    const value = Number(text);
    const valid = text.trim() !== '' && Number.isFinite(value) && (!parameter.integer || Number.isInteger(value)) && value >= parameter.min && value <= parameter.max;
    if (!valid) {
      problems.push(`${name} must be ${parameter.integer ? 'an integer' : 'a number'} from ${parameter.min} to ${parameter.max} (got "${text}")`);
      continue;
    }
    parameter.apply(options, value);
    any = true;
  }
  if (!any) return { options: null, problems };
  const result: SimulationOptions = {
    ...(options.nodes === undefined ? {} : { nodes: options.nodes }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(Object.keys(options.raft).length === 0 ? {} : { raft: options.raft }),
    ...(Object.keys(options.network).length === 0 ? {} : { network: options.network }),
    ...(Object.keys(options.workload).length === 0 ? {} : { workload: options.workload }),
  };
  return { options: result, problems };
}

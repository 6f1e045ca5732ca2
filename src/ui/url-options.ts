/**
 * Run options from the page address, e.g. `?nodes=9&seed=3&drop=0.1&load=10`, so a link can open
 * a prepared cluster (a first step towards permalinks). Bad parameters are reported, not fatal:
 * the app starts with defaults for those and the banner says which were ignored and why. Every
 * check the worker would make is made here first (ranges, min ≤ max against the defaults), so
 * the options handed on are always valid. Numbers must be plain decimals: `0x1`, `1e-1` or a
 * parameter given twice are refused rather than guessed at.
 */
import type { SimulationOptions } from '../core/index.ts';
import { defaultNetworkConfig, defaultRaftConfig, defaultWorkload } from '../protocol/defaults.ts';
import { screenNodeCountMax } from '../protocol/worker-protocol.ts';
import { assertNever } from './format.ts';
import type { Messages } from './i18n/catalogue.ts';
import { viewParameterNames } from './view-options.ts';
import type { ViewOptionProblem } from './view-options.ts';

interface MutableOptions {
  nodes?: number;
  seed?: number;
  raft: Record<string, number>;
  network: Record<string, number>;
  workload: Record<string, number>;
}

interface Parameter {
  readonly name: string;
  /** 'ratio': a probability written as a decimal, e.g. 0.25. */
  readonly kind: 'integer' | 'ratio';
  readonly min: number;
  readonly max: number;
  readonly apply: (options: MutableOptions, value: number) => void;
  /** The parameter's value in a run's options, for the address that describes the run (run-address.ts). */
  readonly read: (options: SimulationOptions) => number | undefined;
  /** The core's default, left out of such an address. */
  readonly fallback: number;
}

const ticksMax = 1_000_000;

/** Every parameter the address may set (README.md lists them for users). */
export const urlParameters: readonly Parameter[] = [
  { name: 'nodes', kind: 'integer', min: 1, max: screenNodeCountMax, apply: (o, v) => void (o.nodes = v), read: (o) => o.nodes, fallback: 5 },
  { name: 'seed', kind: 'integer', min: 0, max: 0xffff_ffff, apply: (o, v) => void (o.seed = v), read: (o) => o.seed, fallback: 1 },
  { name: 'drop', kind: 'ratio', min: 0, max: 1, apply: (o, v) => void (o.network.dropRatio = v), read: (o) => o.network?.dropRatio, fallback: defaultNetworkConfig.dropRatio },
  { name: 'duplicate', kind: 'ratio', min: 0, max: 1, apply: (o, v) => void (o.network.duplicateRatio = v), read: (o) => o.network?.duplicateRatio, fallback: defaultNetworkConfig.duplicateRatio },
  { name: 'reorder', kind: 'ratio', min: 0, max: 1, apply: (o, v) => void (o.network.reorderRatio = v), read: (o) => o.network?.reorderRatio, fallback: defaultNetworkConfig.reorderRatio },
  { name: 'delayMin', kind: 'integer', min: 1, max: ticksMax, apply: (o, v) => void (o.network.delayTicksMin = v), read: (o) => o.network?.delayTicksMin, fallback: defaultNetworkConfig.delayTicksMin },
  { name: 'delayMax', kind: 'integer', min: 1, max: ticksMax, apply: (o, v) => void (o.network.delayTicksMax = v), read: (o) => o.network?.delayTicksMax, fallback: defaultNetworkConfig.delayTicksMax },
  { name: 'electionMin', kind: 'integer', min: 1, max: ticksMax, apply: (o, v) => void (o.raft.electionTimeoutTicksMin = v), read: (o) => o.raft?.electionTimeoutTicksMin, fallback: defaultRaftConfig.electionTimeoutTicksMin },
  { name: 'electionMax', kind: 'integer', min: 1, max: ticksMax, apply: (o, v) => void (o.raft.electionTimeoutTicksMax = v), read: (o) => o.raft?.electionTimeoutTicksMax, fallback: defaultRaftConfig.electionTimeoutTicksMax },
  { name: 'heartbeat', kind: 'integer', min: 1, max: ticksMax, apply: (o, v) => void (o.raft.heartbeatIntervalTicks = v), read: (o) => o.raft?.heartbeatIntervalTicks, fallback: defaultRaftConfig.heartbeatIntervalTicks },
  { name: 'load', kind: 'integer', min: 0, max: ticksMax, apply: (o, v) => void (o.workload.proposeEveryTicks = v), read: (o) => o.workload?.proposeEveryTicks, fallback: defaultWorkload.proposeEveryTicks },
];

/** Pairs that bound one range: the minimum may not exceed the maximum (given or default). */
const rangePairs = [
  { min: 'delayMin', max: 'delayMax', defaultMin: defaultNetworkConfig.delayTicksMin, defaultMax: defaultNetworkConfig.delayTicksMax },
  { min: 'electionMin', max: 'electionMax', defaultMin: defaultRaftConfig.electionTimeoutTicksMin, defaultMax: defaultRaftConfig.electionTimeoutTicksMax },
] as const;

/** Added by mail and ad links, not by Raftlab: ignored without a word. */
const trackingParameter = /^(utm_.*|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_ga|_gl)$/;
/**
 * Screen parameters, not run options: `large` and `lang` are read by preferences.ts, the view
 * options (embed, panels, autoplay, speed) by embed-options.ts, which reports its own problems,
 * `scenario` (a preset id or a scenario file's address) and `lesson` (a lesson's id) by
 * share/open-at-start.ts, and `presenter` (start in presenter mode) by main.tsx.
 */
const displayParameters: readonly string[] = ['large', 'lang', 'scenario', 'lesson', 'presenter', ...viewParameterNames];

/** Why a parameter of the address was ignored, as data: the banner words it in the language on screen. */
export type AddressProblem =
  | { readonly kind: 'unknown'; readonly name: string }
  | { readonly kind: 'repeated'; readonly name: string; readonly values: readonly string[] }
  /** Not a plain decimal in range; `text` is the value as given. */
  | { readonly kind: 'invalid'; readonly name: string; readonly type: Parameter['kind']; readonly min: number; readonly max: number; readonly text: string }
  /** Both bounds of a range given, the minimum above the maximum. */
  | { readonly kind: 'inverted'; readonly minName: string; readonly low: number; readonly maxName: string; readonly high: number }
  /** One bound given, beyond the other's default: `other` and its default `otherDefault`. */
  | { readonly kind: 'above-default' | 'below-default'; readonly name: string; readonly value: number; readonly other: string; readonly otherDefault: number }
  /** A bad view parameter (embed, panels, autoplay, speed, lang), found by view-options.ts. */
  | ViewOptionProblem;

/** A parameter applied but making a strange cluster, as the settings form warns. */
export interface AddressWarning {
  readonly kind: 'heartbeat-too-long';
  readonly heartbeat: number;
  readonly electionMin: number;
}

export interface UrlOptions {
  /** Valid options for the worker, or null when the address sets none. */
  readonly options: SimulationOptions | null;
  /** Parameters that were ignored, with the reason, for the banner. */
  readonly problems: readonly AddressProblem[];
  /** Parameters that were applied but make a strange cluster (as the settings form warns). */
  readonly warnings: readonly AddressWarning[];
}

export function optionsFromSearch(search: string): UrlOptions {
  const problems: AddressProblem[] = [];
  const values = readValues(new URLSearchParams(search), problems);
  dropInvertedRanges(values, problems);
  return { options: toOptions(values), problems, warnings: timingWarnings(values) };
}

/**
 * The parameters that describe a run's options in the address, defaults left out, in the table's
 * order: `[["nodes", "9"], ["seed", "3"]]`. Options the address has no parameter for (the event
 * limit, the log batch size...) are not among them: only a permalink carries those.
 */
export function optionParameters(options: SimulationOptions): [string, string][] {
  const found: [string, string][] = [];
  for (const parameter of urlParameters) {
    const value = parameter.read(options);
    if (value !== undefined && value !== parameter.fallback) found.push([parameter.name, plainDecimal(value)]);
  }
  return found;
}

/** A number as the address's parameters accept it: no exponent (`1e-7` is written 0.0000001). */
function plainDecimal(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}

/** The banner's text for the address's problems and warnings, or null when there is nothing to say. */
export function addressBanner(m: Messages, { problems, warnings }: Pick<UrlOptions, 'problems' | 'warnings'>): string | null {
  const parts: string[] = [];
  if (problems.length > 0) parts.push(m.settings.address.ignored(problems.map((problem) => addressProblemText(m, problem))));
  if (warnings.length > 0) parts.push(m.settings.address.note(warnings.map((warning) => addressWarningText(m, warning))));
  return parts.length === 0 ? null : m.app.notice.sentences(parts);
}

/** One ignored parameter and why: 'unknown parameter "colour"'. */
export function addressProblemText(m: Messages, problem: AddressProblem): string {
  switch (problem.kind) {
    case 'unknown':
      return m.settings.address.unknown(problem.name);
    case 'repeated':
      return m.settings.address.repeated(problem.name, problem.values);
    case 'invalid':
      return problem.type === 'integer'
        ? m.settings.address.integer(problem.name, problem.min, problem.max, problem.text)
        : m.settings.address.ratio(problem.name, problem.min, problem.max, problem.text);
    case 'inverted':
      return m.settings.address.inverted(problem.minName, problem.low, problem.maxName, problem.high);
    case 'above-default':
      return m.settings.address.aboveDefault(problem.name, problem.value, problem.other, problem.otherDefault);
    case 'below-default':
      return m.settings.address.belowDefault(problem.name, problem.value, problem.other, problem.otherDefault);
    case 'switch':
      return m.settings.address.switchValue(problem.name, problem.text);
    case 'panel':
      return m.settings.address.panel(problem.text, problem.known);
    case 'language':
      return m.settings.address.language(problem.text);
    default:
      return assertNever(problem, 'address problem');
  }
}

export function addressWarningText(m: Messages, warning: AddressWarning): string {
  return m.settings.address.heartbeatTooLong(warning.heartbeat, warning.electionMin);
}

/** Each known parameter's value, by name; unknown, repeated and malformed ones become problems. */
function readValues(query: URLSearchParams, problems: AddressProblem[]): Map<string, number> {
  const texts = new Map<string, string[]>();
  for (const [name, text] of query) {
    if (trackingParameter.test(name) || displayParameters.includes(name)) continue;
    texts.set(name, [...(texts.get(name) ?? []), text]);
  }
  const values = new Map<string, number>();
  for (const [name, given] of texts) {
    const parameter = urlParameters.find((candidate) => candidate.name === name);
    if (parameter === undefined) problems.push({ kind: 'unknown', name });
    else if (given.length > 1) problems.push({ kind: 'repeated', name, values: given });
    else {
      const value = parseValue(parameter, given[0]!);
      if (typeof value === 'number') values.set(name, value);
      else problems.push(value);
    }
  }
  return values;
}

/** The value, or the problem (which says what is allowed). */
function parseValue(parameter: Parameter, text: string): number | AddressProblem {
  const { name, kind, min, max } = parameter;
  const pattern = kind === 'integer' ? /^\d+$/ : /^\d+(\.\d+)?$/;
  const value = Number(text);
  if (pattern.test(text) && value >= min && value <= max) return value;
  return { kind: 'invalid', name, type: kind, min, max, text };
}

/** A minimum above its maximum would leave the worker refusing the run: both given values go. */
function dropInvertedRanges(values: Map<string, number>, problems: AddressProblem[]): void {
  for (const pair of rangePairs) {
    const low = values.get(pair.min);
    const high = values.get(pair.max);
    if ((low ?? pair.defaultMin) <= (high ?? pair.defaultMax)) continue;
    values.delete(pair.min);
    values.delete(pair.max);
    if (low !== undefined && high !== undefined) problems.push({ kind: 'inverted', minName: pair.min, low, maxName: pair.max, high });
    else if (low !== undefined) problems.push({ kind: 'above-default', name: pair.min, value: low, other: pair.max, otherDefault: pair.defaultMax });
    else if (high !== undefined) problems.push({ kind: 'below-default', name: pair.max, value: high, other: pair.min, otherDefault: pair.defaultMin });
  }
}

/** The settings form's timing warning, for a heartbeat or election minimum set from the address. */
function timingWarnings(values: Map<string, number>): AddressWarning[] {
  if (!values.has('heartbeat') && !values.has('electionMin')) return [];
  const heartbeat = values.get('heartbeat') ?? defaultRaftConfig.heartbeatIntervalTicks;
  const electionMin = values.get('electionMin') ?? defaultRaftConfig.electionTimeoutTicksMin;
  if (heartbeat < electionMin) return [];
  return [{ kind: 'heartbeat-too-long', heartbeat, electionMin }];
}

function toOptions(values: Map<string, number>): SimulationOptions | null {
  if (values.size === 0) return null;
  const options: MutableOptions = { raft: {}, network: {}, workload: {} };
  for (const parameter of urlParameters) {
    const value = values.get(parameter.name);
    if (value !== undefined) parameter.apply(options, value);
  }
  return {
    ...(options.nodes === undefined ? {} : { nodes: options.nodes }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(Object.keys(options.raft).length === 0 ? {} : { raft: options.raft }),
    ...(Object.keys(options.network).length === 0 ? {} : { network: options.network }),
    ...(Object.keys(options.workload).length === 0 ? {} : { workload: options.workload }),
  };
}

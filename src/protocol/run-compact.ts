/**
 * A run in as few characters as JSON allows, for permalinks (permalink.ts deflates it): short
 * keys, defaults left out, and each timed action as a small array whose first element is the
 * ticks since the previous action (deltas compress far better than absolute ticks).
 *
 *   { o: options, a: actions, t: tick, n: annotations }   each left out when empty or default
 *   options      { n: nodes, s: seed, r: { raft }, w: { network }, l: { workload }, i, e }
 *   an action    [dt, code, ...arguments]  e.g. [700, "c", 2] crashes node 2 700 ticks after
 *                the previous action; [0, "P", 0, "x", "1"] puts x=1 to the leader (node 0)
 *   annotations  { c: [[tick, text]], m: [[tick, name]], x: [expectation], e: end, b: [breakpoint] }
 *   a breakpoint [enabled 1|0, kind, ...fields]  e.g. [1, "new-leader"], [0, "tick", 812],
 *                [1, "message", "sent", "MsgVote", 2, null], [1, "vote-refused", null]
 *
 * docs/runs.md has every code. An action this table does not know (a newer action type) travels
 * whole as [dt, "*", action], so the encoding never loses one. Decoding checks only the compact
 * shapes; what the values mean (node ids in range, known options) the worker checks on import,
 * as for a file.
 */
import type { Action, Breakpoint, ClientCommand, NodeId, SimulationOptions, TimedAction } from '../core/index.ts';
import type { Annotations, BreakpointSetting } from '../scenario/annotations.ts';
import { defaultNetworkConfig, defaultRaftConfig, defaultWorkload } from './defaults.ts';
import type { Run } from './worker-protocol.ts';

/** The core's defaults for the top-level options (resolveOptions in src/core/sim/options.ts; a test compares). */
export const defaultTopOptions = { nodes: 5, seed: 1, checkNodeInvariants: true, eventLimit: 10_000 } as const;

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

/** Short names of the options' fields, section by section; a long name not listed travels as it is. */
const topKeys = { nodes: 'n', seed: 's', checkNodeInvariants: 'i', eventLimit: 'e', livenessWatchTicks: 'lw' } as const;
const sectionKeys = { raft: 'r', network: 'w', workload: 'l' } as const;
const fieldKeys: { readonly [S in keyof typeof sectionKeys]: Readonly<Record<string, string>> } = {
  raft: { electionTimeoutTicksMin: 'el', electionTimeoutTicksMax: 'eh', heartbeatIntervalTicks: 'hb', entriesPerAppendMax: 'ea', inflightMax: 'if', fastBackup: 'fb', snapshotThresholdEntries: 'st', checkQuorum: 'cq', preVote: 'pv', leaseReads: 'lr', batchProposals: 'bp',
    unsafeCommitByCounting: 'uc', unsafeForgetVote: 'uv', unsafeVoteWithoutLogCheck: 'ul', unsafeFixedTimeouts: 'ut', unsafeApplyBeforeCommit: 'ua', unsafeAppendWithoutCheck: 'up', unsafeNoLeaderNoop: 'un', unsafeKeepCommitOnRestart: 'uk' },
  network: { delayTicksMin: 'dl', delayTicksMax: 'dh', dropRatio: 'dr', duplicateRatio: 'du', reorderRatio: 'ro' },
  workload: { proposeEveryTicks: 'pe', keys: 'k' },
};
const sectionDefaults: { readonly [S in keyof typeof sectionKeys]: Readonly<Record<string, unknown>> } = {
  raft: { ...defaultRaftConfig },
  network: { ...defaultNetworkConfig },
  workload: { ...defaultWorkload },
};

/** The decoder found something that is not a compact run; `path` says where, for developers. */
export class CompactRunError extends Error {
  constructor(readonly path: string) {
    super(`not a compact run at ${path}`);
  }
}

function invert(keys: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(keys).map(([long, short]) => [short, long]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Renames the fields of `values` by `keys`, leaving out those equal to `defaults` (when given). */
function renamed(values: object, keys: Readonly<Record<string, string>>, defaults: Readonly<Record<string, unknown>> | null): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || (defaults !== null && defaults[name] === value)) continue;
    out[keys[name] ?? name] = value as Json;
  }
  return out;
}

/** Back from short names; a short name (two letters or fewer) the table does not know is not ours. */
function restored(values: unknown, keys: Readonly<Record<string, string>>, path: string): Record<string, unknown> {
  if (!isObject(values)) throw new CompactRunError(path);
  const names = invert(keys);
  const out: Record<string, unknown> = {};
  for (const [short, value] of Object.entries(values)) {
    const name = names[short] ?? (short.length > 2 ? short : undefined);
    if (name === undefined) throw new CompactRunError(`${path}.${short}`);
    out[name] = value;
  }
  return out;
}

function compactOptions(options: SimulationOptions): JsonObject {
  const out: Record<string, Json> = renamed({ ...options, raft: undefined, network: undefined, workload: undefined }, topKeys, defaultTopOptions);
  for (const section of Object.keys(sectionKeys) as (keyof typeof sectionKeys)[]) {
    const values = options[section];
    if (values === undefined) continue;
    const fields = renamed(values, fieldKeys[section], sectionDefaults[section]);
    if (Object.keys(fields).length > 0) out[sectionKeys[section]] = fields;
  }
  return out;
}

function expandOptions(compact: unknown): SimulationOptions {
  if (compact === undefined) return { nodes: defaultTopOptions.nodes, seed: defaultTopOptions.seed };
  if (!isObject(compact)) throw new CompactRunError('o');
  const sections = invert(sectionKeys) as Readonly<Record<string, keyof typeof sectionKeys>>;
  const top = restored(Object.fromEntries(Object.entries(compact).filter(([key]) => sections[key] === undefined)), topKeys, 'o');
  const out: Record<string, unknown> = { nodes: defaultTopOptions.nodes, seed: defaultTopOptions.seed, ...top };
  for (const [short, section] of Object.entries(sections)) {
    if (compact[short] !== undefined) out[section] = restored(compact[short], fieldKeys[section], `o.${short}`);
  }
  return out;
}

/** The node a proposal goes to: 0 stands for "whichever node leads". */
const leaderNode = 0;

function compactCommand(node: NodeId | 'leader', command: ClientCommand): Json[] {
  const to = node === 'leader' ? leaderNode : node;
  switch (command.type) {
    case 'put':
      return ['P', to, command.key, command.value];
    case 'delete':
      return ['D', to, command.key];
    case 'noop':
      return ['N', to];
    default:
      return ['*', { type: 'propose', node, command }];
  }
}

/** One action's code and arguments, after its tick delta. */
function compactAction(action: Action): Json[] {
  switch (action.type) {
    case 'crash':
      return ['c', action.node];
    case 'restart':
      return ['r', action.node];
    case 'isolate':
      return ['i', action.node];
    case 'rejoin':
      return ['j', action.node];
    case 'campaign':
      return ['e', action.node];
    case 'set-timer':
      return ['t', action.node, action.ticks];
    case 'align-timers':
      return ['a', [...action.nodes]];
    case 'spread-timers':
      return ['s', action.node];
    case 'heal':
      return ['h'];
    case 'partition':
      return ['p', action.groups.map((group) => [...group])];
    case 'cut-link':
    case 'restore-link':
      // Both ways is the default; one way adds a 0.
      return [action.type === 'cut-link' ? 'x' : 'y', action.from, action.to, ...(action.bothWays ? [] : [0])];
    case 'configure-network':
      return ['n', renamed(action.network, fieldKeys.network, null)];
    case 'configure-workload':
      return ['w', renamed(action.workload, fieldKeys.workload, null)];
    case 'propose':
      return compactCommand(action.node, action.command);
    default:
      return ['*', action];
  }
}

function integer(value: unknown, path: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) throw new CompactRunError(path);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new CompactRunError(path);
  return value;
}

function node(value: unknown, path: string): NodeId {
  return integer(value, path, 1);
}

/** The action an array stands for; its argument count must be exact. */
function expandAction(item: readonly unknown[], path: string): Action {
  const [code, ...args] = item;
  const arity = (count: number): void => {
    if (args.length !== count) throw new CompactRunError(path);
  };
  const proposal = (command: ClientCommand): Action => {
    const to = integer(args[0], `${path}[2]`);
    return { type: 'propose', node: to === leaderNode ? 'leader' : to, command };
  };
  switch (code) {
    case 'c':
    case 'r':
    case 'i':
    case 'j':
    case 'e': {
      arity(1);
      const types = { c: 'crash', r: 'restart', i: 'isolate', j: 'rejoin', e: 'campaign' } as const;
      return { type: types[code], node: node(args[0], `${path}[2]`) };
    }
    case 't':
      arity(2);
      return { type: 'set-timer', node: node(args[0], `${path}[2]`), ticks: integer(args[1], `${path}[3]`, 1) };
    case 'a': {
      arity(1);
      const nodes = args[0];
      if (!Array.isArray(nodes)) throw new CompactRunError(`${path}[2]`);
      return { type: 'align-timers', nodes: nodes.map((member: unknown, index) => node(member, `${path}[2][${index}]`)) };
    }
    case 's':
      arity(1);
      return { type: 'spread-timers', node: node(args[0], `${path}[2]`) };
    case 'h':
      arity(0);
      return { type: 'heal' };
    case 'p': {
      arity(1);
      const groups = args[0];
      if (!Array.isArray(groups)) throw new CompactRunError(`${path}[2]`);
      return {
        type: 'partition',
        groups: groups.map((group: unknown, index) => {
          if (!Array.isArray(group)) throw new CompactRunError(`${path}[2][${index}]`);
          return group.map((member: unknown, position) => node(member, `${path}[2][${index}][${position}]`));
        }),
      };
    }
    case 'x':
    case 'y': {
      if (args.length !== 2 && !(args.length === 3 && args[2] === 0)) throw new CompactRunError(path);
      return { type: code === 'x' ? 'cut-link' : 'restore-link', from: node(args[0], `${path}[2]`), to: node(args[1], `${path}[3]`), bothWays: args.length === 2 };
    }
    case 'n':
      arity(1);
      return { type: 'configure-network', network: restored(args[0], fieldKeys.network, `${path}[2]`) };
    case 'w':
      arity(1);
      return { type: 'configure-workload', workload: restored(args[0], fieldKeys.workload, `${path}[2]`) };
    case 'P':
      arity(3);
      return proposal({ type: 'put', key: text(args[1], `${path}[3]`), value: text(args[2], `${path}[4]`) });
    case 'D':
      arity(2);
      return proposal({ type: 'delete', key: text(args[1], `${path}[3]`) });
    case 'N':
      arity(1);
      return proposal({ type: 'noop' });
    case '*':
      arity(1);
      if (!isObject(args[0])) throw new CompactRunError(`${path}[2]`);
      return args[0] as unknown as Action;
    default:
      throw new CompactRunError(`${path}[1]`);
  }
}

function compactActions(actions: readonly TimedAction[]): Json[] {
  let previous = 0;
  return actions.map(({ tick, action }) => {
    const delta = tick - previous;
    previous = tick;
    return [delta, ...compactAction(action)];
  });
}

function expandActions(compact: unknown): TimedAction[] {
  if (compact === undefined) return [];
  if (!Array.isArray(compact)) throw new CompactRunError('a');
  let tick = 0;
  return compact.map((item: unknown, index) => {
    const path = `a[${index}]`;
    if (!Array.isArray(item) || item.length < 2) throw new CompactRunError(path);
    tick += integer(item[0], `${path}[0]`);
    return { tick, action: expandAction(item.slice(1), path) };
  });
}

function compactAnnotations(annotations: Annotations): JsonObject | null {
  const out: Record<string, Json> = {};
  if (annotations.captions.length > 0) out.c = annotations.captions.map((caption) => [caption.tick, caption.text]);
  if (annotations.marks.length > 0) out.m = annotations.marks.map((mark) => [mark.tick, mark.name]);
  if (annotations.expectations.length > 0) out.x = [...annotations.expectations];
  if (annotations.end !== null) out.e = annotations.end;
  if (annotations.breakpoints.length > 0) out.b = annotations.breakpoints.map(compactBreakpoint);
  return Object.keys(out).length > 0 ? out : null;
}

/** [enabled 1|0, kind, ...the kind's fields in order]; a kind this table does not know travels whole as [enabled, "*", breakpoint]. */
function compactBreakpoint({ breakpoint, enabled }: BreakpointSetting): Json[] {
  const flag = enabled ? 1 : 0;
  switch (breakpoint.kind) {
    case 'message':
      return [flag, breakpoint.kind, breakpoint.on, breakpoint.messageType, breakpoint.from, breakpoint.to];
    case 'vote-refused':
      return [flag, breakpoint.kind, breakpoint.reason];
    case 'tick':
      return [flag, breakpoint.kind, breakpoint.tick];
    case 'new-leader':
    case 'term-change':
    case 'candidate':
    case 'commit':
    case 'truncation':
    case 'violation':
      return [flag, breakpoint.kind];
    default:
      // A kind from a newer Raftlab (the type says none is left).
      return [flag, '*', breakpoint];
  }
}

/** The fields after the kind, per kind (the worker checks their values on import, as for a file). */
const breakpointFields: Readonly<Record<string, readonly string[]>> = {
  'new-leader': [],
  'term-change': [],
  candidate: [],
  commit: [],
  truncation: [],
  violation: [],
  message: ['on', 'messageType', 'from', 'to'],
  'vote-refused': ['reason'],
  tick: ['tick'],
};

function expandBreakpoint(item: unknown, path: string): BreakpointSetting {
  if (!Array.isArray(item) || item.length < 2 || (item[0] !== 0 && item[0] !== 1)) throw new CompactRunError(path);
  const enabled = item[0] === 1;
  const kind = text(item[1], `${path}[1]`);
  if (kind === '*') {
    if (item.length !== 3 || !isObject(item[2])) throw new CompactRunError(path);
    return { breakpoint: item[2] as unknown as Breakpoint, enabled };
  }
  const fields = breakpointFields[kind];
  if (fields === undefined || item.length !== 2 + fields.length) throw new CompactRunError(path);
  const values = item.slice(2) as unknown[];
  values.forEach((value, index) => {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw new CompactRunError(`${path}[${index + 2}]`);
  });
  return { breakpoint: Object.fromEntries([['kind', kind], ...fields.map((field, index) => [field, values[index]])]) as Breakpoint, enabled };
}

function expandAnnotations(compact: unknown): Annotations {
  if (compact === undefined) return { captions: [], marks: [], expectations: [], end: null, breakpoints: [] };
  if (!isObject(compact)) throw new CompactRunError('n');
  const pairs = (key: 'c' | 'm'): [number, string][] => {
    const list = compact[key];
    if (list === undefined) return [];
    if (!Array.isArray(list)) throw new CompactRunError(`n.${key}`);
    return list.map((pair: unknown, index) => {
      const path = `n.${key}[${index}]`;
      if (!Array.isArray(pair) || pair.length !== 2) throw new CompactRunError(path);
      return [integer(pair[0], `${path}[0]`), text(pair[1], `${path}[1]`)];
    });
  };
  const expectations = compact.x === undefined ? [] : compact.x;
  if (!Array.isArray(expectations)) throw new CompactRunError('n.x');
  const breakpoints = compact.b === undefined ? [] : compact.b;
  if (!Array.isArray(breakpoints)) throw new CompactRunError('n.b');
  return {
    captions: pairs('c').map(([tick, caption]) => ({ tick, text: caption })),
    marks: pairs('m').map(([tick, name]) => ({ tick, name })),
    expectations: expectations.map((expectation: unknown, index) => text(expectation, `n.x[${index}]`)),
    end: compact.e === undefined ? null : integer(compact.e, 'n.e'),
    breakpoints: breakpoints.map((item: unknown, index) => expandBreakpoint(item, `n.b[${index}]`)),
  };
}

/** The run as compact JSON data. */
export function compactRun(run: Run): JsonObject {
  const out: Record<string, Json> = {};
  const options = compactOptions(run.options);
  if (Object.keys(options).length > 0) out.o = options;
  if (run.actions.length > 0) out.a = compactActions(run.actions);
  if (run.tick !== 0) out.t = run.tick;
  const annotations = compactAnnotations(run.annotations);
  if (annotations !== null) out.n = annotations;
  return out;
}

/** The run compact data stands for; throws CompactRunError where it is not compact run data. */
export function expandRun(compact: unknown): Run {
  if (!isObject(compact)) throw new CompactRunError('run');
  for (const key of Object.keys(compact)) if (!['o', 'a', 't', 'n'].includes(key)) throw new CompactRunError(key);
  return {
    format: 'raftlab-run',
    version: 2,
    options: expandOptions(compact.o),
    actions: expandActions(compact.a),
    tick: compact.t === undefined ? 0 : integer(compact.t, 't'),
    annotations: expandAnnotations(compact.n),
  };
}

/**
 * The run as a permalink gives it back: the same run, written the one way the compact form reads
 * (nodes and seed always given; default values and empty sections left out).
 */
export function canonicalRun(run: Run): Run {
  return expandRun(JSON.parse(JSON.stringify(compactRun(run))));
}

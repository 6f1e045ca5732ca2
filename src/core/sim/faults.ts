import type { PrngState } from '../base/prng.ts';
import { chance, intInclusive, pickIndex, streamPrng } from '../base/prng.ts';
import type { NodeId, Tick } from '../raft/types.ts';
import type { Action } from './actions.ts';
import { requireInteger, SimulationInputError } from './errors.ts';

/**
 * A fault schedule: crashes and restarts, partitions and heals, one-way link cuts and restores,
 * and changes of loss and latency, each at an exact tick, drawn from the run's seed on a stream
 * of its own ("faults"), so adding faults never shifts the nodes' or the network's draws. One
 * schedule serves the fuzz tests, the CLI and the app's chaos control.
 *
 * It only proposes actions: the caller takes them with act() like any other action, so they are
 * recorded in the run, and a run replays exactly without its schedule. Which node a fault picks
 * depends on the run (a crash picks a live node), which is itself deterministic.
 */
export interface FaultOptions {
  /** Ticks between crashes (0: none). A crashed node restarts `downTicks` later. */
  readonly crashEveryTicks: number;
  readonly downTicks: number;
  /** Most nodes down at once (default: all but one). */
  readonly downMax?: number;
  /** Ticks between network splits into two random groups (0: none); each heals `partitionTicks` later. */
  readonly partitionEveryTicks: number;
  readonly partitionTicks: number;
  /** Ticks between one-way link cuts (0: none); each is restored `cutTicks` later. */
  readonly cutEveryTicks: number;
  readonly cutTicks: number;
  /** Ticks between changes of loss and latency (0: none), each drawn from the lists below. */
  readonly networkEveryTicks: number;
  readonly dropRatios?: readonly number[];
  readonly delayRanges?: readonly (readonly [min: number, max: number])[];
  /**
   * true: every interval is exactly as given (a crash every 3,000 ticks). false: each interval
   * is drawn from half to one and a half times the figure given, so faults do not line up.
   */
  readonly exact: boolean;
}

export const noFaults: FaultOptions = {
  crashEveryTicks: 0,
  downTicks: 0,
  partitionEveryTicks: 0,
  partitionTicks: 0,
  cutEveryTicks: 0,
  cutTicks: 0,
  networkEveryTicks: 0,
  exact: true,
};

type Kind = 'crash' | 'partition' | 'cut' | 'network';

/** The schedule as plain data, so it can travel with a run or a worker session. */
export interface FaultSchedule {
  readonly options: FaultOptions;
  readonly nodes: number;
  rng: PrngState;
  /** When each kind of fault fires next (never: Number.MAX_SAFE_INTEGER). */
  next: Record<Kind, Tick>;
  /** Undoings already scheduled, in tick order: restarts, heals and link restores. */
  pending: { tick: Tick; action: Action }[];
}

const never = Number.MAX_SAFE_INTEGER;

export function newFaultSchedule(options: { seed: number; nodes: number; faults: FaultOptions; fromTick?: Tick }): FaultSchedule {
  const faults = validateFaults(options.faults, options.nodes);
  const schedule: FaultSchedule = {
    options: faults,
    nodes: options.nodes,
    rng: streamPrng(options.seed, 'faults'),
    next: { crash: never, partition: never, cut: never, network: never },
    pending: [],
  };
  const from = options.fromTick ?? 0;
  for (const kind of kinds) schedule.next[kind] = from + interval(schedule, everyOf(faults, kind));
  return schedule;
}

const kinds: readonly Kind[] = ['crash', 'partition', 'cut', 'network'];

function everyOf(faults: FaultOptions, kind: Kind): number {
  switch (kind) {
    case 'crash':
      return faults.crashEveryTicks;
    case 'partition':
      return faults.partitionEveryTicks;
    case 'cut':
      return faults.cutEveryTicks;
    case 'network':
      return faults.networkEveryTicks;
  }
}

function validateFaults(faults: FaultOptions, nodes: number): FaultOptions {
  for (const field of ['crashEveryTicks', 'downTicks', 'partitionEveryTicks', 'partitionTicks', 'cutEveryTicks', 'cutTicks', 'networkEveryTicks'] as const) {
    requireInteger(`faults.${field}`, faults[field], { min: 0, max: 100_000_000 });
  }
  if (faults.downMax !== undefined) requireInteger('faults.downMax', faults.downMax, { min: 0, max: nodes });
  for (const ratio of faults.dropRatios ?? []) {
    if (!(ratio >= 0 && ratio <= 1)) throw new SimulationInputError('faults.dropRatios', 'probabilities in [0, 1]', String(ratio));
  }
  for (const [min, max] of faults.delayRanges ?? []) {
    requireInteger('faults.delayRanges', min, { min: 1, max: 1_000_000 });
    requireInteger('faults.delayRanges', max, { min, max: 1_000_000 });
  }
  return faults;
}

/** An interval of about `ticks` (exactly `ticks` when the schedule is exact); never for 0. */
function interval(schedule: FaultSchedule, ticks: number): number {
  if (ticks === 0) return never;
  if (schedule.options.exact) return ticks;
  return Math.max(1, intInclusive(schedule.rng, Math.ceil(ticks / 2), Math.floor((ticks * 3) / 2)));
}

/** The next tick at which a fault is due (Number.MAX_SAFE_INTEGER when none ever is). */
export function nextFaultTick(schedule: FaultSchedule): Tick {
  let next = schedule.pending[0]?.tick ?? never;
  for (const kind of kinds) next = Math.min(next, schedule.next[kind]);
  return next;
}

/**
 * The faults due at `now` (none before nextFaultTick), as actions valid for the run's state, in
 * the order to take them: undoings first (restarts, heals, restores), then new faults.
 */
export function takeFaults(schedule: FaultSchedule, now: Tick, isAlive: (id: NodeId) => boolean, isRemoved: (id: NodeId) => boolean = () => false): Action[] {
  const actions: Action[] = [];
  const alive = (id: NodeId): boolean => isAlive(id) && !actions.some((action) => action.type === 'crash' && action.node === id);
  while (schedule.pending.length > 0 && schedule.pending[0]!.tick <= now) {
    const { action } = schedule.pending.shift()!;
    // A node the run restarted by other means needs no restart, and one removed from the cluster gets none.
    if (action.type !== 'restart' || (!isAlive(action.node) && !isRemoved(action.node))) actions.push(action);
  }
  for (const kind of kinds) {
    if (schedule.next[kind] > now) continue;
    const fault = drawFault(schedule, kind, now, alive);
    if (fault !== null) actions.push(fault);
    schedule.next[kind] = now + interval(schedule, everyOf(schedule.options, kind));
  }
  return actions;
}

function drawFault(schedule: FaultSchedule, kind: Kind, now: Tick, alive: (id: NodeId) => boolean): Action | null {
  const ids = Array.from({ length: schedule.nodes }, (_, index) => index + 1);
  const options = schedule.options;
  switch (kind) {
    case 'crash': {
      const live = ids.filter(alive);
      const downMax = options.downMax ?? schedule.nodes - 1;
      if (live.length === 0 || schedule.nodes - live.length >= downMax) return null;
      const node = live[pickIndex(schedule.rng, live.length)]!;
      undoLater(schedule, now + Math.max(1, interval(schedule, options.downTicks)), { type: 'restart', node });
      return { type: 'crash', node };
    }
    case 'partition': {
      if (schedule.nodes < 2) return null;
      // Every node lands on one side; a split with one side empty is redrawn as one node alone.
      const side = ids.map(() => chance(schedule.rng, 0.5));
      if (side.every((value) => value === side[0])) side[pickIndex(schedule.rng, side.length)] = !side[0];
      const groups = [ids.filter((_, index) => side[index]), ids.filter((_, index) => !side[index])];
      undoLater(schedule, now + Math.max(1, interval(schedule, options.partitionTicks)), { type: 'heal' });
      return { type: 'partition', groups };
    }
    case 'cut': {
      if (schedule.nodes < 2) return null;
      const from = 1 + pickIndex(schedule.rng, schedule.nodes);
      const to = 1 + ((from - 1 + 1 + pickIndex(schedule.rng, schedule.nodes - 1)) % schedule.nodes);
      undoLater(schedule, now + Math.max(1, interval(schedule, options.cutTicks)), { type: 'restore-link', from, to, bothWays: false });
      return { type: 'cut-link', from, to, bothWays: false };
    }
    case 'network': {
      const drops = options.dropRatios ?? [0, 0.05, 0.2];
      const delays = options.delayRanges ?? [[10, 30], [1, 10], [20, 60]];
      const [delayTicksMin, delayTicksMax] = delays[pickIndex(schedule.rng, delays.length)]!;
      return { type: 'configure-network', network: { dropRatio: drops[pickIndex(schedule.rng, drops.length)]!, delayTicksMin, delayTicksMax } };
    }
  }
}

function undoLater(schedule: FaultSchedule, tick: Tick, action: Action): void {
  const pending = schedule.pending;
  let at = pending.length;
  while (at > 0 && pending[at - 1]!.tick > tick) at -= 1;
  pending.splice(at, 0, { tick, action });
}

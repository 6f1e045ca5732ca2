/**
 * Shrinking a failing run to a short one that still fails the same way, so the user sees the
 * shortest story of the bug: delta debugging (Zeller's ddmin) over the run's actions (its faults,
 * its client's proposals, its healing), then fewer nodes, a quieter network and client where they
 * keep the failure, then quiet stretches halved, then ddmin again; the run ends at its failing
 * tick.
 *
 * "The same way": the same kind of failure, the same safety property or stall kind where there is
 * one. Each try replays the candidate run from its options; an action a smaller run can no longer
 * take (restarting a node that never crashed, a node a smaller cluster lacks) is left out of it.
 * Every try is deterministic, so the result is too. The work is bounded by `maxReplays`.
 */
import type { Action } from '../sim/actions.ts';
import type { NodeId, Tick } from '../raft/types.ts';
import { SimulationInputError } from '../sim/errors.ts';
import type { SimulationOptions } from '../sim/options.ts';
import type { Simulation, TimedAction } from '../simulation.ts';
import { createSimulation } from '../simulation.ts';
import type { FuzzFailure } from './fuzz-seed.ts';
import { historyFailure, safetyFailure } from './fuzz-seed.ts';
import { HistoryRecorder } from './history.ts';
import { linearizabilityBudgetDefault } from '../linearizability.ts';

export interface FailingRun {
  readonly options: SimulationOptions;
  readonly actions: readonly TimedAction[];
  /** Where the run ends: the failing tick, or the end of a run whose failure shows only there. */
  readonly endTick: Tick;
  readonly failure: FuzzFailure;
}

export interface MinimiseOptions {
  /** Most replays to try (default 3,000): the result is the shortest found within them. */
  readonly maxReplays?: number;
  /** Called after each replay, with how many so far and the run's size then. */
  readonly onProgress?: (progress: { readonly replays: number; readonly maxReplays: number; readonly actions: number }) => void;
  /** Asked before each replay; true stops the search with the shortest run found so far. */
  readonly shouldStop?: () => boolean;
}

export interface MinimisedRun extends FailingRun {
  readonly replays: number;
  /** Whether the search ran to its end (false: stopped or out of replays). */
  readonly complete: boolean;
}

/** Ticks between two reads of the event log while replaying (its limit keeps far more). */
const drainTicks = 500;

/**
 * Replays `options` and `actions` up to `endTick` and says how it fails, if it does: a safety
 * violation or a halt (the first), a stall of the liveness watch, or, with `history`, a client
 * history that is not linearizable at the end. Actions the run cannot take are skipped and left
 * out of `taken`.
 */
export function replayJudged(options: SimulationOptions, actions: readonly TimedAction[], endTick: Tick, judge: FuzzFailure['kind']): { failure: FuzzFailure | null; taken: TimedAction[]; simulation: Simulation } {
  const simulation = createSimulation(options);
  const recorder = new HistoryRecorder();
  const taken: TimedAction[] = [];
  const advanceTo = (tick: Tick): void => {
    while (simulation.tick < tick) {
      simulation.advance(Math.min(drainTicks, tick - simulation.tick));
      recorder.drain(simulation);
    }
  };
  try {
    for (const { tick, action } of actions) {
      if (tick > endTick) break;
      advanceTo(tick);
      if (tryAct(simulation, action)) taken.push({ tick, action });
    }
    advanceTo(endTick);
  } catch (error) {
    if (judge !== 'error') return { failure: null, taken, simulation };
    return { failure: { kind: 'error', tick: simulation.tick, property: null, stall: null, summary: error instanceof Error ? error.message : String(error) }, taken, simulation };
  }
  const safety = safetyFailure(simulation);
  if (safety !== null) return { failure: safety, taken, simulation };
  const [stall] = simulation.stalls();
  if (stall !== undefined && judge === 'liveness') {
    return { failure: { kind: 'liveness', tick: stall.tick, property: null, stall: stall.kind, summary: `the liveness watch saw ${stall.detail} at tick ${stall.tick}` }, taken, simulation };
  }
  if (judge === 'linearizability') return { failure: historyFailure(simulation, recorder, linearizabilityBudgetDefault), taken, simulation };
  return { failure: null, taken, simulation };
}

function tryAct(simulation: Simulation, action: Action): boolean {
  try {
    simulation.act(action);
    return true;
  } catch (error) {
    if (error instanceof SimulationInputError) return false;
    throw error;
  }
}

function sameFailure(found: FuzzFailure | null, wanted: FuzzFailure): boolean {
  if (found === null || found.kind !== wanted.kind) return false;
  if (wanted.kind === 'violation') return found.property === wanted.property;
  if (wanted.kind === 'liveness') return wanted.stall === null || found.stall === wanted.stall;
  return true;
}

export function minimiseRun(run: FailingRun, options: MinimiseOptions = {}): MinimisedRun {
  const maxReplays = options.maxReplays ?? 3_000;
  let replays = 0;
  let stopped = false;
  let best: FailingRun = run;
  /** Replays a candidate; keeps it as the best if it fails the same way. */
  const attempt = (candidate: { options: SimulationOptions; actions: readonly TimedAction[]; endTick: Tick }): boolean => {
    if (replays >= maxReplays || (options.shouldStop?.() ?? false)) {
      stopped = true;
      return false;
    }
    replays += 1;
    const { failure, taken } = replayJudged(candidate.options, candidate.actions, candidate.endTick, run.failure.kind);
    const fails = sameFailure(failure, run.failure);
    if (fails) {
      // A failure with a tick of its own ends the run there; a history's failure shows only at the end.
      const endTick = failure!.kind === 'linearizability' ? candidate.endTick : failure!.tick;
      best = { options: candidate.options, actions: taken.filter((entry) => entry.tick <= endTick), endTick, failure: failure! };
    }
    options.onProgress?.({ replays, maxReplays, actions: best.actions.length });
    return fails;
  };

  // The run as it is, cut at its failing tick: it must still fail (it does, unless the failure
  // depended on more than its options and actions, which a deterministic run never does).
  if (!attempt({ options: run.options, actions: run.actions, endTick: run.endTick })) {
    return { ...run, replays, complete: false };
  }
  ddmin(() => best, (actions) => attempt({ options: best.options, actions, endTick: best.endTick }), () => stopped);
  // Each success is strictly simpler, so this ends; after one, look again from the new best.
  let simplified = true;
  while (simplified && !stopped) {
    simplified = false;
    for (const simpler of simplerOptions(best.options)) {
      const actions = simpler.nodes === undefined ? best.actions : best.actions.filter((entry) => fitsNodes(entry.action, simpler.nodes!));
      if (attempt({ options: simpler, actions, endTick: best.endTick })) {
        simplified = true;
        break;
      }
      if (stopped) break;
    }
  }
  compressTime(() => best, (actions, endTick) => attempt({ options: best.options, actions, endTick }), () => stopped);
  ddmin(() => best, (actions) => attempt({ options: best.options, actions, endTick: best.endTick }), () => stopped);
  return { ...best, replays, complete: !stopped };
}

/**
 * Moves the story's actions earlier where the failure allows: each quiet stretch before an action
 * is halved, again and again, with everything after it moving too, so the run is short in ticks
 * as well as in actions.
 */
function compressTime(current: () => FailingRun, tryRun: (actions: readonly TimedAction[], endTick: Tick) => boolean, stopped: () => boolean): void {
  for (let i = 0; i < current().actions.length && !stopped(); i += 1) {
    for (;;) {
      const { actions, endTick } = current();
      const previous = i === 0 ? 0 : actions[i - 1]!.tick;
      const gap = actions[i]!.tick - previous;
      const shift = Math.floor(gap / 2);
      if (shift < 1 || stopped()) break;
      const moved = actions.map((entry, index) => (index < i ? entry : { tick: entry.tick - shift, action: entry.action }));
      if (!tryRun(moved, endTick - shift)) break;
      if (current().actions.length <= i) return;
    }
  }
}

/**
 * Zeller's ddmin over the best run's actions: try dropping each of n chunks (and keeping each
 * alone), refining n until chunks are single actions. `tryActions` keeps a candidate as the best
 * when it still fails; `current` reads the best back.
 */
function ddmin(current: () => FailingRun, tryActions: (actions: readonly TimedAction[]) => boolean, stopped: () => boolean): void {
  let parts = 2;
  while (current().actions.length >= 1 && !stopped()) {
    const actions = current().actions;
    const size = Math.ceil(actions.length / parts);
    let reduced = false;
    for (let start = 0; start < actions.length && !stopped(); start += size) {
      const chunk = actions.slice(start, start + size);
      const rest = [...actions.slice(0, start), ...actions.slice(start + size)];
      if (parts > 2 && chunk.length < actions.length && tryActions(chunk)) {
        parts = 2;
        reduced = true;
        break;
      }
      if (tryActions(rest)) {
        parts = Math.max(parts - 1, 2);
        reduced = true;
        break;
      }
    }
    if (reduced) continue;
    if (size <= 1) return;
    parts = Math.min(actions.length, parts * 2);
  }
}

/** Options one step simpler each: fewer nodes, then a network and a client that do less. */
function simplerOptions(options: SimulationOptions): SimulationOptions[] {
  const simpler: SimulationOptions[] = [];
  const nodes = options.nodes ?? 5;
  for (let fewer = 1; fewer < nodes; fewer += 2) simpler.push({ ...options, nodes: fewer });
  const network = options.network ?? {};
  for (const field of ['dropRatio', 'duplicateRatio', 'reorderRatio'] as const) {
    if ((network[field] ?? 0) > 0) simpler.push({ ...options, network: { ...network, [field]: 0 } });
  }
  const every = options.workload?.proposeEveryTicks ?? 0;
  if (every > 0) simpler.push({ ...options, workload: { ...options.workload, proposeEveryTicks: 0 } }, { ...options, workload: { ...options.workload, proposeEveryTicks: every * 4 } });
  return simpler;
}

/** Whether an action names only nodes 1..nodes. */
function fitsNodes(action: Action, nodes: number): boolean {
  const fits = (id: NodeId | 'leader'): boolean => id === 'leader' || id <= nodes;
  switch (action.type) {
    case 'crash':
    case 'restart':
    case 'isolate':
    case 'rejoin':
    case 'campaign':
    case 'transfer-leadership':
    case 'remove-node':
    case 'set-timer':
    case 'spread-timers':
      return fits(action.node);
    case 'propose':
    case 'get':
      return fits(action.node);
    case 'cut-link':
    case 'restore-link':
      return fits(action.from) && fits(action.to);
    case 'partition':
      return action.groups.every((group) => group.every(fits));
    case 'align-timers':
      return action.nodes.every(fits);
    default:
      return true;
  }
}

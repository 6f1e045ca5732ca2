/**
 * One fuzz seed, start to verdict: the engine behind `npm run fuzz`, the app's Fuzz panel and the
 * fuzz tests.
 *
 * Each seed draws its own cluster and fault mix (sim/swarm.ts: crashes and restarts, partitions,
 * one-way cuts, loss, duplication, reordering, latency, client load) and its own client (puts
 * from the steady client, deletes from this file's client, each through a recorded action or an
 * option, so the run replays exactly).
 *
 *   Safety phase   `ticks` ticks under the fault schedule, the checker and the invariants
 *                  watching every event. It ends early at the first violation or a halt.
 *   Liveness phase the client stops, the network heals and loses nothing, every node restarts;
 *                  then there must be a leader within `electWithinTicks`, its whole log must
 *                  commit, and every node must apply it, within `convergeWithinTicks`.
 *   Verdict        the first of: a safety violation, a halt, a liveness failure (with the watch's
 *                  stall when it saw one), a client history that is not linearizable.
 *
 * A failing seed's run (options and actions) is returned with the failing tick, so it can be
 * saved as a run file, opened in the app at that tick, and shrunk (minimise.ts).
 */
import { chance, intInclusive, pickIndex, streamPrng } from '../base/prng.ts';
import { advanceWithFaults } from '../chaos.ts';
import { checkLinearizable, linearizabilityBudgetDefault } from '../linearizability.ts';
import type { UnsafeSwitch } from '../raft/unsafe.ts';
import { unsafeConfig } from '../raft/unsafe.ts';
import type { NodeId, RaftConfig, Tick } from '../raft/types.ts';
import type { SafetyProperty } from '../sim/checker.ts';
import { newFaultSchedule } from '../sim/faults.ts';
import type { SimulationOptions } from '../sim/options.ts';
import type { StallKind } from '../sim/stall.ts';
import { drawSwarm } from '../sim/swarm.ts';
import type { Simulation, TimedAction } from '../simulation.ts';
import { createSimulation } from '../simulation.ts';
import { HistoryRecorder } from './history.ts';

export interface FuzzOptions {
  /** Ticks of the safety phase. Default 10,000. */
  readonly ticks?: number;
  /** Broken-Raft switches to turn on in every seed (core/raft/unsafe.ts). */
  readonly switches?: readonly UnsafeSwitch[];
  /** Most states the linearizability search may try. */
  readonly linearizabilityBudget?: number;
  /** Raft settings to use in every seed over its draw (the extensions: checkQuorum, ...). */
  readonly raft?: Partial<RaftConfig>;
  /**
   * Mix leadership transfers into the faults: now and then the leader is asked to hand over to a
   * running node. Off by default, so a seed's run (and every saved failing seed) stays as it was.
   */
  readonly transfers?: boolean;
  /**
   * Mix clients' gets into the run: now and then a get of a random key goes to the leader or to a
   * random running node (perhaps a deposed leader that does not know it yet), and the answers join
   * the history the linearizability check reads. Off by default, like transfers.
   */
  readonly reads?: boolean;
  /**
   * Mix membership changes into the faults (thesis ch. 4): now and then the leader is asked to add
   * a server or to remove one of its voters, itself included. Off by default, like transfers.
   */
  readonly membership?: boolean;
}

export type FuzzFailureKind = 'violation' | 'halted' | 'liveness' | 'linearizability' | 'error';

export interface FuzzFailure {
  readonly kind: FuzzFailureKind;
  /** Where to open the run: the violation's, the halt's or the stall's tick, else the run's end. */
  readonly tick: Tick;
  /** Violation: the property broken. Liveness: the stall seen, if the watch saw one. */
  readonly property: SafetyProperty | null;
  readonly stall: StallKind | null;
  /** In English: what failed, as the checker, the watch or the search said it. */
  readonly summary: string;
}

export interface FuzzResult {
  readonly seed: number;
  readonly failure: FuzzFailure | null;
  /** The run, to replay, save or open: options and every action taken. */
  readonly options: SimulationOptions;
  readonly actions: readonly TimedAction[];
  /** The tick the run reached. */
  readonly endTick: Tick;
  readonly faults: number;
  readonly writes: number;
  readonly acknowledged: number;
  /** Clients' gets answered (FuzzOptions.reads), each one checked with the writes. */
  readonly reads: number;
}

export const fuzzTicksDefault = 10_000;
/** Time the liveness phase allows for a leader, then for every node to apply the whole log. */
export const electWithinTicks = 20_000;
export const convergeWithinTicks = 100_000;
/** Ticks between two looks at the event stream: few enough events pile up that none is dropped. */
const chunkTicks = 500;
/** Events kept: enough for a chunk of the busiest seed. */
export const fuzzEventLimit = 200_000;

/** The options a seed runs with: its swarm draw, the switches, a large event log. */
export function fuzzRunOptions(seed: number, switches: readonly UnsafeSwitch[] = [], raft: Partial<RaftConfig> = {}): SimulationOptions & { readonly nodes: number; readonly seed: number } {
  const { options } = drawSwarm(seed);
  return { ...options, raft: { ...options.raft, ...raft, ...unsafeConfig(switches) }, eventLimit: fuzzEventLimit };
}

export function fuzzSeed(seed: number, options: FuzzOptions = {}): FuzzResult {
  const ticks = options.ticks ?? fuzzTicksDefault;
  const runOptions = fuzzRunOptions(seed, options.switches ?? [], options.raft);
  const swarm = drawSwarm(seed);
  const simulation = createSimulation(runOptions);
  const recorder = new HistoryRecorder();
  const schedule = newFaultSchedule({ seed, nodes: runOptions.nodes, faults: swarm.faults });
  const client = streamPrng(seed, 'fuzz-client');
  let faults = 0;
  const result = (failure: FuzzFailure | null): FuzzResult => ({
    seed,
    failure,
    options: runOptions,
    actions: simulation.actions().slice(),
    endTick: simulation.tick,
    faults,
    writes: recorder.writes,
    acknowledged: recorder.acknowledged,
    reads: recorder.reads,
  });
  try {
    // Safety phase.
    const nemesis = newLeaderNemesis(seed);
    const transfers = options.transfers === true ? streamPrng(seed, 'leader-transfer') : null;
    const reader = options.reads === true ? streamPrng(seed, 'fuzz-reads') : null;
    const changes = options.membership === true ? streamPrng(seed, 'membership-changes') : null;
    const keys = runOptions.workload?.keys ?? 16;
    // Time moves with the fault schedule; with reads on, a few gets go out every 50-150 ticks.
    const advance = (ticks: number): void => {
      if (reader === null) return advanceWithFaults(simulation, schedule, ticks, () => void (faults += 1));
      const end = simulation.tick + ticks;
      while (simulation.tick < end) {
        advanceWithFaults(simulation, schedule, Math.min(end - simulation.tick, intInclusive(reader, 50, 150)), () => void (faults += 1));
        readSome(simulation, reader, keys);
      }
    };
    while (simulation.tick < ticks) {
      const chunkEnd = Math.min(simulation.tick + chunkTicks, ticks);
      // The leader nemesis strikes somewhere inside each chunk, so leaders last any length of time.
      for (let strikes = 0; strikes < nemesis.strikesPerChunk; strikes += 1) {
        const strike = intInclusive(nemesis.rng, simulation.tick, chunkEnd);
        advance(strike - simulation.tick);
        faults += strikeLeader(simulation, nemesis);
        if (transfers !== null) faults += askTransfer(simulation, transfers);
        if (changes !== null) faults += askMembershipChange(simulation, changes);
      }
      advance(chunkEnd - simulation.tick);
      // Now and then a client deletes a key through whichever node leads.
      if (chance(client, 0.3)) simulation.act({ type: 'propose', node: 'leader', command: { type: 'delete', key: `key${pickIndex(client, runOptions.workload?.keys ?? 16)}` } });
      recorder.drain(simulation);
      const early = safetyFailure(simulation);
      if (early !== null) return result(early);
    }
    // Liveness phase.
    const healedAt = simulation.tick;
    simulation.configureWorkload({ proposeEveryTicks: 0 });
    simulation.heal();
    simulation.configureNetwork({ dropRatio: 0, duplicateRatio: 0 });
    for (const id of simulation.nodeIds) if (!simulation.isAlive(id) && !simulation.isRemoved(id)) simulation.restart(id);
    const elected = advanceWatching(simulation, recorder, electWithinTicks, (s) => s.leader() !== null);
    const failed = safetyFailure(simulation);
    if (failed !== null) return result(failed);
    if (!elected) return result(livenessFailure(simulation, healedAt, `no leader ${electWithinTicks} ticks after healing`));
    const converged = advanceWatching(simulation, recorder, convergeWithinTicks, everyNodeApplied);
    const failedLater = safetyFailure(simulation);
    if (failedLater !== null) return result(failedLater);
    if (!converged) return result(livenessFailure(simulation, healedAt, `the cluster did not apply its whole log on every node within ${convergeWithinTicks} ticks of a leader`));
    return result(historyFailure(simulation, recorder, options.linearizabilityBudget ?? linearizabilityBudgetDefault));
  } catch (error) {
    // Without a switch, a thrown assertion is a bug in Raftlab: the seed reproduces it.
    return result({ kind: 'error', tick: simulation.tick, property: null, stall: null, summary: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The leader nemesis, a fault the random schedule rarely makes: it crashes whichever node leads,
 * and restarts it a little later, so terms come and go while entries are half replicated (the
 * stuff of Figure 8). Its draws come from a stream of its own; it acts through act(), so the run
 * records it. A seed draws how often it strikes (never, for some seeds).
 */
interface LeaderNemesis {
  readonly rng: ReturnType<typeof streamPrng>;
  readonly chancePerChunk: number;
  readonly strikesPerChunk: number;
  /** Its crashed leaders and when each restarts. */
  readonly restarts: { tick: Tick; node: number }[];
}

function newLeaderNemesis(seed: number): LeaderNemesis {
  const rng = streamPrng(seed, 'leader-nemesis');
  return { rng, chancePerChunk: [0, 0.3, 0.6, 0.9][pickIndex(rng, 4)]!, strikesPerChunk: intInclusive(rng, 1, 4), restarts: [] };
}

/** Restarts the leaders due back, then maybe crashes the leader now. Returns the faults taken. */
function strikeLeader(simulation: Simulation, nemesis: LeaderNemesis): number {
  let taken = 0;
  for (let i = nemesis.restarts.length - 1; i >= 0; i -= 1) {
    const due = nemesis.restarts[i]!;
    if (due.tick > simulation.tick) continue;
    nemesis.restarts.splice(i, 1);
    if (!simulation.isAlive(due.node) && !simulation.isRemoved(due.node)) {
      simulation.restart(due.node);
      taken += 1;
    }
  }
  const leader = simulation.leader();
  if (leader !== null && chance(nemesis.rng, nemesis.chancePerChunk)) {
    simulation.crash(leader.id);
    nemesis.restarts.push({ tick: simulation.tick + intInclusive(nemesis.rng, 20, 300), node: leader.id });
    taken += 1;
  }
  return taken;
}

/** Now and then asks the leader to hand over to another running node. Returns the faults taken. */
function askTransfer(simulation: Simulation, rng: ReturnType<typeof streamPrng>): number {
  const leader = simulation.leader();
  if (leader === null || !chance(rng, 0.4)) return 0;
  const targets = simulation.nodeIds.filter((id) => id !== leader.id && simulation.isAlive(id));
  if (targets.length === 0) return 0;
  simulation.transferLeadership(targets[pickIndex(rng, targets.length)]!);
  return 1;
}

/** Servers a seed may start over its life (the initial ones included), and the fewest voters it removes down to. */
const membershipServersMax = 12;
const membershipVotersMin = 3;

/**
 * Now and then asks the leader for a membership change: to add a server, or to remove one of its
 * voters (perhaps itself). The leader may refuse (one change at a time); that is part of the test.
 */
function askMembershipChange(simulation: Simulation, rng: ReturnType<typeof streamPrng>): number {
  const leader = simulation.leader();
  if (leader === null || !chance(rng, 0.3)) return 0;
  const { voters } = simulation.configuration();
  const canAdd = simulation.nodeIds.length < membershipServersMax;
  const canRemove = voters.length > membershipVotersMin;
  if (!canAdd && !canRemove) return 0;
  if (canAdd && (!canRemove || chance(rng, 0.5))) simulation.addNode();
  else simulation.removeNode(voters[pickIndex(rng, voters.length)]!);
  return 1;
}

/**
 * A few gets of random keys: most to whichever node leads; when a leader of an older term still
 * believes it leads (cut off, not yet told), often to it, the read that must not see stale data;
 * else now and then to a random running node (a follower refuses).
 */
function readSome(simulation: Simulation, rng: ReturnType<typeof streamPrng>, keys: number): void {
  const count = intInclusive(rng, 0, 3);
  for (let i = 0; i < count; i += 1) {
    const key = `key${pickIndex(rng, keys)}`;
    simulation.act({ type: 'get', node: readTarget(simulation, rng), key });
  }
}

function readTarget(simulation: Simulation, rng: ReturnType<typeof streamPrng>): NodeId | 'leader' {
  const running = simulation.nodeIds.filter((id) => simulation.isAlive(id));
  const leader = simulation.leader();
  const deposed = running.filter((id) => id !== leader?.id && simulation.nodeState(id).isLeader);
  if (deposed.length > 0 && chance(rng, 0.5)) return deposed[pickIndex(rng, deposed.length)]!;
  return chance(rng, 0.7) || running.length === 0 ? 'leader' : running[pickIndex(rng, running.length)]!;
}

/**
 * Advances until `done` holds or `limit` ticks pass, reading the events as it goes. It looks every
 * `lookTicks` ticks, not every tick: time jumps over idle ticks, and looking is what costs.
 */
function advanceWatching(simulation: Simulation, recorder: HistoryRecorder, limit: number, done: (simulation: Simulation) => boolean): boolean {
  const end = simulation.tick + limit;
  let sinceDrain = 0;
  while (!done(simulation)) {
    if (simulation.tick >= end || simulation.halted() !== null || simulation.violations().length > 0) return false;
    const step = Math.min(lookTicks, end - simulation.tick);
    simulation.advance(step);
    sinceDrain += step;
    if (sinceDrain >= chunkTicks) {
      recorder.drain(simulation);
      sinceDrain = 0;
    }
  }
  recorder.drain(simulation);
  return true;
}

const lookTicks = 50;

/**
 * The leader has committed its whole log and every member of its configuration has applied all
 * of it (servers outside it, removed or never added, get no log).
 */
function everyNodeApplied(simulation: Simulation): boolean {
  const leader = simulation.leader();
  if (leader === null) return false;
  const target = simulation.nodeState(leader.id).lastIndex;
  const { voters, learners } = simulation.configuration();
  return simulation.nodeState(leader.id).commitIndex === target && [...voters, ...learners].every((id) => simulation.isAlive(id) && simulation.nodeState(id).lastApplied >= target);
}

export function safetyFailure(simulation: Simulation): FuzzFailure | null {
  const [violation] = simulation.violations();
  if (violation !== undefined) {
    return { kind: 'violation', tick: violation.tick, property: violation.property, stall: null, summary: `${violation.property} at tick ${violation.tick}: ${violation.detail}` };
  }
  const halt = simulation.halted();
  if (halt !== null) return { kind: 'halted', tick: halt.tick, property: null, stall: null, summary: `the run stopped at tick ${halt.tick}: ${halt.reason}` };
  return null;
}

/** A liveness failure, at the first stall the watch saw after `since` (the heal) if it saw one. */
function livenessFailure(simulation: Simulation, since: Tick, what: string): FuzzFailure {
  const stall = simulation.stalls().find((candidate) => candidate.tick >= since);
  if (stall !== undefined) return { kind: 'liveness', tick: stall.tick, property: null, stall: stall.kind, summary: `${what}; the liveness watch saw ${stall.detail} at tick ${stall.tick}` };
  return { kind: 'liveness', tick: simulation.tick, property: null, stall: null, summary: what };
}

export function historyFailure(simulation: Simulation, recorder: HistoryRecorder, budget: number): FuzzFailure | null {
  const verdict = checkLinearizable(recorder.history(simulation), { budget });
  if (verdict.ok !== false) return null;
  return {
    kind: 'linearizability',
    tick: simulation.tick,
    property: null,
    stall: null,
    summary: `the client history of key ${verdict.key} is not linearizable: no order of its ${verdict.entries.length} operations fits a single copy of the store`,
  };
}

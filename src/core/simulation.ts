import { entryAt, lastIndex } from './raft/log.ts';
import type { ProposeResult } from './raft/step-leader.ts';
import type { ClientCommand, Command, Entry, LogIndex, NodeId, Role, Snapshot, Term, Tick } from './raft/types.ts';
import type { Action, ActionResult } from './sim/actions.ts';
import { performAction, requireNodeId, validateAction, validateCommand } from './sim/actions.ts';
import type { Violation } from './sim/checker.ts';
import type { Halt } from './sim/halt.ts';
import type { Stall } from './sim/stall.ts';
import { appliedCommandAt } from './sim/checker.ts';
import { requireInteger, SimulationInputError } from './sim/errors.ts';
import type { SimEvent, Topic } from './sim/events.ts';
import { emptiedEventLog, eventsAfter, retained } from './sim/event-log.ts';
import { kvPairs, scan } from './sim/kv.ts';
import type { NetworkConfig, ResolvedOptions, SimulationOptions, Workload } from './sim/options.ts';
import { resolveOptions } from './sim/options.ts';
import type { Stats } from './sim/stats.ts';
import type { ClientRead } from './sim/reads.ts';
import { copyRead } from './sim/read-records.ts';
import { advanceWorld, nextBusyTick, nextEvent } from './sim/time.ts';
import type { NextEvent } from './sim/time.ts';
import type { SimState } from './sim/world.ts';
import { currentLeader, newSimState } from './sim/world.ts';
import { clusterConfiguration } from './sim/cluster.ts';
import type { ClusterView, NodeView, ViewOptions } from './view.ts';
import { clusterView, nodeView } from './view.ts';

/** An action as recorded in a run: what was done, and the tick it was done at. */
export interface TimedAction {
  readonly tick: Tick;
  readonly action: Action;
}

export interface NodeState {
  readonly id: NodeId;
  readonly alive: boolean;
  readonly role: Role | null;
  readonly term: Term;
  readonly isLeader: boolean;
  readonly vote: NodeId | null;
  readonly lead: NodeId | null;
  readonly commitIndex: LogIndex;
  readonly lastApplied: LogIndex;
  readonly lastIndex: LogIndex;
}

export interface PersistedState {
  readonly term: Term;
  readonly vote: NodeId | null;
  readonly snapshot: Snapshot;
  readonly entries: readonly Entry[];
}

/** What the whole cluster agrees is at one index, as the 6.824 tester's nCommitted reports it. */
export interface CommittedAt {
  /** How many live nodes have applied the index. */
  readonly count: number;
  /** The command applied there, if any node applied it. */
  readonly command: Command | null;
}

/**
 * Where a run's actions are kept. Each run has exactly one log: a standalone simulation keeps its
 * own, and a simulation inside a Timeline hands its actions to the Timeline, which owns the run.
 */
export interface ActionRecorder {
  record(entry: TimedAction): void;
  /** Every action taken up to the simulation's current tick, in order. */
  actions(): readonly TimedAction[];
}

function ownLog(initial: readonly TimedAction[]): ActionRecorder {
  const entries = initial.slice();
  return { record: (entry) => void entries.push(entry), actions: () => entries };
}

/**
 * A deterministic Raft cluster, driven from code: the headless entry to the same simulation the
 * app shows. Every method validates its input first and throws SimulationInputError (naming the
 * field and what it allows) without changing anything when the input is bad.
 *
 * Same options and same actions at the same ticks give the same run, tick for tick.
 */
export class Simulation {
  private state: SimState;
  private recorder: ActionRecorder;

  constructor(options: SimulationOptions = {}) {
    this.state = newSimState(resolveOptions(options));
    this.recorder = ownLog([]);
  }

  private static over(state: SimState, recorder: ActionRecorder): Simulation {
    // Skips the constructor, which would build a world only to throw it away.
    const simulation = Object.create(Simulation.prototype) as Simulation;
    simulation.state = state;
    simulation.recorder = recorder;
    return simulation;
  }

  /**
   * Rebuilds a simulation from a saved state (a checkpoint) and the actions that led to it. The
   * simulation takes the state over and changes it as it runs: pass structuredClone(state) to keep
   * the checkpoint reusable.
   */
  static fromState(state: SimState, actions: readonly TimedAction[] = []): Simulation {
    return Simulation.over(state, ownLog(actions));
  }

  /** A simulation over `state` whose actions go to `recorder` (the Timeline's way in). */
  static recordingTo(state: SimState, recorder: ActionRecorder): Simulation {
    return Simulation.over(state, recorder);
  }

  get tick(): Tick {
    return this.state.tick;
  }

  get options(): ResolvedOptions {
    return this.state.options;
  }

  /** The steady client's current settings. */
  get workload(): Workload {
    return this.state.workload;
  }

  get nodeIds(): readonly NodeId[] {
    return this.state.servers.map((server) => server.id);
  }

  /** Advances simulated time by `ticks` (a non-negative integer). */
  advance(ticks = 1): this {
    advanceWorld(this.state, requireInteger('ticks', ticks, { min: 0 }));
    return this;
  }

  /**
   * The next tick at which something is due: a message arriving or vanishing, a timer firing, a
   * steady-client put. Every tick before it only moves timers along.
   */
  nextEventTick(): Tick {
    return nextBusyTick(this.state);
  }

  /** What happens first at nextEventTick(): a message due (and whether it is lost), a timer, the client's put (sim/time.ts). */
  nextEvent(): NextEvent | null {
    return nextEvent(this.state);
  }

  /**
   * Advances until `condition` holds (checked before each tick) or `maxTicks` pass. Returns
   * whether the condition held.
   */
  advanceUntil(condition: (simulation: Simulation) => boolean, options: { maxTicks: number }): boolean {
    const limit = requireInteger('maxTicks', (options as { maxTicks?: unknown } | undefined)?.maxTicks, { min: 0 });
    for (let i = 0; i < limit; i += 1) {
      if (condition(this)) return true;
      advanceWorld(this.state, 1);
    }
    return condition(this);
  }

  /**
   * Applies an action now and records it for replay. It is validated first: bad input throws
   * SimulationInputError and changes nothing. Returns the action as recorded (defaults filled in,
   * inputs copied), a sentence saying what it did, and where a proposal went.
   */
  act(action: Action): ActionResult {
    const valid = validateAction(this.state, action);
    const result = performAction(this.state, valid);
    this.recorder.record({ tick: this.state.tick, action: valid });
    return result;
  }

  /**
   * Offers a client command to a node (or to the current leader), like the 6.824 lab's Start():
   * returns the index and term it will have if committed, and whether that node is leader. A
   * follower refuses and names the leader it knows (leaderHint).
   */
  propose(node: NodeId | 'leader', command: ClientCommand): ProposeResult & { readonly node: NodeId | null } {
    const outcome = this.act({ type: 'propose', node, command });
    if (outcome.type !== 'proposed') throw new Error('propose produced no result');
    return { ...outcome.result, node: outcome.node };
  }

  put(key: string, value: string, node: NodeId | 'leader' = 'leader'): ProposeResult & { readonly node: NodeId | null } {
    return this.propose(node, validateCommand({ type: 'put', key, value }));
  }

  delete(key: string, node: NodeId | 'leader' = 'leader'): ProposeResult & { readonly node: NodeId | null } {
    return this.propose(node, validateCommand({ type: 'delete', key }));
  }

  crash(node: NodeId): this {
    this.act({ type: 'crash', node });
    return this;
  }

  restart(node: NodeId): this {
    this.act({ type: 'restart', node });
    return this;
  }

  campaign(node: NodeId): this {
    this.act({ type: 'campaign', node });
    return this;
  }

  /** The leader hands its leadership to `node` (thesis §3.10); throws if there is no leader or it is `node`. */
  transferLeadership(node: NodeId): this {
    this.act({ type: 'transfer-leadership', node });
    return this;
  }

  /**
   * Add node (thesis ch. 4): the leader adds a new server, with the next id, as a learner; it is
   * promoted to voter once it has caught up. Returns the new server's id, or null when the leader
   * refused (another change is not committed yet, say: the refusal is in the events) or nobody led.
   */
  addNode(): NodeId | null {
    const result = this.act({ type: 'add-node' });
    return result.type === 'membership' && result.leader !== null && result.refusal === null ? result.change.node : null;
  }

  /**
   * Remove node: the leader appends the removal; once it is applied the server is shut down for
   * good (isRemoved). Returns whether the leader took the change.
   */
  removeNode(node: NodeId): boolean {
    const result = this.act({ type: 'remove-node', node });
    return result.type === 'membership' && result.leader !== null && result.refusal === null;
  }

  /** Whether a server has left the cluster: its removal was applied and it is shut down for good. */
  isRemoved(node: NodeId): boolean {
    return this.state.servers[requireNodeId(this.state, 'node', node) - 1]!.removedAt !== null;
  }

  /** The configuration the cluster uses now: the leader's, else the latest any running node holds. */
  configuration(): { readonly voters: readonly NodeId[]; readonly learners: readonly NodeId[] } {
    const { voters, learners } = clusterConfiguration(this.state);
    return { voters: [...voters], learners: [...learners] };
  }

  /**
   * A linearizable get (ReadIndex, or a lease read with RaftConfig.leaseReads), sent to `node` or
   * to the leader now. It is answered later, once the leader has confirmed its leadership and
   * applied the read's index: follow it with clientRead(id). Returns what is known so far.
   */
  read(key: string, node: NodeId | 'leader' = 'leader'): ClientRead {
    this.act({ type: 'get', node, key });
    const reads = this.state.clientReads.reads;
    return copyRead(reads[reads.length - 1]!);
  }

  /** A get by its id, as it stands now (undefined once it is finished and no longer kept: the last few finished are). */
  clientRead(id: number): ClientRead | undefined {
    const read = this.state.clientReads.reads.find((candidate) => candidate.id === id);
    return read === undefined ? undefined : copyRead(read);
  }

  partition(groups: readonly (readonly NodeId[])[]): this {
    this.act({ type: 'partition', groups });
    return this;
  }

  isolate(node: NodeId): this {
    this.act({ type: 'isolate', node });
    return this;
  }

  rejoin(node: NodeId): this {
    this.act({ type: 'rejoin', node });
    return this;
  }

  cutLink(from: NodeId, to: NodeId, options: { bothWays?: boolean } = {}): this {
    this.act({ type: 'cut-link', from, to, bothWays: options.bothWays ?? true });
    return this;
  }

  restoreLink(from: NodeId, to: NodeId, options: { bothWays?: boolean } = {}): this {
    this.act({ type: 'restore-link', from, to, bothWays: options.bothWays ?? true });
    return this;
  }

  heal(): this {
    this.act({ type: 'heal' });
    return this;
  }

  configureNetwork(network: Partial<NetworkConfig>): this {
    this.act({ type: 'configure-network', network });
    return this;
  }

  /** Starts, changes or stops the steady client: a put to the leader every n ticks (0 = off). */
  configureWorkload(workload: Partial<Workload>): this {
    this.act({ type: 'configure-workload', workload });
    return this;
  }

  /** Whether a node is running (not crashed). */
  isAlive(node: NodeId): boolean {
    return this.state.servers[requireNodeId(this.state, 'node', node) - 1]!.node !== null;
  }

  /** A node's term and role, as the lab's GetState() reports them. */
  nodeState(node: NodeId): NodeState {
    const id = requireNodeId(this.state, 'node', node);
    const server = this.state.servers[id - 1]!;
    const raft = server.node;
    if (raft === null) {
      return { id, alive: false, role: null, term: server.disk.term, isLeader: false, vote: server.disk.vote, lead: null, commitIndex: 0, lastApplied: 0, lastIndex: server.disk.snapshot.index + server.disk.entries.length };
    }
    return {
      id,
      alive: true,
      role: raft.role,
      term: raft.term,
      isLeader: raft.role === 'leader',
      vote: raft.vote,
      lead: raft.lead,
      commitIndex: raft.log.committed,
      lastApplied: raft.log.applied,
      lastIndex: lastIndex(raft.log),
    };
  }

  /** The live node leading in the highest term, or null. */
  leader(): { readonly id: NodeId; readonly term: Term } | null {
    const id = currentLeader(this.state);
    return id === null ? null : { id, term: this.state.servers[id - 1]!.node!.term };
  }

  /**
   * The commands a node has applied since its state machine was last rebuilt, in index order:
   * entries after its snapshot up to lastApplied (a crashed node has applied nothing).
   */
  applied(node: NodeId): readonly Entry[] {
    const id = requireNodeId(this.state, 'node', node);
    const raft = this.state.servers[id - 1]!.node;
    if (raft === null) return [];
    const result: Entry[] = [];
    for (let index = raft.log.snapshot.index + 1; index <= raft.log.applied; index += 1) result.push(entryAt(raft.log, index)!);
    return result;
  }

  /** How many live nodes have applied `index`, and the command there (6.824's nCommitted). */
  committedAt(index: LogIndex): CommittedAt {
    const at = requireInteger('index', index, { min: 1 });
    let count = 0;
    let command: Command | null = null;
    for (const server of this.state.servers) {
      const raft = server.node;
      if (raft === null || raft.log.applied < at) continue;
      count += 1;
      command ??= entryAt(raft.log, at)?.command ?? appliedCommandAt(this.state.checker, at) ?? null;
    }
    return { count, command };
  }

  /** A node's applied key-value state, sorted by key. */
  kv(node: NodeId): readonly (readonly [string, string])[] {
    const id = requireNodeId(this.state, 'node', node);
    return kvPairs(this.state.servers[id - 1]!.kv);
  }

  /** Reads a key from a node's applied state (served locally: it may be stale on a follower). */
  get(node: NodeId, key: string): string | undefined {
    const id = requireNodeId(this.state, 'node', node);
    return this.state.servers[id - 1]!.kv.get(key);
  }

  scan(node: NodeId, options: { from?: string; to?: string; limit?: number } = {}): readonly (readonly [string, string])[] {
    const id = requireNodeId(this.state, 'node', node);
    if (options.limit !== undefined) requireInteger('limit', options.limit, { min: 0 });
    return scan(this.state.servers[id - 1]!.kv, options);
  }

  /** What a node's virtual disk holds: the only state that survives a crash. */
  persisted(node: NodeId): PersistedState {
    const id = requireNodeId(this.state, 'node', node);
    const disk = this.state.servers[id - 1]!.disk;
    return { term: disk.term, vote: disk.vote, snapshot: disk.snapshot, entries: disk.entries.slice() };
  }

  view(options?: ViewOptions): ClusterView {
    return clusterView(this.state, options);
  }

  node(node: NodeId, options?: ViewOptions): NodeView {
    return nodeView(this.state, requireNodeId(this.state, 'node', node), options);
  }

  /** Retained events (the most recent `eventLimit`), optionally filtered by topic or node. */
  events(filter: { topics?: readonly Topic[]; node?: NodeId; afterSeq?: number } = {}): readonly SimEvent[] {
    if (filter.node !== undefined) requireNodeId(this.state, 'node', filter.node);
    if (filter.afterSeq !== undefined) requireInteger('afterSeq', filter.afterSeq, { min: 0 });
    const base = filter.afterSeq === undefined ? retained(this.state.eventLog) : eventsAfter(this.state.eventLog, filter.afterSeq, filter.topics === undefined ? undefined : new Set(filter.topics));
    if (filter.topics === undefined && filter.node === undefined) return base;
    return base.filter((event) => (filter.topics === undefined || filter.topics.includes(event.topic)) && (filter.node === undefined || event.node === filter.node));
  }

  /** Sequence number of the latest event (0 before any). */
  get lastEventSeq(): number {
    return this.state.eventLog.nextSeq - 1;
  }

  stats(): Stats {
    return structuredClone(this.state.stats);
  }

  violations(): readonly Violation[] {
    return this.state.checker.violations.slice();
  }

  /** What the liveness watch reported (sim/liveness.ts): stalls of a healthy cluster, never safety violations. */
  stalls(): readonly Stall[] {
    return this.state.liveness.stalls.slice();
  }

  /**
   * Where and why a run with an unsafe switch stopped (sim/halt.ts), or null while it runs:
   * after that tick time passes but nothing happens.
   */
  halted(): Halt | null {
    return this.state.halted;
  }

  /**
   * Every action taken so far with its tick: with the options, this replays the run exactly. It is
   * the run's log itself, not a copy, and grows as the run goes on.
   */
  actions(): readonly TimedAction[] {
    return this.recorder.actions();
  }

  /**
   * A deep copy of the whole simulation state (a checkpoint for time travel). With
   * `events: false` the retained events are left out, which keeps checkpoints small; a restored
   * copy then starts with an empty event log (sequence numbers carry on unchanged).
   */
  checkpoint(options: { events: boolean } = { events: true }): SimState {
    if (options.events) return structuredClone(this.state);
    return structuredClone({ ...this.state, eventLog: emptiedEventLog(this.state.eventLog) });
  }

  /** An independent copy of this simulation at this tick. */
  fork(): Simulation {
    return Simulation.fromState(this.checkpoint(), this.actions());
  }
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  return new Simulation(options);
}

/** Replays a run (options plus timed actions) up to `untilTick`, or to the last action's tick. */
export function replay(run: { options: SimulationOptions; actions: readonly TimedAction[] }, untilTick?: Tick): Simulation {
  const simulation = new Simulation(run.options);
  for (const { tick, action } of run.actions) {
    if (untilTick !== undefined && tick > untilTick) break;
    if (tick < simulation.tick) throw new SimulationInputError('actions', 'actions in tick order', `an action at tick ${tick} after tick ${simulation.tick}`);
    simulation.advance(tick - simulation.tick);
    simulation.act(action);
  }
  if (untilTick !== undefined && untilTick > simulation.tick) simulation.advance(untilTick - simulation.tick);
  return simulation;
}

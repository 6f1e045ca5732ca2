/**
 * A test harness in the spirit of MIT 6.824's raft/config.go, built only on the public headless
 * API (src/core/index.ts). The scenario tests read like the lab's tests: checkOneLeader, one(),
 * nCommitted(), disconnect()/connect(), crash()/restart().
 *
 * Differences from the lab, all deliberate:
 *   - Every wait is in simulated ticks (1 tick = 1 ms), never wall time: `time.Sleep(d)` becomes
 *     `advance(d)`, so a test's outcome is a pure function of its seed.
 *   - disconnect(id)/connect(id) are the simulation's isolate/rejoin. isolate puts the node in a
 *     partition group of its own; rejoin puts it back into the largest other group. The harness
 *     keeps the network in the lab's shape (the connected nodes form one group, each disconnected
 *     node is alone) and asserts that shape after every connect. rejoin cannot express one case:
 *     when the connected group is not strictly the largest (nothing or one node connected, with
 *     other nodes alone), it would pick a group by id order; there the harness rebuilds the same
 *     shape with partition() instead, and says so in a comment at that spot.
 *   - "Connected" for checkOneLeader means: alive and able to exchange messages with a majority
 *     of the cluster (counting itself), computed from the partition and the cut links. A stale
 *     leader stranded in a minority is therefore not counted, as in the lab.
 *   - Every harness registers a check that runs when the test finishes: the safety checker must
 *     have stayed silent (violations() is empty) for the whole run.
 */
import { onTestFinished } from 'vitest';
import type { ClientCommand, Command, CommittedAt, LogIndex, NodeId, SimulationOptions, Term } from '../../../src/core/index.ts';
import { createSimulation, type Simulation } from '../../../src/core/index.ts';

/** A put with a distinct value, the harness's stand-in for the lab's random ints. */
export function cmd(value: string | number, key = 'k'): ClientCommand {
  return { type: 'put', key, value: String(value) };
}

export function sameCommand(a: Command | null, b: Command | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.type !== b.type) return false;
  if (a.type === 'put' && b.type === 'put') return a.key === b.key && a.value === b.value;
  if (a.type === 'delete' && b.type === 'delete') return a.key === b.key;
  return true;
}

/**
 * The lab's RaftElectionTimeout (1 s): the tests' unit for "long enough for an election", in ticks.
 * The simulation's default timing follows the lab's limits (heartbeat 100 ticks, election timeout
 * 300-600), so the lab's waits carry over one to one.
 */
export const raftElectionTimeout = 1_000;

/** Timing of the harness's waits, in ticks: the lab's, in milliseconds. */
export const waits = {
  /** checkOneLeader sleeps this long before each of its 10 looks (lab: 450-550 ms). */
  leaderPoll: 500,
  leaderAttempts: 10,
  /** one(): total budget (lab: 10 s), agreement wait per attempt (lab: 2 s), poll step (lab: 20 ms). */
  oneBudget: 10_000,
  oneAgreement: 2_000,
  poll: 20,
  /** one() waits this long when no connected node accepted the command (lab: 50 ms). */
  noLeaderPause: 50,
} as const;

export class Harness {
  readonly sim: Simulation;
  readonly n: number;
  readonly seed: number;
  private readonly disconnected = new Set<NodeId>();
  /** Round-robin start for one(), as the lab's `starts`. */
  private starts = 0;

  constructor(options: SimulationOptions & { nodes: number; seed: number }) {
    // Keep enough events that a test can look back over a whole scenario.
    this.sim = createSimulation({ eventLimit: 200_000, ...options });
    this.n = options.nodes;
    this.seed = options.seed;
  }

  get ids(): readonly NodeId[] {
    return this.sim.nodeIds;
  }

  get quorum(): number {
    return Math.floor(this.n / 2) + 1;
  }

  fail(message: string): never {
    throw new Error(`seed ${this.seed}, tick ${this.sim.tick}: ${message}`);
  }

  // ---- Network: the lab's disconnect/connect, mapped onto isolate/rejoin. ----

  isConnected(id: NodeId): boolean {
    return !this.disconnected.has(id);
  }

  disconnect(id: NodeId): void {
    this.sim.isolate(id);
    this.disconnected.add(id);
  }

  connect(id: NodeId): void {
    if (!this.disconnected.has(id)) return;
    const connected = this.ids.filter((other) => !this.disconnected.has(other));
    this.disconnected.delete(id);
    if (connected.length === 0) {
      // The node is alone in its group already: it is the whole connected set now.
    } else if (connected.length >= 2) {
      // Every other group is a single disconnected node, so the connected group is the largest.
      this.sim.rejoin(id);
    } else {
      // One connected node among singletons: rejoin would break the tie by id order, not pick the
      // connected node. Rebuild the lab's shape directly instead.
      this.sim.partition([[...connected, id], ...[...this.disconnected].map((other) => [other])]);
    }
    this.assertShape();
  }

  /** Reconnects every node and clears any partition or cut link. */
  connectAll(): void {
    this.sim.heal();
    this.disconnected.clear();
  }

  private assertShape(): void {
    const connected = this.ids.filter((id) => !this.disconnected.has(id));
    const groups = this.sim.view({ logWindow: { from: 0, count: 0 } }).partition;
    const mine = groups.find((group) => group.includes(connected[0]!));
    if (mine === undefined || mine.length !== connected.length || !connected.every((id) => mine.includes(id))) {
      this.fail(`network shape: connected ${JSON.stringify(connected)} but groups ${JSON.stringify(groups)}`);
    }
  }

  // ---- Faults on machines. ----

  crash(id: NodeId): void {
    this.sim.crash(id);
  }

  restart(id: NodeId): void {
    this.sim.restart(id);
  }

  alive(id: NodeId): boolean {
    return this.sim.nodeState(id).alive;
  }

  /**
   * Live nodes that can exchange messages both ways with a majority of the cluster (counting
   * themselves), from the current partition groups and cut links.
   */
  majorityReachers(): NodeId[] {
    const view = this.sim.view({ logWindow: { from: 0, count: 0 } });
    const cut = new Set(view.cutLinks.map((link) => `${link.from}>${link.to}`));
    const groupOf = new Map<NodeId, number>();
    view.partition.forEach((group, index) => group.forEach((id) => groupOf.set(id, index)));
    const live = this.ids.filter((id) => this.alive(id));
    const talks = (a: NodeId, b: NodeId): boolean => a === b || (groupOf.get(a) === groupOf.get(b) && !cut.has(`${a}>${b}`) && !cut.has(`${b}>${a}`));
    return live.filter((id) => live.filter((other) => talks(id, other)).length >= this.quorum);
  }

  // ---- The lab's checks. ----

  /**
   * Exactly one leader among the nodes that can reach a majority, after letting time pass: up to
   * 10 looks, each after `waits.leaderPoll` ticks. Two leaders in one term fail at once. Returns
   * the leader of the highest term seen.
   */
  checkOneLeader(): NodeId {
    for (let attempt = 0; attempt < waits.leaderAttempts; attempt += 1) {
      this.sim.advance(waits.leaderPoll);
      const leadersByTerm = new Map<Term, NodeId[]>();
      for (const id of this.majorityReachers()) {
        const state = this.sim.nodeState(id);
        if (state.isLeader) leadersByTerm.set(state.term, [...(leadersByTerm.get(state.term) ?? []), id]);
      }
      let lastTermWithLeader = -1;
      for (const [term, leaders] of leadersByTerm) {
        if (leaders.length > 1) this.fail(`term ${term} has ${leaders.length} leaders (${leaders.join(', ')})`);
        lastTermWithLeader = Math.max(lastTermWithLeader, term);
      }
      if (lastTermWithLeader !== -1) return leadersByTerm.get(lastTermWithLeader)![0]!;
    }
    return this.fail('expected one leader, got none');
  }

  /** Every node that can reach a majority is in the same term; returns it. */
  checkTerms(): Term {
    let term = -1;
    for (const id of this.majorityReachers()) {
      const own = this.sim.nodeState(id).term;
      if (term === -1) term = own;
      else if (own !== term) this.fail(`servers disagree on term: ${term} and node ${id} at ${own}`);
    }
    return term;
  }

  /** No connected live node (in the lab's sense: not disconnected by the harness) thinks it leads. */
  checkNoLeader(): void {
    for (const id of this.ids) {
      if (this.isConnected(id) && this.alive(id) && this.sim.nodeState(id).isLeader) {
        this.fail(`expected no leader among connected servers, but node ${id} claims to be leader`);
      }
    }
  }

  /**
   * How many live nodes have applied `index`, and the command there (committedAt). Like the lab's
   * nCommitted it also cross-checks that every node that still holds the entry agrees.
   */
  nCommitted(index: LogIndex): CommittedAt {
    const at = this.sim.committedAt(index);
    for (const id of this.ids) {
      const entry = this.sim.applied(id).find((applied) => applied.index === index);
      if (entry !== undefined && at.command !== null && !sameCommand(entry.command, at.command)) {
        this.fail(`committed values do not match: index ${index}, node ${id} has ${JSON.stringify(entry.command)}, others ${JSON.stringify(at.command)}`);
      }
    }
    return at;
  }

  /**
   * Offers `command` to connected nodes in turn until one accepts it as leader, then waits for
   * `expectedServers` nodes to apply it at the index returned. With `retry`, tries again (maybe on
   * a new leader) until the overall budget runs out. Returns the index. Lab: cfg.one().
   */
  one(command: ClientCommand, expectedServers: number, retry: boolean): LogIndex {
    const deadline = this.sim.tick + waits.oneBudget;
    while (this.sim.tick < deadline) {
      let index = -1;
      for (let tried = 0; tried < this.n; tried += 1) {
        this.starts = (this.starts % this.n) + 1;
        const id = this.starts;
        if (!this.isConnected(id) || !this.alive(id)) continue;
        const result = this.sim.propose(id, command);
        if (result.isLeader) {
          index = result.index;
          break;
        }
      }
      if (index === -1) {
        this.sim.advance(waits.noLeaderPause);
        continue;
      }
      const agreementDeadline = this.sim.tick + waits.oneAgreement;
      while (this.sim.tick < agreementDeadline) {
        const { count, command: there } = this.nCommitted(index);
        if (count > 0 && count >= expectedServers && sameCommand(there, command)) return index;
        this.sim.advance(waits.poll);
      }
      if (!retry) this.fail(`one(${JSON.stringify(command)}) failed to reach agreement on ${expectedServers} servers`);
    }
    return this.fail(`one(${JSON.stringify(command)}) failed to reach agreement on ${expectedServers} servers`);
  }

  /**
   * Waits for at least `n` nodes to apply `index`; gives up (returning null) if some node moves
   * past `startTerm`, since the entry may then never commit. Lab: cfg.wait().
   */
  wait(index: LogIndex, n: number, startTerm: Term | null): Command | null {
    let pause = 10;
    for (let round = 0; round < 30; round += 1) {
      const { count } = this.nCommitted(index);
      if (count >= n) break;
      this.sim.advance(pause);
      pause = Math.min(pause * 2, 1_000);
      if (startTerm !== null && this.ids.some((id) => this.alive(id) && this.sim.nodeState(id).term > startTerm)) return null;
    }
    const { count, command } = this.nCommitted(index);
    if (count < n) this.fail(`only ${count} decided for index ${index}; wanted ${n}`);
    return command;
  }

  /** Fails with every violation the safety checker reported, if any. */
  checkNoViolations(): void {
    const violations = this.sim.violations();
    if (violations.length > 0) this.fail(`safety checker reported ${violations.length} violation(s): ${JSON.stringify(violations.slice(0, 5))}`);
  }
}

/**
 * Makes a harness whose safety checker is asserted silent when the test finishes (and whose seed
 * is in every failure message).
 */
export function makeHarness(options: SimulationOptions & { nodes: number; seed: number }): Harness {
  const harness = new Harness(options);
  onTestFinished(() => harness.checkNoViolations());
  return harness;
}

/**
 * Seeds every scenario runs with: 1-5, or one seed to reproduce a failure
 * (`SCENARIO_SEED=7 npx vitest run tests/unit/scenarios`), or a wider sweep
 * (`SCENARIO_SEEDS=100` runs seeds 1-100).
 */
export const scenarioSeeds: readonly number[] =
  process.env.SCENARIO_SEED !== undefined
    ? [Number(process.env.SCENARIO_SEED)]
    : Array.from({ length: Number(process.env.SCENARIO_SEEDS ?? 5) }, (_, index) => index + 1);

/**
 * Submits `commands` to whichever node leads and drives them until every one is committed
 * exactly once. A command is resubmitted only when it is provably lost: the index it was given
 * has been committed with another command (an index holds one entry forever once committed, so
 * the lost attempt can never commit elsewhere). When nothing commits for a while, a no-op is
 * offered so that a new leader's log grows over the indexes still awaited. Returns the index each
 * command committed at, in the order given.
 */
export function commitExactlyOnce(h: Harness, commands: readonly ClientCommand[], options: { maxTicks: number }): LogIndex[] {
  const attempts = new Map<number, LogIndex>();
  const committedAt = new Map<number, LogIndex>();
  const offer = (position: number): void => {
    const result = h.sim.propose('leader', commands[position]!);
    if (result.isLeader) attempts.set(position, result.index);
    else attempts.delete(position);
  };
  commands.forEach((_, position) => offer(position));
  const deadline = h.sim.tick + options.maxTicks;
  let lastProgressTick = h.sim.tick;
  while (committedAt.size < commands.length) {
    if (h.sim.tick >= deadline) h.fail(`commitExactlyOnce: ${commands.length - committedAt.size} of ${commands.length} commands not committed`);
    h.sim.advance(waits.poll);
    commands.forEach((command, position) => {
      if (committedAt.has(position)) return;
      const index = attempts.get(position);
      if (index === undefined) {
        offer(position);
        return;
      }
      const { count, command: there } = h.nCommitted(index);
      if (count === 0) return;
      lastProgressTick = h.sim.tick;
      if (there === null) h.fail(`commitExactlyOnce: index ${index} is compacted on every node; cannot tell what committed there`);
      if (sameCommand(there, command)) committedAt.set(position, index);
      else offer(position);
    });
    if (h.sim.tick - lastProgressTick > waits.oneAgreement) {
      h.sim.propose('leader', { type: 'noop' });
      lastProgressTick = h.sim.tick;
    }
  }
  return commands.map((_, position) => committedAt.get(position)!);
}

import type { Tick } from './raft/types.ts';
import type { Action, ActionResult } from './sim/actions.ts';
import { SimulationInputError } from './sim/errors.ts';
import type { TimedAction } from './simulation.ts';
import type { Timeline } from './timeline.ts';

/**
 * A run's history as a tree of branches. Acting in the past does not drop the future: the branch
 * on screen keeps it, and the action starts a new branch from that tick, which becomes current.
 * Switching to a branch rebuilds the timeline from its action log, sharing the checkpoints taken
 * before the two branches' logs differ, so it lands on exactly the state that branch had.
 *
 * Memory stays bounded: only the current branch has a Timeline (and its bounded checkpoints);
 * every other branch is its action log and its end tick. At most `limit` branches are kept; when
 * all are in use, acting in the past must say `discardFuture`, and then drops the future as a
 * timeline alone does.
 */
export interface Branch {
  readonly id: number;
  /** The name given to it, or null while it has none (the app says "Branch 2"). */
  readonly name: string | null;
  /** The branch it forked from; null for the first one (or once that one was deleted and had none). */
  readonly parent: number | null;
  /** The tick at which it left its parent: the tick of its first action the parent does not have. */
  readonly forkTick: Tick;
  /** The furthest tick it reached. */
  readonly end: Tick;
  /** Its whole action log, in tick order. */
  readonly actions: readonly TimedAction[];
}

/** What acting did to the tree: the new branch, or null when the act did not fork. */
export interface BranchActResult {
  readonly result: ActionResult;
  readonly forked: { readonly from: number; readonly to: number; readonly tick: Tick } | null;
}

/** Branches kept by default: enough for a debugging session, and each is only an action log. */
export const branchLimitDefault = 16;
export const branchNameLengthMax = 60;

export class BranchTree {
  private current: Timeline;
  private activeId: number;
  /** Every branch by id; the current one's actions and end are read from the timeline instead. */
  private readonly records = new Map<number, Branch>();
  private lastId: number;

  /**
   * A tree over `timeline`, as its first branch (id 1, unnamed), or, with `saved`, the branches a
   * run kept: `active` is the one `timeline` replays, and every other branch's actions must be
   * valid for the run (checkBranch).
   */
  constructor(
    timeline: Timeline,
    readonly limit: number = branchLimitDefault,
    saved?: { readonly active: number; readonly branches: readonly Branch[] },
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new SimulationInputError('limit', 'an integer of at least 1', String(limit));
    this.current = timeline;
    if (saved === undefined) {
      this.activeId = 1;
      this.records.set(1, { id: 1, name: null, parent: null, forkTick: 0, end: 0, actions: [] });
    } else {
      if (saved.branches.length > limit) throw new SimulationInputError('branches', `at most ${limit} branches`, String(saved.branches.length));
      for (const branch of saved.branches) this.records.set(branch.id, branch);
      if (!this.records.has(saved.active)) throw new SimulationInputError('active', 'the id of one of the branches', String(saved.active));
      this.activeId = saved.active;
    }
    this.lastId = Math.max(...this.records.keys());
  }

  /** The current branch's timeline: a new object after each switch. */
  get timeline(): Timeline {
    return this.current;
  }

  get active(): number {
    return this.activeId;
  }

  /** Every branch, by id, the current one as it is now. */
  get branches(): readonly Branch[] {
    return [...this.records.keys()].sort((a, b) => a - b).map((id) => this.branch(id));
  }

  /** Whether acting in the past now would need a new branch but every place is taken. */
  get full(): boolean {
    return this.records.size >= this.limit;
  }

  branch(id: number): Branch {
    const record = this.require(id);
    if (id !== this.activeId) return record;
    return { ...record, actions: this.current.recordedActions.slice(), end: this.current.maxTick };
  }

  /**
   * Acts on the current branch. At its end that is all; in the past the branch keeps its future
   * and the action starts a new branch from this tick, unless every place is taken: then only
   * `discardFuture` lets it act, dropping the future. A refused action changes nothing.
   */
  act(action: Action, options: { discardFuture?: boolean } = {}): BranchActResult {
    const timeline = this.current;
    if (timeline.tick >= timeline.maxTick) return { result: timeline.act(action), forked: null };
    if (this.full && options.discardFuture !== true) {
      throw new SimulationInputError('discardFuture', `true: all ${this.limit} branches are kept already, so acting in the past drops the future (or delete a branch first)`, String(options.discardFuture ?? false));
    }
    const kept = this.branch(this.activeId);
    const result = timeline.act(action);
    if (this.full) return { result, forked: null };
    this.records.set(kept.id, kept);
    const id = (this.lastId += 1);
    this.records.set(id, { id, name: null, parent: kept.id, forkTick: timeline.tick, end: timeline.tick, actions: [] });
    this.activeId = id;
    return { result, forked: { from: kept.id, to: id, tick: timeline.tick } };
  }

  /**
   * Makes branch `id` current at `tick` (by default the tick on screen), kept within its ticks.
   * Switching away and back lands on the same state: both are replays of the same log.
   */
  switchTo(id: number, tick: Tick = this.current.tick): Timeline {
    const target = this.require(id);
    const at = Math.min(Math.max(0, Math.round(tick)), id === this.activeId ? this.current.maxTick : target.end);
    if (id === this.activeId) {
      this.current.seek(at);
      return this.current;
    }
    const next = this.current.withActions(target.actions, target.end);
    next.seek(at);
    this.records.set(this.activeId, this.branch(this.activeId));
    this.current = next;
    this.activeId = id;
    return next;
  }

  /** Names a branch; null (or blank text) gives it back its default name. */
  rename(id: number, name: string | null): Branch {
    const record = this.require(id);
    if (name !== null && typeof name !== 'string') throw new SimulationInputError('name', 'text or null', typeof name);
    const trimmed = name?.trim() ?? '';
    if (trimmed.length > branchNameLengthMax) throw new SimulationInputError('name', `at most ${branchNameLengthMax} characters`, `${trimmed.length} characters`);
    const renamed = { ...record, name: trimmed === '' ? null : trimmed };
    this.records.set(id, renamed);
    return this.branch(id);
  }

  /**
   * Deletes a branch other than the current one. Its children now fork from its parent, at the
   * earlier of the two fork ticks (what they share with that parent).
   */
  remove(id: number): void {
    const record = this.require(id);
    if (id === this.activeId) throw new SimulationInputError('branch', 'a branch other than the current one (switch away first)', String(id));
    this.records.delete(id);
    for (const other of this.records.values()) {
      if (other.parent === id) this.records.set(other.id, { ...other, parent: record.parent, forkTick: Math.min(other.forkTick, record.forkTick) });
    }
  }

  private require(id: number): Branch {
    const record = this.records.get(id);
    if (record === undefined) throw new SimulationInputError('branch', `the id of a branch (${[...this.records.keys()].join(', ')})`, String(id));
    return record;
  }
}

/**
 * Checks that a saved branch replays on `timeline`'s run: every action valid at its tick, up to
 * its end. Throws the core's SimulationInputError for the first one that is not.
 */
export function checkBranch(timeline: Timeline, branch: Branch): void {
  timeline.withActions(branch.actions, branch.end).seek(branch.end);
}

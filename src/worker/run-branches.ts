import { branchLimitDefault, branchNameLengthMax, checkBranch, SimulationInputError } from '../core/index.ts';
import type { Branch, BranchTree, Tick, Timeline, TimedAction } from '../core/index.ts';
import type { BranchListing, BranchPart, BranchSummary, RunBranch, RunBranches } from '../protocol/worker-protocol.ts';
import { parseActions, runActionsMax, runTickMax } from './run-actions.ts';
import { isRecord, quote, RunFileError } from './run-problem.ts';

/**
 * A run's branches in files, permalinks and autosaves (docs/runs.md): written from the worker's
 * BranchTree, and read at the edge like the rest of a run, every rule checked and every problem
 * naming its field. The run itself is the active branch; its entry carries no actions.
 */

/** The tree as a run saves it; undefined while it has only one, unnamed branch (nothing to keep). */
export function exportBranches(tree: BranchTree): RunBranches | undefined {
  const branches = tree.branches;
  if (branches.length === 1 && branches[0]!.name === null) return undefined;
  return { active: tree.active, list: branches.map((branch) => (branch.id === tree.active ? withoutActions(branch) : branch)) };
}

function withoutActions(branch: Branch): RunBranch {
  const { actions: _actions, ...rest } = branch;
  return rest;
}

/** The listing the app shows. */
export function branchListing(tree: BranchTree, forked: BranchListing['forked'] = null): BranchListing {
  return { branches: tree.branches.map(summary), active: tree.active, limit: tree.limit, forked };
}

function summary(branch: Branch): BranchSummary {
  return { id: branch.id, name: branch.name, parent: branch.parent, forkTick: branch.forkTick, end: branch.end, actionCount: branch.actions.length };
}

/** What each rule allows, in the headless API's English (src/ui/run-file-text.ts words the same). */
function allowed(part: BranchPart, max: number | null): string {
  switch (part) {
    case 'branches':
      // i18n-exempt: the headless API's English; the app words the part itself.
      return 'an object { active, list }';
    case 'list':
      // i18n-exempt: the headless API's English; the app words the part itself.
      return `an array of 1 to ${max} branches`;
    case 'item':
      // i18n-exempt: the headless API's English; the app words the part itself.
      return 'an object { id, name, parent, forkTick, end, actions }';
    case 'id':
      // i18n-exempt: the headless API's English; the app words the part itself.
      return 'a whole number of at least 1, used by no other branch';
    case 'name':
      // i18n-exempt: the headless API's English; the app words the part itself.
      return `null or a string of 1 to ${max} characters`;
    case 'parent':
      // i18n-exempt: the headless API's English; the app words the part itself.
      return 'null or the id of an earlier branch in the list';
    case 'tick':
      // i18n-exempt: the headless API's English; the app words the part itself.
      return `an integer from 0 to ${max}`;
    case 'actions':
      // i18n-exempt: the headless API's English; the app words the part itself.
      return `an array of at most ${max} { tick, action }, in tick order`;
    case 'active':
      // i18n-exempt: the headless API's English; the app words the part itself.
      return 'the id of a branch in the list';
  }
}

function fail(field: string, part: BranchPart, max: number | null, got: unknown): never {
  throw new RunFileError(field, allowed(part, max), { code: 'branch', field, part, max, got: quote(got) });
}

/**
 * The saved branches of a version 2 run (absent: none). Parents come before their children (a
 * smaller id), so the tree has no cycle; the active entry's actions are the run's, not read here.
 */
export function parseBranches(value: unknown): RunBranches | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return fail('branches', 'branches', null, value);
  const items = value.list;
  if (!Array.isArray(items) || items.length < 1 || items.length > branchLimitDefault) return fail('branches.list', 'list', branchLimitDefault, items);
  const active = value.active;
  if (typeof active !== 'number' || !items.some((item: unknown) => isRecord(item) && item.id === active)) return fail('branches.active', 'active', null, active);
  const ids = new Set<number>();
  const list = items.map((item: unknown, index): RunBranch => {
    const field = `branches.list[${index}]`;
    if (!isRecord(item)) return fail(field, 'item', null, item);
    const id = item.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || ids.has(id)) return fail(`${field}.id`, 'id', null, id);
    const name = item.name;
    if (name !== null && (typeof name !== 'string' || name.trim() === '' || name.length > branchNameLengthMax)) return fail(`${field}.name`, 'name', branchNameLengthMax, name);
    const parent = item.parent;
    if (parent !== null && (typeof parent !== 'number' || !ids.has(parent) || parent >= id)) return fail(`${field}.parent`, 'parent', null, parent);
    const forkTick = tick(`${field}.forkTick`, item.forkTick);
    const end = tick(`${field}.end`, item.end);
    ids.add(id);
    const entry = { id, name, parent, forkTick, end };
    if (id === active) return entry;
    return { ...entry, actions: actionsOf(`${field}.actions`, item.actions, end) };
  });
  return { active, list };
}

function tick(field: string, value: unknown): Tick {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= runTickMax) return value;
  return fail(field, 'tick', runTickMax, value);
}

/** A branch's action log: like a run's, and none after the branch's end. */
function actionsOf(field: string, value: unknown, end: Tick): TimedAction[] {
  try {
    const actions = parseActions(value);
    if ((actions.at(-1)?.tick ?? 0) > end) return fail(field, 'actions', runActionsMax, value);
    return actions;
  } catch (error) {
    if (error instanceof RunFileError && error.problem.code !== 'branch') return fail(field, 'actions', runActionsMax, value);
    throw error;
  }
}

/**
 * Replays saved branch `entry` (at `index` in the list) on `timeline`'s run (checkBranch), so
 * that switching to it later cannot fail; an action that cannot be taken at its tick is reported
 * under the entry's field.
 */
export function checkSavedBranch(timeline: Timeline, entry: RunBranch, index: number): void {
  try {
    checkBranch(timeline, { ...entry, actions: entry.actions ?? [] });
  } catch (error) {
    if (!(error instanceof SimulationInputError)) throw error;
    throw new SimulationInputError(`branches.list[${index}].actions: ${error.field}`, error.allowed, error.received);
  }
}

/** The saved branches as the tree keeps them, the active one's log and end taken from `timeline`. */
export function savedTree(timeline: Timeline, saved: RunBranches): { active: number; branches: Branch[] } {
  const branches = saved.list.map((entry): Branch => {
    if (entry.id === saved.active) return { ...entry, actions: timeline.recordedActions.slice(), end: timeline.maxTick };
    return { ...entry, actions: entry.actions ?? [] };
  });
  return { active: saved.active, branches };
}

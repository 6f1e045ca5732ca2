import type { Branch, BranchTree, Tick } from '../core/index.ts';
import { SimulationInputError, Timeline } from '../core/index.ts';
import type { Run } from '../protocol/worker-protocol.ts';
import { screenNodeCountMax } from '../protocol/worker-protocol.ts';
import type { Annotations } from '../scenario/annotations.ts';
import { noAnnotations } from '../scenario/annotations.ts';
import { parseActions, requireTick, runTickMax } from './run-actions.ts';
import { parseAnnotations } from './run-annotations.ts';
import { checkSavedBranch, exportBranches, parseBranches, savedTree } from './run-branches.ts';
import { isRecord, quote, RunFileError } from './run-problem.ts';

export { RunFileError } from './run-problem.ts';

/**
 * Runs as files: export writes options, the timed action log, the tick and the annotations;
 * import parses an unknown value at the edge (a file a user picked, a permalink, an autosave,
 * possibly hand-edited or from another version) and replays it. Every problem is reported as a
 * SimulationInputError naming the field, e.g. "actions[3].tick must be ...", and the caller
 * keeps its current run. The problems found here (not the core's) are RunFileErrors, which also
 * carry the problem as data for the app to word.
 *
 * Versions (docs/runs.md): 1 had no annotations and is read as a run with none; 2 is written,
 * with the run's other branches when it has any (run-branches.ts).
 */
export const runFormat = 'raftlab-run';
export const runVersion = 2;
/** The oldest version still read. */
export const runVersionOldest = 1;
export { runActionsMax, runTickMax } from './run-actions.ts';

/** The run on screen as data; with its branch tree, every branch is kept in it too. */
export function exportRun(timeline: Timeline, annotations: Annotations = noAnnotations, tree: BranchTree | null = null): Run {
  const { options, actions } = timeline.toRun();
  const branches = tree === null ? undefined : exportBranches(tree);
  return { format: runFormat, version: runVersion, options, actions, tick: timeline.tick, annotations, ...(branches === undefined ? {} : { branches }) };
}

/**
 * The app shows at most screenNodeCountMax nodes, whether a run comes from the address, the form
 * or a file; the core's own, higher limit is for headless runs. `field` names the option in errors.
 */
export function requireScreenNodeCount(options: unknown, field: string): void {
  const nodes = isRecord(options) ? options.nodes : undefined;
  if (nodes === undefined) return;
  if (typeof nodes !== 'number' || !Number.isInteger(nodes) || nodes < 1 || nodes > screenNodeCountMax) {
    throw new RunFileError(field, `an integer from 1 to ${screenNodeCountMax}, the most nodes the app shows`, { code: 'node-count', field, max: screenNodeCountMax, got: quote(nodes) });
  }
}

/** Checks the envelope of a run: everything but the actions' contents and the options' values. */
export function parseRun(value: unknown): Run {
  if (!isRecord(value)) throw new RunFileError('run', 'a Raftlab run (a JSON object)', { code: 'not-a-run', got: quote(value) });
  if (value.format !== runFormat) throw new RunFileError('format', `"${runFormat}"`, { code: 'format', expected: runFormat, got: quote(value.format) });
  const version = requireVersion(value.version);
  if (!isRecord(value.options)) throw new RunFileError('options', 'an object of simulation options', { code: 'options', got: quote(value.options) });
  requireScreenNodeCount(value.options, 'options.nodes');
  const actions = parseActions(value.actions);
  const tick = requireTick(value.tick, 0, null);
  // Version 1 had no annotations: whatever such a file holds under that name is not read.
  const annotations = version === 1 ? noAnnotations : parseAnnotations(value.annotations, runTickMax);
  const branches = version === 1 ? undefined : parseBranches(value.branches);
  return { format: runFormat, version: runVersion, options: value.options, actions, tick, annotations, ...(branches === undefined ? {} : { branches }) };
}

/** A version this app reads; a later one is named as such, since a newer Raftlab wrote it. */
function requireVersion(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > runVersion) {
    throw new RunFileError('version', `at most ${runVersion}, the newest version this app reads (a newer Raftlab saved this run)`, { code: 'newer-version', newest: runVersion, got: quote(value) });
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < runVersionOldest) {
    throw new RunFileError('version', `an integer from ${runVersionOldest} to ${runVersion}, a version this app reads`, {
      code: 'version',
      oldest: runVersionOldest,
      newest: runVersion,
      got: quote(value),
    });
  }
  return value;
}

/**
 * Re-roots an error's field under `prefix`, e.g. "nodes" under "options" gives "options.nodes". A
 * field already named from `root` (an action validator says "action.type") keeps its own path.
 */
function within(prefix: string, error: unknown, root?: string): unknown {
  if (!(error instanceof SimulationInputError)) return error;
  const field = error.field;
  const rooted = root !== undefined && (field === root || field.startsWith(`${root}.`));
  const path = rooted ? field.slice(root.length) : `.${field}`;
  return new SimulationInputError(`${prefix}${path}`, error.allowed, error.received);
}

/** Most ticks one replay step advances, so a long quiet stretch can still be cut into chunks. */
export const replayStepTicksMax = 1_000;

/**
 * A run being rebuilt step by step, so the worker can replay a long one in chunks, report
 * progress between them and stop when asked: every action replayed at its tick, on to the later
 * of the last action, the saved tick and the branch's end (so the recorded future is kept), then
 * back to the saved tick; then each other saved branch is replayed once, in one step each, so
 * that switching to it later cannot fail. Progress counts one step per action and per tick.
 */
export class RunReplay {
  readonly run: Run;
  readonly timeline: Timeline;
  readonly total: number;
  private readonly endTick: Tick;
  private nextAction = 0;
  private isFinished = false;
  /** The saved branches checked so far (all of them once finished); null for a run without. */
  private checkedBranches: { active: number; branches: Branch[] } | null = null;
  /** The run's own branch is rebuilt; the saved branches' checks come next. */
  private mainDone = false;
  private branchesDone = 0;
  private branchTicksDone = 0;

  /** Checks the run's envelope and options; throws a SimulationInputError naming the field. */
  constructor(value: unknown) {
    const run = parseRun(value);
    try {
      this.timeline = new Timeline(run.options);
    } catch (error) {
      throw within('options', error);
    }
    this.run = run;
    // A scenario's run reaches its end, so its whole timeline can be scrubbed and its expectations decided.
    const own = run.branches?.list.find((branch) => branch.id === run.branches?.active);
    this.endTick = Math.max(run.tick, run.actions.at(-1)?.tick ?? 0, run.annotations.end ?? 0, own?.end ?? 0);
    this.total = run.actions.length + this.endTick + this.otherBranches().reduce((sum, branch) => sum + branch.end, 0);
  }

  /** The saved branches as the tree keeps them, once finished (null for a run without any). */
  get branches(): { active: number; branches: Branch[] } | null {
    return this.checkedBranches;
  }

  private otherBranches(): readonly { end: Tick }[] {
    const saved = this.run.branches;
    return saved === undefined ? [] : saved.list.filter((branch) => branch.id !== saved.active);
  }

  get finished(): boolean {
    return this.isFinished;
  }

  get done(): number {
    if (this.isFinished) return this.total;
    return this.nextAction + (this.mainDone ? this.endTick + this.branchTicksDone : this.timeline.tick);
  }

  /** Replays until finished or until `shouldPause()`, asked after every step, says to pause. */
  replay(shouldPause: () => boolean = () => false): void {
    while (!this.isFinished) {
      this.step();
      if (shouldPause()) return;
    }
  }

  /** One action, or at most replayStepTicksMax ticks towards the next one, or the final seek, or one saved branch. */
  private step(): void {
    if (this.mainDone) {
      this.checkNextBranch();
      return;
    }
    const next = this.run.actions[this.nextAction];
    const target = next?.tick ?? this.endTick;
    if (this.timeline.tick < target) {
      this.timeline.advance(Math.min(replayStepTicksMax, target - this.timeline.tick));
      return;
    }
    if (next !== undefined) {
      try {
        this.timeline.act(next.action);
      } catch (error) {
        throw within(`actions[${this.nextAction}].action`, error, 'action');
      }
      this.nextAction += 1;
      return;
    }
    this.timeline.seek(this.run.tick);
    this.mainDone = true;
    if (this.run.branches === undefined) this.isFinished = true;
  }

  /** Replays the next saved branch; after the last, keeps them as the tree's records. */
  private checkNextBranch(): void {
    const saved = this.run.branches!;
    while (this.branchesDone < saved.list.length) {
      const index = this.branchesDone;
      const entry = saved.list[index]!;
      this.branchesDone += 1;
      if (entry.id === saved.active) continue;
      checkSavedBranch(this.timeline, entry, index);
      this.branchTicksDone += entry.end;
      return;
    }
    this.checkedBranches = savedTree(this.timeline, saved);
    this.isFinished = true;
  }
}

/** Rebuilds a run's timeline in one go (the headless and benchmark path; the worker goes in chunks). */
export function importRun(value: unknown): Timeline {
  const replay = new RunReplay(value);
  replay.replay();
  return replay.timeline;
}

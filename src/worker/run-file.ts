import type { Action, Tick, TimedAction } from '../core/index.ts';
import { SimulationInputError, Timeline } from '../core/index.ts';
import type { Run } from '../protocol/worker-protocol.ts';
import { screenNodeCountMax } from '../protocol/worker-protocol.ts';
import type { Annotations } from '../scenario/annotations.ts';
import { noAnnotations } from '../scenario/annotations.ts';
import { parseAnnotations } from './run-annotations.ts';
import { quote, RunFileError } from './run-problem.ts';

export { RunFileError } from './run-problem.ts';

/**
 * Runs as files: export writes options, the timed action log, the tick and the annotations;
 * import parses an unknown value at the edge (a file a user picked, a permalink, an autosave,
 * possibly hand-edited or from another version) and replays it. Every problem is reported as a
 * SimulationInputError naming the field, e.g. "actions[3].tick must be ...", and the caller
 * keeps its current run. The problems found here (not the core's) are RunFileErrors, which also
 * carry the problem as data for the app to word.
 *
 * Versions (docs/runs.md): 1 had no annotations and is read as a run with none; 2 is written.
 */
export const runFormat = 'raftlab-run';
export const runVersion = 2;
/** The oldest version still read. */
export const runVersionOldest = 1;
/** Bounds on what an import may ask the worker to replay, so a file cannot hang it. */
export const runActionsMax = 100_000;
export const runTickMax = 10_000_000;

export function exportRun(timeline: Timeline, annotations: Annotations = noAnnotations): Run {
  const { options, actions } = timeline.toRun();
  return { format: runFormat, version: runVersion, options, actions, tick: timeline.tick, annotations };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The run's tick (`index` null) or an action's, which may not come before `min`, the previous action's. */
function requireTick(value: unknown, min: Tick, index: number | null): Tick {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > runTickMax) {
    const got = quote(value);
    if (index === null) throw new RunFileError('tick', `an integer from 0 to ${runTickMax}`, { code: 'tick', max: runTickMax, got });
    throw new RunFileError(
      `actions[${index}].tick`,
      min === 0 ? `an integer from 0 to ${runTickMax}` : `an integer from ${min} to ${runTickMax} (actions in tick order)`,
      { code: 'action-tick', index, min, max: runTickMax, got },
    );
  }
  return value;
}

function parseActions(value: unknown): TimedAction[] {
  if (!Array.isArray(value)) throw new RunFileError('actions', 'an array of { tick, action }', { code: 'actions', got: quote(value) });
  if (value.length > runActionsMax) throw new RunFileError('actions', `at most ${runActionsMax} actions`, { code: 'too-many-actions', max: runActionsMax, got: quote(value) });
  const actions: TimedAction[] = [];
  let previous = 0;
  value.forEach((item: unknown, index) => {
    if (!isRecord(item)) throw new RunFileError(`actions[${index}]`, 'an object { tick, action }', { code: 'action-item', index, got: quote(item) });
    const tick = requireTick(item.tick, previous, index);
    if (!isRecord(item.action)) throw new RunFileError(`actions[${index}].action`, 'an action object', { code: 'action-object', index, got: quote(item.action) });
    // The action's own fields are checked when it is replayed, against the state at its tick.
    actions.push({ tick, action: item.action as unknown as Action });
    previous = tick;
  });
  return actions;
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
  return { format: runFormat, version: runVersion, options: value.options, actions, tick, annotations };
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
 * of the last action and the saved tick (so the recorded future is kept), then back to the saved
 * tick. Progress counts one step per action and one per tick.
 */
export class RunReplay {
  readonly run: Run;
  readonly timeline: Timeline;
  readonly total: number;
  private readonly endTick: Tick;
  private nextAction = 0;
  private isFinished = false;

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
    this.endTick = Math.max(run.tick, run.actions.at(-1)?.tick ?? 0, run.annotations.end ?? 0);
    this.total = run.actions.length + this.endTick;
  }

  get finished(): boolean {
    return this.isFinished;
  }

  get done(): number {
    return this.isFinished ? this.total : this.nextAction + this.timeline.tick;
  }

  /** Replays until finished or until `shouldPause()`, asked after every step, says to pause. */
  replay(shouldPause: () => boolean = () => false): void {
    while (!this.isFinished) {
      this.step();
      if (shouldPause()) return;
    }
  }

  /** One action, or at most replayStepTicksMax ticks towards the next one, or the final seek. */
  private step(): void {
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
    this.isFinished = true;
  }
}

/** Rebuilds a run's timeline in one go (the headless and benchmark path; the worker goes in chunks). */
export function importRun(value: unknown): Timeline {
  const replay = new RunReplay(value);
  replay.replay();
  return replay.timeline;
}

import type { Action, Tick, TimedAction } from '../core/index.ts';
import { SimulationInputError, Timeline } from '../core/index.ts';
import type { Run } from '../protocol/worker-protocol.ts';
import { screenNodeCountMax } from '../protocol/worker-protocol.ts';

/**
 * Runs as files: export writes options plus the timed action log; import parses an unknown value
 * at the edge (a file a user picked, possibly hand-edited or from another version) and replays
 * it. Every problem is reported as a SimulationInputError naming the field, e.g.
 * "actions[3].tick must be ...", and the caller keeps its current run.
 */
export const runFormat = 'raftlab-run';
export const runVersion = 1;
/** Bounds on what an import may ask the worker to replay, so a file cannot hang it. */
export const runActionsMax = 100_000;
export const runTickMax = 10_000_000;

export function exportRun(timeline: Timeline): Run {
  const { options, actions } = timeline.toRun();
  return { format: runFormat, version: runVersion, options, actions, tick: timeline.tick };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined) return String(value);
  return typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireTick(field: string, value: unknown, min: Tick): Tick {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > runTickMax) {
    const allowed = min === 0 ? `an integer from 0 to ${runTickMax}` : `an integer from ${min} to ${runTickMax} (actions in tick order)`;
    throw new SimulationInputError(field, allowed, describe(value));
  }
  return value;
}

function parseActions(value: unknown): TimedAction[] {
  if (!Array.isArray(value)) throw new SimulationInputError('actions', 'an array of { tick, action }', describe(value));
  if (value.length > runActionsMax) throw new SimulationInputError('actions', `at most ${runActionsMax} actions`, describe(value));
  const actions: TimedAction[] = [];
  let previous = 0;
  value.forEach((item: unknown, index) => {
    if (!isRecord(item)) throw new SimulationInputError(`actions[${index}]`, 'an object { tick, action }', describe(item));
    const tick = requireTick(`actions[${index}].tick`, item.tick, previous);
    if (!isRecord(item.action)) throw new SimulationInputError(`actions[${index}].action`, 'an action object', describe(item.action));
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
    throw new SimulationInputError(field, `an integer from 1 to ${screenNodeCountMax}, the most nodes the app shows`, describe(nodes));
  }
}

/** Checks the envelope of a run: everything but the actions' contents and the options' values. */
export function parseRun(value: unknown): Run {
  if (!isRecord(value)) throw new SimulationInputError('run', 'a Raftlab run (a JSON object)', describe(value));
  if (value.format !== runFormat) throw new SimulationInputError('format', `"${runFormat}"`, describe(value.format));
  if (value.version !== runVersion) throw new SimulationInputError('version', `${runVersion} (the version this app reads)`, describe(value.version));
  if (!isRecord(value.options)) throw new SimulationInputError('options', 'an object of simulation options', describe(value.options));
  requireScreenNodeCount(value.options, 'options.nodes');
  const actions = parseActions(value.actions);
  const tick = requireTick('tick', value.tick, 0);
  return { format: runFormat, version: runVersion, options: value.options, actions, tick };
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
    this.endTick = Math.max(run.tick, run.actions.at(-1)?.tick ?? 0);
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

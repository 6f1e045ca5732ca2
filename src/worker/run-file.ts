import type { Action, Tick, TimedAction } from '../core/index.ts';
import { SimulationInputError, Timeline } from '../core/index.ts';
import type { Run } from '../protocol/worker-protocol.ts';

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

/** Checks the envelope of a run: everything but the actions' contents and the options' values. */
export function parseRun(value: unknown): Run {
  if (!isRecord(value)) throw new SimulationInputError('run', 'a Raftlab run (a JSON object)', describe(value));
  if (value.format !== runFormat) throw new SimulationInputError('format', `"${runFormat}"`, describe(value.format));
  if (value.version !== runVersion) throw new SimulationInputError('version', `${runVersion} (the version this app reads)`, describe(value.version));
  if (!isRecord(value.options)) throw new SimulationInputError('options', 'an object of simulation options', describe(value.options));
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

/**
 * Rebuilds a run's timeline: every action replayed at its tick, on to the later of the last
 * action and the saved tick (so the recorded future is kept), then back to the saved tick.
 */
export function importRun(value: unknown): Timeline {
  const run = parseRun(value);
  let timeline: Timeline;
  try {
    timeline = new Timeline(run.options);
  } catch (error) {
    throw within('options', error);
  }
  run.actions.forEach(({ tick, action }, index) => {
    timeline.advance(tick - timeline.tick);
    try {
      timeline.act(action);
    } catch (error) {
      throw within(`actions[${index}].action`, error, 'action');
    }
  });
  const end = Math.max(run.tick, run.actions.at(-1)?.tick ?? 0);
  timeline.advance(end - timeline.tick);
  timeline.seek(run.tick);
  return timeline;
}

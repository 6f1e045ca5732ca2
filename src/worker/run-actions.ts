import type { Action, Tick, TimedAction } from '../core/index.ts';
import { isRecord, quote, RunFileError } from './run-problem.ts';

/** Bounds on what an import may ask the worker to replay, so a file cannot hang it. */
export const runActionsMax = 100_000;
export const runTickMax = 10_000_000;

/** The run's tick (`index` null) or an action's, which may not come before `min`, the previous action's. */
export function requireTick(value: unknown, min: Tick, index: number | null): Tick {
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

/** A run's action log: { tick, action } items in tick order; the actions themselves are checked when replayed. */
export function parseActions(value: unknown): TimedAction[] {
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

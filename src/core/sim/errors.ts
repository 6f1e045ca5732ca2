/**
 * Bad input to the simulation: a typed error naming the field and what it allows. Every public
 * entry point validates before it changes anything, so a rejected call leaves the run as it was.
 */
export class SimulationInputError extends Error {
  override readonly name = 'SimulationInputError';
  constructor(
    /** The option or argument at fault, e.g. "network.delayTicksMin" or "nodeId". */
    readonly field: string,
    /** What is allowed, e.g. "an integer from 1 to 64". */
    readonly allowed: string,
    /** The value given, as text. */
    readonly received: string,
  ) {
    super(`${field} must be ${allowed} (got ${received})`);
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

export function requireInteger(field: string, value: unknown, range: { min: number; max?: number }): number {
  const allowed = range.max === undefined ? `an integer of at least ${range.min}` : `an integer from ${range.min} to ${range.max}`;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || (range.max !== undefined && value > range.max)) {
    throw new SimulationInputError(field, allowed, show(value));
  }
  return value;
}

export function requireProbability(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new SimulationInputError(field, 'a probability in [0, 1]', show(value));
  }
  return value;
}

export function requireBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new SimulationInputError(field, 'true or false', show(value));
  return value;
}

export function requireString(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new SimulationInputError(field, 'a string', show(value));
  return value;
}

export { show as describeValue };

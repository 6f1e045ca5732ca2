/**
 * The core's two ways of failing loudly. Both are for bugs, never for bad input (bad input is a
 * SimulationInputError, raised at the edge before anything changes).
 */

/** Ends an exhaustive switch: adding a member to the union breaks the build until it is handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/**
 * The error an invariant check throws. Checks are written `if (!(condition)) throw broken(...)`
 * rather than through a helper taking the message, so that the hot paths build no message string
 * or closure unless the check actually fails.
 */
export function broken(message: string): Error {
  return new Error(`invariant broken: ${message}`);
}

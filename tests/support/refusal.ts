import { SimulationInputError } from '../../src/core/index.ts';
import type { Action, Simulation } from '../../src/core/index.ts';

/**
 * Acts, and says how the simulation refused: "field: message", or null when it took the action.
 * Anything but a SimulationInputError is a bug and comes back as its text, so the test fails on it.
 */
export function refusal(simulation: Simulation, action: Action): string | null {
  try {
    simulation.act(action);
    return null;
  } catch (error) {
    return error instanceof SimulationInputError ? `${error.field}: ${error.message}` : String(error);
  }
}

import { anyUnsafe } from '../raft/unsafe.ts';
import { SimulationInputError } from './errors.ts';
import type { Halt, SimState } from './world.ts';

export type { Halt };
import { record } from './world.ts';

/**
 * A broken Raft stops cleanly. With an unsafe switch on (raft/unsafe.ts) the Raft being shown is
 * wrong on purpose, and after the checker has reported what broke, the nodes may reach states the
 * core asserts can never happen (a committed entry deleted, a log whose terms go down). Such an
 * assertion then means "this broken Raft went off the rails", not "Raftlab has a bug": the run
 * halts at that tick with the reason kept, time still passes (so playback and seeking behave),
 * and nothing more happens in it. Actions are still recorded but change nothing, so the run
 * replays exactly. Without a switch, an assertion is a Raftlab bug and is thrown as always.
 */
/** Runs `work`; with a switch on, an error other than bad input halts the run instead of escaping. */
export function guarded(sim: SimState, work: () => void): void {
  if (!anyUnsafe(sim.options.raft)) return work();
  try {
    work();
  } catch (error) {
    if (error instanceof SimulationInputError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    sim.halted = { tick: sim.tick, reason };
    record(sim, null, { type: 'run-halted', reason });
  }
}

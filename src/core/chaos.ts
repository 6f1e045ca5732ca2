import type { NodeId, Tick } from './raft/types.ts';
import type { Action, ActionResult } from './sim/actions.ts';
import type { FaultSchedule } from './sim/faults.ts';
import { nextFaultTick, takeFaults } from './sim/faults.ts';

/** What a fault schedule drives: a Simulation, or a Timeline through a small adapter. */
export interface FaultTarget {
  readonly tick: Tick;
  advance(ticks: number): unknown;
  act(action: Action): ActionResult;
  isAlive(id: NodeId): boolean;
  /** Whether a server left the cluster for good (membership change): nothing restarts it. */
  isRemoved?(id: NodeId): boolean;
}

/**
 * Advances `ticks`, stopping at the exact tick of every fault the schedule holds and taking it
 * there (through act(), so it is recorded in the run). `onFault` sees what each one did.
 */
export function advanceWithFaults(target: FaultTarget, schedule: FaultSchedule, ticks: number, onFault?: (result: ActionResult, tick: Tick) => void): void {
  const end = target.tick + ticks;
  while (target.tick < end) {
    const due = Math.min(end, Math.max(target.tick, nextFaultTick(schedule)));
    if (due > target.tick) target.advance(due - target.tick);
    if (nextFaultTick(schedule) > target.tick) continue;
    for (const action of takeFaults(schedule, target.tick, (id) => target.isAlive(id), (id) => target.isRemoved?.(id) ?? false)) {
      const result = target.act(action);
      onFault?.(result, target.tick);
    }
    // Faults due now are taken; time must still move on.
    if (target.tick < end && nextFaultTick(schedule) <= target.tick) throw new Error('fault schedule did not move past its own tick');
  }
}

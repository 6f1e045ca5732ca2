// Run with: npx tsx docs/examples/faults.ts
// A fault schedule crashes and partitions the cluster at exact ticks while a client writes; the
// checker stays silent, every node converges once the faults stop, and the run replays exactly.
import { advanceWithFaults, createSimulation, newFaultSchedule, noFaults, replay } from '../../src/core/index.ts';

export function faultyRun(): { faults: string[]; violations: number; converged: boolean; replaysExactly: boolean } {
  const options = { nodes: 5, seed: 7, workload: { proposeEveryTicks: 25 } };
  const sim = createSimulation(options);
  const schedule = newFaultSchedule({
    seed: 7,
    nodes: 5,
    faults: { ...noFaults, crashEveryTicks: 3_000, downTicks: 1_500, partitionEveryTicks: 4_000, partitionTicks: 1_000, exact: true },
  });
  const faults: string[] = [];
  advanceWithFaults(sim, schedule, 10_000, (result, tick) => faults.push(`${tick}: ${result.summary}`));

  // Stop the client, let the last faults undo themselves, and wait for every node to catch up.
  sim.configureWorkload({ proposeEveryTicks: 0 });
  sim.heal();
  for (const id of sim.nodeIds) if (!sim.isAlive(id)) sim.restart(id);
  const converged = sim.advanceUntil((s) => {
    const leader = s.leader();
    return leader !== null && s.nodeIds.every((id) => s.nodeState(id).lastApplied === s.nodeState(leader.id).lastIndex);
  }, { maxTicks: 10_000 });

  const again = replay({ options, actions: sim.actions() }, sim.tick);
  return { faults, violations: sim.violations().length, converged, replaysExactly: JSON.stringify(again.view()) === JSON.stringify(sim.view()) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(faultyRun());

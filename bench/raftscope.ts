/**
 * RaftScope's workload (raft.github.io, the best-known Raft visualizer): 5 nodes, latency 10-15
 * ticks, election timeout 100-200, heartbeat 50, one put to the leader every 100 ticks, checker
 * and node invariants on, 1 tick = 1 ms. The figure is simulated seconds per wall second over
 * 3,600 simulated seconds, from a fresh simulation (start-up and JIT warm-up included).
 *
 * For comparison: RaftScope's own core does about 80 simulated seconds per wall second on this
 * class of machine at 1 ms steps, and its page, with its history on, falls below 1.
 */
import { createSimulation } from '../src/core/index.ts';

export interface RaftScopeFigure {
  simulatedSeconds: number;
  wallSeconds: number;
  simulatedSecondsPerSecond: number;
  /** Against RaftScope's core at about 80 simulated seconds per second. */
  timesRaftScope: number;
  messagesSent: number;
  highestCommittedIndex: number;
  violations: number;
}

export const raftScopeOptions = {
  nodes: 5,
  seed: 1,
  raft: { electionTimeoutTicksMin: 100, electionTimeoutTicksMax: 200, heartbeatIntervalTicks: 50 },
  network: { delayTicksMin: 10, delayTicksMax: 15 },
  workload: { proposeEveryTicks: 100 },
  checkNodeInvariants: true,
} as const;

const raftScopeCoreSimulatedSecondsPerSecond = 80;

export function runRaftScopeWorkload(options: { simulatedSeconds: number; seed?: number }): RaftScopeFigure {
  const simulation = createSimulation({ ...raftScopeOptions, seed: options.seed ?? 1 });
  const ticks = options.simulatedSeconds * 1_000;
  const start = performance.now();
  // In steps of one simulated second, as a page would drive it; the steady client does the puts.
  while (simulation.tick < ticks) simulation.advance(Math.min(1_000, ticks - simulation.tick));
  const wallSeconds = (performance.now() - start) / 1_000;
  const stats = simulation.stats();
  const rate = options.simulatedSeconds / wallSeconds;
  return {
    simulatedSeconds: options.simulatedSeconds,
    wallSeconds: Number(wallSeconds.toFixed(3)),
    simulatedSecondsPerSecond: Math.round(rate),
    timesRaftScope: Math.round(rate / raftScopeCoreSimulatedSecondsPerSecond),
    messagesSent: Object.values(stats.sent).reduce((sum, count) => sum + count, 0),
    highestCommittedIndex: stats.highestCommittedIndex,
    violations: simulation.violations().length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(runRaftScopeWorkload({ simulatedSeconds: 3_600 }));
}

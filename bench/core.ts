/**
 * Core throughput: simulated ticks per wall-clock second with the safety checker and node
 * invariants on, under a steady client load (a put every 10 ticks), 10% message loss and a crash
 * every 5,000 ticks (restarted 2,500 ticks later). With `clientReads`, a get every 10 ticks too;
 * with `transfers`, the leader is asked to hand over every 2,500 ticks; with `membership`, every
 * 5,000 ticks the leader is asked to add a server, then (2,500 ticks on) to remove the lowest
 * voter, so the cluster keeps its size while its members change. Printed, never asserted.
 */
import { createSimulation } from '../src/core/index.ts';
import type { RaftConfig } from '../src/core/index.ts';

export interface CoreFigure {
  nodes: number;
  ticks: number;
  seconds: number;
  ticksPerSecond: number;
  committedIndex: number;
  messagesSent: number;
  violations: number;
}

export function runLoaded(options: { nodes: number; ticks: number; seed?: number; checkNodeInvariants?: boolean; raft?: Partial<RaftConfig>; clientReads?: boolean; transfers?: boolean; membership?: boolean }): CoreFigure {
  const simulation = createSimulation({
    nodes: options.nodes,
    seed: options.seed ?? 1,
    network: { dropRatio: 0.1 },
    checkNodeInvariants: options.checkNodeInvariants ?? true,
    ...(options.raft === undefined ? {} : { raft: options.raft }),
  });
  const crashEvery = 5_000;
  let down: number | null = null;
  let counter = 0;
  const start = performance.now();
  while (simulation.tick < options.ticks) {
    simulation.advance(10);
    simulation.put(`key${counter % 64}`, `value${counter}`);
    if (options.clientReads === true) simulation.read(`key${(counter * 7) % 64}`);
    counter += 1;
    const tick = simulation.tick;
    if (options.transfers === true && tick % 2_500 === 0) {
      const leader = simulation.leader();
      const target = simulation.nodeIds.find((id) => id !== leader?.id && simulation.isAlive(id));
      if (leader !== null && target !== undefined) simulation.transferLeadership(target);
    }
    if (options.membership === true && tick % 2_500 === 1_250 && simulation.leader() !== null) {
      if (tick % 5_000 === 1_250) simulation.addNode();
      else simulation.removeNode(simulation.configuration().voters[0]!);
    }
    if (tick % crashEvery === 0) {
      const present = simulation.nodeIds.filter((id) => !simulation.isRemoved(id));
      const victim = present[(tick / crashEvery) % present.length]!;
      if (down === null && present.length > 1 && simulation.isAlive(victim)) {
        simulation.crash(victim);
        down = victim;
      }
    } else if (tick % crashEvery === crashEvery / 2 && down !== null) {
      if (!simulation.isRemoved(down)) simulation.restart(down);
      down = null;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const stats = simulation.stats();
  return {
    nodes: options.nodes,
    ticks: simulation.tick,
    seconds: Number(seconds.toFixed(3)),
    ticksPerSecond: Math.round(simulation.tick / seconds),
    committedIndex: stats.highestCommittedIndex,
    messagesSent: Object.values(stats.sent).reduce((sum, count) => sum + count, 0),
    violations: simulation.violations().length,
  };
}

/** An idle cluster (no load, no faults): what quiet-tick skipping buys. */
export function runIdle(options: { nodes: number; ticks: number }): { nodes: number; ticks: number; ticksPerSecond: number } {
  const simulation = createSimulation({ nodes: options.nodes, seed: 1 });
  const start = performance.now();
  simulation.advance(options.ticks);
  const seconds = (performance.now() - start) / 1000;
  return { nodes: options.nodes, ticks: options.ticks, ticksPerSecond: Math.round(options.ticks / seconds) };
}

// Run with: npx tsx docs/examples/leader-crash.ts
// Crash the leader: the others elect a new one in a higher term; the old one rejoins as follower.
import { createSimulation } from '../../src/core/index.ts';

export function leaderCrash(): { before: { id: number; term: number }; after: { id: number; term: number }; rejoined: string } {
  const sim = createSimulation({ nodes: 5, seed: 3 });
  sim.advanceUntil((s) => s.leader() !== null, { maxTicks: 2_000 });
  const before = sim.leader()!;

  sim.crash(before.id);
  sim.advanceUntil((s) => (s.leader()?.term ?? 0) > before.term, { maxTicks: 5_000 });
  const after = sim.leader()!;

  // Restart: the node rebuilds itself from its disk (term, vote, log) and learns of the new leader.
  sim.restart(before.id);
  sim.advance(500);
  const state = sim.nodeState(before.id);
  return { before, after, rejoined: `${state.role} in term ${state.term}` };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(leaderCrash());

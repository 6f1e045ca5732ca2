// Run with: npx tsx docs/examples/first-election.ts
// Five nodes elect a leader; a put is replicated and applied on every node.
import { createSimulation } from '../../src/core/index.ts';

export function firstElection(): { leader: number; term: number; values: string[] } {
  const sim = createSimulation({ nodes: 5, seed: 7 });

  // Election timeouts are 300-600 ticks (1 tick = 1 simulated ms): wait for a leader.
  sim.advanceUntil((s) => s.leader() !== null, { maxTicks: 2_000 });
  const leader = sim.leader()!;

  // Like the 6.824 lab's Start(): index and term the command will have, if it commits.
  const { index, isLeader } = sim.put('x', '1');
  if (!isLeader) throw new Error('the leader refused a proposal');

  // Wait until every node has applied that index.
  sim.advanceUntil((s) => s.committedAt(index).count === 5, { maxTicks: 2_000 });
  return { leader: leader.id, term: leader.term, values: sim.nodeIds.map((id) => sim.get(id, 'x') ?? '(none)') };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(firstElection());

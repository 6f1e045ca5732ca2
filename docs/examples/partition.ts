// Run with: npx tsx docs/examples/partition.ts
// Cut the leader off with one follower: the majority side elects a new leader and commits; the
// minority side's leader accepts a proposal that can never commit, and loses it when healed.
import { createSimulation } from '../../src/core/index.ts';

export function partition(): { minorityCommitted: boolean; majorityCommitted: boolean; truncations: number } {
  const sim = createSimulation({ nodes: 5, seed: 5 });
  sim.advanceUntil((s) => s.leader() !== null, { maxTicks: 2_000 });
  const oldLeader = sim.leader()!.id;
  const buddy = sim.nodeIds.find((id) => id !== oldLeader)!;
  const majority = sim.nodeIds.filter((id) => id !== oldLeader && id !== buddy);

  sim.partition([[oldLeader, buddy], majority]);
  const lost = sim.put('side', 'minority', oldLeader); // accepted by the old leader...
  sim.advanceUntil((s) => majority.some((id) => s.nodeState(id).isLeader), { maxTicks: 5_000 });
  const kept = sim.put('side', 'majority');
  sim.advance(1_000);
  const minorityCommitted = sim.nodeState(oldLeader).commitIndex >= lost.index;
  const majorityCommitted = sim.committedAt(kept.index).count >= 3;

  sim.heal();
  sim.advance(1_000);
  const truncations = sim.events({ topics: ['LOG'] }).filter((e) => e.type === 'entries-truncated').length;
  return { minorityCommitted, majorityCommitted, truncations };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(partition());

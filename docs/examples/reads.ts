// Run with: npx tsx docs/examples/reads.ts
// Linearizable reads (ReadIndex): a leader cut off with one follower still believes it leads,
// but cannot confirm its leadership with a majority, so it never answers a get with its stale
// value; the new leader confirms its round and answers with the latest write.
import { createSimulation } from '../../src/core/index.ts';

export function reads(): { staleLeaderAnswered: boolean; staleLeaderRead: string; newLeaderValue: string | null; confirmedBy: number } {
  const sim = createSimulation({ nodes: 5, seed: 5 });
  sim.advanceUntil((s) => s.leader() !== null, { maxTicks: 2_000 });
  sim.put('x', 'old');
  sim.advance(300);
  const oldLeader = sim.leader()!.id;
  const buddy = sim.nodeIds.find((id) => id !== oldLeader)!;
  const majority = sim.nodeIds.filter((id) => id !== oldLeader && id !== buddy);

  sim.partition([[oldLeader, buddy], majority]);
  sim.advanceUntil((s) => majority.some((id) => s.nodeState(id).isLeader), { maxTicks: 5_000 });
  sim.put('x', 'new');
  sim.advance(300);

  const stale = sim.read('x', oldLeader); // the deposed leader takes it and starts a round...
  const fresh = sim.read('x'); // ...the new leader too
  sim.advance(300);
  const staleNow = sim.clientRead(stale.id)!;
  const freshNow = sim.clientRead(fresh.id)!;
  return { staleLeaderAnswered: staleNow.state === 'served', staleLeaderRead: staleNow.state, newLeaderValue: freshNow.value, confirmedBy: freshNow.acks.length };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(reads());

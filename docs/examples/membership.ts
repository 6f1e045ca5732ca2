// Run with: npx tsx docs/examples/membership.ts
// Membership change, one server at a time (thesis ch. 4): add a fourth server to a three-node
// cluster, which catches up as a learner and is then promoted to voter; then remove the leader,
// which steps down once its removal commits and is shut down for good.
import { createSimulation } from '../../src/core/index.ts';

export function membershipRun(): { added: number | null; votersAfterAdd: readonly number[]; oldLeader: number; taken: boolean; removed: boolean; newLeader: number | null; votersAfterRemove: readonly number[] } {
  const simulation = createSimulation({ nodes: 3, seed: 7 });
  // A leader changes the configuration only once it has committed an entry of its own term.
  simulation.advanceUntil((s) => s.leader() !== null && s.node(s.leader()!.id).log.committed > 0, { maxTicks: 5_000 });

  const added = simulation.addNode(); // 4: a learner until it holds everything committed
  // The promotion is the leader's own next change; one change at a time, so wait for it to commit.
  const settled = (s: typeof simulation): boolean => {
    const leader = s.leader();
    if (leader === null) return false;
    const node = s.node(leader.id);
    return node.membership !== undefined && node.membership.voters.length === 4 && node.membership.index <= node.log.committed;
  };
  simulation.advanceUntil(settled, { maxTicks: 5_000 });
  const votersAfterAdd = simulation.configuration().voters;

  const oldLeader = simulation.leader()!.id;
  const taken = simulation.removeNode(oldLeader); // it leads until the change commits, then steps down
  simulation.advanceUntil((s) => s.isRemoved(oldLeader), { maxTicks: 5_000 });
  simulation.advanceUntil((s) => s.leader() !== null, { maxTicks: 5_000 });
  return { added, votersAfterAdd, oldLeader, taken, removed: simulation.isRemoved(oldLeader), newLeader: simulation.leader()?.id ?? null, votersAfterRemove: simulation.configuration().voters };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(membershipRun());

// Run with: npx tsx docs/examples/branches.ts
// Acting in the past through a BranchTree keeps the future: crash the leader-to-be before it wins,
// and the first branch still has its leader while the new one elects another.
import { BranchTree, Timeline } from '../../src/core/index.ts';

export function branchesRun(): { firstLeader: number | null; secondLeader: number | null; branches: string[]; sameAsBefore: boolean } {
  const tree = new BranchTree(new Timeline({ nodes: 5, seed: 7 }));
  tree.timeline.advance(3_000);
  const firstLeader = tree.timeline.current.leader()?.id ?? null;
  tree.timeline.seek(1_500);
  const atFork = JSON.stringify(tree.timeline.current.view());

  // Back at tick 100, before any election: the same leader crashes, in a new branch.
  tree.timeline.seek(100);
  tree.act({ type: 'crash', node: firstLeader ?? 1 });
  tree.rename(2, 'leader crashed early');
  tree.timeline.advance(2_900);
  const secondLeader = tree.timeline.current.leader()?.id ?? null;

  // Branch 1 at tick 1,500 is exactly as it was.
  tree.switchTo(1, 1_500);
  const sameAsBefore = JSON.stringify(tree.timeline.current.view()) === atFork;
  const branches = tree.branches.map((branch) => `${branch.id} ${branch.name ?? '(unnamed)'}: from ${branch.parent ?? '-'} at ${branch.forkTick}, to ${branch.end}`);
  return { firstLeader, secondLeader, branches, sameAsBefore };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(branchesRun());

/**
 * Branches: acting in the past keeps the future as the branch it was on and starts a new one,
 * and switching lands on exactly the state each branch had live. States are compared as the
 * cluster view, as JSON (the event log holds only what ran since the checkpoint a seek restored).
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/core/index.ts';
import { BranchTree, checkBranch, SimulationInputError, Timeline } from '../../../src/core/index.ts';

const limits = { checkpointInterval: 100, checkpointLimit: 64, historyCharsMax: 10_000_000 };
const put = (key: string): Action => ({ type: 'propose', node: 'leader', command: { type: 'put', key, value: key } });

function stateAt(timeline: Timeline): string {
  return JSON.stringify(timeline.current.view());
}

/** A run of 600 ticks with a write every 100, its states recorded every 50 ticks. */
function liveTree(): { tree: BranchTree; states: Map<number, string> } {
  const tree = new BranchTree(new Timeline({ nodes: 5, seed: 7 }, limits));
  const states = new Map<number, string>();
  for (let tick = 50; tick <= 600; tick += 50) {
    tree.timeline.advance(50);
    if (tick % 100 === 0) tree.act(put(`k${tick}`));
    states.set(tick, stateAt(tree.timeline));
  }
  return { tree, states };
}

describe('branch tree: acting in the past', () => {
  it('keeps the future on the branch it was on and continues on a new one', () => {
    const { tree } = liveTree();
    const before = tree.branch(1);
    tree.timeline.seek(250);
    const { forked } = tree.act({ type: 'crash', node: 3 });
    expect(forked).toEqual({ from: 1, to: 2, tick: 250 });
    expect(tree.active).toBe(2);
    expect(tree.branch(1)).toEqual(before);
    expect(before.end).toBe(600);
    const branch = tree.branch(2);
    expect(branch).toMatchObject({ id: 2, parent: 1, forkTick: 250, end: 250, name: null });
    expect(branch.actions.map((entry) => entry.tick)).toEqual([100, 200, 250]);
    expect(tree.timeline.maxTick).toBe(250);
  });

  it('does not fork at the end of the run', () => {
    const { tree } = liveTree();
    expect(tree.act({ type: 'crash', node: 2 }).forked).toBeNull();
    expect(tree.branches).toHaveLength(1);
  });

  it('changes nothing when the action is refused', () => {
    const { tree } = liveTree();
    tree.timeline.seek(250);
    expect(() => tree.act({ type: 'restart', node: 2 })).toThrow(SimulationInputError);
    expect(tree.branches).toHaveLength(1);
    expect(tree.timeline.maxTick).toBe(600);
  });
});

describe('branch tree: switching', () => {
  it('returns identical states, away and back, at every recorded tick', () => {
    const { tree, states } = liveTree();
    tree.timeline.seek(250);
    tree.act({ type: 'crash', node: 3 });
    tree.timeline.advance(300);
    const forkStates = new Map([250, 400, 550].map((tick) => {
      tree.timeline.seek(tick);
      return [tick, stateAt(tree.timeline)] as const;
    }));
    for (const [tick, state] of states) {
      tree.switchTo(1, tick);
      expect(tree.timeline.tick).toBe(tick);
      expect(stateAt(tree.timeline), `branch 1 at ${tick}`).toBe(state);
    }
    for (const [tick, state] of forkStates) {
      tree.switchTo(2, tick);
      expect(stateAt(tree.timeline), `branch 2 at ${tick}`).toBe(state);
      tree.switchTo(1, tick);
      expect(stateAt(tree.timeline), `branch 1 at ${tick}`).toBe(states.get(tick));
      tree.switchTo(2, tick);
      expect(stateAt(tree.timeline), `branch 2 again at ${tick}`).toBe(state);
    }
  });

  it('agrees with a run replayed from scratch, where the branches differ', () => {
    const { tree } = liveTree();
    tree.timeline.seek(150);
    tree.act({ type: 'isolate', node: 1 });
    tree.timeline.advance(200);
    const fresh = new Timeline({ nodes: 5, seed: 7 }, limits);
    for (const entry of tree.branch(2).actions) {
      fresh.advance(entry.tick - fresh.tick);
      fresh.act(entry.action);
    }
    fresh.advance(tree.timeline.tick - fresh.tick);
    tree.switchTo(1);
    tree.switchTo(2, 350);
    expect(stateAt(tree.timeline)).toBe(stateAt(fresh));
  });

  it('keeps the tick within the branch it goes to, and keeps the branch it leaves', () => {
    const { tree } = liveTree();
    tree.timeline.seek(250);
    tree.act({ type: 'crash', node: 3 });
    tree.timeline.advance(20);
    tree.switchTo(1, 500);
    expect(tree.timeline.tick).toBe(500);
    expect(tree.branch(2).end).toBe(270);
    tree.switchTo(2);
    expect(tree.timeline.tick).toBe(270);
    expect(tree.timeline.maxTick).toBe(270);
  });

  it('shares the checkpoints taken before the logs differ', () => {
    const { tree } = liveTree();
    tree.timeline.seek(250);
    tree.act({ type: 'crash', node: 3 });
    const other = tree.timeline.withActions(tree.branch(1).actions, 600);
    // Checkpoints at 0, 100 and 200 are the same for both (the crash came at 250).
    expect(other.checkpointCount).toBe(3);
  });

  it('refuses an unknown branch and changes nothing', () => {
    const { tree } = liveTree();
    expect(() => tree.switchTo(9)).toThrow(/the id of a branch/);
    expect(tree.active).toBe(1);
  });
});

describe('branch tree: managing branches', () => {
  it('names branches and gives a blank name back its default', () => {
    const { tree } = liveTree();
    expect(tree.rename(1, '  clean election ').name).toBe('clean election');
    expect(tree.rename(1, '   ').name).toBeNull();
    expect(() => tree.rename(1, 'x'.repeat(61))).toThrow(/at most 60 characters/);
  });

  it('deletes a branch: its children fork from its parent, and the current branch stays', () => {
    const { tree } = liveTree();
    tree.timeline.seek(300);
    tree.act({ type: 'crash', node: 3 }); // branch 2 from 1 at 300
    tree.timeline.seek(200);
    tree.act({ type: 'crash', node: 4 }); // branch 3 from 2 at 200
    tree.switchTo(2);
    tree.timeline.seek(250);
    tree.act({ type: 'crash', node: 5 }); // branch 4 from 2 at 250
    expect(() => tree.remove(4)).toThrow(/other than the current one/);
    tree.switchTo(1);
    tree.remove(2);
    expect(tree.branches.map((branch) => [branch.id, branch.parent, branch.forkTick])).toEqual([
      [1, null, 0],
      [3, 1, 200],
      [4, 1, 250],
    ]);
  });

  it('is bounded: when every place is taken, acting in the past must drop the future', () => {
    const tree = new BranchTree(new Timeline({ nodes: 3, seed: 1 }, limits), 2);
    tree.timeline.advance(100);
    tree.timeline.seek(50);
    tree.act({ type: 'crash', node: 1 });
    tree.timeline.advance(50);
    tree.timeline.seek(60);
    expect(tree.full).toBe(true);
    expect(() => tree.act({ type: 'crash', node: 2 })).toThrow(/all 2 branches are kept already/);
    expect(tree.timeline.maxTick).toBe(100);
    expect(tree.act({ type: 'crash', node: 2 }, { discardFuture: true }).forked).toBeNull();
    expect(tree.branches).toHaveLength(2);
    expect(tree.timeline.maxTick).toBe(60);
  });

  it('restores saved branches, and checkBranch refuses one whose action cannot be replayed', () => {
    const { tree } = liveTree();
    tree.timeline.seek(250);
    tree.act({ type: 'crash', node: 3 });
    const saved = { active: tree.active, branches: tree.branches };
    const restored = new BranchTree(tree.timeline, 16, saved);
    expect(restored.branches).toEqual(saved.branches);
    for (const branch of saved.branches) expect(() => checkBranch(tree.timeline, branch)).not.toThrow();
    const broken = { ...saved.branches[0]!, actions: [{ tick: 10, action: { type: 'restart', node: 2 } as Action }] };
    expect(() => checkBranch(tree.timeline, broken)).toThrow(SimulationInputError);
    expect(() => new BranchTree(tree.timeline, 16, { active: 5, branches: saved.branches })).toThrow(/the id of one of the branches/);
  });
});

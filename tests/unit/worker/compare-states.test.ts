/**
 * Compare through the worker: the first divergence, then both runs side by side at the tick on
 * screen, node by node. The other run is replayed to that tick, so its nodes are exactly what a
 * run with the changed options and the same actions shows there.
 */
import { describe, expect, it } from 'vitest';
import { replay, Timeline } from '../../../src/core/index.ts';
import type { FromWorker } from '../../../src/protocol/worker-protocol.ts';
import { changedOptions, compareStates } from '../../../src/worker/compare-runs.ts';
import { workerHarness } from '../../support/worker-harness.ts';

type States = Extract<FromWorker, { type: 'compare-states' }>;

describe('both runs side by side', () => {
  it('Compare answers with the divergence, then the nodes of both runs at the tick on screen', () => {
    const h = workerHarness();
    h.send({ type: 'init', options: { nodes: 5, seed: 4 } });
    h.send({ type: 'step', ticks: 1_200 });
    h.send({ type: 'act', action: { type: 'crash', node: 2 } });
    h.send({ type: 'step', ticks: 300 });
    h.send({ type: 'seek', tick: 1_300 });
    const out = h.send({ type: 'compare', change: 'seed' });
    expect(out.map((reply) => reply.type)).toEqual(['compare-result', 'compare-states']);
    const states = out[1] as States;
    expect(states.tick).toBe(1_300);
    expect(states.nodes.map((node) => node.id)).toEqual([1, 2, 3, 4, 5]);
    // Node 2 crashed at 1,200 in both runs: the action is the same.
    expect(states.nodes[1]).toMatchObject({ here: { alive: false }, there: { alive: false } });
    // Another seed elects at another time: the leaders' terms or identities differ somewhere.
    expect(states.nodes.some((node) => JSON.stringify(node.here) !== JSON.stringify(node.there))).toBe(true);
    // The screen did not move.
    expect(h.send({ type: 'compare-states', change: 'seed' })).toMatchObject([{ type: 'compare-states', tick: 1_300 }]);
  });

  it('matches a run replayed with the changed options, node by node', () => {
    const timeline = new Timeline({ nodes: 3, seed: 9 });
    timeline.advance(900);
    timeline.act({ type: 'propose', node: 'leader', command: { type: 'put', key: 'k', value: 'v' } });
    timeline.advance(300);
    const { tick, nodes } = compareStates(timeline, 'election-timeout');
    const other = replay({ options: changedOptions(timeline.options, 'election-timeout'), actions: timeline.recordedActions }, tick);
    other.view().nodes.forEach((node, index) => {
      const there = nodes[index]!.there;
      expect(there.alive).toBe(node.alive);
      if (there.alive) expect(there).toEqual({ alive: true, role: node.role, term: node.term, lead: node.lead, commit: node.log.committed, lastIndex: node.log.lastIndex });
    });
    expect(nodes.map((node) => node.here.term)).toEqual(timeline.current.view().nodes.map((node) => node.term));
  });

  it('a bad change is refused, naming the field', () => {
    const h = workerHarness();
    h.send({ type: 'init', options: { nodes: 3, seed: 1 } });
    expect(h.send({ type: 'compare-states', change: 'colour' as never })).toMatchObject([{ type: 'error', field: 'change' }]);
  });
});

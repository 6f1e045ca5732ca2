/**
 * The simulation's own assertions (src/core/sim/invariants.ts): they throw, because a broken one
 * is a bug in Raftlab itself. Each check is fed a state that breaks it, and a run that keeps them
 * shows they hold under load, loss, duplication and reordering.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core/index.ts';
import type { InFlight } from '../../../src/core/sim/network.ts';
import { checkArrival, checkTouched, forgetNode, newInvariantState, touch } from '../../../src/core/sim/invariants.ts';
import { makeNode } from '../raft/helpers.ts';

function item(fields: Partial<InFlight> & { id: number }): InFlight {
  return {
    message: { type: 'MsgVoteResp', from: 1, to: 2, term: 1, granted: true },
    sentTick: 10,
    deliverTick: 20,
    dropReason: null,
    copyOf: null,
    reordered: false,
    ...fields,
  };
}

describe('network invariants, checked on every arrival', () => {
  it('a message arrives exactly at its tick, after it was sent', () => {
    const state = newInvariantState(3);
    expect(() => checkArrival(state, item({ id: 1 }), 21)).toThrow(/due at tick 20 taken at 21/);
    expect(() => checkArrival(state, item({ id: 2, sentTick: 20 }), 20)).toThrow(/not after it was sent/);
    expect(() => checkArrival(state, item({ id: 3 }), 20)).not.toThrow();
  });

  it('FIFO messages on one link arrive in the order they were sent', () => {
    const state = newInvariantState(3);
    checkArrival(state, item({ id: 5 }), 20);
    expect(() => checkArrival(state, item({ id: 4, deliverTick: 25 }), 25)).toThrow(/message #4 on link 1→2 arrived after #5/);
  });

  it('reordered and lost messages may overtake, and other links keep their own order', () => {
    const state = newInvariantState(3);
    checkArrival(state, item({ id: 5 }), 20);
    expect(() => checkArrival(state, item({ id: 4, reordered: true }), 20)).not.toThrow();
    expect(() => checkArrival(state, item({ id: 3, dropReason: 'loss' }), 20)).not.toThrow();
    const otherLink = item({ id: 2, message: { type: 'MsgVoteResp', from: 2, to: 1, term: 1, granted: true } });
    expect(() => checkArrival(state, otherLink, 20)).not.toThrow();
  });
});

describe('node invariants, checked once per tick for every node that changed', () => {
  it('checks the touched nodes and forgets them', () => {
    const state = newInvariantState(3);
    const node = makeNode({ id: 2 });
    node.electionElapsed = node.electionTimeout;
    touch(state, 2);
    touch(state, 2);
    expect(state.touched).toEqual([2]);
    expect(() => checkTouched(state, [{ node: null }, { node }, { node: null }])).toThrow(/election timer .* past its timeout/);
    expect(state.touched).toEqual([]);
  });

  it('a running node never changes its vote within a term; a restart starts afresh', () => {
    const state = newInvariantState(3);
    const node = makeNode({ id: 2, term: 4, vote: 1 });
    const servers = [{ node: null }, { node }, { node: null }];
    touch(state, 2);
    checkTouched(state, servers);
    node.vote = 3;
    touch(state, 2);
    expect(() => checkTouched(state, servers)).toThrow(/node 2 changed its vote in term 4 from node 1 to 3/);
    forgetNode(state, 2);
    touch(state, 2);
    expect(() => checkTouched(state, servers)).not.toThrow();
    node.term = 5;
    node.vote = 1;
    touch(state, 2);
    expect(() => checkTouched(state, servers)).not.toThrow();
  });

  it('hold through a long faulty run with every check on', () => {
    const sim = createSimulation({ nodes: 5, seed: 21, network: { dropRatio: 0.1, duplicateRatio: 0.1, reorderRatio: 0.5 }, workload: { proposeEveryTicks: 5 } });
    for (let round = 0; round < 20; round += 1) {
      sim.advance(997);
      if (round % 5 === 2) sim.crash(sim.leader()?.id ?? 1);
      if (round % 5 === 4) for (const id of sim.nodeIds) if (!sim.isAlive(id)) sim.restart(id);
    }
    expect(sim.stats().duplicated.MsgApp).toBeGreaterThan(100);
    expect(sim.violations()).toEqual([]);
  });
});

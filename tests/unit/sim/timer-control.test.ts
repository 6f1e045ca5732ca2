/**
 * A debugger's control of election timers, through the headless API: Set timer fires a node's
 * election timer exactly N ticks later; Align timers makes the chosen nodes stand on the same
 * tick (all of them: a split vote no candidate can win), Spread timers makes one node stand alone
 * (a clean election, won by that node). Each is an action recorded in the run and replays to the
 * same states; bad input is refused naming the field, and a leader (no election timer) refuses.
 */
import { describe, expect, it } from 'vitest';
import { replay, Simulation } from '../../../src/core/index.ts';
import type { SimEvent } from '../../../src/core/index.ts';
import { refusal } from '../../support/refusal.ts';

const fresh = (nodes = 5, seed = 3) => new Simulation({ nodes, seed, network: { delayTicksMin: 5, delayTicksMax: 15 } });

function eventsOf(simulation: Simulation, type: SimEvent['type']): SimEvent[] {
  return simulation.events().filter((event) => event.type === type);
}

describe('Set timer', () => {
  it('fires the election timer exactly N ticks later, keeping the drawn timeout when it is long enough', () => {
    const simulation = fresh();
    simulation.advance(10);
    const before = simulation.node(3);
    simulation.act({ type: 'set-timer', node: 3, ticks: 25 });
    const set = eventsOf(simulation, 'timer-set').at(-1)!;
    expect(set).toMatchObject({ node: 3, tick: 10, firesIn: 25, firesAt: 35, cause: 'set' });
    simulation.advance(30);
    const fired = eventsOf(simulation, 'election-timeout').filter((event) => event.node === 3);
    expect(fired.map((event) => event.tick)).toEqual([35]);
    expect(eventsOf(simulation, 'became-candidate').find((event) => event.node === 3)?.tick).toBe(35);
    expect(set).toMatchObject({ electionTimeout: before.electionTimeout });
  });

  it('a timer longer than the timeout drawn makes that the timeout', () => {
    const simulation = fresh();
    simulation.act({ type: 'set-timer', node: 1, ticks: 5_000 });
    expect(eventsOf(simulation, 'timer-set').at(-1)).toMatchObject({ firesIn: 5_000, electionTimeout: 5_000 });
    simulation.advance(4_999);
    expect(eventsOf(simulation, 'election-timeout').some((event) => event.node === 1 && event.tick <= 4_999 && event.tick > 0 && simulation.nodeState(1).term === 0)).toBe(false);
  });

  it('refuses a leader, a crashed node, and ticks out of range', () => {
    const simulation = fresh();
    simulation.act({ type: 'campaign', node: 2 });
    simulation.advance(200);
    expect(simulation.leader()?.id).toBe(2);
    expect(refusal(simulation, { type: 'set-timer', node: 2, ticks: 10 })).toMatch(/^node: node must be a running follower or candidate \(a leader has no election timer\)/);
    simulation.act({ type: 'crash', node: 4 });
    expect(refusal(simulation, { type: 'set-timer', node: 4, ticks: 10 })).toMatch(/^node: node must be a running node/);
    expect(refusal(simulation, { type: 'set-timer', node: 1, ticks: 0 })).toMatch(/^ticks: /);
    expect(refusal(simulation, { type: 'set-timer', node: 1, ticks: 1_000_001 })).toMatch(/^ticks: /);
    expect(refusal(simulation, { type: 'set-timer', node: 1, ticks: 2.5 })).toMatch(/^ticks: /);
  });
});

describe('Align timers', () => {
  it('every node at once: all stand on one tick in one term, and nobody wins it (a split vote)', () => {
    const simulation = fresh();
    simulation.advance(20);
    simulation.act({ type: 'align-timers', nodes: [1, 2, 3, 4, 5] });
    simulation.advance(2_000);
    const firstTerm = eventsOf(simulation, 'became-candidate').filter((event) => event.tick === eventsOf(simulation, 'became-candidate')[0]!.tick);
    expect(firstTerm.map((event) => event.node).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(firstTerm.map((event) => (event as Extract<SimEvent, { type: 'became-candidate' }>).term))).toEqual(new Set([1]));
    // Term 1 has no leader; a later term has one, as randomized timeouts resolve it.
    const leaders = eventsOf(simulation, 'became-leader') as Extract<SimEvent, { type: 'became-leader' }>[];
    expect(leaders.some((event) => event.term === 1)).toBe(false);
    expect(leaders.length).toBeGreaterThan(0);
    expect(simulation.violations()).toEqual([]);
  });

  it('the chosen fire first and together; every other timer waits at least the minimum election timeout more', () => {
    const simulation = fresh();
    simulation.advance(20);
    simulation.act({ type: 'align-timers', nodes: [2, 4] });
    const sets = eventsOf(simulation, 'timer-set') as Extract<SimEvent, { type: 'timer-set' }>[];
    const chosen = sets.filter((event) => event.node === 2 || event.node === 4);
    expect(new Set(chosen.map((event) => event.firesAt)).size).toBe(1);
    const at = chosen[0]!.firesAt;
    for (const id of [1, 3, 5]) {
      const state = simulation.node(id);
      expect(20 + state.electionTimeout - state.electionElapsed, `node ${id}`).toBeGreaterThanOrEqual(at + 300);
    }
  });

  it('refuses fewer than two nodes, a node twice, and a leader', () => {
    const simulation = fresh();
    expect(refusal(simulation, { type: 'align-timers', nodes: [1] })).toMatch(/^nodes: /);
    expect(refusal(simulation, { type: 'align-timers', nodes: [1, 1] })).toMatch(/^nodes\[1\]: /);
    simulation.act({ type: 'campaign', node: 3 });
    simulation.advance(200);
    expect(refusal(simulation, { type: 'align-timers', nodes: [1, 3] })).toMatch(/^nodes\[1\]: .*leader/);
  });
});

describe('Spread timers', () => {
  it('one node stands alone, and wins in one round', () => {
    for (const node of [1, 3, 5]) {
      const simulation = fresh(5, 11);
      simulation.act({ type: 'spread-timers', node });
      simulation.advance(1_000);
      const candidates = eventsOf(simulation, 'became-candidate');
      expect(candidates.map((event) => event.node), `node ${node}`).toEqual([node]);
      expect(simulation.leader()).toEqual({ id: node, term: 1 });
    }
  });

  it('refuses a crashed node', () => {
    const simulation = fresh();
    simulation.act({ type: 'crash', node: 2 });
    expect(refusal(simulation, { type: 'spread-timers', node: 2 })).toMatch(/^node: /);
  });
});

describe('timer actions are part of the run', () => {
  it('a run with them replays to the same states', () => {
    const simulation = fresh(5, 8);
    simulation.advance(50);
    simulation.act({ type: 'align-timers', nodes: [1, 2, 3, 4, 5] });
    simulation.advance(700);
    const leader = simulation.leader();
    if (leader !== null) simulation.act({ type: 'crash', node: leader.id });
    simulation.advance(10);
    const follower = simulation.nodeIds.find((id) => simulation.isAlive(id) && simulation.nodeState(id).role !== 'leader')!;
    simulation.act({ type: 'spread-timers', node: follower });
    simulation.advance(5);
    simulation.act({ type: 'set-timer', node: follower, ticks: 7 });
    simulation.advance(600);
    const again = replay({ options: simulation.options, actions: simulation.actions() }, simulation.tick);
    again.advance(simulation.tick - again.tick);
    expect(JSON.stringify(again.view())).toBe(JSON.stringify(simulation.view()));
    expect(simulation.actions().map((entry) => entry.action.type)).toEqual(expect.arrayContaining(['align-timers', 'spread-timers', 'set-timer']));
  });
});

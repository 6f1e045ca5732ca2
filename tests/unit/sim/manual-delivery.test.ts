/**
 * Manual delivery and frozen timers, through the headless API: with manual delivery on, messages
 * wait in the network (a queue in the network's own order) until delivered by hand, in any
 * order; Deliver next takes the first, Deliver all every one sent before this tick; turning it
 * off puts them back on the wire. Frozen timers stop every timeout and heartbeat. All of it is
 * recorded in the run and replays to the same states, with the checker quiet.
 */
import { describe, expect, it } from 'vitest';
import { replay, Simulation } from '../../../src/core/index.ts';
import { refusal } from '../../support/refusal.ts';

const fresh = () => new Simulation({ nodes: 5, seed: 2, network: { delayTicksMin: 5, delayTicksMax: 15 } });
const waiting = (simulation: Simulation) => simulation.view().inFlight.filter((message) => message.held === true);

describe('manual delivery', () => {
  it('messages wait until delivered by hand, in any order; nothing arrives by itself', () => {
    const simulation = fresh();
    simulation.act({ type: 'set-manual-delivery', on: true });
    simulation.act({ type: 'freeze-timers', on: true });
    simulation.act({ type: 'campaign', node: 1 });
    simulation.advance(200);
    expect(waiting(simulation).map((message) => [message.type, message.to])).toEqual(
      expect.arrayContaining([['MsgVote', 2], ['MsgVote', 3], ['MsgVote', 4], ['MsgVote', 5]]),
    );
    expect(simulation.events().some((event) => event.type === 'message-delivered')).toBe(false);
    expect(simulation.view().delivery).toEqual({ manual: true, timersFrozen: true });
    // The last one first.
    const votes = waiting(simulation);
    simulation.act({ type: 'deliver-message', id: votes.at(-1)!.id });
    expect(simulation.nodeState(votes.at(-1)!.to).vote).toBe(1);
    // Its reply now waits too.
    expect(waiting(simulation).some((message) => message.type === 'MsgVoteResp')).toBe(true);
  });

  it('Deliver next takes the first in the network’s own order; Deliver all every one sent before this tick', () => {
    const simulation = fresh();
    simulation.act({ type: 'set-manual-delivery', on: true });
    simulation.act({ type: 'freeze-timers', on: true });
    simulation.act({ type: 'campaign', node: 3 });
    simulation.advance(1);
    const order = waiting(simulation).map((message) => message.id);
    const seq = simulation.lastEventSeq;
    simulation.act({ type: 'deliver-next' });
    expect(simulation.events({ afterSeq: seq }).find((event) => event.type === 'message-delivered')).toMatchObject({ id: order[0] });
    simulation.act({ type: 'deliver-all' });
    const delivered = simulation.events({ afterSeq: seq }).filter((event) => event.type === 'message-delivered').map((event) => (event as { id: number }).id);
    expect(delivered).toEqual(order);
    // The replies were sent at this tick: they can arrive from the next.
    expect(refusal(simulation, { type: 'deliver-next' })).toMatch(/^type: .*all sent at this tick/);
    simulation.advance(1);
    simulation.act({ type: 'deliver-all' });
    expect(simulation.leader()).toEqual({ id: 3, term: 1 });
    expect(simulation.violations()).toEqual([]);
  });

  it('turning it off puts the waiting messages back on the wire; deliveries by hand need it on', () => {
    const simulation = fresh();
    expect(refusal(simulation, { type: 'deliver-next' })).toMatch(/^type: .*manual delivery off/);
    simulation.act({ type: 'set-manual-delivery', on: true });
    expect(refusal(simulation, { type: 'deliver-all' })).toMatch(/no message waiting/);
    simulation.act({ type: 'campaign', node: 2 });
    simulation.advance(100);
    expect(waiting(simulation)).toHaveLength(4);
    simulation.act({ type: 'set-manual-delivery', on: false });
    expect(waiting(simulation)).toHaveLength(0);
    expect(simulation.view().inFlight.every((message) => message.deliverTick === simulation.tick + 1)).toBe(true);
    simulation.advance(300);
    expect(simulation.leader()?.id).toBe(2);
  });

  it('turning it on makes the messages already on the wire wait too', () => {
    const simulation = fresh();
    simulation.act({ type: 'campaign', node: 4 });
    simulation.advance(1);
    const onWire = simulation.view().inFlight.length;
    simulation.act({ type: 'set-manual-delivery', on: true });
    expect(waiting(simulation)).toHaveLength(onWire);
    expect(simulation.events().at(-1)).toMatchObject({ type: 'manual-delivery-changed', on: true, waiting: onWire });
  });
});

describe('frozen timers', () => {
  it('nothing times out while frozen; the timers go on from where they stood', () => {
    const simulation = fresh();
    simulation.advance(50);
    const before = simulation.view().nodes.map((node) => node.electionElapsed);
    simulation.act({ type: 'freeze-timers', on: true });
    simulation.advance(100_000);
    expect(simulation.events().some((event) => event.type === 'election-timeout')).toBe(false);
    expect(simulation.view().nodes.map((node) => node.electionElapsed)).toEqual(before);
    expect(simulation.nextEvent()).toBeNull();
    simulation.act({ type: 'freeze-timers', on: false });
    simulation.advance(1_000);
    expect(simulation.leader()).not.toBeNull();
  });
});

describe('part of the run', () => {
  it('replays to the same states', () => {
    const simulation = fresh();
    simulation.act({ type: 'set-manual-delivery', on: true });
    simulation.act({ type: 'campaign', node: 5 });
    simulation.advance(3);
    simulation.act({ type: 'freeze-timers', on: true });
    simulation.act({ type: 'deliver-next' });
    simulation.advance(2);
    simulation.act({ type: 'deliver-all' });
    simulation.advance(2);
    simulation.act({ type: 'deliver-all' });
    simulation.act({ type: 'freeze-timers', on: false });
    simulation.act({ type: 'set-manual-delivery', on: false });
    simulation.advance(500);
    const again = replay({ options: simulation.options, actions: simulation.actions() }, simulation.tick);
    again.advance(simulation.tick - again.tick);
    expect(JSON.stringify(again.view())).toBe(JSON.stringify(simulation.view()));
    expect(simulation.violations()).toEqual([]);
  });
});

describe('on the wire to the app', () => {
  it('waiting messages and the switches survive the compact view, and a released message is not read from the cache', async () => {
    const { createViewDecoder, decodeView, encodeView } = await import('../../../src/protocol/wire-view.ts');
    const simulation = fresh();
    simulation.act({ type: 'set-manual-delivery', on: true });
    simulation.act({ type: 'freeze-timers', on: true });
    simulation.act({ type: 'campaign', node: 1 });
    simulation.advance(30);
    const view = simulation.view();
    expect(JSON.stringify(decodeView(encodeView(view, { selectedMessage: null })))).toBe(JSON.stringify(view));
    const decoder = createViewDecoder();
    const first = decoder.decode(encodeView(view, { selectedMessage: null }));
    expect(first.inFlight.every((message) => message.held === true)).toBe(true);
    simulation.act({ type: 'set-manual-delivery', on: false });
    const released = decoder.decode(encodeView(simulation.view(), { selectedMessage: null }));
    expect(released.inFlight.some((message) => message.held === true)).toBe(false);
    expect(released.inFlight.map((message) => message.deliverTick)).toEqual(simulation.view().inFlight.map((message) => message.deliverTick));
    expect(released.delivery).toEqual({ manual: false, timersFrozen: true });
  });
});

/**
 * A debugger's hands on one message in flight, through the headless API: Drop loses it now,
 * Duplicate sends a copy a tick behind it, Delay holds it back, Deliver now hands it to the
 * receiver at the current tick. Each is recorded in the run and replays to the same states; the
 * checker and the invariants stay quiet (each is something a real network may do); bad ids and
 * impossible requests are refused naming the field. Delivering RequestVotes by hand in reverse
 * order decides who votes first.
 */
import { describe, expect, it } from 'vitest';
import { replay, Simulation } from '../../../src/core/index.ts';
import type { MessageView, SimEvent } from '../../../src/core/index.ts';
import { refusal } from '../../support/refusal.ts';

/** Node 1 stands for election at tick 10: four RequestVotes in flight, none arrived yet. */
function standing(): { simulation: Simulation; votes: MessageView[] } {
  const simulation = new Simulation({ nodes: 5, seed: 2, network: { delayTicksMin: 20, delayTicksMax: 30 } });
  simulation.advance(10);
  simulation.act({ type: 'campaign', node: 1 });
  simulation.advance(1);
  const votes = simulation.view().inFlight.filter((message) => message.type === 'MsgVote');
  return { simulation, votes };
}

const eventsAfter = (simulation: Simulation, seq: number, type: SimEvent['type']) => simulation.events({ afterSeq: seq }).filter((event) => event.type === type);

describe('one message in flight, by hand', () => {
  it('Deliver now: the receiver gets it at this tick and answers', () => {
    const { simulation, votes } = standing();
    expect(votes).toHaveLength(4);
    const vote = votes.find((message) => message.to === 3)!;
    expect(vote.deliverTick).toBeGreaterThan(simulation.tick);
    const seq = simulation.lastEventSeq;
    simulation.act({ type: 'deliver-message', id: vote.id });
    expect(eventsAfter(simulation, seq, 'message-delivered')).toMatchObject([{ id: vote.id, tick: 11, node: 3 }]);
    expect(eventsAfter(simulation, seq, 'vote-granted')).toMatchObject([{ node: 3, candidate: 1, tick: 11 }]);
    expect(simulation.view().inFlight.some((message) => message.id === vote.id)).toBe(false);
    expect(simulation.nodeState(3).vote).toBe(1);
  });

  it('Drop: it never arrives, and the log says it was dropped by hand', () => {
    const { simulation, votes } = standing();
    const vote = votes[0]!;
    const seq = simulation.lastEventSeq;
    simulation.act({ type: 'drop-message', id: vote.id });
    expect(eventsAfter(simulation, seq, 'message-dropped')).toMatchObject([{ id: vote.id, reason: 'by-hand', tick: 11 }]);
    simulation.advance(100);
    expect(simulation.events({ afterSeq: seq }).some((event) => event.type === 'message-delivered' && event.id === vote.id)).toBe(false);
    expect(simulation.stats().dropped.MsgVote).toBe(1);
  });

  it('Duplicate: a copy arrives a tick after the original; the receiver answers both, votes once', () => {
    const { simulation, votes } = standing();
    const vote = votes[1]!;
    const seq = simulation.lastEventSeq;
    simulation.act({ type: 'duplicate-message', id: vote.id });
    const copy = simulation.view().inFlight.find((message) => message.copyOf === vote.id)!;
    expect(copy).toMatchObject({ deliverTick: vote.deliverTick + 1, to: vote.to, type: 'MsgVote' });
    simulation.advance(40);
    const delivered = eventsAfter(simulation, seq, 'message-delivered').filter((event) => event.node === vote.to && (event as { message: { type: string } }).message.type === 'MsgVote');
    expect(delivered.map((event) => event.tick)).toEqual([vote.deliverTick, vote.deliverTick + 1]);
    expect(simulation.violations()).toEqual([]);
  });

  it('Delay: it arrives that many ticks later, and the log says so', () => {
    const { simulation, votes } = standing();
    const vote = votes[2]!;
    const seq = simulation.lastEventSeq;
    simulation.act({ type: 'delay-message', id: vote.id, ticks: 100 });
    expect(eventsAfter(simulation, seq, 'message-delayed')).toMatchObject([{ id: vote.id, by: 100, deliverTick: vote.deliverTick + 100 }]);
    simulation.advance(200);
    expect(eventsAfter(simulation, seq, 'message-delivered').find((event) => event.type === 'message-delivered' && event.id === vote.id)?.tick).toBe(vote.deliverTick + 100);
  });

  it('RequestVotes delivered by hand in reverse order: the last sent is answered first', () => {
    const { simulation, votes } = standing();
    const seq = simulation.lastEventSeq;
    for (const vote of [...votes].reverse()) simulation.act({ type: 'deliver-message', id: vote.id });
    const granted = eventsAfter(simulation, seq, 'vote-granted').map((event) => event.node);
    expect(granted).toEqual([...votes].reverse().map((vote) => vote.to));
    simulation.advance(100);
    expect(simulation.leader()).toEqual({ id: 1, term: 1 });
  });

  it('refuses what no network could do, naming the field', () => {
    const { simulation, votes } = standing();
    expect(refusal(simulation, { type: 'deliver-message', id: 999 })).toMatch(/^id: id must be the id of a message in flight/);
    expect(refusal(simulation, { type: 'delay-message', id: votes[0]!.id, ticks: 0 })).toMatch(/^ticks: /);
    // A message sent at this very tick arrives at the earliest on the next.
    simulation.act({ type: 'campaign', node: 2 });
    const fresh = simulation.view().inFlight.find((message) => message.from === 2 && message.sentTick === simulation.tick)!;
    expect(refusal(simulation, { type: 'deliver-message', id: fresh.id })).toMatch(/^id: .*sent before this tick/);
    // A message the network is losing can be dropped or delayed, not delivered or copied.
    const lossy = new Simulation({ nodes: 3, seed: 1, network: { dropRatio: 1 } });
    lossy.campaign(1);
    lossy.advance(1);
    const lost = lossy.view().inFlight[0]!;
    expect(lost.dropReason).toBe('loss');
    expect(refusal(lossy, { type: 'deliver-message', id: lost.id })).toMatch(/^id: .*losing \(loss\)/);
    expect(refusal(lossy, { type: 'duplicate-message', id: lost.id })).toMatch(/^id: /);
    expect(refusal(lossy, { type: 'drop-message', id: lost.id })).toBeNull();
  });

  it('a run with them replays to the same states', () => {
    const { simulation, votes } = standing();
    simulation.act({ type: 'deliver-message', id: votes[3]!.id });
    simulation.act({ type: 'delay-message', id: votes[2]!.id, ticks: 7 });
    simulation.act({ type: 'duplicate-message', id: votes[1]!.id });
    simulation.act({ type: 'drop-message', id: votes[0]!.id });
    simulation.advance(500);
    const again = replay({ options: simulation.options, actions: simulation.actions() }, simulation.tick);
    again.advance(simulation.tick - again.tick);
    expect(JSON.stringify(again.view())).toBe(JSON.stringify(simulation.view()));
    expect(simulation.violations()).toEqual([]);
  });
});

/**
 * Jumps by what happened, against a reference: the same run played straight through, its events
 * read off. Jump ahead lands on the first tick after the one on screen where the kind happened
 * (on the chosen node), Jump back on the last one before it; when there is none the run stays
 * where it was. The worker answers 'jump' with where it landed and a frame.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, Timeline } from '../../../src/core/index.ts';
import type { SimEvent, SimulationOptions } from '../../../src/core/index.ts';
import type { FromWorker, JumpRequest } from '../../../src/protocol/worker-protocol.ts';
import { jump } from '../../../src/worker/jumps.ts';
import { createWorkerLogic } from '../../../src/worker/worker-logic.ts';

const options: SimulationOptions = { nodes: 5, seed: 21, network: { dropRatio: 0.05 }, workload: { proposeEveryTicks: 150 }, eventLimit: 200_000 };
const length = 12_000;

/** The run with a crash of each leader now and then, and its events. */
function reference(): { timeline: Timeline; events: readonly SimEvent[] } {
  const simulation = new Simulation(options);
  const timeline = new Timeline(options);
  for (let tick = 1_000; tick <= length; tick += 1_000) {
    simulation.advance(tick - simulation.tick);
    timeline.advance(tick - timeline.tick);
    const leader = simulation.leader();
    const action = tick % 2_000 === 0 && leader !== null ? { type: 'crash' as const, node: leader.id } : simulation.nodeIds.filter((id) => !simulation.isAlive(id)).map((id) => ({ type: 'restart' as const, node: id }))[0];
    if (action !== undefined) {
      simulation.act(action);
      timeline.act(action);
    }
  }
  return { timeline, events: simulation.events() };
}

const types: Record<JumpRequest['kind'], SimEvent['type']> = { election: 'became-candidate', leader: 'became-leader', commit: 'commit-advanced', term: 'term-changed', message: 'message-delivered' };

describe('jumps', () => {
  const { timeline, events } = reference();
  const ticksOf = (request: Omit<JumpRequest, 'direction'>) =>
    [...new Set(events.filter((event) => event.type === types[request.kind] && (request.node === null || event.node === request.node) && (request.messageType === null || (event as { message?: { type: string } }).message?.type === request.messageType)).map((event) => event.tick))];

  for (const request of [
    { kind: 'election', messageType: null, node: null },
    { kind: 'leader', messageType: null, node: null },
    { kind: 'commit', messageType: null, node: 3 },
    { kind: 'term', messageType: null, node: 4 },
    { kind: 'message', messageType: 'MsgAppResp', node: null },
    { kind: 'message', messageType: 'MsgVote', node: 2 },
  ] as const) {
    it(`${request.kind}${request.messageType === null ? '' : ` ${request.messageType}`}${request.node === null ? '' : ` on node ${request.node}`}: ahead and back land where the reference says`, () => {
      const expected = ticksOf(request);
      expect(expected.length, 'the run has some').toBeGreaterThan(0);
      for (const from of [0, 2_500, 7_777, length]) {
        timeline.seek(Math.min(from, timeline.maxTick));
        const after = expected.find((tick) => tick > from) ?? null;
        const landed = jump(timeline, { ...request, direction: 'next' });
        if (after === null) {
          // Past the reference's end the run goes on live: whatever it finds lies beyond.
          if (landed !== null) expect(landed).toBeGreaterThan(length);
        } else {
          expect(landed, `ahead from ${from}`).toBe(after);
          expect(timeline.tick).toBe(after);
        }
        timeline.seek(Math.min(from, timeline.maxTick));
        const before = [...expected].reverse().find((tick) => tick < from) ?? null;
        const back = jump(timeline, { ...request, direction: 'previous' });
        expect(back, `back from ${from}`).toBe(before);
        expect(timeline.tick).toBe(before ?? Math.min(from, timeline.maxTick));
      }
    });
  }

  it('the worker answers with where it landed, or null and the run where it was', () => {
    const replies: FromWorker[] = [];
    const logic = createWorkerLogic((message) => replies.push(message));
    logic.handle({ type: 'init', options: { nodes: 3, seed: 2 } });
    logic.handle({ type: 'step', ticks: 3_000 });
    replies.length = 0;
    logic.handle({ type: 'jump', request: { direction: 'previous', kind: 'leader', messageType: null, node: null } });
    expect(replies.map((reply) => reply.type)).toEqual(['jump-result', 'frame']);
    const landed = replies[0] as Extract<FromWorker, { type: 'jump-result' }>;
    expect(landed.tick).not.toBeNull();
    expect((replies[1] as Extract<FromWorker, { type: 'frame' }>).timeline.tick).toBe(landed.tick);
    replies.length = 0;
    logic.handle({ type: 'jump', request: { direction: 'previous', kind: 'message', messageType: 'MsgSnap', node: null } });
    expect(replies[0]).toMatchObject({ type: 'jump-result', tick: null });
    expect((replies[1] as Extract<FromWorker, { type: 'frame' }>).timeline.tick).toBe(landed.tick);
    replies.length = 0;
    logic.handle({ type: 'jump', request: { direction: 'sideways', kind: 'leader', messageType: null, node: null } as never });
    expect(replies).toMatchObject([{ type: 'error', field: 'direction' }]);
  });
});

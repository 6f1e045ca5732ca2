/**
 * Naming the next event before it runs: Simulation.nextEvent() says what happens first at the
 * next tick where anything happens — the first message due (and whether it is lost on arrival), else the first
 * timer (an election timeout, a leader's heartbeat), else the client's put — and advancing to
 * that tick shows exactly that as the first event there. Checked at every step of a lossy run.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/core/index.ts';
import type { SimEvent } from '../../../src/core/index.ts';

describe('Simulation.nextEvent', () => {
  it('names the first event of the next busy tick, all through a lossy run with faults and a client', () => {
    const simulation = new Simulation({ nodes: 5, seed: 12, network: { dropRatio: 0.15, delayTicksMin: 3, delayTicksMax: 25 }, workload: { proposeEveryTicks: 37 } });
    const kinds = new Set<string>();
    for (let step = 0; step < 1_500; step += 1) {
      if (step === 300) simulation.act({ type: 'crash', node: simulation.leader()?.id ?? 1 });
      if (step === 700) simulation.act({ type: 'partition', groups: [[1, 2], [3, 4, 5]] });
      const next = simulation.nextEvent();
      expect(next).not.toBeNull();
      // The client's ticks without a leader send nothing: they are passed over.
      expect(next!.tick).toBeGreaterThanOrEqual(simulation.nextEventTick());
      const before = simulation.lastEventSeq;
      simulation.advance(next!.tick - simulation.tick);
      const first = simulation.events({ afterSeq: before })[0] as SimEvent;
      kinds.add(next!.kind);
      switch (next!.kind) {
        case 'delivery':
          expect(first).toMatchObject({ id: next!.id, tick: next!.tick, type: next!.lost === null ? 'message-delivered' : 'message-dropped' });
          if (next!.lost !== null) expect(first).toMatchObject({ reason: next!.lost });
          break;
        case 'election-timeout':
          expect(first).toMatchObject({ type: 'election-timeout', node: next!.node, tick: next!.tick });
          break;
        case 'heartbeat':
          expect(first).toMatchObject({ type: 'heartbeat-timeout', node: next!.node, tick: next!.tick });
          break;
        case 'client-put':
          expect(first.tick).toBe(next!.tick);
          expect(first.topic).toBe('CLNT');
          break;
      }
    }
    expect(kinds).toEqual(new Set(['delivery', 'election-timeout', 'heartbeat', 'client-put']));
  });

  it('is null when nothing can happen: every node crashed, nothing in flight, no client', () => {
    const simulation = new Simulation({ nodes: 3, seed: 1 });
    for (const id of [1, 2, 3]) simulation.act({ type: 'crash', node: id });
    expect(simulation.nextEvent()).toBeNull();
  });
});

/**
 * Reading events by topic after a sequence number: the same events, in the same order, as
 * filtering all of them, for every topic (message topics included, which the log keeps as
 * in-flight records), and the node filter on top.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, topics } from '../../../src/core/index.ts';

describe('events after a sequence number, by topic', () => {
  const simulation = new Simulation({ nodes: 5, seed: 6, network: { dropRatio: 0.2, duplicateRatio: 0.1 }, workload: { proposeEveryTicks: 20 } });
  simulation.advance(1_500);
  simulation.act({ type: 'crash', node: 2 });
  simulation.advance(500);
  const after = 40;
  const all = simulation.events({ afterSeq: after });

  it('gives exactly the events of the topics asked for', () => {
    expect(all.length).toBeGreaterThan(1_000);
    for (const topic of topics) {
      const read = simulation.events({ afterSeq: after, topics: [topic] });
      expect(read, topic).toEqual(all.filter((event) => event.topic === topic));
    }
    const some = simulation.events({ afterSeq: after, topics: ['LEAD', 'DROP', 'SEND'] });
    expect(some).toEqual(all.filter((event) => ['LEAD', 'DROP', 'SEND'].includes(event.topic)));
    expect(new Set(some.map((event) => event.topic))).toEqual(new Set(['LEAD', 'DROP', 'SEND']));
  });

  it('with a node as well', () => {
    expect(simulation.events({ afterSeq: after, topics: ['RECV', 'FAULT'], node: 2 })).toEqual(all.filter((event) => ['RECV', 'FAULT'].includes(event.topic) && event.node === 2));
  });
});

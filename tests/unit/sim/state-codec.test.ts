/** Checkpoints as text must restore exactly the state they were taken from, Maps included. */
import { describe, expect, it } from 'vitest';
import { createSimulation, Simulation } from '../../../src/core/index.ts';
import { decodeState, encodeState } from '../../../src/core/sim/state-codec.ts';

describe('state codec', () => {
  it('round-trips a rich state exactly and the restored run continues identically', () => {
    const sim = createSimulation({ nodes: 5, seed: 8, network: { dropRatio: 0.1, duplicateRatio: 0.1 }, raft: { snapshotThresholdEntries: 20 }, workload: { proposeEveryTicks: 10 } });
    sim.advance(3_000);
    sim.crash(2);
    sim.partition([[1, 3], [4, 5]]);
    sim.advance(700);
    const state = sim.checkpoint({ events: false });
    const decoded = decodeState(encodeState(state));
    expect(decoded).toEqual(state);
    expect(decoded.servers[0]!.kv).toBeInstanceOf(Map);
    expect(decoded.checker.leaderOfTerm).toBeInstanceOf(Map);

    const original = Simulation.fromState(structuredClone(state));
    const restored = Simulation.fromState(decoded);
    original.heal().restart(2).advance(2_000);
    restored.heal().restart(2).advance(2_000);
    expect(JSON.stringify(restored.view())).toBe(JSON.stringify(original.view()));
  });
});

describe('state codec: size', () => {
  it("writes a live node's disk once, as a mirror of its log, and restores the two as equal", () => {
    const sim = createSimulation({ nodes: 5, seed: 3, workload: { proposeEveryTicks: 10 }, raft: { snapshotThresholdEntries: 50 } });
    sim.advance(2_000);
    const state = sim.checkpoint({ events: false });
    const text = encodeState(state);
    const plain = JSON.stringify({ ...state, servers: state.servers.map((server) => ({ ...server, kv: [...server.kv] })) });
    expect(text.length).toBeLessThan(plain.length);
    const written = JSON.parse(text) as { servers: { disk: { entries: unknown; snapshot: unknown } }[] };
    for (const server of written.servers) expect(server.disk).toMatchObject({ entries: 'sameAsLog', snapshot: 'sameAsLog' });
    const decoded = decodeState(text);
    for (const server of decoded.servers) {
      expect(server.disk.entries).toEqual(server.node!.log.entries);
      expect(server.disk.snapshot).toBe(server.node!.log.snapshot);
    }
    expect(decoded).toEqual(state);
  });
});

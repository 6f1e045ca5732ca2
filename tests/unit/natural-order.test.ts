import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/core/index.ts';
import { compareNatural, naturallyByKey } from '../../src/ui/natural-order.ts';

describe('natural order of keys', () => {
  it('puts key2 before key10, as people count', () => {
    expect(['key10', 'key2', 'key1', 'key20', 'key3'].sort(compareNatural)).toEqual(['key1', 'key2', 'key3', 'key10', 'key20']);
  });

  it('compares every digit run by value, even beyond the range of a double', () => {
    expect(['v1.10', 'v1.9', 'v1.2'].sort(compareNatural)).toEqual(['v1.2', 'v1.9', 'v1.10']);
    expect(['n100000000000000000001', 'n99999999999999999999'].sort(compareNatural)).toEqual(['n99999999999999999999', 'n100000000000000000001']);
  });

  it('is a total order: text before digits by code point, a prefix first, leading zeros as a tie-break', () => {
    expect(['b', 'a10', 'a', 'a2', 'A1', '10', '9'].sort(compareNatural)).toEqual(['9', '10', 'A1', 'a', 'a2', 'a10', 'b']);
    expect(['k1', 'k01', 'k001'].sort(compareNatural)).toEqual(['k001', 'k01', 'k1']);
    expect(compareNatural('same', 'same')).toBe(0);
  });

  it("sorts a view's pairs for display and leaves the core's order (code points, used by snapshots) alone", () => {
    const simulation = createSimulation({ nodes: 1, seed: 1 });
    simulation.advanceUntil((s) => s.leader() !== null, { maxTicks: 5_000 });
    for (const key of ['key10', 'key2', 'key1']) simulation.put(key, key.toUpperCase());
    simulation.advance(50);
    const pairs = simulation.view().nodes[0]!.kv;
    expect(pairs.map(([key]) => key)).toEqual(['key1', 'key10', 'key2']);
    expect(naturallyByKey(pairs)).toEqual([['key1', 'KEY1'], ['key2', 'KEY2'], ['key10', 'KEY10']]);
    expect(pairs.map(([key]) => key)).toEqual(['key1', 'key10', 'key2']);
  });
});

/**
 * The scenario layer's limits are copies (it may not import the worker or the core's internals):
 * these tests keep them equal to the originals. limits.ts promises that a scenario may hold as
 * many actions and name as late a tick as a run file (src/worker/run-file.ts); option-table.ts
 * promises that its ranges are the core's (src/core/sim/options.ts), so every bound it allows
 * the core accepts, and one past it the core refuses, naming the same path.
 */
import { describe, expect, it } from 'vitest';
import { nodeCountMax, Simulation, SimulationInputError } from '../../../src/core/index.ts';
import type { SimulationOptions } from '../../../src/core/index.ts';
import { resolveOptions } from '../../../src/core/sim/options.ts';
import { parseScenario, scenarioActionsMax, scenarioTickMax } from '../../../src/scenario/index.ts';
import type { OptionLeaf } from '../../../src/scenario/option-table.ts';
import { optionLeaves, setOption } from '../../../src/scenario/option-table.ts';
import { runActionsMax, runTickMax } from '../../../src/worker/run-file.ts';

describe('scenario limits', () => {
  it('equal the run file\'s: as many actions, as late a tick', () => {
    expect(scenarioActionsMax).toBe(runActionsMax);
    expect(scenarioTickMax).toBe(runTickMax);
  });

  it('the latest tick is accepted and the next one refused, in a timed line, an expectation and run until', () => {
    expect(parseScenario(`at ${scenarioTickMax}: heal\nexpect at ${scenarioTickMax}: no leader\nrun until ${scenarioTickMax}`).ok).toBe(true);
    for (const text of [`at ${scenarioTickMax + 1}: heal`, `expect at ${scenarioTickMax + 1}: no leader`, `run until ${scenarioTickMax + 1}`]) {
      expect(parseScenario(text)).toMatchObject({ ok: false, errors: [{ code: 'out-of-range', max: scenarioTickMax }] });
    }
  });
});

/** For each end of a range, the other end at its widest, so that the pair stays in order. */
const partners: Readonly<Record<string, readonly [string, number]>> = {
  'raft.electionTimeoutTicksMin': ['raft.electionTimeoutTicksMax', 1_000_000],
  'raft.electionTimeoutTicksMax': ['raft.electionTimeoutTicksMin', 1],
  'network.delayTicksMin': ['network.delayTicksMax', 1_000_000],
  'network.delayTicksMax': ['network.delayTicksMin', 1],
};

/** Options with `path` at `value` (and its partner, if any, at its widest). */
function optionsWith(leaf: OptionLeaf, value: number | boolean): SimulationOptions {
  const other = partners[leaf.path];
  const options = setOption({}, leaf.path, value);
  return other === undefined ? options : setOption(options, other[0], other[1]);
}

/** The same as scenario text, with the generic `option PATH VALUE` statement. */
function textWith(leaf: OptionLeaf, value: number): string {
  const other = partners[leaf.path];
  return [`option ${leaf.path} ${value}`, ...(other === undefined ? [] : [`option ${other[0]} ${other[1]}`])].join('\n');
}

/** The field the core names when it refuses these options, or null when it accepts them. */
function refusal(options: SimulationOptions): string | null {
  try {
    new Simulation(options);
    return null;
  } catch (error) {
    if (error instanceof SimulationInputError) return error.field;
    throw error;
  }
}

describe('the option table against the core', () => {
  it('knows every option the core resolves, and no other', () => {
    const resolved = resolveOptions({}) as unknown as Record<string, unknown>;
    const paths = Object.entries(resolved).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? Object.keys(value).map((inner) => `${key}.${inner}`) : [key]));
    expect(optionLeaves.map((leaf) => leaf.path).sort()).toEqual(paths.sort());
  });

  it.each(optionLeaves.filter((leaf) => leaf.kind === 'integer').map((leaf) => [leaf.path, leaf] as const))('%s: the core accepts min and max, and refuses one past each', (path, leaf) => {
    expect(refusal(optionsWith(leaf, leaf.min))).toBeNull();
    expect(refusal(optionsWith(leaf, leaf.max))).toBeNull();
    expect(refusal(optionsWith(leaf, leaf.max + 1))).toBe(path);
    expect(refusal(optionsWith(leaf, leaf.min - 1))).toBe(path);
    // And the parser allows exactly the same range through `option PATH VALUE`.
    expect(parseScenario(textWith(leaf, leaf.min))).toMatchObject({ ok: true, scenario: { options: optionsWith(leaf, leaf.min) } });
    expect(parseScenario(textWith(leaf, leaf.max))).toMatchObject({ ok: true, scenario: { options: optionsWith(leaf, leaf.max) } });
    expect(parseScenario(textWith(leaf, leaf.max + 1))).toMatchObject({ ok: false, errors: [{ code: 'out-of-range', line: 1, min: leaf.min, max: leaf.max }] });
    expect(parseScenario(textWith(leaf, leaf.min - 1)).ok).toBe(false);
  });

  it.each(optionLeaves.filter((leaf) => leaf.kind === 'probability').map((leaf) => [leaf.path, leaf] as const))('%s: a probability from 0 to 1', (path, leaf) => {
    expect(refusal(optionsWith(leaf, 0))).toBeNull();
    expect(refusal(optionsWith(leaf, 1))).toBeNull();
    expect(refusal(optionsWith(leaf, 1.000_001))).toBe(path);
    expect(refusal(optionsWith(leaf, -0.1))).toBe(path);
  });

  it.each(optionLeaves.filter((leaf) => leaf.kind === 'switch').map((leaf) => [leaf.path, leaf] as const))('%s: on or off', (path, leaf) => {
    expect(refusal(optionsWith(leaf, true))).toBeNull();
    expect(refusal(optionsWith(leaf, false))).toBeNull();
    expect(refusal(setOption({}, path, 1))).toBe(path);
  });

  it('the node count is the core\'s nodeCountMax', () => {
    expect(optionLeaves.find((leaf) => leaf.path === 'nodes')).toMatchObject({ min: 1, max: nodeCountMax });
  });
});

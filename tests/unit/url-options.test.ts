import { describe, expect, it } from 'vitest';
import { optionsFromSearch } from '../../src/ui/url-options.ts';

describe('run options from the address', () => {
  it('reads nodes, seed, network, timing and load', () => {
    expect(optionsFromSearch('?nodes=9&seed=3&drop=0.1&load=10&heartbeat=50').options).toEqual({
      nodes: 9,
      seed: 3,
      raft: { heartbeatIntervalTicks: 50 },
      network: { dropRatio: 0.1 },
      workload: { proposeEveryTicks: 10 },
    });
  });

  it('an empty address means defaults', () => {
    expect(optionsFromSearch('')).toEqual({ options: null, problems: [] });
  });

  it('reports bad and unknown parameters and keeps the good ones', () => {
    const result = optionsFromSearch('?nodes=12&drop=x&colour=red&seed=5');
    expect(result.options).toEqual({ seed: 5 });
    expect(result.problems).toEqual(['nodes must be an integer from 1 to 9 (got "12")', 'drop must be a number from 0 to 1 (got "x")', 'unknown parameter "colour"']);
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/core/index.ts';
import { screenNodeCountMax } from '../../src/protocol/worker-protocol.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { addressBanner as bannerIn, addressProblemText, addressWarningText, optionsFromSearch as readAddress, urlParameters } from '../../src/ui/url-options.ts';

const m = messagesFor('en');

/** The address's options, with its problems and warnings in English words (url-options.ts gives them as data). */
function optionsFromSearch(search: string) {
  const read = readAddress(search);
  return { ...read, problems: read.problems.map((problem) => addressProblemText(m, problem)), warnings: read.warnings.map((warning) => addressWarningText(m, warning)) };
}

/** The banner in English, for an address. */
const addressBanner = (search: string) => bannerIn(m, readAddress(search));

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
    expect(optionsFromSearch('')).toEqual({ options: null, problems: [], warnings: [] });
    expect(addressBanner('')).toBeNull();
  });

  it('reports bad and unknown parameters and keeps the good ones', () => {
    const result = optionsFromSearch('?nodes=16&drop=x&colour=red&seed=5');
    expect(result.options).toEqual({ seed: 5 });
    expect(result.problems).toEqual([
      'nodes must be an integer from 1 to 15, in plain digits (got "16")',
      'drop must be a decimal number from 0 to 1, like 0.25 (got "x")',
      'unknown parameter "colour"',
    ]);
  });

  it('allows as many nodes as the screen shows, the same limit as the settings form and import', () => {
    expect(screenNodeCountMax).toBe(15);
    expect(optionsFromSearch('?nodes=15').options).toEqual({ nodes: 15 });
    expect(optionsFromSearch('?nodes=64').problems).toEqual(['nodes must be an integer from 1 to 15, in plain digits (got "64")']);
  });
});

describe('numbers in the address are plain decimals', () => {
  it.each(['0x1', '1e0', '1e-1', ' 1', '+1', '.5', '1.', 'Infinity', '-0'])('refuses drop=%s rather than guess a value', (text) => {
    const result = optionsFromSearch(`?drop=${encodeURIComponent(text)}`);
    expect(result.options).toBeNull();
    expect(result.problems).toEqual([`drop must be a decimal number from 0 to 1, like 0.25 (got "${text}")`]);
  });

  it('refuses hexadecimal and exponent forms of integers too', () => {
    expect(optionsFromSearch('?nodes=0x3&seed=1e3&load=2.0').problems).toEqual([
      'nodes must be an integer from 1 to 15, in plain digits (got "0x3")',
      'seed must be an integer from 0 to 4294967295, in plain digits (got "1e3")',
      'load must be an integer from 0 to 1000000, in plain digits (got "2.0")',
    ]);
  });

  it('takes ordinary decimals and leading zeros', () => {
    expect(optionsFromSearch('?drop=0.25&duplicate=1&reorder=0&nodes=07').options).toEqual({
      nodes: 7,
      network: { dropRatio: 0.25, duplicateRatio: 1, reorderRatio: 0 },
    });
  });

  it('refuses a parameter given twice, both values, instead of silently taking the last', () => {
    const result = optionsFromSearch('?nodes=9&seed=2&nodes=3');
    expect(result.options).toEqual({ seed: 2 });
    expect(result.problems).toEqual(['nodes is given 2 times ("9", "3"); give it once']);
  });
});

describe('ranges that need min ≤ max', () => {
  it('drops a latency range whose minimum is above its maximum, so the worker never refuses the run', () => {
    const result = optionsFromSearch('?delayMin=50&delayMax=20&seed=4');
    expect(result.options).toEqual({ seed: 4 });
    expect(result.problems).toEqual(['delayMin=50 and delayMax=20 (the minimum is above the maximum)']);
  });

  it('checks one bound against the default of the other (election timeouts are 300 to 600 by default)', () => {
    expect(optionsFromSearch('?electionMin=700')).toMatchObject({ options: null, problems: ['electionMin=700 (above the default electionMax, 600)'] });
    expect(optionsFromSearch('?electionMax=200')).toMatchObject({ options: null, problems: ['electionMax=200 (below the default electionMin, 300)'] });
    expect(optionsFromSearch('?electionMin=700&electionMax=900').options).toEqual({ raft: { electionTimeoutTicksMin: 700, electionTimeoutTicksMax: 900 } });
  });

  it('hands on only options the simulation accepts, whatever the address', () => {
    const addresses = ['?electionMin=900&electionMax=100', '?delayMin=31', '?delayMax=9', '?electionMin=601&heartbeat=5&nodes=15', '?delayMin=5&delayMax=5'];
    for (const address of addresses) {
      const { options } = optionsFromSearch(address);
      expect(() => new Timeline(options ?? {}), address).not.toThrow();
    }
  });
});

describe('warnings and tracking parameters', () => {
  it('warns, as the settings form does, about a heartbeat at or above the shortest election timeout, and still applies it', () => {
    const result = optionsFromSearch('?heartbeat=300');
    expect(result.options).toEqual({ raft: { heartbeatIntervalTicks: 300 } });
    expect(result.warnings).toEqual(['heartbeat 300 is at or above the shortest election timeout (300): followers will start elections even with a live leader']);
    expect(optionsFromSearch('?electionMin=80&electionMax=200').warnings).toHaveLength(1); // the default heartbeat is 100
    expect(optionsFromSearch('?heartbeat=299').warnings).toEqual([]);
  });

  it('ignores tracking parameters and the screen parameter "large" without a word', () => {
    const result = optionsFromSearch('?utm_source=mail&utm_campaign=raft&fbclid=x&gclid=y&large=1&nodes=3');
    expect(result).toEqual({ options: { nodes: 3 }, problems: [], warnings: [] });
  });

  it('puts problems and warnings into one banner', () => {
    expect(addressBanner('?colour=red&heartbeat=400')).toBe(
      'Ignored in the address: unknown parameter "colour". Note: heartbeat 400 is at or above the shortest election timeout (300): followers will start elections even with a live leader.',
    );
  });

  it('every parameter is documented in the README, with its range', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    for (const { name, min, max } of urlParameters) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\``));
      expect(row, `README row for ${name}`).toBeDefined();
      expect(row!.replace(/[ ,]/g, ''), `range of ${name}`).toContain(`${min}to${max}`);
    }
  });
});

/** The examples in docs/ run as documented and show what their comments claim. */
import { describe, expect, it } from 'vitest';
import { faultyRun } from '../../docs/examples/faults.ts';
import { firstElection } from '../../docs/examples/first-election.ts';
import { leaderCrash } from '../../docs/examples/leader-crash.ts';
import { partition } from '../../docs/examples/partition.ts';
import { replayRun } from '../../docs/examples/replay.ts';

describe('docs/examples', () => {
  it('first-election: one leader, the put applied on all five nodes', () => {
    const result = firstElection();
    expect(result.values).toEqual(['1', '1', '1', '1', '1']);
    expect(result.term).toBeGreaterThan(0);
  });

  it('leader-crash: a new leader in a higher term; the old one rejoins as follower', () => {
    const result = leaderCrash();
    expect(result.after.term).toBeGreaterThan(result.before.term);
    expect(result.after.id).not.toBe(result.before.id);
    expect(result.rejoined).toBe(`follower in term ${result.after.term}`);
  });

  it('partition: only the majority commits; healing truncates the minority entry', () => {
    expect(partition()).toEqual({ minorityCommitted: false, majorityCommitted: true, truncations: expect.any(Number) as number });
    expect(partition().truncations).toBeGreaterThan(0);
  });

  it('faults: crashes and partitions at their exact ticks, no violation, convergence, exact replay', () => {
    const result = faultyRun();
    expect(result.faults.map((line) => Number(line.split(':')[0]))).toEqual([3_000, 4_000, 4_500, 5_000, 6_000, 7_500, 8_000, 9_000, 9_000]);
    expect(result.faults[0]).toMatch(/^3000: Node \d crashed/);
    expect(result).toMatchObject({ violations: 0, converged: true, replaysExactly: true });
  });

  it('replay: the same options and actions give the same view', () => {
    expect(replayRun()).toEqual({ sameView: true, actions: 3 });
  });
});

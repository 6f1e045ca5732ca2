/** The examples in docs/ run as documented and show what their comments claim. */
import { describe, expect, it } from 'vitest';
import { branchesRun } from '../../docs/examples/branches.ts';
import { faultyRun } from '../../docs/examples/faults.ts';
import { firstElection } from '../../docs/examples/first-election.ts';
import { fuzzRun } from '../../docs/examples/fuzz.ts';
import { leaderCrash } from '../../docs/examples/leader-crash.ts';
import { membershipRun } from '../../docs/examples/membership.ts';
import { partition } from '../../docs/examples/partition.ts';
import { permalinkRun } from '../../docs/examples/permalink.ts';
import { reads } from '../../docs/examples/reads.ts';
import { replayRun } from '../../docs/examples/replay.ts';
import { scenarioRun } from '../../docs/examples/scenario.ts';

describe('docs/examples', () => {
  it('membership: a fourth server added and promoted, then the leader removed and a new leader among the rest', () => {
    const result = membershipRun();
    expect(result).toMatchObject({ added: 4, votersAfterAdd: [1, 2, 3, 4], taken: true, removed: true });
    expect(result.votersAfterRemove).toEqual([1, 2, 3, 4].filter((id) => id !== result.oldLeader));
    expect(result.votersAfterRemove).toContain(result.newLeader);
  });

  it('fuzz: correct Raft passes, a broken switch fails, replays and shrinks to a crash and a restart', () => {
    const result = fuzzRun();
    expect(result.correctFailures).toBe(0);
    expect(result.property).toBe('Volatile State');
    expect(result.replayedProperty).toBe('Volatile State');
    expect(result.shrunkTo.map((line) => line.replace(/^\d+: /, ''))).toEqual(['crash', 'restart']);
  });

  it('reads: a deposed leader never answers with its stale value; the new leader confirms with a majority and answers the latest write', () => {
    expect(reads()).toEqual({ staleLeaderAnswered: false, staleLeaderRead: 'confirming', newLeaderValue: 'new', confirmedBy: 3 });
  });

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

  it('branches: the first branch keeps its leader, the new one elects another, and switching back is exact', () => {
    const result = branchesRun();
    expect(result.firstLeader).not.toBeNull();
    expect(result.secondLeader).not.toBeNull();
    expect(result.secondLeader).not.toBe(result.firstLeader);
    expect(result.sameAsBefore).toBe(true);
    expect(result.branches).toEqual(['1 (unnamed): from - at 0, to 3000', '2 leader crashed early: from 1 at 100, to 3000']);
  });

  it('replay: the same options and actions give the same view', () => {
    expect(replayRun()).toEqual({ sameView: true, actions: 3 });
  });

  it('scenario: every expectation passes at its tick; the trace tells the crash and re-election; a typo is placed', () => {
    const { results, trace, typo } = scenarioRun();
    expect(results).toEqual([
      { expectation: 'expect by 1000: leader in {1,2,3}', status: 'passed', tick: 421 },
      { expectation: 'expect at 1000: no leader', status: 'passed', tick: 1_000 },
      { expectation: 'expect by 2000: leader in term = 2', status: 'passed', tick: 1_335 },
      { expectation: 'expect from 2000 by 2200: old leader in term = 2', status: 'passed', tick: 2_061 },
      { expectation: 'expect at 2200: old leader is a follower', status: 'passed', tick: 2_200 },
      { expectation: 'expect always: at most one leader per term', status: 'passed', tick: 2_500 },
    ]);
    // Only the topics asked for (LEAD and FAULT), in the app's English words.
    expect(trace).toContain('421 node 3: won the election for term 1 with votes from nodes 1 and 3, a majority; its log ends at index 0 (§5.2)');
    expect(trace).toContain('1000 node 3: crashed: its volatile state is gone; the disk keeps term, vote, snapshot and log');
    expect(trace.filter((line) => line.includes('won the election for term 2'))).toHaveLength(1);
    expect(trace.at(-1)).toBe('2061 node 3: follows term 2 now: saw a higher term (§5.1; leader is node 2)');
    expect(trace.every((line) => /^\d+ node \d: /.test(line))).toBe(true);
    expect(trace.some((line) => line.includes('commitIndex'))).toBe(false);
    expect(typo).toEqual(["line 2, column 9: unknown action 'partiton' — did you mean 'partition'?"]);
  });

  it('permalink: the decoded, imported run opens at the same tick with the same view; a cut link is named as cut', async () => {
    const result = await permalinkRun();
    expect(result.address).toMatch(/^http:\/\/127\.0\.0\.1:5173\/\?seed=7#run=1\.[A-Za-z0-9_-]+$/);
    expect(result).toMatchObject({ tick: 1_500, maxTick: 2_000, sameView: true });
    expect(result.scenarioText).toBe('nodes 5\nseed 7\n\nat 1000: caption "The leader crashes"\nat 1000: crash 3\nat 2000: put x=1 to leader\n');
    expect(result.cutShort).toMatchObject({ code: 'truncated' });
  });
});

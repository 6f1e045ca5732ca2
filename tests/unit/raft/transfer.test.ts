/**
 * Leadership transfer (thesis §3.10; the sim action 'transfer-leadership'). The scenario tests
 * tests/scenarios/transfer-*.scn show a transfer to an up-to-date node and to a lagging one
 * message by message; here: proposals are refused while a transfer is under way, a target that
 * never answers makes the leader give up and take proposals again, a second request supersedes
 * the first, bad requests are refused in words, TimeoutNow passes leader stickiness and skips
 * PreVote, the view and the wire show the transfer, and fuzzing with transfers mixed into the
 * faults finds nothing wrong.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, fuzzSeed, SimulationInputError } from '../../../src/core/index.ts';
import type { RaftConfig } from '../../../src/core/index.ts';
import { decodeView, encodeView } from '../../../src/protocol/wire-view.ts';
import { messagesFor } from '../../../src/ui/i18n/catalogue.ts';
import { nodeTitle } from '../../../src/ui/viz/node-status.ts';

/** Node 1 leads term 1 of three nodes; node 3 missed two puts while cut off, and is back. */
function laggingTarget(raft: Partial<RaftConfig> = {}) {
  const simulation = createSimulation({ nodes: 3, seed: 1, raft: { electionTimeoutTicksMin: 2000, electionTimeoutTicksMax: 3000, ...raft }, network: { delayTicksMin: 10, delayTicksMax: 10 } });
  simulation.advance(100).campaign(1).advance(200);
  simulation.isolate(3);
  simulation.put('a', '1');
  simulation.put('b', '2');
  simulation.advance(200).rejoin(3);
  return simulation;
}

function leadEvents(simulation: ReturnType<typeof createSimulation>, type: string) {
  return simulation.events({ topics: ['LEAD'] }).filter((event) => event.type === type);
}

describe('leadership transfer', () => {
  it('to a lagging node: the leader sends what it lacks, then TimeoutNow, and the target wins the next term with the whole log', () => {
    const simulation = laggingTarget();
    expect(simulation.nodeState(3).lastIndex).toBeLessThan(simulation.nodeState(1).lastIndex);
    simulation.transferLeadership(3).advance(300);
    const [started] = leadEvents(simulation, 'transfer-started');
    expect(started).toMatchObject({ node: 1, target: 3, targetMatch: 1, lastIndex: 3 });
    const [sent] = leadEvents(simulation, 'timeout-now-sent');
    expect(sent).toMatchObject({ node: 1, target: 3, matchIndex: 3 });
    expect(sent!.tick).toBeGreaterThan(started!.tick);
    expect(simulation.leader()).toEqual({ id: 3, term: 2 });
    expect(simulation.nodeState(3).commitIndex).toBe(4);
    expect(simulation.kv(1)).toEqual([['a', '1'], ['b', '2']]);
    expect(simulation.view().nodes[0]!.transfer).toBeUndefined();
  });

  it('refuses proposals while the transfer is under way, pointing at the target; takes them again after', () => {
    const simulation = laggingTarget();
    simulation.transferLeadership(3);
    const refused = simulation.put('c', '3');
    expect(refused).toMatchObject({ isLeader: false, leaderHint: 3, node: 1 });
    expect(simulation.events({ node: 1 }).some((event) => event.type === 'proposal-refused' && event.transferringTo === 3)).toBe(true);
    simulation.advance(300);
    expect(simulation.put('c', '3')).toMatchObject({ isLeader: true, node: 3 });
  });

  it('gives up when the target never stands (cut off), and takes proposals again', () => {
    const simulation = laggingTarget();
    simulation.isolate(3).transferLeadership(3);
    expect(simulation.view().nodes[0]!.transfer).toEqual({ target: 3, elapsed: 0, limit: 3000 });
    simulation.advance(3_100);
    const [aborted] = leadEvents(simulation, 'transfer-aborted');
    expect(aborted).toMatchObject({ node: 1, target: 3, reason: 'timeout', elapsed: 3000 });
    expect(simulation.leader()?.id).toBe(1);
    expect(simulation.put('c', '3')).toMatchObject({ isLeader: true, node: 1 });
  });

  it('a second request to another node supersedes the first; asking twice for the same node changes nothing', () => {
    const simulation = laggingTarget();
    simulation.isolate(3).transferLeadership(3).advance(50);
    simulation.transferLeadership(3);
    expect(leadEvents(simulation, 'transfer-started')).toHaveLength(1);
    simulation.transferLeadership(2).advance(300);
    expect(leadEvents(simulation, 'transfer-aborted')[0]).toMatchObject({ target: 3, reason: 'superseded' });
    expect(simulation.leader()?.id).toBe(2);
  });

  it('refuses in words: no leader, the leader itself, a crashed node', () => {
    const simulation = createSimulation({ nodes: 3, seed: 1 });
    expect(() => simulation.transferLeadership(2)).toThrow(SimulationInputError);
    expect(() => simulation.transferLeadership(2)).toThrow(/no leader right now/);
    simulation.advance(100).campaign(1).advance(100);
    expect(() => simulation.transferLeadership(1)).toThrow(/the leader/);
    simulation.crash(2);
    expect(() => simulation.transferLeadership(2)).toThrow(SimulationInputError);
    expect(simulation.leader()?.id).toBe(1);
  });

  it('with CheckQuorum, the target\'s election passes leader stickiness; with PreVote, it skips the pre-vote', () => {
    const simulation = laggingTarget({ checkQuorum: true, preVote: true });
    const asked = simulation.tick;
    simulation.transferLeadership(3).advance(300);
    expect(simulation.leader()).toEqual({ id: 3, term: 2 });
    expect(leadEvents(simulation, 'pre-campaign-started').filter((event) => event.tick >= asked)).toHaveLength(0);
    const refused = simulation.events({ topics: ['VOTE'] }).filter((event) => event.type === 'vote-refused' && event.tick >= asked);
    expect(refused).toHaveLength(0);
  });

  it('the view, the wire and the leader\'s hover text show the transfer under way', () => {
    const simulation = laggingTarget();
    simulation.isolate(3).transferLeadership(3).advance(40);
    const view = simulation.view();
    expect(view.nodes[0]!.transfer).toEqual({ target: 3, elapsed: 40, limit: 3000 });
    const decoded = decodeView(encodeView(view, { selectedMessage: null }));
    expect(decoded.nodes[0]!.transfer).toEqual({ target: 3, elapsed: 40, limit: 3000 });
    expect(decoded.nodes[1]!.transfer).toBeUndefined();
    // The leader's hover text says it too; a follower's does not.
    const m = messagesFor('en');
    expect(nodeTitle(m, decoded.nodes[0]!, null)).toContain('Handing leadership to node 3: no proposals until it takes over; gives up in 2,960 ticks');
    expect(nodeTitle(m, decoded.nodes[1]!, null)).not.toContain('Handing leadership');
  });

  it('fuzzing with transfers mixed into the faults finds nothing wrong, with and without the other extensions', () => {
    let transfers = 0;
    for (let seed = 1; seed <= 100; seed += 1) {
      const result = fuzzSeed(seed, { transfers: true });
      expect(result.failure, `seed ${seed}`).toBeNull();
      transfers += result.actions.filter((timed) => timed.action.type === 'transfer-leadership').length;
    }
    expect(transfers).toBeGreaterThan(100);
    for (let seed = 1; seed <= 60; seed += 1) expect(fuzzSeed(seed, { transfers: true, raft: { preVote: true, checkQuorum: true } }).failure, `seed ${seed}`).toBeNull();
  });
});

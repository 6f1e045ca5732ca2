/**
 * PreVote (thesis §9.6; RaftConfig.preVote). tests/scenarios/prevote-partition.scn shows a node cut
 * off keep its term and rejoin without deposing the leader; here: off by default, the same cut
 * without PreVote raises the lone node's term, pre-votes are never counted as votes by the safety
 * checker, a single node still elects itself, and fuzzing with PreVote (and with CheckQuorum too)
 * finds nothing wrong.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, fuzzSeed } from '../../../src/core/index.ts';
import { decodeView, encodeView } from '../../../src/protocol/wire-view.ts';
import { labelLines, nodeAriaLabel } from '../../../src/ui/viz/node-status.ts';
import { messagesFor } from '../../../src/ui/i18n/catalogue.ts';

function isolated(preVote: boolean) {
  const simulation = createSimulation({ nodes: 5, seed: 1, raft: { preVote }, network: { delayTicksMin: 10, delayTicksMax: 10 } });
  simulation.advance(100).campaign(1).advance(700);
  simulation.isolate(3).advance(3_000);
  return simulation;
}

describe('PreVote', () => {
  it('is off by default: a node cut off raises its term at every timeout', () => {
    expect(createSimulation().options.raft.preVote).toBe(false);
    expect(isolated(false).nodeState(3).term).toBeGreaterThan(3);
  });

  it('on: the node cut off asks for pre-votes and keeps its term', () => {
    const simulation = isolated(true);
    expect(simulation.nodeState(3).term).toBe(1);
    const asked = simulation.events({ node: 3, topics: ['LEAD'] }).filter((event) => event.type === 'pre-campaign-started');
    expect(asked.length).toBeGreaterThan(3);
    expect(asked.every((event) => event.type === 'pre-campaign-started' && event.term === 2)).toBe(true);
  });

  it('the view shows the pre-candidate, through the wire too; its accessible role stays follower', () => {
    const simulation = isolated(true);
    const node = simulation.view().nodes[2]!;
    expect(node.preCandidate).toBe(true);
    expect(simulation.view().nodes[0]!.preCandidate).toBeUndefined();
    const decoded = decodeView(encodeView(simulation.view(), { selectedMessage: null }));
    expect(decoded.nodes[2]!.preCandidate).toBe(true);
    expect(decoded.nodes[0]!.preCandidate).toBeUndefined();
    const m = messagesFor('en');
    expect(labelLines(m, node, 'full')[0]).toBe('pre-candidate');
    expect(nodeAriaLabel(m, node)).toBe('Node 3, follower, term 1');
  });

  it('grants of pre-votes change no vote, and the checker counts none of them', () => {
    const simulation = createSimulation({ nodes: 3, seed: 2, raft: { preVote: true } }).advance(2_000);
    const granted = simulation.events({ topics: ['VOTE'] }).filter((event) => event.type === 'vote-granted');
    expect(granted.some((event) => event.type === 'vote-granted' && event.pre === true)).toBe(true);
    expect(granted.some((event) => event.type === 'vote-granted' && event.pre !== true)).toBe(true);
    expect(simulation.violations()).toEqual([]);
    expect(simulation.leader()).not.toBeNull();
  });

  it('a single node elects itself at once', () => {
    const simulation = createSimulation({ nodes: 1, raft: { preVote: true } }).advance(1_000);
    expect(simulation.leader()?.id).toBe(1);
  });

  it('fuzzing with PreVote, and with PreVote and CheckQuorum, finds nothing wrong', () => {
    for (let seed = 1; seed <= 120; seed += 1) {
      expect(fuzzSeed(seed, { raft: { preVote: true } }).failure, `seed ${seed}, PreVote`).toBeNull();
      expect(fuzzSeed(seed, { raft: { preVote: true, checkQuorum: true } }).failure, `seed ${seed}, PreVote and CheckQuorum`).toBeNull();
    }
  });
});

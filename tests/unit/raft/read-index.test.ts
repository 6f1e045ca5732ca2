/**
 * Linearizable reads (thesis §6.4; raft/read-index.ts, sim/reads.ts): ReadIndex confirms the
 * leadership with a heartbeat round before answering, a new leader first commits an entry of its
 * term, followers refuse, a leader that steps down or crashes fails its reads, and lease reads
 * answer without a round while a confirmed lease runs, with a node that has just started holding
 * its vote and a leader that sent TimeoutNow giving its lease up. The scenario
 * tests/scenarios/read-index-deposed-leader.scn shows a deposed leader that must not answer.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, fuzzSeed } from '../../../src/core/index.ts';
import type { RaftConfig, Simulation } from '../../../src/core/index.ts';
import { HistoryRecorder } from '../../../src/core/fuzz/history.ts';
import { checkLinearizable } from '../../../src/core/linearizability.ts';
import { decodeView, encodeView } from '../../../src/protocol/wire-view.ts';
import { messagesFor } from '../../../src/ui/i18n/catalogue.ts';
import { nodeTitle } from '../../../src/ui/viz/node-status.ts';

/** Five nodes, node 1 leading term 1 with x=1 committed everywhere; messages take 10 ticks. */
function cluster(raft: Partial<RaftConfig> = {}): Simulation {
  const simulation = createSimulation({ nodes: 5, seed: 1, raft: { electionTimeoutTicksMin: 2000, electionTimeoutTicksMax: 3000, ...raft }, network: { delayTicksMin: 10, delayTicksMax: 10 } });
  simulation.advance(100).campaign(1).advance(100);
  simulation.put('x', '1');
  simulation.advance(200);
  return simulation;
}

function readEvents(simulation: Simulation, type: string) {
  return simulation.events({ topics: ['CLNT'] }).filter((event) => event.type === type);
}

describe('ReadIndex', () => {
  it('confirms the leadership with a round a majority echoes, then answers from the state at the read index', () => {
    const simulation = cluster();
    const sent = simulation.read('x');
    expect(sent).toMatchObject({ id: 1, key: 'x', node: 1, state: 'confirming', round: 1, readIndex: 2 });
    // The round goes out at once, stamped on every follower's heartbeat.
    const round = simulation.view().inFlight.filter((item) => item.type === 'MsgApp');
    expect(round.map((item) => item.message.type === 'MsgApp' && item.message.read)).toEqual([1, 1, 1, 1]);
    expect(round[0]!.summary).toMatch(/ round 1$/);
    // What the simulation hands out is a copy: changing it changes nothing inside.
    sent.acks.push(9);
    expect(simulation.clientRead(sent.id)!.acks).toEqual([]);
    simulation.advance(20);
    const read = simulation.clientRead(sent.id)!;
    expect(read).toMatchObject({ state: 'served', value: '1', readIndex: 2, round: 1, byLease: false });
    // Confirmed on the third answer of five: the leader and two followers.
    expect(read.acks).toHaveLength(3);
    expect(read.acks).toContain(1);
    expect(readEvents(simulation, 'read-confirmed')[0]).toMatchObject({ node: 1, id: 1, round: 1, readIndex: 2 });
  });

  it('waits for a majority: two of five echoing is not enough, three is', () => {
    const simulation = cluster();
    simulation.partition([[1, 2], [3, 4, 5]]);
    const sent = simulation.read('x');
    simulation.advance(500);
    expect(simulation.clientRead(sent.id)!.state).toBe('confirming');
    simulation.heal().advance(200);
    expect(simulation.clientRead(sent.id)).toMatchObject({ state: 'served', value: '1' });
  });

  it('a new leader holds reads until it has committed an entry of its own term', () => {
    const simulation = createSimulation({ nodes: 3, seed: 1, raft: { electionTimeoutTicksMin: 2000, electionTimeoutTicksMax: 3000 }, network: { delayTicksMin: 10, delayTicksMax: 10 } });
    simulation.advance(100).campaign(1).advance(25);
    expect(simulation.leader()).toEqual({ id: 1, term: 1 });
    const sent = simulation.read('x');
    expect(sent.state).toBe('awaiting-commit');
    expect(readEvents(simulation, 'read-awaiting-commit')[0]).toMatchObject({ id: 1, committed: 0 });
    simulation.advance(100);
    const started = readEvents(simulation, 'read-round-started')[0]!;
    expect(started).toMatchObject({ id: 1, readIndex: 1 });
    expect(started.tick).toBe(140);
    expect(simulation.clientRead(sent.id)).toMatchObject({ state: 'served', value: null });
  });

  it('a follower refuses and names the leader; with no leader the get goes nowhere', () => {
    const simulation = cluster();
    expect(simulation.read('x', 3)).toMatchObject({ node: 3, state: 'refused', lead: 1 });
    const lonely = createSimulation({ nodes: 3, seed: 1 });
    expect(lonely.read('x')).toMatchObject({ node: null, state: 'refused' });
  });

  it('a lone node is its own majority: the read is answered at once', () => {
    const simulation = createSimulation({ nodes: 1, seed: 1 });
    simulation.advanceUntil((s) => s.leader() !== null, { maxTicks: 2000 });
    simulation.advance(1);
    simulation.put('k', 'v');
    expect(simulation.read('k')).toMatchObject({ state: 'served', value: 'v', round: 1 });
  });

  it('a leader that steps down fails the reads it had not confirmed; a crash fails the reads it held', () => {
    const simulation = cluster();
    simulation.isolate(1);
    const stranded = simulation.read('x');
    simulation.campaign(2).advance(100).rejoin(1).advance(200);
    expect(simulation.clientRead(stranded.id)).toMatchObject({ state: 'failed', failure: 'stepped-down' });
    const leader = simulation.leader()!.id;
    simulation.isolate(leader);
    const held = simulation.read('x', leader);
    simulation.crash(leader);
    expect(simulation.clientRead(held.id)).toMatchObject({ state: 'failed', failure: 'crashed' });
  });

  it('the view and the wire carry the reads, the rounds on messages, and the lease', () => {
    const simulation = cluster({ leaseReads: true });
    simulation.advance(300);
    simulation.read('x');
    const view = simulation.view();
    expect(view.reads).toHaveLength(1);
    expect(view.nodes[0]!.lease).toBeGreaterThan(0);
    expect(view.nodes[1]!.lease).toBeUndefined();
    simulation.read('y');
    // With lease reads every heartbeat is a round: wait for one on the wire.
    simulation.advanceUntil((s) => s.view().inFlight.some((item) => item.type === 'MsgAppResp'), { maxTicks: 200 });
    const busy = simulation.view();
    const decoded = decodeView(encodeView(busy, { selectedMessage: null }));
    expect(decoded.reads).toEqual(busy.reads);
    expect(decoded.nodes).toEqual(busy.nodes);
    expect(decoded.inFlight.map((item) => item.message)).toEqual(busy.inFlight.map((item) => item.message));
    expect(busy.inFlight.some((item) => item.message.type === 'MsgAppResp' && item.message.read !== undefined)).toBe(true);
  });
});

describe('lease reads', () => {
  it('answer without a round while a majority-confirmed lease runs, and fall back to a round once it has run out', () => {
    const simulation = cluster({ leaseReads: true });
    simulation.advance(300);
    const lease = simulation.view().nodes[0]!.lease!;
    // The lease: the minimum election timeout less the drift margin, from when its round began.
    expect(lease).toBeGreaterThan(1000);
    expect(lease).toBeLessThanOrEqual(1800);
    const sent = simulation.read('x');
    expect(sent).toMatchObject({ state: 'served', value: '1', byLease: true, round: null });
    expect(readEvents(simulation, 'read-by-lease')[0]).toMatchObject({ id: 1, readIndex: 2 });
    // Cut off, the leader's heartbeats go unanswered and its lease runs out.
    simulation.isolate(1).advance(1900);
    expect(simulation.view().nodes[0]!.lease).toBe(0);
    expect(simulation.read('x', 1)).toMatchObject({ state: 'confirming', byLease: false });
  });

  it('the leader\'s hover text says how long its lease still runs, in both languages', () => {
    const simulation = cluster({ leaseReads: true });
    simulation.advance(300);
    const leader = simulation.node(1);
    expect(nodeTitle(messagesFor('en'), leader, null)).toContain(`Lease reads: gets answered without a round for ${leader.lease!.toLocaleString('en')} more ticks`);
    expect(nodeTitle(messagesFor('zh-CN'), leader, null)).toContain('租约读：接下来');
    expect(nodeTitle(messagesFor('en'), simulation.node(2), null)).not.toContain('Lease');
  });

  it('a node that has just started votes for nobody for the minimum election timeout', () => {
    const simulation = cluster({ leaseReads: true });
    simulation.crash(5).restart(5).campaign(4).advance(30);
    const refusal = simulation.events({ topics: ['VOTE'], node: 5 }).find((event) => event.type === 'vote-refused');
    expect(refusal).toMatchObject({ candidate: 4, reason: 'just-started' });
  });

  it('a leader that sends TimeoutNow gives its lease up', () => {
    const simulation = cluster({ leaseReads: true });
    simulation.advance(300);
    expect(simulation.view().nodes[0]!.lease).toBeGreaterThan(0);
    simulation.isolate(2).transferLeadership(3);
    expect(simulation.view().nodes[0]!.lease).toBe(0);
    expect(simulation.read('x', 1)).toMatchObject({ state: 'confirming', byLease: false });
  });

  it('turns leader stickiness on by itself: a follower in a lease ignores a candidate, without CheckQuorum', () => {
    const simulation = cluster({ leaseReads: true, checkQuorum: false });
    simulation.campaign(4).advance(30);
    const refused = simulation.events({ topics: ['VOTE'] }).filter((event) => event.type === 'vote-refused');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((event) => event.type === 'vote-refused' && event.reason === 'leader-known')).toBe(true);
    expect(simulation.leader()).toEqual({ id: 1, term: 1 });
  });
});

describe('fuzzing with reads', () => {
  it('gets mixed into the faults are answered linearizably (ReadIndex, then lease reads with transfers)', () => {
    let reads = 0;
    for (let seed = 1; seed <= 40; seed += 1) {
      const result = fuzzSeed(seed, { reads: true });
      expect(result.failure, `seed ${seed}`).toBeNull();
      reads += result.reads;
    }
    for (let seed = 1; seed <= 30; seed += 1) {
      const result = fuzzSeed(seed, { reads: true, transfers: true, raft: { leaseReads: true, checkQuorum: true, preVote: true } });
      expect(result.failure, `seed ${seed} with lease reads`).toBeNull();
      reads += result.reads;
    }
    expect(reads).toBeGreaterThan(500);
  });

  it('answered gets join the history, and a stale answer makes it fail the check', () => {
    const simulation = cluster();
    const recorder = new HistoryRecorder();
    simulation.read('x');
    simulation.advance(50);
    simulation.put('x', '2');
    simulation.advance(100);
    simulation.read('x');
    simulation.advance(50);
    recorder.drain(simulation);
    const history = recorder.history(simulation);
    const gets = history.filter((entry) => entry.operation.kind === 'get');
    expect(gets.slice(0, 2).map((entry) => entry.operation)).toEqual([
      { kind: 'get', key: 'x', value: '1' },
      { kind: 'get', key: 'x', value: '2' },
    ]);
    expect(recorder.reads).toBe(2);
    expect(checkLinearizable(history).ok).toBe(true);
    // The same history with the second get answering the old value, after x=2 was acknowledged.
    const stale = history.map((entry) => (entry.id === gets[1]!.id ? { ...entry, operation: { kind: 'get' as const, key: 'x', value: '1' } } : entry));
    expect(checkLinearizable(stale).ok).toBe(false);
  });
});

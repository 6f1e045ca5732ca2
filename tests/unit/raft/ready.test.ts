/**
 * The node's contract with whatever runs it (src/core/raft/ready.ts and timers.ts): ready() hands
 * over exactly what the node needs written, sent and applied, advance() acknowledges it, and time
 * moves only through tick() or skipTicks(), with ticksUntilTimer() saying when a timer fires.
 * Nothing here goes through the simulator: the tests play its part by hand, as etcd's
 * rawnode_test.go does for RawNode.
 */
import { describe, expect, it } from 'vitest';
import { lastIndex } from '../../../src/core/raft/log.ts';
import type { RaftNode } from '../../../src/core/raft/node.ts';
import { advance, compactionDue, compactLog, hasReady, ready } from '../../../src/core/raft/ready.ts';
import { step } from '../../../src/core/raft/step.ts';
import { skipTicks, tick, ticksUntilTimer } from '../../../src/core/raft/timers.ts';
import { app, appResp, becomeLeader, entriesOfTerms, makeNode, snap, voteResp } from './helpers.ts';

/** Takes the node's Ready and acknowledges it at once, as a host that wrote, sent and applied it. */
function drain(node: RaftNode): ReturnType<typeof ready> {
  const rd = ready(node);
  const copy = { ...rd, events: [...rd.events], messages: [...rd.messages] };
  advance(node, rd);
  return copy;
}

describe('Ready / Advance', () => {
  it('a node rebuilt from its disk has nothing to hand over', () => {
    const node = makeNode({ term: 3, vote: 2, logTerms: [1, 2, 3] });
    expect(hasReady(node)).toBe(false);
    const rd = ready(node);
    expect(rd).toMatchObject({ hardState: null, snapshot: null, entries: [], messages: [], committedEntries: [], events: [] });
  });

  it('a campaign asks for its new term and self-vote to be written before the vote requests go out', () => {
    const node = makeNode({ size: 3 });
    step(node, { type: 'MsgHup' });
    expect(hasReady(node)).toBe(true);
    const rd = drain(node);
    expect(rd.hardState).toEqual({ term: 1, vote: 1 });
    expect(rd.messages.map((message) => `${message.type}→${message.to}`)).toEqual(['MsgVote→2', 'MsgVote→3']);
    expect(rd.events.map((event) => event.type)).toEqual(['term-changed', 'became-candidate']);
    expect(node.persisted).toEqual({ term: 1, vote: 1 });
    expect(hasReady(node)).toBe(false);
  });

  it('hands the hard state over only when it changed', () => {
    const node = makeNode({ size: 3 });
    step(node, { type: 'MsgHup' });
    drain(node);
    // A refused vote changes neither term nor vote.
    step(node, voteResp({ from: 2, to: 1, term: 1, granted: false }));
    expect(drain(node).hardState).toBeNull();
  });

  it('a new leader asks for its no-op to be written, then for it to be applied once a majority holds it', () => {
    const node = makeNode({ size: 3 });
    becomeLeader(node);
    const written = drain(node);
    expect(written.entries.map((entry) => [entry.index, entry.term, entry.command.type])).toEqual([[1, 1, 'noop']]);
    expect(node.log.stabled).toBe(1);
    expect(written.committedEntries).toEqual([]);
    step(node, appResp({ from: 2, to: 1, term: 1, matchIndex: 1 }));
    const committed = drain(node);
    expect(committed.committedEntries.map((entry) => entry.index)).toEqual([1]);
    expect(node.log.applied).toBe(1);
    expect(committed.events.map((event) => event.type)).toContain('commit-advanced');
  });

  it('a follower that drops a conflicting suffix writes the leader entries from the conflict on (§5.3)', () => {
    const node = makeNode({ id: 2, term: 2, logTerms: [1, 1, 1] });
    step(node, app({ from: 1, to: 2, term: 3, prevLogIndex: 1, prevLogTerm: 1, entries: entriesOfTerms([3], 2) }));
    const rd = drain(node);
    expect(rd.entries.map((entry) => [entry.index, entry.term])).toEqual([[2, 3]]);
    expect(rd.events.map((event) => event.type)).toContain('entries-truncated');
    expect(node.log.stabled).toBe(2);
    expect(lastIndex(node.log)).toBe(2);
  });

  it('an installed snapshot is handed over once, with the commit it brings', () => {
    const node = makeNode({ id: 2, term: 1, logTerms: [1] });
    const snapshot = { index: 5, term: 1, data: [['x', '1']] as [string, string][] };
    step(node, snap({ from: 1, to: 2, term: 1, snapshot }));
    const rd = drain(node);
    expect(rd.snapshot).toBe(snapshot);
    expect(rd.committedEntries).toEqual([]);
    expect(node.snapshotToInstall).toBeNull();
    expect(node.log.applied).toBe(5);
    expect(ready(node).snapshot).toBeNull();
  });

  it('advance() empties the node buffers in place and refuses a Ready that does not match the log', () => {
    const node = makeNode({ size: 3 });
    step(node, { type: 'MsgHup' });
    const outbox = node.outbox;
    advance(node, ready(node));
    expect(node.outbox).toBe(outbox);
    expect(outbox).toEqual([]);
    const leader = makeNode({ size: 3 });
    becomeLeader(leader);
    const stale = ready(leader);
    leader.log.entries.push({ index: 2, term: 1, command: { type: 'noop' } });
    expect(() => advance(leader, stale)).toThrow(/wrote through 1 but the log ends at 2/);
  });

  it('compacts applied entries only, when enough piled up', () => {
    const node = makeNode({ size: 1, config: { snapshotThresholdEntries: 2 } });
    becomeLeader(node);
    drain(node);
    expect(compactionDue(node)).toBe(false);
    step(node, { type: 'MsgProp', commands: [{ type: 'put', key: 'a', value: '1' }] });
    drain(node);
    expect(node.log.applied).toBe(2);
    expect(compactionDue(node)).toBe(true);
    expect(compactLog(node, { index: 2, term: 1, data: [['a', '1']] })).toBe(2);
    expect(node.log.snapshot.index).toBe(2);
    expect(() => compactLog(node, { index: 2, term: 9, data: [] })).toThrow(/disagrees/);
  });
});

describe('node timers', () => {
  it('ticksUntilTimer counts the tick on which the election timer fires', () => {
    const node = makeNode({ size: 3 });
    const left = ticksUntilTimer(node);
    expect(left).toBe(node.electionTimeout);
    for (let i = 1; i < left; i += 1) {
      tick(node);
      expect(node.role).toBe('follower');
    }
    expect(ticksUntilTimer(node)).toBe(1);
    tick(node);
    expect(node.role).toBe('candidate');
  });

  it('skipping n quiet ticks leaves the node exactly as n ticks would', () => {
    for (const role of ['follower', 'leader'] as const) {
      const ticked = makeNode({ size: 3, seed: 4 });
      const skipped = makeNode({ size: 3, seed: 4 });
      if (role === 'leader') {
        becomeLeader(ticked);
        becomeLeader(skipped);
      }
      const n = ticksUntilTimer(ticked) - 1;
      for (let i = 0; i < n; i += 1) tick(ticked);
      skipTicks(skipped, n);
      expect(JSON.stringify(skipped), role).toBe(JSON.stringify(ticked));
    }
  });

  it('refuses to skip over a timer firing', () => {
    const node = makeNode({ size: 3 });
    expect(() => skipTicks(node, ticksUntilTimer(node))).toThrow(/cannot skip/);
    const leader = makeNode({ size: 3 });
    becomeLeader(leader);
    expect(ticksUntilTimer(leader)).toBe(leader.config.heartbeatIntervalTicks);
    expect(() => skipTicks(leader, leader.config.heartbeatIntervalTicks)).toThrow(/cannot skip/);
  });
});

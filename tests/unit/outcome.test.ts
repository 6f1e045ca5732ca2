/** The outcome helpers (src/ui/outcome.ts) and the question before acting in the past. */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/index.ts';
import { discardText } from '../../src/ui/components/ActConfirm.tsx';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { createSimulation } from '../../src/core/index.ts';
import { actionNode, defaultSource, describeNetwork, outcomeTone } from '../../src/ui/outcome.ts';

describe('outcomes', () => {
  it('each action type has the one place that offers it', () => {
    const cases: [Action, string][] = [
      [{ type: 'crash', node: 1 }, 'inspector'],
      [{ type: 'rejoin', node: 1 }, 'inspector'],
      [{ type: 'propose', node: 'leader', command: { type: 'noop' } }, 'client'],
      [{ type: 'configure-workload', workload: {} }, 'load'],
      [{ type: 'configure-network', network: {} }, 'network'],
      [{ type: 'cut-link', from: 1, to: 2, bothWays: true }, 'faults'],
      [{ type: 'heal' }, 'faults'],
    ];
    for (const [action, source] of cases) expect(defaultSource(action), action.type).toBe(source);
    expect(actionNode({ type: 'isolate', node: 4 })).toBe(4);
    expect(actionNode({ type: 'heal' })).toBeNull();
  });

  it('words the network in the form’s units', () => {
    expect(describeNetwork(messagesFor('en'), { delayTicksMin: 5, delayTicksMax: 40, dropRatio: 0.125, duplicateRatio: 0.001, reorderRatio: 1 })).toBe(
      'latency 5-40 ticks, loss 12.5%, duplicates 0.1%, reorder 100%',
    );
  });

  it('a rejected action is an error, an accepted one a success unless no leader took the proposal', () => {
    expect(outcomeTone({ ok: false, summary: 'no', field: null })).toBe('error');
    expect(outcomeTone({ ok: true, summary: 'yes', proposal: null })).toBe('success');
    expect(outcomeTone({ ok: true, summary: 'refused', proposal: { node: 2, index: -1, term: 3, isLeader: false, leaderHint: 1 } })).toBe('warning');
  });

  it('a get a follower refused is a warning, one a leader took a success, each worded', () => {
    const simulation = createSimulation({ nodes: 3, seed: 1, raft: { electionTimeoutTicksMin: 2000, electionTimeoutTicksMax: 3000 }, network: { delayTicksMin: 10, delayTicksMax: 10 } });
    simulation.advance(100).campaign(1).advance(100);
    const refused = simulation.read('x', 2);
    const taken = simulation.read('x');
    expect(outcomeTone({ ok: true, summary: '', proposal: null, facts: { read: refused } })).toBe('warning');
    expect(outcomeTone({ ok: true, summary: '', proposal: null, facts: { read: taken } })).toBe('success');
    const m = messagesFor('en');
    expect(m.actions.outcome.getRefused(2, 'x', 1)).toBe('Node 2 is not leader: it refused the get of x, leader is node 1');
    expect(m.actions.outcome.getSent(1, 'x', taken.id)).toBe('Get of x sent to node 1 as read 2: it is answered once the leader confirms it still leads (see Reads)');
    expect(defaultSource({ type: 'get', node: 'leader', key: 'x' })).toBe('client');
  });
});

describe('the question before acting in the past', () => {
  it('names the ticks it discards, with thousands separators', () => {
    expect(discardText(messagesFor('en'), 999, 2_966)).toBe('This discards ticks 1,000–2,966.');
    expect(discardText(messagesFor('en'), 2_965, 2_966)).toBe('This discards tick 2,966.');
    expect(discardText(messagesFor('en'), 2_966, 2_966)).toBe('This is the end of the run now: nothing is discarded.');
  });
});

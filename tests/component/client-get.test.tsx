/**
 * The client panel's "Get" (ReadIndex and lease reads), rendered from real views: it sends a get
 * of the key to the chosen node or to the leader, refuses an empty key in words, and the Reads
 * list shows each get's confirmation round, who echoed it and its answer, newest first; the same
 * in Chinese. The settings' "Lease reads" checkbox starts a run with lease reads on.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../../src/core/index.ts';
import { ClientPanel } from '../../src/ui/components/ClientPanel.tsx';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { readLine } from '../../src/ui/read-line.ts';
import { withStore } from '../support/with-store.tsx';

function withReads() {
  const simulation = createSimulation({ nodes: 5, seed: 1, raft: { electionTimeoutTicksMin: 2000, electionTimeoutTicksMax: 3000 }, network: { delayTicksMin: 10, delayTicksMax: 10 } });
  simulation.advance(100).campaign(1).advance(100);
  simulation.put('x', '1');
  simulation.advance(200);
  return simulation;
}

describe('ClientPanel: Get', () => {
  it('sends a get of the key to the chosen target; an empty key is refused in words', async () => {
    const onSubmit = vi.fn();
    render(<ClientPanel nodeIds={[1, 2, 3]} onSubmit={onSubmit} outcome={null} />, withStore());
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Get' }));
    expect(onSubmit).toHaveBeenLastCalledWith({ type: 'get', node: 'leader', key: 'x' });
    await user.selectOptions(screen.getByLabelText('Send to'), '2');
    await user.clear(screen.getByLabelText('Key'));
    await user.type(screen.getByLabelText('Key'), ' y ');
    await user.click(screen.getByRole('button', { name: 'Get' }));
    expect(onSubmit).toHaveBeenLastCalledWith({ type: 'get', node: 2, key: 'y' });
    await user.clear(screen.getByLabelText('Key'));
    await user.click(screen.getByRole('button', { name: 'Get' }));
    expect(onSubmit).toHaveBeenCalledTimes(2);
    expect(screen.getByText('Enter a key.')).toBeInTheDocument();
  });

  it('lists the gets newest first, each with its round, who confirmed it and its answer', () => {
    const simulation = withReads();
    simulation.read('x');
    simulation.advance(30);
    simulation.read('x', 3);
    simulation.isolate(1);
    simulation.read('x');
    render(<ClientPanel nodeIds={[1, 2, 3, 4, 5]} onSubmit={vi.fn()} outcome={null} reads={simulation.view().reads} />, withStore());
    const items = within(screen.getByRole('list', { name: 'Reads' })).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      'Read 3: get x at node 1 · round 2 out to confirm the leadership (read index 2)',
      'Read 2: get x at node 3 · refused, not the leader (node 1 leads)',
      expect.stringMatching(/^Read 1: get x at node 1 · round 1 confirmed by nodes 1, \d and \d → x = "1"$/),
    ]);
  });

  it('a lease read says so; with no leader the get went nowhere', () => {
    const simulation = createSimulation({ nodes: 3, seed: 1, raft: { leaseReads: true, electionTimeoutTicksMin: 2000, electionTimeoutTicksMax: 3000 }, network: { delayTicksMin: 10, delayTicksMax: 10 } });
    const nowhere = simulation.read('x');
    simulation.advance(100).campaign(1).advance(400);
    const byLease = simulation.read('x');
    const m = messagesFor('en');
    expect(readLine(m, nowhere)).toBe('Read 1: get x · not sent, no leader');
    expect(readLine(m, byLease)).toBe('Read 2: get x at node 1 · by lease, no round → x is not set');
  });

  it('speaks Chinese', () => {
    const simulation = withReads();
    simulation.read('x');
    simulation.advance(30);
    const m = messagesFor('zh-CN');
    expect(readLine(m, simulation.view().reads[0]!)).toMatch(/^读请求 1：get x，发往节点 1 · 第 1 轮由节点 1、\d 和 \d 确认 → x = "1"$/);
  });
});

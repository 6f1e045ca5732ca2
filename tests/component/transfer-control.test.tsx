/**
 * The inspector's "Transfer leadership" (thesis §3.10), rendered from real views: offered on a
 * running follower while a leader is in office, disabled with its reason while none is, absent on
 * the leader itself; the transfer under way shown on the leader (to whom, how long until it gives
 * up) and on its target; and the same in Chinese.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../../src/core/index.ts';
import { NodeInspector } from '../../src/ui/components/NodeInspector.tsx';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';

const callbacks = () => ({ onCrash: vi.fn(), onRestart: vi.fn(), onIsolate: vi.fn(), onRejoin: vi.fn(), onTransferLeadership: vi.fn() });

function withLeader() {
  const simulation = createSimulation({ nodes: 3, seed: 1, raft: { electionTimeoutTicksMin: 2000, electionTimeoutTicksMax: 3000 }, network: { delayTicksMin: 10, delayTicksMax: 10 } });
  return simulation.advance(100).campaign(1).advance(100);
}

describe('NodeInspector: Transfer leadership', () => {
  it('a follower offers it while a leader is in office; clicking asks for this node', async () => {
    const simulation = withLeader();
    const spies = callbacks();
    render(<NodeInspector node={simulation.node(3)} view={simulation.view()} {...spies} />);
    const button = screen.getByRole('button', { name: 'Transfer leadership' });
    expect(button).toBeEnabled();
    expect(button).toHaveAttribute('title', expect.stringContaining('Node 1, the leader'));
    await userEvent.setup().click(button);
    expect(spies.onTransferLeadership).toHaveBeenCalledWith(3);
  });

  it('the leader and a crashed node do not offer it; with no leader it is disabled and says why', () => {
    const simulation = withLeader();
    const { rerender } = render(<NodeInspector node={simulation.node(1)} view={simulation.view()} {...callbacks()} />);
    expect(screen.queryByRole('button', { name: 'Transfer leadership' })).toBeNull();
    simulation.crash(2);
    rerender(<NodeInspector node={simulation.node(2)} view={simulation.view()} {...callbacks()} />);
    expect(screen.queryByRole('button', { name: 'Transfer leadership' })).toBeNull();
    simulation.crash(1);
    rerender(<NodeInspector node={simulation.node(3)} view={simulation.view()} {...callbacks()} />);
    const button = screen.getByRole('button', { name: 'Transfer leadership' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('title', 'There is no leader to hand over from right now');
  });

  it('shows the transfer under way on the leader and on its target, not on the others', () => {
    const simulation = withLeader();
    simulation.isolate(3).transferLeadership(3).advance(40);
    const { rerender } = render(<NodeInspector node={simulation.node(1)} view={simulation.view()} {...callbacks()} />);
    expect(screen.getByText('Handing leadership to node 3: no proposals until it takes over; gives up in 2,960 ticks')).toHaveClass('inspector-note');
    rerender(<NodeInspector node={simulation.node(3)} view={simulation.view()} {...callbacks()} />);
    expect(screen.getByText('Node 1, the leader, is handing its leadership to this node')).toHaveClass('inspector-note');
    const { container } = render(<NodeInspector node={simulation.node(2)} view={simulation.view()} {...callbacks()} />);
    expect(container.querySelector('.inspector-note')).toBeNull();
  });

  it('speaks Chinese', () => {
    const simulation = withLeader();
    simulation.isolate(3).transferLeadership(3);
    const m = messagesFor('zh-CN');
    const { rerender } = render(<NodeInspector m={m} node={simulation.node(2)} view={simulation.view()} {...callbacks()} />);
    expect(screen.getByRole('button', { name: '移交领导权' })).toBeEnabled();
    rerender(<NodeInspector m={m} node={simulation.node(1)} view={simulation.view()} {...callbacks()} />);
    expect(screen.getByText(/^正在把领导权移交给节点 3：/)).toHaveClass('inspector-note');
  });
});

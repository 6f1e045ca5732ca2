/**
 * The per-node controls and the node pickers, rendered from real views: Crash / Restart and
 * Isolate / Rejoin by the node's state; the client's "Send to" and the fault panel's link ends
 * falling back to a node the run has after a restart with fewer nodes; and the outcome line,
 * which says ✓ only for a success and goes away after a few seconds.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../../src/core/index.ts';
import type { FromWorker, ToWorker } from '../../src/protocol/worker-protocol.ts';
import { ClientPanel } from '../../src/ui/components/ClientPanel.tsx';
import { FaultPanel } from '../../src/ui/components/FaultPanel.tsx';
import { NodeInspector } from '../../src/ui/components/NodeInspector.tsx';
import { OutcomeStatus } from '../../src/ui/components/OutcomeStatus.tsx';
import { useShownOutcome } from '../../src/ui/hooks/use-shown-outcome.ts';
import { outcomeShownMs } from '../../src/ui/outcome.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import type { SimPort } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { withStore } from '../support/with-store.tsx';

afterEach(() => {
  vi.useRealTimers();
});

describe('NodeInspector: Crash or Restart, Isolate or Rejoin', () => {
  const callbacks = () => ({ onCrash: vi.fn(), onRestart: vi.fn(), onIsolate: vi.fn(), onRejoin: vi.fn() });
  const buttons = () => screen.getAllByRole('button').map((button) => button.textContent);

  it('a running, connected node offers Crash and Isolate; an isolated one Rejoin', async () => {
    const simulation = createSimulation({ nodes: 3, seed: 4 });
    const spies = callbacks();
    const { rerender } = render(<NodeInspector node={simulation.node(2)} view={simulation.view()} {...spies} />);
    expect(buttons()).toEqual(['Crash', 'Isolate']);

    simulation.isolate(2);
    rerender(<NodeInspector node={simulation.node(2)} view={simulation.view()} {...spies} />);
    expect(buttons()).toEqual(['Crash', 'Rejoin']);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Rejoin' }));
    expect(spies.onRejoin).toHaveBeenCalledWith(2);
    expect(spies.onIsolate).not.toHaveBeenCalled();
  });

  it('a crashed node offers Restart, next to Rejoin when it is also isolated', () => {
    const simulation = createSimulation({ nodes: 3, seed: 4 });
    simulation.crash(3);
    const { rerender } = render(<NodeInspector node={simulation.node(3)} view={simulation.view()} {...callbacks()} />);
    expect(buttons()).toEqual(['Restart', 'Isolate']);
    simulation.isolate(3);
    rerender(<NodeInspector node={simulation.node(3)} view={simulation.view()} {...callbacks()} />);
    expect(buttons()).toEqual(['Restart', 'Rejoin']);
  });

  it('a node split off with others is not isolated: Isolate still', () => {
    const simulation = createSimulation({ nodes: 5, seed: 4 });
    simulation.partition([[1, 2], [3, 4, 5]]);
    render(<NodeInspector node={simulation.node(1)} view={simulation.view()} {...callbacks()} />);
    expect(buttons()).toEqual(['Crash', 'Isolate']);
  });
});

describe('node pickers after a restart with fewer nodes', () => {
  it('"Send to" falls back to the leader when its node is gone', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<ClientPanel nodeIds={[1, 2, 3, 4, 5]} onSubmit={onSubmit} outcome={null} />, withStore());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Send to' }), 'Node 5');
    rerender(<ClientPanel nodeIds={[1, 2, 3]} onSubmit={onSubmit} outcome={null} />);
    expect(screen.getByRole('combobox', { name: 'Send to' })).toHaveValue('leader');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(onSubmit).toHaveBeenLastCalledWith({ type: 'propose', node: 'leader', command: { type: 'put', key: 'x', value: '1' } });
  });

  it("the link's From and To fall back to nodes the run has, two different ones", async () => {
    const onAct = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<FaultPanel nodeIds={[1, 2, 3, 4, 5]} onAct={onAct} />, withStore());
    await user.selectOptions(screen.getByRole('combobox', { name: 'From' }), 'Node 5');
    await user.selectOptions(screen.getByRole('combobox', { name: 'To' }), 'Node 4');
    rerender(<FaultPanel nodeIds={[1, 2, 3]} onAct={onAct} />);
    expect(screen.getByRole('combobox', { name: 'From' })).toHaveValue('1');
    expect(screen.getByRole('combobox', { name: 'To' })).toHaveValue('2');
    await user.click(screen.getByRole('button', { name: 'Cut link' }));
    expect(onAct).toHaveBeenLastCalledWith({ type: 'cut-link', from: 1, to: 2, bothWays: true });
  });

  it('a choice the run still has is kept', async () => {
    const onAct = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<FaultPanel nodeIds={[1, 2, 3, 4, 5]} onAct={onAct} />, withStore());
    await user.selectOptions(screen.getByRole('combobox', { name: 'From' }), 'Node 3');
    await user.selectOptions(screen.getByRole('combobox', { name: 'To' }), 'Node 5');
    rerender(<FaultPanel nodeIds={[1, 2, 3]} onAct={onAct} />);
    expect(screen.getByRole('combobox', { name: 'From' })).toHaveValue('3');
    expect(screen.getByRole('combobox', { name: 'To' })).toHaveValue('1');
  });
});

describe('the outcome line', () => {
  it('marks a success ✓, a refusal ⚠ and a rejected action ✗', () => {
    const { rerender } = render(<OutcomeStatus outcome={{ ok: true, summary: 'Node 1 crashed', tone: 'success' }} />);
    expect(screen.getByRole('status')).toHaveTextContent('✓ Node 1 crashed');
    rerender(<OutcomeStatus outcome={{ ok: true, summary: 'Node 1 is a follower: not leader', tone: 'warning' }} />);
    expect(screen.getByRole('status')).toHaveTextContent('⚠ Node 1 is a follower: not leader');
    rerender(<OutcomeStatus outcome={{ ok: false, summary: 'node must be a running node' }} />);
    expect(screen.getByRole('status')).toHaveTextContent('✗ node must be a running node');
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite');
  });

  it('goes away after a few seconds', () => {
    vi.useFakeTimers();
    let listener: ((message: FromWorker) => void) | null = null;
    const port: SimPort = {
      post: (_message: ToWorker) => {},
      subscribe: (next) => {
        listener = next;
        return () => {};
      },
    };
    const store = makeAppStore(port);
    function FaultOutcome() {
      return <OutcomeStatus outcome={useShownOutcome('faults')} />;
    }
    render(
      <AppStoreProvider store={store}>
        <FaultOutcome />
      </AppStoreProvider>,
    );
    act(() => {
      store.getState().act({ type: 'heal' });
      listener?.({ type: 'action-result', id: 1, result: { ok: true, summary: 'Network healed: every node can reach every other', proposal: null } });
    });
    expect(screen.getByRole('status')).toHaveTextContent('✓ Network healed');
    act(() => {
      vi.advanceTimersByTime(outcomeShownMs - 100);
    });
    expect(screen.getByRole('status')).toHaveTextContent('✓ Network healed');
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(screen.getByRole('status')).toHaveTextContent('');
  });
});

describe('NodeInspector: Remove node, the configuration, and a removed node', () => {
  it('offers Remove node, shows the configuration the node uses, and after the removal only what its disk kept', async () => {
    const simulation = createSimulation({ nodes: 3, seed: 4 });
    expect(simulation.advanceUntil((s) => s.leader() !== null && s.node(s.leader()!.id).log.committed > 0, { maxTicks: 5_000 })).toBe(true);
    const leader = simulation.leader()!.id;
    const follower = leader === 2 ? 3 : 2;
    const others = [1, 2, 3].filter((id) => id !== follower).join(', ');
    const onRemove = vi.fn();
    const spies = { onCrash: vi.fn(), onRestart: vi.fn(), onIsolate: vi.fn(), onRejoin: vi.fn(), onRemove };
    const { rerender } = render(<NodeInspector node={simulation.node(follower)} view={simulation.view()} {...spies} />);
    const remove = screen.getByRole('button', { name: 'Remove node' });
    expect(remove).toHaveAttribute('title', expect.stringContaining('appends a configuration without this node'));
    expect(screen.getByText('configuration').nextSibling).toHaveTextContent('voters {1, 2, 3} (the initial one)');
    await userEvent.setup().click(remove);
    expect(onRemove).toHaveBeenCalledWith(follower);

    simulation.removeNode(follower);
    expect(simulation.advanceUntil((s) => s.isRemoved(follower), { maxTicks: 2_000 })).toBe(true);
    rerender(<NodeInspector node={simulation.node(follower)} view={simulation.view()} {...spies} />);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByText(/^removed at tick \d+$/)).toBeInTheDocument();
    expect(screen.getByText(/This node left the cluster/)).toBeInTheDocument();
    rerender(<NodeInspector node={simulation.node(leader)} view={simulation.view()} {...spies} />);
    expect(screen.getByText('configuration').nextSibling).toHaveTextContent(new RegExp(`^voters \\{${others}\\} \\(entry \\d+\\)$`));
  });
});

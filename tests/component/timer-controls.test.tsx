/**
 * Election timers on screen: the inspector shows the ticks left and offers Time out now and Set
 * timer to a follower or candidate (not to a leader, which has no election timer); the Election
 * timers panel aligns the chosen nodes or spreads one, on the real worker, and says when they
 * fire. Aligning all five nodes makes all five candidates of term 1 on one tick.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../../src/core/index.ts';
import { ActionsPanel } from '../../src/ui/components/ActionsPanel.tsx';
import { NodeInspector } from '../../src/ui/components/NodeInspector.tsx';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

describe('the inspector’s timer', () => {
  const callbacks = () => ({ onCrash: vi.fn(), onRestart: vi.fn(), onIsolate: vi.fn(), onRejoin: vi.fn(), onTimeoutNow: vi.fn(), onSetTimer: vi.fn() });

  it('a follower: the ticks left, Time out now, and Set timer once the field holds a whole number of ticks', async () => {
    const simulation = createSimulation({ nodes: 3, seed: 4 });
    simulation.advance(100);
    const node = simulation.node(2);
    const spies = callbacks();
    const user = userEvent.setup();
    render(<NodeInspector node={node} view={simulation.view()} {...spies} />);
    const timers = screen.getByRole('region', { name: 'Timers' });
    expect(timers).toHaveTextContent(`fires in ${node.electionTimeout - node.electionElapsed} ticks`);
    await user.click(within(timers).getByRole('button', { name: 'Time out now' }));
    expect(spies.onTimeoutNow).toHaveBeenCalledWith(2);
    const set = within(timers).getByRole('button', { name: 'Set timer' });
    expect(set).toBeDisabled();
    const field = within(timers).getByLabelText('Ticks left');
    await user.type(field, '0');
    expect(set).toBeDisabled();
    await user.clear(field);
    await user.type(field, '40');
    await user.click(set);
    expect(spies.onSetTimer).toHaveBeenCalledWith(2, 40);
  });

  it('a leader has only its heartbeat: no election timer to fire or set', () => {
    const simulation = createSimulation({ nodes: 3, seed: 4 });
    simulation.campaign(1);
    simulation.advance(100);
    render(<NodeInspector node={simulation.node(1)} view={simulation.view()} {...callbacks()} />);
    const timers = screen.getByRole('region', { name: 'Timers' });
    expect(within(timers).queryByRole('button', { name: 'Time out now' })).toBeNull();
    expect(within(timers).queryByRole('button', { name: 'Set timer' })).toBeNull();
  });
});

describe('the Election timers panel, on the real worker', () => {
  function renderPanel() {
    const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: { nodes: 5, seed: 3 } });
    render(
      <AppStoreProvider store={store}>
        <ActionsPanel />
      </AppStoreProvider>,
    );
    return { store, user: userEvent.setup() };
  }

  it('Align timers with every node: all five stand for term 1 on one tick (a split vote)', async () => {
    const { store, user } = renderPanel();
    await settle();
    act(() => store.getState().step(20));
    await settle();
    const panel = screen.getByRole('region', { name: 'Election timers' });
    for (const id of [3, 4, 5]) await user.click(within(panel).getByRole('checkbox', { name: `Node ${id}` }));
    await user.click(within(panel).getByRole('button', { name: 'Align timers' }));
    await settle();
    const outcome = within(panel).getByRole('status');
    expect(outcome).toHaveTextContent(/^✓ Nodes 1, 2, 3, 4 and 5 time out together at tick (\d+)$/);
    const at = Number(/tick (\d+)$/.exec(outcome.textContent ?? '')![1]);
    act(() => store.getState().step(at - 20));
    await settle();
    const nodes = store.getState().view!.nodes;
    expect(nodes.map((node) => [node.role, node.term])).toEqual(Array.from({ length: 5 }, () => ['candidate', 1]));
  });

  it('Align timers needs two nodes; Spread timers names the first and when the others may follow', async () => {
    const { user } = renderPanel();
    await settle();
    const panel = screen.getByRole('region', { name: 'Election timers' });
    await user.click(within(panel).getByRole('checkbox', { name: 'Node 2' }));
    expect(within(panel).getByRole('button', { name: 'Align timers' })).toBeDisabled();
    await user.selectOptions(within(panel).getByLabelText('First to time out'), '4');
    await user.click(within(panel).getByRole('button', { name: 'Spread timers' }));
    await settle();
    expect(within(panel).getByRole('status')).toHaveTextContent(/^✓ Node 4 times out first, at tick \d+; the others not before tick \d+$/);
  });
});

/** Restarting from the settings form in the whole app: the form follows the run now running. */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/components/App.tsx';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

const nodesField = () => screen.getByRole<HTMLInputElement>('spinbutton', { name: /^Nodes \(1 to \d+\)$/ });

async function restartWith(user: ReturnType<typeof userEvent.setup>, name: string | RegExp, value: string): Promise<void> {
  const field = typeof name === 'string' ? screen.getByRole('spinbutton', { name }) : nodesField();
  await user.clear(field);
  await user.type(field, value);
  await user.click(screen.getByRole('button', { name: 'Restart with these settings' }));
  await user.click(screen.getByRole('button', { name: 'Discard and restart' }));
  await settle();
}

/** The whole app on the real worker logic, at tick 0 of a run of `nodes` nodes. */
async function renderApp(nodes: number) {
  const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: { nodes, seed: 1 } });
  render(
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>,
  );
  await settle();
  return { store, user: userEvent.setup() };
}

describe('settings after a restart', () => {
  it('shows the new run, and a later change of election max alone keeps its 3 nodes', async () => {
    const { store, user } = await renderApp(5);
    await restartWith(user, /^Nodes/, '3');
    expect(store.getState().view?.nodes).toHaveLength(3);
    expect(nodesField()).toHaveValue(3);

    await restartWith(user, 'Election timeout max (ticks)', '900');
    expect(store.getState().view?.nodes).toHaveLength(3);
    expect(store.getState().view?.raft.electionTimeoutTicksMax).toBe(900);
    expect(screen.getByRole('spinbutton', { name: 'Election timeout max (ticks)' })).toHaveValue(900);
  });

  it('PreVote, CheckQuorum, Lease reads and an unsafe switch start a run with them on, and the form shows them after', async () => {
    const { store, user } = await renderApp(3);
    const settings = screen.getByRole('region', { name: 'Settings' });
    await user.click(within(settings).getByRole('checkbox', { name: 'CheckQuorum' }));
    await user.click(within(settings).getByRole('checkbox', { name: 'PreVote' }));
    await user.click(within(settings).getByRole('checkbox', { name: 'Lease reads' }));
    await user.click(within(settings).getByRole('checkbox', { name: 'Unsafe: forget votedFor on restart' }));
    await user.click(screen.getByRole('button', { name: 'Restart with these settings' }));
    await user.click(screen.getByRole('button', { name: 'Discard and restart' }));
    await settle();
    expect(store.getState().view?.raft).toMatchObject({ checkQuorum: true, preVote: true, leaseReads: true, unsafeForgetVote: true, unsafeCommitByCounting: false });
    // The form is built afresh for the new run.
    const after = screen.getByRole('region', { name: 'Settings' });
    expect(within(after).getByRole('checkbox', { name: 'CheckQuorum' })).toBeChecked();
    expect(within(after).getByRole('checkbox', { name: 'PreVote' })).toBeChecked();
    expect(within(after).getByRole('checkbox', { name: 'Lease reads' })).toBeChecked();
    expect(within(after).getByRole('checkbox', { name: 'Unsafe: forget votedFor on restart' })).toBeChecked();
    expect(screen.getByText('Unsafe Raft: 1 rule removed')).toBeInTheDocument();
  });
});

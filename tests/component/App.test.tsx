/**
 * The whole app in jsdom, driven through the in-process port (the worker's logic without a
 * Worker): it starts, shows the cluster, and the controls reach the simulation.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/components/App.tsx';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

function renderApp() {
  const store = makeAppStore(createInProcessPort(createWorkerLogic));
  render(
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>,
  );
  return store;
}

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}

describe('App', () => {
  it('starts a five-node cluster at tick 0 with the playback controls', async () => {
    renderApp();
    await settle();
    expect(screen.getByRole('heading', { name: 'Raftlab' })).toBeInTheDocument();
    expect(screen.getByLabelText('Current tick')).toHaveTextContent('0');
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'Timeline' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'Speed' })).toBeInTheDocument();
    const cluster = screen.getByRole('group', { name: 'Cluster' });
    expect(within(cluster).getAllByRole('button', { name: /^Node \d, follower, term 0$/ })).toHaveLength(5);
  });

  it('Step advances one tick, Step back returns, and the next event moves time forward', async () => {
    renderApp();
    await settle();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Step' }));
    await settle();
    expect(screen.getByLabelText('Current tick')).toHaveTextContent('1');
    await user.click(screen.getByRole('button', { name: 'Step back' }));
    await settle();
    expect(screen.getByLabelText('Current tick')).toHaveTextContent('0');
    await user.click(screen.getByRole('button', { name: 'Next event' }));
    await settle();
    expect(Number(screen.getByLabelText('Current tick').textContent)).toBeGreaterThan(0);
  });

  it('the keyboard toggles play and steps', async () => {
    const store = renderApp();
    await settle();
    const user = userEvent.setup();
    await user.keyboard(' ');
    await settle();
    expect(store.getState().timeline.playing).toBe(true);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await user.keyboard(' ');
    await settle();
    expect(store.getState().timeline.playing).toBe(false);
    const before = store.getState().timeline.tick;
    await user.keyboard('{ArrowRight}');
    await settle();
    expect(store.getState().timeline.tick).toBe(before + 1);
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});

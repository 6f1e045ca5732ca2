/**
 * Importing a run in the whole app, on the real worker logic (in-process port) with its chunks run
 * by hand: the app asks before replacing the run, shows progress with Cancel, says what it
 * imported, and calls a file that is not JSON by its name.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/core/index.ts';
import { App } from '../../src/ui/components/App.tsx';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { exportRun } from '../../src/worker/run-file.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

/** The app on a worker whose clock moves 10 ms per look and whose import chunks wait for `runChunk`. */
async function renderApp() {
  const tasks: (() => void)[] = [];
  let clock = 0;
  const store = makeAppStore(createInProcessPort((post) => createWorkerLogic(post, () => (clock += 10), (task) => tasks.push(task))));
  render(
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>,
  );
  await settle();
  const runChunk = async () => {
    tasks.shift()!();
    await settle();
  };
  return { store, tasks, runChunk, user: userEvent.setup() };
}

/** 30 puts over 30,000 ticks of 3 nodes: many chunks to replay. */
function longRunFile(name = 'long.json'): File {
  const timeline = new Timeline({ nodes: 3, seed: 2 });
  for (let i = 0; i < 30; i += 1) {
    timeline.advance(1000);
    timeline.act({ type: 'propose', node: 'leader', command: { type: 'put', key: `k${i}`, value: `v${i}` } });
  }
  return new File([JSON.stringify(exportRun(timeline))], name, { type: 'application/json' });
}

async function upload(user: ReturnType<typeof userEvent.setup>, file: File): Promise<void> {
  await user.upload(screen.getByLabelText('Run file to import'), file);
  await settle();
}

describe('importing a run', () => {
  it('asks first, shows progress while replaying, then says what it imported', async () => {
    const { store, tasks, runChunk, user } = await renderApp();
    await upload(user, longRunFile());
    const dialog = screen.getByRole('alertdialog', { name: 'Confirm import' });
    expect(dialog).toHaveTextContent('Replace the current run with the run in "long.json"? The current run and its history are discarded.');
    expect(within(dialog).getByRole('button', { name: 'Import and replace' })).toHaveFocus();
    expect(store.getState().importStatus).toBeNull(); // nothing replaced before the answer

    await user.click(within(dialog).getByRole('button', { name: 'Import and replace' }));
    await settle();
    expect(screen.queryByRole('alertdialog', { name: 'Confirm import' })).toBeNull();
    const progress = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(progress).toHaveAttribute('max', String(30 + 30_000));
    const first = Number(progress.getAttribute('value'));
    expect(first).toBeGreaterThan(0);
    expect(screen.getByText(/^Importing "long\.json": \d+%$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel import' })).toBeInTheDocument();
    await runChunk();
    expect(Number(screen.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value'))).toBeGreaterThan(first);

    while (tasks.length > 0) await runChunk();
    expect(screen.queryByRole('progressbar', { name: 'Import progress' })).toBeNull();
    expect(screen.getByText('✓ Imported run from "long.json": 30 actions, tick 30000')).toHaveAttribute('role', 'status');
    expect(screen.getByLabelText('Current tick')).toHaveTextContent('30000');
    await user.click(screen.getByRole('button', { name: 'Dismiss import notice' }));
    expect(screen.queryByText(/Imported run/)).toBeNull();
    // A 30,000-tick replay under the whole app in jsdom: seconds on a busy machine, not a hang.
  }, 30_000);

  it('Cancel (or Escape) in the question keeps the current run and returns to the Import button', async () => {
    const { store, tasks, user } = await renderApp();
    await upload(user, longRunFile());
    await user.click(within(screen.getByRole('alertdialog', { name: 'Confirm import' })).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Import run' })).toHaveFocus();
    await upload(user, longRunFile());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await settle();
    expect(tasks).toHaveLength(0);
    expect(store.getState()).toMatchObject({ importStatus: null, timeline: { tick: 0 }, runOptions: { nodes: 5, seed: 1 } });
  });

  it('Cancel import stops the replay and keeps the current run as it was', async () => {
    const { store, tasks, runChunk, user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Step' }));
    await settle();
    await upload(user, longRunFile());
    await user.click(screen.getByRole('button', { name: 'Import and replace' }));
    await settle();
    await user.click(screen.getByRole('button', { name: 'Cancel import' }));
    await settle();
    expect(screen.queryByRole('progressbar', { name: 'Import progress' })).toBeNull();
    while (tasks.length > 0) await runChunk();
    expect(screen.queryByText(/Imported run/)).toBeNull();
    expect(store.getState()).toMatchObject({ importStatus: null, error: null, timeline: { tick: 1 }, runOptions: { nodes: 5, seed: 1 } });
    expect(store.getState().view?.nodes).toHaveLength(5);
  });

  it('a file that is not JSON is named, with where parsing failed, and nothing is asked', async () => {
    const { user } = await renderApp();
    await upload(user, new File(['{"format": "raftlab-run", "actions": ['], 'cut.json', { type: 'application/json' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent(/^"cut\.json" is not a JSON file: parsing failed at the end, line 1, column 39: the file may be cut short/);
  });

  it('a run with more nodes than the screen shows is refused, naming the limit', async () => {
    const { store, user } = await renderApp();
    const run = { format: 'raftlab-run', version: 1, options: { nodes: 64 }, actions: [], tick: 0 };
    await upload(user, new File([JSON.stringify(run)], 'big.json', { type: 'application/json' }));
    await user.click(screen.getByRole('button', { name: 'Import and replace' }));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('options.nodes must be an integer from 1 to 15, the most nodes the app shows (got 64)');
    expect(store.getState().view?.nodes).toHaveLength(5);
  });
});

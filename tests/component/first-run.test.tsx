/** The app never stays on "Starting the simulation…": a refused first run falls back to the defaults. */
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/components/App.tsx';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { addressProblemText, optionsFromSearch } from '../../src/ui/url-options.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

describe('the first run', () => {
  it('starts the defaults, saying why, when the worker refuses the first options', async () => {
    const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: { nodes: 3, raft: { electionTimeoutTicksMin: 900 } } });
    render(
      <AppStoreProvider store={store}>
        <App />
      </AppStoreProvider>,
    );
    await settle();
    expect(screen.queryByText('Starting the simulation…')).toBeNull();
    expect(store.getState().view?.nodes).toHaveLength(5);
    expect(screen.getByRole('alert')).toHaveTextContent(/^raft\.electionTimeoutTicksMin must be at most .*: started with the default settings instead\./);
  });

  it('an address with latency min above max starts at once, with the ignored parameters in the banner', async () => {
    const fromAddress = optionsFromSearch('?delayMin=50&delayMax=20&nodes=3');
    const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: fromAddress.options! });
    render(
      <AppStoreProvider store={store}>
        <App />
      </AppStoreProvider>,
    );
    await settle();
    expect(store.getState().view?.nodes).toHaveLength(3);
    expect(store.getState().error).toBeNull();
    expect(fromAddress.problems.map((problem) => addressProblemText(messagesFor('en'), problem))).toEqual(['delayMin=50 and delayMax=20 (the minimum is above the maximum)']);
  });
});

/**
 * The message-type filter the event log shares with the space-time diagram: choosing an RPC
 * keeps only that RPC's message events (sent, delivered, dropped), and leaves other events alone.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EventsPanel } from '../../src/ui/components/EventsPanel.tsx';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

describe('the event log’s message-type filter', () => {
  it('keeps only the chosen RPC’s message events, in the store the diagram reads', async () => {
    const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: { nodes: 3, seed: 4 } });
    render(
      <AppStoreProvider store={store}>
        <EventsPanel />
      </AppStoreProvider>,
    );
    await settle();
    act(() => store.getState().step(1_500));
    await settle();
    const list = screen.getByRole('list', { name: /events/i });
    const rows = () => within(list).getAllByRole('button').map((row) => row.textContent);
    const messageRows = () => rows().filter((text) => /SEND|RECV|DROP/.test(text));
    expect(messageRows().some((text) => /AppendEntries/.test(text))).toBe(true);
    const types = screen.getByRole('group', { name: 'Message types' });
    fireEvent.click(within(types).getByRole('button', { name: 'RequestVote' }));
    expect(store.getState().eventFilter.rpcs).toEqual(['vote']);
    expect(messageRows().length).toBeGreaterThan(0);
    expect(messageRows().every((text) => /RequestVote/.test(text))).toBe(true);
    // Events that are not messages stay.
    expect(rows().some((text) => /LEAD|TERM/.test(text))).toBe(true);
    fireEvent.click(within(types).getByRole('button', { name: 'All types' }));
    expect(messageRows().some((text) => /AppendEntries/.test(text))).toBe(true);
  });
});

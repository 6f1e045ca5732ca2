/**
 * Acting on the cluster in the whole app (the worker's logic through the in-process port): one
 * inspector for a node or a message, each outcome shown where its action was taken, Rejoin for an
 * isolated node, Transfer leadership by its key, a question before acting in the past, and what a 1-node cluster offers.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SimulationOptions } from '../../src/core/index.ts';
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

/** The app on the worker's logic; `branchLimit` bounds the branches a run keeps (acting in the past with none left asks first). */
async function renderApp(runOptions: SimulationOptions = { nodes: 5, seed: 1 }, branchLimit?: number) {
  const store = makeAppStore(createInProcessPort((post) => createWorkerLogic(post, undefined, undefined, { branchLimit })), { runOptions });
  render(
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>,
  );
  await settle();
  return { store, user: userEvent.setup() };
}

const inspector = () => screen.getByRole('region', { name: 'Inspector' });
const clientPanel = () => screen.getByRole('region', { name: 'Client request' });
const faultPanel = () => screen.getByRole('region', { name: 'Network faults' });

describe('selection: a node or a message', () => {
  it('clicking a message while a node is selected shows the message', async () => {
    const { store, user } = await renderApp();
    await user.keyboard('2');
    expect(within(inspector()).getByRole('heading', { name: 'Node 2' })).toBeInTheDocument();
    for (let i = 0; i < 50 && (store.getState().view?.inFlight.length ?? 0) === 0; i += 1) {
      await user.keyboard('n');
      await settle();
    }
    const cluster = screen.getByRole('group', { name: 'Cluster' });
    const message = within(cluster).getAllByRole('button', { name: /^Msg\w+ from \d+ to \d+/ })[0]!;
    await user.click(message);
    await settle();
    expect(within(inspector()).queryByRole('heading', { name: 'Node 2' })).toBeNull();
    expect(within(inspector()).getByRole('heading', { name: /^(RequestVote|AppendEntries|InstallSnapshot)/ })).toBeInTheDocument();
    expect(store.getState().selectedNode).toBeNull();
  });
});

describe('outcomes where the action was taken', () => {
  it("the inspector's Crash answers in the inspector, not in the client panel", async () => {
    const { user } = await renderApp();
    await user.keyboard('3');
    await user.click(within(inspector()).getByRole('button', { name: 'Crash' }));
    await settle();
    expect(within(inspector()).getByRole('status')).toHaveTextContent('✓ Node 3 crashed: only what it wrote to disk survives');
    expect(within(clientPanel()).getByRole('status')).toHaveTextContent('');
    // Restart takes its place (same button, so keyboard focus stays on it).
    expect(within(inspector()).getByRole('button', { name: 'Restart' })).toBeInTheDocument();
    // Another node's inspector does not show node 3's outcome.
    await user.keyboard('4');
    expect(within(inspector()).getByRole('status')).toHaveTextContent('');
  });

  it('the fault panel and the load control answer in place', async () => {
    const { user } = await renderApp();
    await user.click(within(faultPanel()).getByRole('button', { name: 'Heal network' }));
    await settle();
    expect(within(faultPanel()).getByRole('status')).toHaveTextContent('✓ Network healed: every node can reach every other');
    fireEvent.change(screen.getByRole('combobox', { name: 'Steady client load' }), { target: { value: '50' } });
    await settle();
    const load = screen.getByRole('combobox', { name: 'Steady client load' }).closest('.load-control-group')!;
    expect(within(load as HTMLElement).getByRole('status')).toHaveTextContent('✓ Client load: a put to the leader every 50 ticks');
    // The next action took the fault panel's outcome away at once.
    expect(within(faultPanel()).getByRole('status')).toHaveTextContent('');
  });

  it('a request to a follower is not a success: no ✓', async () => {
    const { store, user } = await renderApp({ nodes: 3, seed: 4 });
    act(() => store.getState().step(3_000));
    await settle();
    const follower = store.getState().view!.nodes.find((node) => node.role === 'follower')!;
    await user.selectOptions(within(clientPanel()).getByRole('combobox', { name: 'Send to' }), `Node ${follower.id}`);
    await user.click(within(clientPanel()).getByRole('button', { name: 'Send request' }));
    await settle();
    const status = within(clientPanel()).getByRole('status');
    expect(status).toHaveTextContent(new RegExp(`^⚠ Node ${follower.id} is a follower: not leader`));
    expect(status.textContent).not.toContain('✓');
    expect(status).toHaveClass('is-warning');
  });

  it('network settings answer in the settings form, in percent', async () => {
    const { user } = await renderApp();
    const loss = screen.getByRole('spinbutton', { name: 'Message loss (%)' });
    await user.clear(loss);
    await user.type(loss, '12.5');
    await user.click(screen.getByRole('button', { name: 'Apply network settings' }));
    await settle();
    const form = screen.getByRole('form', { name: 'Network settings' });
    expect(within(form).getByRole('status')).toHaveTextContent('✓ Network set to latency 10-30 ticks, loss 12.5%, duplicates 0%, reorder 0%');
  });
});

describe('per-node controls', () => {
  it('an isolated node offers Rejoin, which puts it back', async () => {
    const { store, user } = await renderApp();
    await user.keyboard('2');
    await user.click(within(inspector()).getByRole('button', { name: 'Isolate' }));
    await settle();
    expect(within(inspector()).queryByRole('button', { name: 'Isolate' })).toBeNull();
    await user.click(within(inspector()).getByRole('button', { name: 'Rejoin' }));
    await settle();
    expect(store.getState().view?.partition).toHaveLength(1);
    expect(within(inspector()).getByRole('status')).toHaveTextContent(/^✓ Node 2 rejoined/);
    expect(within(inspector()).getByRole('button', { name: 'Isolate' })).toBeInTheDocument();
  });

  it('O hands the leadership to the selected follower, and the inspector says so', async () => {
    const { store, user } = await renderApp();
    act(() => store.getState().step(3_000));
    await settle();
    const leader = store.getState().view!.leader!;
    const target = leader.id === 2 ? 3 : 2;
    await user.keyboard(String(target));
    await user.keyboard('o');
    await settle();
    expect(within(inspector()).getByRole('status')).toHaveTextContent(`✓ The leader hands its leadership to node ${target}`);
    expect(store.getState().view!.nodes[leader.id - 1]!.transfer?.target).toBe(target);
    // The leader is not offered a transfer to itself, and O on it does nothing.
    await user.keyboard(String(leader.id));
    expect(within(inspector()).queryByRole('button', { name: 'Transfer leadership' })).toBeNull();
    await user.keyboard('o');
    await settle();
    expect(store.getState().view!.nodes[leader.id - 1]!.transfer?.target).toBe(target);
  });
});

describe('acting in the past', () => {
  it('keeps the future as a branch, without a question, and the Branch picker lists both', async () => {
    const app = await renderApp();
    act(() => app.store.getState().step(2_966));
    await settle();
    act(() => app.store.getState().seek(999));
    await settle();
    await app.user.keyboard('2');
    await app.user.click(within(inspector()).getByRole('button', { name: 'Crash' }));
    await settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(app.store.getState().timeline).toMatchObject({ tick: 999, maxTick: 999 });
    const branches = screen.getByRole('region', { name: 'Branches' });
    const picker = within(branches).getByRole('combobox', { name: 'Branch' });
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Branch 1 (ticks 0–2,966)',
      '\u00a0\u00a0└\u00a0Branch 2: from Branch 1 at tick 999 (to tick 999)',
    ]);
    expect(within(branches).getByRole('status')).toHaveTextContent('Branch 2 starts at tick 999; Branch 1 keeps its ticks after it.');
    await app.user.selectOptions(picker, '1');
    await settle();
    expect(app.store.getState().timeline).toMatchObject({ tick: 999, maxTick: 2_966 });
    expect(app.store.getState().view?.nodes[1]?.alive).toBe(true);
  });

  /** At tick 999 of 2,966 with no branch place left (a run keeps one branch): acting asks first. */
  async function inThePast() {
    const app = await renderApp(undefined, 1);
    act(() => app.store.getState().step(2_966));
    await settle();
    act(() => app.store.getState().seek(999));
    await settle();
    expect(app.store.getState().timeline).toMatchObject({ tick: 999, maxTick: 2_966 });
    return app;
  }

  it('asks before discarding the future; Escape cancels and nothing is done', async () => {
    const { store, user } = await inThePast();
    await user.keyboard('2');
    const crash = within(inspector()).getByRole('button', { name: 'Crash' });
    await user.click(crash);
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveAccessibleDescription('A run keeps at most 1 branch, and all are in use: this future cannot become a branch (delete one under Branches to keep it). This discards ticks 1,000–2,966.');
    expect(within(dialog).getByRole('button', { name: 'Discard the future and act' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(crash).toHaveFocus();
    expect(store.getState().selectedNode).toBe(2); // Escape answered the question only
    expect((await store.getState().exportRun()).actions).toEqual([]);
    expect(store.getState().timeline.maxTick).toBe(2_966);
  });

  it('the keyboard shortcut asks too, and confirming acts at the current tick', async () => {
    const { store, user } = await inThePast();
    await user.keyboard('2');
    await user.keyboard('c');
    const dialog = screen.getByRole('alertdialog');
    // Tab stays inside the question.
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    await user.keyboard('{Enter}');
    await settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const run = await store.getState().exportRun();
    expect(run.actions).toEqual([{ tick: 999, action: { type: 'crash', node: 2 } }]);
    expect(store.getState().timeline).toMatchObject({ tick: 999, maxTick: 999 });
    expect(within(inspector()).getByRole('status')).toHaveTextContent('✓ Node 2 crashed');
  });

  it('with focus outside the question, shortcuts do nothing but Esc, which cancels', async () => {
    const { store, user } = await inThePast();
    await user.keyboard('h');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    act(() => (document.activeElement as HTMLElement).blur());
    await user.keyboard(' 3');
    await settle();
    expect(store.getState()).toMatchObject({ selectedNode: null, timeline: { playing: false } });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(store.getState().timeline.maxTick).toBe(2_966);
  });

  it('Cancel keeps the future', async () => {
    const { store, user } = await inThePast();
    await user.click(within(faultPanel()).getByRole('button', { name: 'Heal network' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(store.getState().timeline.maxTick).toBe(2_966);
  });
});

describe('a 1-node cluster', () => {
  it('says "press 1", and offers no partition, link or isolate controls', async () => {
    const { user } = await renderApp({ nodes: 1, seed: 1 });
    expect(within(inspector()).getByText(/press 1\)/)).toBeInTheDocument();
    expect(within(inspector()).queryByText(/1–1/)).toBeNull();
    expect(within(faultPanel()).queryByRole('button', { name: 'Partition selected' })).toBeNull();
    expect(within(faultPanel()).queryByRole('button', { name: 'Cut link' })).toBeNull();
    expect(within(faultPanel()).getByText('One node: there is no network to split or cut.')).toBeInTheDocument();
    await user.keyboard('1');
    expect(within(inspector()).getByRole('button', { name: 'Crash' })).toBeInTheDocument();
    expect(within(inspector()).queryByRole('button', { name: 'Isolate' })).toBeNull();
  });
});

describe('settings', () => {
  it('"Settings" is one heading, naming the settings', async () => {
    await renderApp();
    expect(screen.getAllByRole('heading', { name: 'Settings', hidden: true })).toHaveLength(1);
    expect(screen.getByRole('region', { name: 'Settings', hidden: true })).toBeInTheDocument();
  });
});

/**
 * The Breakpoints panel on the real worker (in process): its checkboxes set the run's
 * breakpoints (kept in its annotations, so the exported run carries them, off ones included),
 * playing pauses at a new leader and the panel says where in the event log's words, the stop is
 * listed and marked on the timeline (a click goes there), message and tick breakpoints are
 * added, listed, turned off and removed, Enter works where Space is play/pause, and the panel
 * speaks Chinese in Chinese.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/index.ts';
import { BreakpointsPanel } from '../../src/ui/components/BreakpointsPanel.tsx';
import { PlaybackArea } from '../../src/ui/components/PlaybackArea.tsx';
import type { Locale } from '../../src/ui/i18n/locale.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import type { AppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

function renderPanel(locale: Locale = 'en') {
  // A worker clock that never moves: every frame runs all the ticks it buys.
  const port = createInProcessPort((post) => createWorkerLogic(post, () => 0));
  const store = makeAppStore(port, { runOptions: { nodes: 5, seed: 1 }, display: { theme: 'light', largeType: false, locale } });
  render(
    <AppStoreProvider store={store}>
      <PlaybackArea />
      <BreakpointsPanel />
    </AppStoreProvider>,
  );
  return { store, user: userEvent.setup() };
}

/** Plays at 100,000 ticks/s, frame after frame, until the worker pauses (at most `frames`). */
async function playUntilPaused(store: AppStore, frames = 30): Promise<void> {
  store.getState().setSpeed(100_000);
  store.getState().play();
  await settle();
  for (let i = 0; i < frames && store.getState().timeline.playing; i += 1) {
    store.requestFrame(16);
    await settle();
  }
}

const firstLeader = (() => {
  const simulation = new Simulation({ nodes: 5, seed: 1 });
  simulation.advanceUntil((sim) => sim.leader() !== null, { maxTicks: 10_000 });
  return { tick: simulation.tick, ...simulation.leader()! };
})();

describe('the Breakpoints panel', () => {
  it('names a checkbox for every condition, in a region named Breakpoints', async () => {
    renderPanel();
    await settle();
    const region = screen.getByRole('region', { name: 'Breakpoints' });
    for (const name of ['Pause on new leader', 'Pause on term change', 'Pause on candidate', 'Pause on commit', 'Pause on truncation', 'Pause on vote refused', 'Pause on violation']) {
      expect(within(region).getByRole('checkbox', { name })).not.toBeChecked();
    }
    expect(within(region).getByRole('combobox', { name: 'Message type' })).toBeInTheDocument();
    expect(within(region).getByRole('spinbutton', { name: 'Pause at tick' })).toBeInTheDocument();
  });

  it('Pause on new leader: the run pauses where the leader appears and says so; the stop is listed and marked', async () => {
    const { store, user } = renderPanel();
    await settle();
    const revision = store.getState().runRevision;
    await user.click(screen.getByRole('checkbox', { name: 'Pause on new leader' }));
    await settle();
    expect(screen.getByRole('checkbox', { name: 'Pause on new leader' })).toBeChecked();
    expect((await store.getState().exportRun()).annotations.breakpoints).toEqual([{ breakpoint: { kind: 'new-leader' }, enabled: true }]);
    // The run changed, so whoever keeps it (the address, the autosave) keeps it again.
    expect(store.getState().runRevision).toBeGreaterThan(revision);

    await playUntilPaused(store);
    expect(store.getState().timeline).toMatchObject({ tick: firstLeader.tick, playing: false });
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
    expect(screen.getByLabelText('Current tick')).toHaveTextContent(String(firstLeader.tick));
    const region = screen.getByRole('region', { name: 'Breakpoints' });
    expect(within(region).getByRole('status')).toHaveTextContent(new RegExp(`^Paused at tick ${firstLeader.tick}: node ${firstLeader.id} won the election for term ${firstLeader.term} `));
    const stop = `Go to tick ${firstLeader.tick}, where the run paused (Pause on new leader)`;
    expect(within(region).getByRole('button', { name: stop })).toHaveTextContent(`Tick ${firstLeader.tick}: Pause on new leader`);
    const toolbar = screen.getByRole('toolbar', { name: 'Playback' });
    const mark = within(toolbar).getByRole('button', { name: stop });
    // Away from the stop the notice goes; the mark brings the run back there.
    store.getState().step(50);
    await settle();
    expect(within(region).getByRole('status')).toHaveTextContent('');
    await user.click(mark);
    await settle();
    expect(store.getState().timeline.tick).toBe(firstLeader.tick);
    expect(within(region).getByRole('status')).toHaveTextContent(`Paused at tick ${firstLeader.tick}: `);
    // A new run has its own breakpoints (none) and no stops.
    store.getState().reset({ nodes: 5, seed: 1 });
    await settle();
    expect(store.getState()).toMatchObject({ breakpointStop: null, breakpointHits: [] });
    expect(screen.getByRole('checkbox', { name: 'Pause on new leader' })).not.toBeChecked();
    expect(within(toolbar).queryByRole('button', { name: stop })).toBeNull();
    expect(within(region).queryByRole('list', { name: 'Stops' })).toBeNull();
  });

  it('turning a condition off keeps it in the run, off; Enter turns it on again', async () => {
    const { store, user } = renderPanel();
    await settle();
    const box = screen.getByRole('checkbox', { name: 'Pause on commit' });
    await user.click(box);
    await settle();
    await user.click(box);
    await settle();
    expect(box).not.toBeChecked();
    expect((await store.getState().exportRun()).annotations.breakpoints).toEqual([{ breakpoint: { kind: 'commit' }, enabled: false }]);
    box.focus();
    await user.keyboard('{Enter}');
    await settle();
    expect(box).toBeChecked();
    expect(store.getState().annotations.breakpoints).toEqual([{ breakpoint: { kind: 'commit' }, enabled: true }]);
    expect(store.getState().timeline.playing).toBe(false);
  });

  it('Pause on vote refused takes its reason, before and after it is on', async () => {
    const { store, user } = renderPanel();
    await settle();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'log not up to date');
    await user.click(screen.getByRole('checkbox', { name: 'Pause on vote refused' }));
    await settle();
    expect(store.getState().annotations.breakpoints).toEqual([{ breakpoint: { kind: 'vote-refused', reason: 'log-not-up-to-date' }, enabled: true }]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'any reason');
    await settle();
    expect((await store.getState().exportRun()).annotations.breakpoints).toEqual([{ breakpoint: { kind: 'vote-refused', reason: null }, enabled: true }]);
  });

  it('adds message and tick breakpoints, lists them, turns them off and removes them', async () => {
    const { store, user } = renderPanel();
    await settle();
    const message = screen.getByRole('form', { name: 'Message breakpoint' });
    await user.selectOptions(within(message).getByRole('combobox', { name: 'Message type' }), 'AppendEntries');
    await user.selectOptions(within(message).getByRole('combobox', { name: 'When' }), 'delivered');
    await user.selectOptions(within(message).getByRole('combobox', { name: 'From' }), 'Node 2');
    await user.click(within(message).getByRole('button', { name: 'Add message breakpoint' }));
    // The tick form adds with Enter.
    await user.type(screen.getByRole('spinbutton', { name: 'Pause at tick' }), '1234{Enter}');
    await settle();
    const list = screen.getByRole('list', { name: 'Message and tick breakpoints' });
    expect(within(list).getAllByRole('checkbox').map((box) => (box as HTMLInputElement).checked)).toEqual([true, true]);
    const appends = within(list).getByRole('checkbox', { name: 'Pause on AppendEntries delivered from node 2' });
    expect(within(list).getByRole('checkbox', { name: 'Pause at tick 1234' })).toBeChecked();
    expect(store.getState().annotations.breakpoints).toEqual([
      { breakpoint: { kind: 'message', on: 'delivered', messageType: 'MsgApp', from: 2, to: null }, enabled: true },
      { breakpoint: { kind: 'tick', tick: 1234 }, enabled: true },
    ]);
    // Adding the same again adds nothing.
    await user.click(within(message).getByRole('button', { name: 'Add message breakpoint' }));
    await settle();
    expect(store.getState().annotations.breakpoints).toHaveLength(2);
    await user.click(appends);
    await settle();
    expect(appends).not.toBeChecked();
    await user.click(within(list).getByRole('button', { name: 'Remove: Pause on AppendEntries delivered from node 2' }));
    await settle();
    expect((await store.getState().exportRun()).annotations.breakpoints).toEqual([{ breakpoint: { kind: 'tick', tick: 1234 }, enabled: true }]);
    // And it pauses there.
    await playUntilPaused(store);
    expect(store.getState().timeline.tick).toBe(1234);
    expect(within(screen.getByRole('region', { name: 'Breakpoints' })).getByRole('status')).toHaveTextContent('Paused at tick 1234, as the tick breakpoint asked');
  });

  it('speaks Chinese in Chinese', async () => {
    const { store, user } = renderPanel('zh-CN');
    await settle();
    const region = screen.getByRole('region', { name: '断点' });
    await user.click(within(region).getByRole('checkbox', { name: '出现新领导者时暂停' }));
    await settle();
    await playUntilPaused(store);
    expect(within(region).getByRole('status')).toHaveTextContent(new RegExp(`^已在 tick ${firstLeader.tick} 暂停：节点 ${firstLeader.id} 赢得任期 ${firstLeader.term} 的选举`));
    expect(within(region).getByRole('button', { name: `跳到 tick ${firstLeader.tick}，运行曾在此暂停（出现新领导者时暂停）` })).toBeInTheDocument();
  });
});

/**
 * The Fuzz panel on the real fuzz logic (src/worker/fuzz-logic.ts) behind fake workers that answer
 * on the next microtask: its accessible names, a session that passes ("N seeds, no violation"), a
 * switch that fails and opens the failing run at its tick through the real simulation worker
 * logic, Pause and Resume, Cancel, Shrink and open, the fields' checks, and the panel in Chinese.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FuzzPanel } from '../../src/ui/components/FuzzPanel.tsx';
import { FuzzWorkerContext } from '../../src/ui/fuzz/fuzz-context.ts';
import type { CreateFuzzWorker, FuzzWorkerLike } from '../../src/ui/fuzz/fuzz-session.ts';
import type { Locale } from '../../src/ui/i18n/locale.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import type { FromFuzzWorker } from '../../src/protocol/fuzz-protocol.ts';
import { handleFuzzMessage } from '../../src/worker/fuzz-logic.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(rounds = 20): Promise<void> {
  await act(async () => {
    for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** Fake fuzz workers running the real logic; `held` keeps replies back until released. */
function fakeWorkers(): { create: CreateFuzzWorker; started: () => number; terminated: () => number } {
  let started = 0;
  let terminated = 0;
  const create = (): FuzzWorkerLike => {
    started += 1;
    let listener: ((message: FromFuzzWorker) => void) | null = null;
    let alive = true;
    return {
      post: (message) => {
        setTimeout(() => handleFuzzMessage(message, (reply) => alive && listener?.(reply)), 0);
      },
      listen: (next) => (listener = next),
      terminate: () => {
        alive = false;
        terminated += 1;
      },
    };
  };
  return { create, started: () => started, terminated: () => terminated };
}

async function renderPanel(locale: Locale = 'en') {
  const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: { nodes: 3, seed: 4 }, display: { theme: 'light', largeType: false, locale } });
  const workers = fakeWorkers();
  render(
    <AppStoreProvider store={store}>
      <FuzzWorkerContext.Provider value={workers.create}>
        <FuzzPanel />
      </FuzzWorkerContext.Provider>
    </AppStoreProvider>,
  );
  await settle();
  return { store, workers, user: userEvent.setup(), region: screen.getByRole('region', { name: locale === 'en' ? 'Fuzz' : '模糊测试' }) };
}

describe('the Fuzz panel', () => {
  it('has its names: Run fuzz, Fuzz progress, and a checkbox per unsafe switch', async () => {
    const { region } = await renderPanel();
    expect(within(region).getByRole('button', { name: 'Run fuzz' })).toBeEnabled();
    expect(within(region).getByRole('progressbar', { name: 'Fuzz progress' })).toBeInTheDocument();
    expect(within(region).getAllByRole('checkbox').map((box) => box.getAttribute('aria-checked') ?? (box as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      'Unsafe: commit earlier-term entries by counting',
      'Unsafe: forget votedFor on restart',
      'Unsafe: grant votes without the up-to-date check',
      'Unsafe: fixed election timeouts',
      'Unsafe: apply entries before they commit',
      'Unsafe: accept AppendEntries without the log check',
      'Unsafe: no leader no-op on election',
      'Unsafe: keep commitIndex across a restart',
    ]);
    expect(within(region).getByRole('spinbutton', { name: 'Seeds' })).toHaveValue(1000);
  });

  it('correct Raft: "N seeds, no violation", with the speed', async () => {
    const { region, user, workers } = await renderPanel();
    await user.clear(within(region).getByRole('spinbutton', { name: 'Seeds' }));
    await user.type(within(region).getByRole('spinbutton', { name: 'Seeds' }), '12');
    await user.clear(within(region).getByRole('spinbutton', { name: 'Workers' }));
    await user.type(within(region).getByRole('spinbutton', { name: 'Workers' }), '2');
    await user.click(within(region).getByRole('button', { name: 'Run fuzz' }));
    await settle(60);
    expect(within(region).getByRole('status').textContent).toMatch(/^12 seeds, no violation · [\d,]+ seeds of 10,000 ticks per minute$/);
    expect(within(region).getByRole('progressbar', { name: 'Fuzz progress' })).toHaveAttribute('value', '12');
    expect(workers.started()).toBe(2);
    expect(workers.terminated()).toBe(2);
    expect(within(region).queryByRole('button', { name: 'Open failing run' })).toBeNull();
  });

  it('a switch on: reports the first failing seed and opens its run at the failing tick', async () => {
    const { region, user, store } = await renderPanel();
    await user.click(within(region).getByRole('checkbox', { name: 'Unsafe: keep commitIndex across a restart' }));
    await user.click(within(region).getByRole('button', { name: 'Run fuzz' }));
    await settle(40);
    expect(within(region).getByRole('status').textContent).toMatch(/^Seed 1 fails: a safety violation at tick 805/);
    expect(within(region).getByText(/^Volatile State at tick 805/)).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Open failing run' }));
    await settle(60);
    expect(store.getState().timeline.tick).toBe(805);
    expect(store.getState().view?.violations[0]?.property).toBe('Volatile State');
    expect(store.getState().view?.raft.unsafeKeepCommitOnRestart).toBe(true);
  });

  it('Shrink and open: the shortest failing run, opened', async () => {
    const { region, user, store } = await renderPanel();
    await user.click(within(region).getByRole('checkbox', { name: 'Unsafe: keep commitIndex across a restart' }));
    await user.click(within(region).getByRole('button', { name: 'Run fuzz' }));
    await settle(40);
    await user.click(within(region).getByRole('button', { name: 'Shrink and open' }));
    await settle(80);
    expect(within(region).getAllByRole('status').at(-1)!.textContent).toMatch(/^Shrunk to 2 actions on \d+ nodes, failing at tick \d+; opened$/);
    await settle(40);
    expect(store.getState().view?.violations[0]?.property).toBe('Volatile State');
  });

  it('Pause, Resume and Cancel', async () => {
    const { region, user, workers } = await renderPanel();
    await user.click(within(region).getByRole('button', { name: 'Run fuzz' }));
    await user.click(within(region).getByRole('button', { name: 'Pause' }));
    await settle(10);
    expect(within(region).getByRole('status').textContent).toMatch(/^Paused after \d+ of 1,000 seeds$/);
    await user.click(within(region).getByRole('button', { name: 'Resume' }));
    await user.click(within(region).getByRole('button', { name: 'Cancel' }));
    expect(within(region).getByRole('status').textContent).toMatch(/^Cancelled after \d+ of 1,000 seeds$/);
    expect(workers.terminated()).toBe(workers.started());
    expect(within(region).getByRole('button', { name: 'Run fuzz' })).toBeEnabled();
  });

  it('checks its fields and names the one at fault', async () => {
    const { region, user, workers } = await renderPanel();
    await user.clear(within(region).getByRole('spinbutton', { name: 'Ticks per seed' }));
    await user.type(within(region).getByRole('spinbutton', { name: 'Ticks per seed' }), '5');
    await user.click(within(region).getByRole('button', { name: 'Run fuzz' }));
    expect(within(region).getByRole('spinbutton', { name: 'Ticks per seed' })).toHaveAttribute('aria-invalid', 'true');
    expect(within(region).getByText('Must be between 100 and 1000000.')).toBeInTheDocument();
    expect(workers.started()).toBe(0);
  });

  it('reads in Chinese', async () => {
    const { region } = await renderPanel('zh-CN');
    expect(within(region).getByRole('button', { name: '运行模糊测试' })).toBeInTheDocument();
    expect(within(region).getByRole('progressbar', { name: '模糊测试进度' })).toBeInTheDocument();
    expect(within(region).getByRole('checkbox', { name: '不安全：靠计数副本提交更早任期的条目' })).toBeInTheDocument();
    expect(screen.queryByText(/Run fuzz|Seeds/)).toBeNull();
  });
});

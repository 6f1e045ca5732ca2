/**
 * Sharing and keeping runs on screen: Copy link copies the permalink and says so (or shows the
 * link when the clipboard refuses, or says a run is too long for a link and offers Export); the
 * autosave's restore notice with Start fresh, in both languages; a bad permalink's banner; a file
 * far too large for a run refused before it is read.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Timeline } from '../../src/core/index.ts';
import { decodePermalink, permalinkFromHash } from '../../src/protocol/permalink.ts';
import type { Run } from '../../src/protocol/worker-protocol.ts';
import { App } from '../../src/ui/components/App.tsx';
import { CopyLinkButton } from '../../src/ui/components/CopyLinkButton.tsx';
import { RestoreNotice } from '../../src/ui/components/RestoreNotice.tsx';
import { makeFormat } from '../../src/ui/i18n/format.ts';
import { openAtStart } from '../../src/ui/share/open-at-start.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { exportRun } from '../../src/worker/run-file.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { fakePort } from '../support/fake-port.ts';
import { createInProcessPort } from '../support/in-process-port.ts';
import { withStore } from '../support/with-store.tsx';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

function renderApp() {
  const store = makeAppStore(createInProcessPort(createWorkerLogic));
  render(
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>,
  );
  return { store, user: userEvent.setup() };
}

/** The page may use the Clipboard API: a secure context with navigator.clipboard (after userEvent.setup, which puts in its own). */
function clipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(window, 'isSecureContext', { configurable: true, value: true });
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
}

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'clipboard');
  Reflect.deleteProperty(window, 'isSecureContext');
});

describe('Copy link', () => {
  it('copies the permalink of the run on screen and says so; the link opens that run at that tick', async () => {
    const { store, user } = renderApp();
    const writeText = vi.fn((_text: string) => Promise.resolve());
    clipboard(writeText);
    await settle();
    store.getState().step(300);
    store.getState().act({ type: 'crash', node: 3 });
    store.getState().step(20);
    await settle();
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(screen.getByText('✓ Link copied: it opens this run at tick 320, paused')).toHaveAttribute('role', 'status'));
    const copied = new URL(writeText.mock.calls[0]![0]);
    const decoded = await decodePermalink(permalinkFromHash(copied.hash)!);
    expect(decoded).toMatchObject({ ok: true, run: { tick: 320, actions: [{ tick: 300, action: { type: 'crash', node: 3 } }] } });
  });

  it('where the clipboard refuses, shows the link selected, to copy by hand', async () => {
    const { store, user } = renderApp();
    clipboard(() => Promise.reject(new Error('denied')));
    document.execCommand = vi.fn(() => false);
    await settle();
    store.getState().step(5);
    await settle();
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole('textbox', { name: 'Link to this run' });
    expect((field as HTMLInputElement).value).toMatch(/#run=1\.[A-Za-z0-9_-]+$/);
    expect(screen.getByText('Copy this link by hand (Ctrl+C, or ⌘C on a Mac):')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss link notice' }));
    expect(screen.queryByRole('textbox', { name: 'Link to this run' })).toBeNull();
  });

  it('a run too long for a link says so, naming its size, and offers Export instead', async () => {
    const fake = fakePort();
    const store = makeAppStore(fake.port, { start: false });
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    clipboard(writeText);
    render(<CopyLinkButton />, withStore('en', store));
    const timeline = new Timeline({ nodes: 5, seed: 2, checkNodeInvariants: false });
    for (let i = 0; i < 3_000; i += 1) {
      timeline.advance(1 + (i % 7));
      timeline.act({ type: 'propose', node: 'leader', command: { type: 'put', key: `key${i}`, value: `value${(i * 7919) % 10007}` } });
    }
    const long = exportRun(timeline);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    fake.reply({ type: 'run', run: long });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^This run is too long for a link \(\d+(\.\d)? KB; a link holds up to 8 KB\): export it as a file instead\. The address now keeps only its options\./);
    expect(writeText).not.toHaveBeenCalled();
    URL.createObjectURL = vi.fn(() => 'blob:run');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(within(alert).getByRole('button', { name: 'Export as a file' }));
    fake.reply({ type: 'run', run: long });
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(fake.take().filter((command) => command.type === 'export-run')).toHaveLength(2);
  });
});

describe('the restore notice', () => {
  const savedAt = Date.UTC(2025, 2, 12, 14, 5);
  const saved: Run = { ...exportRun(new Timeline({ nodes: 3, seed: 4 })), tick: 900 };

  function restored(locale: 'en' | 'zh-CN') {
    const fake = fakePort();
    const store = makeAppStore(fake.port, { runOptions: { nodes: 7, seed: 2 }, display: { theme: 'light', largeType: false, locale } });
    render(<RestoreNotice />, withStore(locale, store));
    store.getState().openRun(saved, { kind: 'autosave', savedAt });
    act(() => fake.reply({ type: 'import-done', options: saved.options, actions: 0, tick: 900 }));
    fake.take();
    return { store, fake, user: userEvent.setup() };
  }

  it('says when the run was saved, in the user’s language, and Start fresh starts the options the app opened with', async () => {
    const { fake, user } = restored('en');
    expect(screen.getByRole('status')).toHaveTextContent(`Restored your run from ${makeFormat('en').dateTime(savedAt)}`);
    await user.click(screen.getByRole('button', { name: 'Start fresh' }));
    expect(fake.take()).toEqual([{ type: 'init', options: { nodes: 7, seed: 2 } }]);
  });

  it('in Chinese', () => {
    restored('zh-CN');
    expect(screen.getByRole('status')).toHaveTextContent(`已从 ${makeFormat('zh-CN').dateTime(savedAt)} 恢复你的运行记录`);
    expect(screen.getByRole('button', { name: '重新开始' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '关闭恢复提示' })).toBeInTheDocument();
  });

  it('is not shown for a run imported from a file', () => {
    const fake = fakePort();
    const store = makeAppStore(fake.port, { start: false });
    render(<RestoreNotice />, withStore('en', store));
    store.getState().importRun(saved, 'lesson.json');
    act(() => fake.reply({ type: 'import-done', options: saved.options, actions: 0, tick: 900 }));
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(screen.queryByRole('button', { name: 'Start fresh' })).toBeNull();
  });
});

describe('a bad permalink in the address', () => {
  it('shows a banner naming the problem, and the app keeps its first run', async () => {
    const { store } = renderApp();
    await act(() => openAtStart({ store, address: { search: '', hash: '#run=1.AAAAOw_o61mrVspXsqpWKlayMq7VUUpUsoqONjcw0FFKVtIxitWJNgKxA5R0DHSUKpR0lAyVYmN1lEqUr' }, tab: null, saves: null }));
    expect(screen.getByRole('alert')).toHaveTextContent('The run in the address could not be opened: it is cut short (60 of its 67 bytes); copy the whole link. A new run started instead.');
    expect(store.getState().view?.nodes).toHaveLength(5);
    expect(store.getState().timeline.tick).toBe(0);
  });

  it('from a newer version, in Chinese', async () => {
    const store = makeAppStore(createInProcessPort(createWorkerLogic), { display: { theme: 'light', largeType: false, locale: 'zh-CN' } });
    render(
      <AppStoreProvider store={store}>
        <App />
      </AppStoreProvider>,
    );
    await act(() => openAtStart({ store, address: { search: '', hash: '#run=3.AAAA' }, tab: null, saves: null }));
    expect(screen.getByRole('alert')).toHaveTextContent('无法打开地址中的运行记录：链接由更新版本的 Raftlab 生成（链接版本 3；本应用最多读取版本 1）。已改为开始新的运行。');
  });
});

describe('importing a file far too large for a run', () => {
  it('refuses a 50 MB file before reading it, naming the limit', async () => {
    const { user } = renderApp();
    await settle();
    const file = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(file, 'size', { value: 50 * 1024 * 1024 });
    const read = vi.spyOn(file, 'text');
    await user.upload(screen.getByLabelText('Run file to import'), file);
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('"huge.json" is too large for a run file (50 MB; the limit is 32 MB): it was not read.');
    expect(read).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

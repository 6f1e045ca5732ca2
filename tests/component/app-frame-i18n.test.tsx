/**
 * The app's frame in Simplified Chinese, on the real worker (in process): the status bar, the
 * playback controls, the settings, saving and loading runs, the banner, the shortcuts help and the
 * question before acting in the past have Chinese texts and accessible names; the banner re-words
 * what it says when the language changes; and the English interface says what it said before.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createSimulation, Timeline } from '../../src/core/index.ts';
import type { ClusterView } from '../../src/core/index.ts';
import { ActConfirm } from '../../src/ui/components/ActConfirm.tsx';
import { HelpOverlay } from '../../src/ui/components/HelpOverlay.tsx';
import { PlaybackArea } from '../../src/ui/components/PlaybackArea.tsx';
import { ImportStatusNotices, RunFileButtons } from '../../src/ui/components/RunFileButtons.tsx';
import { SettingsSection } from '../../src/ui/components/SettingsSection.tsx';
import { StatusBar } from '../../src/ui/components/StatusBar.tsx';
import type { Locale } from '../../src/ui/i18n/locale.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { optionsFromSearch } from '../../src/ui/url-options.ts';
import { exportRun } from '../../src/worker/run-file.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';
import { withStore } from '../support/with-store.tsx';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

/** The parts of the screen this area owns, on the real worker logic (keeping at most `branchLimit` branches). */
async function renderFrame(locale: Locale, branchLimit?: number) {
  const store = makeAppStore(createInProcessPort((post) => createWorkerLogic(post, undefined, undefined, { branchLimit })), { runOptions: { nodes: 3, seed: 2 }, display: { theme: 'light', largeType: false, locale } });
  render(
    <AppStoreProvider store={store}>
      <RunFileButtons />
      <ImportStatusNotices />
      <PlaybackArea />
      <SettingsSection />
      <ActConfirm />
    </AppStoreProvider>,
  );
  await settle();
  return { store, user: userEvent.setup() };
}

function runFile(name: string, run: unknown): File {
  return new File([JSON.stringify(run)], name, { type: 'application/json' });
}

describe('the status bar and playback controls in Chinese', () => {
  it('name the tick, the leader and every control in Chinese', async () => {
    const { user } = await renderFrame('zh-CN');
    const status = screen.getByRole('region', { name: '状态' });
    expect(within(status).getByLabelText('当前 tick')).toHaveTextContent('0');
    expect(within(status).getByText('模拟时间 0.000 秒')).toBeInTheDocument();
    expect(within(status).getByLabelText('领导者')).toHaveTextContent('无');
    expect(within(status).getByText('等待选举')).toBeInTheDocument();
    expect(within(status).getByText('RequestVote')).toHaveAttribute('title', 'MsgVote：RequestVote 的请求与回复');
    expect(within(status).getByText('已提交')).toBeInTheDocument();

    const toolbar = screen.getByRole('toolbar', { name: '播放控制' });
    expect(within(toolbar).getByRole('button', { name: '播放' })).toBeInTheDocument();
    expect(within(toolbar).getByRole('button', { name: '后退一步' })).toHaveAttribute('title', '后退一个 tick（←）');
    expect(within(toolbar).getByRole('button', { name: '下一事件' })).toBeInTheDocument();
    expect(within(toolbar).getByRole('slider', { name: '时间线' })).toHaveAttribute('aria-valuetext', 'tick 0，共 0');
    expect(within(toolbar).getByRole('slider', { name: '速度' })).toHaveAttribute('aria-valuetext', '100 tick/秒');

    await user.click(within(toolbar).getByRole('button', { name: '单步' }));
    await settle();
    expect(within(status).getByLabelText('当前 tick')).toHaveTextContent('1');
  });

  it('names a safety violation in Chinese, the checker’s own detail quoted', () => {
    const view = createSimulation({ nodes: 3, seed: 2 }).view();
    const broken: ClusterView = { ...view, violations: [{ tick: 812, property: 'Election Safety', nodes: [1, 2], detail: 'nodes 1 and 2 both became leader in term 3' }], violationCount: 2 };
    const onSeek = vi.fn();
    render(<StatusBar view={broken} timeline={{ tick: 0, maxTick: 0, playing: false, ticksPerSecond: 100, achievedTicksPerSecond: 0, behind: false }} onSeek={onSeek} />, withStore('zh-CN'));
    expect(screen.getByRole('alert')).toHaveTextContent('违反安全性：选举安全，发生在 tick 812：nodes 1 and 2 both became leader in term 3（另有 1 处）');
    screen.getByRole('button', { name: '跳到 tick 812' }).click();
    expect(onSeek).toHaveBeenCalledWith(812);
  });
});

describe('the settings in Chinese', () => {
  it('labels both forms, checks fields and asks before a new run', async () => {
    const { user, store } = await renderFrame('zh-CN');
    expect(screen.getByRole('heading', { name: '设置' })).toBeInTheDocument();
    const network = screen.getByRole('form', { name: '网络设置' });
    expect(within(network).getByRole('group', { name: '网络（即时生效）' })).toBeInTheDocument();
    expect(within(network).getByRole('spinbutton', { name: '丢包率（%）' })).toBeInTheDocument();
    expect(within(network).getByRole('button', { name: '应用网络设置' })).toBeInTheDocument();

    const run = screen.getByRole('form', { name: '重新开始运行的设置' });
    expect(within(run).getByRole('checkbox', { name: '快速回退（拒绝追加时附带冲突提示）' })).toBeInTheDocument();
    expect(within(run).getByRole('spinbutton', { name: '节点数（1 到 15）' })).toHaveValue(3);
    expect(within(run).getByRole('spinbutton', { name: '随机种子' })).toHaveValue(2);
    const electionMin = within(run).getByRole('spinbutton', { name: '最小选举超时（tick）' });
    await user.clear(electionMin);
    await user.type(electionMin, '900');
    await user.click(within(run).getByRole('button', { name: '用这些设置重新开始' }));
    expect(electionMin).toHaveAccessibleDescription('最小值不能大于最大值（600）。');

    await user.clear(electionMin);
    await user.type(electionMin, '200');
    await user.click(within(run).getByRole('button', { name: '用这些设置重新开始' }));
    const question = within(run).getByRole('alertdialog', { name: '确认重新开始' });
    expect(question).toHaveAccessibleDescription('这会丢弃当前运行记录及其历史。要用这些设置重新开始吗？');
    await user.click(within(question).getByRole('button', { name: '丢弃并重新开始' }));
    await settle();
    expect(store.getState().runOptions.raft).toMatchObject({ electionTimeoutTicksMin: 200 });
  });
});

describe('saving and loading runs in Chinese', () => {
  it('asks before replacing the run, then says what it imported', async () => {
    const { user } = await renderFrame('zh-CN');
    expect(screen.getByRole('button', { name: '导出运行记录' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导入运行记录' })).toBeInTheDocument();
    const timeline = new Timeline({ nodes: 3, seed: 5 });
    timeline.advance(30);
    timeline.act({ type: 'crash', node: 1 });
    await user.upload(screen.getByLabelText('要导入的运行记录文件'), runFile('课堂.json', exportRun(timeline)));
    await settle();
    const question = screen.getByRole('alertdialog', { name: '确认导入' });
    expect(question).toHaveTextContent('用“课堂.json”中的运行记录替换当前运行记录吗？当前运行记录及其历史将被丢弃。');
    await user.click(within(question).getByRole('button', { name: '导入并替换' }));
    await settle();
    expect(screen.getByText('✓ 已从“课堂.json”导入运行记录：1 个操作，tick 30')).toHaveAttribute('role', 'status');
    await user.click(screen.getByRole('button', { name: '关闭导入提示' }));
    expect(screen.queryByText(/已从/)).toBeNull();
  });

  it('words a file that is not JSON, and a refused run, in the language on screen, also after a switch', async () => {
    const { user, store } = await renderFrame('zh-CN');
    await user.upload(screen.getByLabelText('要导入的运行记录文件'), new File(['{"format": "raftlab-run", "actions": ['], 'cut.json'));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent(/^“cut\.json”不是 JSON 文件：解析失败，在末尾（第 1 行第 39 列）中断，文件可能不完整/);
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('alert')).toBeNull();

    await user.upload(screen.getByLabelText('要导入的运行记录文件'), runFile('big.json', { format: 'raftlab-run', version: 1, options: { nodes: 64 }, actions: [], tick: 0 }));
    await settle();
    await user.click(screen.getByRole('button', { name: '导入并替换' }));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('无法导入：options.nodes 应为 1 到 15 之间的整数，即本应用最多显示的节点数（实际为 64）');
    act(() => store.getState().setLocale('en'));
    expect(screen.getByRole('alert')).toHaveTextContent(/^options\.nodes must be an integer from 1 to 15, the most nodes the app shows \(got 64\)Dismiss$/);
  });

  it('words the address banner in Chinese', async () => {
    const { store } = await renderFrame('zh-CN');
    const address = optionsFromSearch('?colour=red');
    act(() => store.getState().reportError({ kind: 'address', problems: address.problems, warnings: address.warnings }));
    expect(screen.getByRole('alert')).toHaveTextContent('地址中以下参数已忽略：未知参数“colour”。');
  });
});

describe('the question before acting in the past with no branch place left, in Chinese', () => {
  it('names the tick and what is discarded', async () => {
    const { store, user } = await renderFrame('zh-CN', 1);
    store.getState().step(1_200);
    await settle();
    store.getState().seek(999);
    await settle();
    act(() => store.getState().act({ type: 'heal' }));
    const dialog = screen.getByRole('alertdialog', { name: '在 tick 999 处操作？' });
    expect(dialog).toHaveAccessibleDescription('已保留全部 1 个分支，这段后续记录无法成为新分支（可在“分支”中删除一个以保留它）。 这会丢弃 tick 1,000–1,200。');
    expect(within(dialog).getByRole('button', { name: '丢弃后续记录并操作' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('the shortcuts help', () => {
  it('lists every shortcut in Chinese, with the same keys', () => {
    render(<HelpOverlay onClose={vi.fn()} />, withStore('zh-CN'));
    const dialog = screen.getByRole('dialog', { name: '键盘快捷键' });
    const rows = within(dialog).getAllByRole('row').map((row) => row.textContent);
    expect(rows).toHaveLength(18);
    expect(rows[0]).toBe('Space播放或暂停');
    expect(rows).toContain('C让所选节点崩溃；若已崩溃则重启');
    expect(rows).toContain('O把领导权移交给所选节点（移交领导权）');
    expect(rows).toContain('Esc关闭帮助，清除选择');
    expect(within(dialog).getByRole('button', { name: '关闭' })).toHaveFocus();
  });

  it('says in English what it always said', () => {
    render(<HelpOverlay onClose={vi.fn()} />, withStore('en'));
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'SpacePlay or pause',
      '→Step one tick',
      '←Step back one tick',
      'NRun to the next event',
      '1 – 9Select node 1 to 9',
      'CCrash the selected node, or restart it if crashed',
      'IIsolate the selected node',
      'OHand the leadership over to the selected node (Transfer leadership)',
      'HHeal the network',
      '+Faster',
      '−Slower',
      'HomeGo to the start of the run',
      'EndGo to the end of the run',
      'TSwitch light and dark theme',
      'LShow or hide the legend of the cluster view',
      'GLarge type on or off (for a projector)',
      '?Show this help',
      'EscClose help, clear the selection',
    ]);
    expect(dialog).toHaveTextContent(
      'Click a node (or press its number) to inspect it; click a message in flight to see its fields; click an event to jump to its tick. Acting in the past forks the timeline: the old future is dropped.',
    );
  });
});

describe('the frame in English', () => {
  it('keeps its texts and accessible names', async () => {
    const { user } = await renderFrame('en');
    const status = screen.getByRole('region', { name: 'Status' });
    expect(within(status).getByText('0.000 s simulated')).toBeInTheDocument();
    expect(within(status).getByLabelText('Leader')).toHaveTextContent('none');
    expect(within(status).getByText('election pending')).toBeInTheDocument();
    expect(within(status).getByText('RequestVote')).toHaveAttribute('title', 'MsgVote: RequestVote requests and replies');
    const toolbar = screen.getByRole('toolbar', { name: 'Playback' });
    expect(within(toolbar).getByRole('button', { name: 'Step back' })).toHaveAttribute('title', 'Step back one tick (←)');
    expect(within(toolbar).getByRole('button', { name: 'Next event' })).toHaveAttribute('title', 'Run to the next delivery, timer or state change (N)');
    expect(within(toolbar).getByRole('slider', { name: 'Timeline' })).toHaveAttribute('aria-valuetext', 'tick 0 of 0');
    expect(within(toolbar).getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', '100 ticks/s');
    expect(screen.getByRole('form', { name: 'Network settings' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Snapshot threshold (entries, 0 = never)' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Fast backup (conflict hints on rejected appends)' })).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Run file to import'), new File([''], 'empty.json'));
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent(/^"empty\.json" is not a JSON file: it is empty\.Dismiss$/);
  });
});

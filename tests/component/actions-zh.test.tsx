/**
 * The actions area in Simplified Chinese, on the real worker (in process): the client form, the
 * steady load and the fault panel have Chinese labels and accessible names, each outcome reads in
 * Chinese where the action was taken (✓/⚠/✗ as in English), switching the language re-words an
 * outcome on screen, and the English interface says exactly what it said before.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActionsPanel } from '../../src/ui/components/ActionsPanel.tsx';
import { OutcomeStatus } from '../../src/ui/components/OutcomeStatus.tsx';
import { useShownOutcome } from '../../src/ui/hooks/use-shown-outcome.ts';
import type { Locale } from '../../src/ui/i18n/locale.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

/** The outcome lines of the inspector and the settings form, which live outside this area. */
function ElsewhereOutcomes() {
  return (
    <>
      <section aria-label="inspector outcome">
        <OutcomeStatus outcome={useShownOutcome('inspector')} />
      </section>
      <section aria-label="network outcome">
        <OutcomeStatus outcome={useShownOutcome('network')} />
      </section>
    </>
  );
}

async function renderActions(locale: Locale, nodes = 5) {
  const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: { nodes, seed: 4 }, display: { theme: 'light', largeType: false, locale } });
  render(
    <AppStoreProvider store={store}>
      <ActionsPanel />
      <ElsewhereOutcomes />
    </AppStoreProvider>,
  );
  await settle();
  return { store, user: userEvent.setup() };
}

const region = (name: string) => screen.getByRole('region', { name });
const statusIn = (name: string) => within(region(name)).getByRole('status');
const loadStatus = () => screen.getByRole('combobox', { name: '持续客户端负载' }).closest('.load-control-group')!.querySelector('[role="status"]')!;

describe('the actions area in Chinese', () => {
  it('names its parts and controls in Chinese', async () => {
    await renderActions('zh-CN');
    expect(region('客户端与故障')).toBeInTheDocument();
    const client = region('客户端请求');
    expect(within(client).getByRole('combobox', { name: '操作' })).toHaveDisplayValue('put（写入）');
    expect(within(client).getByRole('textbox', { name: '键' })).toHaveValue('x');
    expect(within(client).getByRole('textbox', { name: '值' })).toHaveValue('1');
    expect(within(client).getByRole('combobox', { name: '发送给' })).toHaveDisplayValue('领导者');
    expect(within(client).getByRole('option', { name: '节点 3' })).toBeInTheDocument();
    expect(within(client).getByRole('button', { name: '发送请求' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '持续客户端负载' })).toHaveDisplayValue('关闭');
    expect(screen.getByRole('option', { name: '每 50 个 tick 一次 put' })).toBeInTheDocument();

    const faults = region('网络故障');
    expect(faults).toHaveTextContent('当前：网络完整');
    expect(within(faults).getByRole('group', { name: '网络分区' })).toHaveTextContent('勾选一侧的节点，其余节点组成另一侧。');
    expect(within(faults).getByRole('checkbox', { name: '节点 1' })).toBeInTheDocument();
    expect(within(faults).getByRole('button', { name: '按所选划分网络' })).toBeDisabled();
    const link = within(faults).getByRole('group', { name: '单条链路' });
    expect(within(link).getByRole('combobox', { name: '从' })).toHaveDisplayValue('节点 1');
    expect(within(link).getByRole('combobox', { name: '到' })).toHaveDisplayValue('节点 2');
    expect(within(link).getByRole('checkbox', { name: '双向' })).toBeChecked();
    expect(within(link).getByRole('button', { name: '切断链路' })).toBeInTheDocument();
    expect(within(link).getByRole('button', { name: '恢复链路' })).toBeInTheDocument();
    expect(within(faults).getByRole('button', { name: '恢复网络' })).toBeInTheDocument();
  });

  it('words the fault panel’s state and each fault’s outcome in Chinese', async () => {
    const { user } = await renderActions('zh-CN');
    const faults = region('网络故障');
    await user.click(within(faults).getByRole('checkbox', { name: '节点 1' }));
    await user.click(within(faults).getByRole('checkbox', { name: '节点 2' }));
    expect(faults).toHaveTextContent('分组：{1, 2} | {3, 4, 5}');
    await user.click(within(faults).getByRole('button', { name: '按所选划分网络' }));
    await settle();
    expect(statusIn('网络故障')).toHaveTextContent('✓ 已划分网络：{1, 2} | {3, 4, 5}');
    expect(faults).toHaveTextContent('当前：已分区 {1, 2} | {3, 4, 5}');

    await user.click(within(faults).getByRole('checkbox', { name: '双向' }));
    await user.click(within(faults).getByRole('button', { name: '切断链路' }));
    await settle();
    expect(statusIn('网络故障')).toHaveTextContent('✓ 链路 1→2 已切断');
    expect(faults).toHaveTextContent('当前：已分区 {1, 2} | {3, 4, 5}；已切断链路 1→2');

    await user.selectOptions(within(faults).getByRole('combobox', { name: '到' }), '节点 1');
    expect(within(faults).getByText('请选择两个不同的节点。')).toBeInTheDocument();

    await user.click(within(faults).getByRole('button', { name: '恢复网络' }));
    await settle();
    expect(statusIn('网络故障')).toHaveTextContent('✓ 网络已恢复：所有节点都能互相连通');
    expect(faults).toHaveTextContent('当前：网络完整');
  });

  it('words the client’s outcomes and the form’s checks in Chinese', async () => {
    const { store, user } = await renderActions('zh-CN', 3);
    act(() => store.getState().step(3_000));
    await settle();
    const view = store.getState().view!;
    const leader = view.nodes.find((node) => node.role === 'leader')!.id;
    const follower = view.nodes.find((node) => node.role === 'follower' && node.lead === leader)!.id;
    const client = region('客户端请求');
    await user.click(within(client).getByRole('button', { name: '发送请求' }));
    await settle();
    expect(statusIn('客户端请求')).toHaveTextContent(new RegExp(`^✓ 节点 ${leader}（领导者，任期 \\d+）已在索引 \\d+ 追加 put x=1；多数派保存后即提交$`));

    await user.selectOptions(within(client).getByRole('combobox', { name: '发送给' }), `节点 ${follower}`);
    await user.click(within(client).getByRole('button', { name: '发送请求' }));
    await settle();
    expect(statusIn('客户端请求')).toHaveTextContent(`⚠ 节点 ${follower} 是跟随者，不是领导者；领导者是节点 ${leader}`);
    expect(statusIn('客户端请求')).toHaveClass('is-warning');

    await user.clear(within(client).getByRole('textbox', { name: '键' }));
    await user.click(within(client).getByRole('button', { name: '发送请求' }));
    expect(within(client).getByText('请输入键。')).toBeInTheDocument();

    // A rejected action: the core's English detail, framed in Chinese.
    act(() => store.getState().act({ type: 'crash', node: follower }, { source: 'client' }));
    await settle();
    act(() => store.getState().act({ type: 'crash', node: follower }, { source: 'client' }));
    await settle();
    expect(statusIn('客户端请求')).toHaveTextContent(`✗ 操作被拒绝：node must be a running node (got node ${follower}, which is crashed)`);
  });

  it('words the load, node and network outcomes in Chinese', async () => {
    const { store } = await renderActions('zh-CN');
    fireEvent.change(screen.getByRole('combobox', { name: '持续客户端负载' }), { target: { value: '50' } });
    await settle();
    expect(loadStatus()).toHaveTextContent('✓ 客户端负载：每 50 个 tick 向领导者发送一次 put');
    fireEvent.change(screen.getByRole('combobox', { name: '持续客户端负载' }), { target: { value: '0' } });
    await settle();
    expect(loadStatus()).toHaveTextContent('✓ 客户端负载已停止');

    act(() => store.getState().act({ type: 'isolate', node: 3 }));
    await settle();
    expect(statusIn('inspector outcome')).toHaveTextContent('✓ 节点 3 已被隔离：{1, 2, 4, 5} | {3}');
    act(() => store.getState().act({ type: 'crash', node: 3 }));
    await settle();
    expect(statusIn('inspector outcome')).toHaveTextContent('✓ 节点 3 已崩溃：只有已落盘的数据会保留下来');

    act(() => store.getState().act({ type: 'configure-network', network: { dropRatio: 0.125 } }));
    await settle();
    expect(statusIn('network outcome')).toHaveTextContent('✓ 网络已设为：延迟 10-30 个 tick，丢包 12.5%，重复 0%，乱序 0%');
  });

  it('re-words an outcome on screen when the language changes', async () => {
    const { store, user } = await renderActions('zh-CN');
    await user.click(within(region('网络故障')).getByRole('checkbox', { name: '节点 4' }));
    await user.click(within(region('网络故障')).getByRole('button', { name: '按所选划分网络' }));
    await settle();
    expect(statusIn('网络故障')).toHaveTextContent('✓ 已划分网络：{1, 2, 3, 5} | {4}');
    act(() => store.getState().setLocale('en'));
    expect(statusIn('Network faults')).toHaveTextContent('✓ Network split: {1, 2, 3, 5} | {4}');
    expect(region('Network faults')).toHaveTextContent('Now: partitioned {1, 2, 3, 5} | {4}');
    act(() => store.getState().setLocale('zh-CN'));
    expect(statusIn('网络故障')).toHaveTextContent('✓ 已划分网络：{1, 2, 3, 5} | {4}');
  });
});

describe('the actions area in English, as before', () => {
  it('keeps its names, texts and outcome sentences', async () => {
    const { store, user } = await renderActions('en');
    expect(region('Client and faults')).toBeInTheDocument();
    const client = region('Client request');
    expect(within(client).getByRole('combobox', { name: 'Operation' })).toHaveDisplayValue('put');
    expect(within(client).getByRole('combobox', { name: 'Send to' })).toHaveDisplayValue('Leader');
    expect(screen.getByRole('combobox', { name: 'Steady client load' })).toHaveDisplayValue('Off');
    expect(screen.getByRole('option', { name: 'A put every 1000 ticks' })).toBeInTheDocument();

    const faults = region('Network faults');
    expect(faults).toHaveTextContent('Now: one network');
    expect(faults).toHaveTextContent('Pick the nodes of one side; the rest form the other.');
    await user.click(within(faults).getByRole('checkbox', { name: 'Node 2' }));
    expect(faults).toHaveTextContent('Groups: {2} | {1, 3, 4, 5}');
    await user.click(within(faults).getByRole('button', { name: 'Partition selected' }));
    await settle();
    expect(statusIn('Network faults')).toHaveTextContent('✓ Network split: {1, 3, 4, 5} | {2}');
    await user.click(within(faults).getByRole('button', { name: 'Cut link' }));
    await settle();
    expect(statusIn('Network faults')).toHaveTextContent('✓ Link 1↔2 cut');
    expect(faults).toHaveTextContent('Now: partitioned {1, 3, 4, 5} | {2}; cut links 1→2, 2→1');
    await user.click(within(faults).getByRole('button', { name: 'Restore link' }));
    await settle();
    expect(statusIn('Network faults')).toHaveTextContent('✓ Link 1↔2 restored');
    await user.selectOptions(within(faults).getByRole('combobox', { name: 'To' }), 'Node 1');
    expect(within(faults).getByText('Pick two different nodes.')).toBeInTheDocument();

    act(() => store.getState().act({ type: 'rejoin', node: 2 }));
    await settle();
    expect(statusIn('inspector outcome')).toHaveTextContent('✓ Node 2 rejoined: {1, 2, 3, 4, 5}');
    act(() => store.getState().act({ type: 'propose', node: 'leader', command: { type: 'noop' } }));
    await settle();
    expect(statusIn('Client request')).toHaveTextContent('⚠ No leader right now: the proposal was not sent. Wait for an election to finish.');
    act(() => store.getState().act({ type: 'crash', node: 2 }));
    await settle();
    act(() => store.getState().act({ type: 'crash', node: 2 }, { source: 'faults' }));
    await settle();
    expect(statusIn('Network faults')).toHaveTextContent('✗ node must be a running node (got node 2, which is crashed)');
  });

  it('one node: nothing to split or cut', async () => {
    await renderActions('en', 1);
    expect(within(region('Network faults')).getByText('One node: there is no network to split or cut.')).toBeInTheDocument();
  });
});

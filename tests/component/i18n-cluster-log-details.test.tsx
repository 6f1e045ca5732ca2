/**
 * The cluster view, the log view and the inspector in Simplified Chinese: the panels read the
 * language from the store (makeAppStore's display), the props-driven parts take the catalogue as
 * `m`, and the accessible names a user or a script finds them by are Chinese, while Figure 2's
 * names stay as the paper writes them. English is checked to be exactly what it was.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../../src/core/index.ts';
import type { MessageView, NodeId, Simulation } from '../../src/core/index.ts';
import { ClusterGraph } from '../../src/ui/components/ClusterGraph.tsx';
import { ClusterPanel } from '../../src/ui/components/ClusterPanel.tsx';
import { DetailsPanel } from '../../src/ui/components/DetailsPanel.tsx';
import { LogPanel } from '../../src/ui/components/LogPanel.tsx';
import { LogTable } from '../../src/ui/components/LogTable.tsx';
import { MessageDetails } from '../../src/ui/components/MessageDetails.tsx';
import { NodeInspector } from '../../src/ui/components/NodeInspector.tsx';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import type { Locale } from '../../src/ui/i18n/locale.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { messageLabel, messageTitle } from '../../src/ui/viz/message-kind.ts';
import { labelLines, nodeAriaLabel, nodeTitle, nodeTimer } from '../../src/ui/viz/node-status.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

const zh = messagesFor('zh-CN');
const en = messagesFor('en');

function withLeader(nodes = 3, seed = 4): { simulation: Simulation; leader: NodeId } {
  const simulation = createSimulation({ nodes, seed });
  expect(simulation.advanceUntil((s) => s.leader() !== null && s.view().nodes.every((node) => node.role !== 'candidate'), { maxTicks: 5_000 })).toBe(true);
  return { simulation, leader: simulation.leader()!.id };
}

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

async function renderPanels(locale: Locale) {
  const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: { nodes: 3, seed: 4 }, display: { theme: 'light', largeType: false, locale } });
  render(
    <AppStoreProvider store={store}>
      <ClusterPanel />
      <LogPanel />
      <DetailsPanel />
    </AppStoreProvider>,
  );
  await settle();
  // Until a leader is elected: the inspector then has a leader's progress to show.
  for (let i = 0; i < 40 && store.getState().view?.leader == null; i += 1) {
    act(() => store.getState().step(25));
    await settle();
  }
  expect(store.getState().view?.leader).not.toBeNull();
  return store;
}

describe('the panels in Chinese', () => {
  it('name the cluster view, its nodes, the legend, the log and the inspector in Chinese', async () => {
    const store = await renderPanels('zh-CN');
    const user = userEvent.setup();
    const view = store.getState().view!;
    const leader = view.leader!;

    expect(screen.getByRole('region', { name: '集群视图' })).toBeInTheDocument();
    const cluster = screen.getByRole('group', { name: '集群' });
    expect(within(cluster).getByRole('button', { name: `节点 ${leader.id}，领导者，任期 ${leader.term}` })).toBeInTheDocument();
    expect(within(cluster).getAllByRole('button', { name: /^节点 \d，跟随者，任期 \d+$/ })).toHaveLength(2);
    expect(within(cluster).getAllByText(`任期 ${leader.term}`).length).toBeGreaterThanOrEqual(1);
    expect(within(cluster).getAllByText('领导者').length).toBeGreaterThanOrEqual(1);

    await user.click(screen.getByRole('button', { name: '图例' }));
    const legend = screen.getByRole('complementary', { name: '图例' });
    expect(within(legend).getByText('颜色 = 任期')).toBeInTheDocument();
    expect(within(legend).getByText('跟 跟随者：细边框')).toBeInTheDocument();
    expect(within(legend).getByText(/“跟 任3 投7”/)).toBeInTheDocument();

    const logView = screen.getByRole('region', { name: '日志视图' });
    expect(within(logView).getByRole('table', { name: '日志' })).toBeInTheDocument();
    expect(within(logView).getByRole('rowheader', { name: `节点 ${leader.id}` })).toBeInTheDocument();
    expect(within(logView).getByRole('button', { name: '跳到开头' })).toHaveTextContent('« 开头');
    expect(within(logView).getByRole('group', { name: '日志窗口（方向键移动）' })).toBeInTheDocument();
    expect(within(logView).getByText(/^实心：已提交/)).toBeInTheDocument();

    const details = screen.getByRole('region', { name: '详情' });
    expect(within(details).getByRole('heading', { name: '详情' })).toBeInTheDocument();
    expect(within(details).getByText('点击一个节点（或按 1–3）查看它的状态，并让它崩溃或重启；点击一条传输中的消息查看它的字段。')).toBeInTheDocument();

    act(() => store.getState().selectNode(leader.id));
    await settle();
    expect(within(details).getByRole('heading', { name: `节点 ${leader.id}` })).toBeInTheDocument();
    expect(within(details).getAllByRole('button').map((button) => button.textContent)).toEqual(['崩溃', '隔离', '移除节点']);
    expect(within(details).getByRole('region', { name: '持久状态' })).toBeInTheDocument();
    expect(within(details).getByRole('progressbar', { name: '心跳计时器' })).toBeInTheDocument();
    expect(within(details).getByRole('table', { name: `领导者 ${leader.id} 对各跟随者的复制进度` })).toBeInTheDocument();
  });

  it('keep the English names exactly, and switch language at once', async () => {
    const store = await renderPanels('en');
    const leader = store.getState().view!.leader!;
    expect(screen.getByRole('region', { name: 'Cluster view' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: `Node ${leader.id}, leader, term ${leader.term}` })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Legend' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Log view' })).toBeInTheDocument();
    expect(screen.getByText('Click a node (or press 1–3) to see its state and crash or restart it; click a message in flight to see its fields.')).toBeInTheDocument();

    act(() => store.getState().setLocale('zh-CN'));
    await settle();
    expect(screen.getByRole('button', { name: `节点 ${leader.id}，领导者，任期 ${leader.term}` })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Cluster view' })).toBeNull();
    expect(screen.getByRole('region', { name: '详情' })).toBeInTheDocument();
  });
});

describe('the cluster graph in Chinese', () => {
  it('names crashed nodes, partitions, cut links and messages in Chinese', () => {
    const { simulation, leader } = withLeader(5, 1);
    const follower = simulation.nodeIds.find((id) => id !== leader)!;
    simulation.crash(follower);
    simulation.partition([[1, 2], [3, 4, 5]]);
    simulation.cutLink(3, 4, { bothWays: false });
    simulation.advanceUntil((s) => s.view().inFlight.length > 0, { maxTicks: 5_000 });
    const view = simulation.view();
    const crashed = view.nodes.find((node) => node.id === follower)!;
    render(<ClusterGraph m={zh} view={view} tick={view.tick} selectedNode={null} selectedMessage={null} onSelectNode={vi.fn()} onSelectMessage={vi.fn()} />);
    const cluster = screen.getByRole('group', { name: '集群' });
    expect(within(cluster).getByRole('button', { name: `节点 ${follower}，跟随者，任期 ${crashed.term}，已崩溃` })).toBeInTheDocument();
    expect(within(cluster).getByText('分区 A')).toBeInTheDocument();
    expect(within(cluster).getByRole('img', { name: '分区 B：节点 3、4、5（构成 5 个节点中的多数派）' })).toBeInTheDocument();
    expect(within(cluster).getByRole('img', { name: '分区 A：节点 1、2（不构成 5 个节点中的多数派）' })).toBeInTheDocument();
    expect(within(cluster).getByRole('img', { name: '链路 3 → 4 已切断' })).toBeInTheDocument();
    const messages = within(cluster).getAllByRole('button', { name: /^Msg\w+ 从 \d+ 发往 \d+，任期 \d+/ });
    expect(messages).toHaveLength(view.inFlight.length);
    expect(within(cluster).queryAllByRole('button', { name: /from|term/ })).toHaveLength(0);
  });

  it('labels a node in Chinese, and in one short line where three do not fit', () => {
    const widest = { role: 'candidate', alive: true, term: 12, vote: 15 } as const;
    expect(labelLines(zh, widest, 'full')).toEqual(['候选人', '任期 12', '投票给 15']);
    expect(labelLines(zh, { ...widest, vote: null }, 'full')).toEqual(['候选人', '任期 12', '未投票']);
    expect(labelLines(zh, widest, 'compact')).toEqual(['候 任12 投15']);
    expect(labelLines(zh, { role: null, alive: false, term: 2, vote: null }, 'compact')).toEqual(['✗ 任2 投–']);
    expect(labelLines(zh, { role: null, alive: false, term: 2, vote: 1 }, 'full')).toEqual(['已崩溃', '任期 2', '投票给 1']);
    // English as before.
    expect(labelLines(en, widest, 'full')).toEqual(['candidate', 'term 12', 'voted 15']);
    expect(labelLines(en, { role: 'follower', alive: true, term: 3, vote: 7 }, 'compact')).toEqual(['F t3 v7']);
  });

  it('draws the Chinese role character in a badge a little larger than the Latin letter', () => {
    const { simulation, leader } = withLeader();
    const view = simulation.view();
    const props = { view, tick: view.tick, selectedNode: null, selectedMessage: null, onSelectNode: vi.fn(), onSelectMessage: vi.fn() };
    const badge = (container: HTMLElement) => container.querySelector(`[data-node-id="${leader}"] .raft-node__badge`)!;
    const english = render(<ClusterGraph {...props} />);
    expect(badge(english.container)).toHaveTextContent('L');
    const latinWidth = Number(badge(english.container).querySelector('rect')!.getAttribute('width'));
    english.unmount();
    const chinese = render(<ClusterGraph {...props} m={zh} />);
    expect(badge(chinese.container)).toHaveTextContent('领');
    expect(Number(badge(chinese.container).querySelector('rect')!.getAttribute('width'))).toBeGreaterThan(latinWidth);
  });

  it('words the hover texts in Chinese and keeps the English ones', () => {
    const { simulation, leader } = withLeader();
    simulation.advance(50);
    const node = simulation.view().nodes.find((candidate) => candidate.id !== leader && candidate.lead === leader)!;
    expect(node).toBeDefined();
    const timer = nodeTimer(node, simulation.view().raft.heartbeatIntervalTicks);
    const chinese = nodeTitle(zh, node, timer).split('\n');
    expect(chinese[0]).toBe(`节点 ${node.id}，跟随者，任期 ${node.term}`);
    expect(chinese).toContain(`已知领导者：节点 ${leader}`);
    expect(chinese).toContain(`选举计时器 ${node.electionElapsed}/${node.electionTimeout} tick`);
    expect(chinese.at(-1)).toBe(`日志：最后索引 ${node.log.lastIndex}，已提交至 ${node.log.committed}`);
    expect(nodeTitle(en, node, timer).split('\n')).toEqual([
      `Node ${node.id}, follower, term ${node.term}`,
      node.vote === null ? 'no vote' : `voted ${node.vote}`,
      `leader known: ${leader}`,
      `election timer ${node.electionElapsed}/${node.electionTimeout} ticks`,
      `log: last ${node.log.lastIndex}, committed ${node.log.committed}`,
    ]);
    expect(nodeAriaLabel(en, { id: 3, role: null, term: 4, alive: false })).toBe('Node 3, follower, term 4, crashed');

    const base = { id: 7, from: 1, to: 3, term: 3, sentTick: 0, deliverTick: 10, dropReason: 'loss', copyOf: 5, reordered: false, summary: 'MsgApp 1→3 term 3 prev 0/0 entry 1 commit 0' } as const;
    const append = { ...base, type: 'MsgApp', message: { type: 'MsgApp', from: 1, to: 3, term: 3, prevLogIndex: 0, prevLogTerm: 0, entries: [{ index: 1, term: 3, command: { type: 'noop' } }], leaderCommit: 0 } } as const;
    expect(messageLabel(zh, append)).toBe('MsgApp 从 1 发往 3，任期 3，1 个条目，重复，将丢失');
    expect(messageTitle(zh, append)).toBe('#7 MsgApp 1→3 任期 3，prevLogIndex 0，prevLogTerm 0，条目 1，leaderCommit 0\n消息 #5 的重复副本\n将会丢失：网络随机丢弃了它（丢包）');
    expect(messageLabel(en, append)).toBe('MsgApp from 1 to 3, term 3, 1 entry, duplicate, lost');
    expect(messageTitle(en, append)).toBe('#7 MsgApp 1→3 term 3 prev 0/0 entry 1 commit 0\nduplicate of message #5\nwill be lost (loss)');
  });
});

describe('the log table and the inspector in Chinese', () => {
  it("labels log cells and markers in Chinese, with Figure 2's names as they are", () => {
    const { simulation, leader } = withLeader();
    simulation.put('x0', '0');
    const target = simulation.nodeState(leader).lastIndex;
    simulation.advanceUntil((s) => s.nodeIds.every((id) => s.nodeState(id).commitIndex >= target), { maxTicks: 5_000 });
    const view = simulation.view();
    render(<LogTable m={zh} view={view} from={1} count={10} onScroll={() => {}} />);
    const row = screen.getByRole('rowheader', { name: `节点 ${leader}` }).closest('tr')!;
    expect(within(row).getByRole('cell', { name: /^索引 \d+，任期 \d+，x0=0，已提交，已应用/ })).toHaveAttribute('title', expect.stringMatching(/（put x0=0）$/));
    expect(within(row).getByRole('cell', { name: /，commitIndex/ })).toBeInTheDocument();
    const follower = simulation.nodeIds.find((id) => id !== leader)!;
    const followerRow = screen.getByRole('rowheader', { name: `节点 ${follower}` }).closest('tr')!;
    expect(within(followerRow).getByRole('cell', { name: /领导者的 nextIndex/ })).toBeInTheDocument();
    expect(within(followerRow).getByText(/^nextIndex \d+ · matchIndex \d+$/)).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '状态' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '更晚的条目' })).toHaveTextContent('更晚 ▶');
  });

  it("shows a leader's state, progress and key-value state in Chinese", () => {
    const { simulation, leader } = withLeader();
    simulation.put('k', 'v');
    simulation.advance(200);
    const node = simulation.node(leader);
    render(<NodeInspector m={zh} node={node} view={simulation.view()} onCrash={vi.fn()} onRestart={vi.fn()} onIsolate={vi.fn()} onRejoin={vi.fn()} />);
    expect(screen.getByRole('heading', { name: `节点 ${leader}` })).toBeInTheDocument();
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['崩溃', '隔离']);
    const persistent = screen.getByRole('region', { name: '持久状态' });
    expect(within(persistent).getByText('currentTerm').nextSibling).toHaveTextContent(String(node.term));
    expect(within(persistent).getByText('currentTerm')).toHaveAttribute('title', '该节点见过的最新任期（§5.1）');
    expect(within(persistent).getByText('日志').nextSibling).toHaveTextContent(/^最后索引 \d+（内存中 \d+ 个条目）$/);
    const volatile = screen.getByRole('region', { name: '易失状态' });
    expect(within(volatile).getByText('角色').nextSibling).toHaveTextContent('领导者');
    expect(within(volatile).getByText('commitIndex')).toBeInTheDocument();
    const progress = screen.getByRole('table', { name: `领导者 ${leader} 对各跟随者的复制进度` });
    expect(within(progress).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['跟随者', 'nextIndex', 'matchIndex', '落后', '模式', '暂停', '传输中']);
    expect(within(progress).getAllByRole('rowheader').map((header) => header.textContent)).toEqual(simulation.nodeIds.filter((id) => id !== leader).map((id) => `节点 ${id}`));
    const kv = screen.getByRole('table', { name: `节点 ${leader} 的键值状态` });
    expect(within(kv).getByRole('columnheader', { name: '键' })).toBeInTheDocument();
    expect(within(kv).getByRole('rowheader', { name: 'k' }).nextSibling).toHaveTextContent('v');
  });

  it("lists a message's fields under Figure 2's names, explained in Chinese", () => {
    const { simulation } = withLeader();
    simulation.put('y', '7');
    const carriesY = (item: MessageView) => item.message.type === 'MsgApp' && item.message.entries.some((entry) => entry.command.type === 'put' && entry.command.key === 'y');
    simulation.advanceUntil((s) => s.view().inFlight.some(carriesY), { maxTicks: 1_000 });
    const message = simulation.view().inFlight.find(carriesY)!;
    expect(message).toBeDefined();
    render(<MessageDetails m={zh} message={message} tick={simulation.tick} />);
    expect(screen.getByRole('heading', { name: /^AppendEntries/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '参数' })).toBeInTheDocument();
    expect(screen.getByText('prevLogIndex')).toBeInTheDocument();
    expect(screen.getByText('leaderCommit')).toBeInTheDocument();
    expect(screen.getByText('发送方 → 接收方').nextSibling).toHaveTextContent(`节点 ${message.from} → 节点 ${message.to}`);
    expect(screen.getByText('传输中')).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: /^索引 \d+，任期 \d+，put y=7$/ })).toBeInTheDocument();
  });
});

/**
 * The "Why?" panel and Figure 2 on the real worker (in process), 3 nodes, seed 2: node 3 stands at
 * tick 410, node 2 grants its vote on delivery of message #2 at tick 431, node 3 leads from 451.
 *   - Nothing selected: a one-line hint.
 *   - A node: its latest decisions, most recent first, in words with the numbers and the section;
 *     a click seeks to the decision's tick.
 *   - A message: sent, then delivered, then the receiver's decision on it, marked "On delivery".
 *   - Figure 2, folded until opened: the rule the latest event exercised is aria-current, each
 *     exercised rule counts its uses and its button seeks to the latest.
 *   - The same in Chinese.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Figure2Panel } from '../../src/ui/components/Figure2Panel.tsx';
import { WhyPanel } from '../../src/ui/components/WhyPanel.tsx';
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

async function renderPanels(locale: Locale = 'en') {
  const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: { nodes: 3, seed: 2 }, display: { theme: 'light', largeType: false, locale } });
  render(
    <AppStoreProvider store={store}>
      <WhyPanel />
      <Figure2Panel />
    </AppStoreProvider>,
  );
  await settle();
  return { store, user: userEvent.setup() };
}

async function stepTo(store: Awaited<ReturnType<typeof renderPanels>>['store'], tick: number): Promise<void> {
  act(() => store.getState().step(tick - store.getState().timeline.tick));
  await settle();
  expect(store.getState().timeline.tick).toBe(tick);
}

const why = () => screen.getByRole('region', { name: 'Why?' });
const items = (region: HTMLElement) => within(region).queryAllByRole('listitem').map((item) => item.textContent);

describe('the Why? panel', () => {
  it('gives a hint, then the selected node’s decisions newest first, each seeking to its tick', async () => {
    const { store, user } = await renderPanels();
    expect(within(why()).getByText(/Select a node or a message/)).toBeInTheDocument();
    await stepTo(store, 600);
    act(() => store.getState().selectNode(2));
    await settle();
    expect(within(why()).getByRole('heading', { name: 'Node 2: its latest decisions' })).toBeInTheDocument();
    const lines = items(why());
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(8);
    const vote = lines.findIndex((line) => line?.includes('Node 2 granted vote to node 3 in term 1'));
    expect(vote).toBeGreaterThanOrEqual(0);
    expect(lines[vote]).toBe("431VOTENode 2 granted vote to node 3 in term 1: candidate's log (last term 0, index 0) is at least as up to date as ours (last term 0, index 0) (§5.4.1)");
    // Most recent first: the term it learned from node 3's RequestVote comes after the vote in the list.
    expect(lines.findIndex((line) => line?.includes('moved to term 1 (was 0): a message from node 3'))).toBeGreaterThan(vote);

    await user.click(within(why()).getByRole('button', { name: /Node 2 granted vote/ }));
    await settle();
    expect(store.getState().timeline.tick).toBe(431);
  });

  it('tells a message’s story: sent, delivered, and what the receiver decided on it', async () => {
    const { store } = await renderPanels();
    await stepTo(store, 420);
    const request = store.getState().view!.inFlight.find((message) => message.type === 'MsgVote' && message.to === 2)!;
    expect(request).toBeDefined();
    act(() => store.getState().selectMessage(request.id));
    await settle();
    expect(within(why()).getByRole('heading', { name: `Message #${request.id}` })).toBeInTheDocument();
    expect(items(why())).toEqual([expect.stringMatching(/^410SENDNode 3 sent RequestVote to node 2 in term 1 \(lastLogIndex 0, lastLogTerm 0\); due at tick 431$/)]);

    await stepTo(store, 440);
    const lines = items(why());
    expect(lines[1]).toMatch(/^431RECVNode 2 received RequestVote from node 3 in term 1/);
    expect(lines.slice(2)).toContain("431VOTEOn delivery: Node 2 granted vote to node 3 in term 1: candidate's log (last term 0, index 0) is at least as up to date as ours (last term 0, index 0) (§5.4.1)");
    expect(lines.slice(2).every((line) => line?.startsWith('431') && line.includes('On delivery: Node 2'))).toBe(true);
  });

  it('speaks Chinese', async () => {
    const { store } = await renderPanels('zh-CN');
    const region = screen.getByRole('region', { name: '为什么？' });
    expect(within(region).getByText(/选择一个节点或一条消息/)).toBeInTheDocument();
    await stepTo(store, 600);
    act(() => store.getState().selectNode(2));
    await settle();
    expect(within(region).getByRole('heading', { name: '节点 2：最近的决定' })).toBeInTheDocument();
    expect(items(region).some((line) => line?.startsWith('431VOTE节点 2 ') && line.includes('§5.4.1'))).toBe(true);
  });
});

describe('Figure 2 as a live reference', () => {
  it('is folded until opened; marks the rule the latest event exercised and links each rule to its latest event', async () => {
    const { store, user } = await renderPanels();
    const figure = screen.getByRole('region', { name: 'Figure 2' });
    const details = figure.querySelector('details')!;
    expect(details.open).toBe(false);
    await user.click(within(figure).getByText('Figure 2: the rules of Raft'));
    expect(details.open).toBe(true);
    expect(within(figure).getByRole('heading', { name: 'RequestVote RPC: receiver implementation' })).toBeInTheDocument();
    expect(within(figure).getAllByRole('listitem')).toHaveLength(19);

    await stepTo(store, 440);
    // At 440 the latest event exercising a rule is node 1's or node 2's vote (§5.4.1): RequestVote rule 2.
    const current = figure.querySelectorAll('li[aria-current="true"]');
    expect(current).toHaveLength(1);
    expect(current[0]!.textContent).toMatch(/^If votedFor is null or candidateId.*exercised now/);
    expect(current[0]!.textContent).toContain('exercised 2 times recently');

    const link = within(figure).getByRole('button', { name: 'RequestVote RPC: receiver implementation, rule 2: go to the latest event that exercised it, at tick 435' });
    await user.click(link);
    await settle();
    expect(store.getState().timeline.tick).toBe(435);
    // Back at 435: only rules exercised by then count; the election-timeout rule has its one use.
    expect(within(figure).getByRole('button', { name: /^Followers \(§5\.2\), rule 2: .* at tick 410$/ })).toBeInTheDocument();
  });

  it('speaks Chinese', async () => {
    const { store, user } = await renderPanels('zh-CN');
    const figure = screen.getByRole('region', { name: '图 2' });
    await user.click(within(figure).getByText('图 2：Raft 的规则'));
    await stepTo(store, 440);
    expect(figure.querySelector('li[aria-current="true"]')!.textContent).toMatch(/^如果 votedFor 为空.*当前执行的规则/);
    expect(within(figure).getByRole('heading', { name: 'AppendEntries RPC：接收者的实现' })).toBeInTheDocument();
  });
});

/**
 * The event log in Simplified Chinese: its names, the topic chips (the codes stay, their
 * descriptions are Chinese), the node filter, the count and each row's explanation; and a switch
 * of language at run time renders every row again, back in the English it always had.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SimEvent } from '../../src/core/index.ts';
import { createSimulation, topics } from '../../src/core/index.ts';
import { EventLog } from '../../src/ui/components/EventLog.tsx';
import { EventsPanel } from '../../src/ui/components/EventsPanel.tsx';
import { explain } from '../../src/ui/explain.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { fakePort } from '../support/fake-port.ts';

const english = messagesFor('en');
const chinese = messagesFor('zh-CN');

function chineseStore() {
  return makeAppStore(fakePort().port, { start: false, display: { theme: 'light', largeType: false, locale: 'zh-CN' } });
}

/** A short run with votes, a crash and a partition: a few hundred events. */
function shortRun() {
  const simulation = createSimulation({ nodes: 3, seed: 4 });
  simulation.advanceUntil((s) => s.leader() !== null, { maxTicks: 5_000 });
  simulation.put('x', '1');
  simulation.advance(100);
  simulation.crash(simulation.leader()!.id);
  simulation.advance(300);
  simulation.partition([[1], [2, 3]]);
  simulation.advance(100);
  const events: SimEvent[] = [...simulation.events()];
  return { simulation, events };
}

describe('EventLog in Chinese', () => {
  it('names the log, the chips, the node filter and the rows in Chinese', async () => {
    const { simulation, events } = shortRun();
    const store = chineseStore();
    const user = userEvent.setup();
    const onSeek = vi.fn();
    render(
      <AppStoreProvider store={store}>
        <EventLog events={events} nodeIds={simulation.nodeIds} onSeek={onSeek} />
      </AppStoreProvider>,
    );

    const log = screen.getByRole('region', { name: '事件日志' });
    expect(within(log).getByRole('heading', { name: '事件' })).toBeInTheDocument();
    const chips = screen.getByRole('group', { name: '主题' });
    expect(within(chips).getByRole('button', { name: '全部' })).toHaveAttribute('aria-pressed', 'true');
    // The topic codes are codes in every language; what each covers is said in Chinese.
    for (const topic of topics) expect(within(chips).getByRole('button', { name: topic, description: chinese.events.topics[topic] })).toBeInTheDocument();
    expect(within(chips).getByRole('button', { name: 'VOTE' })).toHaveAccessibleDescription('投票');
    expect(within(chips).getByRole('button', { name: 'FAULT' })).toHaveAccessibleDescription('故障');

    const nodeFilter = screen.getByRole('combobox', { name: '节点' });
    expect(within(nodeFilter).getAllByRole('option').map((option) => option.textContent)).toEqual(['所有节点', '节点 1', '节点 2', '节点 3']);
    expect(screen.getByText(`${events.length} 个事件`)).toBeInTheDocument();

    const list = screen.getByRole('list', { name: '事件' });
    const rows = [...list.querySelectorAll('button')];
    expect(rows).toHaveLength(events.length);
    expect(rows[0]).toHaveAttribute('title', `跳转到 tick ${events[0]!.tick}`);
    for (const [index, row] of rows.entries()) {
      expect(row.querySelector('.event-text')!.textContent).toBe(explain(chinese, events[index]!));
      expect(row.querySelector('.event-text')).toHaveTextContent(/\p{Script=Han}/u);
    }
    const net = events.findIndex((event) => event.node === null);
    expect(rows[net]!.querySelector('.event-node')).toHaveTextContent('网络');

    await user.click(within(chips).getByRole('button', { name: 'VOTE' }));
    const voteRows = [...list.querySelectorAll('.event-text')].map((row) => row.textContent);
    expect(voteRows.length).toBeGreaterThan(0);
    expect(voteRows.some((text) => /^在任期 \d+ 投票给节点 \d：候选人的日志（最后条目任期 \d+，索引 \d+）至少和自己的（.*）一样新（§5\.4\.1）$/.test(text))).toBe(true);
    expect(voteRows.some((text) => /^在任期 \d+ 获得节点 \d 的选票（\d 票同意，\d 票拒绝，需要 2 票）$/.test(text))).toBe(true);

    const crash = events.find((event) => event.type === 'node-crashed')!;
    await user.click(within(chips).getByRole('button', { name: '全部' }));
    await user.selectOptions(nodeFilter, `节点 ${crash.node!}`);
    expect(list).toHaveTextContent('崩溃：易失状态全部丢失；磁盘上仍保留任期、投票记录、快照和日志');
  });

  it('says how many events it shows when there are more than it draws', () => {
    const simulation = createSimulation({ nodes: 5, seed: 7 });
    simulation.advance(2_000);
    const events = [...simulation.events()];
    expect(events.length).toBeGreaterThan(200);
    render(
      <AppStoreProvider store={chineseStore()}>
        <EventLog events={events} nodeIds={simulation.nodeIds} onSeek={vi.fn()} />
      </AppStoreProvider>,
    );
    expect(screen.getByText(`显示 ${events.length} 个匹配事件中的最后 200 个`)).toBeInTheDocument();
  });

  it('renders every row again when the language changes, in the English it always had', () => {
    const { simulation, events } = shortRun();
    const store = chineseStore();
    render(
      <AppStoreProvider store={store}>
        <EventLog events={events} nodeIds={simulation.nodeIds} onSeek={vi.fn()} />
      </AppStoreProvider>,
    );
    expect(screen.getByRole('group', { name: '主题' })).toBeInTheDocument();
    act(() => store.getState().setLocale('en'));

    expect(screen.getByRole('region', { name: 'Event log' })).toBeInTheDocument();
    const chips = screen.getByRole('group', { name: 'Topics' });
    expect(within(chips).getByRole('button', { name: 'All' })).toBeInTheDocument();
    expect(within(chips).getByRole('button', { name: 'VOTE' })).toHaveAccessibleDescription('votes');
    expect(within(chips).getByRole('button', { name: 'PERS' })).toHaveAccessibleDescription('disk writes');
    expect(screen.getByRole('combobox', { name: 'Node' })).toHaveTextContent('All nodesNode 1Node 2Node 3');
    expect(screen.getByText(`${events.length} events`)).toBeInTheDocument();
    const rows = [...screen.getByRole('list', { name: 'Events' }).querySelectorAll('button')];
    expect(rows[0]).toHaveAttribute('title', `Seek to tick ${events[0]!.tick}`);
    for (const [index, row] of rows.entries()) expect(row.querySelector('.event-text')!.textContent).toBe(explain(english, events[index]!));
  });
});

describe('EventsPanel in Chinese', () => {
  it('is a region named 事件 around the log', () => {
    const { simulation, events } = shortRun();
    const store = chineseStore();
    store.setState({ view: simulation.view(), events, timeline: { ...store.getState().timeline, tick: simulation.tick } });
    render(
      <AppStoreProvider store={store}>
        <EventsPanel />
      </AppStoreProvider>,
    );
    const panel = screen.getByRole('region', { name: '事件' });
    expect(within(panel).getByRole('region', { name: '事件日志' })).toBeInTheDocument();
    expect(within(panel).getByText(`${events.length} 个事件`)).toBeInTheDocument();
  });
});

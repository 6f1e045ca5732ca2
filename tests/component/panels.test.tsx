/**
 * The panels, fed real views: each test builds a small cluster with the headless API, drives it
 * to the situation under test (a leader with followers, a crashed node, a long log), renders the
 * panel from `simulation.view()`, and checks what a user sees and what the callbacks receive.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ClusterView, NodeId, SimEvent, SimulationOptions } from '../../src/core/index.ts';
import { createSimulation } from '../../src/core/index.ts';
import type { Simulation } from '../../src/core/index.ts';
import { ClientPanel } from '../../src/ui/components/ClientPanel.tsx';
import { EventLog, eventRowsMax } from '../../src/ui/components/EventLog.tsx';
import { FaultPanel } from '../../src/ui/components/FaultPanel.tsx';
import { LogTable } from '../../src/ui/components/LogTable.tsx';
import { MessageDetails } from '../../src/ui/components/MessageDetails.tsx';
import { NodeInspector } from '../../src/ui/components/NodeInspector.tsx';
import { KvTable } from '../../src/ui/components/KvTable.tsx';
import { SettingsPanel } from '../../src/ui/components/SettingsPanel.tsx';
import { explain } from '../../src/ui/explain.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { fakePort } from '../support/fake-port.ts';
import { withStore } from '../support/with-store.tsx';

/** The English catalogue, for the event explanations (explain takes the catalogue). */
const english = messagesFor('en');

/** A cluster with an elected leader and `puts` committed entries (x0=0, x1=1, …). */
function clusterWithLeader(options: SimulationOptions & { puts?: number } = {}): { simulation: Simulation; leader: NodeId } {
  const { puts = 3, ...rest } = options;
  const simulation = createSimulation({ nodes: 3, seed: 4, ...rest });
  expect(simulation.advanceUntil((s) => s.leader() !== null, { maxTicks: 5_000 })).toBe(true);
  for (let i = 0; i < puts; i += 1) simulation.put(`x${i}`, String(i));
  const leader = simulation.leader()!.id;
  const target = simulation.nodeState(leader).lastIndex;
  expect(simulation.advanceUntil((s) => s.nodeIds.every((id) => s.nodeState(id).commitIndex >= target), { maxTicks: 5_000 })).toBe(true);
  return { simulation, leader };
}

function rowOf(node: NodeId): HTMLElement {
  return screen.getByRole('rowheader', { name: `Node ${node}` }).closest('tr')!;
}

function cellLabels(row: HTMLElement): string[] {
  return within(row).queryAllByRole('cell').map((cell) => cell.getAttribute('aria-label') ?? '');
}

describe('LogTable', () => {
  it("shows the leader's nextIndex and matchIndex on each follower row, and commit marks", () => {
    const { simulation, leader } = clusterWithLeader();
    const view = simulation.view();
    const progress = view.nodes.find((node) => node.id === leader)!.progress;
    expect(progress.length).toBe(2);
    render(<LogTable view={view} from={1} count={30} onScroll={() => {}} />);
    expect(screen.getByRole('table', { name: 'Logs' })).toBeInTheDocument();
    for (const follower of progress) {
      const labels = cellLabels(rowOf(follower.follower));
      expect(labels.find((label) => label.includes("leader's nextIndex"))).toMatch(new RegExp(`^index ${follower.nextIndex},`));
      expect(labels.find((label) => label.includes("leader's matchIndex"))).toMatch(new RegExp(`^index ${follower.matchIndex},`));
    }
    const leaderLog = view.nodes.find((node) => node.id === leader)!.log;
    const leaderLabels = cellLabels(rowOf(leader));
    expect(leaderLabels.find((label) => label.includes('commitIndex'))).toMatch(new RegExp(`^index ${leaderLog.committed}, term \\d+, .*, committed`));
    expect(leaderLabels.some((label) => label.includes("leader's nextIndex"))).toBe(false);
    expect(within(rowOf(leader)).getByRole('cell', { name: /^index \d+, term \d+, x0=0, committed, applied/ })).toBeInTheDocument();
  });

  it("greys a crashed node's row and shows the log on its disk", () => {
    const { simulation, leader } = clusterWithLeader();
    const follower = simulation.nodeIds.find((id) => id !== leader)!;
    simulation.crash(follower);
    const view = simulation.view();
    render(<LogTable view={view} from={1} count={30} onScroll={() => {}} />);
    const row = rowOf(follower);
    expect(row).toHaveClass('is-crashed');
    expect(rowOf(leader)).not.toHaveClass('is-crashed');
    const diskLast = simulation.persisted(follower).entries.length;
    expect(diskLast).toBeGreaterThan(0);
    expect(cellLabels(row).filter((label) => label.endsWith('on disk') || label.includes('on disk,'))).toHaveLength(diskLast);
    expect(within(row).getByText(/crashed/)).toBeInTheDocument();
  });

  it('renders only a window of a long log, and moving the window changes the first index shown', async () => {
    const { simulation } = clusterWithLeader({ raft: { snapshotThresholdEntries: 0 }, puts: 300 });
    const count = 20;
    function Windowed() {
      const [from, setFrom] = useState(1);
      const view: ClusterView = simulation.view({ logWindow: { from, count } });
      return <LogTable view={view} from={from} count={count} onScroll={setFrom} />;
    }
    const user = userEvent.setup();
    render(<Windowed />);
    const indexHeaders = () => screen.getAllByRole('columnheader').slice(2).map((header) => Number(header.textContent));
    expect(indexHeaders()).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    for (const row of screen.getAllByRole('row').slice(1)) expect(within(row).getAllByRole('cell').length).toBeLessThanOrEqual(count + 1);

    await user.click(screen.getByRole('button', { name: 'Later entries' }));
    expect(indexHeaders()[0]).toBe(11);
    await user.click(screen.getByRole('button', { name: 'Earlier entries' }));
    expect(indexHeaders()[0]).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    const last = simulation.nodeState(simulation.leader()!.id).lastIndex;
    expect(last).toBeGreaterThanOrEqual(301);
    expect(indexHeaders()).toHaveLength(count);
    expect(indexHeaders().at(-1)).toBe(last + 1);
    expect(screen.getByRole('button', { name: 'Later entries' })).toBeDisabled();
    expect(within(rowOf(simulation.leader()!.id)).getByRole('cell', { name: /, x299=299, committed/ })).toBeInTheDocument();

    fireEvent.change(screen.getByRole('slider', { name: 'Log window start' }), { target: { value: '100' } });
    expect(indexHeaders()[0]).toBe(100);
  }, 20_000);

  it('folds the compacted prefix into one "snapshot ≤ N" cell', () => {
    const { simulation, leader } = clusterWithLeader({ raft: { snapshotThresholdEntries: 5 }, puts: 12 });
    const view = simulation.view();
    const snapshotIndex = view.nodes.find((node) => node.id === leader)!.log.snapshotIndex;
    expect(snapshotIndex).toBeGreaterThan(0);
    render(<LogTable view={view} from={1} count={30} onScroll={() => {}} />);
    const cell = within(rowOf(leader)).getByRole('cell', { name: new RegExp(`^indexes 1 to ${snapshotIndex} compacted into a snapshot`) });
    expect(cell).toHaveTextContent(`snapshot ≤ ${snapshotIndex}`);
    expect(cell).toHaveAttribute('colspan', String(snapshotIndex));
  });
});

describe('NodeInspector and ProgressTable', () => {
  it('offers Crash for a live node and Restart for a crashed one, and calls back with the node', async () => {
    const { simulation, leader } = clusterWithLeader();
    const follower = simulation.nodeIds.find((id) => id !== leader)!;
    const callbacks = { onCrash: vi.fn(), onRestart: vi.fn(), onIsolate: vi.fn(), onRejoin: vi.fn() };
    const user = userEvent.setup();
    const { rerender } = render(<NodeInspector node={simulation.node(follower)} view={simulation.view()} {...callbacks} />);
    expect(screen.getByRole('heading', { name: `Node ${follower}` })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Restart' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Crash' }));
    expect(callbacks.onCrash).toHaveBeenCalledWith(follower);
    await user.click(screen.getByRole('button', { name: 'Isolate' }));
    expect(callbacks.onIsolate).toHaveBeenCalledWith(follower);

    simulation.crash(follower);
    rerender(<NodeInspector node={simulation.node(follower)} view={simulation.view()} {...callbacks} />);
    expect(screen.queryByRole('button', { name: 'Crash' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Restart' }));
    expect(callbacks.onRestart).toHaveBeenCalledWith(follower);
    expect(screen.getByText(/Lost in the crash/)).toBeInTheDocument();
  });

  it("shows a node's persistent and volatile state, timer and key-value state", () => {
    const { simulation, leader } = clusterWithLeader();
    const node = simulation.node(leader);
    render(<NodeInspector node={node} view={simulation.view()} onCrash={vi.fn()} onRestart={vi.fn()} onIsolate={vi.fn()} onRejoin={vi.fn()} />);
    const persistent = screen.getByRole('region', { name: 'Persistent state' });
    expect(within(persistent).getByText('currentTerm').nextSibling).toHaveTextContent(String(node.term));
    const volatile = screen.getByRole('region', { name: 'Volatile state' });
    expect(within(volatile).getByText('commitIndex').nextSibling).toHaveTextContent(String(node.log.committed));
    expect(screen.getByRole('progressbar', { name: 'Heartbeat timer' })).toBeInTheDocument();
    const kv = screen.getByRole('table', { name: `Key-value state of node ${leader}` });
    expect(within(kv).getByRole('rowheader', { name: 'x2' }).nextSibling).toHaveTextContent('2');
  });

  it("lists the leader's followers with nextIndex, matchIndex and mode", () => {
    const { simulation, leader } = clusterWithLeader();
    const node = simulation.node(leader);
    render(<NodeInspector node={node} view={simulation.view()} onCrash={vi.fn()} onRestart={vi.fn()} onIsolate={vi.fn()} onRejoin={vi.fn()} />);
    const table = screen.getByRole('table', { name: `Leader ${leader}'s progress per follower` });
    const followers = simulation.nodeIds.filter((id) => id !== leader);
    expect(within(table).getAllByRole('rowheader').map((header) => header.textContent)).toEqual(followers.map((id) => `Node ${id}`));
    for (const progress of node.progress) {
      const row = within(table).getByRole('rowheader', { name: `Node ${progress.follower}` }).closest('tr')!;
      expect(within(row).getAllByRole('cell').map((cell) => cell.textContent).slice(0, 2)).toEqual([String(progress.nextIndex), String(progress.matchIndex)]);
      expect(row).toHaveTextContent(progress.state);
    }
  });
});

describe('MessageDetails', () => {
  it("names the RPC as the paper does and lists AppendEntries' arguments", () => {
    const { simulation } = clusterWithLeader();
    simulation.put('y', '7');
    const message = simulation.view().inFlight.find((item) => item.type === 'MsgApp' && item.message.type === 'MsgApp' && item.message.entries.length > 0)!;
    expect(message).toBeDefined();
    render(<MessageDetails message={message} tick={simulation.tick} />);
    expect(screen.getByRole('heading', { name: /^AppendEntries/ })).toBeInTheDocument();
    expect(screen.getByText('prevLogIndex')).toBeInTheDocument();
    expect(screen.getByText('leaderCommit')).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: /term \d+, put y=7/ })).toBeInTheDocument();
    expect(screen.getByText('in flight')).toBeInTheDocument();
  });
});

/** A 2,000-tick run with traffic, crashes, a partition, a cut link and a lossy network. */
function eventfulRun(): { simulation: Simulation; events: SimEvent[] } {
  const simulation = createSimulation({ nodes: 5, seed: 7, raft: { snapshotThresholdEntries: 8 }, network: { dropRatio: 0.05, duplicateRatio: 0.05, reorderRatio: 0.1 } });
  const events: SimEvent[] = [];
  let lastSeq = 0;
  for (let tick = 0; tick < 2_000; tick += 25) {
    simulation.advance(25);
    const leader = simulation.leader();
    if (tick % 50 === 0) simulation.propose('leader', { type: 'put', key: `k${tick % 7}`, value: String(tick) });
    const target = 1 + ((tick / 200) % 5);
    if (tick % 200 === 0 && simulation.nodeState(target).alive) simulation.put('z', String(tick), target);
    if (tick === 400 && leader !== null) simulation.crash(leader.id);
    if (tick === 600) simulation.partition([[1, 2], [3, 4, 5]]);
    if (tick === 900) simulation.heal();
    if (tick === 1_000) for (const id of simulation.nodeIds) if (!simulation.nodeState(id).alive) simulation.restart(id);
    if (tick === 1_100) simulation.cutLink(1, 2);
    if (tick === 1_200) simulation.restoreLink(1, 2);
    if (tick === 1_300 && leader !== null) simulation.isolate(leader.id);
    if (tick === 1_500) simulation.heal();
    if (tick === 1_600) simulation.configureNetwork({ dropRatio: 0.1 });
    for (const event of simulation.events({ afterSeq: lastSeq })) events.push(event);
    lastSeq = simulation.lastEventSeq;
  }
  return { simulation, events };
}

describe('explain', () => {
  it('returns a sentence with its numbers for every event type seen in a run with crashes and partitions', () => {
    const { events } = eventfulRun();
    const types = new Set(events.map((event) => event.type));
    for (const expected of ['vote-refused', 'message-dropped', 'node-crashed', 'node-restarted', 'partition-changed', 'link-cut', 'append-rejected', 'snapshot-taken']) {
      expect(types).toContain(expected);
    }
    const firstOfType = new Map<string, SimEvent>();
    for (const event of events) if (!firstOfType.has(event.type)) firstOfType.set(event.type, event);
    for (const event of firstOfType.values()) {
      const sentence = explain(english, event);
      expect(sentence.length, event.type).toBeGreaterThan(10);
      expect(sentence, event.type).not.toMatch(/undefined|NaN|\[object|null/);
    }
  });

  it('explains refusals and held-back commits with the numbers that decided them', () => {
    const base = { seq: 1, tick: 10, node: 1 };
    expect(
      explain(english, { ...base, topic: 'VOTE', type: 'vote-refused', candidate: 3, term: 4, reason: 'log-not-up-to-date', votedFor: null, candidateLastIndex: 7, candidateLastTerm: 2, ownLastIndex: 5, ownLastTerm: 3, ownTerm: 4 }),
    ).toContain("refused vote to node 3 in term 4: candidate's log (last term 2, index 7) is behind ours (last term 3, index 5)");
    expect(explain(english, { ...base, topic: 'CMIT', type: 'commit-held-back', quorumIndex: 6, entryTerm: 2, currentTerm: 4, committed: 3 })).toContain(
      'did not commit index 6: it is from term 2, not the current term 4 (§5.4.2)',
    );
    const rejected = explain(english, {
      ...base, topic: 'LOG', type: 'append-rejected', leader: 2, reason: 'prev-term-mismatch', term: 4, ownTerm: 4,
      prevLogIndex: 9, prevLogTerm: 3, ownLastIndex: 10, ownTermAtPrev: 2, conflictTerm: 2, conflictIndex: 5,
    });
    expect(rejected).toContain('our entry at prevLogIndex 9 has term 2, not 3');
    expect(rejected).toContain('conflicting term 2 starts at index 5');
    expect(explain(english, { ...base, topic: 'LOG', type: 'entries-truncated', first: 5, last: 7, conflictIndex: 5, ownTerm: 2, leaderTerm: 3, leader: 1 })).toBe(
      'deleted entries 5..7: its entry at index 5 has term 2 but leader node 1 has term 3 there, so it and everything after it go (§5.3)',
    );
  });

  it('explains the snapshot events, which short runs rarely reach', () => {
    const base = { seq: 1, tick: 10, node: 1, topic: 'SNAP' as const };
    expect(explain(english, { ...base, type: 'snapshot-sent', follower: 4, index: 100, term: 3, nextIndex: 50, firstIndex: 101 })).toBe(
      'sent a snapshot through index 100 (term 3) to node 4: it needs index 50, but the log now starts at 101 (§7)',
    );
    expect(explain(english, { ...base, type: 'snapshot-installed', index: 100, term: 3, leader: 2, keptEntries: 1, discardedEntries: 4 })).toContain('kept 1 later entry, discarded 4');
    expect(explain(english, { ...base, type: 'snapshot-ignored', index: 50, committed: 60, leader: 2 })).toContain('already committed through 60');
    expect(explain(english, { ...base, type: 'state-restored', snapshotIndex: 100 })).toContain('snapshot through index 100');
  });
});

describe('EventLog', () => {
  it('filters by topic and by node, and clicking an event seeks to its tick', async () => {
    const { simulation, events } = eventfulRun();
    const onSeek = vi.fn();
    const user = userEvent.setup();
    render(
      <AppStoreProvider store={makeAppStore(fakePort().port, { start: false })}>
        <EventLog events={events} nodeIds={simulation.nodeIds} onSeek={onSeek} />
      </AppStoreProvider>,
    );
    const list = screen.getByRole('list', { name: 'Events' });
    expect(events.length).toBeGreaterThan(eventRowsMax);
    expect(list.querySelectorAll('li')).toHaveLength(eventRowsMax);

    // Queries are scoped (topic chips, the list) because role queries over eventRowsMax rows are slow in jsdom.
    const chips = screen.getByRole('group', { name: 'Topics' });
    await user.click(within(chips).getByRole('button', { name: 'VOTE' }));
    expect(within(chips).getByRole('button', { name: 'VOTE' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(chips).getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'false');
    const votes = events.filter((event) => event.topic === 'VOTE');
    expect(list.querySelectorAll('li')).toHaveLength(Math.min(eventRowsMax, votes.length));
    for (const row of list.querySelectorAll('.event-topic')) expect(row).toHaveTextContent('VOTE');

    const node = votes[0]!.node!;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Node' }), `Node ${node}`);
    const expected = votes.filter((event) => event.node === node).slice(-eventRowsMax);
    const rows = [...list.querySelectorAll('button')];
    expect(rows).toHaveLength(expected.length);
    for (const row of rows) expect(row.querySelector('.event-node')).toHaveTextContent(`N${node}`);

    await user.click(rows[0]!);
    expect(onSeek).toHaveBeenCalledWith(expected[0]!.tick);
    expect(rows[0]).toHaveTextContent(explain(english, expected[0]!));
  }, 30_000);
});

describe('ClientPanel', () => {
  it('submits a propose action for the chosen operation, key, value and target', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<ClientPanel nodeIds={[1, 2, 3]} onSubmit={onSubmit} outcome={null} />, withStore());
    await user.clear(screen.getByRole('textbox', { name: 'Key' }));
    await user.type(screen.getByRole('textbox', { name: 'Key' }), 'color');
    await user.clear(screen.getByRole('textbox', { name: 'Value' }));
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'blue');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Send to' }), 'Node 2');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(onSubmit).toHaveBeenLastCalledWith({ type: 'propose', node: 2, command: { type: 'put', key: 'color', value: 'blue' } });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Operation' }), 'delete');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Send to' }), 'Leader');
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(onSubmit).toHaveBeenLastCalledWith({ type: 'propose', node: 'leader', command: { type: 'delete', key: 'color' } });

    rerender(<ClientPanel nodeIds={[1, 2, 3]} onSubmit={onSubmit} outcome={{ ok: false, summary: 'Node 2 refused: not leader, try node 3' }} />);
    expect(screen.getByRole('status')).toHaveTextContent('Node 2 refused: not leader, try node 3');
  });

  it('refuses an empty key', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<ClientPanel nodeIds={[1, 2, 3]} onSubmit={onSubmit} outcome={null} />, withStore());
    await user.clear(screen.getByRole('textbox', { name: 'Key' }));
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Enter a key.')).toBeInTheDocument();
  });
});

describe('FaultPanel', () => {
  it('partitions the picked nodes from the rest, cuts one link both ways, and heals', async () => {
    const onAct = vi.fn();
    const user = userEvent.setup();
    render(<FaultPanel nodeIds={[1, 2, 3, 4, 5]} onAct={onAct} />, withStore());
    expect(screen.getByRole('button', { name: 'Partition selected' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Node 1' }));
    await user.click(screen.getByRole('checkbox', { name: 'Node 4' }));
    await user.click(screen.getByRole('button', { name: 'Partition selected' }));
    expect(onAct).toHaveBeenLastCalledWith({ type: 'partition', groups: [[1, 4], [2, 3, 5]] });

    await user.selectOptions(screen.getByRole('combobox', { name: 'From' }), 'Node 3');
    await user.selectOptions(screen.getByRole('combobox', { name: 'To' }), 'Node 5');
    await user.click(screen.getByRole('button', { name: 'Cut link' }));
    expect(onAct).toHaveBeenLastCalledWith({ type: 'cut-link', from: 3, to: 5, bothWays: true });
    await user.click(screen.getByRole('checkbox', { name: 'Both directions' }));
    await user.click(screen.getByRole('button', { name: 'Restore link' }));
    expect(onAct).toHaveBeenLastCalledWith({ type: 'restore-link', from: 3, to: 5, bothWays: false });

    await user.click(screen.getByRole('button', { name: 'Heal network' }));
    expect(onAct).toHaveBeenLastCalledWith({ type: 'heal' });
  });
});

describe('SettingsPanel', () => {
  function renderSettings() {
    const view = createSimulation({ nodes: 3, seed: 9, raft: { electionTimeoutTicksMin: 150, electionTimeoutTicksMax: 300 }, network: { delayTicksMin: 10, delayTicksMax: 30 } }).view();
    const onAct = vi.fn();
    const onReset = vi.fn();
    render(<SettingsPanel network={view.network} raft={view.raft} nodeCount={view.nodes.length} seed={view.seed} onAct={onAct} onReset={onReset} />, withStore());
    return { onAct, onReset, user: userEvent.setup() };
  }

  async function setField(user: ReturnType<typeof userEvent.setup>, name: string, value: string) {
    const input = screen.getByRole('spinbutton', { name });
    await user.clear(input);
    await user.type(input, value);
  }

  it('rejects an election timeout minimum above the maximum, inline, and resets nothing', async () => {
    const { onReset, user } = renderSettings();
    await setField(user, 'Election timeout min (ticks)', '400');
    await setField(user, 'Election timeout max (ticks)', '300');
    await user.click(screen.getByRole('button', { name: 'Restart with these settings' }));
    expect(screen.getByText('Minimum must be at most the maximum (300).')).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Election timeout min (ticks)' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('button', { name: 'Discard and restart' })).toBeNull();
    expect(onReset).not.toHaveBeenCalled();
  });

  it('asks for confirmation before a reset, then passes the new options', async () => {
    const { onReset, user } = renderSettings();
    await setField(user, 'Nodes (1 to 15)', '5');
    await setField(user, 'Seed', '42');
    await user.click(screen.getByRole('checkbox', { name: /Fast backup/ }));
    await user.click(screen.getByRole('button', { name: 'Restart with these settings' }));
    expect(onReset).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Discard and restart' }));
    expect(onReset).toHaveBeenCalledTimes(1);
    const options = onReset.mock.calls[0]![0] as SimulationOptions;
    expect(options).toMatchObject({ nodes: 5, seed: 42, raft: { fastBackup: false, electionTimeoutTicksMin: 150, electionTimeoutTicksMax: 300 } });
  });

  it('rejects more than 15 nodes, the most the screen shows', async () => {
    const { onReset, user } = renderSettings();
    await setField(user, 'Nodes (1 to 15)', '16');
    await user.click(screen.getByRole('button', { name: 'Restart with these settings' }));
    expect(screen.getByText('Must be between 1 and 15.')).toBeInTheDocument();
    expect(onReset).not.toHaveBeenCalled();
  });

  /** The panel as the app shows it: from the run now running, whatever it was started from. */
  function settingsFor(options: SimulationOptions, onReset: (options: SimulationOptions) => void = () => {}, onAct = () => {}) {
    const view = createSimulation(options).view();
    return <SettingsPanel network={view.network} raft={view.raft} nodeCount={view.nodes.length} seed={view.seed} onAct={onAct} onReset={onReset} />;
  }

  const value = (name: string | RegExp) => screen.getByRole<HTMLInputElement>('spinbutton', { name }).value;

  it('after a restart (or an import) shows the values of the run now running, not the previous one', () => {
    const { rerender } = render(settingsFor({ nodes: 5, seed: 1 }), withStore());
    rerender(settingsFor({ nodes: 3, seed: 8, raft: { electionTimeoutTicksMax: 800 }, network: { delayTicksMax: 45 } }));
    expect(value(/^Nodes \(1 to \d+\)$/)).toBe('3');
    expect(value('Seed')).toBe('8');
    expect(value('Election timeout max (ticks)')).toBe('800');
    expect(value('Latency max (ticks)')).toBe('45');
  });

  it('changing only "election max" after a restart keeps the new run\'s node count (no silent return to 5)', async () => {
    const onReset = vi.fn();
    const { rerender } = render(settingsFor({ nodes: 5, seed: 1 }, onReset), withStore());
    rerender(settingsFor({ nodes: 3, seed: 1 }, onReset));
    const user = userEvent.setup();
    await setField(user, 'Election timeout max (ticks)', '700');
    await user.click(screen.getByRole('button', { name: 'Restart with these settings' }));
    await user.click(screen.getByRole('button', { name: 'Discard and restart' }));
    expect(onReset).toHaveBeenCalledWith(expect.objectContaining({ nodes: 3, seed: 1, raft: expect.objectContaining({ electionTimeoutTicksMax: 700 }) as unknown }));
  });

  it('keeps what the user is typing while the same run plays on', async () => {
    const { rerender } = render(settingsFor({ nodes: 5, seed: 1 }), withStore());
    const user = userEvent.setup();
    await setField(user, 'Seed', '77');
    await setField(user, 'Message loss (%)', '12');
    rerender(settingsFor({ nodes: 5, seed: 1 })); // a later frame of the same run: new objects, same values
    expect(value('Seed')).toBe('77');
    expect(value('Message loss (%)')).toBe('12');
  });

  it('applies valid network settings live as ratios, and refuses latency min above max', async () => {
    const { onAct, user } = renderSettings();
    await setField(user, 'Message loss (%)', '10');
    await setField(user, 'Latency min (ticks)', '50');
    await user.click(screen.getByRole('button', { name: 'Apply network settings' }));
    expect(onAct).not.toHaveBeenCalled();
    expect(screen.getByText('Minimum must be at most the maximum (30).')).toBeInTheDocument();
    await setField(user, 'Latency max (ticks)', '80');
    await user.click(screen.getByRole('button', { name: 'Apply network settings' }));
    expect(onAct).toHaveBeenCalledWith({
      type: 'configure-network',
      network: { dropRatio: 0.1, duplicateRatio: 0, reorderRatio: 0, delayTicksMin: 50, delayTicksMax: 80 },
    });
  });
});

describe('KvTable', () => {
  it('lists keys in natural order: key2 before key10', () => {
    const pairs: [string, string][] = [['key1', 'a'], ['key10', 'b'], ['key2', 'c'], ['key20', 'd'], ['key3', 'e']];
    render(<KvTable node={2} pairs={pairs} />);
    const table = screen.getByRole('table', { name: 'Key-value state of node 2' });
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['key1', 'key2', 'key3', 'key10', 'key20']);
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../../src/core/index.ts';
import type { ClusterView, NodeId, Simulation } from '../../src/core/index.ts';
import { ClusterGraph } from '../../src/ui/components/ClusterGraph.tsx';
import type { ClusterGraphProps } from '../../src/ui/components/ClusterGraph.tsx';
import { MessageLayer } from '../../src/ui/components/MessageLayer.tsx';
import { ringLayout } from '../../src/ui/viz/ring.ts';

/** Runs until one leader and every other node a follower: a settled cluster. */
function settled(simulation: Simulation): Simulation {
  const isSettled = (s: Simulation) => {
    const nodes = s.view().nodes.filter((node) => node.alive);
    return nodes.filter((node) => node.role === 'leader').length === 1 && nodes.every((node) => node.role !== 'candidate');
  };
  expect(simulation.advanceUntil(isSettled, { maxTicks: 5_000 })).toBe(true);
  return simulation;
}

function renderGraph(view: ClusterView, overrides: Partial<ClusterGraphProps> = {}) {
  const onSelectNode = vi.fn<(id: NodeId) => void>();
  const onSelectMessage = vi.fn<(id: number) => void>();
  const result = render(
    <ClusterGraph
      view={view}
      tick={view.tick}
      selectedNode={null}
      selectedMessage={null}
      onSelectNode={onSelectNode}
      onSelectMessage={onSelectMessage}
      {...overrides}
    />,
  );
  return { ...result, onSelectNode, onSelectMessage, cluster: screen.getByRole('group', { name: 'Cluster' }) };
}

function nodeButton(id: NodeId): HTMLElement {
  return screen.getByRole('button', { name: new RegExp(`^Node ${id}, `) });
}

/** The translate(x,y) of an element's transform attribute. */
function translation(element: Element): { x: number; y: number } {
  const match = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(element.getAttribute('transform') ?? '');
  expect(match, `transform of ${element.getAttribute('aria-label')}`).not.toBeNull();
  return { x: Number(match![1]), y: Number(match![2]) };
}

describe('ClusterGraph', () => {
  it('names one leader and four followers in a settled 5-node cluster', () => {
    const view = settled(createSimulation({ nodes: 5, seed: 1 })).view();
    renderGraph(view);
    const leaders = screen.getAllByRole('button', { name: /^Node \d, leader, term \d+$/ });
    expect(leaders).toHaveLength(1);
    expect(leaders[0]).toHaveAccessibleName(`Node ${view.leader!.id}, leader, term ${view.leader!.term}`);
    expect(screen.getAllByRole('button', { name: /^Node \d, follower, term \d+$/ })).toHaveLength(4);
    expect(leaders[0]).toHaveClass('raft-node--leader');
  });

  it('shows a leader its heartbeat interval and a follower its election timer', () => {
    const view = settled(createSimulation({ nodes: 3, seed: 4 })).view();
    renderGraph(view);
    const leader = nodeButton(view.leader!.id);
    expect(leader.querySelector('.raft-node__timer--heartbeat')).not.toBeNull();
    const follower = view.nodes.find((node) => node.role === 'follower')!;
    const timer = nodeButton(follower.id).querySelector('.raft-node__timer--election')!;
    expect(Number(timer.getAttribute('data-drained'))).toBeCloseTo(follower.electionElapsed / follower.electionTimeout, 2);
  });

  it('shows the term and the vote of each node as text', () => {
    const view = settled(createSimulation({ nodes: 5, seed: 1 })).view();
    const { cluster } = renderGraph(view);
    const node = view.nodes[0]!;
    const glyph = nodeButton(node.id);
    expect(within(glyph).getByText(`term ${node.term}`)).toBeInTheDocument();
    expect(within(glyph).getByText(node.vote === null ? 'no vote' : `voted ${node.vote}`)).toBeInTheDocument();
    expect(within(cluster).getAllByText('leader').length).toBeGreaterThanOrEqual(1);
  });

  it('greys out a crashed node and says so in its name', () => {
    const simulation = settled(createSimulation({ nodes: 5, seed: 1 }));
    const victim = simulation.view().nodes.find((node) => node.role === 'follower')!.id;
    simulation.crash(victim);
    renderGraph(simulation.view());
    const crashed = nodeButton(victim);
    expect(crashed).toHaveAccessibleName(/, crashed$/);
    expect(crashed).toHaveAccessibleName(new RegExp(`^Node ${victim}, follower, term \\d+, crashed$`));
    expect(crashed).toHaveClass('raft-node--crashed');
    expect(crashed.querySelector('.raft-node__cross')).not.toBeNull();
    expect(crashed.querySelector('.raft-node__timer')).toBeNull();
    expect(screen.getAllByRole('button', { name: /, crashed$/ })).toHaveLength(1);
  });

  it('draws one region per group when the network is partitioned, and none when whole', () => {
    const simulation = settled(createSimulation({ nodes: 5, seed: 1 }));
    const whole = renderGraph(simulation.view());
    expect(whole.container.querySelectorAll('.raft-partition')).toHaveLength(0);
    whole.unmount();

    simulation.partition([[1, 2], [3, 4, 5]]);
    const { container } = renderGraph(simulation.view());
    const regions = container.querySelectorAll('.raft-partition');
    expect(regions).toHaveLength(2);
    expect(screen.getByText('Partition A')).toBeInTheDocument();
    expect(screen.getByText('Partition B')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Partition B: nodes 3, 4, 5 (a majority of 5)' })).toBe(regions[1]);
    expect([...regions].map((region) => region.getAttribute('data-members'))).toEqual(['1,2', '3,4,5']);
    for (const region of regions) expect(region.querySelector('.raft-partition__region')!.getAttribute('d')).toMatch(/^M/);
    // Links across the partition are drawn as severed: 2 x 3 of them.
    expect(container.querySelectorAll('.raft-link--severed')).toHaveLength(6);
  });

  it('draws a cut link dashed with a cross, for the cut direction only', () => {
    const simulation = settled(createSimulation({ nodes: 3, seed: 1 }));
    simulation.cutLink(1, 2, { bothWays: false });
    const oneWay = renderGraph(simulation.view());
    const cuts = oneWay.container.querySelectorAll('.raft-cut-link');
    expect(cuts).toHaveLength(1);
    expect(cuts[0]).toHaveAttribute('data-cut', '1>2');
    expect(cuts[0]!.querySelector('.raft-cut-link__line')).not.toBeNull();
    expect(cuts[0]!.querySelector('.raft-cut-link__cross')).not.toBeNull();
    expect(screen.getByRole('img', { name: 'Link 1 to 2 cut' })).toBe(cuts[0]);
    oneWay.unmount();

    simulation.cutLink(2, 1, { bothWays: false });
    const bothWays = renderGraph(simulation.view());
    const paths = [...bothWays.container.querySelectorAll('.raft-cut-link__line')].map((line) => line.getAttribute('d'));
    expect(paths).toHaveLength(2);
    // The two directions sit on opposite sides of the link, not on top of each other.
    expect(paths[0]).not.toBe(paths[1]);
  });

  it('shows which votes a candidate has received', () => {
    const simulation = createSimulation({ nodes: 5, seed: 2 });
    const hasAnswers = (s: Simulation) => s.view().nodes.some((node) => node.role === 'candidate' && node.votes.some((vote) => vote.voter !== node.id));
    expect(simulation.advanceUntil(hasAnswers, { maxTicks: 5_000 })).toBe(true);
    const view = simulation.view();
    const candidate = view.nodes.find((node) => node.role === 'candidate' && node.votes.length > 1)!;
    renderGraph(view);
    const glyph = screen.getByRole('button', { name: `Node ${candidate.id}, candidate, term ${candidate.term}` });
    const marks = glyph.querySelectorAll('.raft-vote');
    expect(marks).toHaveLength(4);
    for (const mark of marks) {
      const voter = Number(mark.getAttribute('data-voter'));
      const answer = candidate.votes.find((vote) => vote.voter === voter);
      const expected = answer === undefined ? 'pending' : answer.granted ? 'granted' : 'refused';
      expect(mark, `mark of voter ${voter}`).toHaveClass(`raft-vote--${expected}`);
    }
    const others = candidate.votes.filter((vote) => vote.voter !== candidate.id);
    expect(glyph.querySelectorAll('.raft-vote--granted')).toHaveLength(others.filter((vote) => vote.granted).length);
    expect(glyph.querySelectorAll('.raft-vote--pending')).toHaveLength(4 - others.length);
    // Followers show no tally.
    const follower = view.nodes.find((node) => node.role === 'follower');
    if (follower !== undefined) expect(nodeButton(follower.id).querySelector('.raft-vote')).toBeNull();
  });

  it('renders every message in flight with its label and summary', () => {
    const simulation = createSimulation({ nodes: 5, seed: 1 });
    simulation.advanceUntil((s) => s.view().inFlight.length >= 3, { maxTicks: 5_000 });
    const view = simulation.view();
    const { container } = renderGraph(view, { tick: view.tick + 0.5 });
    expect(container.querySelectorAll('.raft-message')).toHaveLength(view.inFlight.length);
    for (const message of view.inFlight) {
      const name = `${message.type} from ${message.from} to ${message.to}, term ${message.term}`;
      const glyph = container.querySelector(`[data-message-id="${message.id}"]`)!;
      expect(glyph).toHaveAccessibleName(new RegExp(`^${name}`));
      expect(glyph.querySelector('title')).toHaveTextContent(message.summary);
      expect(glyph).toHaveClass(message.type.endsWith('Resp') ? 'raft-message--reply' : 'raft-message--request');
    }
  });

  it('moves a message along its link as the tick advances', () => {
    const simulation = createSimulation({ nodes: 3, seed: 1 });
    simulation.advanceUntil((s) => s.view().inFlight.length > 0, { maxTicks: 5_000 });
    const view = simulation.view();
    const message = view.inFlight[0]!;
    const noop = () => {};
    const graph = (tick: number) => (
      <ClusterGraph view={view} tick={tick} selectedNode={null} selectedMessage={null} onSelectNode={noop} onSelectMessage={noop} />
    );
    const { container, rerender } = render(graph(message.sentTick));
    const position = () => translation(container.querySelector(`[data-message-id="${message.id}"]`)!);
    const from = translation(nodeButton(message.from));
    const to = translation(nodeButton(message.to));
    const start = position();
    rerender(graph((message.sentTick + message.deliverTick) / 2));
    const middle = position();
    rerender(graph(message.deliverTick));
    const end = position();
    const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
    expect(distance(start, from)).toBeLessThan(distance(start, to));
    expect(distance(middle, from)).toBeGreaterThan(distance(start, from));
    expect(distance(end, to)).toBeLessThan(distance(middle, to));
    if (message.dropReason === null) expect(distance(end, to)).toBeLessThan(distance(end, from));
  });

  it('fades out a lost message as it nears its vanish point', () => {
    const simulation = createSimulation({ nodes: 3, seed: 1, network: { dropRatio: 1 } });
    simulation.advanceUntil((s) => s.view().inFlight.length > 0, { maxTicks: 5_000 });
    const view = simulation.view();
    const message = view.inFlight[0]!;
    expect(message.dropReason).toBe('loss');
    const { container } = renderGraph(view, { tick: message.deliverTick - 0.1 });
    const glyph = container.querySelector(`[data-message-id="${message.id}"]`)!;
    expect(glyph).toHaveClass('raft-message--lost');
    expect(glyph).toHaveAccessibleName(/, lost$/);
    expect(Number(glyph.getAttribute('opacity'))).toBeLessThan(0.5);
  });

  it('lines up the messages waiting on a link for manual delivery, the first to be delivered nearest the receiver, and counts them', () => {
    const simulation = settled(createSimulation({ nodes: 3, seed: 2 }));
    simulation.act({ type: 'set-manual-delivery', on: true });
    // Writes and heartbeats: the leader's appends to each follower wait in the network, one queue per link.
    for (let write = 0; write < 3; write += 1) {
      simulation.put(`k${write}`, 'v');
      simulation.advance(120);
    }
    const view = simulation.view();
    const leader = view.nodes.find((node) => node.role === 'leader')!.id;
    const follower = view.nodes.find((node) => node.role === 'follower')!.id;
    const queue = view.inFlight.filter((message) => message.held === true && message.from === leader && message.to === follower);
    expect(queue.length).toBeGreaterThanOrEqual(3);
    const layout = ringLayout(view.nodes.map((node) => node.id), view.partition);
    const { container } = render(
      <svg>
        <MessageLayer messages={view.inFlight} tick={view.tick} layout={layout} selectedMessage={null} onSelectMessage={() => {}} />
      </svg>,
    );
    const receiver = layout.positions.get(follower)!;
    const distances = queue.map((message) => {
      const at = translation(container.querySelector(`[data-message-id="${message.id}"]`)!);
      return Math.hypot(at.x - receiver.x, at.y - receiver.y);
    });
    // In the network's order, each one further back than the one ahead of it.
    distances.forEach((distance, index) => index > 0 && expect(distance).toBeGreaterThan(distances[index - 1]!));
    expect(screen.getAllByText(`${queue.length} waiting`).length).toBeGreaterThanOrEqual(1);
  });

  it('draws at most the message limit and counts the rest', () => {
    const simulation = createSimulation({ nodes: 5, seed: 1 });
    simulation.advanceUntil((s) => s.view().inFlight.length >= 4, { maxTicks: 5_000 });
    const view = simulation.view();
    const layout = ringLayout(view.nodes.map((node) => node.id), view.partition);
    const { container } = render(
      <svg>
        <MessageLayer messages={view.inFlight} tick={view.tick} layout={layout} selectedMessage={null} onSelectMessage={() => {}} limit={2} />
      </svg>,
    );
    expect(container.querySelectorAll('.raft-message')).toHaveLength(2);
    expect(screen.getByText(`${view.inFlight.length - 2} more messages in flight not drawn`)).toBeInTheDocument();
  });

  it('calls onSelectMessage when a message is clicked', async () => {
    const user = userEvent.setup();
    const simulation = createSimulation({ nodes: 5, seed: 1 });
    simulation.advanceUntil((s) => s.view().inFlight.length > 0, { maxTicks: 5_000 });
    const view = simulation.view();
    const message = view.inFlight[0]!;
    const { container, onSelectMessage } = renderGraph(view);
    await user.click(container.querySelector(`[data-message-id="${message.id}"]`)!);
    expect(onSelectMessage).toHaveBeenCalledWith(message.id);
  });

  it('calls onSelectNode when a node is clicked', async () => {
    const user = userEvent.setup();
    const view = settled(createSimulation({ nodes: 5, seed: 1 })).view();
    const { onSelectNode } = renderGraph(view);
    await user.click(nodeButton(3));
    expect(onSelectNode).toHaveBeenCalledTimes(1);
    expect(onSelectNode).toHaveBeenCalledWith(3);
  });

  it('selects a focused node with Enter or Space', async () => {
    const user = userEvent.setup();
    const view = settled(createSimulation({ nodes: 5, seed: 1 })).view();
    const { onSelectNode } = renderGraph(view);
    await user.tab();
    expect(nodeButton(1)).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSelectNode).toHaveBeenLastCalledWith(1);
    await user.tab();
    expect(nodeButton(2)).toHaveFocus();
    await user.keyboard(' ');
    expect(onSelectNode).toHaveBeenLastCalledWith(2);
    expect(onSelectNode).toHaveBeenCalledTimes(2);
  });

  it('marks the selected node as pressed', () => {
    const view = settled(createSimulation({ nodes: 5, seed: 1 })).view();
    renderGraph(view, { selectedNode: 2 });
    expect(nodeButton(2)).toHaveAttribute('aria-pressed', 'true');
    expect(nodeButton(1)).toHaveAttribute('aria-pressed', 'false');
  });

  it('puts 9 nodes on the ring at distinct, non-overlapping places inside the viewBox', () => {
    const view = createSimulation({ nodes: 9, seed: 3 }).view();
    const { cluster } = renderGraph(view);
    const [, , width, height] = cluster.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number, number];
    const glyphs = screen.getAllByRole('button', { name: /^Node \d, / });
    expect(glyphs).toHaveLength(9);
    const radius = Number(glyphs[0]!.querySelector('.raft-node__body')!.getAttribute('r'));
    const points = glyphs.map(translation);
    for (const point of points) {
      expect(point.x - radius).toBeGreaterThanOrEqual(0);
      expect(point.x + radius).toBeLessThanOrEqual(width);
      expect(point.y - radius).toBeGreaterThanOrEqual(0);
      expect(point.y + radius).toBeLessThanOrEqual(height);
    }
    points.forEach((a, i) => points.slice(i + 1).forEach((b) => expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(2.5 * radius)));
    // Readable from the back of the room: ids at least 24px when the layout is 900px tall.
    expect(height).toBe(900);
    expect(Number(glyphs[0]!.querySelector('.raft-node__id')!.getAttribute('font-size'))).toBeGreaterThanOrEqual(24);
  });
});

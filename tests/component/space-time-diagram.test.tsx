/**
 * The space-time diagram on the real worker logic: for a fixed run, each arrow runs between the
 * right lanes at the right ticks; a click on an arrow selects its message at its send tick; the
 * SVG export is a valid standalone SVG with one arrow per message drawn.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SpaceTimeDiagram } from '../../src/ui/components/SpaceTimeDiagram.tsx';
import { standaloneSvg } from '../../src/ui/diagram-export.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { diagramGeometry, laneX, tickY } from '../../src/ui/viz/diagram-layout.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';
import { fakePort } from '../support/fake-port.ts';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

/** Node 1 stands at tick 100 (no other timer fires for 20,000 ticks); every message takes 10 ticks. */
async function election() {
  const store = makeAppStore(createInProcessPort(createWorkerLogic), {
    runOptions: { nodes: 3, seed: 1, raft: { electionTimeoutTicksMin: 20_000, electionTimeoutTicksMax: 30_000 }, network: { delayTicksMin: 10, delayTicksMax: 10 } },
  });
  render(
    <AppStoreProvider store={store}>
      <SpaceTimeDiagram />
    </AppStoreProvider>,
  );
  await settle();
  act(() => store.getState().step(100));
  await settle();
  act(() => store.getState().act({ type: 'campaign', node: 1 }));
  await settle();
  act(() => store.getState().step(60));
  await settle();
  // The window is asked for as the tick moves; the last answer holds ticks 0-160.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 250)));
  await settle();
  return { store, region: screen.getByRole('region', { name: 'Space-time diagram' }) };
}

describe('the space-time diagram', () => {
  it('draws each message from its sender’s lane at its send tick to its receiver’s at its arrival', async () => {
    const { store, region } = await election();
    const window = store.getState().diagram!;
    expect(window).toMatchObject({ from: 0, to: 160, nodes: 3 });
    const drawing = within(region).getByRole('img');
    expect(drawing).toHaveAccessibleName(`Ticks 0 to 160: ${window.messages.length} messages`);
    const geometry = diagramGeometry(window, 480, 420);
    const arrows = [...region.querySelectorAll<SVGGElement>('.diagram-arrow')];
    const votes = arrows.filter((arrow) => /^RequestVote \d/.test(arrow.querySelector('title')!.textContent));
    expect(votes.map((arrow) => [arrow.dataset.from, arrow.dataset.to, arrow.dataset.sent, arrow.dataset.arrive])).toEqual([
      ['1', '2', '100', '110'],
      ['1', '3', '100', '110'],
    ]);
    const line = votes[0]!.querySelectorAll('line')[1]!;
    expect(Number(line.getAttribute('x1'))).toBeCloseTo(laneX(geometry, 1));
    expect(Number(line.getAttribute('x2'))).toBeCloseTo(laneX(geometry, 2));
    expect(Number(line.getAttribute('y1'))).toBeCloseTo(tickY(geometry, 100));
    expect(Number(line.getAttribute('y2'))).toBeCloseTo(tickY(geometry, 110));
    const replies = arrows.filter((arrow) => arrow.querySelector('title')!.textContent.startsWith('RequestVote reply'));
    expect(replies.map((arrow) => [arrow.dataset.from, arrow.dataset.to, arrow.dataset.sent, arrow.dataset.arrive])).toEqual([
      ['2', '1', '110', '120'],
      ['3', '1', '110', '120'],
    ]);
  });

  it('a click on an arrow selects its message at its send tick', async () => {
    const { store, region } = await election();
    const arrow = [...region.querySelectorAll<SVGGElement>('.diagram-arrow')].find((item) => item.dataset.sent === '110')!;
    fireEvent.click(arrow);
    await settle();
    expect(store.getState().timeline.tick).toBe(110);
    expect(store.getState().selectedMessage).toBe(Number(arrow.dataset.messageId));
  });

  it('exports a standalone SVG with one arrow per message drawn', async () => {
    const { region } = await election();
    const svg = region.querySelector<SVGSVGElement>('svg.diagram')!;
    const text = standaloneSvg(svg, 'Raftlab space-time diagram, ticks 0–160');
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')?.textContent ?? null, text.slice(0, 400)).toBeNull();
    expect(parsed.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(parsed.querySelectorAll('.diagram-arrow')).toHaveLength(region.querySelectorAll('.diagram-arrow').length);
    expect(parsed.querySelector('title')?.textContent).toBe('Raftlab space-time diagram, ticks 0–160');
  });

  it('scrolls through the run without moving it, by buttons and by the wheel, and follows the tick again', async () => {
    const { store, region } = await election();
    const wait = async () => {
      await act(async () => new Promise((resolve) => setTimeout(resolve, 250)));
      await settle();
    };
    act(() => store.getState().step(1_840));
    await settle();
    await wait();
    expect(store.getState().diagram).toMatchObject({ from: 1_600, to: 2_000 });
    fireEvent.click(within(region).getByRole('button', { name: 'Earlier ticks' }));
    await wait();
    // Anchored half a span back (at tick 1,800), three quarters of the window before it.
    expect(store.getState().diagram).toMatchObject({ from: 1_500, to: 1_900 });
    expect(store.getState().timeline.tick).toBe(2_000);
    expect(within(region).getByRole('button', { name: 'Follow the tick' })).toHaveAttribute('aria-pressed', 'false');
    // A wheel turn of the drawing's height scrolls one whole span.
    fireEvent.wheel(region.querySelector('.diagram-box')!, { deltaY: -420 });
    await wait();
    expect(store.getState().diagram).toMatchObject({ from: 1_100, to: 1_500 });
    fireEvent.click(within(region).getByRole('button', { name: 'Follow the tick' }));
    await wait();
    expect(store.getState().diagram).toMatchObject({ from: 1_600, to: 2_000 });
  });

  it('follows the event log’s node filter: what does not touch that node fades', async () => {
    const { store, region } = await election();
    act(() => store.getState().setEventFilter({ topics: [], node: 3 }));
    const arrows = [...region.querySelectorAll<SVGGElement>('.diagram-arrow')];
    const faded = arrows.filter((arrow) => arrow.classList.contains('is-faded'));
    expect(faded.length).toBeGreaterThan(0);
    expect(faded.every((arrow) => arrow.dataset.from !== '3' && arrow.dataset.to !== '3')).toBe(true);
    expect(arrows.filter((arrow) => !arrow.classList.contains('is-faded')).every((arrow) => arrow.dataset.from === '3' || arrow.dataset.to === '3')).toBe(true);
    expect(region).toHaveTextContent("node 3 only (the event log's filter)");
  });

  it('zooms in and out, and hides heartbeats unless asked', async () => {
    const { store, region } = await election();
    expect(within(region).getByText('400 ticks shown')).toBeInTheDocument();
    fireEvent.click(within(region).getByRole('button', { name: 'Zoom in' }));
    expect(within(region).getByText('200 ticks shown')).toBeInTheDocument();
    act(() => store.getState().step(300));
    await settle();
    await act(async () => new Promise((resolve) => setTimeout(resolve, 250)));
    await settle();
    const all = store.getState().diagram!.messages.length;
    const heartbeats = store.getState().diagram!.messages.filter((message) => message.heartbeat).length;
    expect(heartbeats).toBeGreaterThan(0);
    expect(region.querySelectorAll('.diagram-arrow')).toHaveLength(all - heartbeats);
    fireEvent.click(within(region).getByRole('checkbox', { name: 'Hide heartbeats' }));
    expect(region.querySelectorAll('.diagram-arrow')).toHaveLength(all);
  });
});

describe('the space-time diagram out of view', () => {
  it('asks the worker for nothing while it is scrolled out of view, and asks again once in view', async () => {
    const observers: ((entries: { isIntersecting: boolean }[]) => void)[] = [];
    const original = globalThis.IntersectionObserver;
    globalThis.IntersectionObserver = class {
      constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
        observers.push(callback);
      }
      observe() {}
      disconnect() {}
    } as unknown as typeof IntersectionObserver;
    try {
      const { port, take } = fakePort();
      const store = makeAppStore(port, { start: false });
      // A run is on screen (any view will do: the diagram only needs to know there is one).
      act(() => store.setState({ view: {} as never, timeline: { ...store.getState().timeline, tick: 500, maxTick: 500 } }));
      render(
        <AppStoreProvider store={store}>
          <SpaceTimeDiagram />
        </AppStoreProvider>,
      );
      act(() => observers.forEach((callback) => callback([{ isIntersecting: false }])));
      take();
      act(() => store.setState({ timeline: { ...store.getState().timeline, tick: 900, maxTick: 900 } }));
      await act(async () => new Promise((resolve) => setTimeout(resolve, 250)));
      expect(take().filter((command) => command.type === 'diagram')).toEqual([]);
      act(() => observers.forEach((callback) => callback([{ isIntersecting: true }])));
      await act(async () => new Promise((resolve) => setTimeout(resolve, 250)));
      expect(take().filter((command) => command.type === 'diagram')).toEqual([{ type: 'diagram', from: 500, to: 900 }]);
    } finally {
      globalThis.IntersectionObserver = original;
    }
  });
});

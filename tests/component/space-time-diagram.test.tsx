/**
 * The space-time diagram on the real worker logic: for a fixed run, each arrow is painted between
 * the right lanes at the right ticks (a recording 2D context stands in for jsdom's missing
 * canvas); a click on an arrow selects its message at its send tick; the SVG export is a valid
 * standalone SVG with one arrow per message drawn.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpaceTimeDiagram } from '../../src/ui/components/SpaceTimeDiagram.tsx';
import { diagramFile } from '../../src/ui/export/diagram-export.ts';
import { en } from '../../src/ui/i18n/en/index.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import { AppStoreProvider } from '../../src/ui/store/store-context.tsx';
import { diagramGeometry, lanePx, timePx } from '../../src/ui/viz/diagram-layout.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';
import { fakePort } from '../support/fake-port.ts';

/** Every stroke painted: a moveTo and the lineTo after it, in the canvas's CSS px. */
let strokes: { x1: number; y1: number; x2: number; y2: number; colour: string }[] = [];
const canvasProto = HTMLCanvasElement.prototype as { getContext: unknown };
const originalGetContext = canvasProto.getContext;
beforeEach(() => {
  strokes = [];
  canvasProto.getContext = function recording(this: HTMLCanvasElement) {
    let start: { x: number; y: number } | null = null;
    const state: Record<string, unknown> = { canvas: this };
    return new Proxy(state, {
      get(target, name) {
        if (name in target) return target[name as string];
        if (name === 'moveTo') return (x: number, y: number) => (start = { x, y });
        if (name === 'lineTo')
          return (x: number, y: number) => {
            if (start !== null) strokes.push({ x1: start.x, y1: start.y, x2: x, y2: y, colour: String(target.strokeStyle) });
            start = null;
          };
        return () => undefined;
      },
      set(target, name, value) {
        target[name as string] = value;
        return true;
      },
    });
  };
});
afterEach(() => {
  canvasProto.getContext = originalGetContext;
});

/** The canvas's count of arrows painted. */
function arrowsPainted(region: HTMLElement): number {
  return Number(region.querySelector('canvas.diagram-content')!.getAttribute('data-arrows'));
}

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
  it('paints each message from its sender’s lane at its send tick to its receiver’s at its arrival', async () => {
    const { store, region } = await election();
    const window = store.getState().diagram!;
    expect(window).toMatchObject({ from: 0, to: 160, nodes: 3 });
    const drawing = within(region).getByRole('img');
    expect(drawing).toHaveAccessibleName(`Ticks 0 to 160: ${window.messages.length} messages`);
    const geometry = diagramGeometry(window, [1, 2, 3], 480, 420);
    const painted = (from: number, to: number, sent: number, arrive: number) =>
      strokes.some((stroke) => Math.abs(stroke.x1 - lanePx(geometry, from)!) < 0.5 && Math.abs(stroke.x2 - lanePx(geometry, to)!) < 0.5 && Math.abs(stroke.y1 - timePx(geometry, sent)) < 0.5 && Math.abs(stroke.y2 - timePx(geometry, arrive)) < 0.5);
    const votes = window.messages.filter((message) => message.type === 'MsgVote');
    expect(votes.map((vote) => [vote.from, vote.to, vote.sent, vote.arrive])).toEqual([
      [1, 2, 100, 110],
      [1, 3, 100, 110],
    ]);
    const replies = window.messages.filter((message) => message.type === 'MsgVoteResp');
    expect(replies.map((reply) => [reply.from, reply.to, reply.sent, reply.arrive])).toEqual([
      [2, 1, 110, 120],
      [3, 1, 110, 120],
    ]);
    for (const message of [...votes, ...replies]) expect(painted(message.from, message.to, message.sent, message.arrive), `message ${message.id}`).toBe(true);
    // Nothing runs from node 2 to node 3 in this election.
    expect(painted(2, 3, 100, 110)).toBe(false);
    expect(arrowsPainted(region)).toBe(window.messages.filter((message) => !message.heartbeat).length);
  });

  it('a click on an arrow selects its message at its send tick; a click elsewhere goes to that tick', async () => {
    const { store, region } = await election();
    const window = store.getState().diagram!;
    const reply = window.messages.find((message) => message.type === 'MsgVoteResp' && message.from === 3)!;
    const geometry = diagramGeometry(window, [1, 2, 3], 480, 420);
    const surface = region.querySelector('.diagram-surface')!;
    // jsdom lays nothing out: the surface's corner is at (0, 0), so client coordinates are the drawing's.
    const middle = { clientX: (lanePx(geometry, 3)! + lanePx(geometry, 1)!) / 2, clientY: timePx(geometry, 115) };
    fireEvent.mouseMove(surface, middle);
    expect(surface).toHaveAttribute('title', 'RequestVote reply 3→1: sent at tick 110, arrives at tick 120');
    fireEvent.click(surface, middle);
    await settle();
    expect(store.getState().timeline.tick).toBe(110);
    expect(store.getState().selectedMessage).toBe(reply.id);
    // Empty space at tick 40, between lanes.
    fireEvent.click(surface, { clientX: lanePx(geometry, 2)! + 20, clientY: timePx(geometry, 40) });
    await settle();
    expect(store.getState().timeline.tick).toBe(40);
  });

  it('exports the ticks shown as a standalone SVG: one arrow per message drawn, the lanes, and a legend', async () => {
    const { store, region } = await election();
    const window = store.getState().diagram!;
    const view = diagramGeometry({ from: 0, to: 160 }, [1, 2, 3], 480, 420);
    const file = diagramFile(en, window, view, { collapseHeartbeats: true, rpcs: [], lanes: [1, 2, 3] }, 400, { color: '#111111', background: '#fafafa', fontFamily: 'sans-serif' });
    const parsed = new DOMParser().parseFromString(file.svg, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')?.textContent ?? null, file.svg.slice(0, 400)).toBeNull();
    expect(parsed.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(parsed.querySelectorAll('.diagram-arrow')).toHaveLength(arrowsPainted(region));
    expect(parsed.querySelector('title')?.textContent).toBe('Raftlab space-time diagram, ticks 0–160');
    // The legend sits below the drawing, which the file's height makes room for.
    expect(file.height).toBeGreaterThan(420);
    expect(parsed.documentElement.getAttribute('height')).toBe(String(file.height));
    const legend = parsed.querySelector('.diagram-legend')!.textContent;
    for (const words of ['RequestVote', 'AppendEntries', 'rejected reply', 'lost', 'became leader', 'commit advanced']) expect(legend).toContain(words);
    // An arrow that ends past the ticks shown is left out of a narrower file.
    const narrow = diagramFile(en, window, diagramGeometry({ from: 0, to: 105 }, [1, 2, 3], 480, 420), { collapseHeartbeats: true, rpcs: [], lanes: [1, 2, 3] }, 105, { color: '#111', background: '#fff', fontFamily: 'serif' });
    const inNarrow = [...new DOMParser().parseFromString(narrow.svg, 'image/svg+xml').querySelectorAll('.diagram-arrow')].map((arrow) => Number(arrow.getAttribute('data-sent')));
    expect(inNarrow.every((sent) => sent <= 105)).toBe(true);
    expect(inNarrow).toContain(100);
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
    const drawing = within(region).getByRole('img');
    // Ticks 1,600-2,000 shown; a span more before them asked for, to scroll into.
    expect(drawing).toHaveAccessibleName(/^Ticks 1,600 to 2,000: /);
    expect(store.getState().diagram).toMatchObject({ from: 1_200, to: 2_000 });
    fireEvent.click(within(region).getByRole('button', { name: 'Earlier ticks' }));
    // Anchored half a span back (at tick 1,800), three quarters of the window before it: it slides at once.
    expect(drawing).toHaveAccessibleName(/^Ticks 1,500 to 1,900: /);
    await wait();
    expect(store.getState().diagram).toMatchObject({ from: 1_100, to: 2_000 });
    expect(store.getState().timeline.tick).toBe(2_000);
    expect(within(region).getByRole('button', { name: 'Follow the tick' })).toHaveAttribute('aria-pressed', 'false');
    // A wheel turn of the drawing's height scrolls one whole span; the arrow keys a tenth of one.
    fireEvent.wheel(region.querySelector('.diagram-box')!, { deltaY: -420 });
    expect(drawing).toHaveAccessibleName(/^Ticks 1,100 to 1,500: /);
    await wait();
    expect(store.getState().diagram).toMatchObject({ from: 700, to: 1_900 });
    fireEvent.keyDown(drawing, { key: 'ArrowDown' });
    expect(drawing).toHaveAccessibleName(/^Ticks 1,140 to 1,540: /);
    // The content slides by a transform: the window read is drawn at the scale shown, moved up by the ticks between.
    const content = region.querySelector<HTMLCanvasElement>('canvas.diagram-content')!;
    const scale = (410 - 28) / 400;
    expect(Number(/translate3d\(0(?:px)?, (-?[\d.]+)px/.exec(content.style.transform)![1])).toBeCloseTo(-(1_140 - store.getState().diagram!.from) * scale, 3);
    fireEvent.click(within(region).getByRole('button', { name: 'Follow the tick' }));
    await wait();
    expect(drawing).toHaveAccessibleName(/^Ticks 1,600 to 2,000: /);
  });

  it('runs time across on request: lanes are rows, ticks run left to right', async () => {
    const { store, region } = await election();
    fireEvent.click(within(region).getByRole('checkbox', { name: 'Time across' }));
    const window = store.getState().diagram!;
    const geometry = diagramGeometry({ from: 0, to: 160 }, [1, 2, 3], 480, 420, 'across');
    const vote = window.messages.find((message) => message.type === 'MsgVote' && message.to === 2)!;
    expect(strokes.some((stroke) => Math.abs(stroke.x1 - timePx(geometry, 100)) < 0.5 && Math.abs(stroke.x2 - timePx(geometry, 110)) < 0.5 && Math.abs(stroke.y1 - lanePx(geometry, 1)!) < 0.5 && Math.abs(stroke.y2 - lanePx(geometry, 2)!) < 0.5)).toBe(true);
    expect(lanePx(geometry, 2)!).toBeGreaterThan(lanePx(geometry, 1)!);
    fireEvent.click(region.querySelector('.diagram-surface')!, { clientX: timePx(geometry, 105), clientY: (lanePx(geometry, 1)! + lanePx(geometry, 2)!) / 2 });
    await settle();
    expect(store.getState().selectedMessage).toBe(vote.id);
  });

  it('shows only the chosen lanes and RPCs; the RPC filter is the event log’s', async () => {
    const { store, region } = await election();
    const drawnNow = () => store.getState().diagram!.messages.filter((message) => !message.heartbeat);
    const lanes = within(region).getByRole('group', { name: 'Lanes' });
    fireEvent.click(within(lanes).getByRole('button', { name: 'Lane of node 3' }));
    expect(within(lanes).getByRole('button', { name: 'Lane of node 3' })).toHaveAttribute('aria-pressed', 'false');
    const withoutThree = drawnNow().filter((message) => message.from !== 3 && message.to !== 3).length;
    expect(withoutThree).toBeGreaterThan(0);
    expect(arrowsPainted(region)).toBe(withoutThree);
    // The last lane stays: hiding all would draw nothing.
    fireEvent.click(within(lanes).getByRole('button', { name: 'Lane of node 2' }));
    fireEvent.click(within(lanes).getByRole('button', { name: 'Lane of node 1' }));
    expect(within(lanes).getByRole('button', { name: 'Lane of node 1' })).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(within(lanes).getByRole('button', { name: 'Lane of node 2' }));
    fireEvent.click(within(lanes).getByRole('button', { name: 'Lane of node 3' }));
    const types = within(region).getByRole('group', { name: 'Message types' });
    fireEvent.click(within(types).getByRole('button', { name: 'AppendEntries' }));
    expect(store.getState().eventFilter.rpcs).toEqual(['append']);
    const appends = drawnNow().filter((message) => message.type === 'MsgApp' || message.type === 'MsgAppResp').length;
    expect(appends).toBeGreaterThan(0);
    expect(arrowsPainted(region)).toBe(appends);
    fireEvent.click(within(types).getByRole('button', { name: 'All types' }));
    expect(arrowsPainted(region)).toBe(drawnNow().length);
  });

  it('follows the event log’s node filter, and says so', async () => {
    const { store, region } = await election();
    act(() => store.getState().setEventFilter({ topics: [], node: 3 }));
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
    expect(arrowsPainted(region)).toBe(all - heartbeats);
    fireEvent.click(within(region).getByRole('checkbox', { name: 'Hide heartbeats' }));
    expect(arrowsPainted(region)).toBe(all);
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
      expect(take().filter((command) => command.type === 'diagram')).toEqual([{ type: 'diagram', from: 100, to: 900 }]);
    } finally {
      globalThis.IntersectionObserver = original;
    }
  });
});

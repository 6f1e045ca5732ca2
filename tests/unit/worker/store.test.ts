/**
 * The app store against a fake port: replies from the "worker" are handed in by hand, and every
 * command the store posts is recorded. Then one end-to-end check runs the store on the real
 * worker logic through the in-process port, as the component tests do.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core/index.ts';
import type { SimEvent } from '../../../src/core/index.ts';
import { eventBufferMax, speedTicksPerSecondDefault } from '../../../src/protocol/worker-protocol.ts';
import type { FromWorker, Run, TimelineState } from '../../../src/protocol/worker-protocol.ts';
import { noAnnotations } from '../../../src/scenario/annotations.ts';
import { encodeView } from '../../../src/protocol/wire-view.ts';
import { noticeText } from '../../../src/ui/components/PlaybackArea.tsx';
import { frameElapsedMsMax, startFrameLoop } from '../../../src/ui/hooks/use-frame-loop.ts';
import { messagesFor } from '../../../src/ui/i18n/catalogue.ts';
import { logWindowCount, makeAppStore } from '../../../src/ui/store/store.ts';
import type { AppStore } from '../../../src/ui/store/store.ts';
import { createWorkerLogic } from '../../../src/worker/worker-logic.ts';
import { fakePort } from '../../support/fake-port.ts';
import { createInProcessPort } from '../../support/in-process-port.ts';

/** What the error banner says, in English (the store keeps the notice as data). */
function shownError(store: AppStore): string | null {
  const error = store.getState().error;
  return error === null ? null : noticeText(messagesFor('en'), error);
}

function started() {
  const fake = fakePort();
  const store = makeAppStore(fake.port);
  fake.take();
  return { ...fake, store };
}

const timeline = (overrides: Partial<TimelineState> = {}): TimelineState => ({ tick: 0, maxTick: 0, playing: false, ticksPerSecond: 60, achievedTicksPerSecond: 0, behind: false, ...overrides });
const startView = createSimulation({ nodes: 5, seed: 1 }).view();
/** A real view, as the worker posts it, at a made-up tick. */
const view = (tick: number) => encodeView({ ...startView, tick }, { selectedMessage: null });
const events = (from: number, count: number): SimEvent[] =>
  Array.from({ length: count }, (_, offset): SimEvent => ({ type: 'network-healed', seq: from + offset, tick: from + offset, node: null, topic: 'FAULT' }));
const frame = (tick: number, more: Partial<Extract<FromWorker, { type: 'frame' }>> = {}): FromWorker => ({
  type: 'frame',
  view: view(tick),
  timeline: timeline({ tick, maxTick: tick }),
  events: [],
  resetEvents: false,
  ...more,
});

describe('app store: replies', () => {
  it('starts a run with the default options and the default speed', () => {
    const fake = fakePort();
    const store = makeAppStore(fake.port);
    expect(fake.take()).toEqual([{ type: 'init', options: { nodes: 5, seed: 1 } }]);
    expect(store.getState()).toMatchObject({ view: null, runOptions: { nodes: 5, seed: 1 }, events: [], timeline: { ticksPerSecond: speedTicksPerSecondDefault, playing: false } });
  });

  it('puts a frame into state: view, timeline and events', () => {
    const { store, reply } = started();
    reply(frame(12, { events: events(1, 3), timeline: timeline({ tick: 12, maxTick: 40, playing: true }) }));
    const state = store.getState();
    expect(state.view?.tick).toBe(12);
    expect(state.timeline).toEqual(timeline({ tick: 12, maxTick: 40, playing: true }));
    expect(state.events.map((event) => event.seq)).toEqual([1, 2, 3]);
  });

  it('appends events and keeps only the newest eventBufferMax; a reset replaces them', () => {
    const { store, reply } = started();
    reply(frame(1, { events: events(1, eventBufferMax - 10) }));
    const before = store.getState().events;
    reply(frame(2));
    expect(store.getState().events).toBe(before); // no new events: same array, no re-render
    reply(frame(3, { events: events(eventBufferMax - 9, 30) }));
    const kept = store.getState().events;
    expect(kept).toHaveLength(eventBufferMax);
    expect(kept[0]!.seq).toBe(21);
    expect(kept.at(-1)!.seq).toBe(eventBufferMax + 20);
    reply(frame(4, { events: events(5, 2), resetEvents: true }));
    expect(store.getState().events.map((event) => event.seq)).toEqual([5, 6]);
  });

  it('keeps the last action outcome and the last error', () => {
    const { store, reply } = started();
    store.getState().act({ type: 'crash', node: 9 });
    reply({ type: 'action-result', id: 1, result: { ok: false, summary: 'node must be an integer from 1 to 5 (got 9)', field: 'node' } });
    expect(store.getState().lastOutcome).toMatchObject({ ok: false, field: 'node', tone: 'error' });
    reply({ type: 'error', message: 'ticks must be an integer', field: 'ticks' });
    expect(shownError(store)).toBe('ticks must be an integer');
    store.getState().dismissError();
    expect(store.getState().error).toBeNull();
  });
});

describe('app store: actions post commands', () => {
  it('playback actions', () => {
    const { store, take, reply } = started();
    const s = store.getState();
    s.play();
    s.pause();
    s.togglePlay();
    s.step();
    s.step(10);
    s.stepBack();
    s.stepBack(5);
    s.nextEvent();
    s.seek(42);
    s.setSpeed(600);
    expect(take()).toEqual([
      { type: 'play' },
      { type: 'pause' },
      { type: 'play' },
      { type: 'step', ticks: 1 },
      { type: 'step', ticks: 10 },
      { type: 'step-back', ticks: 1 },
      { type: 'step-back', ticks: 5 },
      { type: 'next-event' },
      { type: 'seek', tick: 42 },
      { type: 'set-speed', ticksPerSecond: 600 },
    ]);
    reply(frame(1, { timeline: timeline({ playing: true }) }));
    store.getState().togglePlay();
    expect(take()).toEqual([{ type: 'pause' }]);
  });

  it('act posts each action in order', () => {
    const { store, take } = started();
    store.getState().act({ type: 'crash', node: 2 });
    store.getState().act({ type: 'heal' });
    expect(take()).toEqual([
      { type: 'act', action: { type: 'crash', node: 2 }, id: 1 },
      { type: 'act', action: { type: 'heal' }, id: 2 },
    ]);
  });

  it('selection and the log window are sent as the view request', () => {
    const { store, take } = started();
    store.getState().selectNode(3);
    store.getState().setLogFrom(120);
    store.getState().setLogFrom(0);
    expect(take()).toEqual([
      { type: 'set-view', request: { logWindow: null, inspectedNode: 3, selectedMessage: null } },
      { type: 'set-view', request: { logWindow: { from: 120, count: logWindowCount }, inspectedNode: 3, selectedMessage: null } },
      { type: 'set-view', request: { logWindow: null, inspectedNode: 3, selectedMessage: null } },
    ]);
    expect(store.getState()).toMatchObject({ selectedNode: 3, logFrom: 0 });
  });

  it('selecting a message asks for its payload; selecting it again posts nothing', () => {
    const { store, take } = started();
    store.getState().selectMessage(7);
    store.getState().selectMessage(7);
    store.getState().selectMessage(null);
    expect(take()).toEqual([
      { type: 'set-view', request: { logWindow: null, inspectedNode: null, selectedMessage: 7 } },
      { type: 'set-view', request: { logWindow: null, inspectedNode: null, selectedMessage: null } },
    ]);
  });

  it('UI-only actions post nothing', () => {
    const { store, take } = started();
    const s = store.getState();
    s.setEventFilter({ topics: ['VOTE'], node: 2 });
    s.setTheme('dark');
    s.setHelpOpen(true);
    expect(store.getState()).toMatchObject({ eventFilter: { topics: ['VOTE'], node: 2 }, theme: 'dark', helpOpen: true });
    expect(take()).toEqual([]);
  });

  it('reset starts a new run, clears per-run selections, and puts the options back if the worker refuses them', () => {
    const { store, take, reply } = started();
    store.getState().selectNode(7);
    store.getState().setLogFrom(30);
    take();
    store.getState().reset({ nodes: 3, seed: 9 });
    expect(take()).toEqual([
      { type: 'set-view', request: { logWindow: null, inspectedNode: null, selectedMessage: null } },
      { type: 'init', options: { nodes: 3, seed: 9 } },
    ]);
    expect(store.getState()).toMatchObject({ runOptions: { nodes: 3, seed: 9 }, selectedNode: null, logFrom: 0 });
    reply(frame(0, { resetEvents: true }));
    expect(store.getState().runOptions).toEqual({ nodes: 3, seed: 9 });

    store.getState().reset({ nodes: 0 });
    reply({ type: 'error', message: 'nodes must be an integer from 1 to 64 (got 0)', field: 'nodes' });
    expect(store.getState()).toMatchObject({ runOptions: { nodes: 3, seed: 9 } });
    expect(shownError(store)).toBe('nodes must be an integer from 1 to 64 (got 0)');
  });

  it('exportRun resolves with the run the worker sends; importRun posts the file as is', async () => {
    const { store, take, reply } = started();
    const exported = store.getState().exportRun();
    expect(take()).toEqual([{ type: 'export-run' }]);
    const run: Run = { format: 'raftlab-run', version: 2, options: { nodes: 3 }, actions: [], tick: 10, annotations: noAnnotations };
    reply({ type: 'run', run });
    await expect(exported).resolves.toEqual(run);
    store.getState().importRun(run);
    expect(take()).toEqual([{ type: 'import-run', run }]);
    // The current run stays until the worker has replayed the file.
    expect(store.getState().runOptions).toEqual({ nodes: 5, seed: 1 });
    reply({ type: 'import-done', options: { nodes: 3 }, actions: 0, tick: 10 });
    expect(store.getState().runOptions).toEqual({ nodes: 3 });
  });
});

describe('app store: a failed first run', () => {
  it('starts the defaults when the worker refuses the first options, and says so', () => {
    const fake = fakePort();
    const store = makeAppStore(fake.port, { runOptions: { raft: { electionTimeoutTicksMin: 900 } } });
    store.getState().reportError({ kind: 'address', problems: [{ kind: 'unknown', name: 'colour' }], warnings: [] });
    expect(shownError(store)).toBe('Ignored in the address: unknown parameter "colour".');
    expect(fake.take()).toEqual([{ type: 'init', options: { raft: { electionTimeoutTicksMin: 900 } } }]);
    fake.reply({ type: 'error', message: 'raft.electionTimeoutTicksMin must be at most raft.electionTimeoutTicksMax (600) (got 900)', field: 'raft.electionTimeoutTicksMin' });
    expect(fake.take()).toEqual([{ type: 'init', options: { nodes: 5, seed: 1 } }]);
    expect(store.getState()).toMatchObject({ runOptions: { nodes: 5, seed: 1 } });
    expect(shownError(store)).toBe(
      'Ignored in the address: unknown parameter "colour". raft.electionTimeoutTicksMin must be at most raft.electionTimeoutTicksMax (600) (got 900): started with the default settings instead.',
    );
    fake.reply(frame(0, { resetEvents: true }));
    expect(store.getState().view).not.toBeNull();
  });

  it('does not retry the defaults if they fail too', () => {
    const { store, reply, take } = started();
    reply({ type: 'error', message: 'Internal error in the simulation: boom', field: null });
    expect(take()).toEqual([]);
    expect(shownError(store)).toBe('Internal error in the simulation: boom');
  });
});

describe('app store: importing a run', () => {
  const run: Run = { format: 'raftlab-run', version: 2, options: { nodes: 3, seed: 4 }, actions: [], tick: 2000, annotations: noAnnotations };

  it('follows the replay: progress, then the imported run replaces the current one', () => {
    const { store, take, reply } = started();
    reply(frame(0, { resetEvents: true }));
    store.getState().selectNode(5);
    store.getState().importRun(run, 'lecture.json');
    take();
    expect(store.getState().importStatus).toEqual({ phase: 'replaying', fileName: 'lecture.json', done: 0, total: 0 });
    reply({ type: 'import-progress', done: 500, total: 2000 });
    expect(store.getState().importStatus).toEqual({ phase: 'replaying', fileName: 'lecture.json', done: 500, total: 2000 });
    // The current run's own seeks do not end the import.
    reply(frame(0, { resetEvents: true }));
    expect(store.getState()).toMatchObject({ importStatus: { phase: 'replaying' }, selectedNode: 5, runOptions: { nodes: 5, seed: 1 } });
    reply({ type: 'import-done', options: run.options, actions: 0, tick: 2000 });
    reply(frame(2000, { resetEvents: true }));
    expect(store.getState()).toMatchObject({ importStatus: { phase: 'done', fileName: 'lecture.json', actions: 0, tick: 2000 }, runOptions: run.options, selectedNode: null });
    store.getState().dismissImportNotice();
    expect(store.getState().importStatus).toBeNull();
  });

  it('cancel asks the worker; the current run and its options stay', () => {
    const { store, take, reply } = started();
    store.getState().cancelImport();
    expect(take()).toEqual([]); // nothing to cancel
    store.getState().importRun(run, 'lecture.json');
    store.getState().cancelImport();
    expect(take()).toEqual([{ type: 'import-run', run }, { type: 'cancel-import' }]);
    reply({ type: 'import-cancelled' });
    expect(store.getState()).toMatchObject({ importStatus: null, runOptions: { nodes: 5, seed: 1 }, error: null });
  });

  it('a refused file ends the import with its error, the current options kept', () => {
    const { store, reply } = started();
    reply(frame(0, { resetEvents: true }));
    store.getState().importRun(run, 'lecture.json');
    reply({ type: 'error', message: 'actions[3].action.node must be ...', field: 'actions[3].action.node' });
    expect(store.getState()).toMatchObject({ importStatus: null, runOptions: { nodes: 5, seed: 1 } });
    expect(shownError(store)).toBe('actions[3].action.node must be ...');
  });
});

describe('app store: node choices after a run with fewer nodes', () => {
  const threeNodes = encodeView(createSimulation({ nodes: 3, seed: 1 }).view(), { selectedMessage: null });

  it('forgets an event filter on a node the new run does not have', () => {
    const { store, reply } = started();
    reply(frame(0, { resetEvents: true }));
    store.getState().setEventFilter({ topics: ['VOTE'], node: 5 });
    store.getState().reset({ nodes: 3, seed: 1 });
    reply(frame(0, { resetEvents: true, view: threeNodes }));
    expect(store.getState().eventFilter).toEqual({ topics: ['VOTE'], node: null });
  });

  it('forgets a selected node the new run does not have, even when the options did not say how many', () => {
    const { store, take, reply } = started();
    reply(frame(0, { resetEvents: true }));
    store.getState().selectNode(4);
    store.getState().reset({ seed: 2, network: { dropRatio: 0.1 } });
    take();
    expect(store.getState().selectedNode).toBe(4); // the default is 5 nodes, but the worker decides
    reply(frame(0, { resetEvents: true, view: threeNodes }));
    expect(store.getState().selectedNode).toBeNull();
    expect(take()).toEqual([{ type: 'set-view', request: { logWindow: null, inspectedNode: null, selectedMessage: null } }]);
  });
});

describe('app store: frame backpressure and the frame loop', () => {
  it('sends one frame at a time: the next only after a reply', () => {
    const { store, take, reply } = started();
    expect(store.requestFrame(16)).toBe(true);
    expect(store.requestFrame(16)).toBe(false);
    expect(take()).toEqual([{ type: 'frame', elapsedMs: 16 }]);
    reply(frame(1));
    expect(store.requestFrame(17)).toBe(true);
    reply({ type: 'error', message: 'Internal error in the simulation: boom', field: null });
    expect(store.requestFrame(18)).toBe(true);
  });

  it('the loop owes refused time to the next frame, caps it, and stops cleanly', () => {
    const callbacks: ((now: number) => void)[] = [];
    let cancelled = 0;
    const host = {
      requestAnimationFrame: (callback: (now: number) => void) => callbacks.push(callback),
      cancelAnimationFrame: () => {
        cancelled += 1;
      },
    };
    const sent: number[] = [];
    let accept = true;
    const stop = startFrameLoop((elapsedMs) => {
      if (accept) sent.push(elapsedMs);
      return accept;
    }, host);
    const animate = (now: number) => callbacks.at(-1)!(now);
    animate(1000); // the first callback only sets the clock
    animate(1016);
    accept = false;
    animate(1032);
    accept = true;
    animate(1048); // 16 refused + 16 now
    animate(2048); // a stall: capped
    expect(sent).toEqual([16, 32, frameElapsedMsMax]);
    stop();
    expect(cancelled).toBe(1);
    const count = callbacks.length;
    callbacks.at(-1)!(3000);
    expect(callbacks.length).toBe(count);
  });
});

describe('app store on the real worker logic (in-process port)', () => {
  it('gets a first frame, plays, and acts', async () => {
    const store = makeAppStore(createInProcessPort(createWorkerLogic));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    expect(store.getState().view?.nodes).toHaveLength(5);
    store.getState().setSpeed(1000);
    store.getState().play();
    await settle();
    expect(store.getState().timeline.playing).toBe(true);
    for (let i = 0; i < 20; i += 1) {
      expect(store.requestFrame(50)).toBe(true);
      await settle();
    }
    expect(store.getState().timeline.tick).toBe(1000);
    store.getState().act({ type: 'crash', node: 1 });
    await settle();
    expect(store.getState().lastOutcome).toMatchObject({ ok: true, summary: expect.stringMatching(/^Node 1 crashed/) as string });
    expect(store.getState().view?.nodes[0]!.alive).toBe(false);
    const run = await store.getState().exportRun();
    expect(run).toMatchObject({ format: 'raftlab-run', tick: 1000, actions: [{ tick: 1000, action: { type: 'crash', node: 1 } }] });
    store.dispose();
  });
});

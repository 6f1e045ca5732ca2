/**
 * The store's acting path (act-actions.ts) and selection, against a fake port: selecting a node
 * or a message clears the other; each outcome carries the place its action came from, matched by
 * id; ✓ only for a success; network outcomes in percent; acting in the past asks first.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core/index.ts';
import type { FromWorker, TimelineState } from '../../../src/protocol/worker-protocol.ts';
import { encodeView } from '../../../src/protocol/wire-view.ts';
import { makeAppStore } from '../../../src/ui/store/store.ts';
import { createWorkerLogic } from '../../../src/worker/worker-logic.ts';
import { fakePort } from '../../support/fake-port.ts';
import { createInProcessPort } from '../../support/in-process-port.ts';

function started() {
  const fake = fakePort();
  const store = makeAppStore(fake.port);
  fake.take();
  return { store, reply: fake.reply, take: fake.take };
}

const startView = createSimulation({ nodes: 5, seed: 1 }).view();
const timeline = (overrides: Partial<TimelineState>): TimelineState => ({ tick: 0, maxTick: 0, playing: false, ticksPerSecond: 100, achievedTicksPerSecond: 0, behind: false, ...overrides });
const frame = (overrides: Partial<TimelineState>, resetEvents = false): FromWorker => ({
  type: 'frame',
  view: encodeView({ ...startView, tick: overrides.tick ?? 0 }, { selectedMessage: null }),
  timeline: timeline(overrides),
  events: [],
  resetEvents,
});
const done = (id: number, summary: string): FromWorker => ({ type: 'action-result', id, result: { ok: true, summary, proposal: null } });

describe('app store: one inspector, a node or a message', () => {
  it('selecting a message clears the selected node, and selecting a node clears the message', () => {
    const { store, take } = started();
    store.getState().selectNode(2);
    store.getState().selectMessage(7);
    expect(store.getState()).toMatchObject({ selectedNode: null, selectedMessage: 7 });
    store.getState().selectNode(3);
    expect(store.getState()).toMatchObject({ selectedNode: 3, selectedMessage: null });
    // Clearing one leaves the other as it is.
    store.getState().selectMessage(null);
    expect(store.getState()).toMatchObject({ selectedNode: 3, selectedMessage: null });
    expect(take()).toEqual([
      { type: 'set-view', request: { logWindow: null, inspectedNode: 2, selectedMessage: null } },
      { type: 'set-view', request: { logWindow: null, inspectedNode: null, selectedMessage: 7 } },
      { type: 'set-view', request: { logWindow: null, inspectedNode: 3, selectedMessage: null } },
    ]);
  });
});

describe('app store: outcomes belong to the place the action was taken', () => {
  it('keeps the source, clears the previous outcome as soon as the next action is taken', () => {
    const { store, reply } = started();
    store.getState().act({ type: 'crash', node: 3 }, { source: 'inspector' });
    reply(done(1, 'Node 3 crashed: only what it wrote to disk survives'));
    expect(store.getState().lastOutcome).toMatchObject({ source: 'inspector', tone: 'success', action: { type: 'crash', node: 3 }, summary: 'Node 3 crashed: only what it wrote to disk survives' });
    store.getState().act({ type: 'heal' }, { source: 'faults' });
    expect(store.getState().lastOutcome).toBeNull();
    reply(done(2, 'Network healed: every node can reach every other'));
    expect(store.getState().lastOutcome).toMatchObject({ source: 'faults', seq: 2 });
  });

  it('a jump in time (seek, step back, new run) takes the outcome away: it describes other ticks', () => {
    const { store, reply } = started();
    store.getState().act({ type: 'crash', node: 3 });
    reply(done(1, 'Node 3 crashed: only what it wrote to disk survives'));
    reply(frame({ tick: 5, maxTick: 5 }));
    expect(store.getState().lastOutcome).not.toBeNull();
    reply(frame({ tick: 3, maxTick: 5 }, true));
    expect(store.getState().lastOutcome).toBeNull();
  });

  it('without a source, an action shows at the one place that offers it', () => {
    const { store, reply } = started();
    store.getState().act({ type: 'configure-workload', workload: { proposeEveryTicks: 50 } });
    reply(done(1, 'Client load: a put to the leader every 50 ticks'));
    expect(store.getState().lastOutcome?.source).toBe('load');
  });

  it('an act the worker answered with an error does not take the next act’s outcome', () => {
    const { store, reply } = started();
    store.getState().act({ type: 'heal' }, { source: 'faults' });
    store.getState().act({ type: 'crash', node: 1 }, { source: 'inspector' });
    reply({ type: 'error', message: 'Internal error in the simulation: boom', field: null });
    reply(done(2, 'Node 1 crashed: only what it wrote to disk survives'));
    expect(store.getState().lastOutcome).toMatchObject({ source: 'inspector', action: { type: 'crash', node: 1 } });
  });

  it('✓ only for a success: a follower’s refusal and "no leader" are warnings, a rejected action an error', () => {
    const { store, reply } = started();
    const proposal = (isLeader: boolean, node: number | null) => ({ node, index: isLeader ? 4 : -1, term: 2, isLeader, leaderHint: null });
    const propose = { type: 'propose', node: 1, command: { type: 'put', key: 'x', value: '1' } } as const;
    store.getState().act(propose);
    reply({ type: 'action-result', id: 1, result: { ok: true, summary: 'Node 1 is a follower: not leader, leader is node 3', proposal: proposal(false, 1) } });
    expect(store.getState().lastOutcome).toMatchObject({ source: 'client', tone: 'warning' });
    store.getState().act(propose);
    reply({ type: 'action-result', id: 2, result: { ok: true, summary: 'No leader right now: the proposal was not sent.', proposal: proposal(false, null) } });
    expect(store.getState().lastOutcome?.tone).toBe('warning');
    store.getState().act(propose);
    reply({ type: 'action-result', id: 3, result: { ok: true, summary: 'Node 1 (leader, term 2) appended put x=1 at index 4', proposal: proposal(true, 1) } });
    expect(store.getState().lastOutcome?.tone).toBe('success');
    store.getState().act(propose);
    reply({ type: 'action-result', id: 4, result: { ok: false, summary: 'node must be a running node (got node 1, which is crashed)', field: 'node' } });
    expect(store.getState().lastOutcome?.tone).toBe('error');
  });

  it('words network settings in percent, as the settings form does, including the fields left unchanged', () => {
    const { store, reply } = started();
    reply(frame({}));
    store.getState().act({ type: 'configure-network', network: { dropRatio: 0.125, reorderRatio: 0.5 } }, { source: 'network' });
    reply(done(1, 'Network set to latency 10-30 ticks, loss 0.125, duplicates 0, reorder 0.5'));
    expect(store.getState().lastOutcome).toMatchObject({ source: 'network', summary: 'Network set to latency 10-30 ticks, loss 12.5%, duplicates 0%, reorder 50%' });
  });
});

/** Every branch place taken: acting in the past would drop the future. */
function fullBranches(limit = 3): FromWorker {
  const branches = Array.from({ length: limit }, (_, index) => ({ id: index + 1, name: null, parent: index === 0 ? null : 1, forkTick: index * 10, end: 500, actionCount: 0 }));
  return { type: 'branches', listing: { branches, active: limit, limit, forked: null } };
}

describe('app store: acting in the past starts a branch, and asks first only when none is left', () => {
  it('at the end of the timeline it acts at once', () => {
    const { store, reply, take } = started();
    reply(frame({ tick: 2_966, maxTick: 2_966, playing: true }));
    store.getState().act({ type: 'crash', node: 2 });
    expect(take()).toEqual([{ type: 'act', action: { type: 'crash', node: 2 }, id: 1 }]);
    expect(store.getState().pendingAct).toBeNull();
  });

  it('before the end, with a branch place left, it acts at once: the worker keeps the future as a branch', () => {
    const { store, reply, take } = started();
    reply(frame({ tick: 999, maxTick: 2_966, playing: true }));
    store.getState().act({ type: 'crash', node: 2 });
    expect(take()).toEqual([{ type: 'act', action: { type: 'crash', node: 2 }, id: 1 }]);
    expect(store.getState().pendingAct).toBeNull();
  });

  it('before the end with every place taken, it pauses and holds the action; confirming discards the future and resumes playback', () => {
    const { store, reply, take } = started();
    reply(fullBranches());
    reply(frame({ tick: 999, maxTick: 2_966, playing: true }));
    store.getState().act({ type: 'crash', node: 2 }, { source: 'inspector' });
    expect(take()).toEqual([{ type: 'pause' }]);
    expect(store.getState().pendingAct).toEqual({ action: { type: 'crash', node: 2 }, source: 'inspector', resume: true });
    reply(frame({ tick: 999, maxTick: 2_966, playing: false }));
    store.getState().confirmAct();
    expect(take()).toEqual([{ type: 'act', action: { type: 'crash', node: 2 }, id: 1, discardFuture: true }, { type: 'play' }]);
    expect(store.getState().pendingAct).toBeNull();
  });

  it('cancelling drops the action and keeps the future; paused runs stay paused', () => {
    const { store, reply, take } = started();
    reply(fullBranches());
    reply(frame({ tick: 10, maxTick: 500 }));
    store.getState().act({ type: 'heal' });
    store.getState().cancelAct();
    expect(take()).toEqual([]);
    expect(store.getState().pendingAct).toBeNull();
  });

  it('a new run drops the question', () => {
    const { store, reply } = started();
    reply(fullBranches());
    reply(frame({ tick: 10, maxTick: 500 }));
    store.getState().act({ type: 'heal' });
    expect(store.getState().pendingAct).not.toBeNull();
    store.getState().reset({ nodes: 3, seed: 2 });
    expect(store.getState().pendingAct).toBeNull();
  });
});

describe('worker logic: the act id', () => {
  it('comes back on the action-result, refused or not', () => {
    const replies: FromWorker[] = [];
    const logic = createWorkerLogic((message) => replies.push(message));
    logic.handle({ type: 'init', options: { nodes: 3, seed: 1 } });
    logic.handle({ type: 'act', action: { type: 'crash', node: 2 }, id: 41 });
    logic.handle({ type: 'act', action: { type: 'crash', node: 2 }, id: 42 });
    const results = replies.filter((reply) => reply.type === 'action-result');
    expect(results).toMatchObject([
      { id: 41, result: { ok: true } },
      { id: 42, result: { ok: false, field: 'node' } },
    ]);
  });
});

describe('app store on the real worker: a follower refusing a proposal', () => {
  it('is not a success', async () => {
    const store = makeAppStore(createInProcessPort(createWorkerLogic), { runOptions: { nodes: 3, seed: 4 } });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    store.getState().step(3_000);
    await settle();
    const follower = store.getState().view!.nodes.find((node) => node.alive && node.role === 'follower')!;
    store.getState().act({ type: 'propose', node: follower.id, command: { type: 'put', key: 'x', value: '1' } }, { source: 'client' });
    await settle();
    expect(store.getState().lastOutcome).toMatchObject({ ok: true, tone: 'warning', source: 'client', summary: expect.stringMatching(new RegExp(`^Node ${follower.id} is a follower: not leader`)) as string });
    store.dispose();
  });
});

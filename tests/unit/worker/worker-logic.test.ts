/**
 * The worker's behaviour, driven in Node exactly as the app drives it: commands in, replies out.
 *
 * Method: a harness feeds one command at a time to createWorkerLogic and returns the replies that
 * command produced, so each test can say "this command posts exactly these replies". Views are
 * compared as JSON, the way time travel is checked in tests/unit/sim/timeline.test.ts. Frames are
 * decoded as the store decodes them (the posted WireView stays at hand as `wire`).
 */
import { describe, expect, it } from 'vitest';
import type { Action, ClusterView, NodeId } from '../../../src/core/index.ts';
import { eventBufferMax, speedTicksPerSecondDefault, speedTicksPerSecondMax, speedTicksPerSecondMin, ticksPerFrameMax } from '../../../src/protocol/worker-protocol.ts';
import type { ActionOutcome, FromWorker, Run, ToWorker } from '../../../src/protocol/worker-protocol.ts';
import { decodeView } from '../../../src/protocol/wire-view.ts';
import type { WireView } from '../../../src/protocol/wire-view.ts';
import { logTailCount, messageEntriesShownMax } from '../../../src/worker/frame-view.ts';
import { ticksForFrame } from '../../../src/worker/pacing.ts';
import { createWorkerLogic } from '../../../src/worker/worker-logic.ts';

type Posted = Extract<FromWorker, { type: 'frame' }>;
type Frame = Omit<Posted, 'view'> & { readonly view: ClusterView; readonly wire: WireView };

/** A posted frame with its view decoded, as the store sees it. */
function decoded(reply: FromWorker | undefined): Frame {
  expect(reply?.type).toBe('frame');
  const posted = reply as Posted;
  return { ...posted, view: decodeView(posted.view), wire: posted.view };
}

function harness() {
  const replies: FromWorker[] = [];
  const logic = createWorkerLogic((message) => replies.push(message), () => 0); // Fixed clock: imports and frames never split on busy cores.
  const send = (command: ToWorker): FromWorker[] => {
    const start = replies.length;
    logic.handle(command);
    return replies.slice(start);
  };
  /** Sends a command that must answer with exactly one frame, and returns it. */
  const frame = (command: ToWorker): Frame => {
    const out = send(command);
    expect(out.map((reply) => reply.type), `replies to ${command.type}`).toEqual(['frame']);
    return decoded(out[0]);
  };
  const exported = (): Run => {
    const out = send({ type: 'export-run' });
    expect(out.map((reply) => reply.type)).toEqual(['run']);
    return (out[0] as Extract<FromWorker, { type: 'run' }>).run;
  };
  return { send, frame, exported, replies };
}

function started(options: ToWorker & { type: 'init' } = { type: 'init', options: { nodes: 5, seed: 7 } }) {
  const h = harness();
  h.frame(options);
  return h;
}

const put = (key: string, value: string, node: NodeId | 'leader' = 'leader'): Action => ({
  type: 'propose',
  node,
  command: { type: 'put', key, value },
});

describe('worker logic: replies', () => {
  it('init posts one frame at tick 0, paused, at the default speed, with events reset', () => {
    const frame = harness().frame({ type: 'init', options: { nodes: 3, seed: 1 } });
    const { next, ...rest } = frame.timeline;
    expect(rest).toEqual({ tick: 0, maxTick: 0, playing: false, ticksPerSecond: speedTicksPerSecondDefault, achievedTicksPerSecond: 0, behind: false });
    // Paused, so it names what Next event will run: nothing has been sent yet, so a timer.
    expect(next).toMatchObject({ kind: 'election-timeout' });
    expect(frame.resetEvents).toBe(true);
    expect(frame.view.nodes).toHaveLength(3);
  });

  it('answers a sequence of commands in order, one reply per command that changes the screen', () => {
    const h = started();
    const types = (commands: ToWorker[]) => commands.flatMap((command) => h.send(command).map((reply) => reply.type));
    expect(
      types([
        { type: 'frame', elapsedMs: 16 },
        { type: 'play' },
        { type: 'frame', elapsedMs: 16 },
        { type: 'pause' },
        { type: 'frame', elapsedMs: 16 },
        { type: 'set-speed', ticksPerSecond: 500 },
        { type: 'step', ticks: 300 },
        { type: 'act', action: { type: 'crash', node: 1 } },
        { type: 'next-event' },
        { type: 'seek', tick: 10 },
        { type: 'step-back', ticks: 1 },
        { type: 'set-view', request: { logWindow: null, inspectedNode: 2, selectedMessage: null } },
        { type: 'export-run' },
      ]),
    ).toEqual(['frame', 'frame', 'frame', 'frame', 'frame', 'action-result', 'frame', 'frame', 'frame', 'frame', 'frame', 'run']);
  });

  it('posts no frame while paused and exactly one per frame command while playing', () => {
    const h = started();
    for (let i = 0; i < 5; i += 1) expect(h.send({ type: 'frame', elapsedMs: 16 })).toEqual([]);
    h.frame({ type: 'play' });
    for (let i = 0; i < 5; i += 1) h.frame({ type: 'frame', elapsedMs: 16 });
    h.frame({ type: 'pause' });
    expect(h.send({ type: 'frame', elapsedMs: 16 })).toEqual([]);
  });

  it('refuses commands before any run exists', () => {
    const h = harness();
    expect(h.send({ type: 'step', ticks: 1 })).toEqual([{ type: 'error', message: expect.stringMatching(/No run yet/) as string, field: null }]);
    expect(h.send({ type: 'frame', elapsedMs: 16 })).toEqual([]);
  });

  it('rejects an unknown command', () => {
    const h = started();
    expect(h.send({ type: 'rewind-universe' } as unknown as ToWorker)).toEqual([{ type: 'error', message: 'Unknown command "rewind-universe"', field: 'type' }]);
  });
});

describe('worker logic: pacing', () => {
  it('advances speed × elapsed ticks, carrying fractions between frames', () => {
    const h = started();
    h.frame({ type: 'set-speed', ticksPerSecond: 60 });
    h.frame({ type: 'play' });
    // 10 ms at 60 ticks/s is 0.6 of a tick: the carried fractions make 3 ticks in 5 frames.
    const ticks = [1, 2, 3, 4, 5].map(() => h.frame({ type: 'frame', elapsedMs: 10 }).timeline.tick);
    expect(ticks).toEqual([0, 1, 1, 2, 3]);
    h.frame({ type: 'set-speed', ticksPerSecond: 1000 });
    expect(h.frame({ type: 'frame', elapsedMs: 16.5 }).timeline.tick).toBe(19); // 16.5 more, 0.5 carried
    expect(h.frame({ type: 'frame', elapsedMs: 16.5 }).timeline.tick).toBe(36);
  });

  it('clamps the speed to the slider range and rejects a speed that is not a number', () => {
    const h = started();
    expect(h.frame({ type: 'set-speed', ticksPerSecond: 0 }).timeline.ticksPerSecond).toBe(speedTicksPerSecondMin);
    expect(h.frame({ type: 'set-speed', ticksPerSecond: 1e12 }).timeline.ticksPerSecond).toBe(speedTicksPerSecondMax);
    expect(h.send({ type: 'set-speed', ticksPerSecond: Number.NaN })).toMatchObject([{ type: 'error', field: 'ticksPerSecond' }]);
  });

  it('runs at most ticksPerFrameMax ticks in a frame and then forgets the rest', () => {
    expect(ticksForFrame({ elapsedMs: 100, ticksPerSecond: speedTicksPerSecondMax, carriedTicks: 0 })).toEqual({ ticks: ticksPerFrameMax, carriedTicks: 0 });
    expect(ticksForFrame({ elapsedMs: -5, ticksPerSecond: 60, carriedTicks: 0.5 })).toEqual({ ticks: 0, carriedTicks: 0.5 });
    expect(ticksForFrame({ elapsedMs: Number.NaN, ticksPerSecond: 60, carriedTicks: 0 }).ticks).toBe(0);
  });
});

describe('worker logic: moving in time', () => {
  it('step and step-back move by exactly n ticks; step-back stops at 0', () => {
    const h = started();
    expect(h.frame({ type: 'step', ticks: 250 }).timeline.tick).toBe(250);
    expect(h.frame({ type: 'step', ticks: 1 }).timeline.tick).toBe(251);
    const back = h.frame({ type: 'step-back', ticks: 51 });
    expect(back.timeline).toMatchObject({ tick: 200, maxTick: 251 });
    expect(back.resetEvents).toBe(true);
    expect(h.frame({ type: 'step-back', ticks: 1000 }).timeline.tick).toBe(0);
    expect(h.send({ type: 'step', ticks: -1 })).toMatchObject([{ type: 'error', field: 'ticks' }]);
  });

  it('seek clamps into [0, maxTick]', () => {
    const h = started();
    h.frame({ type: 'step', ticks: 400 });
    expect(h.frame({ type: 'seek', tick: 9999 }).timeline.tick).toBe(400);
    expect(h.frame({ type: 'seek', tick: -3 }).timeline.tick).toBe(0);
  });

  it('next-event stops at the first tick where something happened', () => {
    const h = started();
    const frame = h.frame({ type: 'next-event' });
    expect(frame.timeline.tick).toBeGreaterThan(0);
    expect(frame.events.length).toBeGreaterThan(0);
    expect(frame.events.every((event) => event.tick === frame.timeline.tick)).toBe(true);
  });

  it('seeking back and forth shows views JSON-identical to the ones posted live', () => {
    const h = started({ type: 'init', options: { nodes: 5, seed: 3, network: { dropRatio: 0.05 } } });
    h.frame({ type: 'set-view', request: { logWindow: null, inspectedNode: 2, selectedMessage: null } });
    const live = new Map<number, string>();
    // The state at a tick is the one after that tick's actions, so the live view recorded for a
    // tick is the last frame posted there: the step's, or the frame that follows an action.
    const actAndRecord = (action: Action): void => {
      const replies = h.send({ type: 'act', action });
      const frame = decoded(replies[1]);
      live.set(frame.timeline.tick, JSON.stringify(frame.view));
    };
    for (let round = 0; round < 40; round += 1) {
      const frame = h.frame({ type: 'step', ticks: 53 });
      live.set(frame.timeline.tick, JSON.stringify(frame.view));
      if (round % 5 === 2) actAndRecord(put(`k${round}`, `v${round}`));
      if (round === 12) actAndRecord({ type: 'partition', groups: [[1, 2], [3, 4, 5]] });
      if (round === 25) actAndRecord({ type: 'heal' });
    }
    const ticks = [...live.keys()];
    for (const tick of [...ticks].reverse().concat(ticks)) {
      const frame = h.frame({ type: 'seek', tick });
      expect(frame.resetEvents).toBe(true);
      expect(frame.events.every((event) => event.tick <= tick)).toBe(true);
      expect(JSON.stringify(frame.view), `view at tick ${tick}`).toBe(live.get(tick));
    }
  });

  it('acting in the past starts a branch that ends now; the branch it left keeps its future', () => {
    const h = started();
    h.frame({ type: 'step', ticks: 1000 });
    h.frame({ type: 'seek', tick: 600 });
    const out = h.send({ type: 'act', action: { type: 'crash', node: 4 } });
    expect(out.map((reply) => reply.type)).toEqual(['action-result', 'branches', 'frame']);
    expect(out[1]).toMatchObject({
      listing: {
        active: 2,
        forked: { from: 1, to: 2, tick: 600 },
        branches: [
          { id: 1, parent: null, end: 1000, actionCount: 0 },
          { id: 2, parent: 1, forkTick: 600, actionCount: 1 },
        ],
      },
    });
    expect(decoded(out[2]).timeline).toMatchObject({ tick: 600, maxTick: 600 });
    expect(decoded(out[2]).view.nodes[3]!.alive).toBe(false);
    // Back on the first branch at the same tick: node 4 was never crashed there, and its ticks are all there.
    const back = h.send({ type: 'switch-branch', id: 1 });
    expect(back.map((reply) => reply.type)).toEqual(['branches', 'frame']);
    expect(decoded(back[1]).timeline).toMatchObject({ tick: 600, maxTick: 1000 });
    expect(decoded(back[1]).view.nodes[3]!.alive).toBe(true);
  });

  it('frames carry each event once, in order, while playing fast', () => {
    const h = started();
    h.frame({ type: 'set-speed', ticksPerSecond: 2000 });
    h.frame({ type: 'play' });
    const seqs: number[] = [];
    for (let i = 0; i < 40; i += 1) seqs.push(...h.frame({ type: 'frame', elapsedMs: 16 }).events.map((event) => event.seq));
    expect(seqs.length).toBeGreaterThan(100);
    seqs.forEach((seq, index) => index > 0 && expect(seq).toBe(seqs[index - 1]! + 1));
  });

  it('never sends more than eventBufferMax events in one frame', () => {
    const h = started({ type: 'init', options: { nodes: 7, seed: 2 } });
    const frame = h.frame({ type: 'step', ticks: 20_000 });
    expect(frame.events.length).toBe(eventBufferMax);
    expect(frame.events.at(-1)!.tick).toBeLessThanOrEqual(20_000);
  });
});

describe('worker logic: actions', () => {
  function withLeader() {
    const h = started();
    const view = h.frame({ type: 'step', ticks: 1000 }).view;
    const leader = view.leader!.id;
    const follower = view.nodes.find((node) => node.id !== leader && node.alive)!.id;
    const act = (action: Action): { outcome: ActionOutcome; replies: FromWorker[] } => {
      const replies = h.send({ type: 'act', action });
      expect(replies[0]).toMatchObject({ type: 'action-result' });
      return { outcome: (replies[0] as Extract<FromWorker, { type: 'action-result' }>).result, replies };
    };
    return { h, leader, follower, act };
  }

  it('a proposal to the leader says where it went', () => {
    const { leader, act } = withLeader();
    const { outcome, replies } = act(put('x', '1'));
    expect(outcome).toMatchObject({ ok: true, proposal: { node: leader, isLeader: true, leaderHint: leader } });
    expect(outcome.summary).toMatch(new RegExp(`^Node ${leader} \\(leader, term \\d+\\) appended put x=1 at index \\d+`));
    expect(replies.map((reply) => reply.type)).toEqual(['action-result', 'frame']);
  });

  it('a proposal to a follower is refused in words, naming the leader', () => {
    const { leader, follower, act } = withLeader();
    const { outcome } = act(put('x', '1', follower));
    expect(outcome).toMatchObject({ ok: true, proposal: { node: follower, isLeader: false, leaderHint: leader } });
    expect(outcome.summary).toBe(`Node ${follower} is a follower: not leader, leader is node ${leader}`);
  });

  it('a bad action answers ok:false naming the field, posts no frame and changes nothing', () => {
    const { h, act } = withLeader();
    const before = JSON.stringify(h.exported());
    const { outcome, replies } = act({ type: 'crash', node: 99 });
    expect(outcome).toMatchObject({ ok: false, field: 'node' });
    expect(outcome.summary).toMatch(/node must be/);
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(h.exported())).toBe(before);
  });

  it('summarises network actions', () => {
    const { act } = withLeader();
    expect(act({ type: 'partition', groups: [[1, 2]] }).outcome.summary).toBe('Network split: {1, 2} | {3, 4, 5}');
    expect(act({ type: 'cut-link', from: 1, to: 3, bothWays: false }).outcome.summary).toBe('Link 1→3 cut');
    expect(act({ type: 'restore-link', from: 1, to: 3 } as Action).outcome.summary).toBe('Link 1↔3 restored'); // bothWays defaults to true
    expect(act({ type: 'heal' }).outcome.summary).toMatch(/^Network healed/);
  });
});

describe('worker logic: runs and validation', () => {
  it('a bad init posts an error naming the field and keeps the old run', () => {
    const h = started();
    h.frame({ type: 'step', ticks: 300 });
    const before = JSON.stringify(h.exported());
    expect(h.send({ type: 'init', options: { nodes: 0 } })).toMatchObject([{ type: 'error', field: 'nodes', message: expect.stringMatching(/^nodes must be/) as string }]);
    expect(h.send({ type: 'init', options: { seed: 1, colour: 'red' } as never })).toMatchObject([{ type: 'error', field: 'colour' }]);
    expect(JSON.stringify(h.exported())).toBe(before);
    expect(h.frame({ type: 'step', ticks: 0 }).timeline.tick).toBe(300);
  });

  it('export then import reproduces the same view at the same tick', () => {
    const h = started({ type: 'init', options: { nodes: 5, seed: 21, network: { dropRatio: 0.1 } } });
    h.frame({ type: 'set-view', request: { logWindow: null, inspectedNode: 1, selectedMessage: null } });
    h.frame({ type: 'step', ticks: 700 });
    h.send({ type: 'act', action: put('a', '1') });
    h.frame({ type: 'step', ticks: 300 });
    h.send({ type: 'act', action: { type: 'crash', node: 2 } });
    const atSave = h.frame({ type: 'step', ticks: 500 });
    const run = h.exported();
    expect(run).toMatchObject({ format: 'raftlab-run', version: 2, tick: 1500, annotations: { captions: [], marks: [], expectations: [] } });
    expect(run.actions.map((timed) => timed.tick)).toEqual([700, 1000]);

    const other = harness();
    other.frame({ type: 'init', options: { nodes: 3 } });
    other.frame({ type: 'set-view', request: { logWindow: null, inspectedNode: 1, selectedMessage: null } });
    // Through JSON, as a file would carry it. A short run is replayed at once, in one chunk.
    const replies = other.send({ type: 'import-run', run: JSON.parse(JSON.stringify(run)) as unknown });
    expect(replies.map((reply) => reply.type)).toEqual(['import-done', 'frame']);
    expect(replies[0]).toEqual({ type: 'import-done', options: run.options, actions: 2, tick: 1500 });
    const imported = decoded(replies[1]);
    expect(imported.resetEvents).toBe(true);
    expect(imported.timeline.tick).toBe(1500);
    expect(JSON.stringify(imported.view)).toBe(JSON.stringify(atSave.view));
  });

  it('a malformed import posts an error naming what is wrong and keeps the current run', () => {
    const h = started();
    h.frame({ type: 'step', ticks: 400 });
    const good = h.exported();
    const before = JSON.stringify(good);
    const cases: [unknown, string][] = [
      [null, 'run'],
      [[1, 2], 'run'],
      [{ ...good, format: 'other-app' }, 'format'],
      [{ ...good, version: 3 }, 'version'],
      [{ ...good, version: 'two' }, 'version'],
      [{ ...good, annotations: { captions: [{ tick: -5, text: 'too early' }] } }, 'annotations.captions[0].tick'],
      [{ ...good, options: 'five nodes' }, 'options'],
      [{ ...good, options: { nodes: 500 } }, 'options.nodes'],
      [{ ...good, options: { nodes: 16 } }, 'options.nodes'],
      [{ ...good, actions: {} }, 'actions'],
      [{ ...good, actions: [{ tick: 50, action: { type: 'heal' } }, { tick: 20, action: { type: 'heal' } }] }, 'actions[1].tick'],
      [{ ...good, actions: [{ tick: 'soon', action: { type: 'heal' } }] }, 'actions[0].tick'],
      [{ ...good, actions: [{ tick: 5, action: { type: 'crash', node: 42 } }] }, 'actions[0].action.node'],
      [{ ...good, actions: [{ tick: 5, action: { type: 'explode' } }] }, 'actions[0].action.type'],
      [{ ...good, tick: -1 }, 'tick'],
    ];
    for (const [run, field] of cases) {
      const replies = h.send({ type: 'import-run', run });
      expect(replies, `import with bad ${field}`).toMatchObject([{ type: 'error', field }]);
      expect((replies[0] as Extract<FromWorker, { type: 'error' }>).message.startsWith(field)).toBe(true);
    }
    expect(JSON.stringify(h.exported())).toBe(before);
    expect(h.frame({ type: 'step', ticks: 0 }).timeline).toMatchObject({ tick: 400, maxTick: 400 });
  });
});

describe('worker logic: frame size', () => {
  /**
   * A loaded 9-node cluster, inspecting node 1: a put every 50 ticks (20 a second of simulated
   * time) over 20 keys. Returns the largest posted view from tick 1,000 on, in JSON characters of
   * the WireView as posted (tests/unit/worker/wire-view.test.ts measures a heavier load).
   */
  function loadedRun(ticks: number) {
    const h = started({ type: 'init', options: { nodes: 9, seed: 1 } });
    h.frame({ type: 'set-view', request: { logWindow: null, inspectedNode: 1, selectedMessage: null } });
    let largest = { bytes: 0, frame: null as Frame | null };
    const measure = (frame: Frame): void => {
      const bytes = JSON.stringify(frame.wire).length;
      if (frame.timeline.tick >= 1000 && bytes > largest.bytes) largest = { bytes, frame };
    };
    for (let round = 1; round <= ticks / 50; round += 1) {
      measure(h.frame({ type: 'step', ticks: 25 }));
      const replies = h.send({ type: 'act', action: put(`key-${round % 20}`, `value-${round}`) });
      measure(decoded(replies[1]));
      measure(h.frame({ type: 'step', ticks: 25 }));
    }
    return { h, largest };
  }

  it('keeps the posted view of a loaded 9-node cluster bounded, whatever the run length', () => {
    const { h, largest } = loadedRun(5_000);
    const { view, wire } = largest.frame!;
    const parts = Object.fromEntries(Object.entries(wire).map(([key, value]) => [key, JSON.stringify(value).length]));
    console.log(`largest posted view, 9 nodes, 5,000 ticks, a put every 50 ticks: ${largest.bytes} characters of JSON (${JSON.stringify(view).length} decoded)`, parts);
    const lastIndex = Math.max(...view.nodes.map((node) => node.log.lastIndex));
    const narrow = h.frame({ type: 'set-view', request: { logWindow: { from: lastIndex - 9, count: 10 }, inspectedNode: 1, selectedMessage: null } });
    console.log(`the final view with a 10-entry log window: ${JSON.stringify(narrow.wire).length} characters`);
    expect(largest.bytes).toBeLessThan(10_000);
    expect(view.nodes.filter((node) => node.kv.length > 0).map((node) => node.id)).toEqual([1]);
    expect(view.nodes.every((node) => node.log.entries.length <= logTailCount)).toBe(true);
    const later = loadedRun(15_000).largest.bytes;
    console.log(`largest after 15,000 ticks: ${later} characters`);
    expect(later).toBeLessThan(largest.bytes * 1.25);
  });

  it('shows at most a few entries of a long MsgApp, with the summary telling the whole range', () => {
    const h = started();
    const leader = h.frame({ type: 'step', ticks: 1000 }).view.leader!.id;
    const follower = leader === 1 ? 2 : 1;
    h.send({ type: 'act', action: { type: 'crash', node: follower } });
    for (let i = 0; i < 30; i += 1) h.send({ type: 'act', action: put(`k${i}`, `v${i}`) });
    h.frame({ type: 'step', ticks: 100 });
    h.send({ type: 'act', action: { type: 'restart', node: follower } });
    for (let tick = 0; tick < 2000; tick += 1) {
      const long = h.frame({ type: 'step', ticks: 1 }).view.inFlight.find((item) => item.message.type === 'MsgApp' && item.to === follower && /entries \d+\.\.\d+/.test(item.summary));
      if (long === undefined || long.message.type !== 'MsgApp') continue;
      const [, first, last] = /entries (\d+)\.\.(\d+)/.exec(long.summary)!.map(Number);
      if (last! - first! + 1 <= messageEntriesShownMax) continue;
      expect(long.message.entries).toHaveLength(messageEntriesShownMax);
      expect(long.message.entries[0]!.index).toBe(first);
      return;
    }
    throw new Error('no MsgApp with more than 8 entries was seen');
  });

  it('sends key-value pairs of the inspected node only, and the requested log window', () => {
    const h = started();
    h.frame({ type: 'step', ticks: 800 });
    for (let i = 0; i < 5; i += 1) h.send({ type: 'act', action: put(`k${i}`, `v${i}`) });
    h.frame({ type: 'step', ticks: 300 });
    const frame = h.frame({ type: 'set-view', request: { logWindow: { from: 2, count: 3 }, inspectedNode: 3, selectedMessage: null } });
    expect(frame.view.nodes.map((node) => node.kv.length)).toEqual([0, 0, 5, 0, 0]);
    expect(frame.view.nodes.every((node) => node.log.entries.map((entry) => entry.index).join() === '2,3,4')).toBe(true);
    expect(h.send({ type: 'set-view', request: { logWindow: { from: 1, count: 1e6 }, inspectedNode: null, selectedMessage: null } })).toMatchObject([{ type: 'error', field: 'logWindow.count' }]);
    expect(h.send({ type: 'set-view', request: { logWindow: null, inspectedNode: null, selectedMessage: 0.5 } })).toMatchObject([{ type: 'error', field: 'selectedMessage' }]);
  });

  it('sends the selected message whole: a MsgSnap carries its key-value pairs only while selected', () => {
    const h = started({ type: 'init', options: { nodes: 5, seed: 7, raft: { snapshotThresholdEntries: 20 } } });
    const leader = h.frame({ type: 'step', ticks: 1000 }).view.leader!.id;
    const follower = leader === 1 ? 2 : 1;
    h.send({ type: 'act', action: { type: 'crash', node: follower } });
    for (let i = 0; i < 30; i += 1) h.send({ type: 'act', action: put(`k${i}`, `v${i}`) });
    h.frame({ type: 'step', ticks: 200 });
    h.send({ type: 'act', action: { type: 'restart', node: follower } });
    for (let tick = 0; tick < 2000; tick += 1) {
      const snap = h.frame({ type: 'step', ticks: 1 }).view.inFlight.find((item) => item.message.type === 'MsgSnap');
      if (snap === undefined) continue;
      expect(snap.message).toMatchObject({ snapshot: { data: [] } });
      const selected = h.frame({ type: 'set-view', request: { logWindow: null, inspectedNode: null, selectedMessage: snap.id } });
      expect(selected.wire.selected?.id).toBe(snap.id);
      const whole = selected.view.inFlight.find((item) => item.id === snap.id)!;
      expect(whole.message.type === 'MsgSnap' ? whole.message.snapshot.data.length : 0).toBe(messageEntriesShownMax);
      expect(whole.summary).toBe(snap.summary);
      return;
    }
    throw new Error('no MsgSnap was seen');
  });
});

describe('frame time budget', () => {
  it('stops simulating when the frame has used its time and drops the rest, so the screen keeps up', () => {
    let clock = 0;
    const frames: Extract<FromWorker, { type: 'frame' }>[] = [];
    // Every look at the clock costs 5 ms of "work": the budget allows three chunks.
    const logic = createWorkerLogic(
      (message) => {
        if (message.type === 'frame') frames.push(message);
      },
      () => (clock += 5),
    );
    logic.handle({ type: 'init', options: { nodes: 3, seed: 1 } });
    logic.handle({ type: 'set-speed', ticksPerSecond: speedTicksPerSecondMax });
    logic.handle({ type: 'play' });
    const before = frames.at(-1)!.timeline.tick;
    logic.handle({ type: 'frame', elapsedMs: 16 });
    const after = frames.at(-1)!.timeline.tick;
    expect(after - before).toBe(3 * 256);
    // The next frame starts afresh: nothing was carried over.
    logic.handle({ type: 'frame', elapsedMs: 16 });
    expect(frames.at(-1)!.timeline.tick - after).toBe(3 * 256);
  });

  it('at ordinary speeds runs exactly the ticks the elapsed time buys', () => {
    const frames: Extract<FromWorker, { type: 'frame' }>[] = [];
    const logic = createWorkerLogic((message) => {
      if (message.type === 'frame') frames.push(message);
    });
    logic.handle({ type: 'init', options: { nodes: 3, seed: 1 } });
    logic.handle({ type: 'set-speed', ticksPerSecond: 6_000 });
    logic.handle({ type: 'play' });
    logic.handle({ type: 'frame', elapsedMs: 100 });
    expect(frames.at(-1)!.timeline.tick).toBe(600);
  });
});

describe('the speed playback reaches', () => {
  function playing(options: { ticksPerSecond: number; clock?: () => number }) {
    const frames: Extract<FromWorker, { type: 'frame' }>[] = [];
    const logic = createWorkerLogic((message) => void (message.type === 'frame' && frames.push(message)), options.clock);
    logic.handle({ type: 'init', options: { nodes: 3, seed: 1 } });
    logic.handle({ type: 'set-speed', ticksPerSecond: options.ticksPerSecond });
    logic.handle({ type: 'play' });
    return { frames, frame: (elapsedMs: number) => logic.handle({ type: 'frame', elapsedMs }), pause: () => logic.handle({ type: 'pause' }) };
  }

  it('is the chosen speed when the machine keeps up, slow fractional speeds included', () => {
    for (const ticksPerSecond of [7, 60, 6_000]) {
      const run = playing({ ticksPerSecond });
      for (let i = 0; i < 120; i += 1) run.frame(16.7);
      const timeline = run.frames.at(-1)!.timeline;
      expect(timeline.achievedTicksPerSecond / ticksPerSecond, `${ticksPerSecond} ticks/s`).toBeGreaterThan(0.9);
      expect(timeline.achievedTicksPerSecond / ticksPerSecond).toBeLessThan(1.1);
      expect(timeline.behind).toBe(false);
    }
  });

  it('says how far short it falls when the frame budget cuts the work, and marks it behind', () => {
    let clock = 0;
    // Every look at the clock costs 5 ms: three chunks of 256 ticks fit a frame's budget.
    const run = playing({ ticksPerSecond: speedTicksPerSecondMax, clock: () => (clock += 5) });
    for (let i = 0; i < 60; i += 1) run.frame(16);
    const timeline = run.frames.at(-1)!.timeline;
    expect(timeline.achievedTicksPerSecond).toBeGreaterThan(40_000);
    expect(timeline.achievedTicksPerSecond).toBeLessThan(60_000);
    expect(timeline.behind).toBe(true);
  });

  it('reads 0 and not behind while paused', () => {
    let clock = 0;
    const run = playing({ ticksPerSecond: speedTicksPerSecondMax, clock: () => (clock += 5) });
    for (let i = 0; i < 10; i += 1) run.frame(16);
    expect(run.frames.at(-1)!.timeline.behind).toBe(true);
    run.pause();
    expect(run.frames.at(-1)!.timeline).toMatchObject({ playing: false, achievedTicksPerSecond: 0, behind: false });
  });
});

describe('worker logic: importing a long run in chunks', () => {
  /** A worker whose clock moves 10 ms per look and whose scheduled chunks run only when the test says. */
  function chunkedHarness() {
    const replies: FromWorker[] = [];
    const tasks: (() => void)[] = [];
    let clock = 0;
    const logic = createWorkerLogic(
      (message) => replies.push(message),
      () => (clock += 10),
      (task) => tasks.push(task),
    );
    const send = (command: ToWorker): FromWorker[] => {
      const start = replies.length;
      logic.handle(command);
      return replies.slice(start);
    };
    /** Runs the next scheduled chunk and returns what it posted. */
    const runChunk = (): FromWorker[] => {
      const start = replies.length;
      tasks.shift()!();
      return replies.slice(start);
    };
    const exported = (): string => JSON.stringify(send({ type: 'export-run' }));
    send({ type: 'init', options: { nodes: 3, seed: 2 } });
    send({ type: 'step', ticks: 700 });
    return { send, runChunk, tasks, exported };
  }

  /** 30 puts over 30,000 ticks of 5 nodes: 30,030 replay steps, far more than one chunk. */
  function longRun(): { run: Run; view: string } {
    const h = started();
    h.frame({ type: 'set-view', request: { logWindow: null, inspectedNode: 1, selectedMessage: null } });
    for (let i = 0; i < 30; i += 1) {
      h.frame({ type: 'step', ticks: 1000 });
      h.send({ type: 'act', action: put(`k${i}`, `v${i}`) });
    }
    const view = JSON.stringify(h.frame({ type: 'step', ticks: 0 }).view);
    return { run: JSON.parse(JSON.stringify(h.exported())) as Run, view };
  }

  type Progress = Extract<FromWorker, { type: 'import-progress' }>;

  it('replays a chunk at a time, reporting progress between chunks, then posts the run and its frame', () => {
    const { run, view } = longRun();
    const h = chunkedHarness();
    h.send({ type: 'set-view', request: { logWindow: null, inspectedNode: 1, selectedMessage: null } });
    const progress: Progress[] = [];
    let replies = h.send({ type: 'import-run', run });
    while (replies.every((reply) => reply.type === 'import-progress')) {
      expect(replies).toHaveLength(1);
      progress.push(replies[0] as Progress);
      expect(h.tasks).toHaveLength(1);
      replies = h.runChunk();
    }
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((report) => report.total === 30 + 30_000)).toBe(true);
    progress.forEach((report, index) => index > 0 && expect(report.done).toBeGreaterThan(progress[index - 1]!.done));
    expect(replies.map((reply) => reply.type)).toEqual(['import-done', 'frame']);
    expect(replies[0]).toEqual({ type: 'import-done', options: run.options, actions: 30, tick: 30_000 });
    const frame = decoded(replies[1]);
    expect(frame.resetEvents).toBe(true);
    expect(JSON.stringify(frame.view)).toBe(view);
    expect(h.tasks).toHaveLength(0);
  });

  it('keeps the current run, paused, while importing; cancel stops the replay and changes nothing', () => {
    const { run } = longRun();
    const h = chunkedHarness();
    h.send({ type: 'play' });
    const before = h.exported();
    const first = h.send({ type: 'import-run', run });
    // Playback pauses first, so the screen shows the current run standing still.
    expect(first.map((reply) => reply.type)).toEqual(['frame', 'import-progress']);
    expect(decoded(first[0]).timeline).toMatchObject({ tick: 700, playing: false });
    h.runChunk();
    expect(h.exported()).toBe(before);
    expect(h.send({ type: 'cancel-import' })).toEqual([{ type: 'import-cancelled' }]);
    expect(h.runChunk()).toEqual([]); // the chunk already scheduled does nothing
    expect(h.tasks).toHaveLength(0);
    expect(h.exported()).toBe(before);
    expect(decoded(h.send({ type: 'step', ticks: 1 })[0]).timeline.tick).toBe(701);
    expect(h.send({ type: 'cancel-import' })).toEqual([]); // nothing left to cancel
  });

  it('an action that fails late in the replay posts one error naming it, and the current run stays', () => {
    const { run } = longRun();
    const bad: Run = { ...run, actions: [...run.actions.slice(0, 25), { tick: 25_500, action: { type: 'crash', node: 42 } }, ...run.actions.slice(25)] };
    const h = chunkedHarness();
    const before = h.exported();
    let replies = h.send({ type: 'import-run', run: bad });
    while (replies.every((reply) => reply.type === 'import-progress')) replies = h.runChunk();
    expect(replies).toMatchObject([{ type: 'error', field: 'actions[25].action.node' }]);
    expect(h.tasks).toHaveLength(0);
    expect(h.exported()).toBe(before);
  });

  it('a new run started during an import stops the import without a word', () => {
    const { run } = longRun();
    const h = chunkedHarness();
    h.send({ type: 'import-run', run });
    expect(h.send({ type: 'init', options: { nodes: 4, seed: 1 } }).map((reply) => reply.type)).toEqual(['frame']);
    expect(h.runChunk()).toEqual([]);
    expect(JSON.parse(h.exported())).toMatchObject([{ type: 'run', run: { options: { nodes: 4, seed: 1 }, actions: [] } }]);
  });

  it('refuses more nodes than the screen shows, for a new run as for an import', () => {
    const h = started();
    expect(h.send({ type: 'init', options: { nodes: 16 } })).toEqual([
      {
        type: 'error',
        field: 'nodes',
        message: 'nodes must be an integer from 1 to 15, the most nodes the app shows (got 16)',
        problem: { code: 'node-count', field: 'nodes', max: 15, got: { kind: 'literal', text: '16' } },
      },
    ]);
    const run = { ...h.exported(), options: { nodes: 64 } };
    expect(h.send({ type: 'import-run', run })).toEqual([
      {
        type: 'error',
        field: 'options.nodes',
        message: 'options.nodes must be an integer from 1 to 15, the most nodes the app shows (got 64)',
        problem: { code: 'node-count', field: 'options.nodes', max: 15, got: { kind: 'literal', text: '64' } },
      },
    ]);
    expect(h.frame({ type: 'init', options: { nodes: 15 } }).view.nodes).toHaveLength(15);
  });
});

/**
 * Time travel must land on exactly the state the live run had: seeking restores a checkpoint and
 * replays, so any difference would show as a different view. Views are compared as JSON.
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../src/core/index.ts';

function liveRun(): { timeline: Timeline; snapshots: Map<number, string> } {
  const timeline = new Timeline({ nodes: 5, seed: 11, network: { dropRatio: 0.05 } }, { checkpointInterval: 200, checkpointLimit: 8, historyCharsMax: 10_000_000 });
  const snapshots = new Map<number, string>();
  for (let step = 0; step < 60; step += 1) {
    timeline.advance(37);
    if (step % 7 === 3) timeline.act({ type: 'propose', node: 'leader', command: { type: 'put', key: `k${step}`, value: `v${step}` } });
    if (step === 20) timeline.act({ type: 'crash', node: timeline.current.leader()?.id ?? 1 });
    if (step === 35) timeline.act({ type: 'partition', groups: [[1, 2], [3, 4, 5]] });
    if (step === 45) timeline.act({ type: 'heal' });
    snapshots.set(timeline.tick, JSON.stringify(timeline.current.view()));
  }
  return { timeline, snapshots };
}

describe('timeline: seeking lands on the live state', () => {
  it('every recorded tick, visited backwards and forwards, matches the live view', () => {
    const { timeline, snapshots } = liveRun();
    const ticks = [...snapshots.keys()];
    expect(timeline.maxTick).toBe(ticks.at(-1));
    for (const tick of [...ticks].reverse()) {
      timeline.seek(tick);
      expect(JSON.stringify(timeline.current.view()), `tick ${tick}`).toBe(snapshots.get(tick));
    }
    for (const tick of ticks) {
      timeline.seek(tick);
      expect(JSON.stringify(timeline.current.view()), `tick ${tick}`).toBe(snapshots.get(tick));
    }
  });

  it('keeps checkpoints bounded by thinning', () => {
    const { timeline } = liveRun();
    expect(timeline.checkpointCount).toBeLessThanOrEqual(8);
    expect(timeline.checkpointCount).toBeGreaterThan(1);
  });

  it('stepping back one tick equals the state one tick earlier', () => {
    const { timeline } = liveRun();
    const end = timeline.maxTick;
    timeline.seek(end - 1);
    const earlier = JSON.stringify(timeline.current.view());
    timeline.seek(end);
    timeline.seek(end - 1);
    expect(JSON.stringify(timeline.current.view())).toBe(earlier);
    expect(timeline.tick).toBe(end - 1);
  });

  it('acting in the past forks: the future is dropped and the new branch continues from there', () => {
    const { timeline, snapshots } = liveRun();
    const ticks = [...snapshots.keys()];
    const forkTick = ticks[10]!;
    timeline.seek(forkTick);
    timeline.act({ type: 'crash', node: 2 });
    expect(timeline.maxTick).toBe(forkTick);
    expect(timeline.recordedActions.every((timed) => timed.tick <= forkTick)).toBe(true);
    timeline.advance(500);
    const branchState = JSON.stringify(timeline.current.view());
    expect(timeline.current.nodeState(2).alive).toBe(false);
    // Seeking within the new branch replays the new action.
    timeline.seek(forkTick + 100);
    timeline.seek(forkTick + 500);
    expect(JSON.stringify(timeline.current.view())).toBe(branchState);
  });

  it('acting at a checkpoint tick keeps that checkpoint: it holds the state before the tick\'s actions', () => {
    const timeline = new Timeline({ nodes: 3, seed: 2 }, { checkpointInterval: 100, checkpointLimit: 64, historyCharsMax: 10_000_000 });
    timeline.advance(300);
    const before = timeline.checkpointCount;
    timeline.act({ type: 'crash', node: 1 });
    timeline.act({ type: 'restart', node: 1 });
    expect(timeline.checkpointCount).toBe(before);
    const live = JSON.stringify(timeline.current.view());
    timeline.advance(50);
    timeline.seek(300);
    // Restored from the checkpoint at 300, then both actions at 300 replayed in order.
    expect(JSON.stringify(timeline.current.view())).toBe(live);
    expect(timeline.current.actions().map(({ tick, action }) => `${tick} ${action.type}`)).toEqual(['300 crash', '300 restart']);
  });

  it('keeps one action log: the simulation reads the timeline\'s, up to the current tick', () => {
    const timeline = new Timeline({ nodes: 3, seed: 2 });
    timeline.advance(100);
    timeline.act({ type: 'isolate', node: 2 });
    timeline.advance(100);
    // Acting on the current simulation goes into the timeline's log too.
    timeline.current.act({ type: 'rejoin', node: 2 });
    expect(timeline.recordedActions.map(({ tick }) => tick)).toEqual([100, 200]);
    timeline.seek(150);
    expect(timeline.current.actions().map(({ tick }) => tick)).toEqual([100]);
    expect(timeline.recordedActions).toHaveLength(2);
    expect(timeline.toRun().actions).toHaveLength(2);
  });

  it('rejects a seek outside the run with a typed error and stays put', () => {
    const { timeline } = liveRun();
    const tick = timeline.tick;
    expect(() => timeline.seek(timeline.maxTick + 1)).toThrow(/tick must be an integer from 0/);
    expect(() => timeline.seek(-1)).toThrow(/tick/);
    expect(() => timeline.seek(1.5)).toThrow(/tick/);
    expect(timeline.tick).toBe(tick);
  });

  it('a bad action in the past changes nothing, not even the future', () => {
    const { timeline } = liveRun();
    const end = timeline.maxTick;
    timeline.seek(100);
    expect(() => timeline.act({ type: 'restart', node: 3 })).toThrow(/crashed node/);
    expect(timeline.maxTick).toBe(end);
  });
});

describe('timeline: history stays within its byte budget', () => {
  it('thins checkpoints once their text passes historyCharsMax, and seeking stays exact', () => {
    const options = { nodes: 3, seed: 5, workload: { proposeEveryTicks: 10 } };
    const timeline = new Timeline(options, { checkpointInterval: 100, checkpointLimit: 10_000, historyCharsMax: 200_000 });
    const views = new Map<number, string>();
    for (let i = 0; i < 40; i += 1) {
      timeline.advance(250);
      views.set(timeline.tick, JSON.stringify(timeline.current.view()));
    }
    expect(timeline.historyChars).toBeLessThanOrEqual(200_000);
    expect(timeline.checkpointCount).toBeGreaterThan(1);
    for (const [tick, view] of [...views].reverse()) {
      timeline.seek(tick);
      expect(JSON.stringify(timeline.current.view())).toBe(view);
    }
  });
});

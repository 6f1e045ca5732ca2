/**
 * Branches through the worker, as the app drives them: acting in the past forks, switching shows
 * each branch as it was, renames and deletes are listed, the export keeps every branch and an
 * import brings them back; a file's branches are checked at the edge, each problem naming its
 * field in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { BranchListing, FromWorker, Run } from '../../../src/protocol/worker-protocol.ts';
import { decodeView } from '../../../src/protocol/wire-view.ts';
import { messagesFor } from '../../../src/ui/i18n/catalogue.ts';
import { runProblemText } from '../../../src/ui/run-file-text.ts';
import { runFileRefusal } from '../../support/run-file-refusal.ts';
import { workerHarness } from '../../support/worker-harness.ts';

const options = { nodes: 5, seed: 3 };

function frameOf(replies: readonly FromWorker[]) {
  const frame = replies.find((reply): reply is Extract<FromWorker, { type: 'frame' }> => reply.type === 'frame');
  if (frame === undefined) throw new Error('no frame');
  return { view: decodeView(frame.view), timeline: frame.timeline };
}

function listingOf(replies: readonly FromWorker[]): BranchListing | undefined {
  return replies.find((reply): reply is Extract<FromWorker, { type: 'branches' }> => reply.type === 'branches')?.listing;
}

/** A run of 1,500 ticks with a write at 400, forked at 800 by crashing node 2, then run 300 ticks on. */
function forked() {
  const h = workerHarness();
  h.send({ type: 'init', options });
  h.send({ type: 'step', ticks: 400 });
  h.send({ type: 'act', action: { type: 'propose', node: 'leader', command: { type: 'put', key: 'x', value: '1' } } });
  h.send({ type: 'step', ticks: 1_100 });
  const before = new Map([500, 800, 1_200].map((tick) => [tick, JSON.stringify(frameOf(h.send({ type: 'seek', tick })).view)] as const));
  h.send({ type: 'seek', tick: 800 });
  const acted = h.send({ type: 'act', action: { type: 'crash', node: 2 } });
  h.send({ type: 'step', ticks: 300 });
  return { h, before, acted };
}

describe('branches in the worker', () => {
  it('switching shows each branch as it was, at the tick on screen', () => {
    const { h, before } = forked();
    const onFork = JSON.stringify(frameOf(h.send({ type: 'seek', tick: 1_000 })).view);
    for (const tick of [500, 800, 1_200]) {
      h.send({ type: 'switch-branch', id: 1, tick });
      expect(JSON.stringify(frameOf(h.send({ type: 'seek', tick })).view), `branch 1 at ${tick}`).toBe(before.get(tick));
    }
    const back = h.send({ type: 'switch-branch', id: 2, tick: 1_000 });
    expect(JSON.stringify(frameOf(back).view)).toBe(onFork);
    expect(frameOf(back).timeline).toMatchObject({ tick: 1_000, maxTick: 1_100, playing: false });
  });

  it('keeps the tick within the branch it goes to', () => {
    const { h } = forked();
    h.send({ type: 'switch-branch', id: 1, tick: 1_500 });
    expect(frameOf(h.send({ type: 'switch-branch', id: 2 })).timeline.tick).toBe(1_100);
  });

  it('names and deletes branches; deleting the one on screen shows the one it left, the only one stays', () => {
    const { h, before } = forked();
    expect(listingOf(h.send({ type: 'rename-branch', id: 1, name: 'no crash' }))?.branches[0]?.name).toBe('no crash');
    h.send({ type: 'seek', tick: 800 });
    const deleted = h.send({ type: 'delete-branch', id: 2 });
    expect(deleted.map((reply) => reply.type)).toEqual(['branches', 'frame']);
    expect(listingOf(deleted)).toMatchObject({ active: 1, branches: [{ id: 1, name: 'no crash' }] });
    expect(JSON.stringify(frameOf(deleted).view)).toBe(before.get(800));
    expect(h.send({ type: 'delete-branch', id: 1 })).toMatchObject([{ type: 'error', field: 'id' }]);
    expect(h.send({ type: 'delete-branch', id: 7 })).toMatchObject([{ type: 'error', field: 'branch' }]);
    expect(h.send({ type: 'rename-branch', id: 1, name: 'x'.repeat(61) })).toMatchObject([{ type: 'error', field: 'name' }]);
  });

  it('exports every branch, and an import brings them back, each replaying as before', () => {
    const { h } = forked();
    h.send({ type: 'rename-branch', id: 1, name: 'no crash' });
    const run = h.exported();
    expect(run.branches).toMatchObject({ active: 2, list: [{ id: 1, name: 'no crash', end: 1_500 }, { id: 2, parent: 1, forkTick: 800 }] });
    expect(run.branches?.list[1]?.actions).toBeUndefined();
    const onScreen = JSON.stringify(frameOf(h.send({ type: 'seek', tick: 1_000 })).view);
    const on1 = JSON.stringify(frameOf(h.send({ type: 'switch-branch', id: 1, tick: 1_300 })).view);
    const other = workerHarness();
    other.send({ type: 'init', options: { nodes: 3 } });
    const imported = other.send({ type: 'import-run', run: JSON.parse(JSON.stringify(run)) as unknown });
    expect(listingOf(imported)).toMatchObject({ active: 2, branches: [{ id: 1, name: 'no crash', end: 1_500 }, { id: 2, end: 1_100 }] });
    expect(JSON.stringify(frameOf(other.send({ type: 'seek', tick: 1_000 })).view)).toBe(onScreen);
    expect(JSON.stringify(frameOf(other.send({ type: 'switch-branch', id: 1, tick: 1_300 })).view)).toBe(on1);
  });

  it('a run of one unnamed branch exports no branches, and a new run has one again', () => {
    const h = workerHarness();
    h.send({ type: 'init', options });
    h.send({ type: 'step', ticks: 100 });
    expect(h.exported().branches).toBeUndefined();
    const { h: other } = forked();
    expect(listingOf(other.send({ type: 'init', options }))).toMatchObject({ active: 1, branches: [{ id: 1 }] });
  });

  it('when every place is taken, acting in the past is refused unless it discards the future', () => {
    const h = workerHarness();
    h.send({ type: 'init', options });
    h.send({ type: 'step', ticks: 100 });
    // Branch after branch, each forked one tick back from the last one's end.
    for (let made = 1; made < 16; made += 1) {
      h.send({ type: 'step-back', ticks: 1 });
      h.send({ type: 'act', action: { type: 'set-timer', node: 1, ticks: 50 + made } });
      h.send({ type: 'step', ticks: 10 });
    }
    expect(h.last('branches').listing.branches).toHaveLength(16);
    h.send({ type: 'step-back', ticks: 5 });
    const refused = h.send({ type: 'act', action: { type: 'crash', node: 1 } });
    expect(refused).toMatchObject([{ type: 'action-result', result: { ok: false, field: 'discardFuture' } }]);
    const discarded = h.send({ type: 'act', action: { type: 'crash', node: 1 }, discardFuture: true });
    expect(discarded.map((reply) => reply.type)).toEqual(['action-result', 'frame']);
    expect(frameOf(discarded).timeline.maxTick).toBe(frameOf(discarded).timeline.tick);
  });
});

describe('branches in a run file', () => {
  const en = messagesFor('en');
  const zh = messagesFor('zh-CN');
  const base = (): Run => {
    const { h } = forked();
    return h.exported();
  };

  it('are refused field by field, in words that match the worker in English and are Chinese in Chinese', () => {
    const run = base();
    const list = run.branches!.list;
    const cases: [unknown, string, string][] = [
      ['x', 'branches', 'branches'],
      [{ active: 2, list: [] }, 'branches.list', 'list'],
      [{ active: 2, list: [5, list[1]] }, 'branches.list[0]', 'item'],
      [{ active: 1, list: [list[0], { ...list[1], id: 1 }] }, 'branches.list[1].id', 'id'],
      [{ active: 2, list: [{ ...list[0], name: '' }, list[1]] }, 'branches.list[0].name', 'name'],
      [{ active: 2, list: [list[0], { ...list[1], parent: 2 }] }, 'branches.list[1].parent', 'parent'],
      [{ active: 2, list: [list[0], { ...list[1], forkTick: -1 }] }, 'branches.list[1].forkTick', 'tick'],
      [{ active: 2, list: [{ ...list[0], actions: 'none' }, list[1]] }, 'branches.list[0].actions', 'actions'],
      [{ active: 2, list: [{ ...list[0], end: 10 }, list[1]] }, 'branches.list[0].actions', 'actions'],
      [{ active: 7, list }, 'branches.active', 'active'],
    ];
    for (const [branches, field, part] of cases) {
      const error = runFileRefusal({ ...run, branches });
      expect(error.field, field).toBe(field);
      const problem = error.problem;
      expect(problem.code === 'branch' ? problem.part : problem.code, field).toBe(part);
      expect(runProblemText(en, problem)).toBe(error.message);
      const chinese = runProblemText(zh, problem);
      expect(chinese, chinese).toMatch(/\p{Script=Han}/u);
      expect(chinese.startsWith(field)).toBe(true);
    }
  });

  it('a branch whose action cannot be taken at its tick is refused on import, naming it, and the run on screen stays', () => {
    const run = base();
    const list = run.branches!.list;
    const broken = { ...run, branches: { active: 2, list: [{ ...list[0], actions: [{ tick: 10, action: { type: 'restart', node: 2 } }] }, list[1]] } };
    const h = workerHarness();
    h.send({ type: 'init', options: { nodes: 3, seed: 9 } });
    const out = h.send({ type: 'import-run', run: broken });
    expect(out).toMatchObject([{ type: 'error' }]);
    expect((out[0] as Extract<FromWorker, { type: 'error' }>).field).toMatch(/^branches\.list\[0\]\.actions/);
    expect(h.exported().options).toEqual({ nodes: 3, seed: 9 });
  });
});

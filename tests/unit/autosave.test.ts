/**
 * Keeping runs (src/ui/share): the autosave's rules, each tab's identity and the keeper, on the
 * real store and worker logic (in-process port) with the in-memory save store standing in for
 * IndexedDB. A "browser" here is one shared save store; a "tab" its own sessionStorage, address
 * and app. Reloading a tab is closing its app (after the pagehide save) and opening it again.
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/index.ts';
import { hashWithPermalink } from '../../src/protocol/permalink.ts';
import type { Run } from '../../src/protocol/worker-protocol.ts';
import { noAnnotations } from '../../src/scenario/annotations.ts';
import { chooseOpening, createAutosave, linkMark } from '../../src/ui/share/autosave.ts';
import type { OpeningFacts } from '../../src/ui/share/autosave.ts';
import { openAtStart } from '../../src/ui/share/open-at-start.ts';
import { linkForRun } from '../../src/ui/share/run-address.ts';
import { keepRun, playingSaveMs, settleMs } from '../../src/ui/share/run-keeper.ts';
import type { RunKeeper, Timers } from '../../src/ui/share/run-keeper.ts';
import { memoryRunSaveStore } from '../../src/ui/share/run-save-store.ts';
import type { RunSaveStore, SavedRun } from '../../src/ui/share/run-save-store.ts';
import { sessionTabCopy } from '../../src/ui/share/tab-copy.ts';
import { claimTabIdentity, ownLinksKept } from '../../src/ui/share/tab-identity.ts';
import type { TabChannel, TabIdentity, TabMessage } from '../../src/ui/share/tab-identity.ts';
import { makeAppStore } from '../../src/ui/store/store.ts';
import type { AppStore } from '../../src/ui/store/store.ts';
import { optionsFromSearch } from '../../src/ui/url-options.ts';
import { createWorkerLogic } from '../../src/worker/worker-logic.ts';
import { createInProcessPort } from '../support/in-process-port.ts';

const run = (overrides: Partial<Run> = {}): Run => ({ format: 'raftlab-run', version: 2, options: { nodes: 5, seed: 1 }, actions: [], tick: 0, annotations: noAnnotations, ...overrides });
const crashed = run({ actions: [{ tick: 500, action: { type: 'crash', node: 2 } }], tick: 800 });
const save = (tabId: string, savedAt: number, saved: Run = crashed): SavedRun => ({ tabId, savedAt, run: saved });

describe('the opening rules', () => {
  const facts = (overrides: Partial<OpeningFacts>): OpeningFacts => ({ permalink: null, ownLinkMarks: [], search: '', ownSave: null, latestSave: null, ...overrides });

  it('a permalink wins over every save, unless this tab wrote it (a reload): then its own save, which is newer', () => {
    const own = save('a', 2);
    expect(chooseOpening(facts({ permalink: '1.xyz', ownSave: own, latestSave: own }))).toEqual({ kind: 'link', permalink: '1.xyz' });
    expect(chooseOpening(facts({ permalink: '1.xyz', ownLinkMarks: [linkMark('1.abc'), linkMark('1.xyz')], ownSave: own }))).toEqual({ kind: 'restore', save: own });
    // Its own link, but its save is gone (storage cleared): the link.
    expect(chooseOpening(facts({ permalink: '1.xyz', ownLinkMarks: [linkMark('1.xyz')] }))).toEqual({ kind: 'link', permalink: '1.xyz' });
  });

  it('?scenario= opens that scenario, over every save; a foreign permalink still wins', () => {
    const own = save('a', 2);
    expect(chooseOpening(facts({ search: '?scenario=split-vote', ownSave: own, latestSave: own }))).toEqual({ kind: 'scenario', source: 'split-vote' });
    expect(chooseOpening(facts({ search: '?lang=zh-CN&scenario=lessons/a.scn' }))).toEqual({ kind: 'scenario', source: 'lessons/a.scn' });
    expect(chooseOpening(facts({ search: '?scenario=split-vote', permalink: '1.xyz' }))).toEqual({ kind: 'link', permalink: '1.xyz' });
    expect(chooseOpening(facts({ search: '?scenario=', ownSave: own }))).toEqual({ kind: 'restore', save: own });
  });

  it("a tab's own save, unless the address asks for another cluster", () => {
    const own = save('a', 1, run({ ...crashed, options: { nodes: 7, seed: 3 } }));
    expect(chooseOpening(facts({ ownSave: own, latestSave: save('b', 9) }))).toEqual({ kind: 'restore', save: own });
    expect(chooseOpening(facts({ ownSave: own, search: '?nodes=7&seed=3&lang=zh-CN' }))).toEqual({ kind: 'restore', save: own });
    expect(chooseOpening(facts({ ownSave: own, search: '?nodes=9' }))).toEqual({ kind: 'none' });
  });

  it('a new tab: the address cluster if it asks for one, else the most recent save of any tab', () => {
    const latest = save('b', 9);
    expect(chooseOpening(facts({ latestSave: latest }))).toEqual({ kind: 'restore', save: latest });
    expect(chooseOpening(facts({ latestSave: latest, search: '?lang=zh-CN&large=1' }))).toEqual({ kind: 'restore', save: latest });
    expect(chooseOpening(facts({ latestSave: latest, search: '?seed=4' }))).toEqual({ kind: 'none' });
  });

  it('a save that is nothing but its options (a fresh run, Start fresh) is not restored, and hides older ones', () => {
    const fresh = save('a', 5, run());
    expect(chooseOpening(facts({ ownSave: fresh, latestSave: save('b', 9) }))).toEqual({ kind: 'none' });
    expect(chooseOpening(facts({ latestSave: fresh }))).toEqual({ kind: 'none' });
  });
});

/** Two BroadcastChannels of one browser, as pairs of ends that deliver to each other. */
function linkedChannels(count: number): TabChannel[] {
  const listeners: ((event: { data: unknown }) => void)[][] = Array.from({ length: count }, () => []);
  return listeners.map((own, index) => ({
    postMessage: (message: TabMessage) => listeners.forEach((other, at) => at !== index && other.forEach((listener) => listener({ data: structuredClone(message) }))),
    addEventListener: (_type: 'message', listener: (event: { readonly data: unknown }) => void) => void own.push(listener),
    close: () => undefined,
  }));
}

function memorySession(copyOf?: Map<string, string>): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { readonly map: Map<string, string> } {
  const map = new Map(copyOf);
  return { map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, value), removeItem: (key) => void map.delete(key) };
}

describe("each tab's identity", () => {
  let ids = 0;
  const newId = () => `id${(ids += 1)}`;

  it('survives a reload of the tab (sessionStorage), and differs between tabs', () => {
    const session = memorySession();
    const first = claimTabIdentity({ session, channel: null, newId })!;
    expect(claimTabIdentity({ session, channel: null, newId })!.id()).toBe(first.id());
    expect(claimTabIdentity({ session: memorySession(), channel: null, newId })!.id()).not.toBe(first.id());
  });

  it('a duplicated tab (a copy of the sessionStorage) takes a new identity; the original keeps its own', () => {
    const [originalEnd, duplicateEnd] = linkedChannels(2);
    const session = memorySession();
    const original = claimTabIdentity({ session, channel: originalEnd!, newId })!;
    const duplicate = claimTabIdentity({ session: memorySession(session.map), channel: duplicateEnd!, newId })!;
    expect(duplicate.id()).not.toBe(original.id());
    expect(session.map.get('raftlab.tabId')).toBe(original.id());
  });

  it('remembers the marks of its latest links across a reload, the newest few only', () => {
    const session = memorySession();
    const first = claimTabIdentity({ session, channel: null, newId })!;
    expect(first.ownLinkMarks).toEqual([]);
    for (const mark of ['a', 'b', 'b', null, 'c', 'd']) first.rememberOwnLink(mark);
    expect(claimTabIdentity({ session, channel: null, newId })!.ownLinkMarks).toEqual(['b', 'c', 'd'].slice(-ownLinksKept));
  });

  it('is null where sessionStorage refuses (no autosave then)', () => {
    const refusing = { getItem: () => null, setItem: () => { throw new Error('blocked'); }, removeItem: () => undefined };
    expect(claimTabIdentity({ session: refusing, channel: null, newId })).toBeNull();
    expect(claimTabIdentity({ session: null, channel: null, newId })).toBeNull();
  });
});

/** Timers run by hand: `advance(ms)` runs what is due. */
function manualTimers(): Timers & { advance(ms: number): void; readonly now: () => number } {
  let now = 0;
  let next = 0;
  const due = new Map<number, { at: number; task: () => void }>();
  return {
    set: (task, ms) => {
      next += 1;
      due.set(next, { at: now + ms, task });
      return next;
    },
    clear: (handle) => void due.delete(handle as number),
    advance: (ms) => {
      now += ms;
      for (const [handle, timer] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) continue;
        due.delete(handle);
        timer.task();
      }
    },
    now: () => now,
  };
}

/** Waits for replies, encodings and saves in flight. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** One browser: a save store shared by its tabs, and a clock for the saves' times. */
function browser(store: RunSaveStore = memoryRunSaveStore()) {
  /** While true, puts are accepted and dropped. */
  let frozen = false;
  const saves: RunSaveStore = { ...store, put: (save) => (frozen ? Promise.resolve() : store.put(save)) };
  let clock = Date.UTC(2025, 2, 12, 14, 5);
  let tabs = 0;
  /** A tab at an address; open() starts its app, reload() closes and opens it again. */
  const tab = (href = '/') => {
    const session = memorySession();
    const copy = sessionTabCopy(session);
    const url = new URL(href, 'http://raftlab.test');
    const address = { pathname: url.pathname, search: url.search, hash: url.hash };
    const timers = manualTimers();
    let identity: TabIdentity;
    let store: AppStore;
    let keeper: RunKeeper;
    tabs += 1;
    const name = `tab${tabs}`;
    let ids = 0;
    const open = async () => {
      identity = claimTabIdentity({ session, channel: null, newId: () => `${name}-${(ids += 1)}` })!;
      const options = optionsFromSearch(address.search).options;
      store = makeAppStore(createInProcessPort((post) => createWorkerLogic(post)), options === null ? {} : { runOptions: options });
      await openAtStart({ store, address, tab: { id: identity.id(), ownLinkMarks: identity.ownLinkMarks }, saves, copy });
      keeper = keepRun({
        store,
        address: {
          current: () => address,
          replace: (next) => {
            const parsed = new URL(next, 'http://raftlab.test');
            Object.assign(address, { pathname: parsed.pathname, search: parsed.search, hash: parsed.hash });
          },
          written: (mark) => identity.rememberOwnLink(mark),
        },
        autosave: createAutosave(saves, identity, () => (clock += 1000), copy),
        timers,
        now: timers.now,
      });
      await settle();
    };
    const self = {
      open,
      get store() {
        return store;
      },
      get id() {
        return identity.id();
      },
      address,
      timers,
      /**
       * pagehide, then the page goes and comes back. With `unloadLosesWrites`, the store's writes
       * begun at pagehide never finish, as IndexedDB's may not while a page unloads.
       */
      reload: async (options: { unloadLosesWrites?: boolean } = {}) => {
        if (options.unloadLosesWrites === true) frozen = true;
        keeper.flush();
        frozen = false;
        keeper.dispose();
        store.dispose();
        await settle();
        await open();
      },
      act: async (action: Action) => {
        store.getState().act(action);
        await settle();
      },
      step: async (ticks: number) => {
        store.getState().step(ticks);
        await settle();
      },
      exported: () => store.getState().exportRun(),
    };
    return self;
  };
  return { saves, tab };
}

const restoredFrom = (store: AppStore) => {
  const status = store.getState().importStatus;
  return status?.phase === 'done' && status.from?.kind === 'autosave' ? status.from.savedAt : null;
};

describe('the autosave, tab by tab', () => {
  it('a reload restores the tab’s run at its tick, with the time it was saved; nothing acted is lost', async () => {
    const { tab } = browser();
    const a = tab();
    await a.open();
    await a.step(600);
    await a.act({ type: 'crash', node: 3 });
    await a.step(250);
    // No wait for the debounce: the pagehide save patches in the tick.
    await a.reload();
    expect(restoredFrom(a.store)).not.toBeNull();
    const back = await a.exported();
    expect(back.tick).toBe(850);
    expect(back.actions).toEqual([{ tick: 600, action: { type: 'crash', node: 3 } }]);
    expect(a.store.getState().view?.nodes.find((node) => node.id === 3)?.alive).toBe(false);
  });

  it('a reload keeps the last steps even when the store’s last write never finishes (the tab’s copy)', async () => {
    const { tab } = browser();
    const a = tab();
    await a.open();
    await a.step(600);
    await a.act({ type: 'crash', node: 3 });
    await a.step(250);
    await a.reload({ unloadLosesWrites: true });
    expect(restoredFrom(a.store)).not.toBeNull();
    const back = await a.exported();
    expect(back.tick).toBe(850);
    expect(back.actions).toEqual([{ tick: 600, action: { type: 'crash', node: 3 } }]);
  });

  it('Start fresh starts a new run at tick 0, which the next reload keeps (nothing to restore)', async () => {
    const { tab } = browser();
    const a = tab();
    await a.open();
    await a.step(100);
    await a.act({ type: 'heal' });
    await a.reload();
    expect(restoredFrom(a.store)).not.toBeNull();
    a.store.getState().startFresh();
    await settle();
    expect(a.store.getState()).toMatchObject({ importStatus: null, timeline: { tick: 0 }, runOptions: { nodes: 5, seed: 1 } });
    expect((await a.exported()).actions).toEqual([]);
    await a.reload();
    expect(a.store.getState().importStatus).toBeNull();
    expect((await a.exported()).actions).toEqual([]);
  });

  it('two tabs keep two runs: neither writes over the other', async () => {
    const { tab, saves } = browser();
    const a = tab();
    const b = tab();
    await a.open();
    await b.open();
    await a.step(100);
    await a.act({ type: 'crash', node: 1 });
    await b.step(200);
    await b.act({ type: 'crash', node: 2 });
    await a.step(10);
    await a.act({ type: 'restart', node: 1 });
    expect((await saves.get(a.id))?.run.actions.map((timed) => timed.action.type)).toEqual(['crash', 'restart']);
    expect((await saves.get(b.id))?.run.actions).toEqual([{ tick: 200, action: { type: 'crash', node: 2 } }]);
    await a.reload();
    await b.reload();
    expect((await a.exported()).actions).toHaveLength(2);
    expect((await b.exported()).actions).toHaveLength(1);
  });

  it('a new tab restores the most recent save of any tab, as its own copy', async () => {
    const { tab, saves } = browser();
    const a = tab();
    const b = tab();
    await a.open();
    await b.open();
    await a.act({ type: 'crash', node: 1 });
    await b.step(300);
    await b.act({ type: 'crash', node: 4 });
    const c = tab();
    await c.open();
    expect(restoredFrom(c.store)).not.toBeNull();
    expect((await c.exported()).actions).toEqual([{ tick: 300, action: { type: 'crash', node: 4 } }]);
    // Its own copy: acting in it leaves b's save as it was.
    await c.act({ type: 'crash', node: 5 });
    expect((await saves.get(c.id))?.run.actions).toHaveLength(2);
    expect((await saves.get(b.id))?.run.actions).toHaveLength(1);
  });

  it('a permalink in the address wins over the autosave; a tab’s own permalink gives way to its newer save', async () => {
    const { tab } = browser();
    const a = tab();
    await a.open();
    await a.step(400);
    await a.act({ type: 'isolate', node: 5 });
    a.timers.advance(settleMs);
    await settle();
    expect(a.address.hash).toMatch(/^#run=1\./);
    const shared = `/${a.address.search}${a.address.hash}`;
    // Another tab with a save of its own opens the shared link: the link wins.
    const b = tab();
    await b.open();
    await b.act({ type: 'crash', node: 1 });
    const c = tab(shared);
    await c.open();
    expect(c.store.getState().importStatus).toMatchObject({ phase: 'done', from: { kind: 'link' } });
    expect(await c.exported()).toMatchObject({ tick: 400, actions: [{ tick: 400, action: { type: 'isolate', node: 5 } }] });
    // In tab a, steps after the address was written, then a reload: its save is newer than its link.
    await a.step(77);
    await a.reload();
    expect(restoredFrom(a.store)).not.toBeNull();
    expect((await a.exported()).tick).toBe(477);
  });

  it('an address that asks for another cluster wins over the tab’s own save', async () => {
    const { tab } = browser();
    const a = tab();
    await a.open();
    await a.act({ type: 'crash', node: 1 });
    a.address.search = '?nodes=3';
    a.address.hash = '';
    await a.reload();
    expect(a.store.getState().importStatus).toBeNull();
    expect(a.store.getState().runOptions).toEqual({ nodes: 3 });
  });
});

describe('the keeper', () => {
  it('writes the address at once after an action, and after a quiet spell after moves in time', async () => {
    const { tab } = browser();
    const a = tab('/?lang=zh-CN');
    await a.open();
    expect(a.address).toMatchObject({ search: '?lang=zh-CN', hash: '' }); // a fresh run is its options
    await a.act({ type: 'crash', node: 2 });
    expect(a.address.hash).toMatch(/^#run=1\./);
    const afterAct = a.address.hash;
    await a.step(10);
    await a.step(10);
    expect(a.address.hash).toBe(afterAct);
    a.timers.advance(settleMs - 1);
    await settle();
    expect(a.address.hash).toBe(afterAct);
    a.timers.advance(1);
    await settle();
    expect(a.address.hash).not.toBe(afterAct);
    // The run as it is now, every other parameter kept.
    expect(a.address.search).toBe('?lang=zh-CN');
    expect(a.address.hash).toBe(hashWithPermalink('', (await linkForRun(await a.exported())).permalink));
  });

  it('while playing, writes on a steady beat, not every frame', async () => {
    const { tab } = browser();
    const a = tab('/?seed=4');
    await a.open();
    a.store.getState().play();
    await settle();
    const hashes = new Set<string>();
    const frameMs = 40;
    const frames = 150;
    for (let frame = 0; frame < frames; frame += 1) {
      a.store.requestFrame(frameMs);
      a.timers.advance(frameMs);
      await settle();
      hashes.add(a.address.hash);
    }
    expect(a.store.getState().timeline.tick).toBeGreaterThan(500);
    // 150 frames of 40 ms are 6 s: a write every 3 s (two), not one per frame.
    expect(hashes.size).toBeGreaterThanOrEqual(2);
    expect(hashes.size).toBeLessThanOrEqual(Math.ceil((frames * frameMs) / playingSaveMs) + 1);
    expect(a.address.search).toBe('?seed=4');
  });
});

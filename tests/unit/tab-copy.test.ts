/**
 * The tab's synchronous copy of its run (src/ui/share/tab-copy.ts): it reads back what was
 * written; a run too large for sessionStorage leaves no copy (and removes an older one, which
 * would otherwise win over the newer IndexedDB save); storage that refuses or holds garbage gives
 * no copy and never throws. Of two saves, the newer is the tab's run.
 */
import { describe, expect, it } from 'vitest';
import type { Run } from '../../src/protocol/worker-protocol.ts';
import { noAnnotations } from '../../src/scenario/annotations.ts';
import { copyCharsMax, newerSave, sessionTabCopy } from '../../src/ui/share/tab-copy.ts';

function memory() {
  const map = new Map<string, string>();
  return { map, getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value), removeItem: (key: string) => void map.delete(key) };
}

const run = (actions: number): Run => ({
  format: 'raftlab-run',
  version: 2,
  options: { nodes: 3 },
  actions: Array.from({ length: actions }, (_, tick) => ({ tick, action: { type: 'propose', node: 'leader', command: { type: 'put', key: `k${tick}`, value: 'v'.repeat(40) } } })),
  tick: actions,
  annotations: noAnnotations,
});

describe('the tab copy', () => {
  it('reads back what was written', () => {
    const copy = sessionTabCopy(memory());
    const save = { tabId: 'a', savedAt: 5, run: run(3) };
    copy.write(save);
    expect(copy.read()).toEqual(save);
  });

  it('a run too large leaves no copy, not even an older one', () => {
    const session = memory();
    const copy = sessionTabCopy(session);
    copy.write({ tabId: 'a', savedAt: 1, run: run(2) });
    const large = run(Math.ceil(copyCharsMax / 90));
    expect(JSON.stringify(large).length).toBeGreaterThan(copyCharsMax);
    copy.write({ tabId: 'a', savedAt: 2, run: large });
    expect(copy.read()).toBeNull();
    expect(session.map.size).toBe(0);
  });

  it('storage that refuses or holds garbage gives no copy and never throws', () => {
    const refusing = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => undefined };
    const copy = sessionTabCopy(refusing);
    expect(() => copy.write({ tabId: 'a', savedAt: 1, run: run(1) })).not.toThrow();
    expect(copy.read()).toBeNull();
    const garbage = memory();
    garbage.map.set('raftlab.runCopy', '{"tabId": 3');
    expect(sessionTabCopy(garbage).read()).toBeNull();
    garbage.map.set('raftlab.runCopy', '{"tabId": "a", "savedAt": "soon", "run": {}}');
    expect(sessionTabCopy(garbage).read()).toBeNull();
    expect(sessionTabCopy(null).read()).toBeNull();
  });

  it('of two saves, the newer', () => {
    const older = { tabId: 'a', savedAt: 1, run: run(1) };
    const newer = { tabId: 'a', savedAt: 2, run: run(2) };
    expect(newerSave(older, newer)).toBe(newer);
    expect(newerSave(newer, older)).toBe(newer);
    expect(newerSave(null, older)).toBe(older);
    expect(newerSave(older, null)).toBe(older);
  });
});

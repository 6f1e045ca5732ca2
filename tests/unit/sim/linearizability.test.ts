/**
 * The linearizability checker on hand-made histories of the key-value store: it accepts what a
 * single map could have done, in some order inside each operation's interval, and refuses stale
 * reads, lost acknowledged writes and reads that see writes in two orders.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryEntry, KvOperation } from '../../../src/core/linearizability.ts';
import { checkLinearizable } from '../../../src/core/linearizability.ts';

let nextId = 0;
function op(operation: KvOperation, invoke: number, complete: number | null): HistoryEntry {
  nextId += 1;
  return { id: nextId, operation, invoke, complete };
}
const put = (key: string, value: string, invoke: number, complete: number | null) => op({ kind: 'put', key, value }, invoke, complete);
const del = (key: string, invoke: number, complete: number | null) => op({ kind: 'delete', key }, invoke, complete);
const get = (key: string, value: string | null, invoke: number, complete: number | null) => op({ kind: 'get', key, value }, invoke, complete);

describe('checkLinearizable', () => {
  it('accepts a sequential history, and an empty one', () => {
    expect(checkLinearizable([])).toMatchObject({ ok: true, keys: 0 });
    const history = [get('x', null, 0, 5), put('x', '1', 10, 20), get('x', '1', 30, 40), del('x', 50, 60), get('x', null, 70, 80)];
    expect(checkLinearizable(history)).toMatchObject({ ok: true, keys: 1 });
  });

  it('refuses a stale read: a get after an acknowledged put returns the old value', () => {
    const history = [put('x', '1', 0, 10), put('x', '2', 20, 30), get('x', '1', 40, 50)];
    const verdict = checkLinearizable(history);
    expect(verdict).toMatchObject({ ok: false, key: 'x' });
    if (verdict.ok === false) expect(verdict.entries).toHaveLength(3);
  });

  it('refuses a lost write: an acknowledged put no later read sees', () => {
    expect(checkLinearizable([put('x', '1', 0, 10), get('x', null, 20, 30)])).toMatchObject({ ok: false, key: 'x' });
  });

  it('lets a read overlapping a write see either value', () => {
    for (const seen of [null, '1']) expect(checkLinearizable([put('x', '1', 0, 100), get('x', seen, 10, 20)]).ok).toBe(true);
    // Ticks that touch count as overlapping.
    expect(checkLinearizable([put('x', '1', 0, 10), get('x', null, 10, 20)]).ok).toBe(true);
  });

  it('refuses reads that see two concurrent writes in two orders', () => {
    const history = [put('x', '1', 0, 100), put('x', '2', 0, 100), get('x', '1', 110, 120), get('x', '2', 130, 140), get('x', '1', 150, 160)];
    expect(checkLinearizable(history).ok).toBe(false);
    // Two orders seen while the writes are still going on: fine.
    const overlapping = [put('x', '1', 0, 100), put('x', '2', 0, 100), get('x', '1', 10, 20), get('x', '2', 30, 40)];
    expect(checkLinearizable(overlapping).ok).toBe(true);
  });

  it('treats an operation that never completed as having happened at some point after its call, or never', () => {
    // Seen once, then it must stay seen.
    expect(checkLinearizable([put('x', '1', 0, null), get('x', '1', 10, 20)]).ok).toBe(true);
    expect(checkLinearizable([put('x', '1', 0, null), get('x', null, 10, 20)]).ok).toBe(true);
    expect(checkLinearizable([put('x', '1', 0, null), get('x', '1', 10, 20), get('x', null, 30, 40)]).ok).toBe(false);
    // A pending delete may undo it later.
    expect(checkLinearizable([put('x', '1', 0, 5), del('x', 8, null), get('x', '1', 10, 20), get('x', null, 30, 40)]).ok).toBe(true);
    // But not before its own call.
    expect(checkLinearizable([put('x', '1', 0, 5), get('x', null, 10, 20), del('x', 30, null)]).ok).toBe(false);
  });

  it('checks keys on their own, and names the key that fails', () => {
    const history = [put('a', '1', 0, 10), put('b', '1', 0, 10), get('a', '1', 20, 30), get('b', null, 20, 30)];
    expect(checkLinearizable(history)).toMatchObject({ ok: false, key: 'b' });
    expect(checkLinearizable(history.slice(0, 3))).toMatchObject({ ok: true, keys: 2 });
  });

  it('gives up as unknown past its budget, and refuses a history that runs backwards', () => {
    // Many concurrent writes and a read of each: linearizable, but a search of many states.
    const history: HistoryEntry[] = [];
    for (let i = 0; i < 6; i += 1) history.push(put('x', String(i), 0, 1_000));
    for (let i = 0; i < 6; i += 1) history.push(get('x', String(i), 0, 1_000));
    expect(checkLinearizable(history, { budget: 5 })).toMatchObject({ ok: 'unknown', key: 'x' });
    expect(checkLinearizable(history).ok).toBe(true);
    expect(() => checkLinearizable([put('x', '1', 10, 5)])).toThrow(RangeError);
  });

  it('handles a long history without running out of stack', () => {
    const history: HistoryEntry[] = [];
    for (let i = 0; i < 4_000; i += 1) history.push(put('x', String(i), i * 10, i * 10 + 5), get('x', String(i), i * 10 + 6, i * 10 + 8));
    expect(checkLinearizable(history)).toMatchObject({ ok: true, keys: 1 });
  });
});

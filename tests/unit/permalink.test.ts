/**
 * Permalinks (src/protocol/permalink.ts) and their compact run (run-compact.ts): round trips of
 * every action type and of long runs, the sizes links reach, and every way a link goes bad
 * (truncated, hand-edited, from a newer version, not base64, not a run), each named as data.
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/core/index.ts';
import type { Action, TimedAction } from '../../src/core/index.ts';
import { base64urlToBytes, bytesToBase64url } from '../../src/protocol/base64url.ts';
import { crc32 } from '../../src/protocol/crc32.ts';
import { deflateRaw } from '../../src/protocol/deflate-raw.ts';
import { decodePermalink, encodePermalink, hashWithPermalink, permalinkCharsMax, permalinkFromHash, permalinkVersion } from '../../src/protocol/permalink.ts';
import type { PermalinkResult } from '../../src/protocol/permalink.ts';
import { canonicalRun, compactRun, defaultTopOptions, expandRun } from '../../src/protocol/run-compact.ts';
import type { Run } from '../../src/protocol/worker-protocol.ts';
import { noAnnotations } from '../../src/scenario/annotations.ts';
import { exportRun, importRun } from '../../src/worker/run-file.ts';

function run(actions: readonly TimedAction[], extra: Partial<Run> = {}): Run {
  return { format: 'raftlab-run', version: 2, options: { nodes: 5, seed: 3 }, actions, tick: actions.at(-1)?.tick ?? 0, annotations: noAnnotations, ...extra };
}

async function decoded(text: string): Promise<Run> {
  const result = await decodePermalink(text);
  if (!result.ok) throw new Error(`not decoded: ${JSON.stringify(result.problem)}`);
  return result.run;
}

async function problem(text: string): Promise<Extract<PermalinkResult, { ok: false }>['problem']> {
  const result = await decodePermalink(text);
  if (result.ok) throw new Error('decoded');
  return result.problem;
}

/** Every action type, each shape of it the compact form has a code for, and one it has not. */
const everyAction: Action[] = [
  { type: 'crash', node: 2 },
  { type: 'restart', node: 2 },
  { type: 'isolate', node: 4 },
  { type: 'rejoin', node: 4 },
  { type: 'campaign', node: 1 },
  { type: 'heal' },
  { type: 'partition', groups: [[1, 2], [3, 4, 5]] },
  { type: 'cut-link', from: 1, to: 2, bothWays: true },
  { type: 'cut-link', from: 2, to: 3, bothWays: false },
  { type: 'restore-link', from: 1, to: 2, bothWays: true },
  { type: 'restore-link', from: 2, to: 3, bothWays: false },
  { type: 'configure-network', network: { dropRatio: 0.25, delayTicksMax: 80 } },
  { type: 'configure-workload', workload: { proposeEveryTicks: 50, keys: 4 } },
  { type: 'propose', node: 'leader', command: { type: 'put', key: 'x', value: '1' } },
  { type: 'propose', node: 3, command: { type: 'delete', key: 'x' } },
  { type: 'propose', node: 'leader', command: { type: 'noop' } },
  { type: 'set-timer', node: 3, ticks: 40 },
  { type: 'align-timers', nodes: [1, 2, 5] },
  { type: 'spread-timers', node: 4 },
  { type: 'drop-message', id: 12 },
  { type: 'duplicate-message', id: 13 },
  { type: 'delay-message', id: 14, ticks: 30 },
  { type: 'deliver-message', id: 15 },
  // A type this version does not know (a later one): it travels whole.
  { type: 'teleport', node: 9 } as unknown as Action,
];

/** A long run built on a real timeline: a put every 10 ticks, with a crash and restart now and then. */
function longRun(count: number): Run {
  const timeline = new Timeline({ nodes: 5, seed: 11, checkNodeInvariants: false });
  timeline.advance(1_000);
  for (let i = 0; i < count; i += 1) {
    timeline.advance(10);
    const node = 1 + (Math.floor(i / 500) % 5);
    if (i % 500 === 250) timeline.act({ type: 'crash', node });
    else if (i % 500 === 260) timeline.act({ type: 'restart', node });
    else timeline.act({ type: 'propose', node: 'leader', command: { type: 'put', key: `k${i % 16}`, value: `v${i}` } });
  }
  return exportRun(timeline);
}

describe('the compact run', () => {
  it('writes every action type and reads it back exactly', () => {
    const actions = everyAction.map((action, index) => ({ tick: 100 + index * 7, action }));
    const original = run(actions, { tick: 400, annotations: { captions: [{ tick: 10, text: 'A leader emerges' }], marks: [{ tick: 120, name: 'crash' }], expectations: ['expect by 900: leader in {3,4,5}'], end: 1900, breakpoints: [] } });
    const compact = compactRun(original);
    expect(expandRun(JSON.parse(JSON.stringify(compact)))).toEqual(original);
    // Deltas, codes and positional arguments: crash node 2 at tick 100 is [100, "c", 2].
    expect((compact.a as unknown[])[0]).toEqual([100, 'c', 2]);
    expect((compact.a as unknown[])[13]).toEqual([7, 'P', 0, 'x', '1']);
  });

  it('leaves defaults out and writes nodes and seed back, so a permalink gives the canonical run', () => {
    const options = { nodes: 5, seed: 1, raft: { electionTimeoutTicksMin: 300, heartbeatIntervalTicks: 50 }, network: { dropRatio: 0 }, checkNodeInvariants: true };
    expect(compactRun(run([], { options }))).toEqual({ o: { r: { hb: 50 } } });
    expect(canonicalRun(run([], { options })).options).toEqual({ nodes: 5, seed: 1, raft: { heartbeatIntervalTicks: 50 } });
    expect(compactRun(run([], { options: {} }))).toEqual({});
  });

  it('knows the core defaults it leaves out', () => {
    const resolved = new Timeline({}).current.options;
    expect({ nodes: resolved.nodes, seed: resolved.seed, checkNodeInvariants: resolved.checkNodeInvariants, eventLimit: resolved.eventLimit }).toEqual(defaultTopOptions);
  });

  it('refuses what is not a compact run, saying where', () => {
    for (const bad of [null, [], { o: 5 }, { a: [[1]] }, { a: [[1, 'c']] }, { a: [[1, 'c', 0]] }, { a: [[-1, 'h']] }, { a: [[1, '?']] }, { t: 'late' }, { q: 1 }, { o: { zz: 1 } }, { n: { c: [[1]] } }]) {
      expect(() => expandRun(bad), JSON.stringify(bad)).toThrow(/not a compact run/);
    }
  });
});

describe('permalinks: round trips', () => {
  it('run → permalink → run gives the same run, which replays to the same state', async () => {
    const timeline = new Timeline({ nodes: 5, seed: 21, network: { dropRatio: 0.1 } });
    timeline.advance(700);
    timeline.act({ type: 'propose', node: 'leader', command: { type: 'put', key: 'a', value: '1' } });
    timeline.advance(300);
    timeline.act({ type: 'crash', node: 2 });
    timeline.advance(500);
    const original = exportRun(timeline, { captions: [{ tick: 5, text: '选举开始' }], marks: [], expectations: [], end: null, breakpoints: [] });
    const link = await encodePermalink(original);
    expect(link.startsWith(`${permalinkVersion}.`)).toBe(true);
    expect(link).toMatch(/^\d+\.[A-Za-z0-9_-]+$/);
    const back = await decoded(link);
    expect(back).toEqual(canonicalRun(original));
    // run ↔ JSON ↔ permalink: the same run through a file's JSON first.
    expect(await decoded(await encodePermalink(JSON.parse(JSON.stringify(original)) as Run))).toEqual(back);
    expect(JSON.stringify(importRun(back).current.view())).toBe(JSON.stringify(timeline.current.view()));
    console.log(`a 2-action run with a caption: ${link.length} characters of permalink`);
  });

  it('carries long runs; reports the sizes (10,000 actions is beyond what an address takes)', async () => {
    const sizes: Record<string, number> = {};
    for (const count of [10, 100, 1_000, 10_000]) {
      const original = longRun(count);
      const link = await encodePermalink(original);
      sizes[`${count} actions`] = link.length;
      expect(await decoded(link)).toEqual(canonicalRun(original));
    }
    console.log('permalink characters by run length:', sizes, `(an address holds up to ${permalinkCharsMax})`);
    expect(sizes['100 actions']).toBeLessThan(permalinkCharsMax);
    expect(sizes['10000 actions']).toBeGreaterThan(permalinkCharsMax);
  });
});

describe('permalinks: bad links, each named', () => {
  const sample = run(everyAction.slice(0, 8).map((action, index) => ({ tick: 50 * (index + 1), action })));

  it('truncated: cut anywhere, the link says it is cut short, with how much is there', async () => {
    const link = await encodePermalink(sample);
    for (let length = 2; length < link.length; length += 1) {
      const found = await problem(link.slice(0, length));
      expect(found.code, `cut at ${length}`).toBe('truncated');
    }
    const whole = base64urlToBytes(link.slice(2)) as Uint8Array;
    const cut = (await problem(link.slice(0, -10))) as Extract<Awaited<ReturnType<typeof problem>>, { code: 'truncated' }>;
    expect(cut.expectedBytes).toBe(whole.length);
    expect(cut.bytes).toBeLessThan(whole.length);
    expect(await problem('1')).toEqual({ code: 'truncated', bytes: 0, expectedBytes: 8 });
  });

  it('hand-edited: any character changed in the payload fails the checksum', async () => {
    const link = await encodePermalink(sample);
    for (let position = 2 + 11; position < link.length - 1; position += 3) {
      const swapped = link[position] === 'A' ? 'B' : 'A';
      const edited = `${link.slice(0, position)}${swapped}${link.slice(position + 1)}`;
      expect(await problem(edited), `changed at ${position}`).toEqual({ code: 'edited' });
    }
    expect(await problem(`${link}AAAA`)).toEqual({ code: 'edited' });
    expect(await problem(`x${link}`)).toEqual({ code: 'edited' });
    expect(await problem(link.replace(/^1\./, '0.'))).toEqual({ code: 'edited' });
  });

  it('from a newer version: named before anything is decoded', async () => {
    const link = await encodePermalink(sample);
    expect(await problem(link.replace(/^1\./, '2.'))).toEqual({ code: 'newer-version', version: 2, newest: 1 });
    expect(await problem('7.anything*at+all')).toEqual({ code: 'newer-version', version: 7, newest: 1 });
  });

  it('not base64: the first character outside the alphabet, and where', async () => {
    const link = await encodePermalink(sample);
    expect(await problem(`${link.slice(0, 20)}+${link.slice(21)}`)).toEqual({ code: 'not-base64', position: 20, character: '+' });
    expect(await problem('1.abc def')).toEqual({ code: 'not-base64', position: 5, character: ' ' });
    expect(await problem('1.🙂')).toEqual({ code: 'not-base64', position: 2, character: '🙂' });
  });

  it('not a run: intact bytes (the checksum matches) that hold something else', async () => {
    /** A link around any payload, with the length and checksum a real one has. */
    const framed = (payload: Uint8Array): string => {
      const bytes = new Uint8Array(8 + payload.length);
      new DataView(bytes.buffer).setUint32(0, payload.length);
      new DataView(bytes.buffer).setUint32(4, crc32(payload));
      bytes.set(payload, 8);
      return `1.${bytesToBase64url(bytes)}`;
    };
    const wrap = async (text: string): Promise<string> => framed(await deflateRaw(new TextEncoder().encode(text)));
    expect(await problem(await wrap('{"hello": "world"}'))).toEqual({ code: 'not-a-run' });
    expect(await problem(await wrap('not json'))).toEqual({ code: 'not-a-run' });
    expect(await problem(await wrap('[1,2,3]'))).toEqual({ code: 'not-a-run' });
    // Not deflate at all, with a checksum to match.
    expect(await problem(framed(new Uint8Array([0xff, 0xff, 0xff, 0xff])))).toEqual({ code: 'not-a-run' });
  });
});

describe('permalinks: the pieces', () => {
  it('CRC-32 is the standard one', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('base64url round-trips every byte, in every length', () => {
    for (let length = 0; length < 70; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 37 + length) & 0xff);
      const text = bytesToBase64url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(base64urlToBytes(text)).toEqual(bytes);
    }
  });

  it('finds the permalink in the fragment and writes it beside other fragment parameters', () => {
    expect(permalinkFromHash('#run=1.abc')).toBe('1.abc');
    expect(permalinkFromHash('#other=2&run=1.abc')).toBe('1.abc');
    expect(permalinkFromHash('#section')).toBeNull();
    expect(permalinkFromHash('')).toBeNull();
    expect(hashWithPermalink('', '1.abc')).toBe('#run=1.abc');
    expect(hashWithPermalink('#run=1.old', '1.new')).toBe('#run=1.new');
    expect(hashWithPermalink('#run=1.old', null)).toBe('');
    expect(hashWithPermalink('#x=1&run=1.old', null)).toBe('#x=1');
  });
});

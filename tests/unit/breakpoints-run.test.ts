/**
 * Breakpoints travel with the run (docs/runs.md): in a run file's annotations, checked at the
 * edge like the other annotations (src/worker/run-annotations.ts: each field by the core's rule,
 * a bounded list, none twice, every problem as data worded the same in English as the worker's
 * message and in Chinese in Chinese), and in the permalink's compact form (run-compact.ts), where
 * every kind and both states come back exactly, a kind this version does not know travels whole,
 * and a compact shape that is wrong is refused.
 */
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/core/index.ts';
import type { Breakpoint } from '../../src/core/index.ts';
import { decodePermalink, encodePermalink } from '../../src/protocol/permalink.ts';
import { compactRun, CompactRunError, expandRun } from '../../src/protocol/run-compact.ts';
import { breakpointsMax } from '../../src/protocol/worker-protocol.ts';
import type { Run } from '../../src/protocol/worker-protocol.ts';
import type { BreakpointSetting } from '../../src/scenario/annotations.ts';
import { noAnnotations } from '../../src/scenario/annotations.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { runProblemText } from '../../src/ui/run-file-text.ts';
import { isOptionsOnly } from '../../src/ui/share/run-address.ts';
import { exportRun, parseRun } from '../../src/worker/run-file.ts';
import { runFileRefusal } from '../support/run-file-refusal.ts';

const every: readonly Breakpoint[] = [
  { kind: 'new-leader' },
  { kind: 'term-change' },
  { kind: 'candidate' },
  { kind: 'message', on: 'sent', messageType: 'MsgVote', from: 2, to: null },
  { kind: 'message', on: 'delivered', messageType: null, from: null, to: 4 },
  { kind: 'commit' },
  { kind: 'truncation' },
  { kind: 'vote-refused', reason: null },
  { kind: 'vote-refused', reason: 'log-not-up-to-date' },
  { kind: 'violation' },
  { kind: 'tick', tick: 812 },
];
const settings: readonly BreakpointSetting[] = every.map((breakpoint, index) => ({ breakpoint, enabled: index % 3 !== 1 }));

function runWith(breakpoints: readonly BreakpointSetting[]): Run {
  const timeline = new Timeline({ nodes: 5, seed: 2 });
  timeline.advance(700);
  timeline.act({ type: 'crash', node: 1 });
  return exportRun(timeline, { ...noAnnotations, captions: [{ tick: 700, text: 'a crash' }], breakpoints });
}


describe('breakpoints in a run file', () => {
  it('are written in the annotations and read back exactly, each with whether it is on', () => {
    const run = runWith(settings);
    expect(run.annotations.breakpoints).toEqual(settings);
    expect(parseRun(JSON.parse(JSON.stringify(run))).annotations.breakpoints).toEqual(settings);
  });

  it('may leave out `enabled` (on) and optional fields (any); a run without them has none', () => {
    const run = runWith([]);
    const read = parseRun({ ...run, annotations: { breakpoints: [{ breakpoint: { kind: 'message', on: 'sent' } }, { breakpoint: { kind: 'vote-refused' }, enabled: false }] } });
    expect(read.annotations.breakpoints).toEqual([
      { breakpoint: { kind: 'message', on: 'sent', messageType: null, from: null, to: null }, enabled: true },
      { breakpoint: { kind: 'vote-refused', reason: null }, enabled: false },
    ]);
    expect(parseRun({ ...run, annotations: { captions: [] } }).annotations.breakpoints).toEqual([]);
  });

  it('with a bad field are refused naming it, in English as the worker says it and in Chinese in Chinese', () => {
    const en = messagesFor('en');
    const zh = messagesFor('zh-CN');
    const run = runWith([]);
    const at = 'annotations.breakpoints[0]';
    const cases: [unknown, string, string][] = [
      [[7], at, 'annotation-item'],
      [[{ breakpoint: 'commit' }], `${at}.breakpoint`, 'object'],
      [[{ breakpoint: { kind: 'leader' } }], `${at}.breakpoint.kind`, 'kind'],
      [[{ breakpoint: { kind: 'message', on: 'heard' } }], `${at}.breakpoint.on`, 'on'],
      [[{ breakpoint: { kind: 'message', on: 'sent', messageType: 'MsgFoo' } }], `${at}.breakpoint.messageType`, 'message-type'],
      [[{ breakpoint: { kind: 'message', on: 'sent', from: 65 } }], `${at}.breakpoint.from`, 'node'],
      [[{ breakpoint: { kind: 'message', on: 'sent', to: 'two' } }], `${at}.breakpoint.to`, 'node'],
      [[{ breakpoint: { kind: 'vote-refused', reason: 'bored' } }], `${at}.breakpoint.reason`, 'reason'],
      [[{ breakpoint: { kind: 'tick', tick: -3 } }], `${at}.breakpoint.tick`, 'tick'],
      [[{ breakpoint: { kind: 'commit' }, enabled: 'yes' }], `${at}.enabled`, 'enabled'],
      [[{ breakpoint: { kind: 'tick', tick: 5 } }, { breakpoint: { kind: 'tick', tick: 5 }, enabled: false }], 'annotations.breakpoints[1]', 'breakpoint-duplicate'],
      [{ kind: 'commit' }, 'annotations.breakpoints', 'annotation-list'],
      [Array.from({ length: breakpointsMax + 1 }, (_, index) => ({ breakpoint: { kind: 'tick', tick: index + 1 } })), 'annotations.breakpoints', 'annotation-list'],
    ];
    for (const [breakpoints, field, code] of cases) {
      const error = runFileRefusal({ ...run, annotations: { breakpoints } });
      expect(error.field, field).toBe(field);
      const problem = error.problem;
      expect(problem.code === 'breakpoint' ? problem.part : problem.code, field).toBe(code);
      expect(runProblemText(en, problem)).toBe(error.message);
      const chinese = runProblemText(zh, problem);
      expect(chinese, chinese).toMatch(/\p{Script=Han}/u);
      expect(chinese.startsWith(field)).toBe(true);
    }
    expect(runFileRefusal({ ...run, annotations: { breakpoints: [{ breakpoint: { kind: 'tick', tick: 5 } }, { breakpoint: { kind: 'tick', tick: 5 } }] } }).message).toBe(
      'annotations.breakpoints[1] must be a breakpoint not listed before (the same as annotations.breakpoints[0]) (got an object)',
    );
  });
});

describe('breakpoints in a permalink', () => {
  it('come back exactly from the compact form and from a link, every kind, on and off', async () => {
    const run = runWith(settings);
    const compact = compactRun(run);
    expect((compact.n as { b: unknown }).b).toEqual(settings.map(({ breakpoint, enabled }): unknown[] => [enabled ? 1 : 0, ...(Object.values(breakpoint) as unknown[])]));
    expect(expandRun(JSON.parse(JSON.stringify(compact)))).toEqual(run);
    const decoded = await decodePermalink(await encodePermalink(run));
    expect(decoded.ok && parseRun(decoded.run).annotations.breakpoints).toEqual(settings);
  });

  it('carry a kind this version does not know whole, for the worker to judge', () => {
    const newer = { kind: 'snapshot-taken', node: 3 } as unknown as Breakpoint;
    const run = runWith([{ breakpoint: newer, enabled: true }]);
    const compact = compactRun(run);
    expect((compact.n as { b: unknown }).b).toEqual([[1, '*', newer]]);
    expect(expandRun(JSON.parse(JSON.stringify(compact))).annotations.breakpoints).toEqual([{ breakpoint: newer, enabled: true }]);
    expect(runFileRefusal(expandRun(compact)).problem).toMatchObject({ code: 'breakpoint', part: 'kind' });
  });

  it('make a fresh run more than its options, so the address and the autosave keep it', () => {
    const fresh = exportRun(new Timeline({ nodes: 5, seed: 2 }));
    expect(isOptionsOnly(fresh)).toBe(true);
    expect(isOptionsOnly({ ...fresh, annotations: { ...noAnnotations, breakpoints: [{ breakpoint: { kind: 'commit' }, enabled: false }] } })).toBe(false);
  });

  it('refuse a compact shape that is not a breakpoint', () => {
    const compact = compactRun(runWith([]));
    const bad = (b: unknown) => () => expandRun({ ...compact, n: { b } });
    expect(bad('x')).toThrow(CompactRunError);
    expect(bad([[2, 'commit']])).toThrow(new CompactRunError('n.b[0]'));
    expect(bad([[1, 'tick']])).toThrow(new CompactRunError('n.b[0]'));
    expect(bad([[1, 'tick', 5, 6]])).toThrow(new CompactRunError('n.b[0]'));
    expect(bad([[1, 'message', 'sent', {}, null, null]])).toThrow(new CompactRunError('n.b[0][3]'));
    expect(bad([[1, 'nonsense']])).toThrow(CompactRunError);
    expect(bad([[1, '*', 'x']])).toThrow(CompactRunError);
  });
});

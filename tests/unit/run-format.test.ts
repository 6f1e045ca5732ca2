/**
 * The run format (docs/runs.md): version 2 is written, with its annotations; version 1 files,
 * as earlier Raftlab versions exported them (tests/fixtures/run-v1.json), are still read, as
 * runs with none; a version 2 file's annotations are checked at the edge; the worker keeps a
 * run's annotations with it (a new run replaces them, acting keeps them) and says when they change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/core/index.ts';
import { noAnnotations } from '../../src/scenario/annotations.ts';
import type { Annotations } from '../../src/scenario/annotations.ts';
import { captionsMax, captionTextMax, expectationsMax, markNameMax } from '../../src/worker/run-annotations.ts';
import { exportRun, importRun, parseRun, runTickMax } from '../../src/worker/run-file.ts';
import { runFileRefusal } from '../support/run-file-refusal.ts';
import { workerHarness } from '../support/worker-harness.ts';

const v1 = JSON.parse(readFileSync(new URL('../fixtures/run-v1.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const lesson: Annotations = {
  captions: [{ tick: 0, text: 'Five nodes start as followers.' }, { tick: 700, text: 'Node 2 crashes.' }],
  marks: [{ tick: 700, name: 'crash' }],
  expectations: ['expect by 2500: leader in {1,3,4,5}'],
  end: 3500,
  breakpoints: [],
};

describe('version 1 files', () => {
  it('are read as runs with no annotations, and replay to the state they were saved at', () => {
    expect(v1.version).toBe(1);
    const run = parseRun(v1);
    expect(run).toMatchObject({ version: 2, tick: 2300, annotations: noAnnotations });
    expect(run.actions.map((timed) => timed.action.type)).toEqual(['crash', 'propose', 'partition', 'heal', 'restart']);
    // The same actions taken by hand give the same cluster.
    const byHand = new Timeline({ nodes: 5, seed: 7, network: { dropRatio: 0.05 } });
    for (const { tick, action } of run.actions) {
      byHand.advance(tick - byHand.tick);
      byHand.act(action);
    }
    byHand.advance(2300 - byHand.tick);
    expect(JSON.stringify(importRun(v1).current.view())).toBe(JSON.stringify(byHand.current.view()));
  });

  it('ignore anything under "annotations", which version 1 did not have', () => {
    expect(parseRun({ ...v1, annotations: 'whatever' }).annotations).toEqual(noAnnotations);
  });
});

describe('version 2 files', () => {
  const timeline = new Timeline({ nodes: 5, seed: 7 });
  timeline.advance(700);
  timeline.act({ type: 'crash', node: 2 });
  const good = exportRun(timeline, lesson);

  it('are written with version 2 and the annotations, and read back as they are', () => {
    expect(good).toMatchObject({ format: 'raftlab-run', version: 2, annotations: lesson });
    expect(parseRun(JSON.parse(JSON.stringify(good)))).toEqual(good);
    // Annotations may be left out, or any of their lists.
    expect(parseRun({ ...good, annotations: undefined }).annotations).toEqual(noAnnotations);
    expect(parseRun({ ...good, annotations: { marks: [{ tick: 3, name: 'm' }] } }).annotations).toEqual({ captions: [], marks: [{ tick: 3, name: 'm' }], expectations: [], end: null, breakpoints: [] });
  });

  it('with bad annotations are refused, naming the field and the bound', () => {
    const cases: [unknown, string, string][] = [
      [[], 'annotations', 'annotations'],
      [{ captions: {} }, 'annotations.captions', 'annotation-list'],
      [{ captions: Array.from({ length: captionsMax + 1 }, () => ({ tick: 1, text: 'x' })) }, 'annotations.captions', 'annotation-list'],
      [{ expectations: Array.from({ length: expectationsMax + 1 }, () => 'x') }, 'annotations.expectations', 'annotation-list'],
      [{ captions: ['hello'] }, 'annotations.captions[0]', 'annotation-item'],
      [{ marks: [{ tick: 1, name: 'a' }, 3] }, 'annotations.marks[1]', 'annotation-item'],
      [{ captions: [{ tick: -1, text: 'x' }] }, 'annotations.captions[0].tick', 'annotation-tick'],
      [{ captions: [{ tick: 1.5, text: 'x' }] }, 'annotations.captions[0].tick', 'annotation-tick'],
      [{ marks: [{ tick: runTickMax + 1, name: 'x' }] }, 'annotations.marks[0].tick', 'annotation-tick'],
      [{ captions: [{ tick: 1, text: '' }] }, 'annotations.captions[0].text', 'annotation-text'],
      [{ captions: [{ tick: 1, text: 'x'.repeat(captionTextMax + 1) }] }, 'annotations.captions[0].text', 'annotation-text'],
      [{ marks: [{ tick: 1, name: 'x'.repeat(markNameMax + 1) }] }, 'annotations.marks[0].name', 'annotation-text'],
      [{ expectations: [null] }, 'annotations.expectations[0]', 'annotation-text'],
    ];
    for (const [annotations, field, code] of cases) {
      const error = runFileRefusal({ ...good, annotations });
      expect(error.field, JSON.stringify(annotations).slice(0, 80)).toBe(field);
      expect(error.problem.code).toBe(code);
      expect(error.message.startsWith(`${field} must be`)).toBe(true);
    }
  });

  it('from a newer Raftlab are named as such', () => {
    const error = runFileRefusal({ ...good, version: 3 });
    expect(error.problem).toEqual({ code: 'newer-version', newest: 2, got: { kind: 'literal', text: '3' } });
    expect(error.message).toBe('version must be at most 2, the newest version this app reads (a newer Raftlab saved this run) (got 3)');
    expect(runFileRefusal({ ...good, version: '2' }).problem).toMatchObject({ code: 'version', oldest: 1, newest: 2 });
    expect(runFileRefusal({ ...good, version: 0 }).problem.code).toBe('version');
  });
});

describe('the worker keeps the annotations with the run', () => {
  const harness = workerHarness;

  it('an imported run brings its own (posted before its frame); acting keeps them; a new run drops them', () => {
    const h = harness();
    expect(h.send({ type: 'init', options: { nodes: 5, seed: 7 } }).map((reply) => reply.type)).toEqual(['frame']);
    const withLesson = { ...exportRun(new Timeline({ nodes: 5, seed: 7 })), annotations: lesson };
    // With expectations, their results come too, before the frame.
    expect(h.send({ type: 'import-run', run: withLesson })).toMatchObject([{ type: 'import-done' }, { type: 'annotations', annotations: lesson }, { type: 'expectations' }, { type: 'frame' }]);
    expect(h.exported().annotations).toEqual(lesson);
    h.send({ type: 'step', ticks: 100 });
    // Acting before the scenario's end starts a branch: the listing comes before the frame.
    expect(h.send({ type: 'act', action: { type: 'crash', node: 1 } }).map((reply) => reply.type)).toEqual(['action-result', 'branches', 'expectations', 'frame']);
    expect(h.exported().annotations).toEqual(lesson);
    // The same annotations again: nothing to say of them (the run has one branch again, though).
    expect(h.send({ type: 'import-run', run: withLesson }).map((reply) => reply.type)).toEqual(['import-done', 'branches', 'expectations', 'frame']);
    expect(h.send({ type: 'init', options: { nodes: 3 } })).toMatchObject([{ type: 'annotations', annotations: noAnnotations }, { type: 'expectations', results: [] }, { type: 'frame' }]);
    expect(h.exported().annotations).toEqual(noAnnotations);
  });

  it('a refused import keeps the current run and its annotations', () => {
    const h = harness();
    h.send({ type: 'init', options: { nodes: 5, seed: 7 } });
    h.send({ type: 'import-run', run: { ...exportRun(new Timeline({ nodes: 5 })), annotations: lesson } });
    expect(h.send({ type: 'import-run', run: { ...exportRun(new Timeline({ nodes: 5 })), annotations: { captions: 'x' } } })).toMatchObject([{ type: 'error', field: 'annotations.captions' }]);
    expect(h.exported().annotations).toEqual(lesson);
  });
});

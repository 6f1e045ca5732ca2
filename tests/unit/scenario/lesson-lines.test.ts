/**
 * The lesson lines of the scenario language (docs/lessons.md): captions with their Chinese text,
 * cue points, questions and highlights, as parsed, printed back and compiled into a lesson's
 * steps, with symbolic nodes resolved at their tick.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, printScenario } from '../../../src/scenario/index.ts';
import { captionOfStep, stepAt } from '../../../src/scenario/lesson-script.ts';

const lesson = `nodes 3
seed 1
election 20000..30000
latency 10..10
at 100: caption "Node 1 stands." zh "节点 1 参选。"; campaign 1
at 100: ask "Which node will win?" zh "哪个节点会赢？" choices nodes answer leader
at 200: highlight leader; highlight entry 1 on 2
at 300: cue
at 400: caption "No Chinese here."
at 400: ask "How many votes does it need?" choices {1, 2, 3} answer 2
at 500: ask "What happens next?"
run until 600
`;

function parsed(text: string) {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

describe('lesson lines', () => {
  it('parse into captions, questions, cues and highlights, and print back to the same scenario', () => {
    const scenario = parsed(lesson);
    const items = scenario.steps.map((step) => step.item);
    expect(items[0]).toEqual({ kind: 'caption', text: 'Node 1 stands.', zh: '节点 1 参选。' });
    expect(items[2]).toEqual({ kind: 'ask', text: 'Which node will win?', zh: '哪个节点会赢？', choices: 'nodes', answer: 'leader' });
    expect(items[3]).toEqual({ kind: 'highlight', target: { kind: 'node', node: { kind: 'leader' } } });
    expect(items[4]).toEqual({ kind: 'highlight', target: { kind: 'entry', node: { kind: 'id', id: 2 }, index: 1 } });
    expect(items[5]).toEqual({ kind: 'cue' });
    expect(items[7]).toEqual({ kind: 'ask', text: 'How many votes does it need?', zh: null, choices: ['1', '2', '3'], answer: '2' });
    expect(items[8]).toEqual({ kind: 'ask', text: 'What happens next?', zh: null, choices: null, answer: null });
    expect(parsed(printScenario(scenario)).steps.map((step) => step.item)).toEqual(items);
  });

  it('compile into one step per tick, with nodes resolved when the line runs', () => {
    const compiled = compileScenario(parsed(lesson));
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const { steps } = compiled.lesson;
    expect(steps.map((step) => step.tick)).toEqual([100, 200, 300, 400, 500]);
    expect(steps[0]).toMatchObject({ caption: { en: 'Node 1 stands.', zh: '节点 1 参选。' }, question: { choices: 'nodes', answer: 'leader' } });
    // Node 1 won at tick 120 (votes take 10 ticks each way): `leader` is node 1 at tick 200.
    expect(steps[1]!.highlights).toEqual([
      { kind: 'node', node: 1 },
      { kind: 'entry', node: 2, index: 1 },
    ]);
    expect(steps[2]).toEqual({ tick: 300, caption: null, question: null, highlights: [] });
    // The English captions are the run's own annotations too; the Chinese stay with the lesson.
    expect(compiled.annotations.captions).toEqual([
      { tick: 100, text: 'Node 1 stands.' },
      { tick: 400, text: 'No Chinese here.' },
    ]);
    expect(captionOfStep(compiled.lesson, 2)).toEqual({ en: 'Node 1 stands.', zh: '节点 1 参选。' });
    expect(captionOfStep(compiled.lesson, 3)).toEqual({ en: 'No Chinese here.', zh: null });
    expect(stepAt(compiled.lesson, 99)).toBe(-1);
    expect(stepAt(compiled.lesson, 350)).toBe(2);
  });

  it('refuse an answer that is not one of the choices, and a highlight of nobody', () => {
    const wrong = parseScenario('at 1: ask "Pick" choices {a, b} answer c');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.errors[0]).toMatchObject({ code: 'syntax', found: 'c', line: 1 });
    const noLeader = compileScenario(parsed('nodes 3\nat 0: highlight leader'));
    expect(noLeader.ok).toBe(false);
    if (!noLeader.ok) expect(noLeader.errors[0]).toMatchObject({ code: 'no-node', found: 'leader' });
    expect(parseScenario('nodes 3\nat 1: highlight 4').ok).toBe(false);
  });
});

describe('a scenario with captions only', () => {
  it('is no lesson: its captions are the run’s, shown as a scenario’s', () => {
    const compiled = compileScenario(parsed('nodes 3\nat 0: caption "Hello"\nat 100: caption "Bye"'));
    expect(compiled.ok && compiled.lesson.steps).toEqual([]);
    expect(compiled.ok && compiled.annotations.captions).toHaveLength(2);
    const withCue = compileScenario(parsed('nodes 3\nat 0: caption "Hello"\nat 100: cue'));
    expect(withCue.ok && withCue.lesson.steps.map((step) => step.tick)).toEqual([0, 100]);
  });
});

/**
 * Every lesson is a test (issue 12): each src/lessons/<id>.scn parses, compiles and plays to its
 * end with every expectation met for its seed, and has what the lesson player needs: enough
 * steps, every caption and question in English and Chinese, each question followed by a step
 * whose caption reveals the answer (with a leader to point at when the answer is `leader`), and
 * a last caption that invites the class to explore. Both lesson-title catalogues have an entry
 * for every lesson file, and every entry a file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LessonScript, Scenario, ScenarioError, Step } from '../../src/scenario/index.ts';
import { captionOfStep, compileScenario, describeExpectationResult, describeScenarioProblem, parseScenario, runScenario } from '../../src/scenario/index.ts';
import { lessonTitles as englishTitles } from '../../src/ui/i18n/en/lesson-titles.ts';
import { lessonTitles as chineseTitles } from '../../src/ui/i18n/zh-CN/lesson-titles.ts';

const folder = resolve(import.meta.dirname, '../../src/lessons');
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.scn'))
  .sort()
  .map((file) => ({ id: file.replace(/\.scn$/, ''), name: `src/lessons/${file}`, text: readFileSync(resolve(folder, file), 'utf8') }));
const ids = files.map((file) => file.id).sort();

/** A lesson plays in class at about 50 ticks a second: keep each to a couple of minutes of play. */
const lessonTicksMax = 6000;
/** Read from the back of the room. */
const captionCharsMax = 140;

function located(name: string, errors: readonly ScenarioError[]): string {
  return errors.map((error) => `${name}:${error.line}:${error.column}: ${describeScenarioProblem(error)}`).join('\n');
}

function parsed(name: string, text: string): Scenario {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(located(name, result.errors));
  return result.scenario;
}

function script(name: string, scenario: Scenario): LessonScript {
  const compiled = compileScenario(scenario);
  if (!compiled.ok) throw new Error(located(name, compiled.errors));
  return compiled.lesson;
}

/** The scenario with `highlight leader` written after every line at `tick`: it compiles only if someone leads then. */
function withLeaderAt(scenario: Scenario, tick: number): Scenario {
  const probe: Step = { tick, item: { kind: 'highlight', target: { kind: 'node', node: { kind: 'leader' } } } };
  const at = scenario.steps.findIndex((step) => step.tick > tick);
  const steps = at < 0 ? [...scenario.steps, probe] : [...scenario.steps.slice(0, at), probe, ...scenario.steps.slice(at)];
  return { ...scenario, steps };
}

describe('lessons', () => {
  it('are the fifteen of the course, with kebab-case ids', () => {
    expect(ids.length).toBeGreaterThanOrEqual(15);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('each has a title and a summary in English and Chinese, and every entry a lesson file', () => {
    expect(Object.keys(englishTitles).sort()).toEqual(ids);
    expect(Object.keys(chineseTitles).sort()).toEqual(ids);
    expect(Object.keys(chineseTitles)).toEqual(Object.keys(englishTitles));
    for (const catalogue of [englishTitles, chineseTitles]) {
      for (const entry of Object.values(catalogue)) {
        expect(entry.title.trim()).not.toBe('');
        expect(entry.summary.trim()).not.toBe('');
      }
    }
    for (const entry of Object.values(chineseTitles)) expect(entry.title).toMatch(/\p{Script=Han}/u);
  });
});

describe.each(files)('$name', (file) => {
  it('plays to its end with every expectation met', () => {
    const outcome = runScenario(file.text);
    if (!outcome.ok) throw new Error(located(file.name, outcome.errors));
    expect(outcome.results.length, 'a lesson proves its point with expectations').toBeGreaterThan(0);
    const failed = outcome.results.filter((result) => result.status !== 'passed').map((result) => `${file.name}: ${describeExpectationResult(result)}`);
    expect(failed.join('\n'), 'every expectation passes').toBe('');
    expect(outcome.run.end, 'a lesson is short enough for a class').toBeLessThanOrEqual(lessonTicksMax);
  });

  it('has steps, with every caption and question in both languages', () => {
    const { steps } = script(file.name, parsed(file.name, file.text));
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(steps[0]!.caption, 'the first step has a caption').not.toBeNull();
    for (const step of steps) {
      if (step.caption !== null) {
        expect(step.caption.zh, `the caption at tick ${step.tick} has its Chinese text`).not.toBeNull();
        expect(step.caption.zh!.trim()).not.toBe('');
        expect(step.caption.en.length, `the caption at tick ${step.tick} is short`).toBeLessThanOrEqual(captionCharsMax);
      }
      if (step.question !== null) expect(step.question.text.zh, `the question at tick ${step.tick} has its Chinese text`).not.toBeNull();
    }
  });

  it('follows each question with a step whose caption reveals the answer', () => {
    const scenario = parsed(file.name, file.text);
    const { steps } = script(file.name, scenario);
    const asked = steps.flatMap((step, index) => (step.question === null ? [] : [index]));
    expect(asked.length, 'at least one question').toBeGreaterThan(0);
    for (const index of asked) {
      const reveal = steps[index + 1];
      expect(reveal, `a step follows the question at tick ${steps[index]!.tick}`).toBeDefined();
      expect(reveal!.caption, `the step after the question at tick ${steps[index]!.tick} has a caption`).not.toBeNull();
      if (steps[index]!.question!.answer === 'leader') {
        // `answer leader` is whoever leads at the next step: there must be one.
        expect(() => script(file.name, withLeaderAt(scenario, reveal!.tick)), `someone leads at tick ${reveal!.tick}`).not.toThrow();
      }
    }
  });

  it('ends with an invitation to explore the live run', () => {
    const { steps } = script(file.name, parsed(file.name, file.text));
    const last = steps.at(-1)!;
    expect(last.caption, 'the last step has its own caption').not.toBeNull();
    expect(last.question, 'the last step asks nothing').toBeNull();
    const caption = captionOfStep({ steps }, steps.length - 1)!;
    expect(caption.en.startsWith('Explore:')).toBe(true);
    expect(caption.zh?.startsWith('自由探索：')).toBe(true);
  });
});

/**
 * Every scenario file is a test: tests/scenarios/*.scn (teaching and debugging cases) and
 * src/scenario/presets/*.scn (the demos the app ships). Each must parse, compile and run with
 * every expectation passed; a file that ends with a `--- trace` section must also produce exactly
 * that trace, worded by the app's own English explanations (as the CLI words it). Presets need no
 * trace section, and each needs a title and a summary in both catalogues.
 *
 * The ```scn blocks of docs/scenarios.md and docs/lessons.md run the same way, so the language's
 * documentation shows only scenarios that pass (their trace sections are compared, never
 * rewritten).
 *
 * `REWRITE=1 npx vitest run tests/unit/scenario-files.test.ts` writes each file's trace section
 * afresh instead of comparing it (files without one get one, presets excepted), for review in
 * the diff. Expectations are checked either way.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioRunResult } from '../../src/scenario/index.ts';
import { describeExpectationResult, describeScenarioProblem, parseScenario, runScenario, splitTraceSection, withTraceSection } from '../../src/scenario/index.ts';
import { explain } from '../../src/ui/explain.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { presets as englishPresets } from '../../src/ui/i18n/en/presets.ts';
import { presets as chinesePresets } from '../../src/ui/i18n/zh-CN/presets.ts';

const root = resolve(import.meta.dirname, '../..');
const rewrite = process.env.REWRITE === '1';
const english = messagesFor('en');

interface ScenarioFile {
  /** Relative to the repository, for test names and messages. */
  readonly name: string;
  readonly path: string;
  readonly preset: boolean;
}

function scenarioFiles(folder: string, preset: boolean): ScenarioFile[] {
  return readdirSync(resolve(root, folder))
    .filter((file) => file.endsWith('.scn'))
    .sort()
    .map((file) => ({ name: `${folder}/${file}`, path: resolve(root, folder, file), preset }));
}

const tests = scenarioFiles('tests/scenarios', false);
const presets = scenarioFiles('src/scenario/presets', true);
const presetIds = presets.map((file) => file.name.replace(/^.*\/(.*)\.scn$/, '$1')).sort();

function run(text: string): ScenarioRunResult {
  return runScenario(text, { describe: (event) => explain(english, event) });
}

/** The run's problems in words: errors where it did not run, else every expectation that did not pass. */
function problems(file: ScenarioFile, outcome: ScenarioRunResult): string[] {
  if (!outcome.ok) return outcome.errors.map((error) => `${file.name}:${error.line}:${error.column}: ${describeScenarioProblem(error)}`);
  return outcome.results.filter((result) => result.status !== 'passed').map((result) => `${file.name}: ${describeExpectationResult(result)}`);
}

describe.each([...tests, ...presets])('$name', (file) => {
  it('runs with every expectation passed and its trace as written', () => {
    const text = readFileSync(file.path, 'utf8');
    const outcome = run(text);
    expect(problems(file, outcome).join('\n'), 'every expectation passes').toBe('');
    if (!outcome.ok) return;
    expect(outcome.results.length, 'a scenario file states what it shows').toBeGreaterThan(0);
    const expected = splitTraceSection(text).trace;
    if (rewrite && (expected !== null || !file.preset)) {
      const updated = withTraceSection(splitTraceSection(text).scenario, outcome.trace ?? []);
      if (updated !== text) writeFileSync(file.path, updated);
      return;
    }
    if (expected !== null) expect(outcome.trace, `${file.name}: the trace differs from its --- trace section (REWRITE=1 rewrites it)`).toEqual(expected);
    else expect(file.preset, `${file.name} has no --- trace section (REWRITE=1 writes one)`).toBe(true);
  });
});

/** The ```scn blocks of a Markdown file, with the line each starts on. */
function scnBlocks(markdown: string): { readonly line: number; readonly text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    if (lines[index]!.trim() !== '```scn') continue;
    const start = index + 1;
    while (index + 1 < lines.length && lines[index + 1]!.trim() !== '```') index += 1;
    blocks.push({ line: start + 1, text: lines.slice(start, index + 1).join('\n') });
  }
  return blocks;
}

describe.each(['docs/scenarios.md', 'docs/lessons.md'])('%s', (doc) => {
  const blocks = scnBlocks(readFileSync(resolve(root, doc), 'utf8'));

  it('has examples', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks)('the example on line $line runs as documented', (block) => {
    const file = { name: `${doc} (block on line ${block.line})`, path: '', preset: false };
    const outcome = run(block.text);
    expect(problems(file, outcome).join('\n'), 'every expectation passes').toBe('');
    const expected = splitTraceSection(block.text).trace;
    if (outcome.ok && expected !== null) expect(outcome.trace, `${file.name}: the trace differs from its --- trace section`).toEqual(expected);
  });
});

describe('presets', () => {
  it('there are some, with kebab-case ids', () => {
    expect(presetIds.length).toBeGreaterThanOrEqual(6);
    for (const id of presetIds) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('every preset has a title and a summary in English and Chinese, and every entry a preset', () => {
    expect(Object.keys(englishPresets).sort()).toEqual(presetIds);
    expect(Object.keys(chinesePresets).sort()).toEqual(presetIds);
    for (const catalogue of [englishPresets, chinesePresets]) {
      for (const entry of Object.values(catalogue)) {
        expect(entry.title.trim()).not.toBe('');
        expect(entry.summary.trim()).not.toBe('');
      }
    }
  });

  it('the README lists every preset id for ?scenario=', () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    for (const id of presetIds) expect(readme).toContain(`\`${id}\``);
  });

  it.each(presets)('$name has captions and a mark', (file) => {
    const parsed = parseScenario(readFileSync(file.path, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.map((error) => `${file.name}:${error.line}:${error.column}: ${describeScenarioProblem(error)}`).join('\n'));
    const kinds = parsed.scenario.steps.map((step) => step.item.kind);
    expect(kinds).toContain('caption');
    expect(kinds).toContain('mark');
  });
});

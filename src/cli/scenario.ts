/**
 * `npm run scenario -- file.scn [more.scn ...] [--json] [--trace]`: runs scenario files headless
 * and prints each expectation's result, with the tick and the cluster's state when one failed. A
 * file that ends with a `--- trace` section also has its trace compared. Exits 0 when everything
 * passed, 1 when an expectation failed or a trace differs, 2 when a file cannot be read, parsed
 * or compiled (errors as file:line:column) or the arguments are bad.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ExpectationResult, ScenarioError } from '../scenario/index.ts';
import { describeExpectationResult, describeScenarioProblem, runScenario, splitTraceSection } from '../scenario/index.ts';
import { explain } from '../ui/explain.ts';
import { messagesFor } from '../ui/i18n/catalogue.ts';

const usage = `Usage: npm run scenario -- FILE.scn [FILE.scn ...] [options]

  --json    print the results as JSON
  --trace   print each run's trace (the scenario's trace topics, or the default)
  --help    show this help

Exits 0 when every expectation passed, 1 when one failed or an expected trace differs,
2 when a file cannot be read, parsed or compiled. The language: docs/scenarios.md.`;

const english = messagesFor('en');

interface TraceCheck {
  readonly matches: boolean;
  /** 1-based line of the first difference. */
  readonly differsAt: number | null;
  readonly expected: string | null;
  readonly actual: string | null;
}

interface FileReport {
  readonly file: string;
  readonly ok: boolean;
  readonly stage: 'read' | 'parse' | 'compile' | 'run';
  readonly errors: readonly (ScenarioError & { readonly message: string })[];
  readonly readError: string | null;
  readonly end: number | null;
  readonly results: readonly (ExpectationResult & { readonly description: string })[];
  readonly trace: readonly string[] | null;
  readonly traceCheck: TraceCheck | null;
}

function compareTrace(expected: readonly string[], actual: readonly string[]): TraceCheck {
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index += 1) {
    if (expected[index] !== actual[index]) return { matches: false, differsAt: index + 1, expected: expected[index] ?? null, actual: actual[index] ?? null };
  }
  return { matches: true, differsAt: null, expected: null, actual: null };
}

function runFile(file: string, withTrace: boolean): FileReport {
  const empty = { errors: [], readError: null, end: null, results: [], trace: null, traceCheck: null };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ...empty, file, ok: false, stage: 'read', readError: error instanceof Error ? error.message : String(error) };
  }
  const expectedTrace = splitTraceSection(text).trace;
  const outcome = runScenario(text, expectedTrace !== null || withTrace ? { describe: (event) => explain(english, event) } : {});
  if (!outcome.ok) return { ...empty, file, ok: false, stage: outcome.stage, errors: outcome.errors.map((error) => ({ ...error, message: describeScenarioProblem(error) })) };
  const results = outcome.results.map((result) => ({ ...result, description: describeExpectationResult(result) }));
  const traceCheck = expectedTrace === null ? null : compareTrace(expectedTrace, outcome.trace ?? []);
  const ok = results.every((result) => result.status === 'passed') && traceCheck?.matches !== false;
  return { ...empty, file, ok, stage: 'run', end: outcome.run.end, results, trace: withTrace ? outcome.trace : null, traceCheck };
}

function formatReport(report: FileReport): { out: string[]; err: string[] } {
  if (report.stage === 'read') return { out: [], err: [`${report.file}: cannot read: ${report.readError ?? ''}`] };
  if (report.stage !== 'run') return { out: [], err: report.errors.map((error) => `${report.file}:${error.line}:${error.column}: ${error.message}`) };
  const passed = report.results.filter((result) => result.status === 'passed').length;
  const out = [`${report.file}: ran to tick ${report.end ?? 0}`];
  for (const result of report.results) out.push(...result.description.split('\n').map((line) => `  ${line}`));
  const check = report.traceCheck;
  if (check !== null) {
    out.push(check.matches ? '  trace: as expected' : `  trace DIFFERS at line ${check.differsAt ?? 0} of the trace:\n    expected: ${check.expected ?? '(nothing)'}\n    actual:   ${check.actual ?? '(nothing)'}`);
  }
  if (report.trace !== null) out.push('  trace:', ...report.trace.map((line) => `    ${line}`));
  out.push(`  ${passed} of ${report.results.length} expectation${report.results.length === 1 ? '' : 's'} passed`);
  return { out, err: [] };
}

function main(argv: string[]): number {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; strict: true; allowPositionals: true; options: { json: { type: 'boolean' }; trace: { type: 'boolean' }; help: { type: 'boolean' } } }>>;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { json: { type: 'boolean' }, trace: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`No scenario file given.\n\n${usage}\n`);
    return 2;
  }
  const reports = positionals.map((file) => runFile(file, values.trace === true));
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify({ ok: reports.every((report) => report.ok), files: reports }, null, 2)}\n`);
  } else {
    for (const report of reports) {
      const { out, err } = formatReport(report);
      if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
      if (err.length > 0) process.stderr.write(`${err.join('\n')}\n`);
    }
  }
  if (reports.some((report) => report.stage !== 'run')) return 2;
  return reports.every((report) => report.ok) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));

/**
 * `npm run scenario` (src/cli/scenario.ts) as a user runs it: a child process on scenario files in
 * a temporary folder. Exit 0 when everything passed, 1 when an expectation failed or a trace
 * differs, 2 when a file cannot be read, parsed or compiled or the arguments are bad; several
 * files in one call, each reported; `--json` and `--trace`. The files are run from the folder, so
 * the output names them as given ("late.scn:…"). Each spawn costs about a second, so each test
 * puts several files and checks on one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, withTraceSection } from '../../src/scenario/index.ts';
import { explain } from '../../src/ui/explain.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';

const cli = resolve(import.meta.dirname, '../../src/cli/scenario.ts');
const tsx = resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

/** Three nodes elect a leader at tick 421 (node 3, term 1); x=1 is on all three by tick 1146. */
const passing = `nodes 3
seed 1
trace LEAD
expect by 1000: leader in {1,2,3}
at 1000: put x=1
expect by +500: x=1 committed on all
run until 2000
`;

/** The first election timeout fires after 300 ticks at the earliest, so this fails at 300. */
const late = `nodes 3
seed 1
expect by 300: leader in {1,2,3}
run until 2000
`;

const files: Record<string, string> = {
  'pass.scn': passing,
  'late.scn': late,
  'typo.scn': 'nodes 3\nat 100: partiton {1,2} {3}\n',
  'no-leader.scn': 'nodes 3\nat 100: crash leader\n',
};

let folder = '';

function scenario(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(tsx, [cli, ...args], { cwd: folder, encoding: 'utf8' });
  return { status, stdout, stderr };
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'raftlab-scenario-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  // The trace the CLI compares is the one runScenario writes in the app's English words.
  const outcome = runScenario(passing, { describe: (event) => explain(messagesFor('en'), event) });
  if (!outcome.ok || outcome.trace === null) throw new Error('pass.scn does not run');
  const trace = [...outcome.trace];
  writeFileSync(join(folder, 'traced.scn'), withTraceSection(passing, trace));
  trace[1] = trace[1]!.replace('term 1', 'term 7');
  writeFileSync(join(folder, 'traced-wrong.scn'), withTraceSection(passing, trace));
});

afterAll(() => {
  if (folder !== '') rmSync(folder, { recursive: true, force: true });
});

describe('npm run scenario', () => {
  it('exits 0 when every expectation passes and every trace matches, reporting each file; --trace prints the trace', () => {
    const { status, stdout, stderr } = scenario('pass.scn', 'traced.scn', '--trace');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    for (const file of ['pass.scn', 'traced.scn']) expect(lines).toContain(`${file}: ran to tick 2000`);
    expect(lines.filter((line) => line === '  passed at tick 421: expect by 1000: leader in {1,2,3}')).toHaveLength(2);
    // The relative tick is resolved: `by +500` after `at 1000` is `by 1500`.
    expect(lines.filter((line) => line === '  passed at tick 1146: expect by 1500: x=1 committed on all')).toHaveLength(2);
    expect(lines.filter((line) => line === '  2 of 2 expectations passed')).toHaveLength(2);
    expect(lines).toContain('  trace: as expected');
    // --trace: the LEAD lines, indented under "trace:", for each file.
    expect(lines.filter((line) => line === '  trace:')).toHaveLength(2);
    expect(lines).toContain('    421 node 3: won the election for term 1 with votes from nodes 1 and 3, a majority; its log ends at index 0 (§5.2)');
  });

  it('exits 1 when an expectation fails (its tick and every node state) or a trace differs (its first line), and still reports the files that pass', () => {
    const { status, stdout, stderr } = scenario('late.scn', 'traced-wrong.scn', 'pass.scn');
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(stdout).toContain(
      [
        'late.scn: ran to tick 2000',
        '  FAILED at tick 300: expect by 300: leader in {1,2,3}',
        '    there was no leader',
        '    at tick 300: no leader',
        '      node 1: follower, term 0, commit 0, applied 0, last index 0',
        '      node 2: follower, term 0, commit 0, applied 0, last index 0',
        '      node 3: follower, term 0, commit 0, applied 0, last index 0',
        '  0 of 1 expectation passed',
      ].join('\n'),
    );
    // Every expectation of traced-wrong.scn passes: the trace alone fails it.
    expect(stdout).toMatch(/traced-wrong\.scn: ran to tick 2000\n(?: {2}passed at tick \d+: .*\n){2} {2}trace DIFFERS at line 2 of the trace:\n {4}expected: .*term 7.*\n {4}actual: {3}.*term 1.*\n {2}2 of 2 expectations passed\n/);
    expect(stdout).toContain('pass.scn: ran to tick 2000\n');
  });

  it('--json prints { ok, files } with each result and the trace check, and exits as the text does', () => {
    const { status, stdout } = scenario('--json', 'pass.scn', 'late.scn', 'traced-wrong.scn');
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as {
      ok: boolean;
      files: { file: string; ok: boolean; stage: string; end: number; results: { expectation: string; status: string; tick: number; state: { nodes: unknown[] } | null }[]; traceCheck: { matches: boolean; differsAt: number | null } | null }[];
    };
    expect(report.ok).toBe(false);
    expect(report.files.map((file) => [file.file, file.ok, file.stage, file.end])).toEqual([
      ['pass.scn', true, 'run', 2_000],
      ['late.scn', false, 'run', 2_000],
      ['traced-wrong.scn', false, 'run', 2_000],
    ]);
    expect(report.files.map((file) => file.results.map((result) => result.status))).toEqual([['passed', 'passed'], ['failed'], ['passed', 'passed']]);
    expect(report.files[1]!.results[0]).toMatchObject({ expectation: 'expect by 300: leader in {1,2,3}', tick: 300 });
    expect(report.files[1]!.results[0]!.state?.nodes).toHaveLength(3);
    expect(report.files.map((file) => file.traceCheck)).toEqual([null, null, expect.objectContaining({ matches: false, differsAt: 2 })]);
  });

  it('exits 2 for a parse error and a compile error (file:line:column on stderr) and an unreadable file, still running the good ones', () => {
    const { status, stdout, stderr } = scenario('typo.scn', 'no-leader.scn', 'missing.scn', 'pass.scn');
    expect(status).toBe(2);
    expect(stderr.split('\n')).toEqual([
      "typo.scn:2:9: unknown action 'partiton' — did you mean 'partition'?",
      "no-leader.scn:2:1: at tick 100, 'leader' names no node: there is no leader then",
      expect.stringMatching(/^missing\.scn: cannot read: ENOENT/) as string,
      '',
    ]);
    expect(stdout).toContain('pass.scn: ran to tick 2000\n');
    expect(stdout).toContain('  2 of 2 expectations passed');
  });

  it('exits 2 with the reason and the usage on an unknown option', () => {
    const { status, stdout, stderr } = scenario('--bogus', 'pass.scn');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Unknown option '--bogus'/);
    expect(stderr).toContain('Usage: npm run scenario -- FILE.scn');
  });

  it('exits 2 with the usage when no file is given', () => {
    const { status, stdout, stderr } = scenario('--json');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^No scenario file given\.\n\nUsage: npm run scenario -- FILE\.scn/);
  });
});

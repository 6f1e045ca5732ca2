/**
 * `npm run fuzz` (src/cli/fuzz.ts) as a user runs it: a child process with worker threads. A
 * broken-Raft switch makes seeds fail: exit 1, the failing run saved as a run file the app
 * imports (opened at the failing tick, with its mark and caption), shrunk beside it, and a
 * permalink printed; correct Raft passes: exit 0; bad arguments: exit 2 with the usage. Shards
 * split the seed range into equal blocks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shardSeeds } from '../../src/cli/fuzz-work.ts';
import { decodePermalink } from '../../src/protocol/permalink.ts';
import { parseRun } from '../../src/worker/run-file.ts';

const cli = resolve(import.meta.dirname, '../../src/cli/fuzz.ts');
const tsx = resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
const out = mkdtempSync(join(tmpdir(), 'raftlab-fuzz-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

function fuzz(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run fuzz', () => {
  it('with a switch on: exit 1, the failing run saved, shrunk and linked', async () => {
    const { status, stdout, stderr } = fuzz('--seeds', '6', '--switch', 'keep-commit-on-restart', '--keep', '1', '--workers', '2', '--out', out, '--base', 'http://localhost/raftlab/');
    expect(status, stderr).toBe(1);
    expect(stderr).toMatch(/6\/6 seeds/);
    expect(stdout).toMatch(/of 6 seeds failed; the first is seed 1\./);
    expect(stdout).toMatch(/seeds of 10,000 ticks per minute, [\d,]+ per core/);
    const file = join(out, 'seed-1.json');
    expect(existsSync(file)).toBe(true);
    // The file is a run the app's import accepts.
    const run = parseRun(JSON.parse(readFileSync(file, 'utf8')));
    expect(run.options.raft?.unsafeKeepCommitOnRestart).toBe(true);
    expect(run.annotations.marks).toEqual([{ tick: run.tick, name: 'failure' }]);
    expect(run.annotations.captions[0]!.text).toMatch(/^Volatile State at tick \d+/);
    const minimal = parseRun(JSON.parse(readFileSync(join(out, 'seed-1-minimal.json'), 'utf8')));
    expect(minimal.actions.map((entry) => entry.action.type)).toEqual(['crash', 'restart']);
    const link = /open: {5}(http:\/\/localhost\/raftlab\/#run=(\S+))/.exec(stdout);
    expect(link).not.toBeNull();
    const decoded = await decodePermalink(link![2]!);
    expect(decoded.ok && decoded.run.tick).toBe(run.tick);
    expect(stdout).toMatch(/5 more failing seeds not saved \(--keep 1\)/);
  });

  it('correct Raft: exit 0 and "no violation", the summary as JSON on request, with extensions too', () => {
    const { status, stdout } = fuzz('--seeds', '20', '--from', '100', '--json', '--prevote', '--check-quorum', '--batching');
    expect(status).toBe(0);
    const summary = JSON.parse(stdout) as { seeds: number; from: number; to: number; failing: number; seedsPerMinute: number };
    expect(summary).toMatchObject({ seeds: 20, from: 100, to: 119, failing: 0, raft: { preVote: true, checkQuorum: true, batchProposals: true } });
    expect(summary.seedsPerMinute).toBeGreaterThan(0);
  });

  it('bad arguments: exit 2 with what was wrong and the usage', () => {
    const bad = fuzz('--switch', 'commit-by-guessing');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--switch must be one of commit-by-counting/);
    expect(bad.stderr).toMatch(/Usage: npm run fuzz/);
    expect(fuzz('--shard', '3/2').stderr).toMatch(/--shard must be I\/N/);
  });

  it('shards split the range into equal blocks that cover it once', () => {
    const blocks = [1, 2, 3].map((index) => shardSeeds(10, 10, { index, count: 3 }));
    expect(blocks).toEqual([[10, 11, 12, 13], [14, 15, 16, 17], [18, 19]]);
    expect(shardSeeds(1, 3, null)).toEqual([1, 2, 3]);
  });
});

/**
 * `npm run fuzz -- --seeds 10000`: the fuzz explorer on the command line (docs/fuzzing.md). Runs
 * seeds of the fuzz engine (src/core/fuzz/fuzz-seed.ts) on worker threads, one per core unless
 * told, with a progress bar and an ETA on stderr; saves each failing run (the first --keep of
 * them) as a run file the app imports, shrunk to a minimal one beside it, and prints a permalink
 * that opens it at the failing tick. Exits 0 when no seed failed, 1 when one did, 2 on bad
 * arguments.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { FuzzFailure, RaftConfig, UnsafeSwitch } from '../core/index.ts';
import { fuzzTicksDefault, isUnsafeSwitch, minimiseRun, unsafeSwitchNames } from '../core/index.ts';
import { failingRunFile } from '../protocol/fuzz-run.ts';
import { encodePermalink, permalinkCharsMax } from '../protocol/permalink.ts';
import type { Run } from '../protocol/worker-protocol.ts';
import type { FuzzBatch, SeedVerdict } from '../protocol/fuzz-protocol.ts';
import { shardSeeds } from './fuzz-work.ts';

const usage = `Usage: npm run fuzz -- [options]

  --seeds N        how many seeds to run (default 1000)
  --from N         the first seed (default 1)
  --ticks N        ticks of each seed's safety phase (default ${fuzzTicksDefault})
  --switch NAME    turn a broken-Raft switch on (repeat for more): ${unsafeSwitchNames.join(', ')}
  --prevote        run every seed with PreVote on
  --check-quorum   run every seed with CheckQuorum on
  --batching       run every seed with batched proposals
  --transfers      mix leadership transfers into every seed's faults
  --membership     mix membership changes (add a server, remove a voter) into every seed's faults
  --reads          mix clients' gets (ReadIndex) into every seed, checked for linearizability
  --lease-reads    run every seed with lease reads (and CheckQuorum) on; implies --reads
  --workers K      worker threads (default: one per core, ${availableParallelism()} here)
  --shard I/N      run only the I-th of N equal blocks of the seed range (for CI jobs or machines)
  --keep K         save (and shrink) the first K failing runs (default 10); the rest are counted
  --no-minimise    save failing runs as they are, without shrinking them
  --out DIR        where to save failing runs (default fuzz-failures)
  --base URL       the app's address, for permalinks (default http://127.0.0.1:5173/)
  --json           print the summary as JSON on stdout
  --help           show this help

Exits 0 when no seed failed, 1 when one did, 2 on bad arguments.`;

const flags = {
  seeds: { type: 'string' }, from: { type: 'string' }, ticks: { type: 'string' }, switch: { type: 'string', multiple: true },
  prevote: { type: 'boolean' }, 'check-quorum': { type: 'boolean' }, batching: { type: 'boolean' }, transfers: { type: 'boolean' }, membership: { type: 'boolean' }, reads: { type: 'boolean' }, 'lease-reads': { type: 'boolean' },
  workers: { type: 'string' }, shard: { type: 'string' }, keep: { type: 'string' }, 'no-minimise': { type: 'boolean' },
  out: { type: 'string' }, base: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' },
} as const;

class UsageError extends Error {}

interface CliOptions {
  readonly seeds: readonly number[];
  readonly ticks: number;
  readonly switches: readonly UnsafeSwitch[];
  readonly raft: Partial<RaftConfig>;
  readonly transfers: boolean;
  readonly membership: boolean;
  readonly reads: boolean;
  readonly workers: number;
  readonly keep: number;
  readonly minimise: boolean;
  readonly out: string;
  readonly base: string;
  readonly json: boolean;
  readonly shard: string | null;
}

function integer(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max} (got ${JSON.stringify(text)})`);
  return value;
}

function parseShard(text: string | undefined): { index: number; count: number } | null {
  if (text === undefined) return null;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N, e.g. 2/4 (got ${JSON.stringify(text)})`);
  return { index, count };
}

function parseOptions(argv: string[]): CliOptions | 'help' {
  const { values } = parseArgs({ args: argv, options: flags, strict: true });
  if (values.help === true) return 'help';
  const switches = (values.switch ?? []).map((name) => {
    if (!isUnsafeSwitch(name)) throw new UsageError(`--switch must be one of ${unsafeSwitchNames.join(', ')} (got ${JSON.stringify(name)})`);
    return name;
  });
  const from = integer('from', values.from, 1, 0, 0xffff_ffff);
  const total = integer('seeds', values.seeds, 1_000, 1, 10_000_000);
  if (from + total - 1 > 0xffff_ffff) throw new UsageError('--from plus --seeds goes past the last seed, 4294967295');
  const shard = parseShard(values.shard);
  return {
    seeds: shardSeeds(from, total, shard),
    ticks: integer('ticks', values.ticks, fuzzTicksDefault, 1, 10_000_000),
    switches: [...new Set(switches)],
    raft: {
      ...(values.prevote === true ? { preVote: true } : {}),
      ...(values['check-quorum'] === true ? { checkQuorum: true } : {}),
      ...(values.batching === true ? { batchProposals: true } : {}),
      ...(values['lease-reads'] === true ? { leaseReads: true, checkQuorum: true } : {}),
    },
    transfers: values.transfers === true,
    membership: values.membership === true,
    reads: values.reads === true || values['lease-reads'] === true,
    workers: integer('workers', values.workers, availableParallelism(), 1, 256),
    keep: integer('keep', values.keep, 10, 0, 10_000),
    minimise: values['no-minimise'] !== true,
    out: resolve(values.out ?? 'fuzz-failures'),
    base: values.base ?? 'http://127.0.0.1:5173/',
    json: values.json === true,
    shard: values.shard ?? null,
  };
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** The progress bar, redrawn in place on a terminal, a line every tenth otherwise. */
class Progress {
  private lastTenth = -1;
  private readonly started = performance.now();
  constructor(private readonly total: number) {}

  show(done: number, failing: number): void {
    const elapsed = performance.now() - this.started;
    const rate = done === 0 ? 0 : (done / elapsed) * 60_000;
    const eta = done === 0 ? '?' : duration(((this.total - done) / done) * elapsed);
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done.toLocaleString('en')}/${this.total.toLocaleString('en')} seeds · ${failing} failing · ${Math.round(rate).toLocaleString('en')} seeds/min · ETA ${eta}`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}`);
      if (done === this.total) process.stderr.write('\n');
    } else {
      const tenth = Math.floor((done / this.total) * 10);
      if (tenth !== this.lastTenth) {
        this.lastTenth = tenth;
        process.stderr.write(`${line}\n`);
      }
    }
  }

  get elapsedMs(): number {
    return performance.now() - this.started;
  }
}

/** Runs every seed on `workers` threads, handing out small batches so no thread idles at the end. */
async function runSeeds(options: CliOptions, onVerdicts: (verdicts: readonly SeedVerdict[]) => void): Promise<void> {
  const batchSize = Math.max(1, Math.min(25, Math.ceil(options.seeds.length / (options.workers * 8))));
  let next = 0;
  const entry = new URL('./fuzz-worker.ts', import.meta.url).href;
  const threads = Array.from({ length: Math.min(options.workers, options.seeds.length) }, () => new Worker(
    // Worker threads start without the TypeScript loader the command line runs under: register it first.
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
    { eval: true },
  ));
  await Promise.all(
    threads.map(
      (thread) =>
        new Promise<void>((done, fail) => {
          const send = (): void => {
            if (next >= options.seeds.length) {
              void thread.terminate().then(() => done());
              return;
            }
            const seeds = options.seeds.slice(next, next + batchSize);
            next += seeds.length;
            thread.postMessage({ seeds, ticks: options.ticks, switches: options.switches, raft: options.raft, transfers: options.transfers, membership: options.membership, reads: options.reads } satisfies FuzzBatch);
          };
          thread.on('message', (verdicts: SeedVerdict[]) => {
            onVerdicts(verdicts);
            send();
          });
          thread.on('error', fail);
          send();
        }),
    ),
  );
}

interface SavedFailure {
  readonly seed: number;
  readonly failure: FuzzFailure;
  readonly file: string;
  readonly permalink: string | null;
  readonly minimal: { readonly file: string; readonly permalink: string | null; readonly actions: number; readonly endTick: number; readonly nodes: number } | null;
}

async function permalinkOf(base: string, run: Run): Promise<string | null> {
  const permalink = await encodePermalink(run);
  return permalink.length > permalinkCharsMax ? null : `${base}#run=${permalink}`;
}

async function save(options: CliOptions, verdict: Extract<SeedVerdict, { failure: FuzzFailure }>): Promise<SavedFailure> {
  mkdirSync(options.out, { recursive: true });
  const run = failingRunFile(verdict);
  const file = join(options.out, `seed-${verdict.seed}.json`);
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  let minimal: SavedFailure['minimal'] = null;
  if (options.minimise) {
    const shrunk = minimiseRun({ options: verdict.options, actions: verdict.actions, endTick: verdict.failure.tick, failure: verdict.failure });
    const small = failingRunFile(shrunk);
    const smallFile = join(options.out, `seed-${verdict.seed}-minimal.json`);
    writeFileSync(smallFile, `${JSON.stringify(small, null, 2)}\n`);
    minimal = { file: smallFile, permalink: await permalinkOf(options.base, small), actions: shrunk.actions.length, endTick: shrunk.endTick, nodes: shrunk.options.nodes ?? 5 };
  }
  return { seed: verdict.seed, failure: verdict.failure, file, permalink: await permalinkOf(options.base, run), minimal };
}

async function main(argv: string[]): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const cli = options;
  if (cli.seeds.length === 0) {
    process.stderr.write(`shard ${cli.shard ?? ''} holds no seeds\n`);
    return 0;
  }
  const progress = new Progress(cli.seeds.length);
  const failures: Extract<SeedVerdict, { failure: FuzzFailure }>[] = [];
  let done = 0;
  const on = [...cli.switches, ...Object.keys(cli.raft), ...(cli.transfers ? ['transfers'] : []), ...(cli.membership ? ['membership'] : []), ...(cli.reads ? ['reads'] : [])];
  const switchNote = on.length === 0 ? '' : ` with ${on.join(', ')} on`;
  process.stderr.write(`Fuzzing ${cli.seeds.length.toLocaleString('en')} seeds from ${cli.seeds[0]}${switchNote}, ${cli.ticks.toLocaleString('en')} ticks each, on ${Math.min(cli.workers, cli.seeds.length)} worker threads\n`);
  await runSeeds(cli, (verdicts) => {
    for (const verdict of verdicts) if (verdict.failure !== null) failures.push(verdict);
    done += verdicts.length;
    progress.show(done, failures.length);
  });
  const elapsed = progress.elapsedMs;
  failures.sort((a, b) => a.seed - b.seed);
  const saved: SavedFailure[] = [];
  for (const failure of failures.slice(0, cli.keep)) {
    if (cli.minimise) process.stderr.write(`Shrinking seed ${failure.seed}…\n`);
    saved.push(await save(cli, failure));
  }
  const perMinute = (cli.seeds.length / elapsed) * 60_000;
  const threads = Math.min(cli.workers, cli.seeds.length);
  const summary = {
    seeds: cli.seeds.length,
    from: cli.seeds[0]!,
    to: cli.seeds.at(-1)!,
    ticks: cli.ticks,
    switches: cli.switches,
    raft: cli.raft,
    transfers: cli.transfers,
    membership: cli.membership,
    reads: cli.reads,
    failing: failures.length,
    firstFailingSeed: failures[0]?.seed ?? null,
    seconds: Math.round(elapsed / 100) / 10,
    seedsPerMinute: Math.round(perMinute),
    seedsPerMinutePerCore: Math.round(perMinute / threads),
    saved,
  };
  if (cli.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const lines = [
      failures.length === 0
        ? `${cli.seeds.length.toLocaleString('en')} seeds, no violation.`
        : `${failures.length.toLocaleString('en')} of ${cli.seeds.length.toLocaleString('en')} seeds failed; the first is seed ${failures[0]!.seed}.`,
      `${summary.seconds}s: ${summary.seedsPerMinute.toLocaleString('en')} seeds of ${cli.ticks.toLocaleString('en')} ticks per minute, ${summary.seedsPerMinutePerCore.toLocaleString('en')} per core (${threads} ${threads === 1 ? 'thread' : 'threads'}).`,
    ];
    for (const item of saved) {
      lines.push('', `seed ${item.seed}: ${item.failure.summary}`, `  run file: ${item.file}`, `  open:     ${item.permalink ?? '(too long for an address: import the file)'}`);
      if (item.minimal !== null) {
        lines.push(`  shrunk to ${item.minimal.actions} actions, ${item.minimal.nodes} nodes, ${item.minimal.endTick} ticks: ${item.minimal.file}`, `  open:     ${item.minimal.permalink ?? '(too long for an address: import the file)'}`);
      }
    }
    if (failures.length > saved.length) lines.push('', `${failures.length - saved.length} more failing seeds not saved (--keep ${cli.keep}).`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));

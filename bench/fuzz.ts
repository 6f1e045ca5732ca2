/**
 * The fuzz engine's speed on one core, in-process: seeds of 10,000 ticks per minute for correct
 * Raft, with the extensions on (PreVote, CheckQuorum, batching, lease reads, with gets and
 * leadership transfers and membership changes mixed in), and with a switch on (whose
 * seeds fail early), and how long the minimiser takes on a
 * failing run. The command line's figure (worker threads) is `npm run fuzz`'s own last line; the
 * browser's is measured in bench/ui.ts.
 */
import type { RaftConfig, UnsafeSwitch } from '../src/core/index.ts';
import { fuzzSeed, minimiseRun } from '../src/core/index.ts';

export interface FuzzFigure {
  seeds: number;
  switch: UnsafeSwitch | null;
  seconds: number;
  seedsPerMinutePerCore: number;
  failing: number;
}

/** The extensions landed so far, all on: the figure beside the one with them off. */
const extensions: Partial<RaftConfig> = { preVote: true, checkQuorum: true, batchProposals: true, leaseReads: true };

function measure(seeds: number, switches: readonly UnsafeSwitch[], raft: Partial<RaftConfig> = {}, mixed: { reads?: boolean; transfers?: boolean; membership?: boolean } = {}): FuzzFigure {
  const started = performance.now();
  let failing = 0;
  for (let seed = 1; seed <= seeds; seed += 1) if (fuzzSeed(seed, { switches, raft, ...mixed }).failure !== null) failing += 1;
  const seconds = (performance.now() - started) / 1000;
  return { seeds, switch: switches[0] ?? null, seconds: Number(seconds.toFixed(2)), seedsPerMinutePerCore: Math.round((seeds / seconds) * 60), failing };
}

export function measureFuzz(options: { seeds: number }): { correct: FuzzFigure; withExtensions: FuzzFigure; commitByCounting: FuzzFigure; minimise: { switch: UnsafeSwitch; actionsBefore: number; actionsAfter: number; replays: number; milliseconds: number } } {
  fuzzSeed(1); // warm the JIT
  const correct = measure(options.seeds, []);
  const withExtensions = measure(options.seeds, [], extensions, { reads: true, transfers: true, membership: true });
  const commitByCounting = measure(options.seeds, ['commit-by-counting']);
  const failing = fuzzSeed(2, { switches: ['vote-without-log-check'] });
  const started = performance.now();
  const shrunk = minimiseRun({ options: failing.options, actions: failing.actions, endTick: failing.failure!.tick, failure: failing.failure! });
  return {
    correct,
    withExtensions,
    commitByCounting,
    minimise: { switch: 'vote-without-log-check', actionsBefore: failing.actions.length, actionsAfter: shrunk.actions.length, replays: shrunk.replays, milliseconds: Math.round(performance.now() - started) },
  };
}

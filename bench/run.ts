/**
 * `npm run bench`: prints benchmark figures as JSON. Nothing here passes or fails; compare runs
 * on the same machine. `npm run bench -- --quick` uses shorter runs; `--core` skips the browser.
 */
import { runIdle, runLoaded } from './core.ts';
import { measureFuzz } from './fuzz.ts';
import { measureHistory } from './history.ts';
import { measureImport } from './import.ts';
import { runRaftScopeWorkload } from './raftscope.ts';
import { measureRuns } from './runs.ts';
import { measureViewSize } from './view-size.ts';

const quick = process.argv.includes('--quick');
const coreOnly = process.argv.includes('--core');
const ticks = quick ? 50_000 : 300_000;

// RaftScope's workload first, from a cold start (the figure includes the JIT's warm-up, about a
// tenth of a second here), then the rest after warming the JIT so the first measured
// configuration is not penalised; RaftScope's workload again once warm.
const raftScopeCold = runRaftScopeWorkload({ simulatedSeconds: 3_600 });
runLoaded({ nodes: 5, ticks: 20_000 });
const raftScopeWarm = runRaftScopeWorkload({ simulatedSeconds: 3_600, seed: 2 });

const core = {
  raftScopeWorkload: { cold: raftScopeCold, warm: raftScopeWarm },
  loaded: [3, 5, 9].map((nodes) => runLoaded({ nodes, ticks })),
  loadedWithoutNodeInvariants: runLoaded({ nodes: 5, ticks, checkNodeInvariants: false }),
  // The Raft extensions landed so far, all on, beside the 5-node figure above: PreVote,
  // CheckQuorum, batching, lease reads with a get every 10 ticks, a leadership transfer every
  // 2,500 ticks, and a membership change every 2,500 (a server added, then one removed).
  loadedWithExtensions: runLoaded({ nodes: 5, ticks, raft: { preVote: true, checkQuorum: true, batchProposals: true, leaseReads: true }, clientReads: true, transfers: true, membership: true }),
  oneMillionTicksFiveNodes: quick ? null : runLoaded({ nodes: 5, ticks: 1_000_000 }),
  idle: runIdle({ nodes: 5, ticks: quick ? 1_000_000 : 10_000_000 }),
};
const history = measureHistory({ nodes: 5, ticks: quick ? 100_000 : 1_000_000 });
const importing = measureImport({ actions: quick ? 10_000 : 100_000 });
const runs = await measureRuns({ quick });
const viewSize = measureViewSize({ nodes: 9, ticks: quick ? 5_000 : 20_000 });
const fuzz = measureFuzz({ seeds: quick ? 300 : 2_000 });
// Loaded only now, so the browser driver does not weigh on the core figures above.
const ui = coreOnly ? { skipped: '--core' } : await (await import('./ui.ts')).measureUi({ seconds: quick ? 10 : 60 });

const figures = {
  machine: { node: process.version, platform: `${process.platform}/${process.arch}`, gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function' },
  core,
  history,
  import: importing,
  runs,
  viewSize,
  fuzz,
  ui,
};

process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);

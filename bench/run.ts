/**
 * `npm run bench`: prints benchmark figures as JSON. Nothing here passes or fails; compare runs on
 * the same machine. `npm run bench -- --quick` uses shorter runs.
 */
import { runIdle, runLoaded } from './core.ts';

const quick = process.argv.includes('--quick');
const ticks = quick ? 50_000 : 300_000;

// Warm the JIT so the first measured configuration is not penalised.
runLoaded({ nodes: 5, ticks: 20_000 });

const figures = {
  machine: { node: process.version, platform: `${process.platform}/${process.arch}` },
  loaded: [3, 5, 9].map((nodes) => runLoaded({ nodes, ticks })),
  loadedWithoutNodeInvariants: runLoaded({ nodes: 5, ticks, checkNodeInvariants: false }),
  oneMillionTicksFiveNodes: quick ? null : runLoaded({ nodes: 5, ticks: 1_000_000 }),
  idle: runIdle({ nodes: 5, ticks: quick ? 1_000_000 : 10_000_000 }),
};

process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);

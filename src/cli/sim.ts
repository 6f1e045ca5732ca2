/**
 * `npm run sim -- --nodes 5 --seed 7 --ticks 20000 --drop 0.1`: runs a simulation headless and
 * prints a readable summary (leaders by term, commits, messages by type, safety violations), or
 * JSON with --json. Exits 1 when the safety checker found a violation, 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { advanceWithFaults, createSimulation, newFaultSchedule, noFaults, remoteMessageTypes, SimulationInputError } from '../core/index.ts';
import type { FaultOptions, Simulation, SimulationOptions } from '../core/index.ts';

const usage = `Usage: npm run sim -- [options]

  --nodes N              number of nodes (1-64, default 5)
  --seed N               random seed (default 1)
  --ticks N              ticks to run (1 tick = 1 ms simulated; default 20000)
  --drop P               message loss probability (0-1, default 0)
  --duplicate P          message duplication probability (0-1, default 0)
  --reorder P            probability a message may overtake others (0-1, default 0)
  --delay-min N          minimum latency in ticks (default 10)
  --delay-max N          maximum latency in ticks (default 30)
  --election-min N       election timeout minimum in ticks (default 300)
  --election-max N       election timeout maximum in ticks (default 600)
  --heartbeat N          heartbeat interval in ticks (default 100)
  --snapshot-threshold N compact after N applied entries (0 = never; default 100)
  --no-fast-backup       back nextIndex off one entry per rejection
  --load N               propose a put to the leader every N ticks (0 = none; default 10)
  --crash-every N        crash a random live node every N ticks and restart it N/2 later (0 = never)
  --partition-every N    split the network in two at random every N ticks, healing N/2 later (0 = never)
  --cut-every N          cut a random link one way every N ticks, restoring it N/2 later (0 = never)
  --json                 print the summary as JSON
  --help                 show this help`;

interface CliOptions {
  simulation: SimulationOptions & { seed: number; nodes: number };
  ticks: number;
  faults: FaultOptions;
  json: boolean;
}

function number(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) throw new SimulationInputError(flag, 'a number', JSON.stringify(text));
  return value;
}

const flags = {
  nodes: { type: 'string' }, seed: { type: 'string' }, ticks: { type: 'string' },
  drop: { type: 'string' }, duplicate: { type: 'string' }, reorder: { type: 'string' },
  'delay-min': { type: 'string' }, 'delay-max': { type: 'string' },
  'election-min': { type: 'string' }, 'election-max': { type: 'string' }, heartbeat: { type: 'string' },
  'snapshot-threshold': { type: 'string' }, 'no-fast-backup': { type: 'boolean' },
  load: { type: 'string' }, 'crash-every': { type: 'string' }, 'partition-every': { type: 'string' }, 'cut-every': { type: 'string' },
  json: { type: 'boolean' }, help: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; strict: true; options: typeof flags }>>['values'];

/** Only the options given, so the simulation's defaults apply to the rest. */
function given<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function every(flag: string, text: string | undefined): number {
  const value = number(flag, text) ?? 0;
  if (!Number.isInteger(value) || value < 0) throw new SimulationInputError(flag, 'a non-negative integer', String(value));
  return value;
}

function simulationOptions(values: Values): CliOptions['simulation'] {
  const raft = given({
    electionTimeoutTicksMin: number('--election-min', values['election-min']),
    electionTimeoutTicksMax: number('--election-max', values['election-max']),
    heartbeatIntervalTicks: number('--heartbeat', values.heartbeat),
    snapshotThresholdEntries: number('--snapshot-threshold', values['snapshot-threshold']),
    fastBackup: values['no-fast-backup'] === true ? false : undefined,
  });
  const network = given({
    dropRatio: number('--drop', values.drop),
    duplicateRatio: number('--duplicate', values.duplicate),
    reorderRatio: number('--reorder', values.reorder),
    delayTicksMin: number('--delay-min', values['delay-min']),
    delayTicksMax: number('--delay-max', values['delay-max']),
  });
  return {
    nodes: number('--nodes', values.nodes) ?? 5,
    seed: number('--seed', values.seed) ?? 1,
    raft,
    network,
    eventLimit: 100_000,
    workload: { proposeEveryTicks: every('--load', values.load ?? '10'), keys: 50 },
  };
}

/** Each kind of fault every n ticks, undone n/2 ticks later (exact ticks). */
function faultOptions(values: Values): FaultOptions {
  const crashEvery = every('--crash-every', values['crash-every']);
  const partitionEvery = every('--partition-every', values['partition-every']);
  const cutEvery = every('--cut-every', values['cut-every']);
  return {
    ...noFaults,
    crashEveryTicks: crashEvery,
    downTicks: Math.floor(crashEvery / 2),
    partitionEveryTicks: partitionEvery,
    partitionTicks: Math.floor(partitionEvery / 2),
    cutEveryTicks: cutEvery,
    cutTicks: Math.floor(cutEvery / 2),
    exact: true,
  };
}

function parse(argv: string[]): CliOptions | null {
  const { values } = parseArgs({ args: argv, strict: true, options: flags });
  if (values.help === true) return null;
  return { simulation: simulationOptions(values), ticks: every('--ticks', values.ticks ?? '20000'), faults: faultOptions(values), json: values.json === true };
}

interface Summary {
  options: Simulation['options'];
  ticks: number;
  leaders: { term: number; node: number; tick: number }[];
  finalLeader: { id: number; term: number } | null;
  committedIndex: number;
  proposals: { accepted: number; refused: number };
  messages: Record<string, { sent: number; delivered: number; dropped: number; duplicated: number }>;
  elections: number;
  crashes: number;
  restarts: number;
  snapshots: { taken: number; installed: number };
  faults: { tick: number; summary: string }[];
  violations: ReturnType<Simulation['violations']>;
}

function run(cli: CliOptions): Summary {
  const simulation = createSimulation(cli.simulation);
  const schedule = newFaultSchedule({ seed: cli.simulation.seed, nodes: cli.simulation.nodes, faults: cli.faults });
  const faults: Summary['faults'] = [];
  const leaders: Summary['leaders'] = [];
  let seen = 0;
  // The schedule stops the run at each fault's exact tick; the steady client is part of the run.
  // Leaders are read off the events a thousand ticks at a time, before the event log wraps.
  while (simulation.tick < cli.ticks) {
    advanceWithFaults(simulation, schedule, Math.min(1_000, cli.ticks - simulation.tick), (result, tick) => faults.push({ tick, summary: result.summary }));
    for (const event of simulation.events({ topics: ['LEAD'], afterSeq: seen })) {
      if (event.type === 'became-leader' && event.node !== null) leaders.push({ term: event.term, node: event.node, tick: event.tick });
    }
    seen = simulation.lastEventSeq;
  }
  const stats = simulation.stats();
  const messages = Object.fromEntries(
    remoteMessageTypes.map((type) => [type, { sent: stats.sent[type], delivered: stats.delivered[type], dropped: stats.dropped[type], duplicated: stats.duplicated[type] }]),
  );
  return {
    options: simulation.options,
    ticks: simulation.tick,
    leaders,
    finalLeader: simulation.leader(),
    committedIndex: stats.highestCommittedIndex,
    proposals: { accepted: stats.proposalsAccepted, refused: stats.proposalsRefused },
    messages,
    elections: stats.elections,
    crashes: stats.crashes,
    restarts: stats.restarts,
    snapshots: { taken: stats.snapshotsTaken, installed: stats.snapshotsInstalled },
    faults,
    violations: simulation.violations(),
  };
}

function format(summary: Summary): string {
  const { options } = summary;
  const lines = [
    `Raftlab: ${options.nodes} nodes, seed ${options.seed}, ${summary.ticks} ticks (${(summary.ticks / 1000).toFixed(1)} s simulated)`,
    `network: latency ${options.network.delayTicksMin}-${options.network.delayTicksMax} ticks, loss ${options.network.dropRatio}, duplicates ${options.network.duplicateRatio}, reorder ${options.network.reorderRatio}`,
    '',
    `leaders by term (${summary.leaders.length}):`,
    ...summary.leaders.slice(0, 30).map((leader) => `  term ${String(leader.term).padStart(4)}  node ${leader.node}  from tick ${leader.tick}`),
    ...(summary.leaders.length > 30 ? [`  ... and ${summary.leaders.length - 30} more`] : []),
    `final leader: ${summary.finalLeader === null ? 'none' : `node ${summary.finalLeader.id} in term ${summary.finalLeader.term}`}`,
    `elections started: ${summary.elections}; crashes ${summary.crashes}, restarts ${summary.restarts}`,
    `committed through index ${summary.committedIndex}; proposals accepted ${summary.proposals.accepted}, refused ${summary.proposals.refused}`,
    `snapshots taken ${summary.snapshots.taken}, installed ${summary.snapshots.installed}`,
    '',
    `faults (${summary.faults.length}):`,
    ...summary.faults.slice(0, 30).map((fault) => `  tick ${String(fault.tick).padStart(8)}  ${fault.summary}`),
    ...(summary.faults.length > 30 ? [`  ... and ${summary.faults.length - 30} more`] : []),
    '',
    'messages        sent  delivered    dropped duplicated',
    ...Object.entries(summary.messages).map(
      ([type, counts]) => `  ${type.padEnd(12)}${String(counts.sent).padStart(6)}${String(counts.delivered).padStart(11)}${String(counts.dropped).padStart(11)}${String(counts.duplicated).padStart(11)}`,
    ),
    '',
    summary.violations.length === 0
      ? 'safety: no violations'
      : `safety: ${summary.violations.length} VIOLATION(S)\n${summary.violations.map((v) => `  tick ${v.tick} ${v.property} (nodes ${v.nodes.join(', ')}): ${v.detail}`).join('\n')}`,
  ];
  return lines.join('\n');
}

function main(argv: string[]): number {
  let cli: CliOptions | null;
  try {
    cli = parse(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return 2;
  }
  if (cli === null) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  let summary: Summary;
  try {
    summary = run(cli);
  } catch (error) {
    if (error instanceof SimulationInputError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  process.stdout.write(`${cli.json ? JSON.stringify(summary, null, 2) : format(summary)}\n`);
  return summary.violations.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));

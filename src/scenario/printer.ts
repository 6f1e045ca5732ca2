/**
 * A Scenario as canonical text: options first (in the order of option-table.ts), then `trace`,
 * then one timed line per step with its absolute tick, then the expectations and `run until`.
 * Comments and the layout of the original text are not kept; everything else is, so
 * parse(print(s)) equals s (apart from source positions) and print(parse(print(s))) === print(s).
 */
import { printBreakpoint } from './parse-breakpoints.ts';
import type { ClientCommand, NetworkConfig, SimulationOptions, Topic, Workload } from '../core/index.ts';
import { topics as allTopics, unsafeSwitchField, unsafeSwitchNames } from '../core/index.ts';
import type { OptionValue } from './option-table.ts';
import { formatProbability, getOption, optionLeaves } from './option-table.ts';
import type { Condition, Expectation, NodeRef, NodeSet, Scenario, ScenarioAction, StepItem, Timing } from './syntax-tree.ts';

const barePattern = /^[A-Za-z0-9_]+(?:[-.][A-Za-z0-9_]+)*$/;

/** Text in double quotes, with the escapes the lexer reads back. */
export function quote(text: string): string {
  let quoted = '"';
  const isControl = (char: string): boolean => {
    const code = char.codePointAt(0)!;
    return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
  };
  for (const char of text) {
    if (char === '"' || char === '\\') quoted += `\\${char}`;
    else if (char === '\n') quoted += '\\n';
    else if (char === '\t') quoted += '\\t';
    else if (isControl(char)) quoted += `\\u{${char.codePointAt(0)!.toString(16)}}`;
    else quoted += char;
  }
  return `${quoted}"`;
}

/** A key, value or name: bare when it reads back as one word or number, quoted otherwise. */
export function bareOrQuoted(text: string): string {
  return barePattern.test(text) ? text : quote(text);
}

/** `3`, `leader`, `old leader`, `leader of term 2`; `node 3` where a node begins a condition. */
export function printNodeRef(ref: NodeRef, asSubject = false): string {
  switch (ref.kind) {
    case 'id':
      return asSubject ? `node ${ref.id}` : String(ref.id);
    case 'leader':
      return 'leader';
    case 'old-leader':
      return 'old leader';
    case 'leader-of-term':
      return `leader of term ${ref.term}`;
  }
}

/** `{1,2,3}`; with a symbolic member, `{leader, 3}` so the words stay apart. */
export function printNodeSet(nodes: readonly NodeRef[]): string {
  const separator = nodes.every((node) => node.kind === 'id') ? ',' : ', ';
  return `{${nodes.map((node) => printNodeRef(node)).join(separator)}}`;
}

function printCommand(command: ClientCommand): string {
  switch (command.type) {
    case 'put':
      return `${bareOrQuoted(command.key)}=${bareOrQuoted(command.value)}`;
    case 'delete':
      return `delete ${bareOrQuoted(command.key)}`;
    case 'noop':
      return 'noop';
  }
}

function printOn(on: NodeSet | null): string {
  if (on === null) return '';
  return on.kind === 'all' ? ' on all' : ` on ${printNodeSet(on.nodes)}`;
}

export function printCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'leader-in':
      return `leader in ${printNodeSet(condition.nodes)}`;
    case 'no-leader':
      return 'no leader';
    case 'committed':
      return `${printCommand(condition.command)} committed${printOn(condition.on)}`;
    case 'term':
      return `${printNodeRef(condition.node, true)} in term ${condition.comparison} ${condition.term}`;
    case 'role':
      return `${printNodeRef(condition.node, true)} is ${condition.role === 'crashed' || condition.role === 'removed' ? condition.role : `a ${condition.role}`}`;
    case 'voters':
      return `voters ${printNodeSet(condition.nodes)}`;
    case 'log':
      return `${printNodeRef(condition.node, true)} has log [${condition.terms.join(',')}]`;
    case 'no-violation':
      return 'no violation';
    case 'violation':
      return condition.property === null ? 'violation' : `violation of "${condition.property}"`;
    case 'stall':
      return condition.stall === null ? 'stall' : `stall of ${condition.stall}`;
    case 'one-leader-per-term':
      return 'at most one leader per term';
  }
}

function printTiming(timing: Timing): string {
  switch (timing.kind) {
    case 'by':
      return timing.from === null ? `by ${timing.by}` : `from ${timing.from} by ${timing.by}`;
    case 'at':
      return `at ${timing.tick}`;
    case 'always':
    case 'never':
      return timing.kind;
  }
}

/** The canonical one-line text, as kept in Annotations.expectations: "expect by 900: leader in {3,4,5}". */
export function printExpectation(expectation: Pick<Expectation, 'timing' | 'condition'>): string {
  return `expect ${printTiming(expectation.timing)}: ${printCondition(expectation.condition)}`;
}

/** `latency 10..30` for both ends, `latency min 10` or `latency max 30` for one. */
function printRange(word: string, low: number | undefined, high: number | undefined): string[] {
  if (low !== undefined && high !== undefined) return [`${word} ${low}..${high}`];
  if (low !== undefined) return [`${word} min ${low}`];
  return high === undefined ? [] : [`${word} max ${high}`];
}

function networkClauses(network: Partial<NetworkConfig>): string[] {
  const clauses = printRange('latency', network.delayTicksMin, network.delayTicksMax);
  if (network.dropRatio !== undefined) clauses.push(`drop ${formatProbability(network.dropRatio)}`);
  if (network.duplicateRatio !== undefined) clauses.push(`duplicate ${formatProbability(network.duplicateRatio)}`);
  if (network.reorderRatio !== undefined) clauses.push(`reorder ${formatProbability(network.reorderRatio)}`);
  return clauses;
}

function workloadClauses(workload: Partial<Workload>): string[] {
  const clauses: string[] = [];
  if (workload.proposeEveryTicks !== undefined) clauses.push(workload.proposeEveryTicks === 0 ? 'off' : `every ${workload.proposeEveryTicks}`);
  if (workload.keys !== undefined) clauses.push(`keys ${workload.keys}`);
  return clauses;
}

export function printAction(action: ScenarioAction): string {
  switch (action.type) {
    case 'crash':
    case 'restart':
    case 'isolate':
    case 'rejoin':
    case 'campaign':
      return `${action.type} ${printNodeRef(action.node)}`;
    case 'transfer-leadership':
      return `transfer leadership to ${printNodeRef(action.node)}`;
    case 'add-node':
      return 'add node';
    case 'remove-node':
      return `remove node ${printNodeRef(action.node)}`;
    case 'partition':
      return `partition ${action.groups.map(printNodeSet).join(' ')}`;
    case 'cut-link':
    case 'restore-link':
      return `${action.type === 'cut-link' ? 'cut' : 'restore'} ${printNodeRef(action.from)} ${action.bothWays ? '<->' : '->'} ${printNodeRef(action.to)}`;
    case 'heal':
      return 'heal';
    case 'set-timer':
      return `timer ${printNodeRef(action.node)} in ${action.ticks}`;
    case 'align-timers':
      return `align timers ${printNodeSet(action.nodes)}`;
    case 'spread-timers':
      return `spread timers ${printNodeRef(action.node)}`;
    case 'drop-message':
      return `drop message ${action.id}`;
    case 'duplicate-message':
      return `duplicate message ${action.id}`;
    case 'delay-message':
      return `delay message ${action.id} by ${action.ticks}`;
    case 'deliver-message':
      return `deliver message ${action.id}`;
    case 'set-manual-delivery':
      return `manual delivery ${action.on ? 'on' : 'off'}`;
    case 'freeze-timers':
      return `freeze timers ${action.on ? 'on' : 'off'}`;
    case 'deliver-next':
      return 'deliver next';
    case 'deliver-all':
      return 'deliver all';
    case 'configure-network': {
      const clauses = networkClauses(action.network);
      return clauses.length === 0 ? 'network' : clauses.join(' ');
    }
    case 'configure-workload':
      return ['load', ...workloadClauses(action.workload)].join(' ');
    case 'propose': {
      // As an action a put reads `put K=V`; as a condition's command, `K=V committed`.
      const command = action.command.type === 'put' ? `put ${printCommand(action.command)}` : printCommand(action.command);
      return `${command} to ${printNodeRef(action.node)}`;
    }
    case 'get':
      return `get ${bareOrQuoted(action.key)} from ${printNodeRef(action.node)}`;
  }
}

export function printStepItem(item: StepItem): string {
  switch (item.kind) {
    case 'action':
      return printAction(item.action);
    case 'caption':
      return `caption ${quote(item.text)}${item.zh === null ? '' : ` zh ${quote(item.zh)}`}`;
    case 'mark':
      return `mark ${bareOrQuoted(item.name)}`;
    case 'cue':
      return 'cue';
    case 'ask': {
      const choices = item.choices === null ? '' : item.choices === 'nodes' ? ' choices nodes' : ` choices {${item.choices.map(bareOrQuoted).join(', ')}}`;
      return `ask ${quote(item.text)}${item.zh === null ? '' : ` zh ${quote(item.zh)}`}${choices}${item.answer === null ? '' : ` answer ${bareOrQuoted(item.answer)}`}`;
    }
    case 'highlight':
      return item.target.kind === 'node' ? `highlight ${printNodeRef(item.target.node)}` : `highlight entry ${item.target.index} on ${printNodeRef(item.target.node)}`;
  }
}

function printValue(value: OptionValue, kind: 'integer' | 'probability' | 'switch'): string {
  if (kind === 'switch') return value === true ? 'on' : 'off';
  return kind === 'probability' ? formatProbability(value as number) : String(value);
}

/** Leaves with a statement of their own; the rest are written `option PATH VALUE`. */
const friendlyPaths = new Set([
  'nodes', 'seed', 'raft.electionTimeoutTicksMin', 'raft.electionTimeoutTicksMax', 'raft.heartbeatIntervalTicks', 'raft.snapshotThresholdEntries',
  'raft.fastBackup', 'raft.checkQuorum', 'raft.preVote', 'raft.leaseReads', 'raft.batchProposals', 'network.delayTicksMin', 'network.delayTicksMax', 'network.dropRatio', 'network.duplicateRatio', 'network.reorderRatio',
  'workload.proposeEveryTicks', 'workload.keys', 'livenessWatchTicks',
  ...unsafeSwitchNames.map((name) => `raft.${unsafeSwitchField[name]}`),
]);

/** One line per option statement, in a fixed order. */
export function printOptions(options: SimulationOptions): string[] {
  const get = (path: string): number | undefined => getOption(options, path) as number | undefined;
  const lines: string[] = [];
  if (options.nodes !== undefined) lines.push(`nodes ${options.nodes}`);
  if (options.seed !== undefined) lines.push(`seed ${options.seed}`);
  lines.push(...printRange('election', get('raft.electionTimeoutTicksMin'), get('raft.electionTimeoutTicksMax')));
  if (options.raft?.heartbeatIntervalTicks !== undefined) lines.push(`heartbeat ${options.raft.heartbeatIntervalTicks}`);
  const threshold = options.raft?.snapshotThresholdEntries;
  if (threshold !== undefined) lines.push(threshold === 0 ? 'snapshots off' : `snapshots every ${threshold} entries`);
  if (options.raft?.fastBackup !== undefined) lines.push(`fast backup ${options.raft.fastBackup ? 'on' : 'off'}`);
  if (options.raft?.batchProposals !== undefined) lines.push(`batching ${options.raft.batchProposals ? 'on' : 'off'}`);
  if (options.raft?.preVote !== undefined) lines.push(`prevote ${options.raft.preVote ? 'on' : 'off'}`);
  if (options.raft?.checkQuorum !== undefined) lines.push(`check quorum ${options.raft.checkQuorum ? 'on' : 'off'}`);
  if (options.raft?.leaseReads !== undefined) lines.push(`lease reads ${options.raft.leaseReads ? 'on' : 'off'}`);
  lines.push(...networkClauses(options.network ?? {}));
  const load = workloadClauses(options.workload ?? {});
  if (load.length > 0) lines.push(['load', ...load].join(' '));
  if (options.livenessWatchTicks !== undefined) lines.push(`liveness watch ${options.livenessWatchTicks === 0 ? 'off' : options.livenessWatchTicks}`);
  for (const name of unsafeSwitchNames) {
    const on = options.raft?.[unsafeSwitchField[name]];
    if (on !== undefined) lines.push(on ? `unsafe ${name}` : `unsafe ${name} off`);
  }
  for (const leaf of optionLeaves) {
    const value = getOption(options, leaf.path);
    if (value !== undefined && !friendlyPaths.has(leaf.path)) lines.push(`option ${leaf.path} ${printValue(value, leaf.kind)}`);
  }
  return lines;
}

function printTrace(chosen: readonly Topic[]): string {
  const all = chosen.length === allTopics.length && chosen.every((topic, index) => topic === allTopics[index]);
  return all ? 'trace all' : `trace ${chosen.join(' ')}`;
}

export function printScenario(scenario: Scenario): string {
  const header = printOptions(scenario.options);
  if (scenario.trace !== null) header.push(printTrace(scenario.trace));
  header.push(...(scenario.breakpoints ?? []).map(printBreakpoint));
  const steps = scenario.steps.map((step) => `at ${step.tick}: ${printStepItem(step.item)}`);
  const footer = scenario.expectations.map(printExpectation);
  if (scenario.end !== null) footer.push(`run until ${scenario.end}`);
  return `${[header, steps, footer].filter((section) => section.length > 0).map((section) => section.join('\n')).join('\n\n')}\n`;
}

/**
 * A run (options, timed actions, annotations: what an exported run holds) as a scenario, so that
 * runs can be kept and shared as text. Every node is concrete, a proposal to 'leader' stays `to
 * leader`, and the text compiles back to the same run; text -> run -> text gives the same text.
 * At one tick, captions come first, then marks, then actions (the run does not say how they
 * interleave).
 *
 * Input is checked the way an import is: bad options or actions throw SimulationInputError
 * naming the field, e.g. "actions[3].action.node must be ...".
 */
import type { Action, ClientCommand, NetworkConfig, SimulationOptions, Tick, TimedAction, Workload } from '../core/index.ts';
import { Simulation, SimulationInputError, timerTicksMax } from '../core/index.ts';
import type { Annotations } from './annotations.ts';
import { noAnnotations } from './annotations.ts';
import { endOf } from './compile.ts';
import { scenarioActionsMax, scenarioTickMax } from './limits.ts';
import { parseExpectation } from './parser.ts';
import { printScenario } from './printer.ts';
import type { NodeRef, Scenario, ScenarioAction, Step } from './syntax-tree.ts';
import { expectationTicks } from './syntax-tree.ts';

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function node(value: unknown, field: string): NodeRef {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new SimulationInputError(field, 'a node id (an integer of at least 1)', show(value));
  return { kind: 'id', id: value };
}

function messageId(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new SimulationInputError(field, 'a message id (an integer of at least 1)', show(value));
  return value;
}

function command(value: ClientCommand, field: string): ClientCommand {
  const text = (text: unknown, name: string): string => {
    if (typeof text !== 'string') throw new SimulationInputError(`${field}.${name}`, 'a string', show(text));
    return text;
  };
  switch (value.type) {
    case 'put':
      return { type: 'put', key: text(value.key, 'key'), value: text(value.value, 'value') };
    case 'delete':
      return { type: 'delete', key: text(value.key, 'key') };
    case 'noop':
      return { type: 'noop' };
    default:
      throw new SimulationInputError(`${field}.type`, '"put", "delete" or "noop"', show((value as { type: unknown }).type));
  }
}

/** Only the number fields a partial settings object may have, in a fixed order. */
function numbers<T>(value: unknown, keys: readonly (keyof T & string)[], field: string): Partial<T> {
  if (typeof value !== 'object' || value === null) throw new SimulationInputError(field, 'an object', show(value));
  const given = value as Record<string, unknown>;
  const result: Record<string, number> = {};
  for (const key of Object.keys(given)) {
    if (!keys.includes(key as keyof T & string)) throw new SimulationInputError(`${field}.${key}`, `one of ${keys.join(', ')}`, 'an unknown field');
    if (typeof given[key] !== 'number' || !Number.isFinite(given[key])) throw new SimulationInputError(`${field}.${key}`, 'a number', show(given[key]));
  }
  for (const key of keys) if (given[key] !== undefined) result[key] = given[key] as number;
  return result as Partial<T>;
}

const networkKeys: readonly (keyof NetworkConfig)[] = ['delayTicksMin', 'delayTicksMax', 'dropRatio', 'duplicateRatio', 'reorderRatio'];
const workloadKeys: readonly (keyof Workload)[] = ['proposeEveryTicks', 'keys'];

/** The scenario form of a recorded action. */
export function scenarioAction(action: Action, field = 'action'): ScenarioAction {
  switch (action.type) {
    case 'crash':
    case 'restart':
    case 'isolate':
    case 'rejoin':
    case 'campaign':
    case 'transfer-leadership':
    case 'remove-node':
      return { type: action.type, node: node(action.node, `${field}.node`) };
    case 'add-node':
      return { type: 'add-node' };
    case 'partition':
    {
      const groups: unknown = action.groups;
      if (!Array.isArray(groups) || groups.length === 0 || groups.some((group) => !Array.isArray(group) || group.length === 0)) {
        throw new SimulationInputError(`${field}.groups`, 'a non-empty array of non-empty node id arrays', JSON.stringify(groups) ?? show(groups));
      }
      return { type: 'partition', groups: (groups as unknown[][]).map((group, index) => group.map((id, position) => node(id, `${field}.groups[${index}][${position}]`))) };
    }
    case 'cut-link':
    case 'restore-link':
      return { type: action.type, from: node(action.from, `${field}.from`), to: node(action.to, `${field}.to`), bothWays: action.bothWays !== false };
    case 'heal':
      return { type: 'heal' };
    case 'configure-network':
      return { type: 'configure-network', network: numbers<NetworkConfig>(action.network, networkKeys, `${field}.network`) };
    case 'configure-workload':
      return { type: 'configure-workload', workload: numbers<Workload>(action.workload, workloadKeys, `${field}.workload`) };
    case 'propose':
      return { type: 'propose', node: action.node === 'leader' ? { kind: 'leader' } : node(action.node, `${field}.node`), command: command(action.command, `${field}.command`) };
    case 'get':
      if (typeof action.key !== 'string') throw new SimulationInputError(`${field}.key`, 'a string', show(action.key));
      return { type: 'get', node: action.node === 'leader' ? { kind: 'leader' } : node(action.node, `${field}.node`), key: action.key };
    case 'set-timer':
      if (typeof action.ticks !== 'number' || !Number.isInteger(action.ticks) || action.ticks < 1 || action.ticks > timerTicksMax) {
        throw new SimulationInputError(`${field}.ticks`, `an integer from 1 to ${timerTicksMax}`, show(action.ticks));
      }
      return { type: 'set-timer', node: node(action.node, `${field}.node`), ticks: action.ticks };
    case 'align-timers': {
      const nodes: unknown = action.nodes;
      if (!Array.isArray(nodes) || nodes.length === 0) throw new SimulationInputError(`${field}.nodes`, 'a non-empty array of node ids', JSON.stringify(nodes) ?? show(nodes));
      return { type: 'align-timers', nodes: nodes.map((id: unknown, index) => node(id, `${field}.nodes[${index}]`)) };
    }
    case 'spread-timers':
      return { type: 'spread-timers', node: node(action.node, `${field}.node`) };
    case 'drop-message':
    case 'duplicate-message':
    case 'deliver-message':
      return { type: action.type, id: messageId(action.id, `${field}.id`) };
    case 'delay-message':
      if (typeof action.ticks !== 'number' || !Number.isInteger(action.ticks) || action.ticks < 1 || action.ticks > timerTicksMax) {
        throw new SimulationInputError(`${field}.ticks`, `an integer from 1 to ${timerTicksMax}`, show(action.ticks));
      }
      return { type: 'delay-message', id: messageId(action.id, `${field}.id`), ticks: action.ticks };
    case 'set-manual-delivery':
    case 'freeze-timers':
      if (typeof action.on !== 'boolean') throw new SimulationInputError(`${field}.on`, 'true or false', show(action.on));
      return { type: action.type, on: action.on };
    case 'deliver-next':
    case 'deliver-all':
      return { type: action.type };
    default:
      throw new SimulationInputError(`${field}.type`, 'a known action type', show((action as { type: unknown }).type));
  }
}

/**
 * The run as a Scenario. `end` (by default the annotations' end) becomes `run until`, raised to
 * the last timed line or expectation tick if it is earlier, as a run moved back in time may be;
 * an end that is the one the scenario implies anyway (endOf) is left out, so text -> run -> text
 * gives the text back.
 */
export function scenarioFromRun(options: SimulationOptions, actions: readonly TimedAction[], annotations: Annotations = noAnnotations, end: Tick | null = annotations.end): Scenario {
  // The headless API's own check of the options: unknown or bad ones throw here.
  new Simulation(options);
  // What the text could not say back: the language's own limits (limits.ts).
  if (actions.length > scenarioActionsMax) throw new SimulationInputError('actions', `at most ${scenarioActionsMax} actions`, `${actions.length}`);
  const inRange = (tick: unknown, field: string): void => {
    if (typeof tick !== 'number' || !Number.isInteger(tick) || tick < 0 || tick > scenarioTickMax) throw new SimulationInputError(field, `an integer from 0 to ${scenarioTickMax}`, show(tick));
  };
  annotations.captions.forEach((caption, index) => inRange(caption.tick, `annotations.captions[${index}].tick`));
  annotations.marks.forEach((mark, index) => inRange(mark.tick, `annotations.marks[${index}].tick`));
  actions.forEach((entry, index) => inRange(entry.tick, `actions[${index}].tick`));
  const steps: Step[] = [];
  const timed = [
    ...[...annotations.captions].sort((a, b) => a.tick - b.tick).map((caption) => ({ tick: caption.tick, rank: 0, step: { tick: caption.tick, item: { kind: 'caption', text: caption.text, zh: null } } satisfies Step })),
    ...[...annotations.marks].sort((a, b) => a.tick - b.tick).map((mark) => ({ tick: mark.tick, rank: 1, step: { tick: mark.tick, item: { kind: 'mark', name: mark.name } } satisfies Step })),
    ...actions.map((entry, index) => {
      if (typeof entry.tick !== 'number' || !Number.isInteger(entry.tick) || entry.tick < (actions[index - 1]?.tick ?? 0)) {
        throw new SimulationInputError(`actions[${index}].tick`, 'a tick in order (an integer no smaller than the one before)', show(entry.tick));
      }
      return { tick: entry.tick, rank: 2, step: { tick: entry.tick, item: { kind: 'action', action: scenarioAction(entry.action, `actions[${index}].action`) } } satisfies Step };
    }),
  ];
  // Stable: items of one kind keep their order.
  timed.sort((a, b) => a.tick - b.tick || a.rank - b.rank);
  for (const item of timed) steps.push(item.step);
  const expectations = annotations.expectations.map((text, index) => {
    const parsed = parseExpectation(text);
    if (!parsed.ok) throw new SimulationInputError(`annotations.expectations[${index}]`, 'an expectation in scenario text, such as "expect always: no violation"', JSON.stringify(text));
    const { source: _source, ...expectation } = parsed.expectation;
    return expectation;
  });
  const latest = Math.max(0, steps.at(-1)?.tick ?? 0, ...expectations.flatMap(expectationTicks));
  const until = end === null ? null : Math.max(end, latest);
  const breakpoints = annotations.breakpoints;
  return { options, steps, expectations, end: until === endOf({ steps, expectations, end: null }) ? null : until, trace: null, ...(breakpoints.length > 0 ? { breakpoints } : {}) };
}

/** The run as scenario text (see scenarioFromRun). */
export function runToScenarioText(options: SimulationOptions, actions: readonly TimedAction[], annotations: Annotations = noAnnotations, end: Tick | null = annotations.end): string {
  return printScenario(scenarioFromRun(options, actions, annotations, end));
}

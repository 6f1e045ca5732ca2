import type { Command, NodeId } from '../raft/types.ts';
import type { ProposeResult } from '../raft/step-leader.ts';
import type { SimState } from './cluster.ts';
import { campaign, crash, currentLeader, propose, record, restart } from './cluster.ts';

export { currentLeader };
import { describeValue, requireInteger, requireString, SimulationInputError } from './errors.ts';
import { heal, partitionGroups, setLink, setPartition } from './network.ts';
import type { NetworkConfig, Workload } from './options.ts';
import { resolveNetworkConfig, resolveWorkload } from './options.ts';

/**
 * Everything a user (or a test, or a scenario) can do to a running simulation. Actions are plain
 * data applied between ticks, so a run is fully described by its options and the list of actions
 * with the tick each was taken at, and replays exactly.
 */
export type Action =
  | { readonly type: 'crash'; readonly node: NodeId }
  | { readonly type: 'restart'; readonly node: NodeId }
  /** Splits the network into groups; nodes in no group form one more group together. */
  | { readonly type: 'partition'; readonly groups: readonly (readonly NodeId[])[] }
  /** Cuts one node off from every other node, leaving the rest of the partition as it is. */
  | { readonly type: 'isolate'; readonly node: NodeId }
  /** Puts an isolated node back into the largest group. */
  | { readonly type: 'rejoin'; readonly node: NodeId }
  | { readonly type: 'cut-link'; readonly from: NodeId; readonly to: NodeId; readonly bothWays: boolean }
  | { readonly type: 'restore-link'; readonly from: NodeId; readonly to: NodeId; readonly bothWays: boolean }
  | { readonly type: 'heal' }
  | { readonly type: 'configure-network'; readonly network: Partial<NetworkConfig> }
  /** Starts, changes or stops the steady client (see Workload). */
  | { readonly type: 'configure-workload'; readonly workload: Partial<Workload> }
  /** A client command sent to a given node, or to whichever node is leader now. */
  | { readonly type: 'propose'; readonly node: NodeId | 'leader'; readonly command: Command }
  /** Forces an election on a node, as if its election timer fired. */
  | { readonly type: 'campaign'; readonly node: NodeId };

export type ActionType = Action['type'];

/** What an action returned: a proposal's outcome, or nothing. */
export type ActionResult = { readonly type: 'proposed'; readonly node: NodeId | null; readonly result: ProposeResult } | { readonly type: 'done' };

export function requireNodeId(sim: SimState, field: string, value: unknown): NodeId {
  return requireInteger(field, value, { min: 1, max: sim.options.nodes });
}

function requireLive(sim: SimState, field: string, value: unknown): NodeId {
  const id = requireNodeId(sim, field, value);
  if (sim.servers[id - 1]!.node === null) throw new SimulationInputError(field, 'a running node', `node ${id}, which is crashed`);
  return id;
}

function requireCrashed(sim: SimState, field: string, value: unknown): NodeId {
  const id = requireNodeId(sim, field, value);
  if (sim.servers[id - 1]!.node !== null) throw new SimulationInputError(field, 'a crashed node', `node ${id}, which is running`);
  return id;
}

export function validateCommand(value: unknown, field = 'command'): Command {
  if (typeof value !== 'object' || value === null) throw new SimulationInputError(field, 'a command object such as { type: "put", key, value }', describeValue(value));
  const command = value as Record<string, unknown>;
  switch (command.type) {
    case 'put':
      return { type: 'put', key: requireString(`${field}.key`, command.key), value: requireString(`${field}.value`, command.value) };
    case 'delete':
      return { type: 'delete', key: requireString(`${field}.key`, command.key) };
    case 'noop':
      return { type: 'noop' };
    default:
      throw new SimulationInputError(`${field}.type`, '"put", "delete" or "noop"', describeValue(command.type));
  }
}

function validateGroups(sim: SimState, value: unknown): NodeId[][] {
  if (!Array.isArray(value) || value.length === 0) throw new SimulationInputError('groups', 'a non-empty array of node id arrays', describeValue(value));
  const seen = new Set<NodeId>();
  return value.map((group: unknown, index) => {
    if (!Array.isArray(group) || group.length === 0) throw new SimulationInputError(`groups[${index}]`, 'a non-empty array of node ids', describeValue(group));
    return group.map((member: unknown, position) => {
      const id = requireNodeId(sim, `groups[${index}][${position}]`, member);
      if (seen.has(id)) throw new SimulationInputError(`groups[${index}][${position}]`, 'a node id listed in only one group', `node ${id} again`);
      seen.add(id);
      return id;
    });
  });
}

/** Checks an action against the current state; throws SimulationInputError and changes nothing. */
export function validateAction(sim: SimState, value: unknown): Action {
  if (typeof value !== 'object' || value === null) throw new SimulationInputError('action', 'an action object', describeValue(value));
  const action = value as Record<string, unknown>;
  const type = action.type;
  switch (type) {
    case 'crash':
      return { type, node: requireLive(sim, 'node', action.node) };
    case 'restart':
      return { type, node: requireCrashed(sim, 'node', action.node) };
    case 'campaign':
      return { type, node: requireLive(sim, 'node', action.node) };
    case 'isolate':
    case 'rejoin':
      return { type, node: requireNodeId(sim, 'node', action.node) };
    case 'partition':
      return { type, groups: validateGroups(sim, action.groups) };
    case 'cut-link':
    case 'restore-link': {
      const from = requireNodeId(sim, 'from', action.from);
      const to = requireNodeId(sim, 'to', action.to);
      if (from === to) throw new SimulationInputError('to', 'a node other than from', `node ${to}`);
      return { type, from, to, bothWays: action.bothWays === undefined ? true : action.bothWays === true };
    }
    case 'heal':
      return { type };
    case 'configure-network': {
      resolveNetworkConfig(action.network, sim.network.config);
      // Record a copy: the caller may reuse its object, and the run must keep what was applied.
      return { type, network: { ...(action.network as Partial<NetworkConfig>) } };
    }
    case 'configure-workload':
      resolveWorkload(action.workload, sim.workload);
      return { type, workload: { ...(action.workload as Partial<Workload>) } };
    case 'propose':
      return {
        type,
        node: action.node === 'leader' ? 'leader' : requireLive(sim, 'node', action.node),
        command: validateCommand(action.command),
      };
    default:
      throw new SimulationInputError('action.type', 'a known action type', describeValue(type));
  }
}

/** Applies an action already checked by validateAction. */
export function performAction(sim: SimState, action: Action): ActionResult {
  const network = sim.network;
  switch (action.type) {
    case 'crash':
      crash(sim, action.node);
      break;
    case 'restart':
      restart(sim, action.node);
      break;
    case 'campaign':
      campaign(sim, action.node);
      break;
    case 'partition':
      setPartition(network, action.groups);
      record(sim, null, { type: 'partition-changed', groups: partitionGroups(network, sim.options.nodes) });
      break;
    case 'isolate':
      network.group[action.node] = Math.max(...network.group) + 1;
      record(sim, null, { type: 'partition-changed', groups: partitionGroups(network, sim.options.nodes) });
      break;
    case 'rejoin': {
      const others = partitionGroups(network, sim.options.nodes).filter((group) => !group.includes(action.node));
      const largest = others.sort((a, b) => b.length - a.length)[0];
      network.group[action.node] = largest === undefined ? network.group[action.node]! : network.group[largest[0]!]!;
      record(sim, null, { type: 'partition-changed', groups: partitionGroups(network, sim.options.nodes) });
      break;
    }
    case 'cut-link':
    case 'restore-link': {
      const cut = action.type === 'cut-link';
      setLink(network, { from: action.from, to: action.to, cut });
      if (action.bothWays) setLink(network, { from: action.to, to: action.from, cut });
      const eventType = cut ? 'link-cut' : 'link-restored';
      record(sim, null, { type: eventType, from: action.from, to: action.to });
      if (action.bothWays) record(sim, null, { type: eventType, from: action.to, to: action.from });
      break;
    }
    case 'heal':
      heal(network);
      record(sim, null, { type: 'network-healed' });
      break;
    case 'configure-network': {
      network.config = resolveNetworkConfig(action.network, network.config);
      const c = network.config;
      record(sim, null, {
        type: 'network-configured',
        summary: `latency ${c.delayTicksMin}-${c.delayTicksMax} ticks, loss ${c.dropRatio}, duplicates ${c.duplicateRatio}, reorder ${c.reorderRatio}`,
      });
      break;
    }
    case 'configure-workload': {
      sim.workload = resolveWorkload(action.workload, sim.workload);
      const every = sim.workload.proposeEveryTicks;
      record(sim, null, { type: 'network-configured', summary: every === 0 ? 'client load off' : `client load: a put every ${every} ticks` });
      break;
    }
    case 'propose': {
      const target = action.node === 'leader' ? currentLeader(sim) : action.node;
      if (target === null) {
        return { type: 'proposed', node: null, result: { index: -1, term: 0, isLeader: false, leaderHint: null } };
      }
      return { type: 'proposed', node: target, result: propose(sim, target, [action.command]) };
    }
  }
  return { type: 'done' };
}

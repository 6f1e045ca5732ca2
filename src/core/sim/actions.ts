import type { ProposeResult } from '../raft/step-leader.ts';
import type { ClientCommand, NodeId } from '../raft/types.ts';
import { describeValue, requireInteger, requireString, SimulationInputError } from './errors.ts';
import { checkTouched } from './invariants.ts';
import { describeCommand } from './kv.ts';
import { deliverMessage, delayMessage, dropMessage, duplicateMessage } from './message-control.ts';
import type { InFlight } from './network.ts';
import { findInFlight, heal, heldItems, isolateNode, partitionGroups, rejoinNode, setLink, setManualDelivery, setPartition } from './network.ts';
import type { NetworkConfig, Workload } from './options.ts';
import { resolveNetworkConfig, resolveWorkload } from './options.ts';
import { presentIds, retireRemoved, serverCountMax } from './cluster.ts';
import type { MembershipAnswer } from './servers.ts';
import { addNode, campaign, crash, propose, read, removeNode, restart, transferLeadership } from './servers.ts';
import { alignTimers, setNodeTimer, spreadTimers } from './timer-control.ts';
import type { SimState } from './world.ts';
import { guarded } from './halt.ts';
import { currentLeader, record } from './world.ts';

/**
 * Everything a user (or a test, a scenario or the fault schedule) can do to a running simulation.
 * Actions are plain data applied between ticks, so a run is fully described by its options and
 * the list of actions with the tick each was taken at, and replays exactly.
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
  | { readonly type: 'propose'; readonly node: NodeId | 'leader'; readonly command: ClientCommand }
  /** A client's linearizable get, sent to a given node or to whichever node leads now (sim/reads.ts). */
  | { readonly type: 'get'; readonly node: NodeId | 'leader'; readonly key: string }
  /** Forces an election on a node, as if its election timer fired ("Time out now"). */
  | { readonly type: 'campaign'; readonly node: NodeId }
  /** The leader hands its leadership to this node (thesis §3.10): it catches the node up, then sends TimeoutNow. */
  | { readonly type: 'transfer-leadership'; readonly node: NodeId }
  /** A new server with the next id; the leader adds it as a learner, then promotes it once caught up (thesis ch. 4). */
  | { readonly type: 'add-node' }
  /** The leader removes this server from the configuration; it is shut down once the removal is applied. */
  | { readonly type: 'remove-node'; readonly node: NodeId }
  /** A follower's or candidate's election timer fires in `ticks` ticks (sim/timer-control.ts). */
  | { readonly type: 'set-timer'; readonly node: NodeId; readonly ticks: number }
  /** These followers and candidates time out on the same tick, before every other node: a split vote. */
  | { readonly type: 'align-timers'; readonly nodes: readonly NodeId[] }
  /** This follower or candidate times out well before every other node: a clean election. */
  | { readonly type: 'spread-timers'; readonly node: NodeId }
  /** A message in flight, by its id (sim/message-control.ts): lost now, ... */
  | { readonly type: 'drop-message'; readonly id: number }
  /** ... sent twice (the copy arrives a tick later), ... */
  | { readonly type: 'duplicate-message'; readonly id: number }
  /** ... held back `ticks` more, ... */
  | { readonly type: 'delay-message'; readonly id: number; readonly ticks: number }
  /** ... or delivered now, at the current tick. */
  | { readonly type: 'deliver-message'; readonly id: number }
  /** Manual delivery: messages wait in the network until delivered by hand (deliver-message, deliver-next, deliver-all). */
  | { readonly type: 'set-manual-delivery'; readonly on: boolean }
  /** The first waiting message in the network's own order (one sent before this tick) arrives now. */
  | { readonly type: 'deliver-next' }
  /** Every waiting message sent before this tick arrives now, in the network's own order. */
  | { readonly type: 'deliver-all' }
  /** Freeze timers: no node's timers move (nothing times out, no heartbeat) until turned off. */
  | { readonly type: 'freeze-timers'; readonly on: boolean };

export type ActionType = Action['type'];
type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

/** Where a proposal went: the node it reached (null when there was no leader to send it to) and its answer. */
export interface Proposal {
  readonly node: NodeId | null;
  readonly result: ProposeResult;
}

/**
 * What acting returned: the action as validated and recorded (defaults filled in, inputs copied),
 * one sentence saying what it did, and for a proposal where it went. `type` tells the two apart.
 */
export type ActionResult =
  | ({ readonly type: 'proposed'; readonly action: Action; readonly summary: string } & Proposal)
  /** Add node or Remove node: what the leader made of the change (servers.ts MembershipAnswer). */
  | ({ readonly type: 'membership'; readonly action: Action; readonly summary: string } & MembershipAnswer)
  | { readonly type: 'done'; readonly action: Action; readonly summary: string };

/** What performing an action hands to its description: a proposal's answer, a membership change's, or nothing. */
type OutcomeOf<T extends ActionType> = T extends 'propose' ? Proposal : T extends 'add-node' | 'remove-node' ? MembershipAnswer : null;

/**
 * One entry per action type, so everything about an action lives in one place:
 * - validate: checks raw input against the state now and returns the action as it will be
 *   recorded; throws SimulationInputError and changes nothing when the input is bad;
 * - perform: carries it out (the action is valid for this state);
 * - describe: the English sentence the headless API and the CLI give afterwards, from the state
 *   after it was performed (the app words outcomes itself, in the user's language).
 */
interface ActionSpec<T extends ActionType> {
  readonly validate: (sim: SimState, input: Readonly<Record<string, unknown>>) => ActionOf<T>;
  readonly perform: (sim: SimState, action: ActionOf<T>) => OutcomeOf<T>;
  readonly describe: (sim: SimState, action: ActionOf<T>, outcome: OutcomeOf<T>) => string;
}

/** The id of a server of this run, retired ones included (the network and the read-outs still know them). */
export function requireNodeId(sim: SimState, field: string, value: unknown): NodeId {
  return requireInteger(field, value, { min: 1, max: sim.servers.length });
}

/** A server not retired by a removal (sim/cluster.ts). */
function requirePresent(sim: SimState, field: string, value: unknown, wanted: string): NodeId {
  const id = requireNodeId(sim, field, value);
  const removedAt = sim.servers[id - 1]!.removedAt;
  if (removedAt !== null) throw new SimulationInputError(field, wanted, `node ${id}, which was removed from the cluster at tick ${removedAt}`);
  return id;
}

function requireLive(sim: SimState, field: string, value: unknown): NodeId {
  const id = requirePresent(sim, field, value, 'a running node');
  if (sim.servers[id - 1]!.node === null) throw new SimulationInputError(field, 'a running node', `node ${id}, which is crashed`);
  return id;
}

/** A running follower or candidate: a node with an election timer. */
function requireTimed(sim: SimState, field: string, value: unknown): NodeId {
  const id = requireLive(sim, field, value);
  if (sim.servers[id - 1]!.node!.role === 'leader') throw new SimulationInputError(field, 'a running follower or candidate (a leader has no election timer)', `node ${id}, the leader`);
  return id;
}

/** A message in flight, by id; `arriving` also asks that the network has not already lost it. */
function requireInFlight(sim: SimState, value: unknown, options: { arriving: boolean; sentBefore?: boolean }): number {
  const id = requireInteger('id', value, { min: 1 });
  const item = findInFlight(sim.network, id);
  if (item === null) throw new SimulationInputError('id', 'the id of a message in flight', `message #${id}, which is not in flight`);
  if (options.arriving && item.dropReason !== null) throw new SimulationInputError('id', 'a message that will arrive', `message #${id}, which the network is losing (${item.dropReason})`);
  if (options.sentBefore === true && item.sentTick >= sim.tick) throw new SimulationInputError('id', 'a message sent before this tick (one sent now arrives at the earliest on the next)', `message #${id}, sent at tick ${item.sentTick}`);
  return id;
}

function describeMessageItem(sim: SimState, id: number): string {
  const item = findInFlight(sim.network, id);
  return item === null ? `message #${id}` : `${item.message.type} ${item.message.from}→${item.message.to} (#${id})`;
}

function requireSwitch(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new SimulationInputError(field, 'true or false', describeValue(value));
  return value;
}

/** The waiting messages that can arrive now (sent before this tick), in the network's own order. */
function deliverableHeld(sim: SimState): InFlight[] {
  return heldItems(sim.network).filter((item) => item.sentTick < sim.tick);
}

function requireDeliverable(sim: SimState): void {
  if (!sim.network.manual) throw new SimulationInputError('type', 'a delivery by hand while manual delivery is on', 'manual delivery off');
  if (deliverableHeld(sim).length === 0) {
    const waiting = heldItems(sim.network).length;
    throw new SimulationInputError('type', 'a waiting message sent before this tick', waiting === 0 ? 'no message waiting' : `${waiting} waiting, all sent at this tick (they can arrive from the next)`);
  }
}

/** The longest a timer can be set to: far beyond any election timeout a run uses. */
export const timerTicksMax = 1_000_000;

function validateAligned(sim: SimState, value: unknown): NodeId[] {
  if (!Array.isArray(value) || value.length < 2) throw new SimulationInputError('nodes', 'an array of at least two node ids', describeValue(value));
  const seen = new Set<NodeId>();
  return value.map((member: unknown, index) => {
    const id = requireTimed(sim, `nodes[${index}]`, member);
    if (seen.has(id)) throw new SimulationInputError(`nodes[${index}]`, 'a node listed once', `node ${id} again`);
    seen.add(id);
    return id;
  });
}

function describeTimers(sim: SimState, nodes: readonly NodeId[]): string {
  const firesAt = (id: NodeId) => {
    const node = sim.servers[id - 1]!.node!;
    return sim.tick + node.electionTimeout - node.electionElapsed;
  };
  const tick = firesAt(nodes[0]!);
  const others = sim.servers.filter((server) => server.node !== null && server.node.role !== 'leader' && !nodes.includes(server.id)).map((server) => firesAt(server.id));
  const rest = others.length === 0 ? '' : `; the others not before tick ${Math.min(...others)}`;
  return `${nodes.length === 1 ? `Node ${nodes[0]!} times out` : `Nodes ${nodes.join(', ')} time out together`} at tick ${tick}${rest}`;
}

/** A running node other than the leader, to hand leadership to: there must be a leader now. */
function requireTransferTarget(sim: SimState, value: unknown): NodeId {
  const id = requireLive(sim, 'node', value);
  const leader = currentLeader(sim);
  if (leader === null) throw new SimulationInputError('node', 'a node to hand leadership to while a leader is in office', 'no leader right now');
  if (leader === id) throw new SimulationInputError('node', 'a node other than the leader', `node ${id}, the leader`);
  return id;
}

function describeTransfer(sim: SimState, target: NodeId): string {
  const leader = currentLeader(sim);
  const node = leader === null ? null : sim.servers[leader - 1]!.node!;
  if (node === null || node.transfer?.target !== target) return `Leadership transfer to node ${target} asked`;
  return `Node ${leader} (leader, term ${node.term}) hands its leadership to node ${target}: no proposals until node ${target} catches up and is told to stand (TimeoutNow)`;
}

function requireRoomForServer(sim: SimState): void {
  if (sim.servers.length >= serverCountMax) throw new SimulationInputError('type', `at most ${serverCountMax} servers in a run`, `${sim.servers.length} already`);
}

/** Why a leader refuses a membership change, in the words the app's English catalogue uses too. */
function refusalWords(refusal: NonNullable<MembershipAnswer['refusal']>): string {
  switch (refusal.reason) {
    case 'not-leader':
      return 'only the leader changes the configuration';
    case 'transferring':
      return 'it is handing over its leadership';
    case 'pending':
      return `configuration entry ${refusal.pendingIndex ?? '?'} has not committed yet (one change at a time)`;
    case 'no-commit-in-term':
      return 'it has not committed an entry of its own term yet';
    case 'already-member':
      return 'it is already a member';
    case 'not-a-learner':
      return 'it is not a learner';
    case 'last-voter':
      return 'it is the last voter';
    case 'not-a-member':
      return 'it is not a member';
  }
}

/** What the leader made of a membership change just asked: the entry it appended, or why it refused. */
function describeMembershipChange(answer: MembershipAnswer): string {
  const { kind, node } = answer.change;
  if (answer.leader === null) return `No leader right now: nobody to ${kind} node ${node}. Wait for an election to finish.`;
  if (answer.refusal !== null) return `Node ${answer.leader} refused to ${kind} node ${node}: ${refusalWords(answer.refusal)}`;
  const { voters, learners, index } = answer.configuration;
  const then = kind === 'add' ? `node ${node} joins as a learner and becomes a voter once it has caught up` : `node ${node} leaves the cluster and shuts down once the change is applied`;
  return `Node ${answer.leader} (leader) appended the change at index ${index}: ${then}; voters {${voters.join(', ')}}${learners.length > 0 ? `, learners {${learners.join(', ')}}` : ''}`;
}

function requireCrashed(sim: SimState, field: string, value: unknown): NodeId {
  const id = requirePresent(sim, field, value, 'a crashed node');
  if (sim.servers[id - 1]!.node !== null) throw new SimulationInputError(field, 'a crashed node', `node ${id}, which is running`);
  return id;
}

export function validateCommand(value: unknown, field = 'command'): ClientCommand {
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

function validateLink<T extends 'cut-link' | 'restore-link'>(type: T, sim: SimState, input: Readonly<Record<string, unknown>>): ActionOf<T> {
  const from = requireNodeId(sim, 'from', input.from);
  const to = requireNodeId(sim, 'to', input.to);
  if (from === to) throw new SimulationInputError('to', 'a node other than from', `node ${to}`);
  return { type, from, to, bothWays: input.bothWays === undefined ? true : input.bothWays === true } as ActionOf<T>;
}

function performLink(sim: SimState, action: ActionOf<'cut-link' | 'restore-link'>): null {
  const cut = action.type === 'cut-link';
  const eventType = cut ? 'link-cut' : 'link-restored';
  setLink(sim.network, { from: action.from, to: action.to, cut });
  record(sim, null, { type: eventType, from: action.from, to: action.to });
  if (action.bothWays) {
    setLink(sim.network, { from: action.to, to: action.from, cut });
    record(sim, null, { type: eventType, from: action.to, to: action.from });
  }
  return null;
}

function describeLink(action: ActionOf<'cut-link' | 'restore-link'>): string {
  const arrow = action.bothWays ? '↔' : '→';
  return `Link ${action.from}${arrow}${action.to} ${action.type === 'cut-link' ? 'cut' : 'restored'}`;
}

function recordPartition(sim: SimState): null {
  record(sim, null, { type: 'partition-changed', groups: partitionGroups(sim.network, presentIds(sim)) });
  return null;
}

function describeGroups(sim: SimState): string {
  return partitionGroups(sim.network, presentIds(sim))
    .map((group) => `{${group.join(', ')}}`)
    .join(' | ');
}

function describeNetwork(network: NetworkConfig): string {
  return `latency ${network.delayTicksMin}-${network.delayTicksMax} ticks, loss ${network.dropRatio}, duplicates ${network.duplicateRatio}, reorder ${network.reorderRatio}`;
}

function describeProposal(sim: SimState, proposal: Proposal | null): string {
  if (proposal === null || proposal.node === null) return 'No leader right now: the proposal was not sent. Wait for an election to finish.';
  const { node, result } = proposal;
  if (result.isLeader) {
    const raft = sim.servers[node - 1]!.node!;
    const entry = raft.log.entries[result.index - raft.log.snapshot.index - 1];
    const what = entry === undefined ? 'the command' : describeCommand(entry.command);
    return `Node ${node} (leader, term ${result.term}) appended ${what} at index ${result.index}; it commits once a majority stores it`;
  }
  const role = sim.servers[node - 1]!.node?.role ?? 'crashed';
  const hint = result.leaderHint === null ? 'no leader known' : `leader is node ${result.leaderHint}`;
  return `Node ${node} is a ${role}: not leader, ${hint}`;
}

const noLeader: Proposal = { node: null, result: { index: -1, term: 0, isLeader: false, leaderHint: null } };

export const actionTable: { readonly [T in ActionType]: ActionSpec<T> } = {
  crash: {
    validate: (sim, input) => ({ type: 'crash', node: requireLive(sim, 'node', input.node) }),
    perform: (sim, action) => (crash(sim, action.node), null),
    describe: (_sim, action) => `Node ${action.node} crashed: only what it wrote to disk survives`,
  },
  restart: {
    validate: (sim, input) => ({ type: 'restart', node: requireCrashed(sim, 'node', input.node) }),
    perform: (sim, action) => (restart(sim, action.node), null),
    describe: (_sim, action) => `Node ${action.node} restarted from its disk as a follower`,
  },
  campaign: {
    validate: (sim, input) => ({ type: 'campaign', node: requireLive(sim, 'node', input.node) }),
    perform: (sim, action) => (campaign(sim, action.node), null),
    describe: (_sim, action) => `Node ${action.node} starts an election`,
  },
  'transfer-leadership': {
    validate: (sim, input) => ({ type: 'transfer-leadership', node: requireTransferTarget(sim, input.node) }),
    perform: (sim, action) => (transferLeadership(sim, currentLeader(sim)!, action.node), null),
    describe: (sim, action) => describeTransfer(sim, action.node),
  },
  'add-node': {
    validate: (sim) => (requireRoomForServer(sim), { type: 'add-node' }),
    perform: (sim) => addNode(sim),
    describe: (_sim, _action, answer) => describeMembershipChange(answer),
  },
  'remove-node': {
    validate: (sim, input) => ({ type: 'remove-node', node: requirePresent(sim, 'node', input.node, 'a node still in the cluster') }),
    perform: (sim, action) => removeNode(sim, action.node),
    describe: (_sim, _action, answer) => describeMembershipChange(answer),
  },
  'set-timer': {
    validate: (sim, input) => ({ type: 'set-timer', node: requireTimed(sim, 'node', input.node), ticks: requireInteger('ticks', input.ticks, { min: 1, max: timerTicksMax }) }),
    perform: (sim, action) => (setNodeTimer(sim, action.node, action.ticks), null),
    describe: (sim, action) => `Node ${action.node}'s election timer fires in ${action.ticks} tick${action.ticks === 1 ? '' : 's'}, at tick ${sim.tick + action.ticks}`,
  },
  'align-timers': {
    validate: (sim, input) => ({ type: 'align-timers', nodes: validateAligned(sim, input.nodes) }),
    perform: (sim, action) => (alignTimers(sim, action.nodes), null),
    describe: (sim, action) => describeTimers(sim, action.nodes),
  },
  'spread-timers': {
    validate: (sim, input) => ({ type: 'spread-timers', node: requireTimed(sim, 'node', input.node) }),
    perform: (sim, action) => (spreadTimers(sim, action.node), null),
    describe: (sim, action) => describeTimers(sim, [action.node]),
  },
  'drop-message': {
    validate: (sim, input) => ({ type: 'drop-message', id: requireInFlight(sim, input.id, { arriving: false }) }),
    perform: (sim, action) => (dropMessage(sim, action.id), null),
    describe: (_sim, action) => `Message #${action.id} dropped by hand: it never arrives`,
  },
  'duplicate-message': {
    validate: (sim, input) => ({ type: 'duplicate-message', id: requireInFlight(sim, input.id, { arriving: true }) }),
    perform: (sim, action) => (duplicateMessage(sim, action.id), null),
    describe: (sim, action) => `${describeMessageItem(sim, action.id)} duplicated: a copy arrives a tick after it`,
  },
  'delay-message': {
    validate: (sim, input) => ({ type: 'delay-message', id: requireInFlight(sim, input.id, { arriving: false }), ticks: requireInteger('ticks', input.ticks, { min: 1, max: timerTicksMax }) }),
    perform: (sim, action) => (delayMessage(sim, action.id, action.ticks), null),
    describe: (sim, action) => `${describeMessageItem(sim, action.id)} delayed by ${action.ticks} tick${action.ticks === 1 ? '' : 's'}: it now arrives at tick ${findInFlight(sim.network, action.id)?.deliverTick ?? '?'}`,
  },
  'deliver-message': {
    validate: (sim, input) => ({ type: 'deliver-message', id: requireInFlight(sim, input.id, { arriving: true, sentBefore: true }) }),
    perform: (sim, action) => (deliverMessage(sim, action.id), null),
    describe: (_sim, action) => `Message #${action.id} delivered by hand at this tick`,
  },
  'set-manual-delivery': {
    validate: (_sim, input) => ({ type: 'set-manual-delivery', on: requireSwitch('on', input.on) }),
    perform: (sim, action) => (setManualDelivery(sim.network, action.on, sim.tick), record(sim, null, { type: 'manual-delivery-changed', on: action.on, waiting: heldItems(sim.network).length }), null),
    describe: (sim, action) => (action.on ? `Manual delivery on: ${heldItems(sim.network).length} message(s) wait to be delivered by hand` : 'Manual delivery off: messages arrive by themselves again'),
  },
  'deliver-next': {
    validate: (sim) => (requireDeliverable(sim), { type: 'deliver-next' }),
    perform: (sim) => (deliverMessage(sim, deliverableHeld(sim)[0]!.id), null),
    describe: () => 'Delivered the next waiting message',
  },
  'deliver-all': {
    validate: (sim) => (requireDeliverable(sim), { type: 'deliver-all' }),
    perform: (sim) => {
      for (const item of deliverableHeld(sim)) deliverMessage(sim, item.id);
      return null;
    },
    describe: () => 'Delivered every waiting message sent before this tick',
  },
  'freeze-timers': {
    validate: (_sim, input) => ({ type: 'freeze-timers', on: requireSwitch('on', input.on) }),
    perform: (sim, action) => {
      sim.timersFrozen = action.on;
      record(sim, null, { type: 'timers-freeze-changed', on: action.on });
      return null;
    },
    describe: (_sim, action) => (action.on ? 'Timers frozen: nothing times out until they run again' : 'Timers run again'),
  },
  partition: {
    validate: (sim, input) => ({ type: 'partition', groups: validateGroups(sim, input.groups) }),
    perform: (sim, action) => (setPartition(sim.network, action.groups), recordPartition(sim)),
    describe: (sim) => `Network split: ${describeGroups(sim)}`,
  },
  isolate: {
    validate: (sim, input) => ({ type: 'isolate', node: requireNodeId(sim, 'node', input.node) }),
    perform: (sim, action) => (isolateNode(sim.network, action.node), recordPartition(sim)),
    describe: (sim, action) => `Node ${action.node} isolated: ${describeGroups(sim)}`,
  },
  rejoin: {
    validate: (sim, input) => ({ type: 'rejoin', node: requireNodeId(sim, 'node', input.node) }),
    perform: (sim, action) => (rejoinNode(sim.network, action.node, presentIds(sim)), recordPartition(sim)),
    describe: (sim, action) => `Node ${action.node} rejoined: ${describeGroups(sim)}`,
  },
  'cut-link': {
    validate: (sim, input) => validateLink('cut-link', sim, input),
    perform: performLink,
    describe: (_sim, action) => describeLink(action),
  },
  'restore-link': {
    validate: (sim, input) => validateLink('restore-link', sim, input),
    perform: performLink,
    describe: (_sim, action) => describeLink(action),
  },
  heal: {
    validate: () => ({ type: 'heal' }),
    perform: (sim) => (heal(sim.network), record(sim, null, { type: 'network-healed' }), null),
    describe: () => 'Network healed: every node can reach every other',
  },
  'configure-network': {
    validate: (sim, input) => {
      resolveNetworkConfig(input.network, sim.network.config);
      // Record a copy: the caller may reuse its object, and the run must keep what was applied.
      return { type: 'configure-network', network: { ...(input.network as Partial<NetworkConfig>) } };
    },
    perform: (sim, action) => {
      sim.network.config = resolveNetworkConfig(action.network, sim.network.config);
      record(sim, null, { type: 'network-configured', network: sim.network.config });
      return null;
    },
    describe: (sim) => `Network set to ${describeNetwork(sim.network.config)}`,
  },
  'configure-workload': {
    validate: (sim, input) => {
      resolveWorkload(input.workload, sim.workload);
      return { type: 'configure-workload', workload: { ...(input.workload as Partial<Workload>) } };
    },
    perform: (sim, action) => {
      sim.workload = resolveWorkload(action.workload, sim.workload);
      record(sim, null, { type: 'workload-configured', workload: sim.workload });
      return null;
    },
    describe: (sim) => {
      const every = sim.workload.proposeEveryTicks;
      return every === 0 ? 'Client load stopped' : `Client load: a put to the leader every ${every} ticks`;
    },
  },
  propose: {
    validate: (sim, input) => ({
      type: 'propose',
      node: input.node === 'leader' ? 'leader' : requireLive(sim, 'node', input.node),
      command: validateCommand(input.command),
    }),
    perform: (sim, action) => {
      const target = action.node === 'leader' ? currentLeader(sim) : action.node;
      return target === null ? noLeader : { node: target, result: propose(sim, target, [action.command]) };
    },
    describe: (sim, _action, proposal) => describeProposal(sim, proposal),
  },
  get: {
    validate: (sim, input) => ({
      type: 'get',
      node: input.node === 'leader' ? 'leader' : requireLive(sim, 'node', input.node),
      key: requireString('key', input.key),
    }),
    perform: (sim, action) => (read(sim, action.node === 'leader' ? currentLeader(sim) : action.node, action.key), null),
    describe: (sim) => describeRead(sim),
  },
};

/** The get just sent, as the headless API and the CLI word it. */
function describeRead(sim: SimState): string {
  const reads = sim.clientReads.reads;
  const read = reads[reads.length - 1]!;
  const what = `get ${read.key} (read ${read.id})`;
  if (read.node === null) return `No leader right now: ${what} was not sent. Wait for an election to finish.`;
  switch (read.state) {
    case 'refused':
      return `Node ${read.node} is not leader: ${what} refused, ${read.lead === null ? 'no leader known' : `leader is node ${read.lead}`}`;
    case 'awaiting-commit':
      return `Node ${read.node} takes ${what} once it has committed an entry of its term`;
    case 'confirming':
      return `Node ${read.node} confirms its leadership for ${what}: round ${read.round}, read index ${read.readIndex}`;
    case 'served':
      return `Node ${read.node} answered ${what}: ${read.value === null ? 'no such key' : JSON.stringify(read.value)}`;
    default:
      return `Node ${read.node} took ${what} at read index ${read.readIndex}${read.byLease ? ' (by lease)' : ''}`;
  }
}

/** Checks an action against the current state; throws SimulationInputError and changes nothing. */
export function validateAction(sim: SimState, value: unknown): Action {
  if (typeof value !== 'object' || value === null) throw new SimulationInputError('action', 'an action object', describeValue(value));
  const input = value as Readonly<Record<string, unknown>>;
  const spec = Object.hasOwn(actionTable, input.type as string) ? (actionTable[input.type as ActionType] as ActionSpec<ActionType>) : undefined;
  if (spec === undefined) throw new SimulationInputError('action.type', 'a known action type', describeValue(input.type));
  return spec.validate(sim, input);
}

/** Carries out an action already checked by validateAction, and says what it did. */
export function performAction(sim: SimState, action: Action): ActionResult {
  const spec = actionTable[action.type] as ActionSpec<ActionType>;
  let outcome: OutcomeOf<ActionType> = null;
  if (sim.halted === null) {
    guarded(sim, () => {
      outcome = spec.perform(sim, action);
      if (sim.retiring.length > 0) retireRemoved(sim);
      if (sim.options.checkNodeInvariants) checkTouched(sim.invariants, sim.servers);
    });
  }
  const halted = sim.halted;
  if (halted !== null) {
    const summary = `nothing: the run stopped at tick ${halted.tick} (${halted.reason})`;
    // A proposal to a stopped run reaches no node, as one with no leader to take it.
    if (action.type === 'propose') return { type: 'proposed', action, summary, node: null, result: { index: -1, term: 0, isLeader: false, leaderHint: null } };
    return { type: 'done', action, summary };
  }
  const made = outcome as OutcomeOf<ActionType>;
  const summary = spec.describe(sim, action, made);
  if (made === null) return { type: 'done', action, summary };
  return 'result' in made ? { type: 'proposed', action, summary, node: made.node, result: made.result } : { type: 'membership', action, summary, ...made };
}

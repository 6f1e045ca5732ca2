import type { ConfChangeRefusal } from '../raft/events.ts';
import { confChangeRefusal } from '../raft/membership.ts';
import type { ClientCommand, ConfChange, Configuration, LogIndex, NodeId } from '../raft/types.ts';
import type { Message } from '../raft/message.ts';
import { newNode } from '../raft/node.ts';
import { lastIndex } from '../raft/log.ts';
import { step } from '../raft/step.ts';
import type { ProposeResult } from '../raft/step-leader.ts';
import { propose as proposeOnNode } from '../raft/step-leader.ts';
import { addServer, initialVoters } from './cluster.ts';
import { handleReady } from './host.ts';
import { forgetNode, touch } from './invariants.ts';
import { kvFromSnapshot } from './kv.ts';
import { failReadsOnCrash, openRead } from './reads.ts';
import type { Server, SimState } from './world.ts';
import { currentLeader, record, serverOf } from './world.ts';

/**
 * What happens to a simulated machine from outside its Raft node: a message or a local command
 * stepped into it, a crash, a restart. Each runs the node's Ready at once and marks the node as
 * changed for the end-of-tick invariant checks.
 */
export function stepServer(sim: SimState, server: Server, message: Message): void {
  step(server.node!, message);
  afterChange(sim, server);
}

/** Carries out what a changed node wants done and queues its invariant check. */
export function afterChange(sim: SimState, server: Server): void {
  handleReady(sim, server);
  if (sim.options.checkNodeInvariants) touch(sim.invariants, server.id);
}

export function crash(sim: SimState, id: NodeId): void {
  const server = serverOf(sim, id);
  server.commitAtCrash = server.node?.log.committed ?? 0;
  failReadsOnCrash(sim, server);
  server.node = null;
  server.kv = new Map();
  server.crashedAt = sim.tick;
  sim.stats.crashes += 1;
  record(sim, id, { type: 'node-crashed' });
}

/** Rebuilds a crashed node from its disk alone: follower, commit and apply back at the snapshot. */
export function restart(sim: SimState, id: NodeId): void {
  const server = serverOf(sim, id);
  const { disk } = server;
  // The initial configuration; a later one is in the disk's log or snapshot (raft/membership-scan.ts).
  const node = newNode({ id, voters: initialVoters(sim, id), config: sim.options.raft, rng: server.rng, disk });
  // The unsafe switch keeps commitIndex across the restart, as RaftScope does.
  if (sim.options.raft.unsafeKeepCommitOnRestart) node.log.committed = Math.min(Math.max(server.commitAtCrash, node.log.committed), lastIndex(node.log));
  server.node = node;
  server.kv = kvFromSnapshot(disk.snapshot);
  server.crashedAt = null;
  sim.stats.restarts += 1;
  record(sim, id, {
    type: 'node-restarted',
    term: disk.term,
    vote: disk.vote,
    snapshotIndex: disk.snapshot.index,
    lastIndex: disk.snapshot.index + disk.entries.length,
  });
  if (sim.options.checkNodeInvariants) {
    forgetNode(sim.invariants, id);
    touch(sim.invariants, id);
  }
}

/** Offers client commands to a node (the lab's Start()); only a leader appends them. */
export function propose(sim: SimState, id: NodeId, commands: readonly ClientCommand[]): ProposeResult {
  const server = serverOf(sim, id);
  const result = proposeOnNode(server.node!, commands);
  afterChange(sim, server);
  return result;
}

/** A client's get sent to node `id` (null: nobody leads, so it goes nowhere); answered later (sim/reads.ts). */
export function read(sim: SimState, id: NodeId | null, key: string): void {
  const sent = openRead(sim, key, id);
  if (id !== null) stepServer(sim, serverOf(sim, id), { type: 'MsgReadIndex', id: sent.id });
}

/** Asks the leader `leader` to hand its leadership to `target` (raft/transfer.ts). */
export function transferLeadership(sim: SimState, leader: NodeId, target: NodeId): void {
  stepServer(sim, serverOf(sim, leader), { type: 'MsgTransferLeader', target });
}

/** Makes a node start an election now, as if its election timer had fired. */
export function campaign(sim: SimState, id: NodeId): void {
  stepServer(sim, serverOf(sim, id), { type: 'MsgHup' });
}

/**
 * What the leader made of a membership change: the configuration it now uses (with the new
 * entry's index), or why it refused. `leader` is null when nobody led, so nobody was asked.
 */
/** The changes a user asks for; promotion is the leader's own (raft/membership.ts). */
export interface UserConfChange extends ConfChange {
  readonly kind: 'add' | 'remove';
}

export interface MembershipAnswer {
  readonly change: UserConfChange;
  readonly leader: NodeId | null;
  readonly refusal: { readonly reason: ConfChangeRefusal; readonly pendingIndex?: LogIndex } | null;
  readonly configuration: Configuration & { readonly index: LogIndex };
}

/**
 * Add node: a new server with the next id, added by the leader as a learner. The machine starts
 * only if the leader takes the change; a refused change is still stepped into the leader, so
 * its refusal (config-refused, with the reason) is in the run's events as Raft gave it.
 */
export function addNode(sim: SimState): MembershipAnswer {
  return changeMembership(sim, { kind: 'add', node: sim.servers.length + 1 });
}

/** Remove node: the leader appends the removal; the server is retired once it is applied (sim/cluster.ts). */
export function removeNode(sim: SimState, id: NodeId): MembershipAnswer {
  return changeMembership(sim, { kind: 'remove', node: id });
}

function changeMembership(sim: SimState, change: UserConfChange): MembershipAnswer {
  const leader = currentLeader(sim);
  if (leader === null) return { change, leader, refusal: null, configuration: { voters: [], learners: [], index: 0 } };
  const server = serverOf(sim, leader);
  const refusal = confChangeRefusal(server.node!, change);
  if (refusal === null && change.kind === 'add') addServer(sim);
  stepServer(sim, server, { type: 'MsgConfChange', change });
  return { change, leader, refusal, configuration: server.node!.membership };
}

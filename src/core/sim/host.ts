import { broken } from '../base/assert.ts';
import { lastIndex, termAt } from '../raft/log.ts';
import { membershipAt } from '../raft/membership-scan.ts';
import type { RaftNode } from '../raft/node.ts';
import type { Ready } from '../raft/ready.ts';
import { advance, compactionDue, compactLog, hasReady, ready, snapshotIndexDue } from '../raft/ready.ts';
import type { RemoteMessage } from '../raft/message.ts';
import { noteRemovalApplied } from './cluster.ts';
import { diskLastIndex, writeEntries, writeSnapshot } from './disk.ts';
import { messageDuplicated, messageSent } from './event-log.ts';
import { applyCommand, kvFromSnapshot, kvPairs } from './kv.ts';
import { maybeDuplicate, sendMessage } from './network.ts';
import { takeReadStates, trackReadEvents } from './reads.ts';
import type { Server, SimState } from './world.ts';
import { pruneChecker, record, recordMessage } from './world.ts';

/**
 * The simulated machine around a Raft node: it carries out the node's Ready (raft/ready.ts) in
 * the order Raft's safety needs, then acknowledges it:
 *   1. record what the node decided (its events),
 *   2. persist: hard state, an installed snapshot, new or replaced entries,
 *   3. send its messages (only now, so nothing promised is lost to a crash),
 *   4. load an installed snapshot into the key-value store, apply newly committed entries, and
 *      answer the confirmed reads whose index is now applied (sim/reads.ts),
 *   5. advance the node, then compact its log once enough applied entries piled up.
 * Crashes happen only between ticks, so a write here is never torn.
 */
export function handleReady(sim: SimState, server: Server): void {
  const node = server.node!;
  if (!hasReady(node)) return;
  const rd = ready(node);
  const events = rd.events;
  for (let i = 0; i < events.length; i += 1) record(sim, node.id, events[i]!);
  if (sim.clientReads.open > 0) trackReadEvents(sim, events);
  persist(sim, server, rd);
  const messages = rd.messages;
  for (let i = 0; i < messages.length; i += 1) send(sim, messages[i]!);
  apply(sim, server, rd);
  if (rd.readStates.length > 0 || (server.waitingReads.length > 0 && (rd.committedEntries.length > 0 || rd.snapshot !== null))) {
    const applied = rd.committedEntries.length > 0 ? rd.committedEntries[rd.committedEntries.length - 1]!.index : node.log.applied;
    takeReadStates(sim, server, rd.readStates, applied);
  }
  advance(node, rd);
  if (compactionDue(node)) compactServer(sim, server, node);
}

function persist(sim: SimState, server: Server, rd: Ready): void {
  const { hardState, snapshot, entries } = rd;
  if (hardState === null && snapshot === null && entries.length === 0) return;
  const disk = server.disk;
  if (hardState !== null) {
    disk.term = hardState.term;
    // The unsafe forget-vote switch never writes votedFor, so a restart forgets it.
    disk.vote = server.node!.config.unsafeForgetVote ? null : hardState.vote;
  }
  if (snapshot !== null) writeSnapshot(disk, snapshot);
  if (entries.length > 0) writeEntries(disk, entries);
  disk.writes += 1;
  // Pair the write with a read-back check: the disk now ends where the node's log does.
  const node = server.node!;
  if (!(diskLastIndex(disk) === lastIndex(node.log))) throw broken(`node ${node.id}: disk ends at ${diskLastIndex(disk)}, log at ${lastIndex(node.log)}`);
  record(sim, node.id, {
    type: 'persisted',
    term: disk.term,
    vote: disk.vote,
    entriesFrom: entries.length > 0 ? entries[0]!.index : null,
    entriesTo: entries.length > 0 ? entries[entries.length - 1]!.index : null,
    snapshotIndex: snapshot?.index ?? null,
  });
}

function send(sim: SimState, message: RemoteMessage): void {
  sim.stats.sent[message.type] += 1;
  const original = sendMessage(sim.network, message, sim.tick);
  recordMessage(sim, messageSent, original, message.from);
  const copy = maybeDuplicate(sim.network, original, sim.tick);
  if (copy !== null) {
    sim.stats.duplicated[message.type] += 1;
    recordMessage(sim, messageDuplicated, copy, message.from);
  }
}

function apply(sim: SimState, server: Server, rd: Ready): void {
  const id = server.id;
  if (rd.snapshot !== null) {
    server.kv = kvFromSnapshot(rd.snapshot);
    record(sim, id, { type: 'state-restored', snapshotIndex: rd.snapshot.index });
  }
  const entries = rd.committedEntries;
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i]!;
    const command = entry.command;
    applyCommand(server.kv, command);
    if (command.type === 'config' && command.change === 'remove') noteRemovalApplied(sim, command.node);
    record(sim, id, { type: 'applied', index: entry.index, term: entry.term, command });
  }
}

/** Snapshots the state machine at the applied index and compacts the node's log and disk to it. */
function compactServer(sim: SimState, server: Server, node: RaftNode): void {
  const index = snapshotIndexDue(node);
  const membership = membershipAt(node, index);
  const snapshot = { index, term: termAt(node.log, index)!, data: kvPairs(server.kv), ...(membership === undefined ? {} : { membership }) };
  const entriesDropped = compactLog(node, snapshot);
  writeSnapshot(server.disk, snapshot);
  server.disk.writes += 1;
  record(sim, node.id, { type: 'snapshot-taken', index: snapshot.index, term: snapshot.term, entriesDropped });
  pruneChecker(sim);
}

import { compact, entryAt, lastIndex, slice, termAt } from '../raft/log.ts';
import type { RaftNode } from '../raft/node.ts';
import { broken } from '../raft/types.ts';
import type { Server, SimState } from './cluster.ts';
import { pruneChecker, record } from './cluster.ts';
import { diskLastIndex, writeEntries, writeSnapshot } from './disk.ts';
import { applyCommand, kvFromSnapshot, kvPairs } from './kv.ts';
import { sendMessage } from './network.ts';

/**
 * The Ready cycle, in the order Raft's safety needs (etcd's Ready/Advance):
 *   1. report what the node decided (its events),
 *   2. persist: hard state, new or replaced entries, an installed snapshot,
 *   3. send its messages (only now, so nothing promised is lost to a crash),
 *   4. apply newly committed entries to the key-value store,
 *   5. compact the log once enough applied entries piled up.
 * Crashes happen only between ticks, so a write here is never torn.
 */
export function drainReady(sim: SimState, server: Server, node: RaftNode): void {
  const events = node.events;
  // Recording never steps the node, so the buffer can be drained in place and reused.
  if (events.length > 0) {
    for (let i = 0; i < events.length; i += 1) record(sim, node.id, events[i]!);
    events.length = 0;
  }
  persist(sim, server, node);
  const outbox = node.outbox;
  if (outbox.length > 0) {
    for (let i = 0; i < outbox.length; i += 1) send(sim, outbox[i]!);
    outbox.length = 0;
  }
  apply(sim, server, node);
  maybeCompact(sim, server, node);
}

function persist(sim: SimState, server: Server, node: RaftNode): void {
  const { disk } = server;
  const last = lastIndex(node.log);
  const snapshot = node.snapshotToInstall;
  const hardStateChanged = node.term !== node.persisted.term || node.vote !== node.persisted.vote;
  const logChanged = snapshot !== null || node.log.stabled < last || diskLastIndex(disk) !== last;
  if (!hardStateChanged && !logChanged) return;
  let entriesFrom: number | null = null;
  if (snapshot !== null) {
    writeSnapshot(disk, snapshot, node.log.entries);
  } else if (logChanged) {
    entriesFrom = node.log.stabled + 1;
    writeEntries(disk, { durableThrough: node.log.stabled, entries: slice(node.log, entriesFrom, last) });
  }
  disk.term = node.term;
  disk.vote = node.vote;
  disk.writes += 1;
  node.persisted.term = node.term;
  node.persisted.vote = node.vote;
  node.log.stabled = last;
  // Pair the write with a read-back check: the disk now agrees with the node.
  if (!(diskLastIndex(disk) === last)) throw broken(`node ${node.id}: disk ends at ${diskLastIndex(disk)}, log at ${last}`);
  record(sim, node.id, {
    type: 'persisted',
    term: node.term,
    vote: node.vote,
    entriesFrom: entriesFrom !== null && entriesFrom <= last ? entriesFrom : null,
    entriesTo: entriesFrom !== null && entriesFrom <= last ? last : null,
    snapshotIndex: snapshot?.index ?? null,
  });
}

function send(sim: SimState, message: Parameters<typeof sendMessage>[1]): void {
  sim.stats.sent[message.type] += 1;
  const [original, copy] = sendMessage(sim.network, message, sim.tick);
  record(sim, message.from, { type: 'message-sent', id: original!.id, message, deliverTick: original!.deliverTick, doomed: original!.doomed });
  if (copy !== undefined) {
    sim.stats.duplicated[message.type] += 1;
    record(sim, message.from, { type: 'message-duplicated', id: copy.id, copyOf: original!.id, message, deliverTick: copy.deliverTick });
  }
}

function apply(sim: SimState, server: Server, node: RaftNode): void {
  const snapshot = node.snapshotToInstall;
  if (snapshot !== null) {
    node.snapshotToInstall = null;
    server.kv = kvFromSnapshot(snapshot);
    record(sim, node.id, { type: 'state-restored', snapshotIndex: snapshot.index });
  }
  const log = node.log;
  while (log.applied < log.committed) {
    const entry = entryAt(log, log.applied + 1);
    if (!(entry !== undefined)) throw broken(`node ${node.id}: committed entry ${log.applied + 1} missing`);
    applyCommand(server.kv, entry.command);
    log.applied = entry.index;
    record(sim, node.id, { type: 'applied', index: entry.index, term: entry.term, command: entry.command });
  }
}

function maybeCompact(sim: SimState, server: Server, node: RaftNode): void {
  const threshold = node.config.snapshotThresholdEntries;
  const log = node.log;
  if (threshold === 0 || log.applied - log.snapshot.index < threshold) return;
  const snapshot = { index: log.applied, term: termAt(log, log.applied)!, data: kvPairs(server.kv) };
  const entriesDropped = compact(log, snapshot);
  writeSnapshot(server.disk, snapshot, log.entries);
  server.disk.writes += 1;
  record(sim, node.id, { type: 'snapshot-taken', index: snapshot.index, term: snapshot.term, entriesDropped });
  pruneChecker(sim);
}

import type { NodeEvent } from '../raft/events.ts';
import type { ReadState } from '../raft/read-index.ts';
import type { LogIndex, NodeId } from '../raft/types.ts';
import type { ClientRead, ClientReadState } from './read-records.ts';
import { finishedKept } from './read-records.ts';
export type { ClientRead, ClientReadState, ClientReads, WaitingRead } from './read-records.ts';
import type { Server, SimState } from './world.ts';
import { record } from './world.ts';

/**
 * The client's gets (ReadIndex and lease reads, raft/read-index.ts), as the machines around the
 * nodes carry them out: a get goes to a node as MsgReadIndex with a number of its own; the node
 * hands back a ReadState once its leadership (or lease) is confirmed; the machine answers with
 * its state machine's value once it has applied the read's index.
 *
 * Every get is kept here until it is answered or fails, with the last few finished ones, so a
 * screen can show each one's confirmation round and answer.
 */
/** Registers a get sent to `node` (null: nobody leads) and records it; returns its id. */
export function openRead(sim: SimState, key: string, node: NodeId | null): ClientRead {
  const reads = sim.clientReads;
  reads.issued += 1;
  const read: ClientRead = { id: reads.issued, key, node, tick: sim.tick, state: 'confirming', readIndex: null, round: null, byLease: false, acks: [], value: null, doneTick: null, lead: null, failure: null };
  reads.reads.push(read);
  reads.open += 1;
  record(sim, node, { type: 'read-requested', id: read.id, key });
  if (node === null) finish(sim, read, 'refused');
  return read;
}

/** Follows what a node reported about reads (its Ready's events). */
export function trackReadEvents(sim: SimState, events: readonly NodeEvent[]): void {
  for (const event of events) {
    switch (event.type) {
      case 'read-refused': {
        const read = find(sim, event.id);
        if (read === undefined) break;
        read.lead = event.lead;
        finish(sim, read, 'refused');
        break;
      }
      case 'read-awaiting-commit':
        setState(sim, event.id, 'awaiting-commit');
        break;
      case 'read-round-started': {
        const read = setState(sim, event.id, 'confirming');
        if (read !== undefined) {
          read.readIndex = event.readIndex;
          read.round = event.round;
        }
        break;
      }
      case 'read-confirmed': {
        const read = setState(sim, event.id, 'applying');
        if (read !== undefined) read.acks = [...event.acks];
        break;
      }
      case 'read-by-lease': {
        const read = setState(sim, event.id, 'applying');
        if (read !== undefined) {
          read.readIndex = event.readIndex;
          read.byLease = true;
        }
        break;
      }
      case 'read-aborted':
        for (const id of event.ids) {
          const read = find(sim, id);
          if (read === undefined) continue;
          read.failure = 'stepped-down';
          finish(sim, read, 'failed');
        }
        break;
      default:
        break;
    }
  }
}

/**
 * Takes the node's newly confirmed reads, then answers every waiting read whose index the state
 * machine has applied (`applied`: as of this Ready, entries and snapshot included).
 */
export function takeReadStates(sim: SimState, server: Server, readStates: readonly ReadState[], applied: LogIndex): void {
  for (const state of readStates) {
    const read = find(sim, state.id);
    if (read !== undefined) server.waitingReads.push({ id: state.id, index: state.index, key: read.key });
  }
  const waiting = server.waitingReads;
  let kept = 0;
  for (const item of waiting) {
    if (item.index > applied) {
      waiting[kept++] = item;
      continue;
    }
    const value = server.kv.get(item.key) ?? null;
    record(sim, server.id, { type: 'read-served', id: item.id, key: item.key, value, readIndex: item.index, applied });
    const read = find(sim, item.id);
    if (read !== undefined) {
      read.value = value;
      finish(sim, read, 'served');
    }
  }
  waiting.length = kept;
}

/** A crash loses every read the machine or its node held. */
export function failReadsOnCrash(sim: SimState, server: Server): void {
  server.waitingReads = [];
  for (const read of sim.clientReads.reads) {
    if (read.node !== server.id || read.doneTick !== null) continue;
    read.failure = 'crashed';
    finish(sim, read, 'failed');
  }
}

function find(sim: SimState, id: number): ClientRead | undefined {
  return sim.clientReads.reads.find((read) => read.id === id);
}

function setState(sim: SimState, id: number, state: ClientReadState): ClientRead | undefined {
  const read = find(sim, id);
  if (read !== undefined && read.doneTick === null) read.state = state;
  return read;
}

function finish(sim: SimState, read: ClientRead, state: ClientReadState): void {
  if (read.doneTick !== null) return;
  read.state = state;
  read.doneTick = sim.tick;
  const reads = sim.clientReads;
  reads.open -= 1;
  // Keep every unfinished get and the last few finished ones.
  let finished = reads.reads.filter((other) => other.doneTick !== null).length;
  if (finished <= finishedKept) return;
  reads.reads = reads.reads.filter((other) => other.doneTick === null || finished-- <= finishedKept);
}

/**
 * A run's client history, for the linearizability check (core/linearizability.ts), read off the
 * event stream so that any run, replayed, gives the same history.
 *
 *   A write (put or delete) is invoked when a leader accepts it at (index, term), and completes
 *   when that same node applies that same entry: that is when the node would answer its client,
 *   as a 6.824 key-value server answers once its applyCh delivers the index it was handed. If the
 *   node applies another entry there, or crashes first, the client never hears back: the write
 *   may or may not have happened (complete null).
 *   A proposal a follower refused was never invoked: nothing can have happened.
 *
 * Reads. A client's get (ReadIndex or a lease read, sim/reads.ts) is invoked when it reaches a
 * node and completes when that node answers it, with the value it gave. A get that was refused
 * or failed had no effect and told the client nothing, so it is left out.
 * Then there are the reads of the final state: when a run ends, every running node whose state
 * machine has caught up with everything committed anywhere answers a get for every key the
 * history touched. Those gets catch "acknowledged but lost": a write a client was told succeeded
 * that no node's state shows. docs/fuzzing.md says what is and is not checked.
 */
import type { HistoryEntry, KvOperation } from '../linearizability.ts';
import type { LogIndex, NodeId, Term, Tick } from '../raft/types.ts';
import type { SimEvent, Topic } from '../sim/events.ts';
import type { Simulation } from '../simulation.ts';

/** The topics the recorder reads: proposals and gets, applies, crashes. */
export const historyTopics: readonly Topic[] = ['CLNT', 'APPL', 'FAULT'];

interface Pending {
  readonly id: number;
  readonly node: NodeId;
  readonly index: LogIndex;
  readonly term: Term;
}

export class HistoryRecorder {
  private readonly entries: { id: number; operation: KvOperation; invoke: Tick; complete: Tick | null }[] = [];
  /** Writes waiting for their node to apply them, by node then index. */
  private readonly pending = new Map<NodeId, Map<LogIndex, Pending>>();
  private readonly keys = new Set<string>();
  /** Gets sent and not yet answered: when each was invoked, by read id. */
  private readonly readsInvoked = new Map<number, Tick>();
  private readsServed = 0;
  private seen = 0;

  /** Reads every event since the last call; call often enough that the event log keeps them all. */
  drain(simulation: Simulation): void {
    for (const event of simulation.events({ afterSeq: this.seen, topics: historyTopics })) this.observe(event);
    this.seen = simulation.lastEventSeq;
  }

  observe(event: SimEvent): void {
    switch (event.type) {
      case 'proposal-accepted': {
        const { command } = event;
        if (command.type === 'noop' || command.type === 'config' || event.node === null) return;
        const operation: KvOperation = command.type === 'put' ? { kind: 'put', key: command.key, value: command.value } : { kind: 'delete', key: command.key };
        const id = this.entries.length;
        this.entries.push({ id, operation, invoke: event.tick, complete: null });
        this.keys.add(command.key);
        let byIndex = this.pending.get(event.node);
        if (byIndex === undefined) this.pending.set(event.node, (byIndex = new Map<LogIndex, Pending>()));
        byIndex.set(event.index, { id, node: event.node, index: event.index, term: event.term });
        return;
      }
      case 'applied': {
        const byIndex = event.node === null ? undefined : this.pending.get(event.node);
        const waiting = byIndex?.get(event.index);
        if (waiting === undefined) return;
        byIndex!.delete(event.index);
        // Another entry at that index: the client's write was replaced, and it never hears back.
        if (waiting.term === event.term) this.entries[waiting.id]!.complete = event.tick;
        return;
      }
      case 'node-crashed':
        if (event.node !== null) this.pending.delete(event.node);
        return;
      case 'read-requested':
        if (event.node !== null) this.readsInvoked.set(event.id, event.tick);
        return;
      case 'read-served': {
        const invoke = this.readsInvoked.get(event.id);
        if (invoke === undefined) return;
        this.readsInvoked.delete(event.id);
        this.entries.push({ id: this.entries.length, operation: { kind: 'get', key: event.key, value: event.value }, invoke, complete: event.tick });
        this.keys.add(event.key);
        this.readsServed += 1;
        return;
      }
      default:
        return;
    }
  }

  /** Writes recorded so far. */
  get writes(): number {
    return this.entries.length - this.readsServed;
  }

  /** Writes a client was told succeeded. */
  get acknowledged(): number {
    return this.entries.filter((entry) => entry.complete !== null && entry.operation.kind !== 'get').length;
  }

  /** Clients' gets answered so far. */
  get reads(): number {
    return this.readsServed;
  }

  /**
   * The history with the final reads added: every running node that has applied the highest
   * commit index anywhere answers a get of each key at `simulation.tick`.
   */
  history(simulation: Simulation): HistoryEntry[] {
    this.drain(simulation);
    const history: HistoryEntry[] = this.entries.map((entry) => ({ ...entry }));
    const committed = simulation.stats().highestCommittedIndex;
    const keys = [...this.keys].sort();
    for (const id of simulation.nodeIds) {
      if (!simulation.isAlive(id) || simulation.nodeState(id).lastApplied < committed) continue;
      for (const key of keys) {
        history.push({ id: history.length, operation: { kind: 'get', key, value: simulation.get(id, key) ?? null }, invoke: simulation.tick, complete: simulation.tick });
      }
    }
    return history;
  }
}

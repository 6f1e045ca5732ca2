/**
 * The cluster view as the worker posts it: the same information as a ClusterView, in about a
 * seventh of the size. A frame is structured-cloned to the page up to 60 times a second, and a
 * loaded 9-node cluster's ClusterView is about 36 KB of JSON (5 KB as a WireView), mostly field
 * names, log entries repeated across nodes and messages, and message payloads. The UI keeps working on ClusterView: the worker encodes
 * (encodeView), the store decodes (decodeView), and nothing else sees this format.
 *
 * How it is small:
 * - Nodes, logs, progress rows and messages are positional tuples, not objects; roles, message
 *   types and the like are small codes (wire-codes.ts); null in a number slot is -1.
 * - Log entries are sent once per frame, in one table, and named by (index, term). By Log
 *   Matching (§5.3), two logs holding an entry with the same index and term hold the same
 *   command there, so a node's window is just the terms of its entries:
 *
 *       index      5    6    7    8        table: 5/2 x=1 · 6/2 y=2 · 7/2 z=3 · 7/3 noop · 8/3 w=4
 *       node 1     2    2    3    3   ->   [2, 2, 3, 3]        (from index 5)
 *       node 2     2    2    2        ->   [2, 2, 2]
 *       node 3          2             ->   [0, 2]              (0: no entry at 5)
 *
 *   The entries a MsgApp carries go through the same table (they are mostly the leader's latest
 *   ones), so every entry the screen shows arrives exactly.
 * - A message's summary line is rebuilt on arrival (describeMessage); it travels only where
 *   the rebuilt text would differ, as for a MsgApp whose entries the worker cut short.
 *
 * What is left out: a MsgSnap's key-value pairs, except for the selected message (the only one
 * whose payload the screen shows). Every other field decodes to exactly what was encoded.
 */
import type { ClusterView, Command, ConfigCommand, Entry, LogIndex, MessageView, NodeId, NodeView, RemoteMessage, Term, Tick, Violation, Stall, Halt } from '../core/index.ts';
import { describeMessage, sameCommand } from './vocabulary.ts';
import { dropReasonCodes, fromAbsent, messageTypeCodes, networkConfigCodec, orAbsent, progressStateCodes, raftConfigCodec, roleCodes, statsCodec } from './wire-codes.ts';

/**
 * A view on the wire. decodeView(encodeView(view, { selectedMessage })) equals `view` in every
 * field, except that a MsgSnap in flight other than the selected message arrives with no
 * key-value pairs (`message.snapshot.data` is empty; its index and term, which the summary
 * shows, are kept). Only the details panel reads the pairs, and it shows the selected message.
 */
export interface WireView {
  readonly tick: Tick;
  readonly seed: number;
  /** The index at position 0 of every node's log window. */
  readonly logFrom: LogIndex;
  /** Every entry the frame shows, once per (index, term). */
  readonly entries: readonly WireEntry[];
  readonly nodes: readonly WireNode[];
  readonly inFlight: readonly WireMessage[];
  /** The selected message in flight, whole. */
  readonly selected: { readonly id: number; readonly message: RemoteMessage } | null;
  readonly partition: readonly (readonly NodeId[])[];
  readonly cutLinks: readonly (readonly [from: NodeId, to: NodeId])[];
  readonly quorum: number;
  readonly leader: readonly [id: NodeId, term: Term] | null;
  readonly network: readonly number[];
  readonly raft: readonly (number | boolean)[];
  /** The steady client: [proposeEveryTicks, keys]. */
  readonly workload: readonly [proposeEveryTicks: number, keys: number];
  readonly stats: readonly number[];
  readonly violations: readonly Violation[];
  readonly violationCount: number;
  readonly stalls: readonly Stall[];
  readonly stallCount: number;
  readonly halted: Halt | null;
  /** The debugger's switches: [manual delivery, timers frozen]. */
  readonly delivery: readonly [manual: Flag, timersFrozen: Flag];
  /** The client's gets (at most a dozen or so, plain data): sent as they are, only when there are any. */
  readonly reads?: ClusterView['reads'];
}

/**
 * A command: 0 for a no-op, [key, value] for a put, [key] for a delete, and a configuration entry
 * as it is (rare, and small).
 */
export type WireCommand = 0 | readonly [key: string, value: string] | readonly [key: string] | ConfigCommand;
export type WireEntry = readonly [index: LogIndex, term: Term, command: WireCommand];
/**
 * An entry in a log window or a message: its term, with the index given by its position and the
 * command by the table (in a window, 0 is an index the node has no entry at). The whole entry
 * instead where the table holds another command for its (index, term): only a broken Log
 * Matching allows that, and the checker reports it, but the frame still shows what is there.
 */
export type WireEntryRef = Term | WireEntry;

type Flag = 0 | 1;
export type WireLog = readonly [snapshotIndex: LogIndex, snapshotTerm: Term, firstIndex: LogIndex, lastIndex: LogIndex, committed: LogIndex, applied: LogIndex, stabled: LogIndex, window: readonly WireEntryRef[]];
export type WireProgress = readonly [follower: NodeId, matchIndex: LogIndex, nextIndex: LogIndex, state: number, paused: Flag, inflight: number];
export type WireDisk = readonly [term: Term, vote: NodeId, snapshotIndex: LogIndex, lastIndex: LogIndex, writes: number];
export type WireNode = readonly [
  /** `alive`: 0 crashed, 1 running, 2 running and asking for pre-votes (PreVote). */
  id: NodeId, alive: 0 | 1 | 2, role: number, term: Term, vote: NodeId, lead: NodeId,
  electionElapsed: number, electionTimeout: number, heartbeatElapsed: number,
  log: WireLog,
  /** The voter's id, negated for a refusal. */
  votes: readonly number[],
  progress: readonly WireProgress[],
  kv: readonly (readonly [string, string])[],
  disk: WireDisk,
  crashedAt: Tick,
  /** The configuration the node uses as [index, voters, learners]; 0 while it is down. */
  membership: readonly [index: LogIndex, voters: readonly NodeId[], learners: readonly NodeId[]] | 0,
  /** When the node was removed from the cluster. */
  removedAt: Tick,
  /** Only while a leader hands over its leadership (else 0 when `lease` follows). */
  transfer?: readonly [target: NodeId, elapsed: number, limit: number] | 0,
  /** Only on a leader with lease reads on: the ticks of lease left. */
  lease?: number,
];

/** What each kind of message carries beyond its envelope. */
export interface WireBodies {
  /** Flags only when set: bit 1 a pre-vote, bit 2 a leadership transfer's election. */
  readonly MsgVote: readonly [lastLogIndex: LogIndex, lastLogTerm: Term] | readonly [lastLogIndex: LogIndex, lastLogTerm: Term, flags: number];
  /** Bit 1: granted; bit 2: the answer to a pre-vote. */
  readonly MsgVoteResp: number;
  /** Entry i is at index prevLogIndex + 1 + i. */
  /** `read`: the ReadIndex confirmation round, only when it carries one. */
  readonly MsgApp: readonly [prevLogIndex: LogIndex, prevLogTerm: Term, leaderCommit: LogIndex, entries: readonly WireEntryRef[], read?: number];
  readonly MsgAppResp: readonly [success: Flag, matchIndex: LogIndex, rejectedIndex: LogIndex, conflictTerm: Term, conflictIndex: LogIndex, read?: number];
  readonly MsgSnap: readonly [index: LogIndex, term: Term];
  readonly MsgSnapResp: LogIndex;
  readonly MsgTimeoutNow: 0;
}
export type WireBody = WireBodies[keyof WireBodies];
export type WireMessage =
  | readonly [id: number, type: number, from: NodeId, to: NodeId, term: Term, sentTick: Tick, deliverTick: Tick, dropReason: number, copyOf: number, flags: number, body: WireBody]
  | readonly [id: number, type: number, from: NodeId, to: NodeId, term: Term, sentTick: Tick, deliverTick: Tick, dropReason: number, copyOf: number, flags: number, body: WireBody, summary: string];

// ---------------------------------------------------------------------------------------------
// Encoding (in the worker)

/** The entries sent so far in this frame, by (index, term). */
interface EntryTable {
  readonly rows: WireEntry[];
  readonly commands: Map<string, Command>;
}

const entryKey = (index: LogIndex, term: Term): string => `${index}/${term}`;

export function encodeView(view: ClusterView, options: { selectedMessage: number | null }): WireView {
  const table: EntryTable = { rows: [], commands: new Map() };
  const logFrom = firstWindowIndex(view.nodes);
  const nodes = view.nodes.map((node) => encodeNode(node, logFrom, table));
  const inFlight = view.inFlight.map((item) => encodeMessage(item, table));
  const selected = view.inFlight.find((item) => item.id === options.selectedMessage);
  return {
    tick: view.tick,
    seed: view.seed,
    logFrom,
    entries: table.rows,
    nodes,
    inFlight,
    selected: selected === undefined ? null : { id: selected.id, message: selected.message },
    partition: view.partition,
    cutLinks: view.cutLinks.map((link) => [link.from, link.to]),
    quorum: view.quorum,
    leader: view.leader === null ? null : [view.leader.id, view.leader.term],
    network: networkConfigCodec.encode(view.network),
    raft: raftConfigCodec.encode(view.raft),
    workload: [view.workload.proposeEveryTicks, view.workload.keys],
    stats: statsCodec.encode(view.stats),
    violations: view.violations,
    violationCount: view.violationCount,
    stalls: view.stalls,
    stallCount: view.stallCount,
    halted: view.halted,
    delivery: [view.delivery.manual ? 1 : 0, view.delivery.timersFrozen ? 1 : 0],
    ...(view.reads.length === 0 ? {} : { reads: view.reads }),
  };
}

/** The lowest index in any node's window (1 when no window holds an entry). */
function firstWindowIndex(nodes: readonly NodeView[]): LogIndex {
  let first = Infinity;
  for (const node of nodes) first = Math.min(first, node.log.entries[0]?.index ?? Infinity);
  return first === Infinity ? 1 : first;
}

/** The reference to `entry`, expected at `index`: its term, once its command is in the table. */
function entryRef(table: EntryTable, entry: Entry, index: LogIndex): WireEntryRef {
  if (entry.index !== index || entry.term < 1) return wireEntry(entry);
  const key = entryKey(entry.index, entry.term);
  const known = table.commands.get(key);
  if (known === undefined) {
    table.commands.set(key, entry.command);
    table.rows.push(wireEntry(entry));
    return entry.term;
  }
  return sameCommand(known, entry.command) ? entry.term : wireEntry(entry);
}

function wireEntry(entry: Entry): WireEntry {
  const command = entry.command;
  return [entry.index, entry.term, command.type === 'noop' ? 0 : command.type === 'put' ? [command.key, command.value] : command.type === 'delete' ? [command.key] : command];
}

function encodeNode(node: NodeView, logFrom: LogIndex, table: EntryTable): WireNode {
  const log = node.log;
  const window: WireEntryRef[] = [];
  for (const entry of log.entries) {
    const position = entry.index - logFrom;
    if (position < window.length) throw new Error(`wire view: node ${node.id}'s log window is out of order at index ${entry.index}`);
    while (window.length < position) window.push(0);
    window.push(entryRef(table, entry, entry.index));
  }
  const disk = node.disk;
  const head = [
    node.id, node.alive ? (node.preCandidate === true ? 2 : 1) : 0, roleCodes.encode(node.role), node.term, orAbsent(node.vote), orAbsent(node.lead),
    node.electionElapsed, node.electionTimeout, node.heartbeatElapsed,
    [log.snapshotIndex, log.snapshotTerm, log.firstIndex, log.lastIndex, log.committed, log.applied, log.stabled, window],
    node.votes.map((vote) => (vote.granted ? vote.voter : -vote.voter)),
    node.progress.map((row): WireProgress => [row.follower, row.matchIndex, row.nextIndex, progressStateCodes.encode(row.state), row.paused ? 1 : 0, row.inflight]),
    node.kv,
    [disk.term, orAbsent(disk.vote), disk.snapshotIndex, disk.lastIndex, disk.writes],
    orAbsent(node.crashedAt),
    node.membership === undefined ? 0 : ([node.membership.index, node.membership.voters, node.membership.learners] as const),
    orAbsent(node.removedAt ?? null),
  ] as const;
  const transfer = node.transfer === undefined ? 0 : ([node.transfer.target, node.transfer.elapsed, node.transfer.limit] as const);
  if (node.lease !== undefined) return [...head, transfer, node.lease];
  return transfer === 0 ? head : [...head, transfer];
}

function encodeMessage(item: MessageView, table: EntryTable): WireMessage {
  const message = item.message;
  // The envelope is sent once: the view copies it from the message.
  if (message.type !== item.type) throw new Error(`wire view: message #${item.id} is a ${message.type} in a ${item.type} view`);
  if (message.from !== item.from || message.to !== item.to) throw new Error(`wire view: message #${item.id}'s ends differ from its view's`);
  if (message.term !== item.term) throw new Error(`wire view: message #${item.id}'s term differs from its view's`);
  const head = [
    item.id, messageTypeCodes.encode(item.type), item.from, item.to, item.term, item.sentTick, item.deliverTick,
    dropReasonCodes.encode(item.dropReason), orAbsent(item.copyOf), messageFlags(item), encodeBody(message, table),
  ] as const;
  return item.summary === describeMessage(message) ? head : [...head, item.summary];
}

function encodeBody(message: RemoteMessage, table: EntryTable): WireBody {
  switch (message.type) {
    case 'MsgVote': {
      const flags = (message.pre === true ? 1 : 0) + (message.transfer === true ? 2 : 0);
      return (flags === 0 ? [message.lastLogIndex, message.lastLogTerm] : [message.lastLogIndex, message.lastLogTerm, flags]) satisfies WireBodies['MsgVote'];
    }
    case 'MsgVoteResp':
      return (message.granted ? 1 : 0) + (message.pre === true ? 2 : 0);
    case 'MsgApp': {
      const entries = message.entries.map((entry, position) => entryRef(table, entry, message.prevLogIndex + 1 + position));
      const head = [message.prevLogIndex, message.prevLogTerm, message.leaderCommit, entries] as const;
      return (message.read === undefined ? head : [...head, message.read]) satisfies WireBodies['MsgApp'];
    }
    case 'MsgAppResp': {
      const head = [message.success ? 1 : 0, message.matchIndex, message.rejectedIndex, orAbsent(message.conflictTerm), orAbsent(message.conflictIndex)] as const;
      return (message.read === undefined ? head : [...head, message.read]) satisfies WireBodies['MsgAppResp'];
    }
    case 'MsgSnap':
      return [message.snapshot.index, message.snapshot.term] satisfies WireBodies['MsgSnap'];
    case 'MsgSnapResp':
      return message.matchIndex;
    case 'MsgTimeoutNow':
      return 0 satisfies WireBodies['MsgTimeoutNow'];
    default:
      throw new Error(`wire view: unexpected message ${JSON.stringify(message satisfies never)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Decoding (in the store)

type Entries = ReadonlyMap<string, Entry>;

export function decodeView(wire: WireView, table?: Entries): ClusterView {
  const entries: Entries = table ?? new Map(wire.entries.map((row) => [entryKey(row[0], row[1]), decodeEntry(row)]));
  return {
    tick: wire.tick,
    seed: wire.seed,
    nodes: wire.nodes.map((node) => decodeNode(node, wire.logFrom, entries)),
    inFlight: wire.inFlight.map((item) => decodeMessage(item, entries, wire.selected)),
    partition: wire.partition,
    cutLinks: wire.cutLinks.map(([from, to]) => ({ from, to })),
    quorum: wire.quorum,
    leader: wire.leader === null ? null : { id: wire.leader[0], term: wire.leader[1] },
    network: networkConfigCodec.decode(wire.network),
    raft: raftConfigCodec.decode(wire.raft),
    workload: { proposeEveryTicks: wire.workload[0], keys: wire.workload[1] },
    stats: statsCodec.decode(wire.stats),
    violations: wire.violations,
    violationCount: wire.violationCount,
    stalls: wire.stalls,
    stallCount: wire.stallCount,
    halted: wire.halted,
    delivery: { manual: wire.delivery[0] === 1, timersFrozen: wire.delivery[1] === 1 },
    reads: wire.reads ?? [],
  };
}

function decodeEntry([index, term, command]: WireEntry): Entry {
  if (command === 0) return { index, term, command: { type: 'noop' } };
  if ('type' in command) return { index, term, command };
  return { index, term, command: command.length === 2 ? { type: 'put', key: command[0], value: command[1] } : { type: 'delete', key: command[0] } };
}

function resolveEntry(ref: WireEntryRef, index: LogIndex, entries: Entries): Entry {
  if (typeof ref !== 'number') return decodeEntry(ref);
  const entry = entries.get(entryKey(index, ref));
  if (entry === undefined) throw new Error(`wire view: entry ${index}/${ref} is not in the frame's table`);
  return entry;
}

function decodeNode(wire: WireNode, logFrom: LogIndex, entries: Entries): NodeView {
  const [id, alive, role, term, vote, lead, electionElapsed, electionTimeout, heartbeatElapsed, log, votes, progress, kv, disk, crashedAt, membership, removedAt, transfer, lease] = wire;
  const [snapshotIndex, snapshotTerm, firstIndex, lastIndex, committed, applied, stabled, window] = log;
  const logEntries: Entry[] = [];
  window.forEach((ref, position) => {
    if (ref !== 0) logEntries.push(resolveEntry(ref, logFrom + position, entries));
  });
  return {
    id, alive: alive !== 0, role: roleCodes.decode(role), ...(alive === 2 ? { preCandidate: true } : {}), term, vote: fromAbsent(vote), lead: fromAbsent(lead),
    electionElapsed, electionTimeout, heartbeatElapsed,
    log: { snapshotIndex, snapshotTerm, firstIndex, lastIndex, committed, applied, stabled, entries: logEntries },
    votes: votes.map((voter) => ({ voter: Math.abs(voter), granted: voter > 0 })),
    progress: progress.map(([follower, matchIndex, nextIndex, state, paused, inflight]) => ({ follower, matchIndex, nextIndex, state: progressStateCodes.decode(state), paused: paused === 1, inflight })),
    kv,
    disk: { term: disk[0], vote: fromAbsent(disk[1]), snapshotIndex: disk[2], lastIndex: disk[3], writes: disk[4] },
    crashedAt: fromAbsent(crashedAt),
    ...(membership === 0 ? {} : { membership: { voters: membership[1], learners: membership[2], index: membership[0] } }),
    ...(fromAbsent(removedAt) === null ? {} : { removedAt }),
    ...(transfer === undefined || transfer === 0 ? {} : { transfer: { target: transfer[0], elapsed: transfer[1], limit: transfer[2] } }),
    ...(lease === undefined ? {} : { lease }),
  };
}

/** A message's flags as one number: 1 reordered, 2 waiting for manual delivery. */
function messageFlags(item: Pick<MessageView, 'reordered' | 'held'>): number {
  return (item.reordered ? 1 : 0) | (item.held === true ? 2 : 0);
}

function decodeMessage(wire: WireMessage, entries: Entries, selected: WireView['selected']): MessageView {
  const [id, typeCode, from, to, term, sentTick, deliverTick, dropReason, copyOf, reordered, body, summary] = wire;
  const type = messageTypeCodes.decode(typeCode);
  const message = selected !== null && selected.id === id ? selected.message : decodeBody({ type, from, to, term }, body, entries);
  const view: MessageView = {
    id, type, from, to, term, sentTick, deliverTick,
    dropReason: dropReasonCodes.decode(dropReason), copyOf: fromAbsent(copyOf), reordered: (reordered & 1) === 1,
    summary: summary ?? describeMessage(message),
    message,
  };
  return (reordered & 2) === 2 ? { ...view, held: true } : view;
}

/** The message from its envelope and body; the bodies' shapes are the encoder's (WireBodies). */
function decodeBody(envelope: Pick<RemoteMessage, 'type' | 'from' | 'to' | 'term'>, body: WireBody, entries: Entries): RemoteMessage {
  const { from, to, term } = envelope;
  switch (envelope.type) {
    case 'MsgVote': {
      const [lastLogIndex, lastLogTerm, flags = 0] = body as readonly [LogIndex, Term, number?];
      return { type: 'MsgVote', from, to, term, lastLogIndex, lastLogTerm, ...((flags & 1) === 1 ? { pre: true } : {}), ...((flags & 2) === 2 ? { transfer: true } : {}) };
    }
    case 'MsgVoteResp': {
      const bits = body as WireBodies['MsgVoteResp'];
      return (bits & 2) === 2 ? { type: 'MsgVoteResp', from, to, term, granted: (bits & 1) === 1, pre: true } : { type: 'MsgVoteResp', from, to, term, granted: (bits & 1) === 1 };
    }
    case 'MsgApp': {
      const [prevLogIndex, prevLogTerm, leaderCommit, refs, read] = body as WireBodies['MsgApp'];
      const carried = refs.map((ref, position) => resolveEntry(ref, prevLogIndex + 1 + position, entries));
      return { type: 'MsgApp', from, to, term, prevLogIndex, prevLogTerm, entries: carried, leaderCommit, ...(read === undefined ? {} : { read }) };
    }
    case 'MsgAppResp': {
      const [success, matchIndex, rejectedIndex, conflictTerm, conflictIndex, read] = body as WireBodies['MsgAppResp'];
      return { type: 'MsgAppResp', from, to, term, success: success === 1, matchIndex, rejectedIndex, conflictTerm: fromAbsent(conflictTerm), conflictIndex: fromAbsent(conflictIndex), ...(read === undefined ? {} : { read }) };
    }
    case 'MsgSnap': {
      const [index, snapshotTerm] = body as WireBodies['MsgSnap'];
      return { type: 'MsgSnap', from, to, term, snapshot: { index, term: snapshotTerm, data: [] } };
    }
    case 'MsgSnapResp':
      return { type: 'MsgSnapResp', from, to, term, matchIndex: body as WireBodies['MsgSnapResp'] };
    case 'MsgTimeoutNow':
      return { type: 'MsgTimeoutNow', from, to, term };
    default:
      throw new Error(`wire view: unexpected message type ${JSON.stringify(envelope.type satisfies never)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Decoding with structural sharing (in the store, frame after frame)

export interface ViewDecoder {
  decode(wire: WireView): ClusterView;
}

/**
 * Decodes frame after frame, keeping every part that did not change since the previous frame the
 * very same object: a message in flight (immutable once sent, so decoded and described once in
 * its life, unless it was selected or unselected since: the selected one travels whole), a log
 * entry, a node, the partition, the cut links, the settings, the violations. Components memoised
 * on those objects then skip the frame.
 */
export function createViewDecoder(): ViewDecoder {
  let previous: ClusterView | null = null;
  let previousSelected: number | null = null;
  return {
    decode(wire) {
      const view = previous === null ? decodeView(wire) : decodeSharing(wire, previous, previousSelected);
      previous = view;
      previousSelected = wire.selected?.id ?? null;
      return view;
    },
  };
}

function decodeSharing(wire: WireView, previous: ClusterView, previousSelected: number | null): ClusterView {
  const entries: Entries = new Map(wire.entries.map((row) => [entryKey(row[0], row[1]), knownEntry(previous, row) ?? decodeEntry(row)]));
  const messages = new Map(previous.inFlight.map((item) => [item.id, item]));
  const selected = wire.selected?.id ?? null;
  const inFlight = wire.inFlight.map((item) => {
    const id = item[0];
    const known = messages.get(id);
    const sameSelection = (selected === id) === (previousSelected === id);
    // A message keeps its id when it is delayed, or waits for or is released from manual delivery.
    const unchanged = known !== undefined && known.deliverTick === item[6] && messageFlags(known) === item[9];
    return unchanged && sameSelection ? known : decodeMessage(item, entries, wire.selected);
  });
  const decoded = decodeView({ ...wire, inFlight: [] }, entries);
  return {
    ...decoded,
    inFlight,
    nodes: decoded.nodes.map((node, index) => (sameNode(previous.nodes[index], node) ? previous.nodes[index]! : node)),
    partition: sameJson(previous.partition, decoded.partition) ? previous.partition : decoded.partition,
    cutLinks: sameJson(previous.cutLinks, decoded.cutLinks) ? previous.cutLinks : decoded.cutLinks,
    network: sameJson(previous.network, decoded.network) ? previous.network : decoded.network,
    raft: sameJson(previous.raft, decoded.raft) ? previous.raft : decoded.raft,
    workload: sameJson(previous.workload, decoded.workload) ? previous.workload : decoded.workload,
    delivery: sameJson(previous.delivery, decoded.delivery) ? previous.delivery : decoded.delivery,
    reads: sameJson(previous.reads, decoded.reads) ? previous.reads : decoded.reads,
    violations: previous.violationCount === decoded.violationCount && previous.violations.length === decoded.violations.length ? previous.violations : decoded.violations,
    stalls: previous.stallCount === decoded.stallCount && previous.stalls.length === decoded.stalls.length ? previous.stalls : decoded.stalls,
    halted: previous.halted?.tick === decoded.halted?.tick ? previous.halted : decoded.halted,
  };
}

/** The entry the previous view held at this (index, term): by Log Matching, the same entry. */
function knownEntry(previous: ClusterView, [index, term]: WireEntry): Entry | undefined {
  for (const node of previous.nodes) {
    const entries = node.log.entries;
    const first = entries[0];
    if (first === undefined) continue;
    const entry = entries[index - first.index];
    if (entry !== undefined && entry.index === index && entry.term === term) return entry;
  }
  return undefined;
}

/** Small plain values compared by content (partitions, settings): a few dozen numbers at most. */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

const nodeScalars = ['id', 'alive', 'role', 'preCandidate', 'term', 'vote', 'lead', 'electionElapsed', 'electionTimeout', 'heartbeatElapsed', 'crashedAt', 'removedAt', 'lease'] as const;
const logScalars = ['snapshotIndex', 'snapshotTerm', 'firstIndex', 'lastIndex', 'committed', 'applied', 'stabled'] as const;

function sameNode(previous: NodeView | undefined, next: NodeView): boolean {
  if (previous === undefined) return false;
  if (nodeScalars.some((field) => previous[field] !== next[field])) return false;
  const [a, b] = [previous.log, next.log];
  if (logScalars.some((field) => a[field] !== b[field])) return false;
  if (a.entries.length !== b.entries.length || a.entries.some((entry, index) => entry !== b.entries[index])) return false;
  return (
    sameJson(previous.votes, next.votes) && sameJson(previous.progress, next.progress) && sameJson(previous.kv, next.kv) && sameJson(previous.disk, next.disk) && sameJson(previous.transfer, next.transfer) && sameJson(previous.membership, next.membership)
  );
}

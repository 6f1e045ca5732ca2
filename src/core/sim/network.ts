import { broken } from '../base/assert.ts';
import type { PrngState } from '../base/prng.ts';
import { chance, intInclusive } from '../base/prng.ts';
import type { RemoteMessage } from '../raft/message.ts';
import type { NodeId, Tick } from '../raft/types.ts';
import type { DropReason } from './events.ts';
import type { NetworkConfig } from './options.ts';

/**
 * The virtual network: every message in flight with the tick it was sent and the tick it arrives
 * (or vanishes). Faults are decided when a message is sent, from the network's own random stream:
 * a lost message travels half its latency and then vanishes, so the app can show it disappear.
 * Partitions and cut links are checked again on arrival, since a network that splits loses what
 * was crossing it.
 *
 * Links are FIFO: a message arrives no earlier than the one sent before it on the same link,
 * unless the reorder draw lets it overtake (`reordered`).
 */
export interface InFlight {
  readonly id: number;
  readonly message: RemoteMessage;
  readonly sentTick: Tick;
  /** When it arrives, or, for a message that will be lost, when it vanishes. Always after sentTick. */
  readonly deliverTick: Tick;
  /** Set when the message was lost at send time: why it will vanish at deliverTick. */
  readonly dropReason: DropReason | null;
  /** The id of the original, if this is a duplicate. */
  readonly copyOf: number | null;
  /** It may overtake earlier messages on its link (the reorder draw); otherwise it keeps FIFO order. */
  readonly reordered: boolean;
}

export interface NetworkState {
  config: NetworkConfig;
  /**
   * Messages in flight from `head` on, sorted by (deliverTick, id): inFlight[head] is the next to
   * arrive. Slots before `head` are spent (null) and compacted away now and then: taking from the
   * front of an array with shift() would copy it, or make V8 move its storage, on every delivery.
   */
  inFlight: (InFlight | null)[];
  head: number;
  /** Partition group of each node, by id; nodes talk only within a group. All 0 when healed. */
  group: number[];
  /** cut[from][to] is true when the link from -> to is cut (one direction). */
  cut: boolean[][];
  /** Latest arrival tick scheduled on each link, for FIFO delivery. */
  lastArrival: number[][];
  /**
   * Manual delivery (a debugger's switch): messages sent wait in `held`, sorted as the queue is
   * (the arrival tick the network drew, then id: the network's own order), until delivered by hand.
   */
  manual: boolean;
  held: InFlight[];
  nextId: number;
  rng: PrngState;
}

export function newNetwork(options: { nodes: number; config: NetworkConfig; rng: PrngState }): NetworkState {
  const size = options.nodes + 1;
  return {
    config: options.config,
    inFlight: [],
    head: 0,
    group: new Array<number>(size).fill(0),
    cut: Array.from({ length: size }, () => new Array<boolean>(size).fill(false)),
    lastArrival: Array.from({ length: size }, () => new Array<number>(size).fill(0)),
    manual: false,
    held: [],
    nextId: 1,
    rng: options.rng,
  };
}

function blockedReason(network: NetworkState, from: NodeId, to: NodeId): DropReason | null {
  if (network.group[from] !== network.group[to]) return 'partition';
  if (network.cut[from]![to]!) return 'link-cut';
  return null;
}

function insert(network: NetworkState, item: InFlight): void {
  if (!(item.deliverTick > item.sentTick)) throw broken(`message #${item.id} due at ${item.deliverTick}, not after it was sent at ${item.sentTick}`);
  if (network.manual) return hold(network, item);
  const queue = network.inFlight;
  // Most messages go at or near the end (later sends arrive later): search from the back.
  let at = queue.length;
  while (at > network.head) {
    const other = queue[at - 1]!;
    if (other.deliverTick < item.deliverTick || (other.deliverTick === item.deliverTick && other.id < item.id)) break;
    at -= 1;
  }
  // Shift the later ones up by hand: splice would allocate the array of removed items.
  queue.push(item);
  for (let i = queue.length - 1; i > at; i -= 1) queue[i] = queue[i - 1]!;
  queue[at] = item;
}

/**
 * Schedules a message on its link: draws its latency, then lets it overtake earlier messages
 * (the reorder draw) or keeps it behind them (FIFO).
 */
function schedule(network: NetworkState, message: RemoteMessage, now: Tick, dropReason: DropReason | null, copyOf: number | null): InFlight {
  const { delayTicksMin, delayTicksMax, reorderRatio } = network.config;
  const drawn = now + intInclusive(network.rng, delayTicksMin, delayTicksMax);
  const reordered = chance(network.rng, reorderRatio);
  let arrival = drawn;
  if (!reordered) {
    const row = network.lastArrival[message.from]!;
    arrival = Math.max(drawn, row[message.to]!);
    row[message.to] = arrival;
  }
  // A lost message vanishes half-way, so the app can show it disappear.
  const deliverTick = dropReason === null ? arrival : now + Math.max(1, Math.floor((arrival - now) / 2));
  const item: InFlight = { id: network.nextId++, message, sentTick: now, deliverTick, dropReason, copyOf, reordered };
  insert(network, item);
  return item;
}

/** Puts a message on the wire and returns it as scheduled. Call maybeDuplicate() right after. */
export function sendMessage(network: NetworkState, message: RemoteMessage, now: Tick): InFlight {
  const { from, to } = message;
  const blocked = blockedReason(network, from, to);
  const lost = blocked === null && chance(network.rng, network.config.dropRatio);
  return schedule(network, message, now, blocked ?? (lost ? 'loss' : null), null);
}

/** The network may deliver a message twice (duplicateRatio): returns the copy it scheduled, if any. */
export function maybeDuplicate(network: NetworkState, original: InFlight, now: Tick): InFlight | null {
  if (original.dropReason !== null || !chance(network.rng, network.config.duplicateRatio)) return null;
  return schedule(network, original.message, now, null, original.id);
}

/** The tick the next message arrives or vanishes, or Infinity when nothing is in flight. */
export function nextDeliveryTick(network: NetworkState): Tick {
  return network.inFlight[network.head]?.deliverTick ?? Infinity;
}

/** Spent slots kept before the queue is compacted. */
const spentSlotsMax = 64;

/** Removes and returns the next message due at or before `now`, or undefined. */
export function takeDue(network: NetworkState, now: Tick): InFlight | undefined {
  const queue = network.inFlight;
  const next = queue[network.head];
  if (next === undefined || next === null || next.deliverTick > now) return undefined;
  queue[network.head] = null;
  network.head += 1;
  if (network.head >= spentSlotsMax) {
    queue.copyWithin(0, network.head);
    queue.length -= network.head;
    network.head = 0;
  }
  return next;
}

/** The messages in flight, soonest first. */
export function inFlightItems(network: NetworkState): InFlight[] {
  return network.inFlight.slice(network.head) as InFlight[];
}

/** Why a message arriving now cannot be delivered, or null if it can. */
export function arrivalBlocked(network: NetworkState, item: InFlight): DropReason | null {
  return item.dropReason ?? blockedReason(network, item.message.from, item.message.to);
}

export function setPartition(network: NetworkState, groups: readonly (readonly NodeId[])[]): void {
  // Nodes left out of every group form one more group together.
  network.group.fill(groups.length);
  groups.forEach((members, index) => {
    for (const id of members) network.group[id] = index;
  });
}

/** Moves one node into a partition group of its own. */
export function isolateNode(network: NetworkState, id: NodeId): void {
  network.group[id] = Math.max(...network.group) + 1;
}

/** Moves a node into the largest group of the others (it stays where it is if it is alone). */
export function rejoinNode(network: NetworkState, id: NodeId, ids: readonly NodeId[]): void {
  const others = partitionGroups(network, ids).filter((group) => !group.includes(id));
  const largest = others.sort((a, b) => b.length - a.length)[0];
  if (largest !== undefined) network.group[id] = network.group[largest[0]!]!;
}

export function setLink(network: NetworkState, link: { from: NodeId; to: NodeId; cut: boolean }): void {
  network.cut[link.from]![link.to] = link.cut;
}

export function heal(network: NetworkState): void {
  network.group.fill(0);
  for (const row of network.cut) row.fill(false);
}

/** The current partition of these nodes as groups of ids (one group when healed). */
export function partitionGroups(network: NetworkState, ids: readonly NodeId[]): NodeId[][] {
  const groups = new Map<number, NodeId[]>();
  for (const id of ids) {
    const group = network.group[id]!;
    const members = groups.get(group) ?? [];
    members.push(id);
    groups.set(group, members);
  }
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}

export function cutLinks(network: NetworkState): { from: NodeId; to: NodeId }[] {
  const links: { from: NodeId; to: NodeId }[] = [];
  network.cut.forEach((row, from) =>
    row.forEach((isCut, to) => {
      if (isCut) links.push({ from, to });
    }),
  );
  return links;
}

/** The message in flight (or waiting for manual delivery) with this id, or null. */
export function findInFlight(network: NetworkState, id: number): InFlight | null {
  for (let at = network.head; at < network.inFlight.length; at += 1) if (network.inFlight[at]!.id === id) return network.inFlight[at]!;
  return network.held.find((item) => item.id === id) ?? null;
}

/** Takes the message with this id off the wire (a debugger's Drop, Delay or Deliver now). */
export function removeInFlight(network: NetworkState, id: number): InFlight | null {
  const queue = network.inFlight;
  for (let at = network.head; at < queue.length; at += 1) {
    const item = queue[at]!;
    if (item.id !== id) continue;
    queue.splice(at, 1);
    return item;
  }
  const held = network.held.findIndex((item) => item.id === id);
  return held < 0 ? null : network.held.splice(held, 1)[0]!;
}

/** Keeps a message waiting for manual delivery, in the network's own order. */
function hold(network: NetworkState, item: InFlight): void {
  const held = network.held;
  let at = held.length;
  while (at > 0 && (held[at - 1]!.deliverTick > item.deliverTick || (held[at - 1]!.deliverTick === item.deliverTick && held[at - 1]!.id > item.id))) at -= 1;
  held.splice(at, 0, item);
}

/**
 * Turns manual delivery on (every message on the wire waits, and so does every one sent from
 * now) or off (the waiting ones go back on the wire, arriving at the tick drawn for them or, if
 * that has passed, on the next tick).
 */
export function setManualDelivery(network: NetworkState, on: boolean, now: Tick): void {
  if (on === network.manual) return;
  if (on) {
    for (const item of inFlightItems(network)) hold(network, item);
    network.inFlight = [];
    network.head = 0;
    network.manual = true;
    return;
  }
  network.manual = false;
  const waiting = network.held;
  network.held = [];
  for (const item of waiting) insert(network, item.deliverTick > now ? item : { ...item, deliverTick: now + 1, reordered: true });
}

/** The messages waiting for manual delivery, in the network's own order. */
export function heldItems(network: NetworkState): readonly InFlight[] {
  return network.held;
}

/** Puts a message back on the wire with a new arrival tick (it may now overtake or be overtaken: reordered). */
export function requeue(network: NetworkState, item: InFlight, deliverTick: Tick): InFlight {
  const moved: InFlight = { ...item, deliverTick, reordered: true };
  insert(network, moved);
  return moved;
}

/** A copy of a message in flight, made by hand: it arrives one tick after the original. */
export function copyInFlight(network: NetworkState, original: InFlight): InFlight {
  const copy: InFlight = { ...original, id: network.nextId++, deliverTick: original.deliverTick + 1, copyOf: original.id, reordered: true };
  insert(network, copy);
  return copy;
}

import type { DropReason } from '../events.ts';
import type { RemoteMessage } from '../raft/message.ts';
import type { NodeId, Tick } from '../raft/types.ts';
import type { NetworkConfig } from './options.ts';
import type { PrngState } from '../prng.ts';
import { chance, intInclusive } from '../prng.ts';

/**
 * The virtual network: every message in flight with the tick it was sent and the tick it arrives
 * (or vanishes). Faults are decided when a message is sent, from the network's own random stream:
 * a lost message travels half its latency and then vanishes, so the app can show it disappear.
 * Partitions and cut links are checked again on arrival, since a network that splits loses what
 * was crossing it.
 */
export interface InFlight {
  readonly id: number;
  readonly message: RemoteMessage;
  readonly sentTick: Tick;
  /** When it arrives, or, for a doomed message, when it vanishes. */
  readonly deliverTick: Tick;
  /** Set when the message was lost at send time: it will vanish at deliverTick. */
  readonly doomed: DropReason | null;
  /** The id of the original, if this is a duplicate. */
  readonly copyOf: number | null;
}

export interface NetworkState {
  config: NetworkConfig;
  /** Sorted by (deliverTick, id): the head is the next to arrive. */
  inFlight: InFlight[];
  /** Partition group of each node, by id; nodes talk only within a group. All 0 when healed. */
  group: number[];
  /** cut[from][to] is true when the link from -> to is cut (one direction). */
  cut: boolean[][];
  /** Latest arrival tick scheduled on each link, for FIFO delivery. */
  lastArrival: number[][];
  nextId: number;
  rng: PrngState;
}

export function newNetwork(options: { nodes: number; config: NetworkConfig; rng: PrngState }): NetworkState {
  const size = options.nodes + 1;
  return {
    config: options.config,
    inFlight: [],
    group: new Array<number>(size).fill(0),
    cut: Array.from({ length: size }, () => new Array<boolean>(size).fill(false)),
    lastArrival: Array.from({ length: size }, () => new Array<number>(size).fill(0)),
    nextId: 1,
    rng: options.rng,
  };
}

export function canReach(network: NetworkState, from: NodeId, to: NodeId): boolean {
  return network.group[from] === network.group[to] && !network.cut[from]![to]!;
}

function blockedReason(network: NetworkState, from: NodeId, to: NodeId): DropReason | null {
  if (network.group[from] !== network.group[to]) return 'partition';
  if (network.cut[from]![to]!) return 'link-cut';
  return null;
}

function insert(network: NetworkState, item: InFlight): void {
  const queue = network.inFlight;
  let low = 0;
  let high = queue.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = queue[middle]!;
    if (other.deliverTick < item.deliverTick || (other.deliverTick === item.deliverTick && other.id < item.id)) low = middle + 1;
    else high = middle;
  }
  queue.splice(low, 0, item);
}

function latency(network: NetworkState, from: NodeId, to: NodeId, now: Tick): Tick {
  const { delayTicksMin, delayTicksMax, reorderRatio } = network.config;
  const drawn = now + intInclusive(network.rng, delayTicksMin, delayTicksMax);
  if (chance(network.rng, reorderRatio)) return drawn;
  const arrival = Math.max(drawn, network.lastArrival[from]![to]!);
  network.lastArrival[from]![to] = arrival;
  return arrival;
}

/** Puts a message on the wire; returns what was scheduled (the original, then any duplicate). */
export function sendMessage(network: NetworkState, message: RemoteMessage, now: Tick): InFlight[] {
  const { from, to } = message;
  const blocked = blockedReason(network, from, to);
  const lost = blocked === null && chance(network.rng, network.config.dropRatio);
  const doomed: DropReason | null = blocked ?? (lost ? 'loss' : null);
  const arrival = latency(network, from, to, now);
  const deliverTick = doomed === null ? arrival : now + Math.max(1, Math.floor((arrival - now) / 2));
  const original: InFlight = { id: network.nextId++, message, sentTick: now, deliverTick, doomed, copyOf: null };
  insert(network, original);
  if (doomed !== null || !chance(network.rng, network.config.duplicateRatio)) return [original];
  const copy: InFlight = { id: network.nextId++, message, sentTick: now, deliverTick: latency(network, from, to, now), doomed: null, copyOf: original.id };
  insert(network, copy);
  return [original, copy];
}

/** Removes and returns the next message due at or before `now`, or undefined. */
export function takeDue(network: NetworkState, now: Tick): InFlight | undefined {
  const head = network.inFlight[0];
  if (head === undefined || head.deliverTick > now) return undefined;
  network.inFlight.shift();
  return head;
}

/** Why a message arriving now cannot be delivered, or null if it can. */
export function arrivalBlocked(network: NetworkState, item: InFlight): DropReason | null {
  return item.doomed ?? blockedReason(network, item.message.from, item.message.to);
}

export function setPartition(network: NetworkState, groups: readonly (readonly NodeId[])[]): void {
  // Nodes left out of every group form one more group together.
  network.group.fill(groups.length);
  groups.forEach((members, index) => {
    for (const id of members) network.group[id] = index;
  });
}

export function setLink(network: NetworkState, link: { from: NodeId; to: NodeId; cut: boolean }): void {
  network.cut[link.from]![link.to] = link.cut;
}

export function heal(network: NetworkState): void {
  network.group.fill(0);
  for (const row of network.cut) row.fill(false);
}

/** The current partition as groups of node ids (one group when healed). */
export function partitionGroups(network: NetworkState, nodes: number): NodeId[][] {
  const groups = new Map<number, NodeId[]>();
  for (let id = 1; id <= nodes; id += 1) {
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

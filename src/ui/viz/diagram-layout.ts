/**
 * Where the space-time diagram draws things: one lane per node shown, time running down (lanes
 * are columns) or across (lanes are rows). Pure, so the drawing on screen, its export and the
 * tests agree on every coordinate.
 */
import type { NodeId } from '../../core/index.ts';
import type { DiagramMark, DiagramMessage, DiagramWindow } from '../../protocol/worker-protocol.ts';
import { rpcFamily } from './rpc-family.ts';
import type { RpcFamily } from './rpc-family.ts';

export type DiagramOrientation = 'down' | 'across';

export interface DiagramGeometry {
  readonly width: number;
  readonly height: number;
  readonly orientation: DiagramOrientation;
  /** The ticks at the two ends of the time axis. */
  readonly from: number;
  readonly to: number;
  /** The lanes shown, in order. */
  readonly lanes: readonly NodeId[];
  /** The time axis runs from timeStart to timeEnd px (down: y; across: x). */
  readonly timeStart: number;
  readonly timeEnd: number;
  /** The lanes share crossStart to crossEnd px (down: x; across: y). */
  readonly crossStart: number;
  readonly crossEnd: number;
}

/** Room for the lane names and the tick labels: above and left when time runs down, left and above when across. */
const margins = {
  down: { timeStart: 28, timeEndGap: 10, crossStart: 56, crossEndGap: 12 },
  across: { timeStart: 52, timeEndGap: 14, crossStart: 26, crossEndGap: 10 },
} as const;

export function diagramGeometry(range: { from: number; to: number }, lanes: readonly NodeId[], width: number, height: number, orientation: DiagramOrientation = 'down'): DiagramGeometry {
  const margin = margins[orientation];
  const timeLength = orientation === 'down' ? height : width;
  const crossLength = orientation === 'down' ? width : height;
  return {
    width,
    height,
    orientation,
    from: range.from,
    to: Math.max(range.to, range.from + 1),
    lanes,
    timeStart: margin.timeStart,
    timeEnd: timeLength - margin.timeEndGap,
    crossStart: margin.crossStart,
    crossEnd: crossLength - margin.crossEndGap,
  };
}

/** Pixels per tick along the time axis. */
export function pxPerTick(geometry: DiagramGeometry): number {
  return (geometry.timeEnd - geometry.timeStart) / (geometry.to - geometry.from);
}

/**
 * The same scale and lanes over another range of ticks: the time axis grows or shrinks past the
 * drawing's edge (the drawing on screen holds more than it shows, and slides it while scrolling).
 */
export function rangedGeometry(geometry: DiagramGeometry, from: number, to: number): DiagramGeometry {
  const scale = pxPerTick(geometry);
  const start = geometry.timeStart + (from - geometry.from) * scale;
  return { ...geometry, from, to: Math.max(to, from + 1), timeStart: start, timeEnd: start + (Math.max(to, from + 1) - from) * scale };
}

/** The position of `tick` along the time axis, not clamped. */
export function timePx(geometry: DiagramGeometry, tick: number): number {
  return geometry.timeStart + (tick - geometry.from) * pxPerTick(geometry);
}

/** The position of node `id`'s lane across the time axis, or null when its lane is hidden. */
export function lanePx(geometry: DiagramGeometry, id: NodeId): number | null {
  const index = geometry.lanes.indexOf(id);
  if (index < 0) return null;
  return geometry.crossStart + ((index + 0.5) / geometry.lanes.length) * (geometry.crossEnd - geometry.crossStart);
}

/** The point of node `id`'s lane at `tick` (its lane shown). */
export function lanePoint(geometry: DiagramGeometry, id: NodeId, tick: number): { x: number; y: number } | null {
  const across = lanePx(geometry, id);
  if (across === null) return null;
  const along = timePx(geometry, tick);
  return geometry.orientation === 'down' ? { x: across, y: along } : { x: along, y: across };
}

/** The tick at a point (for a click), rounded, within the range. */
export function tickAtPoint(geometry: DiagramGeometry, x: number, y: number): number {
  const along = geometry.orientation === 'down' ? y : x;
  const share = (along - geometry.timeStart) / (geometry.timeEnd - geometry.timeStart);
  return Math.round(geometry.from + Math.min(1, Math.max(0, share)) * (geometry.to - geometry.from));
}

/** An arrow's ends: from its sender's lane at its send tick to its receiver's at its arrival (or loss); null when either lane is hidden. */
export function arrowEnds(geometry: DiagramGeometry, message: DiagramMessage): { x1: number; y1: number; x2: number; y2: number } | null {
  const start = lanePoint(geometry, message.from, message.sent);
  const end = lanePoint(geometry, message.to, message.arrive);
  if (start === null || end === null) return null;
  return { x1: start.x, y1: start.y, x2: end.x, y2: end.y };
}

export interface MessageFilter {
  /** Heartbeats (empty AppendEntries and their replies) left out, and counted. */
  readonly collapseHeartbeats: boolean;
  /** Only these RPCs; all when empty. */
  readonly rpcs: readonly RpcFamily[];
  /** Only messages between these lanes. */
  readonly lanes: readonly NodeId[];
}

/**
 * The messages drawn as arrows, and the heartbeats collapsed out of them (counted for the note
 * under the drawing, and drawn as a thin, faint band behind the arrows).
 */
export function shownMessages(messages: readonly DiagramMessage[], filter: MessageFilter): { shown: DiagramMessage[]; heartbeats: number; collapsed: DiagramMessage[] } {
  const shown: DiagramMessage[] = [];
  const collapsed: DiagramMessage[] = [];
  for (const message of messages) {
    if (!filter.lanes.includes(message.from) || !filter.lanes.includes(message.to)) continue;
    if (filter.rpcs.length > 0 && !filter.rpcs.includes(rpcFamily(message.type))) continue;
    if (filter.collapseHeartbeats && message.heartbeat) collapsed.push(message);
    else shown.push(message);
  }
  return { shown, heartbeats: collapsed.length, collapsed };
}

/** Does the message's arrow cross the ticks from-to? */
export function overlaps(message: DiagramMessage, from: number, to: number): boolean {
  return message.sent <= to && message.arrive >= from;
}

type LaneRole = DiagramWindow['startRoles'][number];

/** A stretch of one lane in one role, and the node's term there (for the shading's colour). */
export interface RoleStretch {
  readonly node: number;
  readonly from: number;
  readonly to: number;
  readonly role: LaneRole;
  readonly term: number;
}

const roleKinds: ReadonlySet<DiagramMark['kind']> = new Set(['candidate', 'leader', 'follower', 'crash', 'restart', 'term']);

/** Each lane's stretches of one role and term, from its state at the start and its marks. */
export function roleStretches(window: DiagramWindow): RoleStretch[] {
  const out: RoleStretch[] = [];
  for (let node = 1; node <= window.nodes; node += 1) {
    let role: LaneRole = window.startRoles[node - 1] ?? 'follower';
    let term = window.startTerms[node - 1] ?? 0;
    let from = window.from;
    for (const change of window.marks) {
      if (change.node !== node || !roleKinds.has(change.kind)) continue;
      const nextRole: LaneRole = change.kind === 'crash' ? 'crashed' : change.kind === 'restart' ? 'follower' : change.kind === 'term' ? role : (change.kind as LaneRole);
      const nextTerm = change.term !== null && change.kind !== 'crash' ? change.term : term;
      if (nextRole === role && nextTerm === term) continue;
      if (change.tick > from) out.push({ node, from, to: change.tick, role, term });
      role = nextRole;
      term = nextTerm;
      from = change.tick;
    }
    if (window.to > from) out.push({ node, from, to: window.to, role, term });
  }
  return out;
}

/** A round step for tick labels: about six along the axis. */
export function axisTicks(from: number, to: number, span: number): number[] {
  const rough = span / 6;
  const power = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = [1, 2, 5, 10].map((k) => k * power).find((candidate) => candidate >= rough) ?? power * 10;
  const ticks: number[] = [];
  for (let at = Math.ceil(from / step) * step; at <= to; at += step) ticks.push(at);
  return ticks;
}

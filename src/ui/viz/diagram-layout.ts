/**
 * Where the space-time diagram draws things: time runs down, one lane (column) per node. Pure, so
 * the component, its export and the tests agree on every coordinate.
 */
import type { DiagramMark, DiagramMessage, DiagramWindow } from '../../protocol/worker-protocol.ts';

export interface DiagramGeometry {
  readonly width: number;
  readonly height: number;
  /** The top and bottom of the time axis, in px. */
  readonly top: number;
  readonly bottom: number;
  readonly from: number;
  readonly to: number;
  readonly nodes: number;
}

/** Room above the lanes for their names, and at the left for the tick labels. */
export const diagramTopPx = 28;
export const diagramBottomPx = 10;
export const diagramLeftPx = 56;

export function diagramGeometry(window: Pick<DiagramWindow, 'from' | 'to' | 'nodes'>, width: number, height: number): DiagramGeometry {
  return { width, height, top: diagramTopPx, bottom: height - diagramBottomPx, from: window.from, to: Math.max(window.to, window.from + 1), nodes: window.nodes };
}

/** The x of node `id`'s lane. */
export function laneX(geometry: DiagramGeometry, id: number): number {
  const room = geometry.width - diagramLeftPx - 12;
  return diagramLeftPx + ((id - 0.5) / geometry.nodes) * room;
}

/** The y of `tick`, clamped to the axis. */
export function tickY(geometry: DiagramGeometry, tick: number): number {
  const share = (tick - geometry.from) / (geometry.to - geometry.from);
  return geometry.top + Math.min(1, Math.max(0, share)) * (geometry.bottom - geometry.top);
}

/** The tick at `y` (for a click), rounded, within the window. */
export function yTick(geometry: DiagramGeometry, y: number): number {
  const share = (y - geometry.top) / (geometry.bottom - geometry.top);
  return Math.round(geometry.from + Math.min(1, Math.max(0, share)) * (geometry.to - geometry.from));
}

/** An arrow's ends: from its sender's lane at its send tick to its receiver's at its arrival (or loss). */
export function arrowEnds(geometry: DiagramGeometry, message: DiagramMessage): { x1: number; y1: number; x2: number; y2: number } {
  return { x1: laneX(geometry, message.from), y1: tickY(geometry, message.sent), x2: laneX(geometry, message.to), y2: tickY(geometry, message.arrive) };
}

/** The messages drawn: heartbeats left out when collapsed (and counted). */
export function shownMessages(messages: readonly DiagramMessage[], collapseHeartbeats: boolean): { shown: DiagramMessage[]; heartbeats: number } {
  if (!collapseHeartbeats) return { shown: [...messages], heartbeats: 0 };
  const shown = messages.filter((message) => !message.heartbeat);
  return { shown, heartbeats: messages.length - shown.length };
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

/**
 * The links of the cluster graph: one line per pair of nodes (bowed round any node in its way),
 * marked when a partition separates them, plus one dashed mark per cut direction. Pure geometry
 * over a RingLayout.
 */
import type { NodeId } from '../../core/index.ts';
import type { Point } from './geometry.ts';
import { insetWay, wayPath, wayPoint } from './layout.ts';
import type { Way } from './layout.ts';
import type { RingLayout } from './ring.ts';
import { glyphRadii } from './glyph-metrics.ts';

export interface LinkGeometry {
  /** The smaller id first: a link is drawn once for both directions. */
  readonly a: NodeId;
  readonly b: NodeId;
  readonly path: string;
  /** The two ends sit in different partition groups: nothing crosses this link. */
  readonly isSevered: boolean;
}

export interface CutLinkGeometry {
  readonly from: NodeId;
  readonly to: NodeId;
  /** Drawn on the side of the link that messages from -> to travel on. */
  readonly path: string;
  /** Where the ✕ goes. */
  readonly cross: Point;
}

/** Messages keep this far to the right of the link's centre line, in node radii. */
export function laneOffset(nodeRadius: number): number {
  return messageSize(nodeRadius) * 1.15;
}

/** Half the width of a message glyph, in px: at least 11.5, so every shape (a square is the narrowest) is at least 20 px wide. */
export function messageSize(nodeRadius: number): number {
  return Math.min(16, Math.max(11.5, nodeRadius * 0.26));
}

/** Half the side of a message's click target, in px: at least 12, a 24 px target. */
export function messageHitSize(nodeRadius: number): number {
  return Math.max(12, messageSize(nodeRadius) * 1.3);
}

/**
 * How far from a node's centre its lanes begin. Messages a node sends at once (a candidate's
 * vote requests, a leader's appends to every follower) leave along lanes that fan out by π/n
 * between neighbours (the inscribed angle of one slot), so their glyphs only stop overlapping at
 * some distance from the node: the lanes start there, but never past a third of the link.
 */
function laneInset(layout: RingLayout, linkLength: number): number {
  const count = Math.max(2, layout.order.length);
  const apart = (2 * messageSize(layout.nodeRadius) + 4) / (Math.PI / count);
  return Math.min(Math.max(layout.nodeRadius * glyphRadii.linkInset, apart), linkLength / 3);
}

/** The drawn link between two nodes, clear of their timer rings; null if a node is unknown. */
function linkLine(layout: RingLayout, from: NodeId, to: NodeId): Way | null {
  const a = layout.positions.get(from);
  const b = layout.positions.get(to);
  if (a === undefined || b === undefined) return null;
  return insetWay(a, b, layout.nodeRadius * glyphRadii.linkInset, laneBow(layout, from, to));
}

/**
 * How far the link from `from` to `to` bows at its middle, to the right of travel (negative: to
 * the left): 0 for a link that passes clear of every other node. On a crowded ring the line
 * between two nodes can run across the node between them, and a message on it would seem to
 * come from that node; such a link bows toward the ring's centre, far enough that the node's
 * timer ring and the messages on both lanes (with their click targets) stay apart.
 */
export function laneBow(layout: RingLayout, from: NodeId, to: NodeId): number {
  let bows = bowCache.get(layout);
  if (bows === undefined) {
    bows = new Map();
    bowCache.set(layout, bows);
  }
  const [low, high] = from < to ? [from, to] : [to, from];
  const key = low * 4096 + high;
  let bow = bows.get(key);
  if (bow === undefined) {
    bow = linkBow(layout, low, high);
    bows.set(key, bow);
  }
  // (No -0: a straight link reads 0 both ways.)
  return from === low || bow === 0 ? bow : -bow;
}

const bowCache = new WeakMap<RingLayout, Map<number, number>>();

/** The bow of the link a -> b, to the right of a -> b (see laneBow). */
function linkBow(layout: RingLayout, a: NodeId, b: NodeId): number {
  const pa = layout.positions.get(a);
  const pb = layout.positions.get(b);
  if (pa === undefined || pb === undefined) return 0;
  const dx = pb.x - pa.x;
  const dy = pb.y - pa.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return 0;
  // Signed distance to the right of a -> b, and the position along it (0 at a, 1 at b).
  const right = (p: Point) => ((p.x - pa.x) * -dy + (p.y - pa.y) * dx) / length;
  const along = (p: Point) => ((p.x - pa.x) * dx + (p.y - pa.y) * dy) / (length * length);
  const inward = Math.sign(right(layout.center)) || 1;
  const clearance = layout.nodeRadius * glyphRadii.timerOuter + laneOffset(layout.nodeRadius) + messageHitSize(layout.nodeRadius) + 2;
  let needed = 0;
  for (const [id, point] of layout.positions) {
    if (id === a || id === b) continue;
    const t = along(point);
    if (t <= 0.05 || t >= 0.95) continue;
    // Positive: on the centre's side of the line. A node there cannot be cleared by bowing inward,
    // and on a ring (the nodes on a convex curve) none sits that close.
    const side = inward * right(point);
    if (side > 0 || side <= -clearance) continue;
    // A quadratic bowed by `bow` at its middle is displaced 4t(1-t)·bow at t.
    needed = Math.max(needed, (clearance + side) / (4 * t * (1 - t)));
  }
  // A bow of a few pixels would only make a straight link look wobbly.
  return needed < bowMin ? 0 : inward * Math.min(needed, length * bowMaxShare);
}

/** The most a link bows, as a share of its length (a gentle curve, never a loop). */
const bowMaxShare = 0.35;
/** The least, in px. */
const bowMin = 4;

/** The lane that messages from `from` to `to` travel (wayPoint with laneOffset), or null if a node is unknown. */
export function lane(layout: RingLayout, from: NodeId, to: NodeId): Way | null {
  const a = layout.positions.get(from);
  const b = layout.positions.get(to);
  if (a === undefined || b === undefined) return null;
  return insetWay(a, b, laneInset(layout, Math.hypot(b.x - a.x, b.y - a.y)), laneBow(layout, from, to));
}

export function groupIndex(groups: readonly (readonly NodeId[])[]): ReadonlyMap<NodeId, number> {
  const index = new Map<NodeId, number>();
  groups.forEach((group, position) => group.forEach((id) => index.set(id, position)));
  return index;
}

/** Every pair of nodes, in ring order. At most 15 nodes are expected (105 links). */
export function clusterLinks(layout: RingLayout, groups: readonly (readonly NodeId[])[]): LinkGeometry[] {
  const groupOf = groupIndex(groups);
  const ids = [...layout.order].sort((x, y) => x - y);
  const links: LinkGeometry[] = [];
  ids.forEach((a, position) => {
    for (const b of ids.slice(position + 1)) {
      const way = linkLine(layout, a, b);
      if (way === null) continue;
      const isSevered = groups.length > 1 && groupOf.get(a) !== groupOf.get(b);
      links.push({ a, b, path: wayPath(way), isSevered });
    }
  });
  return links;
}

/** One mark per cut direction, on the side its messages would use, with a ✕ halfway. */
export function cutLinkMarks(layout: RingLayout, cuts: readonly { readonly from: NodeId; readonly to: NodeId }[]): CutLinkGeometry[] {
  const offset = laneOffset(layout.nodeRadius);
  return cuts.flatMap(({ from, to }) => {
    const way = linkLine(layout, from, to);
    if (way === null) return [];
    return [{ from, to, path: wayPath(way, offset), cross: wayPoint(way, 0.5, offset) }];
  });
}

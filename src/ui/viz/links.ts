/**
 * The links of the cluster graph: one line per pair of nodes, marked when a partition separates
 * them, plus one dashed mark per cut direction. Pure geometry over a RingLayout.
 */
import type { NodeId } from '../../core/index.ts';
import type { Point } from './geometry.ts';
import { linkEnds, linkPath, pointAlong } from './layout.ts';
import type { RingLayout } from './ring.ts';
import { glyphRadii } from './ring.ts';

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

/** The ends of the drawn link between two nodes, clear of their timer rings; null if a node is unknown. */
function linkLine(layout: RingLayout, from: NodeId, to: NodeId): { readonly from: Point; readonly to: Point } | null {
  const a = layout.positions.get(from);
  const b = layout.positions.get(to);
  if (a === undefined || b === undefined) return null;
  return linkEnds(a, b, layout.nodeRadius * glyphRadii.linkInset);
}

/** The ends of the lane that messages from `from` to `to` travel, or null if a node is unknown. */
export function lane(layout: RingLayout, from: NodeId, to: NodeId): { readonly from: Point; readonly to: Point } | null {
  const a = layout.positions.get(from);
  const b = layout.positions.get(to);
  if (a === undefined || b === undefined) return null;
  return linkEnds(a, b, laneInset(layout, Math.hypot(b.x - a.x, b.y - a.y)));
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
      const ends = linkLine(layout, a, b);
      if (ends === null) continue;
      const isSevered = groups.length > 1 && groupOf.get(a) !== groupOf.get(b);
      links.push({ a, b, path: linkPath(ends.from, ends.to), isSevered });
    }
  });
  return links;
}

/** One mark per cut direction, on the side its messages would use, with a ✕ halfway. */
export function cutLinkMarks(layout: RingLayout, cuts: readonly { readonly from: NodeId; readonly to: NodeId }[]): CutLinkGeometry[] {
  const offset = laneOffset(layout.nodeRadius);
  return cuts.flatMap(({ from, to }) => {
    const ends = linkLine(layout, from, to);
    if (ends === null) return [];
    return [{ from, to, path: linkPath(ends.from, ends.to, offset), cross: pointAlong(ends.from, ends.to, 0.5, offset) }];
  });
}

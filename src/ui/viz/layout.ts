/**
 * Pure geometry of the cluster view around the ring (ring.ts places the nodes): where a node's
 * labels go, the links between nodes, points along a link, the election-timer arc, the
 * partition regions and a candidate's vote marks. d3 only computes here (arcs, paths); React
 * draws the results.
 *
 * Angles are in radians in screen coordinates (0 points right, growing clockwise since SVG's y
 * axis points down). d3.arc measures from 12 o'clock instead; `arcAngle` converts.
 */
import { arc, path } from 'd3';
import type { NodeId } from '../../core/index.ts';
import type { Point } from './geometry.ts';
import { polar } from './geometry.ts';
import type { RingLayout } from './ring.ts';
import { glyphRadii, nodeFontSizes } from './ring.ts';

/** d3.arc measures angles clockwise from 12 o'clock; screen angles start at 3 o'clock. */
export function arcAngle(screenAngle: number): number {
  return screenAngle + Math.PI / 2;
}

export type TextAnchor = 'start' | 'middle' | 'end';

export interface LabelPlacement {
  /** Where the first line's baseline sits, relative to the node centre. */
  readonly x: number;
  readonly y: number;
  readonly anchor: TextAnchor;
  readonly lineHeight: number;
}

/**
 * Where a node's label block goes: radially outward from the ring, so the inside of the ring
 * stays free for links, messages and vote marks. Top nodes stack their lines upward of the node,
 * bottom nodes below it, side nodes beside it, vertically centred.
 */
export function labelPlacement(angle: number, nodeRadius: number, lineCount: number, textScale = 1): LabelPlacement {
  const { label: fontSize } = nodeFontSizes(nodeRadius, textScale);
  const lineHeight = fontSize * 1.2;
  const blockHeight = lineHeight * lineCount;
  const gap = nodeRadius * glyphRadii.label;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Only a node right at the top or bottom stacks its labels over or under it (the ring's fit leaves
  // room there); every other node has them beside it.
  const anchor: TextAnchor = cos > 0.15 ? 'start' : cos < -0.15 ? 'end' : 'middle';
  // Beside the node the block starts a full gap away, clear of the timer ring at any height.
  const x = anchor === 'start' ? gap : anchor === 'end' ? -gap : 0;
  // Baseline of the first line: the block sits above (top), below (bottom) or centred (sides).
  let top: number;
  if (anchor !== 'middle') top = sin * gap * 0.6 - blockHeight / 2;
  else if (sin < 0) top = -gap - blockHeight;
  else top = gap;
  return { x, y: top + fontSize, anchor, lineHeight };
}

/** The two ends of the link from `a` to `b`, pulled in so it starts and ends clear of the glyphs. */
export function linkEnds(a: Point, b: Point, inset: number): { readonly from: Point; readonly to: Point } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  if (length === 0 || 2 * inset >= length) {
    const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    return { from: middle, to: middle };
  }
  const ux = dx / length;
  const uy = dy / length;
  return { from: { x: a.x + ux * inset, y: a.y + uy * inset }, to: { x: b.x - ux * inset, y: b.y - uy * inset } };
}

/**
 * The point at fraction `fraction` (0..1) of the way from `a` to `b`, shifted by `offset` to the
 * right of the direction of travel. The two directions of one link therefore use opposite sides
 * and never overlap (keep right, as on a road).
 */
export function pointAlong(a: Point, b: Point, fraction: number, offset = 0): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  const x = a.x + dx * fraction;
  const y = a.y + dy * fraction;
  if (length === 0 || offset === 0) return { x, y };
  // Screen y points down, so the right-hand normal of (dx, dy) is (-dy, dx).
  return { x: x - (dy / length) * offset, y: y + (dx / length) * offset };
}

/** A straight path from `a` to `b` (optionally offset to the right of the direction a -> b). */
export function linkPath(a: Point, b: Point, offset = 0): string {
  const start = pointAlong(a, b, 0, offset);
  const end = pointAlong(a, b, 1, offset);
  const line = path();
  line.moveTo(start.x, start.y);
  line.lineTo(end.x, end.y);
  return line.toString();
}

/**
 * The election timer as an arc around the node: full when the timer was just reset, shrinking
 * clockwise as `drained` goes from 0 to 1. Returns '' once fully drained.
 */
export function timerArcPath(drained: number, innerRadius: number, outerRadius: number): string {
  const remaining = 1 - Math.min(1, Math.max(0, drained));
  if (remaining <= 0) return '';
  return arc()({ innerRadius, outerRadius, startAngle: 0, endAngle: remaining * 2 * Math.PI }) ?? '';
}

export interface PartitionRegion {
  readonly label: string;
  readonly members: readonly NodeId[];
  /**
   * A rounded ring sector behind the members (d3.arc path, centred on the ring's centre, drawn
   * on a circle and stretched sideways by the ring's `stretch` when the ring is an ellipse).
   */
  readonly path: string;
  /** Where the region's label goes (absolute view coordinates). */
  readonly labelAt: Point;
}

/** Partition A, B, C ... in the order the view lists the groups. */
export function partitionLabel(index: number): string {
  return `Partition ${String.fromCharCode(65 + (index % 26))}`;
}

/**
 * One region per partition group when the network is split (none when it is whole): a rounded
 * ring sector spanning the group's slots. `ringOrder` guarantees each group is one run of slots.
 */
/** The font size of a partition label, in px: a little larger than the node labels. */
export function partitionLabelFont(layout: RingLayout): number {
  return nodeFontSizes(layout.nodeRadius, layout.textScale).label * 1.15;
}

export function partitionRegions(groups: readonly (readonly NodeId[])[], layout: RingLayout): PartitionRegion[] {
  const count = layout.order.length;
  // "Partition A" is about 11 characters: its half extents, to keep it off the nodes it labels.
  const font = partitionLabelFont(layout);
  const halfWidth = font * 11 * 0.3;
  const halfHeight = font * 0.6;
  if (groups.length <= 1 || count < 2) return [];
  const slotAngle = (2 * Math.PI) / count;
  const gap = Math.min(slotAngle * 0.12, 0.08);
  const { ringRadius, nodeRadius, center, stretch } = layout;
  const outerRadius = ringRadius + nodeRadius * (glyphRadii.voteMark + 0.2);
  // The band reaches well inside the nodes, so its label fits in the band, inward of the timer rings.
  const innerRadius = Math.max(0, ringRadius - nodeRadius * 2.75);
  const regionArc = arc<{ startAngle: number; endAngle: number }>()
    .innerRadius(innerRadius)
    .outerRadius(outerRadius)
    .cornerRadius(nodeRadius * 0.45);
  return groups.flatMap((group, index) => {
    const slots = group.map((id) => layout.order.indexOf(id)).filter((slot) => slot >= 0);
    if (slots.length === 0) return [];
    const run = cyclicRun(slots, count);
    const start = arcAngle(layout.angles.get(layout.order[run.first]!)!) - slotAngle / 2 + gap;
    const end = start + run.length * slotAngle - 2 * gap;
    const middle = (start + end) / 2 - Math.PI / 2;
    // Inside the band, between its inner edge and the timer rings (and the vote marks facing inward).
    const labelRadius = Math.max(ringRadius - nodeRadius * 2.1, (innerRadius + ringRadius) / 2 - nodeRadius * 0.6, 0);
    return [{
      label: partitionLabel(index),
      members: group,
      path: regionArc({ startAngle: start, endAngle: end }) ?? '',
      // Pulled inward by its own half size, so the whole label sits inside the band, not over the nodes.
      labelAt: {
        x: center.x + labelRadius * stretch * Math.cos(middle) - halfWidth * Math.cos(middle),
        y: center.y + labelRadius * Math.sin(middle) - halfHeight * Math.sin(middle),
      },
    }];
  });
}

/** The first slot and length of the run of `slots` on a cycle of `count` slots. */
function cyclicRun(slots: readonly number[], count: number): { readonly first: number; readonly length: number } {
  const taken = new Set(slots);
  const first = slots.find((slot) => !taken.has((slot - 1 + count) % count)) ?? Math.min(...slots);
  return { first, length: slots.length };
}

/**
 * Where a candidate shows the answer of each voter: on its rim, facing that voter, so a student
 * sees which node granted or refused without reading ids. Offsets are relative to the candidate.
 */
export function voteMarkOffsets(candidate: NodeId, layout: RingLayout): ReadonlyMap<NodeId, Point> {
  const origin = layout.positions.get(candidate);
  const marks = new Map<NodeId, Point>();
  if (origin === undefined) return marks;
  const radius = layout.nodeRadius * glyphRadii.voteMark;
  for (const [voter, position] of layout.positions) {
    if (voter === candidate) continue;
    const angle = Math.atan2(position.y - origin.y, position.x - origin.x);
    marks.set(voter, polar({ x: 0, y: 0 }, radius, angle));
  }
  return marks;
}

/**
 * Pure geometry of the cluster view: where each node sits on the ring, how big it is, where its
 * labels go, the links between nodes, points along a link, the election-timer arc and the
 * partition regions. d3 only computes here (scales, arcs, paths); React draws the results.
 *
 * Angles are in radians in screen coordinates (0 points right, growing clockwise since SVG's y
 * axis points down). d3.arc measures from 12 o'clock instead; `arcAngle` converts.
 */
import { arc, path, scaleLinear } from 'd3';
import type { NodeId } from '../../core/index.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The viewBox used when the caller does not pass a size: 4:3, one unit per pixel at 900px tall. */
export const defaultSize: Size = { width: 1200, height: 900 };

/** How much of the gap between neighbours a node's diameter takes (before the cap). */
const nodeSpacingRatio = 0.6;
/** Largest node radius, as a fraction of the smaller side of the view. */
const nodeRadiusMaxRatio = 0.075;
/** Padding at the edge of the view, in view units. */
const edgePadding = 12;

/** Node-relative radii (multiples of the node radius) shared by the glyph and the layout. */
export const glyphRadii = {
  /** The election/heartbeat timer ring. */
  timerInner: 1.1,
  timerOuter: 1.24,
  /** Vote marks (candidate) sit just outside the timer ring. */
  voteMark: 1.48,
  /** Links and messages start and end here, clear of the timer ring. */
  linkInset: 1.3,
  /** The label block starts here, radially outward from the ring. */
  label: 1.4,
} as const;

/** Space a node needs beyond its centre, in node radii: labels beside it (side) or above/below. */
const footprintSide = glyphRadii.label + 2;
const footprintVertical = glyphRadii.label + 1.3;

export interface RingLayout {
  readonly size: Size;
  readonly center: Point;
  readonly ringRadius: number;
  readonly nodeRadius: number;
  /** Ring order: the ids in the order they sit clockwise from 12 o'clock. */
  readonly order: readonly NodeId[];
  readonly positions: ReadonlyMap<NodeId, Point>;
  /** Screen angle of each node from the centre (for labels and partition regions). */
  readonly angles: ReadonlyMap<NodeId, number>;
}

/** Font sizes in view units for a node of radius `nodeRadius` (the id must read from the back row). */
export function nodeFontSizes(nodeRadius: number): { readonly id: number; readonly label: number; readonly badge: number } {
  return { id: nodeRadius * 0.62, label: Math.max(12, nodeRadius * 0.3), badge: nodeRadius * 0.3 };
}

/** Node radius and ring radius that fit `count` nodes, their timers and labels into `size`. */
export function ringDimensions(count: number, size: Size): { readonly ringRadius: number; readonly nodeRadius: number } {
  const halfWidth = Math.max(0, size.width / 2 - edgePadding);
  const halfHeight = Math.max(0, size.height / 2 - edgePadding);
  const nodeRadiusMax = Math.min(size.width, size.height) * nodeRadiusMaxRatio;
  if (count <= 1) {
    const nodeRadius = Math.min(nodeRadiusMax, halfWidth / footprintSide, halfHeight / footprintVertical);
    return { ringRadius: 0, nodeRadius };
  }
  // Uncapped, the node radius is a fixed share of the chord between neighbours: r = s * R.
  const share = nodeSpacingRatio * Math.sin(Math.PI / count);
  const ringRadius = Math.min(halfWidth / (1 + footprintSide * share), halfHeight / (1 + footprintVertical * share));
  const nodeRadius = share * ringRadius;
  if (nodeRadius <= nodeRadiusMax) return { ringRadius, nodeRadius };
  const capped = nodeRadiusMax;
  return {
    ringRadius: Math.max(0, Math.min(halfWidth - footprintSide * capped, halfHeight - footprintVertical * capped)),
    nodeRadius: capped,
  };
}

/**
 * The clockwise order of nodes on the ring. Ids stay in numeric order (so nodes do not move)
 * unless a partition group would then be split around the ring; then groups are laid out one
 * after another, so that each group's region is one unbroken stretch of the ring.
 */
export function ringOrder(ids: readonly NodeId[], groups: readonly (readonly NodeId[])[]): NodeId[] {
  const sorted = [...ids].sort((a, b) => a - b);
  if (groups.length <= 1 || groups.every((group) => isCyclicRun(sorted, group))) return sorted;
  const placed = new Set<NodeId>();
  const order: NodeId[] = [];
  for (const group of groups) {
    for (const id of [...group].sort((a, b) => a - b)) {
      if (sorted.includes(id) && !placed.has(id)) {
        placed.add(id);
        order.push(id);
      }
    }
  }
  return [...order, ...sorted.filter((id) => !placed.has(id))];
}

/** Whether the members of `group` occupy consecutive slots of the cyclic `order`. */
function isCyclicRun(order: readonly NodeId[], group: readonly NodeId[]): boolean {
  const members = new Set(group);
  const slots = order.map((id) => members.has(id));
  // A run on a cycle has exactly one start: a member whose predecessor is not a member.
  let starts = 0;
  slots.forEach((isMember, index) => {
    if (isMember && !slots[(index - 1 + slots.length) % slots.length]) starts += 1;
  });
  return starts <= 1;
}

/** Places the nodes clockwise from 12 o'clock on a ring centred in `size`. */
export function ringLayout(ids: readonly NodeId[], groups: readonly (readonly NodeId[])[], size: Size = defaultSize): RingLayout {
  const order = ringOrder(ids, groups);
  const { ringRadius, nodeRadius } = ringDimensions(order.length, size);
  // Slot 0 at 12 o'clock; two nodes sit side by side rather than one above the other.
  const start = order.length === 2 ? Math.PI : -Math.PI / 2;
  const angleOf = scaleLinear().domain([0, Math.max(1, order.length)]).range([start, start + 2 * Math.PI]);
  // An odd ring is taller above its centre than below: centre the nodes, not the circle.
  const heights = order.map((_, slot) => Math.sin(angleOf(slot)) * ringRadius);
  const shift = order.length > 1 ? -(Math.min(...heights) + Math.max(...heights)) / 2 : 0;
  const center = { x: size.width / 2, y: size.height / 2 + shift };
  const positions = new Map<NodeId, Point>();
  const angles = new Map<NodeId, number>();
  order.forEach((id, slot) => {
    // A lone node sits in the middle with its labels below it.
    const angle = order.length === 1 ? Math.PI / 2 : angleOf(slot);
    angles.set(id, angle);
    positions.set(id, polar(center, ringRadius, angle));
  });
  return { size, center, ringRadius, nodeRadius, order, positions, angles };
}

export function polar(center: Point, radius: number, angle: number): Point {
  return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
}

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
export function labelPlacement(angle: number, nodeRadius: number, lineCount: number): LabelPlacement {
  const { label: fontSize } = nodeFontSizes(nodeRadius);
  const lineHeight = fontSize * 1.2;
  const blockHeight = lineHeight * lineCount;
  const gap = nodeRadius * glyphRadii.label;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const anchor: TextAnchor = cos > 0.35 ? 'start' : cos < -0.35 ? 'end' : 'middle';
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
  /** A rounded ring sector behind the members (d3.arc path, centred on the ring's centre). */
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
export function partitionRegions(groups: readonly (readonly NodeId[])[], layout: RingLayout): PartitionRegion[] {
  const count = layout.order.length;
  if (groups.length <= 1 || count < 2) return [];
  const slotAngle = (2 * Math.PI) / count;
  const gap = Math.min(slotAngle * 0.12, 0.08);
  const { ringRadius, nodeRadius, center } = layout;
  const outerRadius = ringRadius + nodeRadius * (glyphRadii.voteMark + 0.2);
  const innerRadius = Math.max(0, ringRadius - nodeRadius * 2.2);
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
    // Just inside the band's inner edge, clear of the vote marks that face the centre.
    const labelRadius = Math.max(innerRadius - nodeRadius * 0.45, ringRadius * 0.25);
    return [{
      label: partitionLabel(index),
      members: group,
      path: regionArc({ startAngle: start, endAngle: end }) ?? '',
      labelAt: polar(center, labelRadius, middle),
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

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
import type { Messages } from '../i18n/catalogue.ts';
import type { Point } from './geometry.ts';
import { polar } from './geometry.ts';
import type { RingLayout } from './ring.ts';
import { boxesOverlap, glyphRadii, nodeFontSizes, textEms } from './glyph-metrics.ts';
import type { Box } from './glyph-metrics.ts';

/** d3.arc measures angles clockwise from 12 o'clock; screen angles start at 3 o'clock. */
export function arcAngle(screenAngle: number): number {
  return screenAngle + Math.PI / 2;
}

/**
 * The point at fraction `fraction` (0..1) of the way from `a` to `b`, shifted by `offset` to the
 * right of the direction of travel. The two directions of one link therefore use opposite sides
 * and never overlap (keep right, as on a road). A `bow` curves the way: its middle passes `bow`
 * px to the right of the straight line (negative: to the left), so it can go round a node.
 */
export function pointAlong(a: Point, b: Point, fraction: number, offset = 0, bow = 0): Point {
  const t = fraction;
  const control = bowControl(a, b, bow);
  // A quadratic Bézier; a straight line is interpolated directly, exact at its ends.
  const x = bow === 0 ? a.x + (b.x - a.x) * t : (1 - t) * (1 - t) * a.x + 2 * (1 - t) * t * control.x + t * t * b.x;
  const y = bow === 0 ? a.y + (b.y - a.y) * t : (1 - t) * (1 - t) * a.y + 2 * (1 - t) * t * control.y + t * t * b.y;
  if (offset === 0) return { x, y };
  const dx = 2 * (1 - t) * (control.x - a.x) + 2 * t * (b.x - control.x);
  const dy = 2 * (1 - t) * (control.y - a.y) + 2 * t * (b.y - control.y);
  const length = Math.hypot(dx, dy);
  if (length === 0) return { x, y };
  // Screen y points down, so the right-hand normal of (dx, dy) is (-dy, dx).
  return { x: x - (dy / length) * offset, y: y + (dx / length) * offset };
}

/** The control point that puts the curve's middle `bow` px to the right of the line a -> b. */
function bowControl(a: Point, b: Point, bow: number): Point {
  const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  if (bow === 0 || length === 0) return middle;
  // A quadratic's middle lies halfway between the chord's middle and its control point.
  return { x: middle.x - ((b.y - a.y) / length) * 2 * bow, y: middle.y + ((b.x - a.x) / length) * 2 * bow };
}

/**
 * A way between two node centres `a` and `b`: a straight line, or a curve bowed `bow` px to the
 * right of a -> b (see pointAlong), of which the part from fraction `start` to `end` is used (the
 * rest lies under the nodes' glyphs).
 */
export interface Way {
  readonly a: Point;
  readonly b: Point;
  readonly bow: number;
  readonly start: number;
  readonly end: number;
}

/** The way from `a` to `b` that leaves `inset` px clear at both ends (just the middle when they are closer than that). */
export function insetWay(a: Point, b: Point, inset: number, bow = 0): Way {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const start = length === 0 ? 0.5 : Math.min(0.5, inset / length);
  return { a, b, bow, start, end: 1 - start };
}

/** The point `fraction` (0..1) of the used part of `way`, `offset` px to the right of travel. */
export function wayPoint(way: Way, fraction: number, offset = 0): Point {
  return pointAlong(way.a, way.b, way.start + (way.end - way.start) * fraction, offset, way.bow);
}

/** The used part of `way` as an SVG path, `offset` px to the right of travel. */
export function wayPath(way: Way, offset = 0): string {
  const line = path();
  const first = wayPoint(way, 0, offset);
  const last = wayPoint(way, 1, offset);
  line.moveTo(first.x, first.y);
  if (way.bow === 0) {
    line.lineTo(last.x, last.y);
  } else if (offset === 0) {
    // A piece of a quadratic Bézier is one too: its control point lies along the tangent at the start.
    const control = bowControl(way.a, way.b, way.bow);
    const { start: t, end } = way;
    const half = (end - t) / 2;
    const tangent = { x: 2 * (1 - t) * (control.x - way.a.x) + 2 * t * (way.b.x - control.x), y: 2 * (1 - t) * (control.y - way.a.y) + 2 * t * (way.b.y - control.y) };
    line.quadraticCurveTo(first.x + tangent.x * half, first.y + tangent.y * half, last.x, last.y);
  } else {
    // An offset curve is no quadratic: follow it in short straight steps.
    for (let step = 1; step <= bowedPathSteps; step += 1) {
      const point = wayPoint(way, step / bowedPathSteps, offset);
      line.lineTo(point.x, point.y);
    }
  }
  return line.toString();
}

const bowedPathSteps = 16;

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
  /** Its name, "Partition A" (the region's accessible name starts with it). */
  readonly label: string;
  /** The text drawn: the name, or only its letter ("A") where the name finds no clear place. */
  readonly shown: string;
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
export function partitionLabel(m: Messages, index: number): string {
  return m.cluster.partition.label(partitionLetter(index));
}

function partitionLetter(index: number): string {
  return String.fromCharCode(65 + (index % 26));
}

/** The font size of a partition label, in px: a little larger than the node labels. */
export function partitionLabelFont(layout: RingLayout): number {
  return nodeFontSizes(layout.nodeRadius, layout.textScale).label * 1.15;
}

/**
 * One region per partition group when the network is split (none when it is whole): a rounded
 * ring sector spanning the group's slots. `ringOrder` guarantees each group is one run of slots.
 *
 * Each label sits inside its group's wedge, on the line from the centre through the middle of its
 * group, as near the group's nodes as it can without covering a node or another group's label.
 * With a few large nodes the space inside the ring is small and shared by every group, so the
 * distance matters: two labels at the same depth would be drawn over each other.
 */
export function partitionRegions(m: Messages, groups: readonly (readonly NodeId[])[], layout: RingLayout): PartitionRegion[] {
  const count = layout.order.length;
  if (groups.length <= 1 || count < 2) return [];
  const font = partitionLabelFont(layout);
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
  // Inside the band, between its inner edge and the timer rings (and the vote marks facing inward).
  const preferred = Math.max(ringRadius - nodeRadius * 2.1, (innerRadius + ringRadius) / 2 - nodeRadius * 0.6, 0);
  const reach = nodeRadius * glyphRadii.voteMark;
  const nodes: Box[] = [...layout.positions.values()].map((at) => ({ left: at.x - reach, right: at.x + reach, top: at.y - reach, bottom: at.y + reach }));
  const placed: Box[] = [];
  const step = Math.max(2, nodeRadius * 0.15);
  const isClear = (box: Box) => box.left >= 0 && box.top >= 0 && box.right <= layout.size.width && box.bottom <= layout.size.height && ![...nodes, ...placed].some((other) => boxesOverlap(box, other));
  return groups.flatMap((group, index) => {
    const slots = group.map((id) => layout.order.indexOf(id)).filter((slot) => slot >= 0);
    if (slots.length === 0) return [];
    const run = cyclicRun(slots, count);
    const start = arcAngle(layout.angles.get(layout.order[run.first]!)!) - slotAngle / 2 + gap;
    const end = start + run.length * slotAngle - 2 * gap;
    const middle = (start + end) / 2 - Math.PI / 2;
    // Inside the group's wedge (its middle angle ± half its span), on the ellipse the ring is drawn on.
    const inWedge = (point: Point) => {
      const dx = (point.x - center.x) / stretch;
      const dy = point.y - center.y;
      if (Math.hypot(dx, dy) < nodeRadius * 0.5) return true;
      const off = Math.atan2(dy, dx) - middle;
      return Math.abs(Math.atan2(Math.sin(off), Math.cos(off))) <= (end - start) / 2;
    };
    const halfSize = (text: string) => ({ width: (textEms(text) * font) / 2, height: font * 0.6 });
    // Pulled inward by its own half size, so the whole label sits inside the band, not over the nodes.
    const at = (radius: number, half: { width: number; height: number }): Point => ({
      x: center.x + radius * stretch * Math.cos(middle) - half.width * Math.cos(middle),
      y: center.y + radius * Math.sin(middle) - half.height * Math.sin(middle),
    });
    const boxAround = (point: Point, half: { width: number; height: number }): Box => ({ left: point.x - half.width, right: point.x + half.width, top: point.y - half.height, bottom: point.y + half.height });
    // First on the line through the middle of the group, as near its nodes as is clear (leaving the
    // shared middle of the ring to the other groups); failing that, around the preferred point.
    const spotFor = (text: string): Point | null => {
      const half = halfSize(text);
      const candidates: Point[] = [];
      for (let radius = ringRadius; radius >= 0; radius -= step) candidates.push(at(radius, half));
      const around = at(preferred, half);
      for (let ring = 1; ring <= labelSearchRings; ring += 1) {
        for (let k = 0; k < 12; k += 1) candidates.push({ x: around.x + ring * step * Math.cos((k * Math.PI) / 6), y: around.y + ring * step * Math.sin((k * Math.PI) / 6) });
      }
      return candidates.find((candidate) => inWedge(candidate) && isClear(boxAround(candidate, half))) ?? null;
    };
    const label = partitionLabel(m, index);
    const letter = partitionLetter(index);
    // The name where it fits; else only its letter (a crowded ring); else the letter where it would go.
    const named = spotFor(label);
    const lettered = named === null ? spotFor(letter) : null;
    const shown = named === null ? letter : label;
    const labelAt = named ?? lettered ?? at(preferred, halfSize(letter));
    placed.push(boxAround(labelAt, halfSize(shown)));
    return [{ label, shown, members: group, path: regionArc({ startAngle: start, endAngle: end }) ?? '', labelAt }];
  });
}

/** How far a label may move from its preferred point, in rings of candidates. */
const labelSearchRings = 24;

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

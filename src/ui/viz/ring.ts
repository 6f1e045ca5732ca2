/**
 * Where the nodes sit: a ring sized to the cluster view, in CSS pixels (the view measures its box
 * and uses it as its viewBox, so one unit is one pixel and sizes can promise legibility).
 *
 * The node radius is the largest that fits, after leaving room for each node's timer ring, its
 * label block (three lines: role, term, vote) outward of the ring, and clear space between
 * neighbours; no label may cover another node or its label. When three lines do not fit (many
 * nodes in a small view) the labels go compact: one line, "F t3 v7". Label text grows with the
 * node between a floor that stays legible and a cap that keeps labels from crowding the ring.
 */
import { scaleLinear } from 'd3';
import type { NodeId } from '../../core/index.ts';
import type { Point, Size } from './geometry.ts';
import { boxesOverlap, defaultLabelWidths, glyphRadii, labelBlockBox, labelLineCount, labelLineHeight, nodeFontSizes } from './glyph-metrics.ts';
import type { Box, LabelStyle, LabelWidths } from './glyph-metrics.ts';

/** The size used when the caller does not pass one (tests, first render before measuring). */
export const defaultSize: Size = { width: 1200, height: 900 };

/** Node radius bounds, in px. */
const nodeRadiusMin = 8;
/** Full labels need a node that holds its id at 14 px; below that, compact labels take over. */
const fullLabelRadiusMin = 14;
const nodeRadiusMax = 72;
/** Padding at the edge of the view, in px. */
const edgePadding = 10;
/** Centre-to-centre distance between neighbours, in node radii: two timer rings and a gap. */
const neighbourSpacing = 3.0;
/** The ring may be an ellipse this much wider than tall, to use a wide panel. */
const stretchMax = 1.9;
export interface RingLayout {
  readonly size: Size;
  readonly center: Point;
  /** The ring's vertical radius; its horizontal one is `ringRadius * stretch`. */
  readonly ringRadius: number;
  /** Width over height of the ring (1 for a circle, up to 1.9 on a wide panel). */
  readonly stretch: number;
  readonly nodeRadius: number;
  /** Ring order: the ids in the order they sit clockwise from 12 o'clock. */
  readonly order: readonly NodeId[];
  readonly positions: ReadonlyMap<NodeId, Point>;
  /** Screen angle of each node from the centre (for labels and partition regions). */
  readonly angles: ReadonlyMap<NodeId, number>;
  /** How much larger than normal the labels are (Large type). */
  readonly textScale: number;
  /** Three-line labels, or one compact line when three do not fit. */
  readonly labelStyle: LabelStyle;
}

/**
 * Room a node of radius r needs beyond its centre: beside it (labels to one side), above or
 * below it when its labels stack outward there (the node at 12 o'clock, and at 6 o'clock on an
 * even ring), and above or below it otherwise (labels beside it, vertically centred).
 */
function footprint(nodeRadius: number, textScale: number, style: LabelStyle, widths: LabelWidths): { readonly side: number; readonly stacked: number; readonly flat: number } {
  const label = nodeFontSizes(nodeRadius, textScale).label;
  const beyondRing = nodeRadius * glyphRadii.label;
  const block = label * labelLineCount[style] * labelLineHeight;
  return {
    side: beyondRing + label * widths[style],
    stacked: beyondRing + block,
    flat: Math.max(nodeRadius * 1.36, beyondRing * 0.5 + block / 2),
  };
}

interface RingFit {
  readonly labelStyle: LabelStyle;
  readonly ringRadius: number;
  readonly stretch: number;
  readonly nodeRadius: number;
  /** Where the ring's centre sits below the view's top edge, so the labels above and below fit. */
  readonly centerY: number;
}

/** How far below the centre the lowest node sits, in vertical radii: 1 on an even ring, cos(π/n) on an odd one. */
function lowestNode(count: number): number {
  return count % 2 === 0 ? 1 : Math.cos(Math.PI / count);
}

/** The smallest distance between neighbours on an ellipse of radii (rx, ry) with `count` slots from 12 o'clock. */
function neighbourDistance(count: number, rx: number, ry: number): number {
  let nearest = Infinity;
  for (let slot = 0; slot < count; slot += 1) {
    const a = -Math.PI / 2 + (slot * 2 * Math.PI) / count;
    const b = a + (2 * Math.PI) / count;
    nearest = Math.min(nearest, Math.hypot(rx * (Math.cos(b) - Math.cos(a)), ry * (Math.sin(b) - Math.sin(a))));
  }
  return nearest;
}

/**
 * The ring that fits `count` nodes of radius r into `size` (labels included): as tall as the
 * view allows, and wider where the view is wider. Null when the nodes do not fit: too close to
 * their neighbours, out of the view, or a label on another node or its label.
 */
function fitRing(count: number, size: Size, nodeRadius: number, textScale: number, labelStyle: LabelStyle, widths: LabelWidths): RingFit | null {
  const { side, stacked, flat } = footprint(nodeRadius, textScale, labelStyle, widths);
  const halfWidth = size.width / 2 - edgePadding;
  const height = size.height - 2 * edgePadding;
  if (count <= 1) {
    return halfWidth >= side && height >= flat + stacked ? { labelStyle, ringRadius: 0, stretch: 1, nodeRadius, centerY: edgePadding + (height - stacked + flat) / 2 } : null;
  }
  if (count === 2) {
    // Two nodes sit side by side: a wide ring, labels beside them.
    const radiusX = halfWidth - side;
    const fits = radiusX > 0 && height >= 2 * flat && 2 * radiusX >= neighbourSpacing * nodeRadius;
    return fits ? { labelStyle, ringRadius: radiusX, stretch: 1, nodeRadius, centerY: size.height / 2 } : null;
  }
  const bottom = count % 2 === 0 ? stacked : flat;
  const radiusY = Math.min((height - stacked - bottom) / (1 + lowestNode(count)), halfWidth - side);
  if (radiusY <= 0) return null;
  const radiusX = Math.min(halfWidth - side, radiusY * stretchMax);
  if (neighbourDistance(count, radiusX, radiusY) < neighbourSpacing * nodeRadius) return null;
  const used = stacked + radiusY * (1 + lowestNode(count)) + bottom;
  const fit: RingFit = { labelStyle, ringRadius: radiusY, stretch: radiusX / radiusY, nodeRadius, centerY: edgePadding + (height - used) / 2 + stacked + radiusY };
  return labelsAreClear(count, size, fit, textScale, widths) ? fit : null;
}

/** The angle of each of `count` slots, clockwise from 12 o'clock (a pair sits side by side, a lone node's labels go below). */
function slotAngles(count: number): number[] {
  if (count === 1) return [Math.PI / 2];
  const start = count === 2 ? Math.PI : -Math.PI / 2;
  const angleOf = scaleLinear().domain([0, count]).range([start, start + 2 * Math.PI]);
  return Array.from({ length: count }, (_, slot) => angleOf(slot));
}

function slotPoint(center: Point, fit: RingFit, angle: number): Point {
  return { x: center.x + fit.ringRadius * fit.stretch * Math.cos(angle), y: center.y + fit.ringRadius * Math.sin(angle) };
}

/** Every label inside the view and clear of the other nodes (timer rings included) and their labels. */
function labelsAreClear(count: number, size: Size, fit: RingFit, textScale: number, widths: LabelWidths): boolean {
  const center = { x: size.width / 2, y: fit.centerY };
  const block = { lineCount: labelLineCount[fit.labelStyle], widthEms: widths[fit.labelStyle] };
  const reach = fit.nodeRadius * glyphRadii.timerOuter;
  const slots = slotAngles(count).map((angle) => {
    const at = slotPoint(center, fit, angle);
    const label = labelBlockBox(angle, fit.nodeRadius, block, textScale);
    return {
      label: { left: at.x + label.left, right: at.x + label.right, top: at.y + label.top, bottom: at.y + label.bottom },
      body: { left: at.x - reach, right: at.x + reach, top: at.y - reach, bottom: at.y + reach },
    };
  });
  const inView = (box: Box) => box.left >= 0 && box.top >= 0 && box.right <= size.width && box.bottom <= size.height;
  return slots.every((slot, index) => inView(slot.label) && slots.every((other, otherIndex) => otherIndex === index || (!boxesOverlap(slot.label, other.body) && !boxesOverlap(slot.label, other.label))));
}

/**
 * Node radius and ring radii that fit `count` nodes, their timers and labels into `size`: full
 * labels if they fit around nodes large enough to hold a badge and an id, compact ones otherwise.
 */
export function ringDimensions(count: number, size: Size, textScale = 1, widths: LabelWidths = defaultLabelWidths): RingFit {
  const largest = Math.min(nodeRadiusMax, Math.min(size.width, size.height) * 0.14);
  // The largest radius that fits: search down in half-pixel steps (at most ~120 steps each).
  for (const [labelStyle, smallest] of [['full', fullLabelRadiusMin], ['compact', nodeRadiusMin]] as const) {
    for (let nodeRadius = largest; nodeRadius >= smallest; nodeRadius -= 0.5) {
      const fit = fitRing(count, size, nodeRadius, textScale, labelStyle, widths);
      if (fit !== null) return fit;
    }
  }
  // A view too small for legible nodes still draws them, as large as the space allows.
  const ringRadius = count <= 1 ? 0 : Math.max(0, Math.min(size.width, size.height) / 2 - edgePadding - nodeRadiusMin * 2);
  const nodeRadius = Math.max(4, Math.min(nodeRadiusMin, count <= 1 ? ringRadius : ringRadius * Math.sin(Math.PI / count) * 0.6));
  return { labelStyle: 'compact', ringRadius, stretch: 1, nodeRadius, centerY: size.height / 2 };
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
export function ringLayout(ids: readonly NodeId[], groups: readonly (readonly NodeId[])[], size: Size = defaultSize, textScale = 1, widths: LabelWidths = defaultLabelWidths): RingLayout {
  const order = ringOrder(ids, groups);
  const fit = ringDimensions(order.length, size, textScale, widths);
  const slots = slotAngles(order.length);
  // The fit centres the nodes and their labels, not the ring (an odd ring is taller above its centre).
  const center = { x: size.width / 2, y: fit.centerY };
  const positions = new Map<NodeId, Point>();
  const angles = new Map<NodeId, number>();
  order.forEach((id, slot) => {
    const angle = slots[slot]!;
    angles.set(id, angle);
    positions.set(id, slotPoint(center, fit, angle));
  });
  const { ringRadius, stretch, nodeRadius, labelStyle } = fit;
  return { size, center, ringRadius, stretch, nodeRadius, order, positions, angles, textScale, labelStyle };
}

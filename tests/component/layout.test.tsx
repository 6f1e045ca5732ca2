import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/ui/viz/geometry.ts';
import { boxesOverlap, glyphRadii, labelBox, labelPlacement, nodeFontSizes, textEms } from '../../src/ui/viz/glyph-metrics.ts';
import type { Box } from '../../src/ui/viz/glyph-metrics.ts';
import { insetWay, partitionLabelFont, partitionRegions, pointAlong, timerArcPath, voteMarkOffsets, wayPath, wayPoint } from '../../src/ui/viz/layout.ts';
import { defaultSize, ringLayout, ringOrder } from '../../src/ui/viz/ring.ts';
import { labelLines } from '../../src/ui/viz/node-status.ts';
import { messagesFor } from '../../src/ui/i18n/catalogue.ts';
import { clusterLinks, cutLinkMarks, lane, laneBow, laneOffset, messageSize } from '../../src/ui/viz/links.ts';

const m = messagesFor('en');
const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

describe('ringLayout', () => {
  const sizes = [defaultSize, { width: 900, height: 900 }, { width: 1600, height: 900 }, { width: 600, height: 800 }];

  for (const size of sizes) {
    it(`fits 1..15 nodes without overlap inside ${size.width}x${size.height}`, () => {
      for (let count = 1; count <= 15; count += 1) {
        const layout = ringLayout(range(count), [range(count)], size);
        const points = [...layout.positions.values()];
        expect(points).toHaveLength(count);
        const reach = layout.nodeRadius * glyphRadii.timerOuter;
        for (const point of points) {
          expect(point.x - reach, `${count} nodes`).toBeGreaterThanOrEqual(0);
          expect(point.x + reach, `${count} nodes`).toBeLessThanOrEqual(size.width);
          expect(point.y - reach, `${count} nodes`).toBeGreaterThanOrEqual(0);
          expect(point.y + reach, `${count} nodes`).toBeLessThanOrEqual(size.height);
        }
        points.forEach((a, i) => points.slice(i + 1).forEach((b) => expect(distance(a, b), `${count} nodes`).toBeGreaterThan(2 * reach)));
      }
    });
  }

  // The widest labels a node can have (a 15-node cluster in term 12): no label may cover another
  // node or another node's label, whether the view is a projector's or a small laptop's.
  const widest = { role: 'candidate', alive: true, term: 12, vote: 15 } as const;
  const moved = (box: Box, at: Point): Box => ({ left: box.left + at.x, right: box.right + at.x, top: box.top + at.y, bottom: box.bottom + at.y });
  const labelSizes = [{ width: 908, height: 554 }, { width: 583, height: 269 }, { width: 640, height: 420 }, { width: 1400, height: 760 }];
  for (const size of labelSizes) {
    it(`keeps every node's labels off the other nodes and their labels, 1..15 nodes in ${size.width}x${size.height}`, () => {
      for (let count = 1; count <= 15; count += 1) {
        const layout = ringLayout(range(count), [range(count)], size);
        const lines = labelLines(m, widest, layout.labelStyle);
        const reach = layout.nodeRadius * glyphRadii.timerOuter;
        const nodes = layout.order.map((id) => {
          const at = layout.positions.get(id)!;
          return { id, label: moved(labelBox(layout.angles.get(id)!, layout.nodeRadius, lines), at), body: { left: at.x - reach, right: at.x + reach, top: at.y - reach, bottom: at.y + reach } };
        });
        for (const node of nodes) {
          expect(node.label.left, `${count} nodes: node ${node.id}'s label inside the view`).toBeGreaterThanOrEqual(0);
          expect(node.label.right, `${count} nodes: node ${node.id}'s label inside the view`).toBeLessThanOrEqual(size.width);
          for (const other of nodes) {
            if (other === node) continue;
            expect(boxesOverlap(node.label, other.body), `${count} nodes: node ${node.id}'s label on node ${other.id}`).toBe(false);
            expect(boxesOverlap(node.label, other.label), `${count} nodes: labels of ${node.id} and ${other.id}`).toBe(false);
          }
        }
      }
    });
  }

  it('goes to one compact label line only when three lines do not fit', () => {
    expect(ringLayout(range(5), [range(5)], { width: 908, height: 554 }).labelStyle).toBe('full');
    expect(ringLayout(range(15), [range(15)], { width: 908, height: 554 }).labelStyle).toBe('full');
    expect(ringLayout(range(15), [range(15)], { width: 583, height: 269 }).labelStyle).toBe('compact');
    expect(labelLines(m, widest, 'compact')).toEqual(['C t12 v15']);
    expect(labelLines(m, { role: null, alive: false, term: 2, vote: null }, 'compact')).toEqual(['✗ t2 v–']);
  });

  it('keeps node ids at least 24px tall for up to 15 nodes in a 900px-tall layout', () => {
    for (const count of [3, 5, 7, 9, 15]) {
      const layout = ringLayout(range(count), [range(count)], defaultSize);
      expect(nodeFontSizes(layout.nodeRadius).id, `${count} nodes`).toBeGreaterThanOrEqual(24);
    }
  });

  it('puts node 1 at 12 o\'clock and goes clockwise', () => {
    const layout = ringLayout(range(4), [range(4)], { width: 800, height: 800 });
    const [one, two, three, four] = [1, 2, 3, 4].map((id) => layout.positions.get(id)!) as [Point, Point, Point, Point];
    expect(one.x).toBeCloseTo(400);
    expect(one.y).toBeLessThan(400);
    expect(two.x).toBeGreaterThan(400);
    expect(three.y).toBeGreaterThan(400);
    expect(four.x).toBeLessThan(400);
  });

  it('centres a lone node and puts a pair side by side', () => {
    // A lone node is centred sideways and sits a little high, its labels stacked under it.
    const lone = ringLayout([1], [[1]], { width: 800, height: 600 });
    expect(lone.positions.get(1)!.x).toBe(400);
    expect(lone.positions.get(1)!.y).toBeLessThan(300);
    expect(lone.positions.get(1)!.y).toBeGreaterThan(200);
    const pair = ringLayout([1, 2], [[1, 2]], { width: 800, height: 600 });
    expect(pair.positions.get(1)!.y).toBeCloseTo(pair.positions.get(2)!.y);
    expect(pair.positions.get(1)!.x).toBeLessThan(pair.positions.get(2)!.x);
  });
});

describe('ringOrder', () => {
  it('keeps numeric order when every group is one stretch of the ring (wrapping included)', () => {
    expect(ringOrder([3, 1, 2, 5, 4], [[1, 2], [3, 4, 5]])).toEqual([1, 2, 3, 4, 5]);
    expect(ringOrder([1, 2, 3, 4, 5], [[1, 2, 4, 5], [3]])).toEqual([1, 2, 3, 4, 5]);
    expect(ringOrder([1, 2, 3, 4, 5], [[1, 5], [2, 3, 4]])).toEqual([1, 2, 3, 4, 5]);
  });

  it('lays groups out one after another when a group would be split', () => {
    expect(ringOrder([1, 2, 3, 4, 5], [[1, 3], [2, 4, 5]])).toEqual([1, 3, 2, 4, 5]);
  });
});

describe('partitionRegions', () => {
  it('draws no region for a whole network and one per group when split', () => {
    const whole = ringLayout(range(5), [range(5)]);
    expect(partitionRegions(m, [range(5)], whole)).toEqual([]);
    const groups = [[1, 3], [2, 4, 5]];
    const split = ringLayout(range(5), groups);
    const regions = partitionRegions(m, groups, split);
    expect(regions.map((region) => region.label)).toEqual(['Partition A', 'Partition B']);
    for (const region of regions) expect(region.path).toMatch(/^M[-\d.]/);
  });

  it('writes the names in full where they fit, and only their letters in a ring too crowded for them', () => {
    const shown = (groups: number[][], size: { width: number; height: number }) => partitionRegions(m, groups, ringLayout(range(groups.flat().length), groups, size)).map((region) => region.shown);
    expect(shown([[1, 2], [3, 4, 5]], { width: 908, height: 554 })).toEqual(['Partition A', 'Partition B']);
    expect(shown([[1, 2, 3], [4, 5, 6], [7, 8, 9]], { width: 908, height: 554 })).toEqual(['Partition A', 'Partition B', 'Partition C']);
    expect(shown([[1, 2], [3], [4, 5]], { width: 583, height: 269 })).toContain('B');
  });

  // Few large nodes leave little room inside the ring, and every group's label shares it.
  const splits = [
    [[1, 2], [3, 4, 5]],
    [[1], [2, 3, 4, 5]],
    [[1, 2], [3], [4, 5]],
    [[1, 2, 3], [4, 5, 6, 7]],
    [[1, 2], [3, 4, 5, 6, 7, 8, 9]],
    [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
    [[1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15]],
  ];
  for (const size of [{ width: 908, height: 554 }, { width: 865, height: 369 }, { width: 583, height: 269 }]) {
    it(`puts each group's label clear of the nodes and of the other labels, in ${size.width}x${size.height}`, () => {
      for (const language of ['en', 'zh-CN'] as const) {
        const catalogue = messagesFor(language);
        for (const groups of splits) {
          const ids = range(groups.flat().length);
          const layout = ringLayout(ids, groups, size);
          const font = partitionLabelFont(layout);
          const reach = layout.nodeRadius * glyphRadii.timerOuter;
          const labels = partitionRegions(catalogue, groups, layout).map((region) => {
            const half = { width: (textEms(region.shown) * font) / 2, height: font * 0.5 };
            return { left: region.labelAt.x - half.width, right: region.labelAt.x + half.width, top: region.labelAt.y - half.height, bottom: region.labelAt.y + half.height };
          });
          const what = `${language}, ${JSON.stringify(groups)}`;
          labels.forEach((label, index) => {
            for (const other of labels.slice(index + 1)) expect(boxesOverlap(label, other), `${what}: two labels`).toBe(false);
            for (const at of layout.positions.values()) {
              expect(boxesOverlap(label, { left: at.x - reach, right: at.x + reach, top: at.y - reach, bottom: at.y + reach }), `${what}: a label on a node`).toBe(false);
            }
          });
        }
      }
    });
  }
});

describe('links', () => {
  it('draws each pair once and marks the pairs a partition separates', () => {
    const groups = [[1, 2], [3, 4, 5]];
    const links = clusterLinks(ringLayout(range(5), groups), groups);
    expect(links).toHaveLength(10);
    expect(links.filter((link) => link.isSevered)).toHaveLength(6);
    expect(links.find((link) => link.a === 1 && link.b === 2)!.isSevered).toBe(false);
  });

  it('puts the two cut directions of a link on opposite sides', () => {
    const layout = ringLayout(range(3), [range(3)]);
    const marks = cutLinkMarks(layout, [{ from: 1, to: 2 }, { from: 2, to: 1 }]);
    expect(marks).toHaveLength(2);
    const [forward, backward] = [marks[0]!, marks[1]!];
    const middle = { x: (layout.positions.get(1)!.x + layout.positions.get(2)!.x) / 2, y: (layout.positions.get(1)!.y + layout.positions.get(2)!.y) / 2 };
    expect(distance(forward.cross, backward.cross)).toBeGreaterThan(0);
    expect(distance(forward.cross, middle)).toBeCloseTo(distance(backward.cross, middle));
  });
});

describe('pointAlong', () => {
  const a = { x: 0, y: 0 };
  const b = { x: 100, y: 0 };

  it('goes from a (0) to b (1)', () => {
    expect(pointAlong(a, b, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(a, b, 0.25)).toEqual({ x: 25, y: 0 });
    expect(pointAlong(a, b, 1)).toEqual({ x: 100, y: 0 });
  });

  it('keeps to the right of travel, so the two directions do not overlap', () => {
    // Travelling right on screen (y down), the right-hand side is below.
    expect(pointAlong(a, b, 0.5, 10)).toEqual({ x: 50, y: 10 });
    expect(pointAlong(b, a, 0.5, 10)).toEqual({ x: 50, y: -10 });
  });

  it('stays put on a zero-length link', () => {
    expect(pointAlong(a, a, 0.5, 10)).toEqual({ x: 0, y: 0 });
  });

  it('bows the middle of the way by `bow` to the right of travel, keeping both ends', () => {
    expect(pointAlong(a, b, 0.5, 0, 20)).toEqual({ x: 50, y: 20 });
    expect(pointAlong(a, b, 0.5, 0, -20)).toEqual({ x: 50, y: -20 });
    expect(pointAlong(a, b, 0, 0, 20)).toEqual(a);
    expect(pointAlong(a, b, 1, 0, 20)).toEqual(b);
    // The lane offset follows the curve: at the middle the tangent is level again.
    expect(pointAlong(a, b, 0.5, 10, 20)).toEqual({ x: 50, y: 30 });
  });
});

describe('laneBow', () => {
  it('bows the links of a small ring gently at most, most of them not at all', () => {
    const layout = ringLayout(range(5), [range(5)], { width: 908, height: 554 });
    let straight = 0;
    for (const from of range(5)) {
      for (const to of range(5)) {
        if (from === to) continue;
        const length = distance(layout.positions.get(from)!, layout.positions.get(to)!);
        expect(Math.abs(laneBow(layout, from, to))).toBeLessThan(length * 0.05);
        if (laneBow(layout, from, to) === 0) straight += 1;
      }
    }
    expect(straight).toBeGreaterThanOrEqual(16);
  });

  // A message on a lane that crossed a third node would seem to come from it.
  for (const size of [{ width: 583, height: 269 }, { width: 908, height: 554 }, { width: 640, height: 420 }]) {
    it(`keeps every message of a 15-node ring off the nodes it does not travel between, in ${size.width}x${size.height}`, () => {
      const layout = ringLayout(range(15), [range(15)], size);
      const clear = layout.nodeRadius * glyphRadii.timerOuter + messageSize(layout.nodeRadius);
      let bowed = 0;
      for (const from of range(15)) {
        for (const to of range(15)) {
          if (from === to) continue;
          const way = lane(layout, from, to)!;
          const bow = laneBow(layout, from, to);
          expect(way.bow).toBe(bow);
          expect(laneBow(layout, to, from)).toBe(bow === 0 ? 0 : -bow);
          if (bow !== 0) bowed += 1;
          for (let step = 0; step <= 40; step += 1) {
            const at = wayPoint(way, step / 40, laneOffset(layout.nodeRadius));
            for (const [id, centre] of layout.positions) {
              if (id !== from && id !== to) expect(distance(at, centre), `${from}->${to} at ${step / 40} passes node ${id}`).toBeGreaterThanOrEqual(clear);
            }
          }
        }
      }
      expect(bowed).toBeGreaterThan(0);
    });
  }
});

describe('insetWay', () => {
  const a = { x: 0, y: 0 };
  const b = { x: 100, y: 0 };

  it('pulls both ends in by the inset', () => {
    const way = insetWay(a, b, 10);
    expect(wayPoint(way, 0)).toEqual({ x: 10, y: 0 });
    expect(wayPoint(way, 1)).toEqual({ x: 90, y: 0 });
    expect(wayPath(way)).toBe('M10,0L90,0');
  });

  it('collapses to the middle when the nodes are closer than two insets', () => {
    const way = insetWay(a, { x: 10, y: 0 }, 10);
    expect(wayPoint(way, 0)).toEqual({ x: 5, y: 0 });
    expect(wayPoint(way, 1)).toEqual({ x: 5, y: 0 });
  });

  it('draws a bowed way as the matching piece of its curve', () => {
    const way = insetWay(a, b, 10, 20);
    // The piece's own control point: the path's middle (t = 0.5 of the piece) is the curve's apex.
    const match = /^M([\d.-]+),([\d.-]+)Q([\d.-]+),([\d.-]+),([\d.-]+),([\d.-]+)$/.exec(wayPath(way));
    const [x0, y0, cx, cy, x1, y1] = match!.slice(1).map(Number) as [number, number, number, number, number, number];
    const middle = { x: 0.25 * x0 + 0.5 * cx + 0.25 * x1, y: 0.25 * y0 + 0.5 * cy + 0.25 * y1 };
    expect(middle.x).toBeCloseTo(50);
    expect(middle.y).toBeCloseTo(20);
    expect({ x: x0, y: y0 }).toEqual(wayPoint(way, 0));
  });
});

describe('timerArcPath', () => {
  it('is a full ring when nothing is drained and empty when all is', () => {
    expect(timerArcPath(0, 10, 12)).toMatch(/^M/);
    expect(timerArcPath(1, 10, 12)).toBe('');
    expect(timerArcPath(1.5, 10, 12)).toBe('');
  });

  it('shrinks as the timer drains', () => {
    expect(timerArcPath(0.25, 10, 12)).not.toBe(timerArcPath(0.75, 10, 12));
    expect(timerArcPath(-1, 10, 12)).toBe(timerArcPath(0, 10, 12));
  });
});

describe('labelPlacement', () => {
  it('puts labels outward: above a top node, below a bottom node, beside side nodes', () => {
    const radius = 50;
    const top = labelPlacement(-Math.PI / 2, radius, 3);
    expect(top.anchor).toBe('middle');
    expect(top.y + 2 * top.lineHeight).toBeLessThan(-radius);
    const bottom = labelPlacement(Math.PI / 2, radius, 3);
    expect(bottom.y).toBeGreaterThan(radius);
    expect(labelPlacement(0, radius, 3).anchor).toBe('start');
    expect(labelPlacement(Math.PI, radius, 3).anchor).toBe('end');
  });
});

describe('voteMarkOffsets', () => {
  it('places one mark per other node, on the rim, facing that node', () => {
    const layout = ringLayout(range(5), [range(5)]);
    const marks = voteMarkOffsets(1, layout);
    expect([...marks.keys()].sort()).toEqual([2, 3, 4, 5]);
    const one = layout.positions.get(1)!;
    for (const [voter, offset] of marks) {
      expect(Math.hypot(offset.x, offset.y)).toBeCloseTo(layout.nodeRadius * glyphRadii.voteMark);
      const towardVoter = { x: layout.positions.get(voter)!.x - one.x, y: layout.positions.get(voter)!.y - one.y };
      const cosine = (offset.x * towardVoter.x + offset.y * towardVoter.y) / (Math.hypot(offset.x, offset.y) * Math.hypot(towardVoter.x, towardVoter.y));
      expect(cosine).toBeCloseTo(1);
    }
  });
});

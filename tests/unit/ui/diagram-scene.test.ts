/**
 * The space-time diagram's shapes (diagram-layout.ts, diagram-scene.ts, diagram-markup.ts) on a
 * hand-made window: where lanes and ticks fall in both orientations, what the filters keep, what
 * fades, what a point hits, and the file's legend in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { DiagramMessage, DiagramWindow } from '../../../src/protocol/worker-protocol.ts';
import { en } from '../../../src/ui/i18n/en/index.ts';
import { zhCN } from '../../../src/ui/i18n/zh-CN/index.ts';
import { diagramGeometry, lanePx, rangedGeometry, roleStretches, shownMessages, tickAtPoint, timePx } from '../../../src/ui/viz/diagram-layout.ts';
import { diagramLegendMarkup, sceneMarkup } from '../../../src/ui/viz/diagram-markup.ts';
import { arrowAt, diagramScene, markAt } from '../../../src/ui/viz/diagram-scene.ts';

function message(id: number, fields: Partial<DiagramMessage>): DiagramMessage {
  return { id, type: 'MsgApp', from: 1, to: 2, term: 1, sent: 0, arrive: 10, lost: false, copyOf: null, ok: null, heartbeat: false, ...fields };
}

const window: DiagramWindow = {
  from: 0,
  to: 100,
  nodes: 3,
  startRoles: ['leader', 'follower', 'follower'],
  startTerms: [1, 1, 1],
  messages: [
    message(1, { from: 1, to: 2, sent: 10, arrive: 20 }),
    message(2, { from: 1, to: 3, sent: 10, arrive: 40, lost: true }),
    message(3, { type: 'MsgAppResp', from: 2, to: 1, sent: 20, arrive: 25, ok: false }),
    message(4, { from: 1, to: 2, sent: 40, arrive: 45, heartbeat: true }),
    message(5, { type: 'MsgVote', from: 3, to: 2, sent: 60, arrive: 70, copyOf: 9 }),
  ],
  marks: [
    { kind: 'crash', node: 3, tick: 50, term: null },
    { kind: 'restart', node: 3, tick: 55, term: null },
    { kind: 'candidate', node: 3, tick: 60, term: 2 },
    { kind: 'term', node: 3, tick: 60, term: 2 },
  ],
  truncated: false,
};

const all = { collapseHeartbeats: false, rpcs: [], lanes: [1, 2, 3] } as const;
const scene = (geometry = diagramGeometry(window, [1, 2, 3], 400, 420), focus: number | null = null) =>
  diagramScene(geometry, { m: en, window, shown: shownMessages(window.messages, all).shown, stretches: roleStretches(window), span: 100, focus, selected: 3 });

describe('the space-time diagram’s geometry', () => {
  it('puts lanes across and ticks along the time axis, in both orientations', () => {
    const down = diagramGeometry(window, [1, 2, 3], 400, 420);
    expect(lanePx(down, 1)! < lanePx(down, 2)! && lanePx(down, 2)! < lanePx(down, 3)!).toBe(true);
    expect(timePx(down, 0)).toBe(down.timeStart);
    expect(timePx(down, 100)).toBe(down.timeEnd);
    expect(tickAtPoint(down, 200, timePx(down, 37))).toBe(37);
    const across = diagramGeometry(window, [1, 3], 600, 300, 'across');
    expect(lanePx(across, 2)).toBeNull();
    expect(tickAtPoint(across, timePx(across, 62), 100)).toBe(62);
    // Past the ends a click stays in the window.
    expect(tickAtPoint(across, -50, 100)).toBe(0);
  });

  it('keeps the scale over a longer range, reaching past the drawing', () => {
    const view = diagramGeometry({ from: 100, to: 200 }, [1, 2], 300, 420);
    const longer = rangedGeometry(view, 0, 300);
    expect(timePx(longer, 100)).toBeCloseTo(timePx(view, 100));
    expect(timePx(longer, 150)).toBeCloseTo(timePx(view, 150));
    expect(timePx(longer, 0)).toBeLessThan(0);
  });

  it('filters by heartbeat, RPC and lane', () => {
    expect(shownMessages(window.messages, { ...all, collapseHeartbeats: true })).toMatchObject({ heartbeats: 1 });
    expect(shownMessages(window.messages, { ...all, rpcs: ['vote'] }).shown.map((m) => m.id)).toEqual([5]);
    expect(shownMessages(window.messages, { ...all, rpcs: ['append'] }).shown.map((m) => m.id)).toEqual([1, 2, 3, 4]);
    expect(shownMessages(window.messages, { ...all, lanes: [1, 2] }).shown.map((m) => m.id)).toEqual([1, 3, 4]);
  });
});

describe('the space-time diagram’s scene', () => {
  it('styles each arrow as the legend says: rejected in danger red, lost without a head, duplicates dashed', () => {
    const arrows = new Map(scene().arrows.map((arrow) => [arrow.message.id, arrow]));
    expect(arrows.get(3)).toMatchObject({ colour: '#b3261e', selected: true, width: 3.5 });
    expect(arrows.get(2)!.head).toBeNull();
    expect(arrows.get(1)!.head).not.toBeNull();
    expect(arrows.get(5)).toMatchObject({ dashed: true });
    expect(arrows.get(4)!.width).toBeLessThan(arrows.get(1)!.width);
  });

  it('fades what does not touch the event log’s node', () => {
    const arrows = scene(undefined, 3).arrows;
    expect(arrows.filter((arrow) => arrow.faded).map((arrow) => arrow.message.id)).toEqual([1, 3, 4]);
    const marks = scene(undefined, 1).marks;
    expect(marks.every((mark) => mark.opacity < 1)).toBe(true);
  });

  it('finds the arrow or the mark under a point', () => {
    const geometry = diagramGeometry(window, [1, 2, 3], 400, 420);
    const s = scene(geometry);
    // Three quarters along message 1, clear of message 2, which leaves node 1 at the same tick.
    const middle = { x: lanePx(geometry, 1)! + 0.75 * (lanePx(geometry, 2)! - lanePx(geometry, 1)!), y: timePx(geometry, 17.5) };
    expect(arrowAt(s, middle.x, middle.y)?.message.id).toBe(1);
    expect(arrowAt(s, middle.x + 40, middle.y - 40)).toBeNull();
    const crash = s.marks.find((mark) => mark.mark.kind === 'crash')!;
    expect(markAt(s, crash.x + 5, crash.y)?.title).toBe('Node 3 crashes');
  });

  it('writes the same scene as SVG, one arrow group per message, with titles', () => {
    const text = sceneMarkup(scene());
    expect(text.match(/class="diagram-arrow[ "]/g)).toHaveLength(5);
    expect(text).toContain('<title>AppendEntries reply 2→1: sent at tick 20, arrives at tick 25</title>');
    expect(text).toContain('stroke-dasharray="5 3"');
  });

  it('writes the legend in the catalogue’s language, wrapping to the width', () => {
    const wide = diagramLegendMarkup(en, 1600, 420);
    const narrow = diagramLegendMarkup(en, 300, 420);
    expect(narrow.height).toBeGreaterThan(wide.height);
    expect(diagramLegendMarkup(zhCN, 600, 0).markup).toContain('被拒绝的回复');
    expect(wide.markup).toContain('became candidate');
  });
});

describe('collapsed heartbeats', () => {
  it('are drawn as a faint band behind the arrows, not as arrows', () => {
    const { shown, collapsed, heartbeats } = shownMessages(window.messages, { ...all, collapseHeartbeats: true });
    expect(heartbeats).toBe(1);
    const geometry = diagramGeometry(window, [1, 2, 3], 400, 420);
    const scene = diagramScene(geometry, { m: en, window, shown, band: collapsed, stretches: [], span: 100, focus: null, selected: null });
    expect(scene.arrows.map((arrow) => arrow.message.id)).not.toContain(4);
    expect(scene.band).toEqual([{ x1: lanePx(geometry, 1), y1: timePx(geometry, 40), x2: lanePx(geometry, 2), y2: timePx(geometry, 45) }]);
    expect(sceneMarkup(scene)).toMatch(/<path class="diagram-heartbeat-band" d="M[\d.]+,[\d.]+L/);
  });
});

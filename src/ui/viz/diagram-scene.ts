/**
 * What the space-time diagram draws, resolved to shapes: every position, colour, stroke and
 * label, from the window read from the worker and the geometry. One scene feeds the canvas on
 * screen (diagram-paint.ts), the SVG file (diagram-markup.ts) and the click and hover tests
 * (arrowAt), so what a user sees, saves and clicks agree. Pure.
 */
import type { NodeId } from '../../core/index.ts';
import type { DiagramMark, DiagramMessage, DiagramWindow } from '../../protocol/worker-protocol.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { arrowEnds, axisTicks, lanePoint, lanePx, timePx } from './diagram-layout.ts';
import type { DiagramGeometry, RoleStretch } from './diagram-layout.ts';
import { crashedFill, messageColor, termColor } from './palette.ts';

export const markGlyph: Record<DiagramMark['kind'], string> = { candidate: '◇', leader: '★', follower: '▽', term: 'T', crash: '✕', restart: '↻', commit: '•', snapshot: '▣' };
export const dangerColour = '#b3261e';
/** The colour that means "the text colour of the screen", resolved when painted. */
export const textColour = 'currentColor';

export function markTitle(m: Messages, mark: DiagramMark): string {
  switch (mark.kind) {
    case 'crash':
    case 'restart':
      return m.diagram.marks[mark.kind](mark.node);
    default:
      return m.diagram.marks[mark.kind](mark.node, mark.term);
  }
}

export interface SceneRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill: string;
  readonly opacity: number;
}

export interface SceneAxisTick {
  readonly tick: number;
  /** Along the time axis. */
  readonly at: number;
}

export interface SceneArrow {
  readonly message: DiagramMessage;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly colour: string;
  readonly width: number;
  readonly dashed: boolean;
  readonly opacity: number;
  readonly faded: boolean;
  readonly selected: boolean;
  /** The head's two barbs (none for a lost message, which ends in ×). */
  readonly head: readonly [{ x: number; y: number }, { x: number; y: number }] | null;
  readonly label: string;
}

export interface SceneMark {
  readonly mark: DiagramMark;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly text: string;
  readonly fill: string;
  readonly opacity: number;
  readonly title: string;
}

/** A collapsed heartbeat: a thin, faint line from send to arrival, no head, not clickable. */
export interface SceneLine {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Most collapsed heartbeats drawn in the band (the latest ones). */
export const bandLinesMax = 2_000;
export const bandColour = messageColor.MsgApp;
export const bandOpacity = 0.2;

export interface DiagramScene {
  readonly geometry: DiagramGeometry;
  readonly stretches: readonly SceneRect[];
  /** The collapsed heartbeats, behind everything else. */
  readonly band: readonly SceneLine[];
  readonly axis: readonly SceneAxisTick[];
  readonly arrows: readonly SceneArrow[];
  readonly marks: readonly SceneMark[];
}

export interface SceneOptions {
  readonly m: Messages;
  readonly window: DiagramWindow;
  /** The messages to draw (filtered). */
  readonly shown: readonly DiagramMessage[];
  /** Heartbeats collapsed into the faint band (none when they are shown as arrows). */
  readonly band?: readonly DiagramMessage[];
  readonly stretches: readonly RoleStretch[];
  /** The ticks the window spans on screen (the tick labels' step follows it). */
  readonly span: number;
  /** The event log's node filter: what does not touch that node fades. */
  readonly focus: NodeId | null;
  readonly selected: number | null;
}

export function diagramScene(geometry: DiagramGeometry, options: SceneOptions): DiagramScene {
  return {
    geometry,
    stretches: stretchRects(geometry, options.stretches),
    band: (options.band ?? []).slice(-bandLinesMax).flatMap((message) => {
      const ends = arrowEnds(geometry, message);
      return ends === null ? [] : [ends];
    }),
    axis: axisTicks(geometry.from, geometry.to, options.span).map((tick) => ({ tick, at: timePx(geometry, tick) })),
    arrows: sceneArrows(geometry, options),
    marks: sceneMarks(geometry, options),
  };
}

/** How thick a lane's role shading is. */
function laneThickness(geometry: DiagramGeometry): number {
  return Math.max(6, Math.min(28, (geometry.crossEnd - geometry.crossStart) / Math.max(1, geometry.lanes.length) / 3));
}

function stretchRects(geometry: DiagramGeometry, stretches: readonly RoleStretch[]): SceneRect[] {
  const thickness = laneThickness(geometry);
  const out: SceneRect[] = [];
  for (const stretch of stretches) {
    if (stretch.role === 'follower') continue;
    const across = lanePx(geometry, stretch.node);
    if (across === null) continue;
    const start = timePx(geometry, stretch.from);
    const length = Math.max(1, timePx(geometry, stretch.to) - start);
    const fill = stretch.role === 'crashed' ? crashedFill : termColor(stretch.term);
    const opacity = stretch.role === 'leader' ? 0.45 : stretch.role === 'candidate' ? 0.2 : 0.6;
    out.push(geometry.orientation === 'down' ? { x: across - thickness / 2, y: start, width: thickness, height: length, fill, opacity } : { x: start, y: across - thickness / 2, width: length, height: thickness, fill, opacity });
  }
  return out;
}

function sceneArrows(geometry: DiagramGeometry, options: SceneOptions): SceneArrow[] {
  const { m, focus, selected } = options;
  const out: SceneArrow[] = [];
  for (const message of options.shown) {
    const ends = arrowEnds(geometry, message);
    if (ends === null) continue;
    const { x1, y1, x2, y2 } = ends;
    const isSelected = message.id === selected;
    const headLength = 7;
    const angle = Math.atan2(y2 - y1, x2 - x1);
    out.push({
      message,
      ...ends,
      colour: message.ok === false ? dangerColour : messageColor[message.type],
      width: isSelected ? 3.5 : message.heartbeat ? 1 : 1.75,
      dashed: message.copyOf !== null,
      opacity: message.heartbeat ? 0.55 : 0.9,
      faded: focus !== null && message.from !== focus && message.to !== focus,
      selected: isSelected,
      head: message.lost
        ? null
        : [
            { x: x2 - headLength * Math.cos(angle - 0.45), y: y2 - headLength * Math.sin(angle - 0.45) },
            { x: x2 - headLength * Math.cos(angle + 0.45), y: y2 - headLength * Math.sin(angle + 0.45) },
          ],
      label: m.diagram.arrow(m.events.rpc[message.type], message.from, message.to, message.sent, message.arrive, message.lost),
    });
  }
  return out;
}

function sceneMarks(geometry: DiagramGeometry, options: SceneOptions): SceneMark[] {
  const { m, focus } = options;
  const out: SceneMark[] = [];
  for (const mark of options.window.marks) {
    const point = lanePoint(geometry, mark.node, mark.tick);
    if (point === null) continue;
    // Term changes beside the lane on one side, everything else on the other: a candidate's ◇ and its new term fall on one tick.
    const isTerm = mark.kind === 'term';
    const place = geometry.orientation === 'down' ? { x: point.x + (isTerm ? -7 : 7), y: point.y, anchor: isTerm ? ('end' as const) : ('start' as const) } : { x: point.x, y: point.y + (isTerm ? -10 : 11), anchor: 'middle' as const };
    out.push({
      mark,
      ...place,
      text: isTerm ? `T${mark.term ?? ''}` : markGlyph[mark.kind],
      fill: mark.kind === 'crash' ? dangerColour : textColour,
      opacity: (focus !== null && mark.node !== focus ? 0.25 : 1) * (mark.kind === 'commit' ? 0.6 : 1),
      title: markTitle(m, mark),
    });
  }
  return out;
}

/** The distance from (x, y) to the segment a-b. */
function distanceToSegment(x: number, y: number, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / length));
  return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
}

/** The arrow under a point (in the scene's coordinates), within `slack` px: the nearest, the latest drawn (on top) among equals. */
export function arrowAt(scene: DiagramScene, x: number, y: number, slack = 5): SceneArrow | null {
  let best: SceneArrow | null = null;
  let bestDistance = slack;
  for (const arrow of scene.arrows) {
    const distance = distanceToSegment(x, y, { x: arrow.x1, y: arrow.y1 }, { x: arrow.x2, y: arrow.y2 });
    if (distance <= bestDistance) {
      best = arrow;
      bestDistance = distance;
    }
  }
  return best;
}

/** The mark under a point, within `slack` px of where its glyph sits. */
export function markAt(scene: DiagramScene, x: number, y: number, slack = 7): SceneMark | null {
  let best: SceneMark | null = null;
  let bestDistance = slack;
  for (const mark of scene.marks) {
    // The glyph's middle: marks are written beside the lane, so their anchor is an edge.
    const middle = mark.anchor === 'start' ? mark.x + 5 : mark.anchor === 'end' ? mark.x - 8 : mark.x;
    const distance = Math.hypot(x - middle, y - mark.y);
    if (distance <= bestDistance) {
      best = mark;
      bestDistance = distance;
    }
  }
  return best;
}

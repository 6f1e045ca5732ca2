/**
 * The space-time diagram: one lane per node, time running down (or across, by choice), every
 * message an arrow from its sender's lane at its send tick to its receiver's at its arrival
 * (ending in × where it is lost, dashed for a duplicate, a rejected reply in the danger colour).
 * Each lane is shaded by role (the leader's in its term's colour) and marked where it became
 * candidate, leader or follower, changed term, crashed, restarted, committed or took a snapshot.
 *
 * Linked to the timeline: the window follows the tick on screen (a line marks it), a click on an
 * arrow selects that message (going to its send tick, where it is in flight, so the inspector
 * shows it), and a click anywhere else goes to that tick. The event log's filter applies here
 * too: other nodes' messages and marks fade, and only the chosen RPCs are drawn; the lanes shown
 * are a choice of their own.
 *
 * Scrolling stays smooth on a long run: the worker is asked for more ticks than are shown (a
 * span either side, src/worker/diagram-window.ts), the arrows are one string of markup rather
 * than React elements (src/ui/viz/diagram-markup.ts), and the wheel, the arrow keys, "Earlier
 * ticks" and "Later ticks" slide that drawing by a transform while the next window is read.
 * "Follow the tick" brings it back. "Export SVG" and "Export PNG" save the ticks shown, with a
 * legend, at the chosen scale.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { NodeId } from '../../core/index.ts';
import type { DiagramWindow } from '../../protocol/worker-protocol.ts';
import { diagramTicksMax } from '../../protocol/worker-protocol.ts';
import { diagramFile, pngOf, screenColours } from '../export/diagram-export.ts';
import { download } from '../download.ts';
import { useElementWidth } from '../hooks/use-element-width.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useOnScreen } from '../hooks/use-on-screen.ts';
import { useAppStore } from '../store/store-context.tsx';
import { diagramGeometry, overlaps, pxPerTick, rangedGeometry, roleStretches, shownMessages, tickAtPoint, timePx } from '../viz/diagram-layout.ts';
import type { DiagramGeometry, DiagramOrientation, MessageFilter } from '../viz/diagram-layout.ts';
import { clipRect, lanesMarkup } from '../viz/diagram-markup.ts';
import { paintScene } from '../viz/diagram-paint.ts';
import { arrowAt, diagramScene, markAt } from '../viz/diagram-scene.ts';
import type { RpcFamily } from '../viz/rpc-family.ts';
import { RpcChips } from './RpcChips.tsx';
import './diagram.css';

/** Ticks the window spans to start with, and the bounds of zooming. */
export const diagramSpanDefault = 400;
const spanMin = 50;
const spanMax = diagramTicksMax;
/** The drawing's height in px. */
const heightPx = 420;
/** While the window moves, it is asked for at most this often (ms): less often while playing. */
const requestEveryMs = 120;
const requestEveryMsPlaying = 500;
/** Most arrows drawn; a busier window draws the latest ones (nearest the tick on screen) and says how many it left out. */
export const arrowsDrawnMax = 600;
const exportScales = [1, 2, 3] as const;
const noRpcs: readonly RpcFamily[] = [];

/** The window to show for the tick on screen: three quarters before it, a quarter after. */
export function windowFor(tick: number, maxTick: number, span: number): { from: number; to: number } {
  const from = Math.max(0, Math.min(tick - Math.round(span * 0.75), maxTick - span));
  return { from, to: Math.min(maxTick, from + span) };
}

/** The ticks asked of the worker for a window shown: a span more either side (within the worker's bound), to scroll into. */
export function windowAsked(shown: { from: number; to: number }, maxTick: number, span: number): { from: number; to: number } {
  const margin = Math.max(0, Math.min(span, Math.floor((diagramTicksMax - span) / 2)));
  return { from: Math.max(0, shown.from - margin), to: Math.min(maxTick, shown.to + margin) };
}

export function SpaceTimeDiagram() {
  const m = useMessages();
  const diagram = useAppStore((state) => state.diagram);
  const tick = useAppStore((state) => state.timeline.tick);
  const maxTick = useAppStore((state) => state.timeline.maxTick);
  const requestDiagram = useAppStore((state) => state.requestDiagram);
  const eventFilter = useAppStore((state) => state.eventFilter);
  const setEventFilter = useAppStore((state) => state.setEventFilter);
  // Nothing to ask for before the first run is on screen (the worker would refuse).
  const running = useAppStore((state) => state.view !== null);
  // A new run, an action or a switch of branch changes what the window holds, not only where it is.
  const revision = useAppStore((state) => state.runRevision);
  const playing = useAppStore((state) => state.timeline.playing);
  const [span, setSpan] = useState(diagramSpanDefault);
  const [collapse, setCollapse] = useState(true);
  const [orientation, setOrientation] = useState<DiagramOrientation>('down');
  const [hiddenLanes, setHiddenLanes] = useState<readonly NodeId[]>([]);
  const [scale, setScale] = useState(2);
  // The tick the window is anchored at while scrolled through the run; null: it follows the tick on screen.
  const [anchor, setAnchor] = useState<number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // The lanes come with the window: a run's first window names its nodes.
  const nodeCount = diagram?.nodes ?? 0;
  const width = useElementWidth(box, 480);
  // Below the fold (a scrolled side column) it asks for nothing and keeps its last drawing.
  const onScreen = useOnScreen(box);
  const shownRange = windowFor(anchor ?? tick, maxTick, span);
  const asked = windowAsked(shownRange, maxTick, span);
  const scrollBy = (ticks: number) => setAnchor(Math.min(maxTick, Math.max(0, Math.round((anchor ?? tick) + ticks))));
  const timeLength = orientation === 'down' ? heightPx : width;
  useWheelScroll(box, (deltaPx) => scrollBy((deltaPx / timeLength) * span));
  useWindowRequests(running && onScreen, revision, asked.from, asked.to, playing ? requestEveryMsPlaying : requestEveryMs, requestDiagram);

  const lanes = useMemo(() => Array.from({ length: nodeCount }, (_, index) => index + 1).filter((id) => !hiddenLanes.includes(id)), [nodeCount, hiddenLanes]);
  const rpcs = eventFilter.rpcs ?? noRpcs;
  const filter = useMemo<MessageFilter>(() => ({ collapseHeartbeats: collapse, rpcs, lanes }), [collapse, rpcs, lanes]);
  const view = diagramGeometry(shownRange, lanes, width, heightPx, orientation);
  const toggleLane = (id: NodeId) => {
    if (hiddenLanes.includes(id)) setHiddenLanes(hiddenLanes.filter((hidden) => hidden !== id));
    // One lane stays: a diagram of none draws nothing.
    else if (lanes.length > 1) setHiddenLanes([...hiddenLanes, id]);
  };
  const zoom = (next: number) => setSpan(Math.min(spanMax, Math.max(spanMin, next)));

  const file = (extension: string) => `raftlab-diagram-${shownRange.from}-${shownRange.to}${extension}`;
  const documentText = () => (diagram === null ? null : diagramFile(m, diagram, view, filter, span, screenColours(box.current)));
  const exportSvg = () => {
    const text = documentText();
    if (text !== null) download(file('.svg'), new Blob([text.svg], { type: 'image/svg+xml' }));
  };
  const exportPng = async () => {
    const text = documentText();
    if (text !== null) download(file(`@${scale}x.png`), await pngOf(text.svg, width, text.height, scale));
  };
  const onKey = (event: KeyboardEvent) => {
    const step = { ArrowUp: -0.1, ArrowLeft: -0.1, ArrowDown: 0.1, ArrowRight: 0.1, PageUp: -0.5, PageDown: 0.5 }[event.key];
    if (step !== undefined) scrollBy(step * span);
    else if (event.key === '+' || event.key === '=') zoom(Math.round(span / 2));
    else if (event.key === '-') zoom(span * 2);
    else if (event.key === 'Home') setAnchor(null);
    else return;
    // The app's own shortcuts (arrows step the run) leave a handled key alone.
    event.preventDefault();
  };
  return (
    <section className="app-slot" aria-label={m.diagram.name}>
      <div className="panel diagram-panel">
        <h2>{m.diagram.name}</h2>
        <p className="muted diagram-hint">{m.diagram.hint}</p>
        <div className="diagram-toolbar">
          <button type="button" onClick={() => zoom(Math.round(span / 2))} disabled={span <= spanMin}>
            {m.diagram.zoomIn}
          </button>
          <button type="button" onClick={() => zoom(span * 2)} disabled={span >= spanMax}>
            {m.diagram.zoomOut}
          </button>
          <span className="muted diagram-span">{m.diagram.span(span)}</span>
          <button type="button" onClick={() => scrollBy(-span / 2)}>
            {m.diagram.earlier}
          </button>
          <button type="button" onClick={() => scrollBy(span / 2)}>
            {m.diagram.later}
          </button>
          <button type="button" aria-pressed={anchor === null} onClick={() => setAnchor(null)}>
            {m.diagram.follow}
          </button>
          <label className="checkbox">
            <input type="checkbox" checked={collapse} onChange={(event) => setCollapse(event.currentTarget.checked)} />
            <span>{m.diagram.collapse}</span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={orientation === 'across'} onChange={(event) => setOrientation(event.currentTarget.checked ? 'across' : 'down')} />
            <span>{m.diagram.timeAcross}</span>
          </label>
        </div>
        <div className="diagram-toolbar">
          <RpcChips rpcs={rpcs} onChange={(next) => setEventFilter({ ...eventFilter, rpcs: next })} />
          <div role="group" aria-label={m.diagram.lanes} className="chips">
            {Array.from({ length: nodeCount }, (_, index) => index + 1).map((id) => (
              <button key={id} type="button" className="chip" aria-label={m.diagram.laneToggle(id)} aria-pressed={!hiddenLanes.includes(id)} onClick={() => toggleLane(id)}>
                {m.diagram.lane(id)}
              </button>
            ))}
          </div>
        </div>
        <div className="diagram-box" ref={box}>
          {diagram === null ? (
            <p className="muted">{m.diagram.reading}</p>
          ) : (
            <Drawing data={diagram} view={view} filter={filter} span={span} tick={tick} onKey={onKey} />
          )}
        </div>
        <div className="diagram-toolbar diagram-export">
          <label className="field-inline">
            {m.diagram.scale}
            <select value={scale} onChange={(event) => setScale(Number(event.currentTarget.value))}>
              {exportScales.map((times) => (
                <option key={times} value={times}>
                  {m.diagram.scaleOption(times)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={exportSvg} disabled={diagram === null}>
            {m.diagram.exportSvg}
          </button>
          <button type="button" onClick={() => void exportPng()} disabled={diagram === null}>
            {m.diagram.exportPng}
          </button>
        </div>
        {diagram?.truncated === true ? <p className="field-warning">{m.diagram.truncated}</p> : null}
      </div>
    </section>
  );
}

/**
 * The wheel over the drawing scrolls it through the run (a native listener: React's wheel
 * handler is passive, and the page must not scroll as well).
 */
function useWheelScroll(ref: React.RefObject<HTMLElement | null>, onScroll: (deltaPx: number) => void): void {
  const handler = useRef(onScroll);
  useEffect(() => {
    handler.current = onScroll;
  });
  useEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const listener = (event: WheelEvent) => {
      event.preventDefault();
      // A sideways wheel (or shift and the wheel) scrolls as well: time may run across.
      const delta = Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : event.deltaY;
      handler.current(event.deltaMode === 1 ? delta * 16 : delta);
    };
    element.addEventListener('wheel', listener, { passive: false });
    return () => element.removeEventListener('wheel', listener);
  }, [ref]);
}

/** Asks for the window when it (or the run) changes, at most every `everyMs` while it keeps moving. */
function useWindowRequests(running: boolean, revision: number, from: number, to: number, everyMs: number, request: (from: number, to: number) => void): void {
  const last = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (!running) return undefined;
    const ask = () => {
      last.current = performance.now();
      request(from, to);
    };
    const wait = last.current + everyMs - performance.now();
    if (wait <= 0) {
      ask();
      return undefined;
    }
    const timer = setTimeout(ask, wait);
    return () => clearTimeout(timer);
  }, [running, revision, from, to, everyMs, request]);
}

interface DrawingProps {
  readonly data: DiagramWindow;
  /** The ticks shown, where they are on screen. */
  readonly view: DiagramGeometry;
  readonly filter: MessageFilter;
  readonly span: number;
  readonly tick: number;
  readonly onKey: (event: KeyboardEvent) => void;
}

/**
 * The drawing: the window read from the worker painted once on a canvas at the scale shown, and
 * slid along the time axis to the ticks shown (a CSS transform, which the browser composites
 * without painting again). Scrolling and playing change only the slide and the line of the tick
 * on screen; the canvas is painted again only when the window, the size, the scale, the
 * filters, the selection or the theme change. Over it, an SVG holds the lanes, the line of the
 * tick, the notes, and the drawing's name for a screen reader.
 */
function Drawing({ data, view, filter, span, tick, onKey }: DrawingProps) {
  const m = useMessages();
  const seek = useAppStore((state) => state.seek);
  const selectMessage = useAppStore((state) => state.selectMessage);
  const selected = useAppStore((state) => state.selectedMessage);
  const theme = useAppStore((state) => state.theme);
  // The event log's node filter: what does not touch that node fades (it stays, for context).
  const focus = useAppStore((state) => state.eventFilter.node);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { width, height, orientation, lanes } = view;
  // The window's geometry at the scale shown (the ticks shown span `span`, or fewer while the run is shorter): it reaches past the drawing's edges.
  const viewTicks = view.to - view.from;
  const content = useMemo(() => rangedGeometry(diagramGeometry({ from: data.from, to: data.from + viewTicks }, lanes, width, height, orientation), data.from, data.to), [data.from, data.to, viewTicks, lanes, width, height, orientation]);
  const { shown, heartbeats, collapsed } = useMemo(() => shownMessages(data.messages, filter), [data, filter]);
  const drawn = useMemo(() => (shown.length > arrowsDrawnMax ? shown.slice(shown.length - arrowsDrawnMax) : shown), [shown]);
  const scene = useMemo(() => diagramScene(content, { m, window: data, shown: drawn, band: collapsed, stretches: roleStretches(data), span, focus, selected }), [content, m, data, drawn, collapsed, span, focus, selected]);
  // The lanes do not move with time: drawn once for their layout.
  const laneLayout = useMemo(() => diagramGeometry({ from: 0, to: 1 }, lanes, width, height, orientation), [lanes, width, height, orientation]);
  const lanesText = useMemo(() => lanesMarkup(laneLayout, m), [laneLayout, m]);
  // The canvas covers the whole window read, in CSS px.
  const canvasSize = orientation === 'down' ? { width, height: Math.ceil(content.timeEnd + 10) } : { width: Math.ceil(content.timeEnd + 14), height };
  const ratio = globalThis.devicePixelRatio || 1;
  useLayoutEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d') ?? null;
    if (element === null || context === null) return;
    const style = getComputedStyle(element);
    paintScene(context, scene, { text: style.color, fontFamily: style.fontFamily }, ratio);
  }, [scene, ratio, theme, canvasSize.width, canvasSize.height]);
  const slide = -(view.from - data.from) * pxPerTick(view);
  const clip = clipRect(view);
  const inView = data.messages.filter((message) => overlaps(message, view.from, view.to)).length;
  // A point on the drawing in the scene's coordinates (the canvas is slid along the time axis).
  const scenePoint = (event: MouseEvent<HTMLElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - bounds.left;
    const y = event.clientY - bounds.top;
    return { x, y, sceneX: orientation === 'down' ? x : x - slide, sceneY: orientation === 'down' ? y - slide : y };
  };
  const onClick = (event: MouseEvent<HTMLElement>) => {
    const point = scenePoint(event);
    const arrow = arrowAt(scene, point.sceneX, point.sceneY);
    if (arrow !== null) {
      // At its send tick the message is in flight, so the inspector can show it.
      seek(Math.max(data.from, Math.min(arrow.message.sent, data.to)));
      selectMessage(arrow.message.id);
      return;
    }
    seek(tickAtPoint(view, point.x, point.y));
  };
  // The hover text: the arrow's or the mark's summary (a title set directly: no render per move).
  const onMove = (event: MouseEvent<HTMLElement>) => {
    const point = scenePoint(event);
    const arrow = arrowAt(scene, point.sceneX, point.sceneY);
    const label = arrow?.label ?? markAt(scene, point.sceneX, point.sceneY)?.title ?? '';
    if (event.currentTarget.title !== label) event.currentTarget.title = label;
    event.currentTarget.classList.toggle('is-over-arrow', arrow !== null);
  };
  const now = nowPx(view, tick);
  const notes = [focus !== null ? m.diagram.focus(focus) : null, heartbeats > 0 ? m.diagram.heartbeatsHidden(heartbeats) : null, drawn.length < shown.length ? m.diagram.notDrawn(shown.length - drawn.length) : null].filter((part) => part !== null);
  return (
    <div className="diagram-surface" style={{ width, height }} onClick={onClick} onMouseMove={onMove}>
      <div className="diagram-viewport" style={{ left: clip.x, top: clip.y, width: clip.width, height: clip.height }}>
        <canvas
          ref={canvas}
          className="diagram-content"
          width={Math.round(canvasSize.width * ratio)}
          height={Math.round(canvasSize.height * ratio)}
          style={{ width: canvasSize.width, height: canvasSize.height, left: -clip.x, top: -clip.y, transform: orientation === 'down' ? `translate3d(0, ${slide}px, 0)` : `translate3d(${slide}px, 0, 0)` }}
          data-from={data.from}
          data-to={data.to}
          data-arrows={scene.arrows.length}
        />
      </div>
      <svg className="diagram" width={width} height={height} role="img" tabIndex={0} aria-label={m.diagram.summary(view.from, view.to, inView)} aria-keyshortcuts="ArrowUp ArrowDown PageUp PageDown + - Home" onKeyDown={onKey}>
        <g dangerouslySetInnerHTML={{ __html: lanesText }} />
        {tick >= view.from && tick <= view.to ? (
          orientation === 'down' ? (
            <line className="diagram-now" x1={0} x2={width} y1={now} y2={now} stroke="currentColor" strokeWidth={2} strokeDasharray="6 3" />
          ) : (
            <line className="diagram-now" x1={now} x2={now} y1={0} y2={height} stroke="currentColor" strokeWidth={2} strokeDasharray="6 3" />
          )
        ) : null}
        {notes.length > 0 ? (
          <text x={width - 6} y={height - 2} textAnchor="end" fontSize={11} fill="currentColor" opacity={0.7}>
            {notes.join(' · ')}
          </text>
        ) : null}
      </svg>
    </div>
  );
}

/** Where `tick` is along the time axis, kept on the drawing. */
function nowPx(view: DiagramGeometry, tick: number): number {
  return Math.min(view.timeEnd, Math.max(view.timeStart, timePx(view, tick)));
}

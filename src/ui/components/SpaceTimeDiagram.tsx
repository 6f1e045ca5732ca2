/**
 * The space-time diagram: one lane per node, time running down, every message an arrow from its
 * sender's lane at its send tick to its receiver's at its arrival (ending in × where it is lost,
 * dashed for a duplicate, a rejected reply in the danger colour). Each lane is shaded by role
 * (the leader's in its term's colour) and marked where it became candidate, leader or follower,
 * changed term, crashed, restarted, committed or took a snapshot.
 *
 * Linked to the timeline: the window follows the tick on screen (a line marks it), a click on
 * an arrow selects that message (going to its send tick, where it is in flight, so the inspector
 * shows it), and a click anywhere else goes to that tick. Only the visible window is read from
 * the worker (src/worker/diagram-window.ts) and drawn; heartbeats can be hidden; zoom changes
 * how many ticks the window spans. The wheel (or "Earlier ticks" and "Later ticks") scrolls the
 * window through the run without moving the run; "Follow the tick" brings it back. The event
 * log's node filter applies here too: other nodes' messages and marks fade, and the note says so. "Export SVG" and "Export PNG" save the drawing for slides.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { DiagramMark, DiagramMessage, DiagramWindow } from '../../protocol/worker-protocol.ts';
import { diagramTicksMax } from '../../protocol/worker-protocol.ts';
import { pngOf, standaloneSvg } from '../diagram-export.ts';
import { download } from '../download.ts';
import { useElementWidth } from '../hooks/use-element-width.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useOnScreen } from '../hooks/use-on-screen.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { useAppStore } from '../store/store-context.tsx';
import { arrowEnds, diagramGeometry, laneX, roleStretches, shownMessages, tickY, yTick } from '../viz/diagram-layout.ts';
import type { DiagramGeometry } from '../viz/diagram-layout.ts';
import { crashedFill, messageColor, termColor } from '../viz/palette.ts';
import './diagram.css';

/** Ticks the window spans to start with, and the bounds of zooming. */
export const diagramSpanDefault = 400;
const spanMin = 50;
const spanMax = diagramTicksMax;
/** The drawing's height in px. */
const heightPx = 420;
/** While the tick moves, the window is asked for at most this often (ms): less often while playing. */
const requestEveryMs = 150;
const requestEveryMsPlaying = 500;
/** Most arrows drawn; a busier window draws the latest ones (nearest the tick on screen) and says how many it left out. */
export const arrowsDrawnMax = 600;

/** The window to show for the tick on screen: three quarters before it, a quarter after. */
export function windowFor(tick: number, maxTick: number, span: number): { from: number; to: number } {
  const from = Math.max(0, Math.min(tick - Math.round(span * 0.75), maxTick - span));
  return { from, to: Math.min(maxTick, from + span) };
}

const markGlyph: Record<DiagramMark['kind'], string> = { candidate: '◇', leader: '★', follower: '▽', term: 'T', crash: '✕', restart: '↻', commit: '•', snapshot: '▣' };

function markTitle(m: Messages, mark: DiagramMark): string {
  switch (mark.kind) {
    case 'crash':
    case 'restart':
      return m.diagram.marks[mark.kind](mark.node);
    default:
      return m.diagram.marks[mark.kind](mark.node, mark.term);
  }
}

export function SpaceTimeDiagram() {
  const m = useMessages();
  const diagram = useAppStore((state) => state.diagram);
  const tick = useAppStore((state) => state.timeline.tick);
  const maxTick = useAppStore((state) => state.timeline.maxTick);
  const requestDiagram = useAppStore((state) => state.requestDiagram);
  // Nothing to ask for before the first run is on screen (the worker would refuse).
  const running = useAppStore((state) => state.view !== null);
  // A new run, an action or a switch of branch changes what the window holds, not only where it is.
  const revision = useAppStore((state) => state.runRevision);
  const playing = useAppStore((state) => state.timeline.playing);
  const [span, setSpan] = useState(diagramSpanDefault);
  const [collapse, setCollapse] = useState(true);
  // The tick the window is anchored at while scrolled through the run; null: it follows the tick on screen.
  const [anchor, setAnchor] = useState<number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useElementWidth(box, 480);
  // Below the fold (a scrolled side column) it asks for nothing and keeps its last drawing.
  const onScreen = useOnScreen(box);
  const wanted = windowFor(anchor ?? tick, maxTick, span);
  const scrollBy = (ticks: number) => setAnchor(Math.min(maxTick, Math.max(0, Math.round((anchor ?? tick) + ticks))));
  useWheelScroll(box, (deltaPx) => scrollBy((deltaPx / heightPx) * span));
  useWindowRequests(running && onScreen, revision, wanted.from, wanted.to, playing ? requestEveryMsPlaying : requestEveryMs, requestDiagram);
  const title = m.diagram.fileTitle(diagram?.from ?? wanted.from, diagram?.to ?? wanted.to);
  const exportSvg = () => {
    if (svg.current === null) return;
    download(`raftlab-diagram-${diagram?.from ?? 0}-${diagram?.to ?? 0}.svg`, new Blob([standaloneSvg(svg.current, title)], { type: 'image/svg+xml' }));
  };
  const exportPng = async () => {
    if (svg.current === null) return;
    const text = standaloneSvg(svg.current, title);
    download(`raftlab-diagram-${diagram?.from ?? 0}-${diagram?.to ?? 0}@2x.png`, await pngOf(text, width, heightPx, 2));
  };
  return (
    <section className="app-slot" aria-label={m.diagram.name}>
      <div className="panel diagram-panel">
        <h2>{m.diagram.name}</h2>
        <p className="muted diagram-hint">{m.diagram.hint}</p>
        <div className="diagram-toolbar">
          <button type="button" onClick={() => setSpan(Math.max(spanMin, Math.round(span / 2)))} disabled={span <= spanMin}>
            {m.diagram.zoomIn}
          </button>
          <button type="button" onClick={() => setSpan(Math.min(spanMax, span * 2))} disabled={span >= spanMax}>
            {m.diagram.zoomOut}
          </button>
          <span className="muted">{m.diagram.span(span)}</span>
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
          <button type="button" onClick={exportSvg} disabled={diagram === null}>
            {m.diagram.exportSvg}
          </button>
          <button type="button" onClick={() => void exportPng()} disabled={diagram === null}>
            {m.diagram.exportPng}
          </button>
        </div>
        <div className="diagram-box" ref={box}>
          {diagram === null ? <p className="muted">{m.diagram.reading}</p> : <Drawing svgRef={svg} window={diagram} width={width} tick={tick} collapse={collapse} />}
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
      handler.current(event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY);
    };
    element.addEventListener('wheel', listener, { passive: false });
    return () => element.removeEventListener('wheel', listener);
  }, [ref]);
}

/** Asks for the window when it (or the run) changes, at most every requestEveryMs while it keeps moving. */
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
  readonly svgRef: React.RefObject<SVGSVGElement | null>;
  readonly window: DiagramWindow;
  readonly width: number;
  readonly tick: number;
  readonly collapse: boolean;
}

/**
 * The drawing. Only the line of the tick on screen follows every frame; the rest is drawn again
 * only when the window, the size, the selection or the heartbeat choice changes (Content is
 * memoized), so playing does not redraw hundreds of arrows sixty times a second.
 */
function Drawing({ svgRef, window, width, tick, collapse }: DrawingProps) {
  const m = useMessages();
  const geometry = useMemo(() => diagramGeometry(window, width, heightPx), [window, width]);
  return (
    <svg ref={svgRef} className="diagram" width={width} height={heightPx} role="img" aria-label={m.diagram.summary(window.from, window.to, window.messages.length)}>
      <Content geometry={geometry} window={window} collapse={collapse} />
      {tick >= window.from && tick <= window.to ? <line className="diagram-now" x1={0} x2={width} y1={tickY(geometry, tick)} y2={tickY(geometry, tick)} stroke="currentColor" strokeWidth={2} strokeDasharray="6 3" pointerEvents="none" /> : null}
    </svg>
  );
}

const Content = memo(function Content({ geometry, window, collapse }: { geometry: DiagramGeometry; window: DiagramWindow; collapse: boolean }) {
  const m = useMessages();
  const seek = useAppStore((state) => state.seek);
  const selectMessage = useAppStore((state) => state.selectMessage);
  const selected = useAppStore((state) => state.selectedMessage);
  // The event log's node filter: what does not touch that node fades (it stays, for context).
  const focus = useAppStore((state) => state.eventFilter.node);
  const width = geometry.width;
  const { shown, heartbeats } = useMemo(() => shownMessages(window.messages, collapse), [window, collapse]);
  const drawn = shown.length > arrowsDrawnMax ? shown.slice(shown.length - arrowsDrawnMax) : shown;
  const onBackground = (event: MouseEvent<SVGRectElement>) => {
    const bounds = event.currentTarget.ownerSVGElement!.getBoundingClientRect();
    seek(yTick(geometry, event.clientY - bounds.top));
  };
  const choose = (message: DiagramMessage) => {
    // At its send tick the message is in flight, so the inspector can show it.
    seek(Math.min(message.sent, window.to));
    selectMessage(message.id);
  };
  return (
    <>
      <rect x={0} y={0} width={width} height={heightPx} fill="transparent" onClick={onBackground} />
      <Lanes geometry={geometry} window={window} />
      <TickAxis geometry={geometry} />
      <g className="diagram-arrows">
        {drawn.map((message) => (
          <Arrow key={message.id} geometry={geometry} message={message} faded={focus !== null && message.from !== focus && message.to !== focus} selected={message.id === selected} label={m.diagram.arrow(m.events.rpc[message.type], message.from, message.to, message.sent, message.arrive, message.lost)} onChoose={choose} />
        ))}
      </g>
      <g className="diagram-marks">
        {window.marks.map((mark, index) => (
          // Term changes to the left of the lane, everything else to the right: a candidate's ◇ and its new term fall on one tick.
          <text key={index} x={laneX(geometry, mark.node) + (mark.kind === 'term' ? -7 : 7)} textAnchor={mark.kind === 'term' ? 'end' : 'start'} y={tickY(geometry, mark.tick)} fontSize={12} dominantBaseline="middle" fill={mark.kind === 'crash' ? '#b3261e' : 'currentColor'} opacity={(focus !== null && mark.node !== focus ? 0.25 : 1) * (mark.kind === 'commit' ? 0.6 : 1)}>
            <title>{markTitle(m, mark)}</title>
            {mark.kind === 'term' ? `T${mark.term ?? ''}` : markGlyph[mark.kind]}
          </text>
        ))}
      </g>
      {heartbeats > 0 || drawn.length < shown.length || focus !== null ? (
        <text x={width - 6} y={heightPx - 2} textAnchor="end" fontSize={11} fill="currentColor" opacity={0.7}>
          {[focus !== null ? m.diagram.focus(focus) : null, heartbeats > 0 ? m.diagram.heartbeatsHidden(heartbeats) : null, drawn.length < shown.length ? m.diagram.notDrawn(shown.length - drawn.length) : null]
            .filter((part) => part !== null)
            .join(' · ')}
        </text>
      ) : null}
    </>
  );
});

/** The lanes: a line per node, shaded by role, named at the top. */
function Lanes({ geometry, window }: { geometry: DiagramGeometry; window: DiagramWindow }) {
  const m = useMessages();
  const laneWidth = Math.max(6, Math.min(28, (geometry.width - 80) / window.nodes / 3));
  return (
    <g className="diagram-lanes" pointerEvents="none">
      {roleStretches(window).map((stretch) =>
        stretch.role === 'follower' ? null : (
          <rect
            key={`${stretch.node}-${stretch.from}`}
            x={laneX(geometry, stretch.node) - laneWidth / 2}
            y={tickY(geometry, stretch.from)}
            width={laneWidth}
            height={Math.max(1, tickY(geometry, stretch.to) - tickY(geometry, stretch.from))}
            fill={stretch.role === 'crashed' ? crashedFill : termColor(stretch.term)}
            opacity={stretch.role === 'leader' ? 0.45 : stretch.role === 'candidate' ? 0.2 : 0.6}
          />
        ),
      )}
      {Array.from({ length: window.nodes }, (_, index) => index + 1).map((node) => (
        <g key={node}>
          <line x1={laneX(geometry, node)} x2={laneX(geometry, node)} y1={geometry.top} y2={geometry.bottom} stroke="currentColor" strokeWidth={1.5} opacity={0.55} />
          <text x={laneX(geometry, node)} y={16} textAnchor="middle" fontSize={14} fontWeight={700} fill="currentColor">
            {m.diagram.lane(node)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Tick labels down the left edge, at a round step. */
function TickAxis({ geometry }: { geometry: DiagramGeometry }) {
  const spanTicks = geometry.to - geometry.from;
  const rough = spanTicks / 6;
  const power = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = [1, 2, 5, 10].map((k) => k * power).find((candidate) => candidate >= rough) ?? power * 10;
  const ticks: number[] = [];
  for (let at = Math.ceil(geometry.from / step) * step; at <= geometry.to; at += step) ticks.push(at);
  return (
    <g className="diagram-axis" pointerEvents="none">
      {ticks.map((at) => (
        <g key={at}>
          <line x1={46} x2={geometry.width} y1={tickY(geometry, at)} y2={tickY(geometry, at)} stroke="currentColor" opacity={0.12} />
          <text x={42} y={tickY(geometry, at)} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="currentColor" opacity={0.75}>
            {at}
          </text>
        </g>
      ))}
    </g>
  );
}

function Arrow({ geometry, message, faded, selected, label, onChoose }: { geometry: DiagramGeometry; message: DiagramMessage; faded: boolean; selected: boolean; label: string; onChoose: (message: DiagramMessage) => void }) {
  const { x1, y1, x2, y2 } = arrowEnds(geometry, message);
  const rejected = message.ok === false;
  const colour = rejected ? '#b3261e' : messageColor[message.type];
  // The head: a short V at the arrival end, along the arrow.
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const head = 7;
  const left = { x: x2 - head * Math.cos(angle - 0.45), y: y2 - head * Math.sin(angle - 0.45) };
  const right = { x: x2 - head * Math.cos(angle + 0.45), y: y2 - head * Math.sin(angle + 0.45) };
  return (
    <g className={faded ? 'diagram-arrow is-faded' : 'diagram-arrow'} opacity={faded ? 0.15 : undefined} data-message-id={message.id} data-from={message.from} data-to={message.to} data-sent={message.sent} data-arrive={message.arrive} onClick={() => onChoose(message)}>
      <title>{label}</title>
      <line x1={x1} y1={y1} x2={x2} y2={y2} stroke="transparent" strokeWidth={10} />
      <line x1={x1} y1={y1} x2={x2} y2={y2} stroke={colour} strokeWidth={selected ? 3.5 : message.heartbeat ? 1 : 1.75} strokeDasharray={message.copyOf !== null ? '5 3' : undefined} opacity={message.heartbeat ? 0.55 : 0.9} />
      {message.lost ? (
        <text x={x2} y={y2} textAnchor="middle" dominantBaseline="middle" fontSize={13} fontWeight={700} fill={colour}>
          ×
        </text>
      ) : (
        <path d={`M${left.x},${left.y} L${x2},${y2} L${right.x},${right.y}`} fill="none" stroke={colour} strokeWidth={selected ? 3 : 1.5} />
      )}
    </g>
  );
}

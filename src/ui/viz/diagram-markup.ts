/**
 * The space-time diagram as an SVG file: its scene (diagram-scene.ts, the same one the canvas on
 * screen paints), the lanes, and a legend of what the colours, strokes and glyphs mean.
 *
 * Each arrow is a `g.diagram-arrow` with its message's id, lanes and ticks as data attributes
 * and its summary as a title, so the file can be read, and checked, arrow by arrow.
 */
import type { Messages } from '../i18n/catalogue.ts';
import { escapeXml, flowItems, legendPadding } from './svg-text.ts';
import type { LegendItem } from './svg-text.ts';
import { lanePx } from './diagram-layout.ts';
import type { DiagramGeometry } from './diagram-layout.ts';
import { bandColour, bandOpacity, dangerColour, markGlyph } from './diagram-scene.ts';
import type { DiagramScene } from './diagram-scene.ts';
import { messageColor, termColor } from './palette.ts';

const n = (value: number) => (Math.round(value * 10) / 10).toString();

/** The scene's shading, tick lines and labels, arrows and marks as SVG. */
export function sceneMarkup(scene: DiagramScene): string {
  const { geometry } = scene;
  const parts: string[] = [];
  if (scene.band.length > 0) {
    // i18n-exempt: SVG markup, not words.
    parts.push(`<path class="diagram-heartbeat-band" d="${scene.band.map((line) => `M${n(line.x1)},${n(line.y1)}L${n(line.x2)},${n(line.y2)}`).join('')}" stroke="${bandColour}" stroke-width="0.75" opacity="${bandOpacity}" fill="none"/>`);
  }
  parts.push('<g class="diagram-lanes" pointer-events="none">');
  for (const rect of scene.stretches) parts.push(`<rect x="${n(rect.x)}" y="${n(rect.y)}" width="${n(rect.width)}" height="${n(rect.height)}" fill="${rect.fill}" opacity="${rect.opacity}"/>`);
  parts.push('</g><g class="diagram-axis" pointer-events="none">');
  for (const { tick, at } of scene.axis) {
    if (geometry.orientation === 'down') {
      parts.push(`<line x1="46" x2="${geometry.width}" y1="${n(at)}" y2="${n(at)}" stroke="currentColor" opacity="0.12"/>`);
      parts.push(`<text x="42" y="${n(at)}" text-anchor="end" dominant-baseline="middle" font-size="11" fill="currentColor" opacity="0.75">${tick}</text>`);
    } else {
      parts.push(`<line x1="${n(at)}" x2="${n(at)}" y1="${geometry.crossStart - 8}" y2="${geometry.height}" stroke="currentColor" opacity="0.12"/>`);
      parts.push(`<text x="${n(at)}" y="12" text-anchor="middle" dominant-baseline="middle" font-size="11" fill="currentColor" opacity="0.75">${tick}</text>`);
    }
  }
  parts.push('</g><g class="diagram-arrows">');
  for (const arrow of scene.arrows) {
    const { message } = arrow;
    const line = `x1="${n(arrow.x1)}" y1="${n(arrow.y1)}" x2="${n(arrow.x2)}" y2="${n(arrow.y2)}"`;
    parts.push(
      `<g class="diagram-arrow${arrow.faded ? ' is-faded' : ''}${arrow.selected ? ' is-selected' : ''}"${arrow.faded ? ' opacity="0.15"' : ''} data-message-id="${message.id}" data-from="${message.from}" data-to="${message.to}" data-sent="${message.sent}" data-arrive="${message.arrive}">`,
      `<title>${escapeXml(arrow.label)}</title>`,
      // i18n-exempt: SVG markup, not words.
      `<line ${line} stroke="${arrow.colour}" stroke-width="${arrow.width}"${arrow.dashed ? ' stroke-dasharray="5 3"' : ''} opacity="${arrow.opacity}"/>`,
      arrow.head === null
        ? `<text x="${n(arrow.x2)}" y="${n(arrow.y2)}" text-anchor="middle" dominant-baseline="middle" font-size="13" font-weight="700" fill="${arrow.colour}">×</text>`
        : `<path d="M${n(arrow.head[0].x)},${n(arrow.head[0].y)} L${n(arrow.x2)},${n(arrow.y2)} L${n(arrow.head[1].x)},${n(arrow.head[1].y)}" fill="none" stroke="${arrow.colour}" stroke-width="${arrow.selected ? 3 : 1.5}"/>`,
      '</g>',
    );
  }
  parts.push('</g><g class="diagram-marks">');
  for (const mark of scene.marks) {
    parts.push(`<text x="${n(mark.x)}" y="${n(mark.y)}" text-anchor="${mark.anchor}" font-size="12" dominant-baseline="middle" fill="${mark.fill}" opacity="${mark.opacity}"><title>${escapeXml(mark.title)}</title>${escapeXml(mark.text)}</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}

/** The lanes: a line per node shown, named at its start. Fixed while the content scrolls. */
export function lanesMarkup(geometry: DiagramGeometry, m: Messages): string {
  const parts: string[] = ['<g class="diagram-lane-lines" pointer-events="none">'];
  for (const node of geometry.lanes) {
    const across = n(lanePx(geometry, node)!);
    if (geometry.orientation === 'down') {
      parts.push(`<line x1="${across}" x2="${across}" y1="${geometry.timeStart}" y2="${geometry.timeEnd}" stroke="currentColor" stroke-width="1.5" opacity="0.55"/>`);
      parts.push(`<text x="${across}" y="16" text-anchor="middle" font-size="14" font-weight="700" fill="currentColor">${escapeXml(m.diagram.lane(node))}</text>`);
    } else {
      parts.push(`<line x1="${geometry.timeStart}" x2="${geometry.timeEnd}" y1="${across}" y2="${across}" stroke="currentColor" stroke-width="1.5" opacity="0.55"/>`);
      parts.push(`<text x="8" y="${across}" dominant-baseline="middle" font-size="14" font-weight="700" fill="currentColor">${escapeXml(m.diagram.lane(node))}</text>`);
    }
  }
  parts.push('</g>');
  return parts.join('');
}

/** A legend band `width` wide: what the arrows' colours and strokes mean, and each mark's glyph. Returns its markup and height. */
export function diagramLegendMarkup(m: Messages, width: number, top: number): { markup: string; height: number } {
  // Samples centred on (0, 0), as flowItems places them.
  const stroke = (colour: string, dashed = false) => `<line x1="-11" y1="0" x2="11" y2="0" stroke="${colour}" stroke-width="2"${dashed ? ' stroke-dasharray="5 3"' : ''}/>`;
  const glyph = (text: string, colour = 'currentColor', bold = false) => `<text x="0" y="0" text-anchor="middle" dominant-baseline="central" font-size="13"${bold ? ' font-weight="700"' : ''} fill="${colour}">${text}</text>`;
  const items: LegendItem[] = [
    ...(['MsgVote', 'MsgApp', 'MsgSnap'] as const).map((type) => ({ sample: stroke(messageColor[type]), label: m.events.rpc[type] })),
    { sample: stroke(dangerColour), label: m.diagram.legend.rejected },
    { sample: stroke('currentColor', true), label: m.diagram.legend.duplicate },
    { sample: glyph('×', 'currentColor', true), label: m.diagram.legend.lost },
    { sample: `<rect x="-5" y="-7" width="10" height="14" fill="${termColor(2)}" opacity="0.45"/>`, label: m.diagram.legend.leaderLane },
    ...(['candidate', 'leader', 'follower', 'crash', 'restart', 'commit', 'snapshot'] as const).map((kind) => ({ sample: glyph(markGlyph[kind], kind === 'crash' ? dangerColour : 'currentColor'), label: m.diagram.legend.marks[kind] })),
    { sample: glyph('T3'), label: m.diagram.legend.marks.term },
  ];
  const { parts, bottom } = flowItems(items, width, legendPadding);
  return { markup: `<g class="diagram-legend" transform="translate(0 ${n(top)})">${parts.join('')}</g>`, height: Math.ceil(bottom + legendPadding) };
}

export interface DocumentOptions {
  readonly title: string;
  /** The colours and font the drawing has on screen. */
  readonly color: string;
  readonly background: string;
  readonly fontFamily: string;
  /** Drawn under the drawing when given. */
  readonly legend: { markup: string; height: number } | null;
}

/** A standalone SVG file of `geometry`'s range: the content clipped to the drawing, the lanes, and the legend below. */
export function diagramDocument(geometry: DiagramGeometry, content: string, m: Messages, options: DocumentOptions): string {
  const height = geometry.height + (options.legend?.height ?? 0);
  const clip = clipRect(geometry);
  return [
    // i18n-exempt: the XML declaration and SVG markup, not words.
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    // i18n-exempt: SVG markup, not words.
    `<svg xmlns="http://www.w3.org/2000/svg" width="${geometry.width}" height="${n(height)}" viewBox="0 0 ${geometry.width} ${n(height)}" color="${escapeXml(options.color)}" font-family="${escapeXml(options.fontFamily)}">`,
    `<title>${escapeXml(options.title)}</title>`,
    // i18n-exempt: SVG markup, not words.
    `<rect width="100%" height="100%" fill="${escapeXml(options.background)}"/>`,
    // i18n-exempt: SVG markup, not words.
    `<defs><clipPath id="diagram-clip"><rect x="${clip.x}" y="${clip.y}" width="${clip.width}" height="${clip.height}"/></clipPath></defs>`,
    lanesMarkup(geometry, m),
    `<g clip-path="url(#diagram-clip)">${content}</g>`,
    options.legend?.markup ?? '',
    '</svg>',
  ].join('');
}

/** The part of the drawing the content may paint: the whole time axis, a little past its ends, across every lane and the tick labels. */
export function clipRect(geometry: DiagramGeometry): { x: number; y: number; width: number; height: number } {
  const start = geometry.timeStart - 8;
  const length = geometry.timeEnd - geometry.timeStart + 16;
  return geometry.orientation === 'down' ? { x: 0, y: start, width: geometry.width, height: length } : { x: start, y: 0, width: length, height: geometry.height };
}

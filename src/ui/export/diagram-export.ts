/**
 * Drawings as files for slides: SVG (made standalone: its colours resolved, a background, a
 * title) or PNG at a chosen scale (the SVG drawn on a canvas). The drawings use presentation
 * attributes and currentColor only, so a file looks as the screen does without the page's style
 * sheets. The space-time diagram's file is made from its markup (diagramFile), the ticks shown
 * and a legend; other drawings are copied from the page (standaloneSvg).
 */
import type { DiagramWindow } from '../../protocol/worker-protocol.ts';
import type { Messages } from '../i18n/catalogue.ts';
import { overlaps, roleStretches, shownMessages } from '../viz/diagram-layout.ts';
import type { DiagramGeometry, MessageFilter } from '../viz/diagram-layout.ts';
import { diagramDocument, diagramLegendMarkup, sceneMarkup } from '../viz/diagram-markup.ts';
import { diagramScene } from '../viz/diagram-scene.ts';

export interface ScreenColours {
  readonly color: string;
  readonly background: string;
  readonly fontFamily: string;
}

/** The text colour, background and font an element has on screen (defaults without one). */
export function screenColours(element: Element | null): ScreenColours {
  if (element === null) return { color: '#000000', background: '#ffffff', fontFamily: 'sans-serif' };
  const style = getComputedStyle(element);
  return { color: style.color, background: backgroundOf(element), fontFamily: style.fontFamily };
}

/**
 * The space-time diagram's file for the ticks shown (`view`): the arrows that cross them after the
 * filter, the marks and shading, the lanes, and the legend below. Returns the SVG and its height.
 */
export function diagramFile(m: Messages, window: DiagramWindow, view: DiagramGeometry, filter: MessageFilter, span: number, colours: ScreenColours): { svg: string; height: number } {
  const { shown, collapsed } = shownMessages(window.messages, filter);
  const inRange = shown.filter((message) => overlaps(message, view.from, view.to));
  const band = collapsed.filter((message) => overlaps(message, view.from, view.to));
  const content = sceneMarkup(diagramScene(view, { m, window, shown: inRange, band, stretches: roleStretches(window), span, focus: null, selected: null }));
  const legend = diagramLegendMarkup(m, view.width, view.height);
  const svg = diagramDocument(view, content, m, { title: m.diagram.fileTitle(view.from, view.to), ...colours, legend });
  return { svg, height: view.height + legend.height };
}

/** A standalone SVG document of `svg`, with the colours it has on screen. */
export function standaloneSvg(svg: SVGSVGElement, title: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const style = getComputedStyle(svg);
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('color', style.color);
  copy.setAttribute('font-family', style.fontFamily);
  copy.removeAttribute('class');
  const ns = 'http://www.w3.org/2000/svg';
  const background = document.createElementNS(ns, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', backgroundOf(svg));
  const heading = document.createElementNS(ns, 'title');
  heading.textContent = title;
  copy.insertBefore(background, copy.firstChild);
  copy.insertBefore(heading, copy.firstChild);
  let text = new XMLSerializer().serializeToString(copy);
  // The serializer names the SVG namespace for an element in it; say it if it did not.
  // i18n-exempt: SVG markup, not words.
  if (!/^<svg[^>]*\sxmlns="/.test(text)) text = text.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  // i18n-exempt: the XML declaration.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}`;
}

/** The first background colour that is not transparent, from the element up. */
function backgroundOf(element: Element): string {
  for (let at: Element | null = element; at !== null; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour !== '' && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return '#ffffff';
}

/** The SVG drawn at `scale` (2 for slides) as a PNG. */
export async function pngOf(svgText: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob === null ? reject(new Error('the canvas made no PNG')) : resolve(blob)), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The cluster view as a file for slides: a standalone SVG document of the drawing on screen, with
 * the legend drawn under it (export-legend.ts), as SVG or as PNG at a chosen scale.
 *
 * The drawing is copied from the page, not redrawn: so the file shows exactly what the screen
 * does, messages in flight included (MessageLayer moves them by writing their `transform`
 * straight into the DOM between React renders; the copy takes the attributes as they are now).
 * The cluster's look comes from style sheets (cluster.css) that a file does not carry, so each
 * element's computed paint and type are written onto its copy; what only serves the pointer and
 * the keyboard (hit areas, focus rings, tooltips, roles) is left out.
 */
import type { ClusterView } from '../../core/index.ts';
import { termsOnScreen } from '../components/ClusterLegend.tsx';
import { legendBand } from './export-legend.ts';
import type { LegendColours } from './export-legend.ts';
import type { Messages } from '../i18n/catalogue.ts';

const svgNamespace = 'http://www.w3.org/2000/svg';

/** Where the app draws its cluster view (ClusterPanel's ClusterGraph). */
export function clusterSvgOnScreen(root: ParentNode = document): SVGSVGElement | null {
  // i18n-exempt: a CSS selector, not words.
  return root.querySelector<SVGSVGElement>('.cluster-panel svg.raft-cluster');
}

export interface ClusterFile {
  /** The SVG document's text. */
  readonly svg: string;
  /** Its size in CSS px: the drawing's, plus the legend's height. */
  readonly width: number;
  readonly height: number;
}

/** Properties passed down to children: written on a copy only where they differ from its parent's. */
const inherited = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;
/** Properties of the element alone, written where they are not the initial value. */
const ownProperties: Record<string, string> = { opacity: '1', 'vector-effect': 'none' };
/** Only for the pointer or the keyboard: invisible in a picture. */
const interactiveOnly = ['raft-node__hit', 'raft-message__hit', 'raft-node__focus'];
const interactiveAttributes = ['role', 'tabindex', 'aria-label', 'aria-pressed', 'aria-keyshortcuts', 'aria-hidden', 'focusable'];

/**
 * Copies `element` (from the page) into `copy` (its clone) with its computed look written on it,
 * child by child. `parent` is the computed style of the element's parent, for inherited values.
 */
function inlineStyles(element: Element, copy: Element, parent: CSSStyleDeclaration | null): void {
  const style = getComputedStyle(element);
  const declarations: string[] = [];
  for (const property of inherited) {
    const value = style.getPropertyValue(property);
    if (value !== '' && (parent === null || value !== parent.getPropertyValue(property))) declarations.push(`${property}:${value}`);
  }
  for (const [property, initial] of Object.entries(ownProperties)) {
    const value = style.getPropertyValue(property);
    if (value !== '' && value !== initial) declarations.push(`${property}:${value}`);
  }
  if (declarations.length > 0) copy.setAttribute('style', declarations.join(';'));
  else copy.removeAttribute('style');
  for (const name of interactiveAttributes) copy.removeAttribute(name);
  // The children of the original and of the copy match one to one, until one is removed below.
  const originals = [...element.children];
  const copies = [...copy.children];
  originals.forEach((child, index) => {
    const childCopy = copies[index]!;
    if (child.tagName === 'title' || interactiveOnly.some((name) => child.classList.contains(name))) {
      childCopy.remove();
      return;
    }
    const look = getComputedStyle(child);
    if (look.display === 'none' || look.visibility === 'hidden') childCopy.remove();
    else inlineStyles(child, childCopy, style);
  });
}

/** The first background colour that is not transparent, from the element up. */
export function backgroundOf(element: Element): string {
  for (let at: Element | null = element; at !== null; at = at.parentElement) {
    const colour = getComputedStyle(at).backgroundColor;
    if (colour !== '' && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return '#ffffff';
}

/** The theme's colours the legend needs, as the cluster view resolves them. */
function legendColours(svg: SVGSVGElement): Partial<LegendColours> {
  const style = getComputedStyle(svg);
  const colour = (name: string) => style.getPropertyValue(name).trim();
  const ok = colour('--raft-ok');
  const danger = colour('--raft-cut');
  return { background: backgroundOf(svg), ...(ok === '' ? {} : { ok }), ...(danger === '' ? {} : { danger }) };
}

/** The drawing's size in CSS px (the graph sets width and height to the box it fills). */
export function drawingSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || box.width;
  const height = Number(svg.getAttribute('height')) || box.height;
  return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
}

/**
 * A standalone SVG document of the cluster view `svg` as it is on screen now, showing `view`,
 * with the legend (the terms on screen) under it unless `options.legend` is false.
 */
export function clusterFile(svg: SVGSVGElement, m: Messages, view: ClusterView, options: { readonly legend?: boolean } = {}): ClusterFile {
  const { width, height } = drawingSize(svg);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy, null);
  copy.removeAttribute('data-tick');
  copy.setAttribute('x', '0');
  copy.setAttribute('y', '0');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', svg.getAttribute('viewBox') ?? `0 0 ${width} ${height}`);
  copy.setAttribute('class', 'cluster-drawing');
  const style = getComputedStyle(svg);
  const legend = options.legend === false ? { markup: '', height: 0 } : legendBand(m, { terms: termsOnScreen(view), width, top: height, colours: legendColours(svg) });
  const total = height + legend.height;
  const owner = svg.ownerDocument;
  const root = owner.createElementNS(svgNamespace, 'svg');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(total));
  root.setAttribute('viewBox', `0 0 ${width} ${total}`);
  root.setAttribute('color', style.color);
  root.setAttribute('font-family', style.fontFamily);
  root.setAttribute('role', 'img');
  const title = m.exporting.fileTitle(view.tick);
  root.setAttribute('aria-label', title);
  const heading = owner.createElementNS(svgNamespace, 'title');
  heading.textContent = title;
  const background = owner.createElementNS(svgNamespace, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', backgroundOf(svg));
  root.append(heading, background, copy);
  let text = new XMLSerializer().serializeToString(root);
  // The serializer names the SVG namespace for an element in it; say it if it did not.
  // i18n-exempt: SVG markup, not words.
  if (!/^<svg[^>]*\sxmlns="/.test(text)) text = text.replace(/^<svg/, `<svg xmlns="${svgNamespace}"`);
  // The legend is markup already: it goes in as text, before the root's end tag.
  const at = text.lastIndexOf('</svg>');
  // i18n-exempt: the XML declaration and SVG markup, not words.
  const svgText = `<?xml version="1.0" encoding="UTF-8"?>\n${text.slice(0, at)}${legend.markup}</svg>`;
  return { svg: svgText, width, height: total };
}

/** A file name for the cluster at `tick`, with its extension (".svg", "@2x.png"). */
export function clusterFileName(tick: number, extension: string): string {
  return `raftlab-cluster-${tick}${extension}`;
}

/** The SVG text as an image, decoded and ready to draw on a canvas. */
export async function svgImage(svgText: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The cluster view's legend as SVG markup, for exported files (a slide has no Legend button): the
 * same explanations as the legend on screen (ClusterLegend), in the same words and with the same
 * samples, laid out as a band under the drawing. Pure: catalogue, terms and width in, one `<g>`
 * string and its height out, so any exported drawing can put it under itself.
 *
 * The markup uses presentation attributes and currentColor only (the document's root sets the
 * colour), like the drawings it goes with (see diagram-export.ts).
 */
import type { Messages } from '../i18n/catalogue.ts';
import { timerArcPath } from '../viz/layout.ts';
import { escapeXml, flowItems, legendFontSize as fontSize, legendHeadingSize as headingSize, legendLineHeight as lineHeight, legendPadding as padding, legendRowGap as rowGap, textWidth } from '../viz/svg-text.ts';
import type { LegendItem as Item } from '../viz/svg-text.ts';
import { messageShapePath } from '../viz/message-kind.ts';
import type { MessageShape } from '../viz/message-kind.ts';
import { crashedFill, messageColor, roleStroke, termColor, termTextColor } from '../viz/palette.ts';

export interface LegendOptions {
  /** The terms on screen, ascending (ClusterLegend's termsOnScreen): each gets its colour chip. */
  readonly terms: readonly number[];
  /** The band's width: items wrap onto more rows to fit it. */
  readonly width: number;
  /** Where the band starts in the document (its y); 0 by default. */
  readonly top?: number;
  /** The colours of the screen's theme, resolved (the legend on screen reads them from CSS). */
  readonly colours?: Partial<LegendColours>;
}

export interface LegendColours {
  /** The page's background: a reply's fill. */
  readonly background: string;
  /** A granted vote. */
  readonly ok: string;
  /** A refused vote, a rejected reply's ✗. */
  readonly danger: string;
}

export interface LegendBand {
  /** One `<g>` element. */
  readonly markup: string;
  readonly height: number;
}

const defaultColours: LegendColours = { background: '#ffffff', ok: '#1b6e3a', danger: '#b3261e' };

const n = (value: number) => (Math.round(value * 100) / 100).toString();

function nodeSample(m: Messages, role: 'follower' | 'candidate' | 'leader'): string {
  const stroke = roleStroke[role];
  const dash = stroke.dash === undefined ? '' : ` stroke-dasharray="${stroke.dash}"`;
  return (
    `<circle r="10" fill="${termColor(1)}" stroke="currentColor" stroke-width="${n(stroke.width * 0.55)}"${dash}/>` +
    // i18n-exempt: SVG markup; the letter comes from the catalogue.
    `<text text-anchor="middle" dominant-baseline="central" font-size="11" font-weight="700" fill="${termTextColor(1)}">${escapeXml(m.cluster.node.badge[role])}</text>`
  );
}

function messageSample(colours: LegendColours, shape: MessageShape, reply: boolean, color: string, mark?: '✓' | '✗'): string {
  const body = reply
    ? `<path d="${messageShapePath(shape, 7.5)}" fill="${colours.background}" stroke="${color}" stroke-width="2.2"/>`
    : `<path d="${messageShapePath(shape, 7.5)}" fill="${color}"/>`;
  if (mark === undefined) return body;
  const fill = mark === '✗' ? colours.danger : color;
  // i18n-exempt: SVG markup around a mark (✓ or ✗), not words.
  return `${body}<text text-anchor="middle" dominant-baseline="central" font-size="10" font-weight="700" fill="${fill}">${mark}</text>`;
}

function termChip(label: string, term: number): { markup: string; width: number } {
  const width = textWidth(label, fontSize, true) + 14;
  const markup =
    `<rect x="0" y="${-lineHeight / 2 - 1}" width="${n(width)}" height="${lineHeight + 2}" rx="${(lineHeight + 2) / 2}" fill="${termColor(term)}"/>` +
    `<text x="${n(width / 2)}" y="0" text-anchor="middle" dominant-baseline="central" font-size="${fontSize}" font-weight="700" fill="${termTextColor(term)}">${escapeXml(label)}</text>`;
  return { markup, width };
}

/** Everything the band explains, in the order of the legend on screen. */
function legendItems(m: Messages, colours: LegendColours): Item[] {
  const l = m.cluster.legend;
  return [
    { sample: null, label: l.nodes, bold: true, breakBefore: true },
    { sample: nodeSample(m, 'follower'), label: l.follower },
    { sample: nodeSample(m, 'candidate'), label: l.candidate },
    { sample: nodeSample(m, 'leader'), label: l.leader },
    { sample: `<circle r="10" fill="${crashedFill}" stroke="currentColor" stroke-dasharray="3 3"/><path d="M-6.5,-6.5L6.5,6.5M6.5,-6.5L-6.5,6.5" stroke="#5f5f5f" stroke-width="2.2"/>`, label: l.crashed },
    { sample: `<circle r="7.5" fill="${termColor(1)}"/><path d="${timerArcPath(0.35, 9, 11.5)}" fill="currentColor"/>`, label: l.timer },
    { sample: null, label: l.labels, breakBefore: true },
    { sample: null, label: l.messages, bold: true, breakBefore: true },
    { sample: messageSample(colours, 'circle', false, messageColor.MsgApp), label: l.shapes },
    { sample: messageSample(colours, 'diamond', true, messageColor.MsgVoteResp, '✓'), label: l.reply },
    { sample: messageSample(colours, 'circle', true, messageColor.MsgAppResp, '✗'), label: l.refused },
    { sample: `<circle r="10.5" fill="none" stroke="${messageColor.MsgApp}" stroke-dasharray="3 3" stroke-width="1.8"/>${messageSample(colours, 'circle', false, messageColor.MsgApp)}`, label: l.duplicate },
    { sample: `<g opacity="0.35">${messageSample(colours, 'circle', false, messageColor.MsgApp)}</g>`, label: l.lost },
    { sample: null, label: l.votes, bold: true, breakBefore: true },
    { sample: `<circle r="5" fill="${colours.ok}"/>`, label: l.voteGranted },
    { sample: `<path d="M-5,-5L5,5M5,-5L-5,5" stroke="${colours.danger}" stroke-width="2.5"/>`, label: l.voteRefused },
    { sample: `<circle r="5" fill="none" stroke="currentColor" stroke-width="1.8"/>`, label: l.votePending },
  ];
}

/**
 * The legend band, `options.width` wide, starting at `options.top`: the colours of the terms on
 * screen, then nodes, messages and votes, each sample with its label. Returns one `<g>` and its
 * height.
 */
export function legendBand(m: Messages, options: LegendOptions): LegendBand {
  const colours = { ...defaultColours, ...options.colours };
  const width = options.width;
  const top = options.top ?? 0;
  const parts: string[] = [`<g class="export-legend" transform="translate(0 ${n(top)})">`];
  parts.push(`<line x1="${padding}" x2="${n(Math.max(padding, width - padding))}" y1="0.5" y2="0.5" stroke="currentColor" stroke-opacity="0.3"/>`);
  // The colour key: a chip per term on screen, as on screen.
  const colourRow = padding;
  const middle = colourRow + lineHeight / 2;
  const heading = m.cluster.legend.colour;
  parts.push(`<text x="${padding}" y="${n(middle)}" dominant-baseline="central" font-size="${headingSize}" font-weight="700" fill="currentColor">${escapeXml(heading)}</text>`);
  let x = padding + textWidth(heading, headingSize, true) + 10;
  let y = colourRow;
  if (options.terms.length === 0) {
    parts.push(`<text x="${n(x)}" y="${n(middle)}" dominant-baseline="central" font-size="${fontSize}" fill="currentColor">${escapeXml(m.cluster.legend.noTerm)}</text>`);
  }
  for (const term of options.terms) {
    const chip = termChip(m.cluster.term(term), term);
    if (x + chip.width > width - padding && x > padding) {
      x = padding;
      y += lineHeight + rowGap;
    }
    parts.push(`<g class="export-legend__term" transform="translate(${n(x)} ${n(y + lineHeight / 2)})">${chip.markup}</g>`);
    x += chip.width + 6;
  }
  const { parts: rest, bottom } = flowItems(legendItems(m, colours), width, y + lineHeight + rowGap * 2);
  parts.push(...rest, '</g>');
  return { markup: parts.join(''), height: Math.ceil(bottom + padding) };
}

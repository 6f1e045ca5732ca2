/**
 * Text in the SVG files the app writes (the exported legends): escaping, a width estimate without
 * a canvas (CJK characters are about square, Latin about 0.6 em), wrapping, and the legends' flow
 * of sample-and-label items, left to right, wrapping at a width.
 */

export const legendFontSize = 12;
export const legendHeadingSize = 13;
export const legendLineHeight = 16;
export const legendRowGap = 6;
export const legendPadding = 12;
/** A sample's box: 24 px square, centred on the label's first line. */
const sampleSize = 24;
const sampleGap = 6;
const itemGap = 18;
const fontSize = legendFontSize;
const headingSize = legendHeadingSize;
const lineHeight = legendLineHeight;
const rowGap = legendRowGap;
const padding = legendPadding;

const n = (value: number) => (Math.round(value * 100) / 100).toString();

/** Text made safe inside an element or a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Roughly how wide `text` is at `size` px (CJK characters are about square, Latin about 0.6 em). */
export function textWidth(text: string, size: number, bold = false): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? size : size * (bold ? 0.62 : 0.58);
  return width;
}

/** `text` broken into lines at most `width` wide: at spaces, or between any two CJK characters. */
export function wrapText(text: string, size: number, width: number): string[] {
  const tokens = text.match(/[\u2e80-\uffff][，。、；：）」』”]?|[^\s\u2e80-\uffff]+\s*|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line !== '' && textWidth((line + token).trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line += token;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.length === 0 ? [''] : lines;
}

export interface LegendItem {
  /** Markup centred on (0, 0), within sampleSize; null for a heading or a note (text only). */
  readonly sample: string | null;
  readonly label: string;
  readonly bold?: boolean;
  /** Starts a new row (a section's heading). */
  readonly breakBefore?: boolean;
}

/** Lays items out left to right, wrapping at the band's width; returns the markup and the height used. */
export function flowItems(items: readonly LegendItem[], width: number, startY: number): { parts: string[]; bottom: number } {
  const parts: string[] = [];
  const right = Math.max(padding + sampleSize + 40, width - padding);
  let x = padding;
  let rowTop = startY;
  let rowHeight = lineHeight;
  const newRow = () => {
    rowTop += rowHeight + rowGap;
    rowHeight = lineHeight;
    x = padding;
  };
  for (const item of items) {
    const size = item.bold === true ? headingSize : fontSize;
    const offset = item.sample === null ? 0 : sampleSize + sampleGap;
    const lines = wrapText(item.label, size, right - padding - offset);
    const itemWidth = offset + Math.max(...lines.map((line) => textWidth(line, size, item.bold)));
    if ((item.breakBefore === true || x + itemWidth > right) && x > padding) newRow();
    const height = Math.max(lines.length * lineHeight, item.sample === null ? 0 : sampleSize - rowGap);
    const middle = rowTop + lineHeight / 2;
    const weight = item.bold === true ? ' font-weight="700"' : '';
    const text = lines.map((line, index) => `<tspan x="${n(x + offset)}" y="${n(middle + index * lineHeight)}">${escapeXml(line)}</tspan>`).join('');
    if (item.sample !== null) parts.push(`<g transform="translate(${n(x + sampleSize / 2)} ${n(middle)})">${item.sample}</g>`);
    // i18n-exempt: SVG markup; the text comes from the catalogue.
    parts.push(`<text dominant-baseline="central" font-size="${size}"${weight} fill="currentColor">${text}</text>`);
    rowHeight = Math.max(rowHeight, height);
    x += itemWidth + itemGap;
  }
  return { parts, bottom: rowTop + rowHeight };
}

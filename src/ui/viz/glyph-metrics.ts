/**
 * The measures of a node glyph, shared by the ring's fit (ring.ts), the geometry around it
 * (layout.ts) and the glyph itself: radii relative to the node, font sizes, and where the label
 * block sits and how much room it takes.
 */

/** Node-relative radii (multiples of the node radius) shared by the glyph and the layout. */
export const glyphRadii = {
  /** The election/heartbeat timer ring. */
  timerInner: 1.1,
  timerOuter: 1.24,
  /** Vote marks (candidate) sit just outside the timer ring. */
  voteMark: 1.48,
  /** Links and messages start and end here, clear of the timer ring. */
  linkInset: 1.3,
  /** The label block starts here, radially outward from the ring. */
  label: 1.4,
} as const;

/**
 * The smallest node radius, in px, that holds both the role badge and the id without one covering
 * the other; smaller nodes show only their id (the labels name the role).
 */
export const badgeRadiusMin = 20;

/** Label text in px: legible at its floor, never so big it crowds the ring. */
const labelFontMin = 13;
const labelFontMax = 24;
/** With Large type the floor rises: a projector's labels come before the size of the nodes. */
const labelFontMinLarge = 20;
/** Full labels: three lines (role, term, vote). Compact labels: one line, "C t12 v15". */
export type LabelStyle = 'full' | 'compact';
export const labelLineCount = { full: 3, compact: 1 } as const satisfies Record<LabelStyle, number>;
/**
 * The widest label line of each style, in ems, as the ring's fit reserves it. English's widest
 * ("candidate", "term 1234", "C t12 v15") are nine characters; a language with wider words passes
 * its own (widestLabelEms, from its catalogue).
 */
export interface LabelWidths {
  readonly full: number;
  readonly compact: number;
}
export const defaultLabelWidths: LabelWidths = { full: 5.6, compact: 5.6 };
export const labelLineHeight = 1.2;

/**
 * Font sizes in px for a node of radius `nodeRadius`. `textScale` enlarges the labels (Large type);
 * the layout leaves room for them.
 */
export function nodeFontSizes(nodeRadius: number, textScale = 1): { readonly id: number; readonly label: number; readonly badge: number } {
  return {
    id: Math.max(14, nodeRadius * 0.62),
    label: Math.min(labelFontMax * textScale, Math.max(textScale > 1 ? labelFontMinLarge : labelFontMin, nodeRadius * 0.44 * textScale)),
    badge: Math.max(10, nodeRadius * 0.3),
  };
}

export type TextAnchor = 'start' | 'middle' | 'end';

export interface LabelPlacement {
  /** Where the first line's baseline sits, relative to the node centre. */
  readonly x: number;
  readonly y: number;
  readonly anchor: TextAnchor;
  readonly lineHeight: number;
}

/**
 * Where a node's label block goes: radially outward from the ring, so the inside of the ring
 * stays free for links, messages and vote marks. Top nodes stack their lines upward of the node,
 * bottom nodes below it, side nodes beside it, vertically centred.
 */
export function labelPlacement(angle: number, nodeRadius: number, lineCount: number, textScale = 1): LabelPlacement {
  const { label: fontSize } = nodeFontSizes(nodeRadius, textScale);
  const lineHeight = fontSize * labelLineHeight;
  const blockHeight = lineHeight * lineCount;
  const gap = nodeRadius * glyphRadii.label;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Only a node right at the top or bottom stacks its labels over or under it (the ring's fit leaves
  // room there); every other node has them beside it.
  const anchor: TextAnchor = cos > 0.15 ? 'start' : cos < -0.15 ? 'end' : 'middle';
  // Beside the node the block starts a full gap away, clear of the timer ring at any height.
  const x = anchor === 'start' ? gap : anchor === 'end' ? -gap : 0;
  // Baseline of the first line: the block sits above (top), below (bottom) or centred (sides).
  let top: number;
  if (anchor !== 'middle') top = sin * gap * 0.6 - blockHeight / 2;
  else if (sin < 0) top = -gap - blockHeight;
  else top = gap;
  return { x, y: top + fontSize, anchor, lineHeight };
}

/** A box relative to a node's centre. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** A character a full em wide: Han (跟, 候, 领), CJK punctuation and full-width forms. */
const wideCharacter = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * How wide a line of label text is, in ems: 0.6 per character (a generous average for the UI's
 * sans-serif digits and lower case), a full em for a wide character.
 */
export function textEms(line: string): number {
  let ems = 0;
  for (const character of line) ems += wideCharacter.test(character) ? 1 : 0.6;
  return ems;
}

export function isWideCharacter(character: string): boolean {
  return wideCharacter.test(character);
}

/** The box `lines` take beside a node, relative to its centre. */
export function labelBox(angle: number, nodeRadius: number, lines: readonly string[], textScale = 1): Box {
  const widthEms = Math.max(0, ...lines.map(textEms));
  return labelBlockBox(angle, nodeRadius, { lineCount: lines.length, widthEms }, textScale);
}

/** The box a label block of `lineCount` lines, `widthEms` wide, takes beside a node. */
export function labelBlockBox(angle: number, nodeRadius: number, block: { lineCount: number; widthEms: number }, textScale = 1): Box {
  const { label: fontSize } = nodeFontSizes(nodeRadius, textScale);
  const place = labelPlacement(angle, nodeRadius, block.lineCount, textScale);
  const width = block.widthEms * fontSize;
  const left = place.anchor === 'start' ? place.x : place.anchor === 'end' ? place.x - width : place.x - width / 2;
  const top = place.y - fontSize;
  return { left, top, right: left + width, bottom: top + place.lineHeight * block.lineCount };
}


export function boxesOverlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

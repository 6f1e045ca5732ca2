/**
 * The root font size in CSS px, normal and with "Large type" on (styles.css sets the same values
 * on <html>). Everything in the app is sized in rems of it, so the switch scales the whole screen
 * for a projector; the few layout computations made in script (the log's columns, the cluster's
 * labels) use these numbers rather than reading styles back from the DOM.
 */
export const rootFontPx = { normal: 18, large: 22 } as const;

/** How much larger the cluster's labels are with Large type on. */
export const largeTypeLabelScale = rootFontPx.large / rootFontPx.normal;

export function rootFontPxFor(largeType: boolean): number {
  return largeType ? rootFontPx.large : rootFontPx.normal;
}

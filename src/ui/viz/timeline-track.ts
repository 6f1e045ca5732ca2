/**
 * Where a mark on the timeline slider's track goes so that it sits under the thumb at its tick:
 * the thumb's centre runs from half a thumb in from each end of the track, not from edge to edge.
 */

/** The range input's thumb width in Chromium, in CSS px. */
export const thumbPx = 16;

/** The CSS `left` of a mark at `tick` on a track spanning ticks 0 to `maxTick`. */
export function trackLeft(tick: number, maxTick: number): string {
  const share = tick / Math.max(maxTick, 1);
  return `calc(${(share * 100).toFixed(3)}% + ${((0.5 - share) * thumbPx).toFixed(1)}px)`;
}

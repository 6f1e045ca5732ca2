import type { Messages } from './i18n/catalogue.ts';

/**
 * The speed slider is logarithmic: position p in [0, speedSliderMax] maps to 10^(p / 100) ticks
 * per second, so 0 is 1 tick/s (slow motion: 1 simulated ms per second) and 600 is 1,000,000.
 */
export const speedSliderMax = 600;

export function speedFromSlider(position: number): number {
  return Math.round(10 ** (Math.min(Math.max(position, 0), speedSliderMax) / 100));
}

export function speedToSlider(ticksPerSecond: number): number {
  return Math.round(Math.log10(Math.max(1, ticksPerSecond)) * 100);
}

/** "100 ticks/s", "32k ticks/s", "1M ticks/s" (the number shortened the same way in every language). */
export function formatSpeed(m: Messages, ticksPerSecond: number): string {
  if (ticksPerSecond >= 1_000_000) return m.app.controls.ticksPerSecond(`${ticksPerSecond / 1_000_000}M`);
  if (ticksPerSecond >= 10_000) return m.app.controls.ticksPerSecond(`${Math.round(ticksPerSecond / 1000)}k`);
  return m.app.controls.ticksPerSecond(String(ticksPerSecond));
}

/** Above this speed the detail panels refresh a few times a second rather than every frame. */
export const fastPlaybackTicksPerSecond = 300;

/**
 * The "Record video" form, parsed and checked without a DOM (like settings-form.ts): the fields
 * arrive as typed, and each bad one gets its own error in the words of the catalogue `m`.
 *
 * The limits keep a recording something a browser tab holds in memory: at most
 * recordingFramesMax frames (a PNG sequence keeps every frame until it is saved), at most
 * framesPerSecondMax frames per second (a WebM video is recorded in real time, frame by frame).
 */
import type { Messages } from '../i18n/catalogue.ts';
import { frameCount } from './recording.ts';
import type { RecordingRange } from './recording.ts';
import type { FieldErrors, Parsed } from '../settings-form.ts';

export type RecordingField = 'from' | 'to' | 'ticksPerFrame' | 'framesPerSecond' | 'format';
export type NumberField = Exclude<RecordingField, 'format'>;
export type RecordingFormat = 'webm' | 'png';

export interface RecordingSettings extends RecordingRange {
  readonly framesPerSecond: number;
  readonly format: RecordingFormat;
}

export const recordingFramesMax = 1_000;
export const framesPerSecondMax = 30;
const ticksPerFrameMax = 10_000;
/** The range the form offers first: the last this many ticks up to the tick on screen. */
const defaultSpanTicks = 200;

export interface RecordingLimits {
  /** The run's last tick: a recording can only show ticks that exist. */
  readonly maxTick: number;
  /** Whether this browser can record WebM (MediaRecorder with a WebM type). */
  readonly webm: boolean;
}

/** What the form shows first: the ticks leading up to the one on screen, a tick per frame, 20 frames a second. */
export function recordingFormValues(tick: number, maxTick: number): Record<NumberField, string> {
  const to = tick > 0 ? tick : Math.min(maxTick, defaultSpanTicks);
  const from = Math.max(0, to - defaultSpanTicks);
  return { from: String(from), to: String(to), ticksPerFrame: '1', framesPerSecond: '20' };
}

function wholeNumberIn(m: Messages, text: string, min: number, max: number): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return m.exporting.check.wholeNumber;
  const value = Number(trimmed);
  if (value < min || value > max) return m.exporting.check.between(min, max);
  return value;
}

/** The form's settings, or each bad field's error (in the language of `m`). */
export function parseRecordingForm(m: Messages, values: Record<NumberField, string>, format: RecordingFormat, limits: RecordingLimits): Parsed<RecordingSettings, RecordingField> {
  const errors: FieldErrors<RecordingField> = {};
  const read = (field: NumberField, min: number, max: number): number | null => {
    const result = wholeNumberIn(m, values[field], min, max);
    if (typeof result === 'number') return result;
    errors[field] = result;
    return null;
  };
  const from = read('from', 0, limits.maxTick);
  const to = read('to', 0, limits.maxTick);
  const ticksPerFrame = read('ticksPerFrame', 1, ticksPerFrameMax);
  const framesPerSecond = read('framesPerSecond', 1, framesPerSecondMax);
  if (from !== null && to !== null && to <= from) errors.to = m.exporting.check.after(from);
  if (format === 'webm' && !limits.webm) errors.format = m.exporting.check.noWebm;
  if (from !== null && to !== null && ticksPerFrame !== null && to > from) {
    const frames = frameCount({ from, to, ticksPerFrame });
    if (frames > recordingFramesMax) errors.ticksPerFrame = m.exporting.check.frames(frames, recordingFramesMax);
  }
  if (from === null || to === null || ticksPerFrame === null || framesPerSecond === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { from, to, ticksPerFrame, framesPerSecond, format }, warnings: {} };
}

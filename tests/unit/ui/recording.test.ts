/**
 * The recording loop (src/ui/export/recording.ts) with plain functions for its steps: frames come in
 * tick order, each after the screen showed its tick; progress counts them; a cancel mid-way
 * stops before the next frame and the run goes back to the tick it was at, as it does after an
 * error. Also the form's checks (src/ui/export/recording-form.ts), in the catalogue's words.
 */
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../src/ui/i18n/catalogue.ts';
import { parseRecordingForm, recordingFormValues, recordingFramesMax } from '../../../src/ui/export/recording-form.ts';
import { frameCount, frameTicks, recordRange } from '../../../src/ui/export/recording.ts';
import type { RecordedFrame, RecordingSteps } from '../../../src/ui/export/recording.ts';

const m = messagesFor('en');

/** Steps that log what they are asked, in order; the screen "shows" a tick a microtask after its seek. */
function loggingSteps(options: { onFrame?: (frame: RecordedFrame) => void; failAt?: number } = {}) {
  const log: string[] = [];
  const progress: [number, number][] = [];
  let onScreen = -1;
  const steps: RecordingSteps = {
    seek: (tick) => {
      log.push(`seek ${tick}`);
      queueMicrotask(() => (onScreen = tick));
    },
    waitForTick: async (tick) => {
      await Promise.resolve();
      if (onScreen !== tick) throw new Error(`tick ${tick} not on screen (${onScreen})`);
      log.push(`shown ${tick}`);
    },
    renderFrame: async (frame) => {
      await Promise.resolve();
      if (frame.tick === options.failAt) throw new Error('the frame broke');
      log.push(`frame ${frame.index} at ${frame.tick} of ${frame.count}`);
      options.onFrame?.(frame);
    },
    onProgress: (done, total) => progress.push([done, total]),
  };
  return { steps, log, progress };
}

describe('frameTicks', () => {
  it('steps from the first tick and always ends on the last', () => {
    expect(frameTicks({ from: 10, to: 20, ticksPerFrame: 5 })).toEqual([10, 15, 20]);
    expect(frameTicks({ from: 10, to: 21, ticksPerFrame: 5 })).toEqual([10, 15, 20, 21]);
    expect(frameTicks({ from: 0, to: 3, ticksPerFrame: 1 })).toEqual([0, 1, 2, 3]);
    expect(frameTicks({ from: 7, to: 7, ticksPerFrame: 3 })).toEqual([7]);
  });

  it('agrees with frameCount', () => {
    for (const range of [{ from: 0, to: 100, ticksPerFrame: 7 }, { from: 3, to: 4, ticksPerFrame: 10 }, { from: 50, to: 250, ticksPerFrame: 1 }]) {
      expect(frameCount(range)).toBe(frameTicks(range).length);
    }
  });

  it('refuses a range that runs backwards or a step below one', () => {
    expect(() => frameTicks({ from: 5, to: 4, ticksPerFrame: 1 })).toThrow();
    expect(() => frameTicks({ from: 0, to: 4, ticksPerFrame: 0 })).toThrow();
  });
});

describe('recordRange', () => {
  it('records the frames in tick order, each once its tick is on screen, then goes back', async () => {
    const { steps, log, progress } = loggingSteps();
    const result = await recordRange({ from: 100, to: 104, ticksPerFrame: 2 }, steps, { signal: new AbortController().signal, returnTo: 250 });
    expect(result).toEqual({ outcome: 'done', frames: 3 });
    expect(log).toEqual(['seek 100', 'shown 100', 'frame 0 at 100 of 3', 'seek 102', 'shown 102', 'frame 1 at 102 of 3', 'seek 104', 'shown 104', 'frame 2 at 104 of 3', 'seek 250']);
    expect(progress).toEqual([[0, 3], [1, 3], [2, 3], [3, 3]]);
  });

  it('stops on a cancel mid-way: no further frame, and the run goes back to its tick', async () => {
    const controller = new AbortController();
    const { steps, log, progress } = loggingSteps({ onFrame: (frame) => frame.index === 1 && controller.abort() });
    const result = await recordRange({ from: 0, to: 9, ticksPerFrame: 1 }, steps, { signal: controller.signal, returnTo: 42 });
    expect(result.outcome).toBe('cancelled');
    expect(log.filter((line) => line.startsWith('frame'))).toEqual(['frame 0 at 0 of 10', 'frame 1 at 1 of 10']);
    expect(log.at(-1)).toBe('seek 42');
    // The frame the cancel came in is not counted as done.
    expect(progress).toEqual([[0, 10], [1, 10]]);
  });

  it('counts a wait that gives up because of the cancel as a cancel, not a failure', async () => {
    const controller = new AbortController();
    const seeks: number[] = [];
    const steps: RecordingSteps = {
      seek: (tick) => seeks.push(tick),
      waitForTick: (_tick, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('cancelled')));
          controller.abort();
        }),
      renderFrame: () => Promise.reject(new Error('never drawn')),
    };
    const result = await recordRange({ from: 5, to: 8, ticksPerFrame: 1 }, steps, { signal: controller.signal, returnTo: 3 });
    expect(result).toEqual({ outcome: 'cancelled', frames: 0 });
    expect(seeks).toEqual([5, 3]);
  });

  it('does nothing but go back when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const { steps, log } = loggingSteps();
    expect(await recordRange({ from: 0, to: 5, ticksPerFrame: 1 }, steps, { signal: controller.signal, returnTo: 9 })).toEqual({ outcome: 'cancelled', frames: 0 });
    expect(log).toEqual(['seek 9']);
  });

  it('rejects with a step error, after sending the run back', async () => {
    const { steps, log } = loggingSteps({ failAt: 2 });
    await expect(recordRange({ from: 0, to: 5, ticksPerFrame: 1 }, steps, { signal: new AbortController().signal, returnTo: 77 })).rejects.toThrow('the frame broke');
    expect(log.filter((line) => line.startsWith('frame'))).toHaveLength(2);
    expect(log.at(-1)).toBe('seek 77');
  });
});

describe('the Record video form', () => {
  const limits = { maxTick: 1_000, webm: true };
  const values = (overrides: Partial<Record<'from' | 'to' | 'ticksPerFrame' | 'framesPerSecond', string>>) => ({ from: '100', to: '300', ticksPerFrame: '1', framesPerSecond: '20', ...overrides });

  it('offers the ticks leading up to the one on screen', () => {
    expect(recordingFormValues(500, 900)).toEqual({ from: '300', to: '500', ticksPerFrame: '1', framesPerSecond: '20' });
    expect(recordingFormValues(50, 900)).toMatchObject({ from: '0', to: '50' });
    // At tick 0 the range starts there, as far as the run goes.
    expect(recordingFormValues(0, 120)).toMatchObject({ from: '0', to: '120' });
  });

  it('accepts a good range', () => {
    expect(parseRecordingForm(m, values({}), 'webm', limits)).toEqual({ ok: true, value: { from: 100, to: 300, ticksPerFrame: 1, framesPerSecond: 20, format: 'webm' }, warnings: {} });
  });

  it('gives each bad field its own error', () => {
    const parsed = parseRecordingForm(m, values({ from: 'x', to: '2000', ticksPerFrame: '0', framesPerSecond: '61' }), 'webm', limits);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      from: 'Enter a whole number.',
      to: 'Must be between 0 and 1,000.',
      ticksPerFrame: 'Must be between 1 and 10,000.',
      framesPerSecond: 'Must be between 1 and 30.',
    });
  });

  it('wants the last tick after the first, and not too many frames', () => {
    const backwards = parseRecordingForm(m, values({ from: '300', to: '300' }), 'png', limits);
    expect(backwards.ok ? null : backwards.errors).toEqual({ to: 'Must be after the first tick (300).' });
    const long = parseRecordingForm(m, values({ from: '0', to: '1000' }), 'png', limits);
    expect(long.ok ? null : long.errors).toEqual({ ticksPerFrame: `That makes 1,001 frames, more than ${recordingFramesMax.toLocaleString('en')}: use more ticks per frame or fewer ticks.` });
  });

  it('refuses WebM where the browser cannot record it', () => {
    const parsed = parseRecordingForm(m, values({}), 'webm', { maxTick: 1_000, webm: false });
    expect(parsed.ok ? null : parsed.errors).toEqual({ format: 'This browser cannot record WebM: choose PNG sequence.' });
    expect(parseRecordingForm(m, values({}), 'png', { maxTick: 1_000, webm: false }).ok).toBe(true);
  });

  it('speaks Chinese with a Chinese catalogue', () => {
    const parsed = parseRecordingForm(messagesFor('zh-CN'), values({ from: '', to: '50' }), 'png', limits);
    expect(parsed.ok ? null : parsed.errors).toEqual({ from: '请输入整数。' });
  });
});

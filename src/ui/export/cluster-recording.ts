/**
 * Recording the cluster view over a range of ticks: the glue between the recording loop
 * (recording.ts), the app's store (seek, and the view it shows), the cluster view on screen
 * (cluster-export.ts makes each frame's picture) and a video or PNG-sequence output
 * (recording-output.ts). Every frame is the cluster view exactly as the screen showed it at
 * that tick, legend included, drawn at the chosen scale.
 */
import type { Messages } from '../i18n/catalogue.ts';
import type { AppStore } from '../store/store.ts';
import { backgroundOf, clusterFile, clusterSvgOnScreen, svgImage } from './cluster-export.ts';
import type { ClusterFile } from './cluster-export.ts';
import type { RecordingSettings } from './recording-form.ts';
import { pngSequenceOutput, RecordingError, webmOutput } from './recording-output.ts';
import type { RecordingErrorCode } from './recording-output.ts';
import { recordRange } from './recording.ts';

/** How long the worker may take to show a tick before the recording gives up (a replay from a checkpoint takes milliseconds). */
const tickWaitMs = 15_000;

/** Drawing the frames (the run seeks through them), then recording the video from them. */
export type RecordingPhase = 'frames' | 'video';

export interface RecordingProgress {
  readonly phase: RecordingPhase;
  readonly done: number;
  readonly total: number;
  /** 2 when a video pass follows the frames (MediaRecorder), else 1. */
  readonly passes: 1 | 2;
}

export type ClusterRecordingResult =
  | { readonly outcome: 'done'; readonly blob: Blob; readonly name: string; readonly frames: number; readonly returnTo: number }
  | { readonly outcome: 'cancelled'; readonly returnTo: number }
  | { readonly outcome: 'failed'; readonly code: RecordingErrorCode | 'other'; readonly tick: number | null; readonly detail: string; readonly returnTo: number };

export interface ClusterRecordingOptions {
  readonly store: AppStore;
  /** The catalogue the frames' legend speaks. */
  readonly m: Messages;
  readonly settings: RecordingSettings;
  readonly scale: number;
  /** Whether each frame has the legend under the drawing. */
  readonly legend: boolean;
  /** The recording canvas goes in here while recording, as a preview; removed afterwards. */
  readonly previewBox: HTMLElement | null;
  readonly previewLabel: string;
  readonly signal: AbortSignal;
  /** Progress through the frames drawn, then (a WebM video) through the video recorded. */
  readonly onProgress: (progress: RecordingProgress) => void;
}

/** The recording's file name. */
export function recordingFileName(settings: Pick<RecordingSettings, 'from' | 'to' | 'format'>): string {
  const base = `raftlab-cluster-ticks-${settings.from}-${settings.to}`;
  return settings.format === 'webm' ? `${base}.webm` : `${base}-png.zip`;
}

/**
 * Resolves once the screen shows `tick`: the store's view is that tick's and the cluster view on
 * screen has drawn it (its data-tick). Rejects after tickWaitMs, or when `signal` aborts.
 */
export function waitForClusterTick(store: AppStore, tick: number, signal: AbortSignal, timeoutMs = tickWaitMs): Promise<void> {
  return new Promise((resolve, reject) => {
    const shown = () => store.getState().view?.tick === tick && clusterSvgOnScreen()?.getAttribute('data-tick') === String(tick);
    let timer = 0;
    const observer = new MutationObserver(() => check());
    const unsubscribe = store.subscribe(() => check());
    const end = (error: Error | null) => {
      window.clearTimeout(timer);
      observer.disconnect();
      unsubscribe();
      signal.removeEventListener('abort', onAbort);
      if (error === null) resolve();
      else reject(error);
    };
    const check = () => {
      if (shown()) end(null);
    };
    const onAbort = () => end(new RecordingError('tick', 'cancelled', tick));
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-tick'] });
    signal.addEventListener('abort', onAbort, { once: true });
    timer = window.setTimeout(() => end(new RecordingError('tick', `tick ${tick} not shown`, tick)), timeoutMs);
    check();
  });
}

/** Draws a frame's picture on the canvas, fitted and centred (a frame taller than the first, with more terms in its legend, shrinks a little). */
function drawFitted(canvas: HTMLCanvasElement, image: CanvasImageSource, file: ClusterFile, background: string): void {
  const context = canvas.getContext('2d');
  if (context === null) throw new RecordingError('canvas', 'no 2D context');
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  const fit = Math.min(canvas.width / file.width, canvas.height / file.height);
  const width = file.width * fit;
  const height = file.height * fit;
  context.drawImage(image, (canvas.width - width) / 2, (canvas.height - height) / 2, width, height);
}

/** Video encoders want even sizes. */
const even = (value: number) => Math.max(2, Math.ceil(value / 2) * 2);

/**
 * Keeps the page drawing frames while it records: Chromium encodes a canvas's PNG in the idle time
 * after a frame, and a page that draws nothing has none, so each PNG would wait up to a second.
 * Returns the function that stops it.
 */
function keepFramesComing(): () => void {
  let handle = requestAnimationFrame(function frame() {
    handle = requestAnimationFrame(frame);
  });
  return () => cancelAnimationFrame(handle);
}

/**
 * Records the cluster view over the settings' range; never throws (a failure is a result). First
 * every frame is drawn (the run seeks tick by tick, then goes back) into the output; then the
 * output makes the file (with MediaRecorder, by a second pass in real time: recording-output.ts).
 */
export async function recordCluster(options: ClusterRecordingOptions): Promise<ClusterRecordingResult> {
  const { store, m, settings, scale, signal } = options;
  const returnTo = store.getState().timeline.tick;
  const canvas = document.createElement('canvas');
  canvas.className = 'export-preview__canvas';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', options.previewLabel);
  const output = settings.format === 'webm' ? webmOutput(settings.framesPerSecond) : pngSequenceOutput();
  const stopFrames = keepFramesComing();
  const frameOf = async (): Promise<{ file: ClusterFile; image: HTMLImageElement; background: string }> => {
    const svg = clusterSvgOnScreen();
    const view = store.getState().view;
    if (svg === null || view === null) throw new RecordingError('image', 'the cluster view is not on screen');
    const file = clusterFile(svg, m, view, { legend: options.legend });
    const background = backgroundOf(svg);
    try {
      return { file, image: await svgImage(file.svg), background };
    } catch (error) {
      throw new RecordingError('image', error instanceof Error ? error.message : String(error));
    }
  };
  try {
    const result = await recordRange(
      settings,
      {
        seek: (tick) => {
          const state = store.getState();
          // A recording shows each tick as it is, not messages gliding towards the next one.
          if (state.timeline.playing) state.pause();
          state.seek(tick);
        },
        waitForTick: (tick, abort) => waitForClusterTick(store, tick, abort),
        renderFrame: async (frame, abort) => {
          const { file, image, background } = await frameOf();
          if (abort.aborted) return;
          if (frame.index === 0) {
            // Every frame has the first one's size (a later one with more terms in its legend is fitted in).
            canvas.width = even(file.width * scale);
            canvas.height = even(file.height * scale);
            options.previewBox?.append(canvas);
          }
          drawFitted(canvas, image, file, background);
          await output.add(canvas, frame);
        },
        onProgress: (done, total) => options.onProgress({ phase: 'frames', done, total, passes: output.passes }),
      },
      { signal, returnTo },
    );
    if (result.outcome === 'cancelled') {
      output.abort();
      return { outcome: 'cancelled', returnTo };
    }
    const blob = await output.finish(signal, (done, total) => options.onProgress({ phase: 'video', done, total, passes: output.passes }));
    if (blob === null) return { outcome: 'cancelled', returnTo };
    return { outcome: 'done', blob, name: recordingFileName(settings), frames: result.frames, returnTo };
  } catch (error) {
    output.abort();
    // The loop sends the run back on its way out; a failure after it (making the file) must too.
    store.getState().seek(returnTo);
    if (error instanceof RecordingError) return { outcome: 'failed', code: error.code, tick: error.tick, detail: error.message, returnTo };
    return { outcome: 'failed', code: 'other', tick: null, detail: error instanceof Error ? error.message : String(error), returnTo };
  } finally {
    stopFrames();
    canvas.remove();
  }
}

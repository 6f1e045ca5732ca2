/**
 * Where a recording's frames go, once each is drawn on the recording canvas: a WebM video or a
 * PNG sequence (one PNG per frame, in a .zip).
 *
 * A WebM video is encoded with WebCodecs (VideoEncoder, VP8) where the browser has it: each frame
 * gets its exact time (frame n at n/fps seconds), however long it took to draw, and the encoded
 * frames are written into a WebM file here (webm.ts). Where it has not, MediaRecorder records the
 * canvas instead. A canvas's MediaRecorder runs on the wall clock (a frame lasts until the next
 * is requested) and its encoder drops frames it cannot keep up with, so that path works in two
 * passes: the frames are drawn first and kept as PNG, then played into the recorder at their
 * rate. Measurements and reasons: docs/exporting.md.
 */
import type { RecordedFrame } from './recording.ts';
import { webmFile } from './webm.ts';
import type { WebmFrame } from './webm.ts';
import { createZipWriter } from './zip.ts';

export interface FrameOutput {
  /**
   * Passes over the frames: 1 when each frame goes straight into the file, 2 when a second,
   * real-time pass records the video (MediaRecorder). May change after the first frame.
   */
  readonly passes: 1 | 2;
  /** Takes the frame on the canvas now; the canvas may be drawn over once this resolves. */
  add(canvas: HTMLCanvasElement, frame: RecordedFrame): Promise<void>;
  /** The file (null if `signal` aborts). A second pass reports each frame it records. */
  finish(signal: AbortSignal, onFrame: (done: number, total: number) => void): Promise<Blob | null>;
  /** Drops everything (a cancel, or an error): safe at any time, and twice. */
  abort(): void;
}

/** Why a recording could not be made, for the catalogue to word (m.exporting.problem). */
export type RecordingErrorCode = 'tick' | 'recorder' | 'image' | 'canvas' | 'png';

export class RecordingError extends Error {
  readonly code: RecordingErrorCode;
  readonly tick: number | null;
  constructor(code: RecordingErrorCode, detail: string, tick: number | null = null) {
    super(detail);
    this.name = 'RecordingError';
    this.code = code;
    this.tick = tick;
  }
}

/** WebM types to ask MediaRecorder for, best first: VP8 encodes fastest in software. */
const webmTypes = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm'];
/** Sharp lines and small text need more than the encoders' default rates (MediaRecorder's is about 2.5 Mbit/s). */
const videoBitsPerSecond = 8_000_000;
/** A key frame every two seconds: players seek to those. */
const keyFrameEverySeconds = 2;
/** Frames waiting in the encoder before the next is drawn (memory stays flat on a slow machine). */
const encodeQueueMax = 3;

/** The WebM type MediaRecorder records a canvas in here, or null when it cannot. */
export function webmMimeType(): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof MediaRecorder.isTypeSupported !== 'function') return null;
  if (typeof HTMLCanvasElement === 'undefined' || typeof HTMLCanvasElement.prototype.captureStream !== 'function') return null;
  return webmTypes.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

function hasVideoEncoder(): boolean {
  return typeof VideoEncoder === 'function' && typeof VideoFrame === 'function';
}

/**
 * How this browser makes a WebM video: 'encoder' (WebCodecs, each frame at its exact time),
 * 'recorder' (MediaRecorder, in real time after the frames are drawn), or null (it cannot).
 * 'encoder' falls back to 'recorder' at the first frame if the encoder refuses the size.
 */
export function webmPath(): 'encoder' | 'recorder' | null {
  if (hasVideoEncoder()) return 'encoder';
  return webmMimeType() !== null ? 'recorder' : null;
}

/** The wall clock and its timer, passed in so a test can drive them. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): void;
}

const browserClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => void window.setTimeout(callback, ms),
};

function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) resolve();
    else clock.setTimeout(resolve, ms);
  });
}

function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob === null ? reject(new RecordingError('png', 'the canvas made no PNG')) : resolve(blob)), 'image/png'));
}

/**
 * A WebM video, `framesPerSecond` frames a second: WebCodecs where the browser encodes VP8 or
 * VP9 at the canvas's size, else MediaRecorder. Decided at the first frame (it needs the size).
 */
export function webmOutput(framesPerSecond: number, clock: Clock = browserClock): FrameOutput {
  let chosen: FrameOutput | null = null;
  let choosing: Promise<FrameOutput> | null = null;
  const choose = async (canvas: HTMLCanvasElement): Promise<FrameOutput> => {
    const encoder = await encoderConfig(canvas.width, canvas.height, framesPerSecond);
    if (encoder !== null) return encodedOutput(encoder, framesPerSecond);
    const mimeType = webmMimeType();
    if (mimeType === null) throw new RecordingError('recorder', 'this browser records no WebM');
    return recorderOutput(framesPerSecond, mimeType, clock);
  };
  return {
    get passes() {
      return chosen?.passes ?? (hasVideoEncoder() ? 1 : 2);
    },
    async add(canvas, frame) {
      choosing ??= choose(canvas);
      chosen = await choosing;
      await chosen.add(canvas, frame);
    },
    finish(signal, onFrame) {
      if (chosen === null) return Promise.reject(new RecordingError('recorder', 'no frame was drawn'));
      return chosen.finish(signal, onFrame);
    },
    abort() {
      chosen?.abort();
    },
  };
}

interface EncoderChoice {
  readonly config: VideoEncoderConfig;
  readonly codecId: 'V_VP8' | 'V_VP9';
}

/** The first of VP8 and VP9 that this browser encodes at this size, or null. */
async function encoderConfig(width: number, height: number, framesPerSecond: number): Promise<EncoderChoice | null> {
  if (!hasVideoEncoder()) return null;
  const codecs = [
    ['vp8', 'V_VP8'],
    ['vp09.00.10.08', 'V_VP9'],
  ] as const;
  for (const [codec, codecId] of codecs) {
    const config: VideoEncoderConfig = { codec, width, height, bitrate: videoBitsPerSecond, framerate: framesPerSecond };
    try {
      const support = await VideoEncoder.isConfigSupported(config);
      if (support.supported === true) return { config, codecId };
    } catch {
      // A configuration the browser cannot even check: try the next.
    }
  }
  return null;
}

/** WebCodecs: each frame encoded as it is drawn, at its exact time; the WebM written at the end. */
function encodedOutput(choice: EncoderChoice, framesPerSecond: number): FrameOutput {
  const frames: WebmFrame[] = [];
  let failure: Error | null = null;
  const throwIfFailed = () => {
    if (failure !== null) throw failure;
  };
  const encoder = new VideoEncoder({
    output: (chunk) => {
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      frames.push({ data, timestampMs: chunk.timestamp / 1000, key: chunk.type === 'key' });
    },
    error: (error) => {
      failure = new RecordingError('recorder', error.message);
    },
  });
  encoder.configure(choice.config);
  const frameMicroseconds = 1_000_000 / framesPerSecond;
  const keyEvery = Math.max(1, Math.round(framesPerSecond * keyFrameEverySeconds));
  const close = () => {
    if (encoder.state !== 'closed') encoder.close();
  };
  return {
    passes: 1,
    async add(canvas, frame) {
      throwIfFailed();
      const picture = new VideoFrame(canvas, { timestamp: Math.round(frame.index * frameMicroseconds), duration: Math.round(frameMicroseconds) });
      try {
        encoder.encode(picture, { keyFrame: frame.index % keyEvery === 0 });
      } finally {
        picture.close();
      }
      // Backpressure: a slow encoder slows the drawing rather than piling up frames.
      while (encoder.encodeQueueSize > encodeQueueMax && failure === null) await new Promise((resolve) => setTimeout(resolve, 5));
      throwIfFailed();
    },
    async finish(signal) {
      if (signal.aborted) {
        close();
        return null;
      }
      await encoder.flush();
      close();
      throwIfFailed();
      if (signal.aborted) return null;
      frames.sort((a, b) => a.timestampMs - b.timestampMs);
      const parts = webmFile({ width: choice.config.width, height: choice.config.height, codecId: choice.codecId, frameDurationMs: 1000 / framesPerSecond, frames });
      return new Blob(parts as BlobPart[], { type: 'video/webm' });
    },
    abort: close,
  };
}

/** MediaRecorder: the frames kept as PNG as they are drawn, then played into the recorder in real time. */
function recorderOutput(framesPerSecond: number, mimeType: string, clock: Clock): FrameOutput {
  const frames: Blob[] = [];
  let canvas: HTMLCanvasElement | null = null;
  return {
    passes: 2,
    async add(drawn) {
      canvas = drawn;
      frames.push(await canvasPng(drawn));
    },
    finish(signal, onFrame) {
      if (canvas === null || frames.length === 0) return Promise.reject(new RecordingError('recorder', 'no frame was drawn'));
      return recordFrames(canvas, frames, { framesPerSecond, mimeType, clock, signal, onFrame });
    },
    abort() {
      frames.length = 0;
    },
  };
}

interface PlayOptions {
  readonly framesPerSecond: number;
  readonly mimeType: string;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly onFrame: (done: number, total: number) => void;
}

/** How long the recorder gets to encode the frames it was given before it is stopped. */
const recorderDrainMs = 1_500;

/** Frames decoded ahead of the one shown: decoding runs off the page's thread, a few frames' time ahead. */
const decodeAhead = 3;

/**
 * Plays the frames onto the canvas, one every 1/fps seconds, into a MediaRecorder: the video's
 * time is the wall clock's. A frame that comes late (the machine was busy) pushes the rest back,
 * so only the frame before it lasts longer. Resolves null when `signal` aborts.
 */
async function recordFrames(canvas: HTMLCanvasElement, frames: readonly Blob[], options: PlayOptions): Promise<Blob | null> {
  const { clock, signal } = options;
  const context = canvas.getContext('2d');
  if (context === null) throw new RecordingError('canvas', 'no 2D context');
  // Frame rate 0: a frame is taken only when requestFrame asks, so each drawn frame is one frame.
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack | undefined;
  if (track === undefined || typeof track.requestFrame !== 'function') throw new RecordingError('recorder', 'the canvas gives no video track');
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(stream, { mimeType: options.mimeType, videoBitsPerSecond });
  } catch (error) {
    stopStream(stream);
    throw new RecordingError('recorder', error instanceof Error ? error.message : String(error));
  }
  const chunks: Blob[] = [];
  let failure: Error | null = null;
  const throwIfFailed = () => {
    if (failure !== null) throw failure;
  };
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  });
  recorder.addEventListener('error', (event) => {
    const error = (event as Event & { error?: unknown }).error;
    failure = new RecordingError('recorder', error instanceof Error ? error.message : 'MediaRecorder error');
  });
  const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));
  const decoded = new Map<number, Promise<ImageBitmap>>();
  const decode = (index: number) => {
    if (index < frames.length) decoded.set(index, createImageBitmap(frames[index]!));
  };
  for (let index = 0; index < decodeAhead; index += 1) decode(index);
  const interval = 1000 / options.framesPerSecond;
  let start: number | null = null;
  try {
    // The recorder takes the first frame requested after start() (its start event waits for that frame).
    recorder.start();
    for (let index = 0; index < frames.length && !signal.aborted; index += 1) {
      const bitmap = await decoded.get(index)!;
      decoded.delete(index);
      decode(index + decodeAhead);
      if (start !== null) {
        const wait = start + index * interval - clock.now();
        if (wait > 0) await sleep(clock, wait);
        else start -= wait;
      }
      throwIfFailed();
      if (!signal.aborted) {
        context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        track.requestFrame();
        start ??= clock.now();
        options.onFrame(index + 1, frames.length);
      }
      bitmap.close();
    }
    if (!signal.aborted && start !== null) {
      // The last frame lasts its interval too: the same picture once more at its end.
      await sleep(clock, start + frames.length * interval - clock.now());
      track.requestFrame();
      // The encoder runs behind on a busy machine, and stop() drops what it has not encoded yet.
      await sleep(clock, Math.max(interval, recorderDrainMs));
    }
  } finally {
    if (recorder.state !== 'inactive') recorder.stop();
    await stopped;
    stopStream(stream);
    for (const pending of decoded.values()) void pending.then((bitmap) => bitmap.close(), () => undefined);
  }
  if (signal.aborted) return null;
  throwIfFailed();
  return new Blob(chunks, { type: recorder.mimeType || options.mimeType });
}

function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** A frame's file in the PNG sequence: its number (padded, so the names sort), and its tick. */
export function frameFileName(frame: RecordedFrame): string {
  const digits = Math.max(4, String(frame.count).length);
  return `frame-${String(frame.index + 1).padStart(digits, '0')}-tick-${frame.tick}.png`;
}

/** A PNG per frame, packed in one .zip (STORE: PNG is compressed already). */
export function pngSequenceOutput(modified: Date = new Date()): FrameOutput {
  const zip = createZipWriter(modified);
  let open = true;
  return {
    passes: 1,
    async add(canvas, frame) {
      const png = await canvasPng(canvas);
      const bytes = new Uint8Array(await png.arrayBuffer());
      if (open) zip.add(frameFileName(frame), bytes);
    },
    finish(signal) {
      open = false;
      if (signal.aborted) return Promise.resolve(null);
      return Promise.resolve(new Blob(zip.finish() as BlobPart[], { type: 'application/zip' }));
    },
    abort() {
      open = false;
    },
  };
}

/** Export for slides (English, the source catalogue): the cluster view as a file, a range of ticks as a video. */
import { makeFormat } from '../format.ts';

const f = makeFormat('en');

export const exporting = {
  /** The panel's heading and its region's name. */
  name: 'Export for slides',
  hint: 'The cluster view as it is on screen, with its legend drawn in; or a range of ticks as a video.',
  scale: 'Scale',
  scaleOption: (times: number) => `${times}×`,
  /** Whether files and recordings carry the legend band under the drawing. */
  withLegend: 'Legend in the file',
  /** Not "Export SVG": that name belongs to the space-time diagram's button. */
  exportSvg: 'Export cluster as SVG',
  exportPng: 'Export cluster as PNG',
  /** The file's own title (its <title>, read by screen readers and shown by viewers). */
  fileTitle: (tick: number) => `Raftlab cluster at tick ${f.count(tick)}`,
  saved: (name: string) => `Saved ${name}.`,
  notShown: 'The cluster view is not on screen yet.',
  failed: 'The file could not be made.',
  record: {
    open: 'Record video',
    /** The form's name. */
    form: 'Record a range of ticks',
    intro: 'Moves the run through the ticks frame by frame, then back to the tick on screen, and saves the frames as a video.',
    from: 'From tick',
    to: 'To tick',
    ticksPerFrame: 'Ticks per frame',
    framesPerSecond: 'Frames per second',
    format: 'Format',
    webm: 'WebM video',
    png: 'PNG sequence',
    pngHint: 'One PNG per frame, numbered, in a .zip file: any video editor turns it into a video.',
    webmHint: 'Each frame lasts exactly its share of a second in the video, however long it takes to draw.',
    /** Where only MediaRecorder makes WebM: it records in real time, after the frames are drawn. */
    webmRealTimeHint: 'The frames are drawn first, then played into the video in real time: keep this tab in front until it is saved.',
    noWebm: 'This browser cannot record WebM video (it has no MediaRecorder for WebM). Record a PNG sequence instead.',
    /** What the form's numbers make, under the fields. */
    summary: (frames: number, seconds: number) => `${f.count(frames)} ${f.plural(frames, { one: 'frame', other: 'frames' })}: ${seconds.toFixed(1)} s of video.`,
    start: 'Start recording',
    close: 'Close',
    cancel: 'Cancel',
    progress: 'Recording progress',
    /** The two passes of a recording: drawing the frames (the run moves through the ticks), then the video made from them in real time. */
    progressFrames: (done: number, total: number) => `Drawing frame ${f.count(done)} of ${f.count(total)}`,
    progressVideo: (done: number, total: number) => `Recording the video: frame ${f.count(done)} of ${f.count(total)}`,
    preview: 'The frame being recorded',
    done: (name: string, frames: number) => `Saved ${name}: ${f.count(frames)} ${f.plural(frames, { one: 'frame', other: 'frames' })}.`,
    cancelled: (tick: number) => `Recording cancelled; the run is back at tick ${f.count(tick)}.`,
    failed: (why: string, tick: number) => `Recording failed: ${why}. The run is back at tick ${f.count(tick)}.`,
  },
  /** The form's checks, one per field. */
  check: {
    wholeNumber: 'Enter a whole number.',
    between: (min: number, max: number) => `Must be between ${f.count(min)} and ${f.count(max)}.`,
    after: (from: number) => `Must be after the first tick (${f.count(from)}).`,
    frames: (count: number, max: number) => `That makes ${f.count(count)} frames, more than ${f.count(max)}: use more ticks per frame or fewer ticks.`,
    noWebm: 'This browser cannot record WebM: choose PNG sequence.',
  },
  /** Why a recording stopped, completing "Recording failed: …". */
  problem: {
    tick: (tick: number) => `the run did not show tick ${f.count(tick)} in time`,
    recorder: 'the browser’s video recorder stopped with an error',
    image: 'a frame could not be drawn as a picture',
    canvas: 'the browser gave no canvas to draw on',
    png: 'a frame could not be saved as PNG',
    other: (detail: string) => `an unexpected error (${detail})`,
  },
};

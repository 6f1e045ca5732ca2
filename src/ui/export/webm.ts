/**
 * A WebM writer for a recording's video: encoded VP8 (or VP9) frames in, the file's bytes out.
 * Everything is known when it is written (the frames are all encoded first), so every element
 * has its size and the cues (where each cluster starts) come before the clusters: a player can
 * seek at once, and the file says its duration, unlike MediaRecorder's live WebM.
 *
 * The layout (Matroska, RFC 9559; WebM's subset, webmproject.org/docs/container): the EBML
 * header, then one Segment of Info (timestamps in milliseconds, the duration), Tracks (one video
 * track), Cues, and Clusters, each starting at a key frame with SimpleBlocks inside. Why a
 * hand-written one: docs/exporting.md.
 */

/** One encoded frame. */
export interface WebmFrame {
  readonly data: Uint8Array;
  /** When it shows, in milliseconds from the start. */
  readonly timestampMs: number;
  readonly key: boolean;
}

export interface WebmVideo {
  readonly width: number;
  readonly height: number;
  /** Matroska's codec id: "V_VP8" or "V_VP9". */
  readonly codecId: 'V_VP8' | 'V_VP9';
  /** How long each frame lasts, in milliseconds (the last one included). */
  readonly frameDurationMs: number;
  readonly frames: readonly WebmFrame[];
  /** Written into the file as the muxing and writing application. */
  readonly application?: string;
}

/** Element ids (with their marker bits, as the specification writes them). */
const ids = {
  ebml: 0x1a45dfa3,
  ebmlVersion: 0x4286,
  ebmlReadVersion: 0x42f7,
  ebmlMaxIdLength: 0x42f2,
  ebmlMaxSizeLength: 0x42f3,
  docType: 0x4282,
  docTypeVersion: 0x4287,
  docTypeReadVersion: 0x4285,
  segment: 0x18538067,
  info: 0x1549a966,
  timestampScale: 0x2ad7b1,
  duration: 0x4489,
  muxingApp: 0x4d80,
  writingApp: 0x5741,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  trackUid: 0x73c5,
  trackType: 0x83,
  flagLacing: 0x9c,
  codecId: 0x86,
  defaultDuration: 0x23e383,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cues: 0x1c53bb6b,
  cuePoint: 0xbb,
  cueTime: 0xb3,
  cueTrackPositions: 0xb7,
  cueTrack: 0xf7,
  cueClusterPosition: 0xf1,
  cluster: 0x1f43b675,
  timestamp: 0xe7,
  simpleBlock: 0xa3,
} as const;

/** Bytes of a tree of parts, written once at the end (frames are not copied until then). */
type Part = Uint8Array | readonly Part[];

function partLength(part: Part): number {
  if (part instanceof Uint8Array) return part.length;
  let length = 0;
  for (const inner of part) length += partLength(inner);
  return length;
}

function flatten(part: Part, out: Uint8Array[]): Uint8Array[] {
  if (part instanceof Uint8Array) out.push(part);
  else for (const inner of part) flatten(inner, out);
  return out;
}

function idBytes(id: number): Uint8Array {
  const length = id > 0xffffff ? 4 : id > 0xffff ? 3 : id > 0xff ? 2 : 1;
  return uintBytes(id, length);
}

/** `value` big-endian in `length` bytes (values here stay below 2^53). */
function uintBytes(value: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let rest = value;
  for (let index = length - 1; index >= 0; index -= 1) {
    bytes[index] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return bytes;
}

function uintLength(value: number): number {
  let length = 1;
  while (length < 8 && value >= 2 ** (8 * length)) length += 1;
  return length;
}

/** An element's data size as an EBML variable-length integer (the shortest that holds it; all ones is reserved). */
export function sizeBytes(size: number): Uint8Array {
  let length = 1;
  while (length < 8 && size >= 2 ** (7 * length) - 1) length += 1;
  const bytes = uintBytes(size, length);
  bytes[0]! |= 0x80 >> (length - 1);
  return bytes;
}

function element(id: number, data: Part): Part {
  return [idBytes(id), sizeBytes(partLength(data)), data];
}

function uint(id: number, value: number, length = uintLength(value)): Part {
  return element(id, uintBytes(value, length));
}

function float(id: number, value: number): Part {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value);
  return element(id, bytes);
}

function text(id: number, value: string): Part {
  return element(id, new TextEncoder().encode(value));
}

/** A SimpleBlock of track 1: the track, the time from the cluster's start (signed 16 bits), the key flag, the frame. */
function simpleBlock(frame: WebmFrame, clusterStartMs: number): Part {
  const header = new Uint8Array(4);
  header[0] = 0x81; // track number 1, as a one-byte variable-length integer
  new DataView(header.buffer).setInt16(1, Math.round(frame.timestampMs) - clusterStartMs);
  header[3] = frame.key ? 0x80 : 0;
  return element(ids.simpleBlock, [header, frame.data]);
}

/** Relative times in a block are 16-bit: a new cluster well before that runs out, and at every key frame. */
const clusterSpanMsMax = 30_000;

function clusters(frames: readonly WebmFrame[]): { startMs: number; frames: WebmFrame[] }[] {
  const out: { startMs: number; frames: WebmFrame[] }[] = [];
  for (const frame of frames) {
    const time = Math.round(frame.timestampMs);
    const current = out[out.length - 1];
    if (current === undefined || frame.key || time - current.startMs > clusterSpanMsMax) out.push({ startMs: time, frames: [frame] });
    else current.frames.push(frame);
  }
  return out;
}

/** The WebM file as parts for `new Blob(parts)`. The first frame must be a key frame. */
export function webmFile(video: WebmVideo): Uint8Array[] {
  if (video.frames.length === 0 || !video.frames[0]!.key) throw new Error('webm: the first frame must be a key frame');
  const application = video.application ?? 'Raftlab';
  const header = element(ids.ebml, [
    uint(ids.ebmlVersion, 1),
    uint(ids.ebmlReadVersion, 1),
    uint(ids.ebmlMaxIdLength, 4),
    uint(ids.ebmlMaxSizeLength, 8),
    text(ids.docType, 'webm'),
    uint(ids.docTypeVersion, 2),
    uint(ids.docTypeReadVersion, 2),
  ]);
  const lastMs = Math.round(video.frames[video.frames.length - 1]!.timestampMs);
  const info = element(ids.info, [uint(ids.timestampScale, 1_000_000), text(ids.muxingApp, application), text(ids.writingApp, application), float(ids.duration, lastMs + video.frameDurationMs)]);
  const tracks = element(ids.tracks, [
    element(ids.trackEntry, [
      uint(ids.trackNumber, 1),
      uint(ids.trackUid, 1),
      uint(ids.trackType, 1), // video
      uint(ids.flagLacing, 0),
      text(ids.codecId, video.codecId),
      uint(ids.defaultDuration, Math.round(video.frameDurationMs * 1_000_000)),
      element(ids.video, [uint(ids.pixelWidth, video.width), uint(ids.pixelHeight, video.height)]),
    ]),
  ]);
  const laidOut = clusters(video.frames).map((cluster) => ({
    startMs: cluster.startMs,
    part: element(ids.cluster, [uint(ids.timestamp, cluster.startMs), ...cluster.frames.map((frame) => simpleBlock(frame, cluster.startMs))]),
  }));
  // Cluster positions count from the start of the Segment's data; they are written in 8 bytes, so
  // the cues' own size does not depend on them.
  const cuesFor = (positions: readonly number[]) =>
    element(
      ids.cues,
      laidOut.map((cluster, index) => element(ids.cuePoint, [uint(ids.cueTime, cluster.startMs), element(ids.cueTrackPositions, [uint(ids.cueTrack, 1), uint(ids.cueClusterPosition, positions[index]!, 8)])])),
    );
  const before = partLength(info) + partLength(tracks) + partLength(cuesFor(laidOut.map(() => 0)));
  const positions: number[] = [];
  let at = before;
  for (const cluster of laidOut) {
    positions.push(at);
    at += partLength(cluster.part);
  }
  const segment = element(ids.segment, [info, tracks, cuesFor(positions), ...laidOut.map((cluster) => cluster.part)]);
  return flatten([header, segment], []);
}

/**
 * The WebM writer (src/ui/export/webm.ts) read back with a small EBML reader: the header says "webm",
 * the Segment holds Info (millisecond timestamps, the duration), one VP8 video track of the
 * given size, Cues whose positions land on Clusters, and every frame once, in order, as a
 * SimpleBlock with its time and key flag. The e2e test plays a real one in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { sizeBytes, webmFile } from '../../../src/ui/export/webm.ts';
import type { WebmFrame } from '../../../src/ui/export/webm.ts';

interface Element {
  readonly id: number;
  /** Where its data starts and ends in the file. */
  readonly start: number;
  readonly end: number;
  /** Where the element itself starts (its id). */
  readonly at: number;
}

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } {
  const first = bytes[at]!;
  let length = 1;
  while (length <= 8 && (first & (0x80 >> (length - 1))) === 0) length += 1;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let index = 1; index < length; index += 1) value = value * 256 + bytes[at + index]!;
  return { value, length };
}

/** The elements directly inside [start, end). */
function children(bytes: Uint8Array, start: number, end: number): Element[] {
  const out: Element[] = [];
  let at = start;
  while (at < end) {
    const id = readVint(bytes, at, true);
    const size = readVint(bytes, at + id.length, false);
    const dataStart = at + id.length + size.length;
    out.push({ id: id.value, start: dataStart, end: dataStart + size.value, at });
    at = dataStart + size.value;
  }
  expect(at).toBe(end);
  return out;
}

const one = (elements: Element[], id: number) => {
  const found = elements.filter((element) => element.id === id);
  expect(found, `element ${id.toString(16)}`).toHaveLength(1);
  return found[0]!;
};
const uint = (bytes: Uint8Array, element: Element) => {
  let value = 0;
  for (let index = element.start; index < element.end; index += 1) value = value * 256 + bytes[index]!;
  return value;
};
const text = (bytes: Uint8Array, element: Element) => new TextDecoder().decode(bytes.subarray(element.start, element.end));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** 25 frames at 10 a second (100 ms each), a key frame every 10, each frame's bytes saying its number. */
const frames: WebmFrame[] = Array.from({ length: 25 }, (_, index) => ({ data: Uint8Array.from([index, 0xaa, index]), timestampMs: index * 100, key: index % 10 === 0 }));

describe('sizeBytes', () => {
  it('writes the shortest EBML size, never the reserved all-ones', () => {
    expect([...sizeBytes(0)]).toEqual([0x80]);
    expect([...sizeBytes(126)]).toEqual([0xfe]);
    // 127 in one byte would be 0xff, "unknown size": two bytes then.
    expect([...sizeBytes(127)]).toEqual([0x40, 0x7f]);
    expect([...sizeBytes(300)]).toEqual([0x41, 0x2c]);
  });
});

describe('webmFile', () => {
  const bytes = concat(webmFile({ width: 640, height: 360, codecId: 'V_VP8', frameDurationMs: 100, frames }));
  const top = children(bytes, 0, bytes.length);

  it('starts with the EBML magic and says it is webm', () => {
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(top.map((element) => element.id)).toEqual([0x1a45dfa3, 0x18538067]);
    const header = children(bytes, top[0]!.start, top[0]!.end);
    expect(text(bytes, one(header, 0x4282))).toBe('webm');
    expect(uint(bytes, one(header, 0x4287))).toBe(2);
  });

  it('has Info with millisecond timestamps and the duration, and one VP8 track of the size', () => {
    const segment = children(bytes, top[1]!.start, top[1]!.end);
    const info = children(bytes, one(segment, 0x1549a966).start, one(segment, 0x1549a966).end);
    expect(uint(bytes, one(info, 0x2ad7b1))).toBe(1_000_000);
    const duration = one(info, 0x4489);
    expect(new DataView(bytes.buffer, duration.start, 8).getFloat64(0)).toBe(2_500);
    const tracks = children(bytes, one(segment, 0x1654ae6b).start, one(segment, 0x1654ae6b).end);
    const entry = children(bytes, one(tracks, 0xae).start, one(tracks, 0xae).end);
    expect(uint(bytes, one(entry, 0xd7))).toBe(1);
    expect(uint(bytes, one(entry, 0x83))).toBe(1);
    expect(text(bytes, one(entry, 0x86))).toBe('V_VP8');
    expect(uint(bytes, one(entry, 0x23e383))).toBe(100_000_000);
    const video = children(bytes, one(entry, 0xe0).start, one(entry, 0xe0).end);
    expect([uint(bytes, one(video, 0xb0)), uint(bytes, one(video, 0xba))]).toEqual([640, 360]);
  });

  it('puts each frame once, in order, in clusters that start at key frames, found by the cues', () => {
    const segment = children(bytes, top[1]!.start, top[1]!.end);
    const clusters = segment.filter((element) => element.id === 0x1f43b675);
    expect(clusters).toHaveLength(3);
    const seen: { index: number; time: number; key: boolean }[] = [];
    for (const cluster of clusters) {
      const inside = children(bytes, cluster.start, cluster.end);
      const start = uint(bytes, one(inside, 0xe7));
      for (const block of inside.filter((element) => element.id === 0xa3)) {
        expect(bytes[block.start]).toBe(0x81);
        const relative = new DataView(bytes.buffer, block.start + 1, 2).getInt16(0);
        seen.push({ index: bytes[block.start + 4]!, time: start + relative, key: (bytes[block.start + 3]! & 0x80) !== 0 });
      }
    }
    expect(seen).toEqual(frames.map((frame, index) => ({ index, time: frame.timestampMs, key: frame.key })));
    // Cues: a point per cluster, at its time, pointing at it (positions count from the Segment's data).
    const cues = children(bytes, one(segment, 0x1c53bb6b).start, one(segment, 0x1c53bb6b).end);
    expect(cues).toHaveLength(3);
    cues.forEach((point, index) => {
      const fields = children(bytes, point.start, point.end);
      expect(uint(bytes, one(fields, 0xb3))).toBe(index * 1_000);
      const positions = children(bytes, one(fields, 0xb7).start, one(fields, 0xb7).end);
      expect(uint(bytes, one(positions, 0xf7))).toBe(1);
      expect(top[1]!.start + uint(bytes, one(positions, 0xf1))).toBe(clusters[index]!.at);
    });
  });

  it('starts a new cluster before the 16-bit block times run out', () => {
    const sparse: WebmFrame[] = [0, 20_000, 40_000, 60_000].map((time, index) => ({ data: Uint8Array.from([index]), timestampMs: time, key: index === 0 }));
    const file = concat(webmFile({ width: 2, height: 2, codecId: 'V_VP9', frameDurationMs: 20_000, frames: sparse }));
    const [, segment] = children(file, 0, file.length);
    expect(children(file, segment!.start, segment!.end).filter((element) => element.id === 0x1f43b675)).toHaveLength(2);
  });

  it('refuses a video that does not start with a key frame', () => {
    expect(() => webmFile({ width: 2, height: 2, codecId: 'V_VP8', frameDurationMs: 40, frames: [{ data: new Uint8Array(1), timestampMs: 0, key: false }] })).toThrow();
  });
});

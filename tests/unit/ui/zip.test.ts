/**
 * The STORE-only zip writer (src/ui/export/zip.ts) that packs a recording's PNG sequence: CRC-32
 * against its published check values, every header field as PKWARE's APPNOTE lays it out (read
 * back with a DataView, the way an unzipper walks the file from its end), and, where the machine
 * has Info-ZIP's unzip, the archive tested and listed by it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, createZipWriter, dosDateTime, zipBytes } from '../../../src/ui/export/zip.ts';

const text = (value: string) => new TextEncoder().encode(value);

describe('crc32', () => {
  it('gives the published check values', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(text('a'))).toBe(0xe8b7be43);
    // The standard check value of CRC-32 (ISO-HDLC): "123456789".
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(text('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it('goes on from an earlier result', () => {
    const whole = crc32(text('123456789'));
    expect(crc32(text('6789'), crc32(text('12345')))).toBe(whole);
  });
});

describe('dosDateTime', () => {
  it('packs a time at two-second precision and a date from 1980', () => {
    const { time, date } = dosDateTime(new Date(2024, 2, 5, 14, 7, 9));
    expect(time).toBe((14 << 11) | (7 << 5) | 4);
    expect(date).toBe(((2024 - 1980) << 9) | (3 << 5) | 5);
    // Before 1980 there is no DOS date: the earliest is used.
    expect(dosDateTime(new Date(1970, 0, 1)).date >> 9).toBe(0);
  });
});

interface Listed {
  readonly name: string;
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
}

/** Reads a zip as an unzipper does: the end record, then the central directory, then each local header. */
function readZip(bytes: Uint8Array): Listed[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  expect(view.getUint16(end + 4, true)).toBe(0); // this disk
  expect(view.getUint16(end + 6, true)).toBe(0); // the directory's disk
  const count = view.getUint16(end + 8, true);
  expect(view.getUint16(end + 10, true)).toBe(count);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  expect(view.getUint16(end + 20, true)).toBe(0); // no comment
  expect(directoryOffset + directorySize).toBe(end);
  const decoder = new TextDecoder();
  const files: Listed[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    expect(view.getUint16(at + 6, true)).toBe(20); // version needed: 2.0
    expect(view.getUint16(at + 8, true)).toBe(0x0800); // UTF-8 names
    expect(view.getUint16(at + 10, true)).toBe(0); // STORE
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    expect(compressed).toBe(size);
    const nameLength = view.getUint16(at + 28, true);
    expect(view.getUint16(at + 30, true)).toBe(0); // extra
    expect(view.getUint16(at + 32, true)).toBe(0); // comment
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // The local header says the same.
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    expect(view.getUint16(local + 4, true)).toBe(20);
    expect(view.getUint16(local + 6, true)).toBe(0x0800);
    expect(view.getUint16(local + 8, true)).toBe(0);
    expect(view.getUint16(local + 10, true)).toBe(view.getUint16(at + 12, true)); // time
    expect(view.getUint16(local + 12, true)).toBe(view.getUint16(at + 14, true)); // date
    expect(view.getUint32(local + 14, true)).toBe(crc);
    expect(view.getUint32(local + 18, true)).toBe(size);
    expect(view.getUint32(local + 22, true)).toBe(size);
    expect(view.getUint16(local + 26, true)).toBe(nameLength);
    expect(view.getUint16(local + 28, true)).toBe(0);
    expect(decoder.decode(bytes.subarray(local + 30, local + 30 + nameLength))).toBe(name);
    const data = bytes.subarray(local + 30 + nameLength, local + 30 + nameLength + size);
    expect(crc32(data)).toBe(crc);
    files.push({ name, crc, size, data });
    at += 46 + nameLength;
  }
  expect(at).toBe(end);
  return files;
}

const sample = [
  { name: 'frame-0001-tick-100.png', data: text('first frame') },
  { name: 'frame-0002-tick-101.png', data: new Uint8Array(0) },
  { name: 'frame-0003-tick-102.png', data: Uint8Array.from({ length: 70_000 }, (_, index) => (index * 31) & 0xff) },
];

describe('the zip writer', () => {
  it('writes local headers, a central directory and an end record that agree', () => {
    const files = readZip(zipBytes(sample, new Date(2025, 0, 2, 3, 4, 6)));
    expect(files.map((file) => file.name)).toEqual(sample.map((file) => file.name));
    files.forEach((file, index) => {
      expect(file.size).toBe(sample[index]!.data.length);
      expect([...file.data]).toEqual([...sample[index]!.data]);
    });
  });

  it('stamps every file with the given time', () => {
    const bytes = zipBytes(sample.slice(0, 1), new Date(2025, 0, 2, 3, 4, 6));
    const view = new DataView(bytes.buffer);
    const { time, date } = dosDateTime(new Date(2025, 0, 2, 3, 4, 6));
    expect(view.getUint16(10, true)).toBe(time);
    expect(view.getUint16(12, true)).toBe(date);
  });

  it('makes an empty archive of the end record alone', () => {
    const bytes = zipBytes([]);
    expect(bytes.length).toBe(22);
    expect(readZip(bytes)).toEqual([]);
  });

  it('hands back parts without copying the files, and takes nothing after finish', () => {
    const writer = createZipWriter();
    const data = text('abc');
    writer.add('a.txt', data);
    expect(writer.count).toBe(1);
    const parts = writer.finish();
    expect(parts).toContain(data);
    expect(() => writer.add('b.txt', data)).toThrow();
    expect(() => writer.add('', data)).toThrow();
  });

  const unzip = ['/usr/bin/unzip', '/usr/local/bin/unzip'].find((path) => existsSync(path));
  it.skipIf(unzip === undefined)('is accepted by Info-ZIP unzip (-t tests every CRC, -l lists the files)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raftlab-zip-'));
    try {
      const file = join(dir, 'frames.zip');
      writeFileSync(file, zipBytes(sample));
      const tested = execFileSync(unzip!, ['-t', file], { encoding: 'utf8' });
      expect(tested).toMatch(/No errors detected/);
      const listed = execFileSync(unzip!, ['-l', file], { encoding: 'utf8' });
      for (const entry of sample) expect(listed).toContain(entry.name);
      expect(listed).toMatch(/\s3 files/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

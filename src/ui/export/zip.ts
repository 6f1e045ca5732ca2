/**
 * A .zip writer for the PNG sequence of a recording: STORE only (PNG is compressed already, so
 * deflating it again would gain a few bytes for the cost of a compressor), no ZIP64 (a recording
 * is capped far below 65,535 files and 4 GiB), names in UTF-8. Why a hand-written one instead of
 * a library: docs/exporting.md.
 *
 * The layout (PKWARE APPNOTE 6.3.10, sections 4.3 and 4.4): for each file a local header (4.3.7)
 * and its bytes; then the central directory, one header per file (4.3.12); then the end of
 * central directory record (4.3.16). Every number is little-endian.
 */

const localHeaderSignature = 0x04034b50;
const centralHeaderSignature = 0x02014b50;
const endOfCentralDirectorySignature = 0x06054b50;
/** Version 2.0: the lowest that knows folders and STORE; also "made by" MS-DOS (upper byte 0). */
const versionNeeded = 20;
/** General purpose flag bit 11: the name is UTF-8. */
const utf8NameFlag = 0x0800;
const methodStore = 0;
const entriesMax = 0xffff;
const sizeMax = 0xffff_ffff;

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    let crc = byte;
    // The reflected polynomial of CRC-32 (ISO 3309, as zip and PNG use it).
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    table[byte] = crc >>> 0;
  }
  return table;
})();

/** The CRC-32 of `bytes`; pass the previous result as `crc` to go on over more bytes. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let value = (crc ^ 0xffff_ffff) >>> 0;
  for (let index = 0; index < bytes.length; index += 1) value = crcTable[(value ^ bytes[index]!) & 0xff]! ^ (value >>> 8);
  return (value ^ 0xffff_ffff) >>> 0;
}

/** A time as MS-DOS stores it: two 16-bit words, at two-second precision, from 1980 on. */
export function dosDateTime(when: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, when.getFullYear()));
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

interface Written {
  readonly name: Uint8Array;
  readonly crc: number;
  readonly size: number;
  readonly offset: number;
}

export interface ZipWriter {
  /** Adds a file; its bytes are kept as given (not copied), so do not change them afterwards. */
  add(name: string, data: Uint8Array): void;
  /** How many files so far. */
  readonly count: number;
  /**
   * The archive as parts to hand to `new Blob(parts)` (so the files are not copied into one
   * buffer); the writer takes no more files afterwards.
   */
  finish(): Uint8Array[];
}

/** A STORE-only zip writer; every file gets the time `modified` (the recording's). */
export function createZipWriter(modified: Date = new Date()): ZipWriter {
  const stamp = dosDateTime(modified);
  const parts: Uint8Array[] = [];
  const written: Written[] = [];
  const encoder = new TextEncoder();
  let offset = 0;
  let finished = false;
  return {
    add(name, data) {
      if (finished) throw new Error('zip: add after finish');
      if (written.length >= entriesMax) throw new Error(`zip: more than ${entriesMax} files needs ZIP64`);
      const encodedName = encoder.encode(name);
      if (encodedName.length === 0 || encodedName.length > 0xffff) throw new Error(`zip: bad file name ${JSON.stringify(name)}`);
      const header = localHeader(encodedName, data, stamp);
      if (offset + header.length + data.length > sizeMax) throw new Error('zip: an archive over 4 GiB needs ZIP64');
      const crc = crc32(data);
      new DataView(header.buffer).setUint32(14, crc, true);
      written.push({ name: encodedName, crc, size: data.length, offset });
      parts.push(header, data);
      offset += header.length + data.length;
    },
    get count() {
      return written.length;
    },
    finish() {
      if (finished) throw new Error('zip: finish twice');
      finished = true;
      const directory = written.map((entry) => centralHeader(entry, stamp));
      const directorySize = directory.reduce((sum, header) => sum + header.length, 0);
      return [...parts, ...directory, endRecord(written.length, directorySize, offset)];
    },
  };
}

/** The whole archive in one buffer (for small archives and the tests). */
export function zipBytes(files: readonly { readonly name: string; readonly data: Uint8Array }[], modified?: Date): Uint8Array {
  const writer = createZipWriter(modified);
  for (const file of files) writer.add(file.name, file.data);
  const parts = writer.finish();
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Local file header (APPNOTE 4.3.7); the CRC at offset 14 is filled in by the caller. */
function localHeader(name: Uint8Array, data: Uint8Array, stamp: { time: number; date: number }): Uint8Array {
  const header = new Uint8Array(30 + name.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, localHeaderSignature, true);
  view.setUint16(4, versionNeeded, true);
  view.setUint16(6, utf8NameFlag, true);
  view.setUint16(8, methodStore, true);
  view.setUint16(10, stamp.time, true);
  view.setUint16(12, stamp.date, true);
  // 14: CRC-32, set after.
  view.setUint32(18, data.length, true); // compressed size: stored as is
  view.setUint32(22, data.length, true); // uncompressed size
  view.setUint16(26, name.length, true);
  view.setUint16(28, 0, true); // no extra field
  header.set(name, 30);
  return header;
}

/** Central directory file header (APPNOTE 4.3.12). */
function centralHeader(entry: Written, stamp: { time: number; date: number }): Uint8Array {
  const header = new Uint8Array(46 + entry.name.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, centralHeaderSignature, true);
  view.setUint16(4, versionNeeded, true); // made by: MS-DOS, 2.0
  view.setUint16(6, versionNeeded, true);
  view.setUint16(8, utf8NameFlag, true);
  view.setUint16(10, methodStore, true);
  view.setUint16(12, stamp.time, true);
  view.setUint16(14, stamp.date, true);
  view.setUint32(16, entry.crc, true);
  view.setUint32(20, entry.size, true);
  view.setUint32(24, entry.size, true);
  view.setUint16(28, entry.name.length, true);
  // 30: extra field length, 32: comment length, 34: disk number start, 36: internal and 38: external attributes, all 0.
  view.setUint32(42, entry.offset, true);
  header.set(entry.name, 46);
  return header;
}

/** End of central directory record (APPNOTE 4.3.16), with no comment. */
function endRecord(count: number, directorySize: number, directoryOffset: number): Uint8Array {
  const record = new Uint8Array(22);
  const view = new DataView(record.buffer);
  view.setUint32(0, endOfCentralDirectorySignature, true);
  // 4: this disk, 6: the disk with the directory: 0 (one disk).
  view.setUint16(8, count, true);
  view.setUint16(10, count, true);
  view.setUint32(12, directorySize, true);
  view.setUint32(16, directoryOffset, true);
  return record;
}

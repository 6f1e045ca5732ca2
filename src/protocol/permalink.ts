/**
 * Permalinks: a whole run (options, timed actions, the tick on screen, annotations) as text for
 * the page address, `#run=1.<base64url>`. The text is
 *
 *   <link version> "." base64url( length: 4 bytes | CRC-32: 4 bytes | deflate-raw(compact JSON) )
 *
 * where the compact JSON is run-compact.ts's, `length` is the deflated payload's length in bytes
 * and the CRC-32 is over that payload (both big-endian). The version is outside the base64 so a
 * link from a newer Raftlab is named as such before anything is decoded; the length tells a link
 * cut short from one that was edited; the checksum catches an edit anywhere in the payload.
 *
 * Pure and async (CompressionStream), the same in the browser and in Node: decoding never
 * throws, it returns the run or one structured problem. docs/runs.md describes the format.
 */
import { base64urlToBytes, bytesToBase64url } from './base64url.ts';
import { crc32 } from './crc32.ts';
import { deflateRaw, inflateRaw } from './deflate-raw.ts';
import { compactRun, expandRun } from './run-compact.ts';
import type { Run } from './worker-protocol.ts';

/** The link format this app writes (and the newest it reads). */
export const permalinkVersion = 1;
/** The parameter of the address's fragment that holds the run. */
export const permalinkParameter = 'run';
/**
 * Longest permalink the app puts in an address, in characters of the parameter's value. Browsers
 * take far longer addresses, but chat programs, mail and QR codes cut or refuse them around here.
 */
export const permalinkCharsMax = 8_192;
/** Most bytes a payload may inflate to (a crafted link can inflate a thousandfold). */
export const permalinkInflatedBytesMax = 16 * 1024 * 1024;

const headerBytes = 8;

/** Why a permalink could not be read, as data (the app words it in the language on screen). */
export type PermalinkProblem =
  /** A character base64url does not have (the link was retyped, or mangled by a program). */
  | { readonly code: 'not-base64'; readonly position: number; readonly character: string }
  /** Fewer bytes than the link says it holds: it was cut short (copied in part, wrapped in a mail). */
  | { readonly code: 'truncated'; readonly bytes: number; readonly expectedBytes: number }
  /** The checksum does not match, or there is more than the link says: it was changed. */
  | { readonly code: 'edited' }
  /** Written by a newer Raftlab, in a link format this app does not read. */
  | { readonly code: 'newer-version'; readonly version: number; readonly newest: number }
  /** Intact, but what it holds is not a Raftlab run. */
  | { readonly code: 'not-a-run' };

export type PermalinkResult = { readonly ok: true; readonly run: Run } | { readonly ok: false; readonly problem: PermalinkProblem };

/** The permalink text for a run: the value of `run=` in the address's fragment. */
export async function encodePermalink(run: Run): Promise<string> {
  const payload = await deflateRaw(new TextEncoder().encode(JSON.stringify(compactRun(run))));
  const bytes = new Uint8Array(headerBytes + payload.length);
  const header = new DataView(bytes.buffer);
  header.setUint32(0, payload.length);
  header.setUint32(4, crc32(payload));
  bytes.set(payload, headerBytes);
  return `${permalinkVersion}.${bytesToBase64url(bytes)}`;
}

const fail = (problem: PermalinkProblem): PermalinkResult => ({ ok: false, problem });

/** The run a permalink holds, or what is wrong with it. */
export async function decodePermalink(text: string): Promise<PermalinkResult> {
  const dot = text.indexOf('.');
  const marker = dot === -1 ? text : text.slice(0, dot);
  if (!/^\d{1,6}$/.test(marker)) return fail({ code: 'edited' });
  const version = Number(marker);
  if (version > permalinkVersion) return fail({ code: 'newer-version', version, newest: permalinkVersion });
  if (version < 1) return fail({ code: 'edited' });
  // Cut right after the version: nothing of the run is left.
  if (dot === -1) return fail({ code: 'truncated', bytes: 0, expectedBytes: headerBytes });
  const bytes = base64urlToBytes(text.slice(dot + 1));
  if (!(bytes instanceof Uint8Array)) return fail({ code: 'not-base64', position: dot + 1 + bytes.position, character: bytes.character });
  if (bytes.length < headerBytes) return fail({ code: 'truncated', bytes: bytes.length, expectedBytes: headerBytes });
  const header = new DataView(bytes.buffer, bytes.byteOffset, headerBytes);
  const length = header.getUint32(0);
  const payload = bytes.subarray(headerBytes);
  if (payload.length < length) return fail({ code: 'truncated', bytes: bytes.length, expectedBytes: headerBytes + length });
  if (payload.length > length || crc32(payload) !== header.getUint32(4)) return fail({ code: 'edited' });
  try {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(await inflateRaw(payload, permalinkInflatedBytesMax));
    return { ok: true, run: expandRun(JSON.parse(json)) };
  } catch {
    // The checksum matched, so these bytes were written this way on purpose: whether they fail to
    // inflate (TypeError), inflate too far (RangeError), are not UTF-8 or JSON, or are JSON of
    // another shape (CompactRunError), they are not a run.
    return fail({ code: 'not-a-run' });
  }
}

/** The permalink in an address's fragment (`#run=…`, other fragment parameters allowed), or null. */
export function permalinkFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(permalinkParameter);
}

/** The fragment with `run=` set to `permalink`, or removed when null; other fragment parameters are kept. */
export function hashWithPermalink(hash: string, permalink: string | null): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (permalink === null) params.delete(permalinkParameter);
  else params.set(permalinkParameter, permalink);
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

/**
 * Deflate without a header (RFC 1951) through the platform's CompressionStream, which Chromium
 * and Node 20 both have: no compression library in the bundle. Both directions are async.
 */

async function readAll(readable: ReadableStream<Uint8Array>, bytesMax: number): Promise<Uint8Array> {
  const reader = readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > bytesMax) {
      await reader.cancel();
      throw new RangeError(`more than ${bytesMax} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function pipe(stream: CompressionStream | DecompressionStream, bytes: Uint8Array, bytesMax: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // A corrupt input fails the readable side, which readAll reports; the writer's own promises
  // reject too and are settled here so they do not surface as unhandled.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  return readAll(stream.readable, bytesMax);
}

export function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(new CompressionStream('deflate-raw'), bytes, Number.POSITIVE_INFINITY);
}

/**
 * Inflates at most `bytesMax` bytes: a crafted input can inflate a thousandfold, and a link must
 * not make the page allocate gigabytes. Rejects on corrupt input or beyond the bound.
 */
export function inflateRaw(bytes: Uint8Array, bytesMax: number): Promise<Uint8Array> {
  return pipe(new DecompressionStream('deflate-raw'), bytes, bytesMax);
}

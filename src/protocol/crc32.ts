/**
 * CRC-32 (IEEE 802.3, as zip and PNG use it): the permalink's integrity check. Deflate-raw has no
 * checksum of its own, and a hand-edited link can still inflate to something; four bytes tell a
 * link that was changed from one written by Raftlab.
 */

const table = (() => {
  const entries = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let bit = 0; bit < 8; bit += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    entries[n] = c >>> 0;
  }
  return entries;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

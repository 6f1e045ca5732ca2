/**
 * Bytes as base64url text (RFC 4648 §5: `-` and `_` for `+` and `/`, no `=` padding), the one
 * alphabet an address carries unchanged in its query and its fragment. Uses btoa and atob, which
 * browsers and Node both have.
 */

const alphabet = /^[A-Za-z0-9_-]*$/;

export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The first character outside the alphabet, and where it is. */
export interface NotBase64 {
  readonly position: number;
  readonly character: string;
}

/**
 * The bytes of base64url text, or where it stops being base64url. Text cut at any length still
 * decodes: a last lone character (length 4n + 1) holds no whole byte and is dropped, so a link
 * cut short reads as fewer bytes (and is then found truncated), not as something else.
 */
export function base64urlToBytes(text: string): Uint8Array | NotBase64 {
  if (!alphabet.test(text)) {
    const position = [...text].findIndex((character) => !alphabet.test(character));
    return { position, character: [...text][position]! };
  }
  const whole = text.length % 4 === 1 ? text.slice(0, -1) : text;
  const binary = atob(whole.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

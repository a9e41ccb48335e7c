import canonicalize from 'canonicalize';

/**
 * Byte and text encodings shared by sessions and result files. WebCrypto (globalThis.crypto.subtle) is used in the
 * browser and in Node 20 alike, so the same code signs in the game and on the command line.
 */

const utf8Encoder = new TextEncoder();
/** fatal: a result file whose bytes are not valid UTF-8 is damaged, not a name to guess at. */
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (text: string): Uint8Array => utf8Encoder.encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => utf8Decoder.decode(bytes);

/** base64url without padding (RFC 4648 section 5): safe in URL fragments and JSON alike. */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Strict base64url: throws on any character outside the alphabet or an impossible length. */
export function fromBase64Url(text: string): Uint8Array {
  if (!BASE64URL.test(text) || text.length % 4 === 1) throw new Error('fromBase64Url: not base64url text');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

export const sha256Hex = async (bytes: Uint8Array): Promise<string> => toHex(await sha256(bytes));

/**
 * The JSON Canonicalization Scheme (RFC 8785): sorted keys, ECMAScript number form, no white space. What is signed
 * and hashed is always these bytes, so a file re-indented or re-ordered by an editor still verifies, while any
 * change of a value does not. `canonicalize` is the RFC's co-author's implementation.
 */
export function canonicalJson(value: unknown): Uint8Array {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonicalJson: the value has no JSON form');
  return utf8(text);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A short, readable fingerprint of a public key: the first 80 bits of its SHA-256 in base32 (RFC 4648 section 6),
 * in four groups ("K7QD-2MXA-PL4B-3F6Z"). An instructor projects it; a resident compares it with the one the game
 * shows. 80 bits: a second key with the same fingerprint costs about 2^80 tries.
 */
export async function fingerprintOf(publicKeyRaw: Uint8Array): Promise<string> {
  const h = await sha256(publicKeyRaw);
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const byte of h.subarray(0, 10)) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return (out.match(/.{4}/g) as string[]).join('-');
}

/** An RFC 4122 version 4 UUID from the platform (crypto.randomUUID exists in secure contexts and Node 20). */
export const randomUuid = (): string => globalThis.crypto.randomUUID();

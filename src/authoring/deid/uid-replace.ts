/**
 * Replacement UIDs for the U action (PS3.15 E.1.1: "replace with a non-zero length UID that is internally
 * consistent within a set of Instances"). A new UID is derived from the original and a salt with SHA-256, so the
 * same original always maps to the same new UID for the same salt, without keeping a table, and the original
 * cannot be recovered without the salt. The UUID-derived form is "2.25." + the decimal of a 128-bit UUID
 * (PS3.5 B.2); the hash is shaped as an RFC 9562 version 8 UUID. With a uidRoot, "<root>." + decimal digits of
 * the same hash, cut to the 64-character limit (PS3.5 9.1).
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** SHA-256 (FIPS 180-4) of bytes; synchronous, so it runs the same in Node, a page and a worker. */
export function sha256(data: Uint8Array): Uint8Array {
  const bitLen = data.length * 8;
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLen / 2 ** 32));
  view.setUint32(padded.length - 4, bitLen >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] as number;
      const b = w[i - 2] as number;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]] as number[] as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[i] as number) + (w[i] as number)) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    const add = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = ((h[i] as number) + (add[i] as number)) >>> 0;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) ov.setUint32(i * 4, h[i] as number);
  return out;
}

const UID_ROOT = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/;

/** True for a UID of PS3.5 9.1: at most 64 characters, dot-separated numbers without leading zeros. */
export function isValidUid(uid: string): boolean {
  return uid.length > 0 && uid.length <= 64 && UID_ROOT.test(uid);
}

/**
 * Maps a UID (or a '\'-separated list of UIDs) to its replacement. Deterministic in (salt, original, uidRoot).
 * Throws when uidRoot is not a valid UID prefix short enough to leave room for 16 digits.
 */
export function replaceUid(original: string, salt: string, uidRoot?: string): string {
  if (uidRoot !== undefined && (!UID_ROOT.test(uidRoot) || uidRoot.length > 47)) {
    throw new Error(`De-identification: uidRoot '${uidRoot}' is not a valid UID root of at most 47 characters (PS3.5 9.1).`);
  }
  return original
    .split('\\')
    .map((one) => one.replace(/\0/g, '').trim())
    .map((one) => (one === '' ? '' : derive(one, salt, uidRoot)))
    .join('\\');
}

function derive(uid: string, salt: string, uidRoot: string | undefined): string {
  const digest = sha256(new TextEncoder().encode(`${salt}\u0000${uid}`));
  const bytes = digest.slice(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x80; // RFC 9562 version 8 (custom)
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // RFC 9562 variant
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  const digits = n.toString(10);
  if (uidRoot === undefined) return `2.25.${digits}`;
  const room = 64 - uidRoot.length - 1;
  return `${uidRoot}.${digits.slice(0, room)}`;
}

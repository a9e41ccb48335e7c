/**
 * The PNG that fast-png decodes (png-decode.ts): the input's critical chunks only (IHDR, PLTE, tRNS) and its image
 * data, already inflated by the platform's zlib and bounded, as stored deflate blocks (RFC 1951 3.2.4). fast-png
 * then inflates nothing itself (a copy per block): not the image a second time, and no iCCP or text chunk, whose
 * sizes it does not bound. The rebuilt PNG lives only for that call: its chunk CRCs are zero (the input's were checked
 * by the chunk walker) and fast-png is told not to check them (`checkCrc: false`).
 */
import { pngChunk, pngFile, type PngChunk } from '../../../pack-format/index.js';

const u32be = (v: number): number[] => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];

/** A zlib stream (RFC 1950) of stored deflate blocks of at most 65,535 bytes, with its Adler-32. */
export function storedZlib(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const out = new Uint8Array(2 + raw.length + 5 * blocks + 4);
  out.set([0x78, 0x01], 0);
  let o = 2;
  for (let b = 0; b < blocks; b++) {
    const part = raw.subarray(b * 65535, (b + 1) * 65535);
    out.set([b === blocks - 1 ? 1 : 0, part.length & 255, part.length >> 8, ~part.length & 255, (~part.length >> 8) & 255], o);
    out.set(part, o + 5);
    o += 5 + part.length;
  }
  // Adler-32 (RFC 1950 8.2), reduced modulo 65521 once per 5552 bytes, the most that cannot overflow (zlib's NMAX).
  let a = 1;
  let c = 0;
  for (let i = 0; i < raw.length; ) {
    const end = Math.min(raw.length, i + 5552);
    for (; i < end; i++) {
      a += raw[i] as number;
      c += a;
    }
    a %= 65521;
    c %= 65521;
  }
  out.set(u32be(((c << 16) | a) >>> 0), o);
  return out;
}

export function pngForDecoder(chunks: readonly PngChunk[], raw: Uint8Array): Uint8Array {
  const keep = chunks.filter((c) => c.type === 'IHDR' || c.type === 'PLTE' || c.type === 'tRNS').map((c) => pngChunk(c.type, c.data, { crc: false }));
  return pngFile([...keep, pngChunk('IDAT', storedZlib(raw), { crc: false }), pngChunk('IEND', new Uint8Array(0), { crc: false })]);
}

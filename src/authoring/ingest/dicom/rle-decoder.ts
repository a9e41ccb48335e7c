/**
 * RLE Lossless (DICOM PS3.5 Annex G). No maintained standalone JS decoder exists (cornerstone's lives inside its
 * image loader), and the format is small: a 64-byte header (G.5: segment count, then 15 little-endian byte offsets)
 * followed by one PackBits segment per byte plane (G.3.1), most significant byte plane first (G.2).
 */
export class RleError extends Error {}

/** PackBits (G.3.1): n >= 0 copies n+1 literal bytes, n in -127..-1 repeats the next byte 1-n times, -128 is a no-op. */
function unpackSegment(src: Uint8Array, start: number, end: number, out: Uint8Array): void {
  let i = start;
  let o = 0;
  while (i < end && o < out.length) {
    const n = (src[i++] as number) << 24 >> 24;
    if (n >= 0) {
      const count = Math.min(n + 1, out.length - o, end - i);
      out.set(src.subarray(i, i + count), o);
      i += n + 1;
      o += count;
    } else if (n !== -128) {
      const count = Math.min(1 - n, out.length - o);
      out.fill(src[i++] as number, o, o + count);
      o += count;
    }
  }
  if (o < out.length) throw new RleError(`an RLE segment ends after ${o} of ${out.length} bytes`);
}

/**
 * Decodes one grayscale frame of `pixels` samples with `bytesPerSample` (1 or 2) byte planes. Returns 8-bit samples
 * or 16-bit samples rebuilt from the high and low planes.
 */
export function decodeRle(frame: Uint8Array, pixels: number, bytesPerSample: 1 | 2): Uint8Array | Uint16Array {
  if (frame.length < 64) throw new RleError('the RLE header is missing');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const segments = view.getUint32(0, true);
  if (segments !== bytesPerSample) {
    throw new RleError(`the RLE header lists ${segments} segments where ${bytesPerSample} byte ${bytesPerSample === 1 ? 'plane was' : 'planes were'} expected`);
  }
  const offsets: number[] = [];
  for (let s = 0; s < segments; s++) offsets.push(view.getUint32(4 + 4 * s, true));
  offsets.push(frame.length);
  const planes: Uint8Array[] = [];
  for (let s = 0; s < segments; s++) {
    const start = offsets[s] as number;
    const end = offsets[s + 1] as number;
    if (start < 64 || end < start || end > frame.length) throw new RleError(`RLE segment ${s + 1} has a bad offset`);
    const plane = new Uint8Array(pixels);
    unpackSegment(frame, start, end, plane);
    planes.push(plane);
  }
  if (bytesPerSample === 1) return planes[0] as Uint8Array;
  const [hi, lo] = planes as [Uint8Array, Uint8Array];
  const out = new Uint16Array(pixels);
  for (let i = 0; i < pixels; i++) out[i] = ((hi[i] as number) << 8) | (lo[i] as number);
  return out;
}

/**
 * Error-level analysis (ELA) lens: the image scaled to 8 bits, recompressed once as a quality-75 JPEG would be, and
 * the amplified absolute difference shown (Krawetz, "A Picture's Worth...", Black Hat 2007; Farid, "Exposing
 * digital forgeries from JPEG ghosts", IEEE TIFS 2009; lenses/README.md). A region already saved at a similar quality on the same 8 x 8 grid is near a fixed point
 * of the quantiser and stays dark; a region with another history (never compressed, another quality, a shifted
 * grid) stands out brighter. Edges and fine texture are bright in any image: compare like with like.
 */
import type { GrayImage } from '../imaging/index.js';
import { LENS_BITS, LENS_MAX } from './lens-image.js';
import { jpegRoundTrip } from './jpeg-round-trip.js';

export const ELA_QUALITY = 75;
/** One 8-bit level of error becomes this many 12-bit units. */
export const ELA_GAIN = 128;
/**
 * Fixed default window: black at no error, white at 5 levels (a fitted window would make an image that was never
 * compressed look like one with a mixed history, and the reverse). A radiograph never saved as JPEG recompresses
 * with a median error of about 1 level and a 99th percentile of about 6 at quality 75, so its texture shows as dim
 * grey rather than black, and a region 5 or more levels off stands out white.
 */
export const ELA_WINDOW_TOP = 5 * ELA_GAIN;

/** The stored values scaled to 0..255 over the full bitsStored range, as an 8-bit export would. */
export function to8Bit(image: GrayImage): Uint8Array {
  const n = image.width * image.height;
  const k = 255 / (2 ** image.bitsStored - 1);
  const out = new Uint8Array(n);
  const src = image.data;
  for (let i = 0; i < n; i++) out[i] = ((src[i] as number) * k + 0.5) | 0;
  return out;
}

export function errorLevel(image: GrayImage): GrayImage {
  const { width: w, height: h } = image;
  const v8 = to8Bit(image);
  const rec = jpegRoundTrip(v8, w, h, ELA_QUALITY);
  const data = amplifiedDifference(v8, rec, ELA_GAIN, LENS_MAX);
  return { width: w, height: h, data, bitsStored: LENS_BITS, windowCenter: ELA_WINDOW_TOP / 2, windowWidth: ELA_WINDOW_TOP };
}

function amplifiedDifference(a: Uint8Array, b: Uint8Array, gain: number, max: number): Uint16Array {
  const out = new Uint16Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] as number) - (b[i] as number)) * gain;
    out[i] = d > max ? max : d;
  }
  return out;
}

/**
 * Local-variance (sharpness) lens: the standard deviation of the pixels in a 7x7 window around each pixel
 * (lenses/README.md, "Local-variance or sharpness map": E1, E3, A9). Window sums of x and
 * x^2 come from running column sums, the streaming form of a summed-area table (Crow, SIGGRAPH 1984; Viola and
 * Jones, CVPR 2001): O(1) per pixel whatever the window, O(width) extra memory. Sums of integer pixel values are
 * exact in Float64 (below 2^53), so E[x^2] - E[x]^2 does not cancel catastrophically.
 */
import type { GrayImage } from '../imaging/index.js';
import { LENS_BITS, LENS_MAX, quantiles12, windowFromRange } from './lens-image.js';

/** Window radius: 7x7, wider than the 3x3 grain yet small enough to resolve a blend ring a few pixels wide. */
export const VARIANCE_RADIUS = 3;

/**
 * Display: 12-bit value = 4095 * s / (s + VARIANCE_HALF), s the local std in 12-bit units. The saturating curve keeps
 * grain-level differences (s ~ 5-40) apart while rib and heart edges (s in the hundreds) compress towards white.
 */
export const VARIANCE_HALF = 64;

/** Column sums of rows yOld -> yNew moved by one row: adds row yNew, subtracts row yOld (rows clamped). */
function shiftColumns(src: Uint16Array, w: number, h: number, r: number, cs: Float64Array, cs2: Float64Array, yNew: number, yOld: number | null): void {
  const a = Math.min(h - 1, Math.max(0, yNew)) * w;
  const b = yOld === null ? -1 : Math.min(h - 1, Math.max(0, yOld)) * w;
  if (a === b) return;
  for (let px = 0; px < w + 2 * r; px++) {
    const x = px < r ? 0 : px >= w + r ? w - 1 : px - r;
    const vn = src[a + x] as number;
    const vo = b < 0 ? 0 : (src[b + x] as number);
    cs[px] = (cs[px] as number) + vn - vo;
    cs2[px] = (cs2[px] as number) + vn * vn - vo * vo;
  }
}

/** One output row from the column sums: a sliding window along x, std mapped to 12 bits (own function: V8). */
function stdRow(
  cs: Float64Array, cs2: Float64Array, side: number, w: number, o: number, out: Uint16Array, k: number, max: number, half: number,
): void {
  const invN = 1 / (side * side);
  let s = 0;
  let s2 = 0;
  for (let px = 0; px < side - 1; px++) {
    s += cs[px] as number;
    s2 += cs2[px] as number;
  }
  for (let x = 0; x < w; x++) {
    s += cs[x + side - 1] as number;
    s2 += cs2[x + side - 1] as number;
    const m = s * invN;
    const v2 = s2 * invN - m * m;
    const sd = v2 > 0 ? Math.sqrt(v2) * k : 0;
    out[o + x] = ((max * sd) / (sd + half) + 0.5) | 0;
    s -= cs[x] as number;
    s2 -= cs2[x] as number;
  }
}

export function localVariance(image: GrayImage): GrayImage {
  const { width: w, height: h } = image;
  const r = VARIANCE_RADIUS;
  const src = image.data;
  const k = LENS_MAX / (2 ** image.bitsStored - 1);
  const max = LENS_MAX; // local: see lens-image.ts
  const half = VARIANCE_HALF;
  // Column sums over rows y-r..y+r (edge rows replicated), padded by r columns each side (edge columns replicated).
  const cs = new Float64Array(w + 2 * r);
  const cs2 = new Float64Array(w + 2 * r);
  for (let y = -r; y <= r; y++) shiftColumns(src, w, h, r, cs, cs2, y, null);
  const data = new Uint16Array(w * h);
  const side = 2 * r + 1;
  for (let y = 0; y < h; y++) {
    stdRow(cs, cs2, side, w, y * w, data, k, max, half);
    if (y + 1 < h) shiftColumns(src, w, h, r, cs, cs2, y + 1 + r, y - r);
  }
  // Window from black (flat) to the 98th percentile: lung grain mid-grey, smoothed holes black, edges white.
  const [hi = LENS_MAX] = quantiles12(data, [0.98]);
  const win = windowFromRange(0, hi, 64);
  return { width: w, height: h, data, bitsStored: LENS_BITS, windowCenter: win.center, windowWidth: win.width };
}

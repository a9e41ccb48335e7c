/**
 * Noise-residual ("grain map") lens: the image minus its 3x3 box mean, a high-pass that removes anatomy smooth
 * on a 3-pixel scale and keeps quantum mottle (lenses/README.md, "Noise-residual or high-pass
 * view": T1, T2, E2). Real mottle follows photon counts, so it is stronger behind dense structures (Poisson
 * statistics, artifacts.md T1); uniform grain looks the same everywhere and smoothed or pasted patches look flat.
 */
import type { GrayImage } from '../imaging/index.js';
import { LENS_BITS, LENS_MAX, LENS_MID } from './lens-image.js';

/** Residual units (12-bit) are multiplied by this before the mid-grey offset: fine grain needs contrast. */
export const NOISE_GAIN = 4;

/**
 * Fixed default window, +-60 residual units (about +-4 sigma of the simulated chest's mottle at game size), rather
 * than one fitted to each image: a fitted window would stretch a noise-poor (waxy) image until it looked normal,
 * hiding T2, and would tone down a too-grainy one, hiding T1.
 */
export const NOISE_WINDOW_WIDTH = 2 * 60 * NOISE_GAIN;

/** Sums of three horizontal neighbours of row y (rows and columns clamped at the edges) into dst. */
function rowSums3(src: Uint16Array, w: number, h: number, y: number, dst: Float64Array): void {
  const o = Math.min(h - 1, Math.max(0, y)) * w;
  if (w === 1) {
    dst[0] = 3 * (src[o] as number);
    return;
  }
  dst[0] = 2 * (src[o] as number) + (src[o + 1] as number);
  for (let x = 1; x < w - 1; x++) dst[x] = (src[o + x - 1] as number) + (src[o + x] as number) + (src[o + x + 1] as number);
  dst[w - 1] = (src[o + w - 2] as number) + 2 * (src[o + w - 1] as number);
}

/** One output row: mid-grey + gain * (pixel - 3x3 mean). A function of its own so V8 optimises the row loop. */
function residualRow(
  src: Uint16Array, o: number, w: number, above: Float64Array, here: Float64Array, below: Float64Array,
  out: Uint16Array, gain: number, mid: number, max: number,
): void {
  for (let x = 0; x < w; x++) {
    const mean = ((above[x] as number) + (here[x] as number) + (below[x] as number)) / 9;
    const v = mid + gain * ((src[o + x] as number) - mean);
    out[o + x] = v <= 0 ? 0 : v >= max ? max : (v + 0.5) | 0;
  }
}

/**
 * One pass: three-row horizontal sums in a ring (edges replicated), written straight to the 12-bit output, with no
 * full-size float planes (on a 2-core machine their first-touch page faults cost more than the arithmetic).
 */
export function noiseResidual(image: GrayImage): GrayImage {
  const { width: w, height: h } = image;
  const src = image.data;
  const gain = (NOISE_GAIN * LENS_MAX) / (2 ** image.bitsStored - 1);
  let above = new Float64Array(w);
  let here = new Float64Array(w);
  let below = new Float64Array(w);
  rowSums3(src, w, h, -1, above);
  rowSums3(src, w, h, 0, here);
  const data = new Uint16Array(w * h);
  for (let y = 0; y < h; y++) {
    rowSums3(src, w, h, y + 1, below);
    residualRow(src, y * w, w, above, here, below, data, gain, LENS_MID, LENS_MAX);
    const t = above;
    above = here;
    here = below;
    below = t;
  }
  return { width: w, height: h, data, bitsStored: LENS_BITS, windowCenter: LENS_MID, windowWidth: NOISE_WINDOW_WIDTH };
}

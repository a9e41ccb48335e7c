import { createRng } from '../../../src/domain/rng.js';
import type { GrayImage } from '../../../src/imaging/types.js';

/** A 12-bit image from a function of (x, y), rounded and clamped. */
export function imageFrom(w: number, h: number, f: (x: number, y: number) => number, bitsStored = 12): GrayImage {
  const max = 2 ** bitsStored - 1;
  const data = new Uint16Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = Math.min(max, Math.max(0, Math.round(f(x, y))));
  return { width: w, height: h, data, bitsStored, windowCenter: max / 2, windowWidth: max };
}

/** Gaussian noise of std sigma around a base function (seeded). */
export function noisy(w: number, h: number, base: (x: number, y: number) => number, sigma: number, seed = 1): GrayImage {
  const rng = createRng(seed);
  return imageFrom(w, h, (x, y) => base(x, y) + sigma * rng.normal());
}

export interface Stats {
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
}

/** Stats of the stored values in [x0, x1) x [y0, y1) (whole image by default). */
export function stats(img: GrayImage, x0 = 0, y0 = 0, x1 = img.width, y1 = img.height): Stats {
  let s = 0;
  let s2 = 0;
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const v = img.data[y * img.width + x] as number;
      s += v;
      s2 += v * v;
      n++;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const mean = s / n;
  return { mean, std: Math.sqrt(Math.max(0, s2 / n - mean * mean)), min, max };
}

/** 0..255 display value of a stored value through the image's default window (linear VOI, PS3.3 C.11.2.1.2). */
export const displayed = (img: GrayImage, v: number): number =>
  Math.min(255, Math.max(0, Math.round(((v - (img.windowCenter - img.windowWidth / 2)) / img.windowWidth) * 255)));

export const at = (img: GrayImage, x: number, y: number): number => img.data[y * img.width + x] as number;

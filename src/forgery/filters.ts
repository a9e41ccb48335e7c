/**
 * Float pixel filters shared by the techniques. Images travel as Float32Array planes of width*height so that
 * intermediate sums neither clip nor round; `toGrayImage` quantises once at the end.
 */
import type { GrayImage } from '../imaging/index.js';
import { maxStoredValue } from '../imaging/index.js';
import { boxBlurH, boxBlurV, gaussianBlur as gaussianBlurInPlace } from '../imaging/index.js';

export function toFloat(img: GrayImage): Float32Array {
  return Float32Array.from(img.data);
}

/** Round and clamp to 0..2^bitsStored-1, keeping the size, bit depth and default window of `like`. */
export function toGrayImage(plane: Float32Array, like: GrayImage): GrayImage {
  const max = maxStoredValue(like);
  const data = new Uint16Array(plane.length);
  for (let i = 0; i < plane.length; i++) {
    const v = Math.round(plane[i] as number);
    data[i] = v < 0 ? 0 : v > max ? max : v;
  }
  return { ...like, data };
}

/** Separable box blur of radius r (window 2r+1) with replicated edges; returns a new plane. */
export function boxBlur(src: Float32Array, w: number, h: number, r: number): Float32Array {
  if (r <= 0) return src.slice();
  const tmp = new Float32Array(src.length);
  const out = new Float32Array(src.length);
  boxBlurH(src, tmp, w, h, r);
  boxBlurV(tmp, out, w, h, r);
  return out;
}

/** Near-Gaussian blur by three box passes (imaging/filters.ts), O(1) per pixel whatever sigma is; returns a new plane. */
export function gaussianBlur(src: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const out = src.slice();
  gaussianBlurInPlace(out, w, h, sigma);
  return out;
}

/** Local mean and variance over a (2r+1)^2 window. */
export function localMeanVariance(src: Float32Array, w: number, h: number, r: number): { mean: Float32Array; variance: Float32Array } {
  const sq = new Float32Array(src.length);
  for (let i = 0; i < src.length; i++) sq[i] = (src[i] as number) * (src[i] as number);
  const mean = boxBlur(src, w, h, r);
  const variance = boxBlur(sq, w, h, r);
  for (let i = 0; i < src.length; i++) {
    const m = mean[i] as number;
    variance[i] = Math.max(0, (variance[i] as number) - m * m);
  }
  return { mean, variance };
}

/**
 * Lee's local-statistics (Wiener) filter (J.-S. Lee, IEEE PAMI 1980): flat areas go to the local mean, edges keep
 * their detail. `noiseVar(mean)` is the expected noise variance at a signal level; `k` > 1 smooths harder.
 */
export function leeFilter(
  src: Float32Array,
  w: number,
  h: number,
  r: number,
  noiseVar: (mean: number) => number,
  k = 1,
): Float32Array {
  const { mean, variance } = localMeanVariance(src, w, h, r);
  const out = new Float32Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const m = mean[i] as number;
    const v = variance[i] as number;
    const gain = v > 0 ? Math.max(0, 1 - (k * noiseVar(m)) / v) : 0;
    out[i] = m + gain * ((src[i] as number) - m);
  }
  return out;
}

/** Nearest-rank quantile (q in 0..1) of the values, which it sorts in place; 0 for none. */
export function quantile(values: number[], q: number): number {
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.max(0, Math.floor(q * values.length)))] ?? 0;
}

/**
 * Robust standard deviation of zero-centred values (a residual, a grain): 1.4826 x their median absolute value, as for
 * Gaussian noise, so a few strong pixels (a vessel's edge) do not sway it. Overwrites the values with their absolute
 * values, sorted.
 */
export function robustSigma(values: number[]): number {
  for (let i = 0; i < values.length; i++) values[i] = Math.abs(values[i] as number);
  return 1.4826 * quantile(values, 0.5);
}

/** Catmull-Rom (Keys a = -0.5) interpolation weight at distance t. */
export function cubic(t: number): number {
  const x = Math.abs(t);
  if (x < 1) return (1.5 * x - 2.5) * x * x + 1;
  if (x < 2) return ((-0.5 * x + 2.5) * x - 4) * x + 2;
  return 0;
}

/** Hermite smoothstep of t clamped to 0..1. */
export function smoothstep(t: number): number {
  const c = t < 0 ? 0 : t > 1 ? 1 : t;
  return c * c * (3 - 2 * c);
}

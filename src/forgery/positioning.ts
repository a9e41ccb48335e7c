/**
 * Positioning cues of a frontal chest film, measured from pixels alone (real films have no hints): the collimated
 * field (shutter borders) and the patient's midline axis (the line of bilateral symmetry through the neck, spine and
 * upper chest). Used by perfect-positioning (T4) to remove the small tilt, off-centring and uneven collimation that
 * every real exam has.
 */
import type { Box } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';

export interface Field {
  /** The exposed field: x0, y0 inclusive, x1, y1 exclusive (integers). The whole image when no shutter is found. */
  readonly box: Box;
  /** Stored value of the shutter border (the first shutter found), or undefined when the film has none. */
  readonly borderValue: number | undefined;
}

/** Widest shutter searched for on one side, as a fraction of that dimension. */
const MAX_SHUTTER = 0.2;

/**
 * Shutter borders: lines (columns or rows) at an edge that are flat (std under 1% of full scale) and at an extreme
 * (within 3% of 0 or of full scale), as electronic shuttering or lead collimation leaves them. Each side is walked
 * inward until the first line that is not such a border.
 */
export function detectField(img: GrayImage): Field {
  const { width: w, height: h, data } = img;
  const max = 2 ** img.bitsStored - 1;
  let borderValue: number | undefined;
  const isBorder = (get: (k: number) => number, n: number): boolean => {
    let s = 0;
    let s2 = 0;
    const k0 = Math.floor(n * 0.2);
    const k1 = Math.ceil(n * 0.8);
    for (let k = k0; k < k1; k++) {
      const v = get(k);
      s += v;
      s2 += v * v;
    }
    const m = s / (k1 - k0);
    const sd = Math.sqrt(Math.max(0, s2 / (k1 - k0) - m * m));
    const extreme = m > max / 2 ? max : 0;
    const flat = sd < 0.01 * max && Math.abs(m - extreme) < 0.03 * max;
    if (flat && borderValue === undefined) borderValue = extreme;
    return flat;
  };
  const walk = (n: number, line: (i: number) => (k: number) => number, len: number, fromEnd: boolean): number => {
    let count = 0;
    const limit = Math.floor(n * MAX_SHUTTER);
    while (count < limit && isBorder(line(fromEnd ? n - 1 - count : count), len)) count++;
    return count;
  };
  const col = (x: number) => (y: number): number => data[y * w + x] as number;
  const row = (y: number) => (x: number): number => data[y * w + x] as number;
  const left = walk(w, col, h, false);
  const right = walk(w, col, h, true);
  const top = walk(h, row, w, false);
  const bottom = walk(h, row, w, true);
  return { box: { x0: left, y0: top, x1: w - right, y1: h - bottom }, borderValue };
}

/** The midline as x = a + b (y - yc): a at row yc, b = dx/dy (the tilt is atan(b)). */
export interface MidlineAxis {
  readonly a: number;
  readonly b: number;
  readonly yc: number;
}

const BANDS = 12;
/** Steepest axis accepted: a patient tilted further than this is a failed estimate, not a real film. */
/** Bands that must lie on the fitted line for its tilt to be trusted. */
const MIN_AGREEING = 7;
export const MAX_AXIS_TILT = Math.tan((6 * Math.PI) / 180);

/**
 * The patient's axis of left-right symmetry. For each of 12 horizontal bands over the upper chest (8% to 50% of
 * the field height, above most of the heart, which is not symmetric), the band's column profile within 10% of the
 * field width either side of a candidate axis is correlated (Pearson) with its own mirror image, for every candidate
 * in the central 30% of the field; the best-correlated axis wins (sub-pixel by a parabola through the peak).
 * Correlation rather than squared difference, so flat lung or background does not count as symmetric. A line is
 * then fitted robustly: of the lines through two band axes (tilt under 6 degrees), the one most bands lie close to
 * (1.5% of the field width), refitted by least squares over those bands (RANSAC, Fischler and Bolles 1981,
 * exhaustive over the 66 pairs). When fewer than 7 of the 12 bands agree, the tilt is taken as 0 and the position as
 * the median band axis.
 */
export function estimateMidlineAxis(img: GrayImage, field: Box): MidlineAxis {
  const { width: w, data } = img;
  const fw = field.x1 - field.x0;
  const fh = field.y1 - field.y0;
  const reach = Math.max(3, Math.floor(fw * 0.1));
  const lo = Math.ceil(field.x0 + fw * 0.35);
  const hi = Math.floor(field.x0 + fw * 0.65);
  const ys: number[] = [];
  const xs: number[] = [];
  const prof = new Float64Array(w);
  for (let k = 0; k < BANDS; k++) {
    const y0 = Math.floor(field.y0 + fh * (0.08 + (0.42 * k) / BANDS));
    const y1 = Math.max(y0 + 1, Math.floor(field.y0 + fh * (0.08 + (0.42 * (k + 1)) / BANDS)));
    prof.fill(0);
    for (let y = y0; y < y1; y++) for (let x = field.x0; x < field.x1; x++) prof[x] = (prof[x] as number) + (data[y * w + x] as number);
    const at = (x: number): number => prof[Math.min(field.x1 - 1, Math.max(field.x0, x))] as number;
    const scores: number[] = [];
    for (let c = lo; c <= hi; c++) scores.push(mirrorCorrelation(at, c, reach));
    let best = 0;
    for (let i = 1; i < scores.length; i++) if ((scores[i] as number) > (scores[best] as number)) best = i;
    let sub = 0;
    if (best > 0 && best < scores.length - 1) {
      const [sm, s0, sp] = [scores[best - 1] as number, scores[best] as number, scores[best + 1] as number];
      const den = sm - 2 * s0 + sp;
      if (den < 0) sub = Math.max(-0.5, Math.min(0.5, (0.5 * (sm - sp)) / den));
    }
    // Column c's centre is at c + 0.5; mirroring pairs c - d with c + d, so the axis is that centre.
    xs.push(lo + best + sub + 0.5);
    ys.push((y0 + y1) / 2);
  }
  const yc = field.y0 + fh / 2;
  return { ...robustLine(xs, ys, yc, Math.max(2, 0.015 * fw)), yc };
}

/** Pearson correlation of profile values at c - d and c + d, d = 1..reach. */
function mirrorCorrelation(at: (x: number) => number, c: number, reach: number): number {
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let d = 1; d <= reach; d++) {
    const p = at(c - d);
    const q = at(c + d);
    sa += p;
    sb += q;
    saa += p * p;
    sbb += q * q;
    sab += p * q;
  }
  const cov = sab - (sa * sb) / reach;
  const va = saa - (sa * sa) / reach;
  const vb = sbb - (sb * sb) / reach;
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : -1;
}

/** x = a + b (y - yc) through the points most of them lie near (see estimateMidlineAxis). */
function robustLine(xs: readonly number[], ys: readonly number[], yc: number, tol: number): { a: number; b: number } {
  const n = xs.length;
  let bestIn: number[] = [];
  let bestErr = Infinity;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const b = ((xs[j] as number) - (xs[i] as number)) / ((ys[j] as number) - (ys[i] as number));
      if (Math.abs(b) > MAX_AXIS_TILT) continue;
      const a = (xs[i] as number) + b * (yc - (ys[i] as number));
      const inliers: number[] = [];
      let err = 0;
      for (let k = 0; k < n; k++) {
        const r = Math.abs((xs[k] as number) - (a + b * ((ys[k] as number) - yc)));
        if (r <= tol) {
          inliers.push(k);
          err += r;
        }
      }
      if (inliers.length > bestIn.length || (inliers.length === bestIn.length && err < bestErr)) {
        bestIn = inliers;
        bestErr = err;
      }
    }
  }
  // Too few bands agree on a line: trust no tilt, only the median position.
  if (bestIn.length < MIN_AGREEING) {
    const sorted = [...xs].sort((p, q) => p - q);
    return { a: sorted[Math.floor(n / 2)] as number, b: 0 };
  }
  let my = 0;
  let mx = 0;
  for (const k of bestIn) {
    my += ys[k] as number;
    mx += xs[k] as number;
  }
  my /= bestIn.length;
  mx /= bestIn.length;
  let num = 0;
  let den = 0;
  for (const k of bestIn) {
    num += ((ys[k] as number) - my) * ((xs[k] as number) - mx);
    den += ((ys[k] as number) - my) ** 2;
  }
  const b = den > 0 ? Math.max(-MAX_AXIS_TILT, Math.min(MAX_AXIS_TILT, num / den)) : 0;
  return { a: mx + b * (yc - my), b };
}

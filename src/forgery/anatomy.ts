/**
 * Where things are on a frontal chest radiograph, from hints when the simulator supplies them and from crude,
 * robust image cues otherwise (real images come with no hints). Patient right = image LEFT (PA/AP convention).
 */
import type { Box, Polygon } from '../domain/geometry.js';
import { pointInPolygon, polygonBounds } from '../domain/geometry.js';
import type { GrayImage } from '../imaging/types.js';
import type { ForgeryHints } from './types.js';

export type PatientSide = 'right' | 'left';

/**
 * Midline column: the hint, else the brightest vertical band (spine and mediastinum) in the central third of the
 * image, averaged over the middle rows; falls back to the image centre when no band stands out.
 */
export function estimateMidlineX(img: GrayImage, hints?: ForgeryHints): number {
  if (hints?.midlineX !== undefined) return hints.midlineX;
  const { width: w, height: h, data } = img;
  const y0 = Math.floor(h * 0.3);
  const y1 = Math.floor(h * 0.7);
  const cols = new Float64Array(w);
  for (let y = y0; y < y1; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) cols[x] = (cols[x] as number) + (data[row + x] as number);
  }
  const r = Math.max(1, Math.round(w * 0.03));
  const x0 = Math.floor(w * 0.35);
  const x1 = Math.ceil(w * 0.65);
  let best = w / 2;
  let bestVal = -Infinity;
  let sumAll = 0;
  for (let x = x0; x < x1; x++) {
    let s = 0;
    for (let k = -r; k <= r; k++) s += cols[Math.min(w - 1, Math.max(0, x + k))] as number;
    sumAll += s;
    if (s > bestVal) {
      bestVal = s;
      best = x + 0.5;
    }
  }
  const meanVal = sumAll / Math.max(1, x1 - x0);
  // A band less than 3% above the central average is no band at all (flat or lateral image): use the centre.
  return bestVal > meanVal * 1.03 ? best : w / 2;
}

export interface LungLocator {
  readonly box: Box;
  /**
   * Whether pixel (x, y) lies in the visible lung: inside the hint polygon and outside the hinted mediastinum, else
   * darker than the lucent/dense split of the zone.
   */
  contains(x: number, y: number): boolean;
}

/** One lung: the hint polygon, else the dark (lucent) part of a plausible zone beside the midline. */
export function locateLung(img: GrayImage, side: PatientSide, midlineX: number, hints?: ForgeryHints): LungLocator {
  const poly = lungPolygon(side, hints);
  if (poly) {
    // Where the hints outline the mediastinum and heart, lung behind them does not count: edits stay off the heart.
    const med = hints?.mediastinum;
    const contains = (x: number, y: number): boolean => {
      const p = { x: x + 0.5, y: y + 0.5 };
      return pointInPolygon(p, poly) && !(med && pointInPolygon(p, med));
    };
    return { box: polygonBounds(poly), contains };
  }
  const { width: w, height: h, data } = img;
  const toward = side === 'right' ? -1 : 1;
  const a = midlineX + toward * 0.05 * w;
  const b = midlineX + toward * 0.42 * w;
  const guess: Box = { x0: Math.max(0, Math.min(a, b)), x1: Math.min(w, Math.max(a, b)), y0: h * 0.12, y1: h * 0.78 };
  const split = darkPartOf(img, guess);
  const r = Math.max(1, Math.round(w / 256));
  // A (2r+1)^2 mean so single noisy pixels do not flip membership.
  const contains = (x: number, y: number): boolean => {
    if (!split || x < guess.x0 || x >= guess.x1 || y < guess.y0 || y >= guess.y1) return split === undefined;
    let s = 0;
    let n = 0;
    for (let yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
      for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
        s += data[yy * w + xx] as number;
        n++;
      }
    }
    return s / n <= split.threshold;
  };
  return { box: split?.box ?? guess, contains };
}

/** Bounding box of one lung (see locateLung). */
export function lungBox(img: GrayImage, side: PatientSide, midlineX: number, hints?: ForgeryHints): Box {
  return locateLung(img, side, midlineX, hints).box;
}

/**
 * The robust extent (coordinate percentiles) of the darker Otsu class inside a box, or undefined when the split
 * is implausible for a lung (too little or too much of the box). Otsu, IEEE SMC 1979.
 */
function darkPartOf(img: GrayImage, box: Box): { box: Box; threshold: number } | undefined {
  const { width: w, data } = img;
  const step = Math.max(1, Math.round(img.width / 256));
  const vals: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = Math.floor(box.y0); y < box.y1; y += step) {
    for (let x = Math.floor(box.x0); x < box.x1; x += step) {
      vals.push(data[y * w + x] as number);
      xs.push(x);
      ys.push(y);
    }
  }
  if (vals.length < 100) return undefined;
  const threshold = otsuThreshold(vals);
  const dx: number[] = [];
  const dy: number[] = [];
  vals.forEach((v, k) => {
    if (v <= threshold) {
      dx.push(xs[k] as number);
      dy.push(ys[k] as number);
    }
  });
  const frac = dx.length / vals.length;
  if (frac < 0.15 || frac > 0.9) return undefined;
  const pct = (arr: number[], q: number): number => {
    arr.sort((p, r) => p - r);
    return arr[Math.min(arr.length - 1, Math.floor(q * arr.length))] as number;
  };
  return { box: { x0: pct(dx, 0.05), x1: pct(dx, 0.95), y0: pct(dy, 0.04), y1: pct(dy, 0.96) }, threshold };
}

function otsuThreshold(vals: readonly number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of vals) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const bins = 64;
  const span = Math.max(1, hi - lo);
  const hist = new Float64Array(bins);
  for (const v of vals) {
    const b = Math.min(bins - 1, Math.floor(((v - lo) / span) * bins));
    hist[b] = (hist[b] as number) + 1;
  }
  const total = vals.length;
  let sumAll = 0;
  for (let b = 0; b < bins; b++) sumAll += b * (hist[b] as number);
  let wB = 0;
  let sumB = 0;
  let best = 0;
  let bestB = bins / 2;
  for (let b = 0; b < bins; b++) {
    wB += hist[b] as number;
    if (wB === 0 || wB === total) continue;
    sumB += b * (hist[b] as number);
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / (total - wB);
    const between = wB * (total - wB) * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      bestB = b;
    }
  }
  return lo + ((bestB + 1) / bins) * span;
}

export function lungPolygon(side: PatientSide, hints?: ForgeryHints): Polygon | undefined {
  return hints?.lungs ? hints.lungs[side] : undefined;
}

/** Patient side of an image column. */
export function sideOfX(x: number, midlineX: number): PatientSide {
  return x < midlineX ? 'right' : 'left';
}

/** "right upper zone" etc. from a point and the lung's box (thirds of the lung height). */
export function zoneName(side: PatientSide, y: number, lung: Box): string {
  const t = (y - lung.y0) / Math.max(1, lung.y1 - lung.y0);
  const zone = t < 1 / 3 ? 'upper' : t < 2 / 3 ? 'mid' : 'lower';
  return `${side} ${zone} zone`;
}

/** Never touch the top or bottom 15% strip of the outer corners: laterality markers and labels live there. */
export function clampAwayFromMarkers(y: number, h: number): number {
  return Math.min(h * 0.85, Math.max(h * 0.15, y));
}

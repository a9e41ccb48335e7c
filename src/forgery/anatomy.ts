/**
 * Where things are on a frontal chest radiograph, from hints when the simulator supplies them and from crude,
 * robust image cues otherwise (real images come with no hints). Patient right = image LEFT (PA/AP convention).
 */
import type { Box, Polygon } from '../domain/index.js';
import { pointInPolygon, polygonBounds } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryHints } from './types.js';
import { findLungs } from './lung-finder.js';

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
   * Whether pixel (x, y) lies in the visible lung: inside the hint polygon and outside the hinted mediastinum, else in
   * the lung found from pixels (lung-finder.ts: dark, walled in by the chest wall, holes filled).
   */
  contains(x: number, y: number): boolean;
}

/**
 * One lung: the hint polygon, else the lung found from pixels (see lung-finder.ts), else undefined: the finder saw no
 * lung on this side that it is sure of (an unreadable or heavily opacified film). No guess is made then, since an edit
 * placed by a guess can land in soft tissue or outside the body.
 */
export function locateLung(img: GrayImage, side: PatientSide, midlineX: number, hints?: ForgeryHints): LungLocator | undefined {
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
  return findLungs(img, midlineX)[side];
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

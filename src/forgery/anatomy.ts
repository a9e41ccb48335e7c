/**
 * Where things are on a frontal chest radiograph, from hints when the simulator supplies them and from crude,
 * robust image cues otherwise (real images come with no hints). Patient right = image LEFT (PA/AP convention).
 */
import type { Box, Polygon } from '../domain/geometry.js';
import { pointInPolygon, polygonBounds } from '../domain/geometry.js';
import type { GrayImage } from '../imaging/types.js';
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
   * the lung found from pixels (lung-finder.ts: dark, walled off from the film's edge, holes filled).
   */
  contains(x: number, y: number): boolean;
}

/** One lung: the hint polygon, else the lung found from pixels (see lung-finder.ts). */
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
  const found = findLungs(img, midlineX)[side];
  if (found) return found;
  // Nothing lung-like walled off from the film's edge (an odd film): a modest ellipse inside the usual lung zone, so
  // edits still land mid-thorax rather than anywhere in a box that may reach the edge.
  const { width: w, height: h } = img;
  const toward = side === 'right' ? -1 : 1;
  const cx = midlineX + toward * 0.2 * w;
  const cy = h * 0.42;
  const ax = 0.12 * w;
  const ay = 0.2 * h;
  const box: Box = { x0: Math.max(0, cx - ax), x1: Math.min(w, cx + ax), y0: cy - ay, y1: cy + ay };
  const contains = (x: number, y: number): boolean => ((x + 0.5 - cx) / ax) ** 2 + ((y + 0.5 - cy) / ay) ** 2 <= 1;
  return { box, contains };
}

/** Bounding box of one lung (see locateLung). */
export function lungBox(img: GrayImage, side: PatientSide, midlineX: number, hints?: ForgeryHints): Box {
  return locateLung(img, side, midlineX, hints).box;
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

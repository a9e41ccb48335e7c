/**
 * Feathered elliptical regions. Pixel (x, y) has its centre at (x + 0.5, y + 0.5) (domain/types.ts Point: origin at
 * the top-left pixel corner). Weights are exactly zero outside the ellipse, and the tell polygon encloses the ellipse,
 * so a local technique provably changes nothing outside its tell region.
 */
import type { Point } from '../domain/index.js';
import type { Polygon } from '../domain/index.js';
import { smoothstep } from './filters.js';

export interface Ellipse {
  readonly cx: number;
  readonly cy: number;
  readonly ax: number;
  readonly ay: number;
}

export interface PixelRange {
  readonly x0: number;
  readonly x1: number; // exclusive
  readonly y0: number;
  readonly y1: number; // exclusive
}

/**
 * A polygon enclosing the ellipse grown by `pad` px. A regular n-gon inscribed in a circle of radius R contains the
 * circle of radius R cos(pi/n); an ellipse is an affine image of a circle, so scaling by 1/cos(pi/n) suffices.
 */
export function ellipsePolygon(e: Ellipse, pad = 1, segments = 48): Polygon {
  const s = 1 / Math.cos(Math.PI / segments);
  const pts: Point[] = [];
  for (let i = 0; i < segments; i++) {
    const t = (i / segments) * Math.PI * 2;
    pts.push({ x: e.cx + (e.ax + pad) * s * Math.cos(t), y: e.cy + (e.ay + pad) * s * Math.sin(t) });
  }
  return pts;
}

/** Normalised elliptical radius of pixel (x, y): 1 on the rim. */
export function ellipseRho(e: Ellipse, x: number, y: number): number {
  const dx = (x + 0.5 - e.cx) / e.ax;
  const dy = (y + 0.5 - e.cy) / e.ay;
  return Math.sqrt(dx * dx + dy * dy);
}

/** 1 inside rho < 1 - feather, smooth fall to 0 at the rim, 0 outside. */
export function featherWeight(rho: number, feather: number): number {
  if (rho >= 1) return 0;
  if (feather <= 0) return 1;
  return smoothstep((1 - rho) / feather);
}

/** Integer pixel range covering the ellipse, clipped to the image. */
export function ellipsePixels(e: Ellipse, w: number, h: number): PixelRange {
  return {
    x0: Math.max(0, Math.floor(e.cx - e.ax) - 1),
    x1: Math.min(w, Math.ceil(e.cx + e.ax) + 1),
    y0: Math.max(0, Math.floor(e.cy - e.ay) - 1),
    y1: Math.min(h, Math.ceil(e.cy + e.ay) + 1),
  };
}

/** An ellipse spanning a box. */
export function ellipseInBox(x0: number, y0: number, x1: number, y1: number): Ellipse {
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, ax: Math.abs(x1 - x0) / 2, ay: Math.abs(y1 - y0) / 2 };
}

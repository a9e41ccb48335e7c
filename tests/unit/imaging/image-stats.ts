import { pointInPolygon, polygonBounds, type Polygon } from '../../../src/domain/geometry.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { createHash } from 'node:crypto';

/** SHA-256 of the stored pixel bytes (little-endian Uint16, as held in memory). */
export function pixelHash(img: GrayImage): string {
  return createHash('sha256').update(new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength)).digest('hex');
}

export function meanInPolygon(img: GrayImage, poly: Polygon, step = 2): number {
  const b = polygonBounds(poly);
  let s = 0;
  let n = 0;
  for (let y = Math.max(0, Math.ceil(b.y0)); y < Math.min(img.height, b.y1); y += step) {
    for (let x = Math.max(0, Math.ceil(b.x0)); x < Math.min(img.width, b.x1); x += step) {
      if (pointInPolygon({ x, y }, poly)) {
        s += img.data[y * img.width + x] as number;
        n++;
      }
    }
  }
  if (n === 0) throw new Error('meanInPolygon: polygon covers no pixels');
  return s / n;
}

export function meanInRect(img: GrayImage, x0: number, y0: number, x1: number, y1: number): number {
  let s = 0;
  let n = 0;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(img.height, Math.ceil(y1)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(img.width, Math.ceil(x1)); x++) {
      s += img.data[y * img.width + x] as number;
      n++;
    }
  }
  return n ? s / n : NaN;
}

/**
 * Noise estimate of a square patch: std of the high-pass residual (pixel minus its 5x5 box mean), which removes
 * anatomy that is smooth on a 5-pixel scale and keeps quantum mottle.
 */
export function patchResidualStd(img: GrayImage, x0: number, y0: number, size: number): number {
  const w = img.width;
  let s = 0;
  let s2 = 0;
  let n = 0;
  for (let y = y0 + 2; y < y0 + size - 2; y++) {
    for (let x = x0 + 2; x < x0 + size - 2; x++) {
      let box = 0;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) box += img.data[(y + dy) * w + x + dx] as number;
      const r = (img.data[y * w + x] as number) - box / 25;
      s += r;
      s2 += r * r;
      n++;
    }
  }
  return Math.sqrt(Math.max(0, s2 / n - (s / n) ** 2));
}

/** Median residual std over patches whose four corners all satisfy `inside` (robust to the odd edge). */
export function medianPatchNoise(
  img: GrayImage,
  inside: (x: number, y: number) => boolean,
  size = 16,
  stride = 24,
): { median: number; count: number } {
  const vals: number[] = [];
  for (let y = 4; y + size + 4 < img.height; y += stride) {
    for (let x = 4; x + size + 4 < img.width; x += stride) {
      if (inside(x, y) && inside(x + size, y) && inside(x, y + size) && inside(x + size, y + size)) {
        vals.push(patchResidualStd(img, x, y, size));
      }
    }
  }
  vals.sort((a, b) => a - b);
  return { median: vals.length ? (vals[Math.floor(vals.length / 2)] as number) : NaN, count: vals.length };
}

export const inPoly = (poly: Polygon) => (x: number, y: number): boolean => pointInPolygon({ x, y }, poly);

/** Pixel measurements for the forgery tests, written independently of the forgery code they judge. */
import { createHash } from 'node:crypto';
import type { Point } from '../../../src/domain/types.js';
import type { Polygon } from '../../../src/domain/geometry.js';
import { pointInPolygon } from '../../../src/domain/geometry.js';
import type { GrayImage } from '../../../src/imaging/types.js';

export const sha256 = (img: GrayImage): string =>
  createHash('sha256').update(new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength)).digest('hex');

function distToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Pixel centre inside the polygon or within `margin` px of its outline. */
export function inDilatedPolygon(p: Point, poly: Polygon, margin: number): boolean {
  if (pointInPolygon(p, poly)) return true;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    if (distToSegment(p, poly[j] as Point, poly[i] as Point) <= margin) return true;
  }
  return false;
}

/** Indices of pixels that differ between two same-size images. */
export function changedPixels(a: GrayImage, b: GrayImage): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) out.push(i);
  return out;
}

/** Changed pixels whose centre lies outside every region dilated by `margin`. */
export function changedOutside(a: GrayImage, b: GrayImage, regions: readonly Polygon[], margin: number): number {
  let n = 0;
  for (const i of changedPixels(a, b)) {
    const p = { x: (i % a.width) + 0.5, y: Math.floor(i / a.width) + 0.5 };
    if (!regions.some((poly) => inDilatedPolygon(p, poly, margin))) n++;
  }
  return n;
}

export function meanAbsDiff(a: GrayImage, b: GrayImage): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += Math.abs((a.data[i] as number) - (b.data[i] as number));
  return s / a.data.length;
}

/** Pixels (interior, 1 px from the border) whose centre satisfies `pick`. */
export function pixelsWhere(img: GrayImage, pick: (x: number, y: number) => boolean): number[] {
  const out: number[] = [];
  for (let y = 1; y < img.height - 1; y++) {
    for (let x = 1; x < img.width - 1; x++) if (pick(x + 0.5, y + 0.5)) out.push(y * img.width + x);
  }
  return out;
}

/** High-pass residual: pixel minus the mean of its 4 neighbours. */
export function residual(img: GrayImage, i: number): number {
  const d = img.data;
  const w = img.width;
  return (d[i] as number) - ((d[i - 1] as number) + (d[i + 1] as number) + (d[i - w] as number) + (d[i + w] as number)) / 4;
}

/** Robust (MAD-based) standard deviation of the high-pass residual over some pixels: edges barely move it. */
export function noiseStd(img: GrayImage, idx: readonly number[]): number {
  const r = idx.map((i) => Math.abs(residual(img, i))).sort((p, q) => p - q);
  return 1.4826 * (r[r.length >> 1] ?? 0);
}

export function meanOver(img: GrayImage, idx: readonly number[]): number {
  let s = 0;
  for (const i of idx) s += img.data[i] as number;
  return s / Math.max(1, idx.length);
}

/** Pearson correlation of the high-pass residual at each pixel and at its mirror across column `midlineX`. */
export function mirrorResidualCorrelation(img: GrayImage, idx: readonly number[], midlineX: number): number {
  const w = img.width;
  const a: number[] = [];
  const b: number[] = [];
  for (const i of idx) {
    const x = i % w;
    const y = Math.floor(i / w);
    const xm = Math.floor(2 * midlineX - (x + 0.5));
    if (xm < 1 || xm >= w - 1) continue;
    a.push(residual(img, i));
    b.push(residual(img, y * w + xm));
  }
  return pearson(a, b);
}

export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let k = 0; k < n; k++) {
    ma += a[k] as number;
    mb += b[k] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let k = 0; k < n; k++) {
    const da = (a[k] as number) - ma;
    const db = (b[k] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb || 1);
}

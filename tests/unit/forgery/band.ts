/**
 * The band perfect-positioning (T4) draws where its re-framed output runs past the source film's field: which output
 * pixels it covers, how grainy it is against the film's own outermost strip, whether its edge shows a step, and
 * whether it mirrors the film. Everything is measured on the output image; the plan (planReframe) only says where
 * each output pixel came from.
 */
import type { Reframe } from '../../../src/forgery/perfect-positioning.js';
import { toOutput, toSource } from '../../../src/forgery/perfect-positioning.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { noiseStd, pearson, residual } from './measure.js';

/** Where each output pixel of the drawn field came from, relative to the source field's edges. */
export interface BandMap {
  readonly plan: Reframe;
  readonly out: GrayImage;
  /** Output pixels of the drawn field, 1 px clear of it and of the image border. */
  readonly idx: Int32Array;
  /**
   * Signed distance (source px) past the edge furthest past (beyond the field, > 0) or to the nearest edge (inside,
   * < 0); that edge (0 left, 1 right, 2 top, 3 bottom); the position along it; the source point.
   */
  readonly e: Float32Array;
  readonly side: Uint8Array;
  readonly along: Float32Array;
  readonly sx: Float32Array;
  readonly sy: Float32Array;
  /** The share of the whole image the band covers. */
  readonly fraction: number;
}

export function bandMap(plan: Reframe, out: GrayImage): BandMap {
  const { width: w, height: h } = out;
  const [f, g] = [plan.source, plan.field];
  const n = (g.x1 - g.x0) * (g.y1 - g.y0);
  const [idx, e, side, along, sx, sy] = [new Int32Array(n), new Float32Array(n), new Uint8Array(n), new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  // The source point is affine in the output point: its steps per output column and row.
  const o = toSource(plan, g.x0 + 0.5, g.y0 + 0.5);
  const dx = toSource(plan, g.x0 + 1.5, g.y0 + 0.5);
  const dy = toSource(plan, g.x0 + 0.5, g.y0 + 1.5);
  let [k, beyond] = [0, 0];
  for (let y = g.y0; y < g.y1; y++) {
    for (let x = g.x0; x < g.x1; x++) {
      const [u, v] = [x - g.x0, y - g.y0];
      const px = o.x + u * (dx.x - o.x) + v * (dy.x - o.x);
      const py = o.y + u * (dx.y - o.y) + v * (dy.y - o.y);
      let [d, s] = [f.x0 - px, 0];
      if (px - f.x1 > d) [d, s] = [px - f.x1, 1];
      if (f.y0 - py > d) [d, s] = [f.y0 - py, 2];
      if (py - f.y1 > d) [d, s] = [py - f.y1, 3];
      if (d > 0) beyond++;
      if (x < Math.max(1, g.x0 + 1) || y < Math.max(1, g.y0 + 1) || x >= Math.min(w - 1, g.x1 - 1) || y >= Math.min(h - 1, g.y1 - 1)) continue;
      [idx[k], e[k], side[k], along[k], sx[k], sy[k]] = [y * w + x, d, s, s < 2 ? py : px, px, py];
      k++;
    }
  }
  return {
    plan,
    out,
    idx: idx.subarray(0, k),
    e: e.subarray(0, k),
    side: side.subarray(0, k),
    along: along.subarray(0, k),
    sx: sx.subarray(0, k),
    sy: sy.subarray(0, k),
    fraction: beyond / (w * h),
  };
}

/**
 * Grain in the band against the film's own: the robust high-pass noise level (measure.ts noiseStd) over the band's
 * pixels more than `clear` source px past the edge (the seam itself does not count), and over their mirror images
 * across the field edge: the film's outermost strip of the same width, at the same places along the edge. Also the
 * correlation of the two high-pass residuals pixel by pixel: ~1 for mirror padding, ~0 for grain of its own.
 */
export function bandGrain(m: BandMap, clear = 1.5): { band: number; film: number; mirror: number; n: number } {
  const { plan, out } = m;
  const [f, g, w] = [plan.source, plan.field, out.width];
  const band: number[] = [];
  const film: number[] = [];
  const filmSet = new Set<number>();
  for (let k = 0; k < m.idx.length; k++) {
    if ((m.e[k] as number) <= clear) continue;
    const [px, py] = [m.sx[k] as number, m.sy[k] as number];
    const mx = px < f.x0 ? 2 * f.x0 - px : px > f.x1 ? 2 * f.x1 - px : px;
    const my = py < f.y0 ? 2 * f.y0 - py : py > f.y1 ? 2 * f.y1 - py : py;
    const o = toOutput(plan, mx, my);
    const [x, y] = [Math.floor(o.x), Math.floor(o.y)];
    if (x <= Math.max(0, g.x0) || y <= Math.max(0, g.y0) || x >= Math.min(w, g.x1) - 1 || y >= Math.min(out.height, g.y1) - 1) continue;
    const s = toSource(plan, x + 0.5, y + 0.5);
    if (Math.min(s.x - f.x0, f.x1 - s.x, s.y - f.y0, f.y1 - s.y) < clear) continue;
    band.push(m.idx[k] as number);
    film.push(y * w + x);
    filmSet.add(y * w + x);
  }
  return {
    band: noiseStd(out, band),
    film: noiseStd(out, [...filmSet]),
    mirror: pearson(band.map((i) => residual(out, i)), film.map((i) => residual(out, i))),
    n: band.length,
  };
}

/**
 * The step at the band's edge: along each field edge, in segments `seg` source px long, the mean of the output just
 * past the edge (0..depth source px) minus the mean just inside it (-depth..0), against the same difference between
 * two strips inside the film (-2 depth..-depth and -depth..0). Returns the medians of their absolute values over the
 * segments where the band exists.
 */
export function seamStep(m: BandMap, depth = 2, seg = 16): { seam: number; film: number; segments: number } {
  const sums = new Map<number, Float64Array>();
  for (let k = 0; k < m.idx.length; k++) {
    const e = m.e[k] as number;
    if (e > depth || e <= -2 * depth) continue;
    const key = (m.side[k] as number) * 1e6 + Math.floor((m.along[k] as number) / seg);
    const s = sums.get(key) ?? new Float64Array(6);
    const j = e > 0 ? 0 : e > -depth ? 2 : 4;
    s[j] = (s[j] as number) + (m.out.data[m.idx[k] as number] as number);
    s[j + 1] = (s[j + 1] as number) + 1;
    sums.set(key, s);
  }
  const seam: number[] = [];
  const film: number[] = [];
  for (const [past, np, inner, ni, deeper, nd] of sums.values()) {
    if ((np as number) < 4 || (ni as number) < 4 || (nd as number) < 4) continue;
    seam.push(Math.abs((past as number) / (np as number) - (inner as number) / (ni as number)));
    film.push(Math.abs((inner as number) / (ni as number) - (deeper as number) / (nd as number)));
  }
  const median = (v: number[]): number => v.sort((a, b) => a - b)[v.length >> 1] ?? 0;
  return { seam: median(seam), film: median(film), segments: seam.length };
}

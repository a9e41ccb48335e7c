/**
 * Sampling for perfect-positioning (T4)'s re-framing: bicubic reads inside the source film's exposed field, and what
 * the output shows where the turned and shifted film runs past that field (edgeFill).
 */
import type { Box } from '../domain/geometry.js';
import type { Rng } from '../domain/rng.js';
import { edgeLevel, filmGrain, grainAt } from './edge-grain.js';
import { cubic, gaussianBlur, smoothstep } from './filters.js';

/** Bicubic sample at continuous pixel-centre coordinates (px, py), reading only inside the field (taps clamped to it). */
export function sample(src: Float32Array, w: number, f: Box, px: number, py: number): number {
  const ix = Math.floor(px);
  const iy = Math.floor(py);
  // The four column weights are the same for every row: compute them once (8 kernel evaluations, not 20).
  const fx = px - ix;
  const w0 = cubic(fx + 1);
  const w1 = cubic(fx);
  const w2 = cubic(fx - 1);
  const w3 = cubic(fx - 2);
  const x0 = Math.min(f.x1 - 1, Math.max(f.x0, ix - 1));
  const x1 = Math.min(f.x1 - 1, Math.max(f.x0, ix));
  const x2 = Math.min(f.x1 - 1, Math.max(f.x0, ix + 1));
  const x3 = Math.min(f.x1 - 1, Math.max(f.x0, ix + 2));
  let s = 0;
  for (let j = -1; j <= 2; j++) {
    const row = Math.min(f.y1 - 1, Math.max(f.y0, iy + j)) * w;
    const wy = cubic(py - (iy + j));
    s += wy * (w0 * (src[row + x0] as number) + w1 * (src[row + x1] as number) + w2 * (src[row + x2] as number) + w3 * (src[row + x3] as number));
  }
  return s;
}

/**
 * What the output shows past the field's edge (only where keeping the marker needed less zoom than the field): the
 * film's own edge continued outward, as its outermost band (EDGE_DEPTH deep) averaged across and smoothed along the
 * edge (EDGE_SMOOTH), so nothing at the edge (a marker, a wire, a bright line) is repeated; the edge's own brightness
 * (low-passed like the grain, so the edge pixels' grain is not drawn out into streaks) fades into that band over
 * EDGE_RAMP. Fractions of the field's shorter side. On it lies grain with the film's own texture and the edge's
 * noise level (edge-grain.ts), so the band is about as grainy as the film beside it, but holds no anatomy.
 */
const EDGE_DEPTH = 0.02;
const EDGE_SMOOTH = 0.03;
const EDGE_RAMP = 0.015;

export function edgeFill(src: Float32Array, w: number, f: Box, rng: Rng): (px: number, py: number) => number {
  const [fw, fh] = [f.x1 - f.x0, f.y1 - f.y0];
  const short = Math.min(fw, fh);
  const k = Math.max(1, Math.round(EDGE_DEPTH * short));
  const band = (n: number, at: (i: number, d: number) => number): Float32Array => {
    const p = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let d = 0; d < k; d++) s += at(i, d);
      p[i] = s / k;
    }
    return gaussianBlur(p, n, 1, Math.max(1, EDGE_SMOOTH * short));
  };
  const top = band(fw, (i, d) => src[(f.y0 + d) * w + f.x0 + i] as number);
  const bottom = band(fw, (i, d) => src[(f.y1 - 1 - d) * w + f.x0 + i] as number);
  const left = band(fh, (i, d) => src[(f.y0 + i) * w + f.x0 + d] as number);
  const right = band(fh, (i, d) => src[(f.y0 + i) * w + f.x1 - 1 - d] as number);
  // The field alone: its low-pass (the edge's brightness) and grain.
  const crop = new Float32Array(fw * fh);
  for (let y = 0; y < fh; y++) crop.set(src.subarray((f.y0 + y) * w + f.x0, (f.y0 + y) * w + f.x1), y * fw);
  const { low, res, grain } = filmGrain(crop, fw, fh, rng);
  const depth = Math.max(1, Math.min(k, Math.floor(short / 2) - 3));
  // Each edge's noise level, measured on first use (most bands run past one or two edges).
  const strips: [number, (i: number, d: number) => number][] = [
    [fh, (i, d) => i * fw + d],
    [fh, (i, d) => i * fw + fw - 1 - d],
    [fw, (i, d) => d * fw + i],
    [fw, (i, d) => (fh - 1 - d) * fw + i],
  ];
  const levels: (Float32Array | undefined)[] = [];
  const level = (edge: number, i: number): number => {
    const [n, at] = strips[edge] as [number, (i: number, d: number) => number];
    const l = (levels[edge] ??= edgeLevel(res, n, depth, at));
    return l[Math.min(l.length - 1, Math.max(0, i))] as number;
  };
  const whole = { x0: 0, y0: 0, x1: fw, y1: fh };
  const ramp = Math.max(1, EDGE_RAMP * short);
  return (px, py) => {
    const ex = Math.max(0, f.x0 - 0.5 - px, px - (f.x1 - 0.5));
    const ey = Math.max(0, f.y0 - 0.5 - py, py - (f.y1 - 0.5));
    const cx = Math.min(f.x1 - 0.5, Math.max(f.x0 - 0.5, px));
    const cy = Math.min(f.y1 - 0.5, Math.max(f.y0 - 0.5, py));
    const ci = Math.min(fw - 1, Math.max(0, Math.round(cx - f.x0)));
    const cj = Math.min(fh - 1, Math.max(0, Math.round(cy - f.y0)));
    const side = (px < f.x0 ? left : right)[cj] as number;
    const cap = (py < f.y0 ? top : bottom)[ci] as number;
    // Past a corner: both bands, weighted by how far past each edge, and both grains (independent), weighted so that
    // their sum keeps the level of either. The grain's position along the edge is not clamped (else it would streak).
    const smooth = ex > 0 && ey > 0 ? (side * ex + cap * ey) / (ex + ey) : ex > 0 ? side : cap;
    const [gx, gy] = [px - f.x0, py - f.y0];
    // Each edge reads the sheets from its own quarter, so two edges meeting at a corner carry different grain.
    const gs = ex > 0 ? grainAt(grain, true, smooth, level(px < f.x0 ? 0 : 1, cj), gy, ex, px < f.x0 ? 0 : 0.25) : 0;
    const gc = ey > 0 ? grainAt(grain, false, smooth, level(py < f.y0 ? 2 : 3, ci), gx, ey, py < f.y0 ? 0.5 : 0.75) : 0;
    const e = Math.hypot(ex, ey);
    const g = e > 0 ? (gs * ex + gc * ey) / e : 0;
    const t = smoothstep(e / ramp);
    const base = t >= 1 ? smooth : (1 - t) * sample(low, fw, whole, cx - f.x0, cy - f.y0) + t * smooth;
    return base + g;
  };
}

/** Sampling for perfect-positioning (T4)'s re-framing: bicubic reads inside the source film's exposed field. */
import type { Box } from '../domain/index.js';
import { cubic } from './filters.js';

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

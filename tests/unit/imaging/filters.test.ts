import { describe, expect, it } from 'vitest';
import { boxBlurH, boxBlurV, boxRadiiForGauss } from '../../../src/imaging/filters.js';

/** Brute-force clamped box mean, the reference for the running-sum implementation. */
function bruteBox(src: Float32Array, w: number, h: number, r: number, horizontal: boolean): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -r; k <= r; k++) {
        const xx = horizontal ? Math.min(w - 1, Math.max(0, x + k)) : x;
        const yy = horizontal ? y : Math.min(h - 1, Math.max(0, y + k));
        s += src[yy * w + xx] as number;
      }
      out[y * w + x] = s / (2 * r + 1);
    }
  }
  return out;
}

describe('filters', () => {
  const w = 37;
  const h = 23;
  const src = new Float32Array(w * h).map((_, i) => ((i * 7919) % 13) - 6);

  it('box blurs equal the brute-force clamped mean for several radii (no per-row offset)', () => {
    for (const r of [1, 2, 5]) {
      const hb = new Float32Array(w * h);
      const vb = new Float32Array(w * h);
      boxBlurH(src, hb, w, h, r);
      boxBlurV(src, vb, w, h, r);
      const hr = bruteBox(src, w, h, r, true);
      const vr = bruteBox(src, w, h, r, false);
      for (let i = 0; i < w * h; i++) {
        expect(hb[i]).toBeCloseTo(hr[i] as number, 4);
        expect(vb[i]).toBeCloseTo(vr[i] as number, 4);
      }
    }
  });

  it('chooses box radii whose cascade variance approximates sigma^2', () => {
    for (const sigma of [2, 5, 12]) {
      const variance = boxRadiiForGauss(sigma).reduce((s, r) => s + ((2 * r + 1) ** 2 - 1) / 12, 0);
      expect(Math.sqrt(variance)).toBeGreaterThan(sigma * 0.85);
      expect(Math.sqrt(variance)).toBeLessThan(sigma * 1.15);
    }
  });
});

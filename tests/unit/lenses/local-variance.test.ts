import { describe, expect, it } from 'vitest';
import { localVariance, VARIANCE_HALF, VARIANCE_RADIUS } from '../../../src/lenses/local-variance.js';
import { LENS_MAX } from '../../../src/lenses/lens-image.js';
import { at, imageFrom, noisy, stats } from './lens-fixtures.js';

describe('localVariance', () => {
  it('is zero on a constant image', () => {
    const out = localVariance(imageFrom(50, 40, () => 1234));
    expect(stats(out).max).toBe(0);
  });

  it('equals the brute-force 7x7 std (mapped s -> 4095 s / (s + half)) away from the edges', () => {
    const img = noisy(40, 30, (x) => 1000 + 20 * x, 30, 5);
    const out = localVariance(img);
    const r = VARIANCE_RADIUS;
    for (const [x, y] of [[10, 10], [20, 15], [33, 22]] as const) {
      let s = 0;
      let s2 = 0;
      for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
        const v = at(img, x + dx, y + dy);
        s += v;
        s2 += v * v;
      }
      const n = (2 * r + 1) ** 2;
      const sd = Math.sqrt(s2 / n - (s / n) ** 2);
      expect(at(out, x, y)).toBeCloseTo((LENS_MAX * sd) / (sd + VARIANCE_HALF), -0.5);
    }
  });

  it('is bright where a noisy square is and dark around it', () => {
    const w = 120;
    const h = 100;
    const base = noisy(w, h, () => 2000, 25, 7);
    const img = imageFrom(w, h, (x, y) => (x >= 70 && x < 100 && y >= 20 && y < 60 ? at(base, x, y) : 2000));
    const out = localVariance(img);
    const inside = stats(out, 74, 24, 96, 56).mean;
    const outside = stats(out, 5, 5, 60, 95).mean;
    expect(inside).toBeGreaterThan(600);
    expect(outside).toBe(0);
    // The brightest 7x7-smoothed spot is inside the square.
    let best = { v: -1, x: 0, y: 0 };
    for (let y = 3; y < h - 3; y++) for (let x = 3; x < w - 3; x++) if (at(out, x, y) > best.v) best = { v: at(out, x, y), x, y };
    expect(best.x >= 70 && best.x < 100 && best.y >= 20 && best.y < 60).toBe(true);
  });

  it('shows a smoothed hole in grain as dark at the default window', () => {
    const img = noisy(100, 100, () => 2000, 20, 8);
    for (let y = 40; y < 60; y++) for (let x = 40; x < 60; x++) img.data[y * 100 + x] = 2000;
    const out = localVariance(img);
    expect(at(out, 50, 50)).toBe(0);
    expect(stats(out, 5, 5, 30, 30).mean).toBeGreaterThan(out.windowCenter - out.windowWidth / 2 + 0.3 * out.windowWidth);
  });
});

import { describe, expect, it } from 'vitest';
import { findMirrorAxis, flipDifference } from '../../../src/lenses/flip-difference.js';
import { at, imageFrom, noisy, stats } from './lens-fixtures.js';

/** Smooth structure plus noise, both mirror-symmetric about x = c. */
function symmetric(w: number, h: number, c: number, seed: number) {
  const half = noisy(w * 2, h, (x, y) => 1500 + 400 * Math.sin(x / 9) * Math.cos(y / 13) + 3 * y, 30, seed);
  return imageFrom(w, h, (x, y) => at(half, Math.round(Math.abs(x - c) * 2), y));
}

describe('flipDifference', () => {
  it('finds the axis of a mirror-symmetric image and is ~0 everywhere', () => {
    for (const [w, c] of [[160, 79.5], [161, 80], [200, 92]] as const) {
      const img = symmetric(w, 120, c, w);
      expect(findMirrorAxis(img)).toBe(c);
      const out = flipDifference(img);
      const overlap = stats(out, Math.max(0, Math.ceil(2 * c - (w - 1))), 0, Math.min(w, Math.floor(2 * c) + 1), 120);
      expect(overlap.max).toBeLessThanOrEqual(1);
    }
  });

  it('is large for an asymmetric image', () => {
    const img = noisy(160, 120, (x, y) => 1500 + 8 * x + 300 * Math.sin(x / 7 + y / 11), 30, 3);
    const out = flipDifference(img, { midlineX: 79.5 });
    expect(stats(out).mean).toBeGreaterThan(100);
  });

  it('shows a mirrored patch as a dark zone inside an otherwise asymmetric image', () => {
    const w = 200;
    const h = 160;
    const img = noisy(w, h, (x, y) => 1500 + 300 * Math.sin(x / 6 + y / 17) + 200 * Math.cos(y / 5 - x / 23), 25, 5);
    // Right lung zone := mirror of the left one about x = 99.5 (columns 20..70 -> 129..179), rows 40..110.
    for (let y = 40; y < 110; y++) for (let x = 129; x < 180; x++) img.data[y * w + x] = at(img, 199 - x, y);
    const out = flipDifference(img);
    expect(findMirrorAxis(img)).toBe(99.5);
    expect(stats(out, 134, 45, 175, 105).max).toBe(0);
    expect(stats(out, 134, 120, 175, 155).mean).toBeGreaterThan(100);
    // Dark at the default window, the rest of the thorax well above black.
    expect(out.windowCenter - out.windowWidth / 2).toBeLessThanOrEqual(0);
  });

  it('takes a given midline and marks pixels whose mirror is off the image as mid-grey', () => {
    const img = noisy(100, 50, () => 2000, 40, 6);
    const out = flipDifference(img, { midlineX: 60 });
    expect(at(out, 0, 10)).toBe(out.windowCenter); // mirror of x = 0 is x = 120: off the image
    expect(at(out, 99, 10)).not.toBe(out.windowCenter);
  });
});

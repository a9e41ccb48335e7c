import { describe, expect, it } from 'vitest';
import { errorLevel } from '../../../src/lenses/error-level.js';
import { jpegRoundTrip, quantTable } from '../../../src/lenses/jpeg-round-trip.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { noisy, stats } from './lens-fixtures.js';

const W = 128;
const texture = noisy(W, W, (x, y) => 128 + 50 * Math.sin(x / 7) * Math.cos(y / 9) + 20 * Math.sin((x + y) / 4), 6, 11);

/** An 8-bit image: the texture saved at q75 on the aligned grid, with [32, 96)^2 replaced by another history. */
function composite(region: Uint8Array): GrayImage {
  const saved = jpegRoundTrip(texture.data, W, W, 75);
  const data = new Uint16Array(W * W);
  for (let y = 0; y < W; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x;
    data[i] = (x >= 32 && x < 96 && y >= 32 && y < 96 ? region[i] : saved[i]) as number;
  }
  return { width: W, height: W, data, bitsStored: 8, windowCenter: 127.5, windowWidth: 255 };
}

describe('jpegRoundTrip', () => {
  it('uses the IJG quality scaling of the Annex K table', () => {
    expect(quantTable(50)[0]).toBe(16);
    expect(quantTable(75)[0]).toBe(8);
    expect(quantTable(75)[63]).toBe(50);
    expect(quantTable(100).every((q) => q === 1)).toBe(true);
  });

  it('is almost the identity at quality 100 and lossy at 75', () => {
    const a = jpegRoundTrip(texture.data, W, W, 100);
    const b = jpegRoundTrip(texture.data, W, W, 75);
    let ea = 0;
    let eb = 0;
    for (let i = 0; i < a.length; i++) {
      ea = Math.max(ea, Math.abs((a[i] as number) - (texture.data[i] as number)));
      eb += Math.abs((b[i] as number) - (texture.data[i] as number)) / a.length;
    }
    expect(ea).toBeLessThanOrEqual(1);
    expect(eb).toBeGreaterThan(1);
  });
});

describe('errorLevel', () => {
  const inner = (img: GrayImage): number => stats(img, 40, 40, 88, 88).mean;
  const outer = (img: GrayImage): number => (stats(img, 0, 0, W, 24).mean + stats(img, 0, 104, W, W).mean) / 2;

  it('is brighter where a region was never compressed', () => {
    const out = errorLevel(composite(Uint8Array.from(texture.data)));
    expect(inner(out)).toBeGreaterThan(2 * outer(out));
  });

  it('is brighter where a region was compressed on a shifted 8x8 grid', () => {
    const out = errorLevel(composite(jpegRoundTrip(texture.data, W, W, 75, 4, 4)));
    expect(inner(out)).toBeGreaterThan(2 * outer(out));
  });

  it('is brighter where a region was compressed at another quality', () => {
    const out = errorLevel(composite(jpegRoundTrip(texture.data, W, W, 40)));
    expect(inner(out)).toBeGreaterThan(1.5 * outer(out));
  });
});

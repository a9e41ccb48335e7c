import { describe, expect, it } from 'vitest';
import { NOISE_GAIN, noiseResidual } from '../../../src/lenses/noise-residual.js';
import { LENS_MID } from '../../../src/lenses/lens-image.js';
import { imageFrom, noisy, stats } from './lens-fixtures.js';

describe('noiseResidual', () => {
  const ramp = (x: number, y: number): number => 500 + 6 * x + 3 * y;

  it('is flat mid-grey on a smooth gradient (a linear ramp has no high-pass content)', () => {
    const out = noiseResidual(imageFrom(128, 96, ramp));
    const inner = stats(out, 1, 1, 127, 95);
    expect(inner.std).toBeLessThan(NOISE_GAIN * 0.6); // rounding of the input to integers only
    expect(Math.abs(inner.mean - LENS_MID)).toBeLessThan(1);
  });

  it('has a std proportional to added Gaussian noise (x gain x sqrt(8/9) for a 3x3 box residual)', () => {
    const sds = [5, 10, 20].map((sigma) => stats(noiseResidual(noisy(160, 160, ramp, sigma, sigma)), 1, 1, 159, 159).std);
    for (const [i, sigma] of [5, 10, 20].entries()) {
      expect((sds[i] as number) / (NOISE_GAIN * sigma * Math.sqrt(8 / 9))).toBeGreaterThan(0.93);
      expect((sds[i] as number) / (NOISE_GAIN * sigma * Math.sqrt(8 / 9))).toBeLessThan(1.07);
    }
    expect((sds[2] as number) / (sds[0] as number)).toBeCloseTo(4, 0);
  });

  it('shows a smoothed patch as flat inside grainy surroundings', () => {
    const src = noisy(160, 160, () => 2000, 15, 3);
    for (let y = 60; y < 100; y++) for (let x = 60; x < 100; x++) src.data[y * 160 + x] = 2000;
    const out = noiseResidual(src);
    expect(stats(out, 65, 65, 95, 95).std).toBeLessThan(1);
    expect(stats(out, 10, 10, 50, 50).std).toBeGreaterThan(40);
  });

  it('measures an 8-bit input in 12-bit units (same picture whatever bitsStored)', () => {
    const a = noisy(64, 64, () => 100, 4, 9);
    const b = { ...a, bitsStored: 8 as const };
    const ra = stats(noiseResidual(a)).std;
    const rb = stats(noiseResidual(b)).std;
    expect(rb / ra).toBeGreaterThan(15); // 4095 / 255 = 16.06 (clamping trims the tails)
  });
});

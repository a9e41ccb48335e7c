import { describe, expect, it } from 'vitest';
import { fft, fftPlan } from '../../../src/lenses/fft.js';
import { fourierSpectrum } from '../../../src/lenses/fourier-spectrum.js';
import { at, imageFrom, noisy } from './lens-fixtures.js';

describe('fft', () => {
  it('equals the direct DFT for every power of two up to 64', () => {
    for (let n = 1; n <= 64; n *= 2) {
      const re = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) + 0.1 * i);
      const im = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.7));
      const r0 = re.slice();
      const i0 = im.slice();
      fft(fftPlan(n), re, im);
      for (let k = 0; k < n; k++) {
        let sr = 0;
        let si = 0;
        for (let j = 0; j < n; j++) {
          const a = (-2 * Math.PI * j * k) / n;
          sr += (r0[j] as number) * Math.cos(a) - (i0[j] as number) * Math.sin(a);
          si += (r0[j] as number) * Math.sin(a) + (i0[j] as number) * Math.cos(a);
        }
        expect(re[k]).toBeCloseTo(sr, 9);
        expect(im[k]).toBeCloseTo(si, 9);
      }
    }
  });

  it('rejects sizes that are not powers of two', () => {
    expect(() => fftPlan(12)).toThrow(/power of two/);
  });
});

/** The brightest pixel outside the given exclusion discs. */
function brightestOutside(img: ReturnType<typeof fourierSpectrum>, discs: readonly (readonly [number, number, number])[]): number {
  let best = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (discs.some(([cx, cy, r]) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r)) continue;
      best = Math.max(best, at(img, x, y));
    }
  }
  return best;
}

describe('fourierSpectrum', () => {
  it('puts a vertical sinusoid of period 8 at +-W/8 from the centre on the horizontal axis', () => {
    for (const [w, h] of [[256, 256], [200, 120]] as const) {
      const img = noisy(w, h, (x) => 2000 + 600 * Math.sin((2 * Math.PI * x) / 8), 3, 4);
      const out = fourierSpectrum(img);
      const cx = w >> 1;
      const cy = h >> 1;
      const peakL = at(out, cx - w / 8, cy);
      const peakR = at(out, cx + w / 8, cy);
      expect(peakL).toBe(peakR);
      const rest = brightestOutside(out, [[cx, cy, 4], [cx - w / 8, cy, 4], [cx + w / 8, cy, 4]]);
      expect(peakL).toBeGreaterThan(rest + 600);
      // Bright at the default window.
      expect(peakL).toBeGreaterThanOrEqual(out.windowCenter + out.windowWidth / 2 - 1);
    }
  });

  it('shows a constant image as a single central peak (the Hann window leaves no edge cross)', () => {
    const out = fourierSpectrum(imageFrom(128, 128, () => 1500));
    expect(at(out, 64, 64)).toBe(4095);
    expect(brightestOutside(out, [[64, 64, 1.5]])).toBeLessThan(4095 * 0.95);
    expect(brightestOutside(out, [[64, 64, 3]])).toBeLessThan(40);
  });

  it('is symmetric through the centre (real input: |F(-k)| = |F(k)|)', () => {
    const out = fourierSpectrum(noisy(64, 64, (x, y) => 1000 + 5 * x + 300 * Math.sin(x * 0.9 + y * 0.4), 20, 2));
    for (const [x, y] of [[10, 5], [40, 50], [63, 1], [33, 20]] as const) expect(at(out, x, y)).toBe(at(out, 64 - x, 64 - y));
  });
});

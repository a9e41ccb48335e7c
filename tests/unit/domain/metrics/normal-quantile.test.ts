import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/domain/rng.js';
import { normalQuantile, Z_95 } from '../../../../src/domain/metrics/index.js';

// Reference quantiles computed with mpmath at 30-60 digits (sqrt(2)·erfinv(2p − 1), or a root of log Φ for tails).
const KNOWN: readonly (readonly [number, number])[] = [
  [0.5, 0],
  [0.975, 1.9599639845400542355],
  [0.025, -1.9599639845400542355],
  [0.95, 1.6448536269514727149],
  [0.99, 2.3263478740408411009],
  [0.999, 3.0902323061678135415],
  [0.75, 0.6744897501960817432],
  [0.6, 0.2533471031357997988],
  [0.3, -0.52440051270804078404],
  [0.1, -1.281551565544600467],
  [0.02425, -1.9729610513118848503],
  [0.97575, 1.9729610513118848503],
  [0.9999999, 5.1993375821928169316],
  [1e-10, -6.3613409024040562047],
  [1e-20, -9.2623400897984075737],
  [1e-50, -14.933337534788488981],
  [1e-300, -37.047096299361199237],
];

describe('normalQuantile (Wichura AS 241)', () => {
  it('matches known quantiles to 1e-9 in every region of the approximation', () => {
    for (const [p, z] of KNOWN) {
      expect(Math.abs(normalQuantile(p) - z), `p = ${p}`).toBeLessThan(1e-9 * Math.max(1, Math.abs(z)));
    }
  });

  it('is antisymmetric about 0.5 and strictly increasing', () => {
    const rng = createRng('normal-quantile');
    for (let i = 0; i < 500; i++) {
      const p = rng.range(1e-6, 1 - 1e-6);
      expect(normalQuantile(p) + normalQuantile(1 - p)).toBeCloseTo(0, 9);
      expect(normalQuantile(p + 1e-7)).toBeGreaterThan(normalQuantile(p));
    }
  });

  it('gives ±Infinity at 0 and 1, the 95% critical value, and rejects p outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(Z_95).toBeCloseTo(1.959963984540054, 12);
    expect(() => normalQuantile(1.2)).toThrow(/normalQuantile/);
    expect(() => normalQuantile(Number.NaN)).toThrow(/normalQuantile/);
  });
});

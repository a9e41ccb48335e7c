import { describe, expect, it } from 'vitest';
import { monotoneCurve } from '../../../src/simulator/curves.js';

describe('curves', () => {
  it('interpolates monotone profiles without overshoot', () => {
    const f = monotoneCurve([
      [0, 0],
      [1, 10],
      [2, 10],
      [3, 4],
    ]);
    for (let x = 0; x <= 3; x += 0.05) {
      expect(f(x)).toBeLessThanOrEqual(10 + 1e-9);
      expect(f(x)).toBeGreaterThanOrEqual(0);
    }
    expect(f(1)).toBeCloseTo(10);
    expect(f(-5)).toBe(0);
  });
});

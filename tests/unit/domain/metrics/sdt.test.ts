import { describe, expect, it } from 'vitest';
import { correctExtremeRate, signalDetection, signalDetectionOf } from '../../../../src/domain/metrics/index.js';
import { createRng } from '../../../../src/domain/rng.js';
import { FIXTURE, fake, real } from './records.js';

describe("d′ and criterion c", () => {
  it('hand-computed fixture: H = 3/5, F = 3/7 (time-outs are a miss and a false alarm)', () => {
    // z(0.6) = 0.2533471031357997, z(3/7) = −0.1800123697927051 (SciPy norm.ppf).
    const s = signalDetectionOf(FIXTURE);
    expect(s).toMatchObject({ hitRate: 0.6, corrected: false });
    expect(s?.falseAlarmRate).toBeCloseTo(3 / 7, 12);
    expect(s?.dPrime).toBeCloseTo(0.2533471031357997 + 0.1800123697927051, 9);
    expect(s?.criterion).toBeCloseTo(-0.5 * (0.2533471031357997 - 0.1800123697927051), 9);
  });

  it('corrects rates of 0 and 1 to 1/(2n) and 1 − 1/(2n)', () => {
    expect(correctExtremeRate(0, 10)).toBe(0.05);
    expect(correctExtremeRate(1, 10)).toBe(0.95);
    expect(correctExtremeRate(0.3, 10)).toBe(0.3);
    // Perfect reader with 10 fakes and 10 reals: H = 0.95, F = 0.05, d′ = 2·z(0.95), c = 0.
    const s = signalDetection(10, 10, 0, 10);
    expect(s).toMatchObject({ hitRateUsed: 0.95, falseAlarmRateUsed: 0.05, corrected: true });
    expect(s?.dPrime).toBeCloseTo(2 * 1.6448536269514727, 9);
    expect(s?.criterion).toBeCloseTo(0, 12);
  });

  it('is null without fakes or without real images, and rejects impossible counts', () => {
    expect(signalDetectionOf([fake(6)])).toBeNull();
    expect(signalDetectionOf([real(1)])).toBeNull();
    expect(() => signalDetection(5, 4, 0, 4)).toThrow(/signalDetection/);
  });

  it('not estimable when every call is the same: a drill of 2 fakes in 40 films with no flag gets no d′ of 1.55', () => {
    expect(signalDetection(0, 2, 0, 38)).toBeNull();
    expect(signalDetection(2, 2, 38, 38)).toBeNull();
    expect(signalDetection(0, 3, 0, 3)).toBeNull();
    // One call the other way makes it estimable again, with the 1/(2n) correction where a rate is 0 or 1.
    expect(signalDetection(1, 2, 0, 38)?.corrected).toBe(true);
    expect(signalDetection(2, 2, 37, 38)?.corrected).toBe(true);
  });

  it('d′ = 0 when H = F; c = 0 when H = 1 − F; c < 0 exactly when the reader says "fake" more (H + F > 1)', () => {
    const rng = createRng('sdt');
    for (let t = 0; t < 500; t++) {
      const n = 2 + rng.int(40);
      const k = rng.int(n + 1);
      if (k > 0 && k < n) expect(signalDetection(k, n, k, n)?.dPrime).toBeCloseTo(0, 12);
      expect(signalDetection(k, n, n - k, n)?.criterion).toBeCloseTo(0, 9);
      const nPos = 2 + rng.int(40);
      const nNeg = 2 + rng.int(40);
      const hits = 1 + rng.int(nPos - 1); // rates strictly inside (0, 1): no correction
      const fas = 1 + rng.int(nNeg - 1);
      const s = signalDetection(hits, nPos, fas, nNeg);
      const bias = hits / nPos + fas / nNeg - 1; // > 0: more "fake" calls than an unbiased reader
      if (Math.abs(bias) > 1e-12) expect(Math.sign(s?.criterion ?? NaN)).toBe(-Math.sign(bias));
      // More hits at the same false-alarm rate always means more sensitivity.
      if (hits < nPos - 1) expect(signalDetection(hits + 1, nPos, fas, nNeg)?.dPrime).toBeGreaterThan(s?.dPrime ?? NaN);
    }
  });
});

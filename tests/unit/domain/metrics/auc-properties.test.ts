import { describe, expect, it } from 'vitest';
import { estimateAuc, rocAnalysis, wilcoxonAuc } from '../../../../src/domain/metrics/index.js';
import { createRng, type Rng } from '../../../../src/domain/rng.js';
import type { Rating } from '../../../../src/domain/types.js';
import { fake, real } from './records.js';

const ratingIn = (rng: Rng, lo: number, hi: number): Rating => (lo + rng.int(hi - lo + 1)) as Rating;
const sample = (rng: Rng, lo = 1, hi = 6): number[] => Array.from({ length: 1 + rng.int(25) }, () => ratingIn(rng, lo, hi));
const TRIALS = 300;

describe('AUC properties (seeded)', () => {
  it('a perfect reader scores 1 and a reversed reader 0, from records', () => {
    const rng = createRng('auc-perfect');
    for (let t = 0; t < TRIALS; t++) {
      const cut = 2 + rng.int(5); // fakes rated ≥ cut, reals below it
      const fakes = sample(rng, cut, 6).map((r) => fake(r as Rating));
      const reals = sample(rng, 1, cut - 1).map((r) => real(r as Rating));
      expect(rocAnalysis([...fakes, ...reals]).auc?.auc).toBe(1);
      const reversed = [
        ...fakes.map((r) => real(r.rating)),
        ...reals.map((r) => fake(r.rating)),
      ];
      expect(rocAnalysis(reversed).auc?.auc).toBe(0);
    }
  });

  it('is invariant to strictly increasing relabelling of ratings (AUC and DeLong SE)', () => {
    const rng = createRng('auc-monotone');
    for (let t = 0; t < TRIALS; t++) {
      const pos = sample(rng);
      const neg = sample(rng);
      const levels = [0];
      for (let i = 1; i <= 6; i++) levels.push((levels[i - 1] as number) + rng.range(0.01, 10));
      const f = (r: number): number => levels[r] as number;
      const a = estimateAuc(pos, neg);
      const b = estimateAuc(pos.map(f), neg.map(f));
      expect(b?.auc).toBeCloseTo(a?.auc ?? NaN, 12);
      if (a?.seDeLong != null) expect(b?.seDeLong).toBeCloseTo(a.seDeLong, 12);
    }
  });

  it('AUC + AUC with the labels swapped = 1', () => {
    const rng = createRng('auc-swap');
    for (let t = 0; t < TRIALS; t++) {
      const pos = sample(rng);
      const neg = sample(rng);
      expect((wilcoxonAuc(pos, neg) as number) + (wilcoxonAuc(neg, pos) as number)).toBeCloseTo(1, 12);
    }
  });

  it('the CI lies in [0, 1] and contains the point estimate', () => {
    const rng = createRng('auc-ci');
    for (let t = 0; t < TRIALS; t++) {
      const shift = rng.int(4);
      const e = estimateAuc(sample(rng, 1 + Math.min(shift, 2), 6), sample(rng));
      if (!e?.ci95) continue;
      const [lo, hi] = e.ci95;
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(1);
      expect(lo).toBeLessThanOrEqual(e.auc);
      expect(hi).toBeGreaterThanOrEqual(e.auc);
    }
  });

  it('time-outs never change the AUC (they are excluded)', () => {
    const rng = createRng('auc-timeouts');
    for (let t = 0; t < 100; t++) {
      const recs = [...sample(rng).map((r) => fake(r as Rating)), ...sample(rng).map((r) => real(r as Rating))];
      const withTimeouts = [...recs, ...Array.from({ length: 1 + rng.int(4) }, () => (rng.chance(0.5) ? fake(null) : real(null)))];
      expect(rocAnalysis(withTimeouts).auc).toEqual(rocAnalysis(recs).auc);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { binaryMetrics, npvAt, ppvAt, youdenJ } from '../../../../src/domain/metrics/index.js';
import { createRng } from '../../../../src/domain/rng.js';
import { FIXTURE, fake, real } from './records.js';

describe('binary metrics', () => {
  it('hand-computed fixture: time-outs count as wrong calls', () => {
    const b = binaryMetrics(FIXTURE);
    expect(b).toMatchObject({ n: 12, tp: 3, fn: 2, tn: 4, fp: 3, timedOut: 2 });
    expect(b.accuracy).toBeCloseTo(7 / 12, 12);
    expect(b.sensitivity).toBeCloseTo(3 / 5, 12);
    expect(b.specificity).toBeCloseTo(4 / 7, 12);
    expect(b.balancedAccuracy).toBeCloseTo((3 / 5 + 4 / 7) / 2, 12);
    expect(b.ppv).toBeCloseTo(3 / 6, 12);
    expect(b.npv).toBeCloseTo(4 / 6, 12);
    expect(b.prevalence).toBeCloseTo(5 / 12, 12);
    expect(b.youdenJ).toBeCloseTo(3 / 5 + 4 / 7 - 1, 12);
  });

  it('is null, not 0, when a denominator is empty', () => {
    const none = binaryMetrics([]);
    expect([none.accuracy, none.sensitivity, none.specificity, none.ppv, none.npv, none.prevalence]).toEqual([
      null, null, null, null, null, null,
    ]);
    const fakesOnly = binaryMetrics([fake(6), fake(5)]);
    expect(fakesOnly.sensitivity).toBe(1);
    expect(fakesOnly.specificity).toBeNull();
    expect(fakesOnly.balancedAccuracy).toBeNull();
    expect(fakesOnly.youdenJ).toBeNull();
    expect(fakesOnly.npv).toBeNull();
    const allReal = binaryMetrics([real(1), fake(2)]);
    expect(allReal.ppv).toBeNull();
    expect(allReal.npv).toBe(0.5);
    expect(youdenJ(null, 0.5)).toBeNull();
  });

  it('PPV and NPV by Bayes reproduce the sample values at the sample prevalence', () => {
    const b = binaryMetrics(FIXTURE);
    const [pi, se, sp] = [b.prevalence as number, b.sensitivity as number, b.specificity as number];
    expect(ppvAt(pi, se, sp)).toBeCloseTo(b.ppv as number, 12);
    expect(npvAt(pi, se, sp)).toBeCloseTo(b.npv as number, 12);
    const rng = createRng('bayes');
    for (let i = 0; i < 200; i++) {
      const recs = Array.from({ length: 4 + rng.int(30) }, () =>
        rng.chance(0.5) ? fake(rng.chance(0.7) ? 5 : 2) : real(rng.chance(0.7) ? 2 : 5),
      );
      const m = binaryMetrics(recs);
      if (m.sensitivity === null || m.specificity === null || m.prevalence === null) continue;
      const p = ppvAt(m.prevalence, m.sensitivity, m.specificity);
      if (m.ppv === null) expect(p).toBeNull();
      else expect(p).toBeCloseTo(m.ppv, 12);
    }
  });

  it('PPV collapses at a rare clinical prevalence (hand-computed)', () => {
    // Se = Sp = 0.9 at 1%: 0.009 / (0.009 + 0.099) = 1/12; NPV = 0.891 / 0.892.
    expect(ppvAt(0.01, 0.9, 0.9)).toBeCloseTo(1 / 12, 12);
    expect(npvAt(0.01, 0.9, 0.9)).toBeCloseTo(0.891 / 0.892, 12);
    expect(ppvAt(0.3, 0, 1)).toBeNull(); // nothing is ever called fake
    expect(npvAt(0.3, 1, 0)).toBeNull(); // nothing is ever called real
    expect(() => ppvAt(1.5, 0.9, 0.9)).toThrow(/ppvAt: prevalence/);
  });
});

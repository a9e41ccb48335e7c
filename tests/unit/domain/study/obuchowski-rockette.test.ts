import { describe, expect, it } from 'vitest';
import { fUpperTail, jackknifeAucs, orAnalysis, tQuantile, type ReaderStudy } from '../../../../src/domain/study/index.js';

const CASES = [
  { id: 'n1', truth: 0 },
  { id: 'n2', truth: 0 },
  { id: 'p1', truth: 1 },
  { id: 'p2', truth: 1 },
] as const;

/**
 * A study small enough to do by hand. Ratings of n1, n2, p1, p2:
 *   pattern X = (1, 3, 2, 4): pairs (n,p) = (1,2) (1,4) (3,2) (3,4) score 1 1 0 1, AUC 3/4; without n1, n2, p1, p2 the
 *     AUC is 1/2, 1, 1, 1/2, so its jackknife variance is (3/4)·4·(1/4)² = 3/16;
 *   pattern P = (1, 2, 3, 4): AUC 1 whatever case is left out, variance 0.
 * Treatment A: reader 1 X, reader 2 P.  Treatment B: reader 1 P, reader 2 X.
 */
const X = [1, 3, 2, 4];
const P = [1, 2, 3, 4];
const HAND: ReaderStudy = { title: 'hand', treatments: ['A', 'B'], readers: ['r1', 'r2'], cases: [...CASES], ratings: [[X, P], [P, X]] };

describe('Obuchowski-Rockette on a hand-computed example', () => {
  const or = orAnalysis(HAND);

  it('leave-one-out AUCs and AUCs', () => {
    const jk = jackknifeAucs(HAND);
    expect(jk.aucs).toEqual([
      [0.75, 1],
      [1, 0.75],
    ]);
    expect(jk.loo[0]?.[0]).toEqual([0.5, 1, 1, 0.5]);
    expect(jk.loo[0]?.[1]).toEqual([1, 1, 1, 1]);
  });

  it('variance components: Var = (3/16 + 0 + 0 + 3/16)/4, Cov1 = Cov2 = 0, Cov3 = (3/16 + 3/16 + 0 + 0)/4', () => {
    expect(or.varianceComponents.var).toBeCloseTo(3 / 32, 15);
    expect(or.varianceComponents.cov1).toBeCloseTo(0, 15);
    expect(or.varianceComponents.cov2).toBeCloseTo(0, 15);
    expect(or.varianceComponents.cov3).toBeCloseTo(3 / 32, 15);
  });

  it('mean squares: both treatments and both readers average 0.875, every interaction residual is ±1/8', () => {
    expect(or.meanSquares.msT).toBeCloseTo(0, 15);
    expect(or.meanSquares.msR).toBeCloseTo(0, 15);
    expect(or.meanSquares.msTR).toBeCloseTo(4 / 64, 15);
  });

  it('test: D = MS(TR) + J·max(Cov2 − Cov3, 0) = 1/16 (the negative difference is cut to 0), F = 0, ddf = 1, p = 1', () => {
    expect(or.test?.f).toBeCloseTo(0, 12);
    expect(or.test?.ddf).toBeCloseTo(1, 12);
    expect(or.test?.p).toBeCloseTo(1, 12);
    const d = or.differences[0];
    expect(d?.estimate).toBeCloseTo(0, 15);
    expect(d?.se).toBeCloseTo(0.25, 15); // √(2·(1/16)/2)
    expect(d?.ci95?.[1]).toBeCloseTo(12.706204736174707 * 0.25, 8); // t(0.975, 1) = tan(0.475π)
  });

  it('per treatment: MS(R) = 2·(1/8)² = 1/32, Cov2 = 0, SE = √(1/64) = 1/8, df = 1', () => {
    const a = or.perTreatment[0];
    expect(a?.auc).toBe(0.875);
    expect(a?.msR).toBeCloseTo(1 / 32, 15);
    expect(a?.se).toBeCloseTo(0.125, 15);
    expect(a?.df).toBeCloseTo(1, 12);
    expect(a?.ci95?.[0]).toBeCloseTo(0.875 - 12.706204736174707 / 8, 8);
  });
});

describe('three treatments', () => {
  it('an F test on 2 numerator df and every pair, all sharing one ddf and one SE', () => {
    const Y = [2, 4, 1, 3]; // AUC 1/4: only (2, 3) of the four pairs is ordered right
    const or = orAnalysis({ ...HAND, treatments: ['A', 'B', 'C'], ratings: [[X, P], [P, X], [Y, X]] });
    expect(or.test?.ndf).toBe(2);
    expect(or.differences.map((d) => `${d.treatmentA}-${d.treatmentB}`)).toEqual(['A-B', 'A-C', 'B-C']);
    expect(or.differences.map((d) => d.estimate)).toEqual([0, 0.375, 0.375]); // means 0.875, 0.875, 0.5
    expect(or.differences.map((d) => d.df)).toEqual([or.test?.ddf, or.test?.ddf, or.test?.ddf]);
    expect(new Set(or.differences.map((d) => d.se)).size).toBe(1);
    expect(or.test?.p).toBeGreaterThan(0);
    expect(or.test?.p).toBeLessThanOrEqual(1);
  });
});

describe('degenerate studies say why instead of returning NaN', () => {
  /** Paths of every NaN in a result (JSON.stringify would print NaN as null and hide it). */
  const nanPaths = (v: unknown, path = ''): string[] =>
    typeof v === 'number'
      ? Number.isNaN(v)
        ? [path]
        : []
      : v !== null && typeof v === 'object'
        ? Object.entries(v).flatMap(([k, x]) => nanPaths(x, `${path}.${k}`))
        : [];
  const noNaN = (v: unknown): void => expect(nanPaths(v)).toEqual([]);

  it('(the NaN finder finds NaN)', () => {
    expect(nanPaths({ a: [1, NaN], b: { c: NaN } })).toEqual(['.a.1', '.b.c']);
  });

  it('one reader, one treatment: the AUC, and a sentence that a CI across readers needs 2+ readers', () => {
    const or = orAnalysis({ ...HAND, treatments: ['A'], readers: ['r1'], ratings: [[X]] });
    const t = or.perTreatment[0];
    expect(t?.auc).toBe(0.75);
    expect([t?.se, t?.df, t?.ci95]).toEqual([null, null, null]);
    expect(t?.unavailable).toBe('a confidence interval across readers needs 2 or more readers; this study has 1');
    expect(or.varianceComponents).toEqual({ var: expect.closeTo(3 / 16, 15), cov1: null, cov2: null, cov3: null });
    expect(or.meanSquares).toEqual({ msT: null, msR: null, msTR: null });
    expect(or.test).toBeNull();
    expect(or.testUnavailable).toMatch(/2 or more treatments; this study has 1/);
    noNaN(or);
  });

  it('one reader, two treatments: the difference, and a sentence instead of the test', () => {
    const or = orAnalysis({ ...HAND, readers: ['r1'], ratings: [[X], [P]] });
    expect(or.differences[0]?.estimate).toBe(-0.25);
    expect(or.differences[0]?.ci95).toBeNull();
    expect(or.test).toBeNull();
    expect(or.testUnavailable).toBe('a treatment comparison that generalises to other readers needs 2 or more readers; this study has 1');
    noNaN(or);
  });

  it('readers who all agree exactly: MS(R) = 0, so df is infinite and the interval is a normal one', () => {
    const or = orAnalysis({ ...HAND, treatments: ['A'], ratings: [[X, X]] });
    const t = or.perTreatment[0];
    expect(t?.msR).toBe(0);
    expect(t?.df).toBe(Infinity);
    expect(t?.se).toBeCloseTo(Math.sqrt(3 / 16), 12); // (0 + 2·Cov2)/2 with Cov2 = Var = 3/16
    expect(t?.ci95?.[1]).toBeCloseTo(0.75 + 1.959963984540054 * Math.sqrt(3 / 16), 12);
  });

  it('all readers perfect: no variability at all, and a sentence saying so', () => {
    const or = orAnalysis({ ...HAND, ratings: [[P, P], [P, P]] });
    expect(or.perTreatment.map((t) => t.auc)).toEqual([1, 1]);
    expect(or.perTreatment[0]?.ci95).toBeNull();
    expect(or.perTreatment[0]?.unavailable).toMatch(/no variability/);
    expect(or.test).toBeNull();
    expect(or.testUnavailable).toMatch(/no variability/);
    noNaN(or);
  });

  it('fewer than 2 cases of a class: a clear Error', () => {
    const study: ReaderStudy = { ...HAND, cases: [CASES[0], CASES[1], CASES[2], { id: 'n3', truth: 0 }] };
    expect(() => orAnalysis(study)).toThrow('jackknifeAucs: the jackknife needs at least 2 positive and 2 negative cases; the study has 1 and 3');
  });
});

describe('distributions (stdlib, with the infinite-df limits)', () => {
  it('t quantile with non-integer df, and the normal one at infinite df', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706204736174707, 9);
    expect(tQuantile(0.975, 12.74)).toBeCloseTo(2.16486, 4);
    expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 14);
    expect(tQuantile(0.975, 1e12)).toBeCloseTo(1.959963984540054, 10);
  });

  it('F upper tail, and chi-square/ndf at infinite ddf', () => {
    expect(fUpperTail(4.456318693, 1, 15.25967459)).toBeCloseTo(0.0516657, 6);
    expect(fUpperTail(6 / 2, 2, Infinity)).toBeCloseTo(Math.exp(-3), 14); // χ²₂ upper tail at 6
    expect(fUpperTail(0, 3, 10)).toBe(1);
    expect(() => fUpperTail(-1, 1, 1)).toThrow('fUpperTail: F must be ≥ 0, got -1');
  });
});

import { describe, expect, it } from 'vitest';
import {
  deLongVariance, estimateAuc, hanleyMcNeilSe, operatingPoints, placements, rocAnalysis, wilcoxonAuc, Z_95,
} from '../../../../src/domain/metrics/index.js';
import { createRng } from '../../../../src/domain/rng.js';
import { FIXTURE, fake, real } from './records.js';

const repeat = (counts: readonly number[]): number[] => counts.flatMap((c, i) => Array<number>(c).fill(i + 1));
const sampleVar = (v: readonly number[]): number => {
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  return v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1);
};

describe('empirical ROC on the hand-computed fixture', () => {
  // Answered fakes 6, 5, 4, 2 against answered reals 1, 1, 2, 3, 4, 5; the two time-outs are left out.
  const roc = rocAnalysis(FIXTURE);

  it('leaves time-outs out of the ROC and says how many', () => {
    expect(roc).toMatchObject({ nPositive: 4, nNegative: 6, excludedTimeOuts: 2 });
  });

  it('gives the operating point of every threshold, (0,0) to (1,1)', () => {
    expect(roc.points.map((p) => [p.threshold, p.fpf, p.tpf])).toEqual([
      [7, 0, 0], [6, 0, 1 / 4], [5, 1 / 6, 2 / 4], [4, 2 / 6, 3 / 4], [3, 3 / 6, 3 / 4], [2, 4 / 6, 1], [1, 1, 1],
    ]);
  });

  it('AUC = Wilcoxon–Mann–Whitney with ties counting one half: (6 + 5.5 + 4.5 + 2.5) / 24', () => {
    expect(roc.auc?.auc).toBeCloseTo(18.5 / 24, 12);
  });

  it('DeLong variance from hand-computed structural components', () => {
    const v10 = [6 / 6, 5.5 / 6, 4.5 / 6, 2.5 / 6]; // per fake: share of reals it outranks
    const v01 = [4 / 4, 4 / 4, 3.5 / 4, 3 / 4, 2.5 / 4, 1.5 / 4]; // per real: share of fakes outranking it
    const p = placements([6, 5, 4, 2], [1, 1, 2, 3, 4, 5]);
    expect(p?.perPositive).toEqual(v10);
    expect(p?.perNegative).toEqual(v01);
    const variance = sampleVar(v10) / 4 + sampleVar(v01) / 6; // = 0.0264468...
    expect(variance).toBeCloseTo(0.0264468, 6);
    expect(roc.auc?.seDeLong).toBeCloseTo(Math.sqrt(variance), 12);
    const a = 18.5 / 24;
    expect(roc.auc?.ci95?.[0]).toBeCloseTo(a - Z_95 * Math.sqrt(variance), 12);
    expect(roc.auc?.ci95?.[1]).toBe(1); // a + 1.96·SE = 1.09, clamped
  });

  it('smallest case by hand: fakes {2, 3}, reals {1, 2}: AUC 0.875, DeLong variance 0.03125', () => {
    const e = estimateAuc([2, 3], [1, 2]);
    expect(e?.auc).toBe(0.875);
    expect(e?.seDeLong).toBeCloseTo(Math.sqrt(0.03125), 12);
  });

  it('trapezoidal area under the operating points equals the Wilcoxon AUC', () => {
    const pts = roc.points;
    let area = 0;
    for (let i = 1; i < pts.length; i++) {
      const [a, b] = [pts[i - 1], pts[i]];
      if (a && b) area += ((b.fpf - a.fpf) * (a.tpf + b.tpf)) / 2;
    }
    expect(area).toBeCloseTo(roc.auc?.auc ?? NaN, 12);
  });
});

describe('degenerate cases', () => {
  it('no fakes or no real images: no curve, no AUC', () => {
    expect(rocAnalysis([real(1), real(3)])).toMatchObject({ nPositive: 0, points: [], auc: null });
    expect(rocAnalysis([fake(6), fake(null)])).toMatchObject({ nNegative: 0, excludedTimeOuts: 1, auc: null });
    expect(rocAnalysis([])).toMatchObject({ points: [], auc: null, excludedTimeOuts: 0 });
    expect(wilcoxonAuc([], [1])).toBeNull();
    expect(hanleyMcNeilSe(0.5, 0, 3)).toBeNull();
  });

  it('one case in a class: AUC defined, DeLong SE and CI null (a variance needs two values)', () => {
    const e = estimateAuc([5], [1, 2, 3]);
    expect(e).toMatchObject({ auc: 1, seDeLong: null, ci95: null });
    expect(e?.seHanleyMcNeil).not.toBeNull();
  });

  it('timed-out cases only: everything excluded', () => {
    expect(rocAnalysis([fake(null), real(null)])).toMatchObject({ excludedTimeOuts: 2, auc: null });
  });

  it('clamps the CI to [0, 1]', () => {
    const e = estimateAuc([6, 6, 6, 5, 1], [1, 1, 1, 1, 2]);
    expect(e?.ci95?.[1]).toBeLessThanOrEqual(1);
    const wide = estimateAuc([6, 1], [5, 1]);
    expect(wide?.ci95?.[0]).toBeGreaterThanOrEqual(0);
    expect(wide?.ci95?.[1]).toBeLessThanOrEqual(1);
  });

  it('operating points use custom thresholds when given', () => {
    expect(operatingPoints([2], [1], [2])).toEqual([{ threshold: 2, fpf: 0, tpf: 1 }]);
  });
});

describe('published worked example: Hanley & McNeil, Radiology 1982, Table 1', () => {
  // 109 CT images rated on a 5-point scale (1 definitely normal .. 5 definitely abnormal). Counts as we recall them:
  // normals 33/6/6/11/2 (58), abnormals 3/2/2/11/33 (51). The paper reports area 0.893 and SE 0.032. We could not
  // re-read the paper here, but these counts reproduce both published figures (AUC 2642/2958 = 0.8932, SE 0.0325),
  // which a mis-remembered table would be unlikely to do. DeLong is also checked independently below.
  const abnormals = repeat([3, 2, 2, 11, 33]);
  const normals = repeat([33, 6, 6, 11, 2]);
  const e = estimateAuc(abnormals, normals);

  it('AUC 0.893 (2642 of 2958 pairs)', () => {
    expect(e?.auc).toBeCloseTo(2642 / 2958, 12);
    expect(e?.auc.toFixed(3)).toBe('0.893');
  });

  it('Hanley–McNeil SE 0.032', () => {
    expect(e?.seHanleyMcNeil?.toFixed(3)).toBe('0.032');
  });

  it('DeLong SE is close to it (0.0307, computed with NumPy as a cross-check)', () => {
    expect(e?.seDeLong).toBeCloseTo(0.030724408379381, 10);
  });
});

describe('DeLong variance against independent computations', () => {
  it('equals the two-sample jackknife variance computed by brute force (random data with ties)', () => {
    const rng = createRng('delong-jackknife');
    for (let trial = 0; trial < 40; trial++) {
      const pos = Array.from({ length: 2 + rng.int(15) }, () => 1 + rng.int(6));
      const neg = Array.from({ length: 2 + rng.int(15) }, () => 1 + rng.int(6));
      const jackGroup = (group: number[], aucWithout: (i: number) => number): number => {
        const k = group.length;
        const vals = group.map((_, i) => aucWithout(i));
        const mean = vals.reduce((s, v) => s + v, 0) / k;
        return ((k - 1) / k) * vals.reduce((s, v) => s + (v - mean) ** 2, 0);
      };
      const drop = (a: number[], i: number): number[] => a.filter((_, j) => j !== i);
      const jack =
        jackGroup(pos, (i) => wilcoxonAuc(drop(pos, i), neg) as number) +
        jackGroup(neg, (i) => wilcoxonAuc(pos, drop(neg, i)) as number);
      const p = placements(pos, neg);
      expect(p && deLongVariance(p)).toBeCloseTo(jack, 12);
    }
  });

  it('under no discrimination, averages the exact null variance (m + n + 1) / (12mn) (Monte Carlo)', () => {
    // With continuous scores and no difference between classes, Var(AUC) = (m + n + 1) / (12 m n) exactly
    // (Mann & Whitney 1947). DeLong's estimate should average close to it, and the simulated AUCs should vary by it.
    const rng = createRng('delong-null');
    const [m, n, reps] = [25, 35, 3000];
    const exact = (m + n + 1) / (12 * m * n);
    let sumVar = 0;
    const aucs: number[] = [];
    for (let r = 0; r < reps; r++) {
      const p = placements(
        Array.from({ length: m }, () => rng.normal()),
        Array.from({ length: n }, () => rng.normal()),
      );
      if (!p) throw new Error('unreachable');
      sumVar += deLongVariance(p) as number;
      aucs.push(p.auc);
    }
    expect(Math.abs(sumVar / reps / exact - 1)).toBeLessThan(0.05);
    expect(Math.abs(sampleVar(aucs) / exact - 1)).toBeLessThan(0.1);
  });
});

import { placements } from '../metrics/auc.js';
import type { ReaderStudy } from './reader-study.js';

/**
 * Empirical AUCs of every treatment × reader and their leave-one-case-out (jackknife) values, the raw material of
 * the Obuchowski–Rockette covariances. Hand-written because no JavaScript library does MRMC analysis; the AUC
 * itself comes from metrics/auc.ts (Wilcoxon–Mann–Whitney with ties ½, via DeLong's placements).
 *
 * Dropping case k changes only the pairs it takes part in. With S = n₊n₋·AUC the sum of ψ over all pairs and the
 * placements V10 (per positive) and V01 (per negative) of DeLong et al. (Biometrics 1988):
 *   drop positive p:  AUC₍ₖ₎ = (S − n₋·V10ₚ) / ((n₊ − 1)·n₋)
 *   drop negative q:  AUC₍ₖ₎ = (S − n₊·V01_q) / (n₊·(n₋ − 1))
 * which is the same number as recomputing the Wilcoxon statistic without the case, in O(1) per case.
 */
export interface AucJackknife {
  /** aucs[i][j]: treatment i, reader j. */
  readonly aucs: readonly (readonly number[])[];
  /** loo[i][j][k]: the AUC of treatment i, reader j without case k (all K cases, both classes). */
  readonly loo: readonly (readonly number[])[][];
}

export function jackknifeAucs(study: ReaderStudy): AucJackknife {
  const positiveIndex: number[] = [];
  const negativeIndex: number[] = [];
  study.cases.forEach((c, k) => (c.truth === 1 ? positiveIndex : negativeIndex).push(k));
  const m = positiveIndex.length;
  const n = negativeIndex.length;
  if (m < 2 || n < 2) {
    throw new Error(`jackknifeAucs: the jackknife needs at least 2 positive and 2 negative cases; the study has ${m} and ${n}`);
  }
  const aucs: number[][] = [];
  const loo: number[][][] = [];
  for (const byReader of study.ratings) {
    const aucRow: number[] = [];
    const looRow: number[][] = [];
    for (const r of byReader) {
      const p = placements(
        positiveIndex.map((k) => r[k] as number),
        negativeIndex.map((k) => r[k] as number),
      );
      if (p === null) throw new Error('jackknifeAucs: a class is empty'); // unreachable after the check above
      const s = p.auc * m * n;
      const out = new Array<number>(study.cases.length);
      positiveIndex.forEach((k, a) => (out[k] = (s - n * (p.perPositive[a] as number)) / ((m - 1) * n)));
      negativeIndex.forEach((k, b) => (out[k] = (s - m * (p.perNegative[b] as number)) / (m * (n - 1))));
      aucRow.push(p.auc);
      looRow.push(out);
    }
    aucs.push(aucRow);
    loo.push(looRow);
  }
  return { aucs, loo };
}

const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / v.length;

/**
 * Jackknife covariance of two statistics from their leave-one-out values over the same K cases:
 * ((K − 1)/K) Σₖ (aₖ − ā)(bₖ − b̄) (Efron 1982; Hillis, Obuchowski & Berbaum, Acad Radiol 2008, 15:647–661,
 * used by RJafroc's varComponentsJackknife as cov() × (K − 1)²/K).
 */
export function jackknifeCovariance(a: readonly number[], b: readonly number[]): number {
  const K = a.length;
  const ma = mean(a);
  const mb = mean(b);
  let s = 0;
  for (let k = 0; k < K; k++) s += ((a[k] as number) - ma) * ((b[k] as number) - mb);
  return ((K - 1) / K) * s;
}

import { Z_95 } from './normal-quantile.js';

/**
 * Area under the empirical ROC curve and its uncertainty, on plain scores (higher = more suspicious of "fake").
 * Works for any ordered scores, including −Infinity (used for "unmarked" in JAFROC, see localisation.ts).
 */

/**
 * Kernel of the Wilcoxon–Mann–Whitney statistic: 1 if the positive (fake) outranks the negative (real), ½ for a tie,
 * 0 otherwise (Hanley & McNeil, Radiology 1982; metrics/README.md). −∞ ties −∞.
 */
export const psi = (negative: number, positive: number): number =>
  positive > negative ? 1 : positive === negative ? 0.5 : 0;

export interface Placements {
  /** (1/(n₊n₋)) ΣΣ ψ: the empirical AUC. */
  readonly auc: number;
  /** DeLong's V10: for each positive, the fraction of negatives it outranks (ties ½). */
  readonly perPositive: readonly number[];
  /** DeLong's V01: for each negative, the fraction of positives that outrank it (ties ½). */
  readonly perNegative: readonly number[];
}

/**
 * Structural components of DeLong, DeLong & Clarke-Pearson (Biometrics 1988, 44:837–845), which average to the
 * AUC from either side. O(n₊·n₋), fine for a game's few hundred cases. Null when a class is empty.
 */
export function placements(positives: readonly number[], negatives: readonly number[]): Placements | null {
  const m = positives.length;
  const n = negatives.length;
  if (m === 0 || n === 0) return null;
  const perPositive = new Array<number>(m).fill(0);
  const perNegative = new Array<number>(n).fill(0);
  let total = 0;
  positives.forEach((y, j) => {
    negatives.forEach((x, i) => {
      const s = psi(x, y);
      perPositive[j] = (perPositive[j] as number) + s;
      perNegative[i] = (perNegative[i] as number) + s;
      total += s;
    });
  });
  return {
    auc: total / (m * n),
    perPositive: perPositive.map((s) => s / n),
    perNegative: perNegative.map((s) => s / m),
  };
}

/** Empirical AUC as the Wilcoxon–Mann–Whitney statistic; null when either class is empty. */
export const wilcoxonAuc = (positives: readonly number[], negatives: readonly number[]): number | null =>
  placements(positives, negatives)?.auc ?? null;

/** Unbiased sample variance of values whose mean is known. */
const sampleVariance = (values: readonly number[], mean: number): number =>
  values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);

/**
 * DeLong's variance of the empirical AUC: S10/n₊ + S01/n₋, where S10 and S01 are the sample variances of the
 * structural components (DeLong et al. 1988, eq. 4 restricted to one reader). It equals the two-sample jackknife
 * variance exactly. Null unless each class has at least two cases (a sample variance needs two values).
 */
export function deLongVariance(p: Placements): number | null {
  const m = p.perPositive.length;
  const n = p.perNegative.length;
  if (m < 2 || n < 2) return null;
  return sampleVariance(p.perPositive, p.auc) / m + sampleVariance(p.perNegative, p.auc) / n;
}

/**
 * Hanley & McNeil (Radiology 1982, 143:29–36, Table 2 formula) standard error:
 * SE² = [A(1−A) + (n₊−1)(Q1−A²) + (n₋−1)(Q2−A²)] / (n₊n₋), Q1 = A/(2−A), Q2 = 2A²/(1+A).
 * Q1 and Q2 assume exponential-like score distributions and ignore ties, so this is an approximation; kept for
 * comparison with older literature and for the worked example. Null when a class is empty.
 */
export function hanleyMcNeilSe(auc: number, nPositive: number, nNegative: number): number | null {
  if (nPositive < 1 || nNegative < 1) return null;
  const a2 = auc * auc;
  const q1 = auc / (2 - auc);
  const q2 = (2 * a2) / (1 + auc);
  const v = (auc * (1 - auc) + (nPositive - 1) * (q1 - a2) + (nNegative - 1) * (q2 - a2)) / (nPositive * nNegative);
  return Math.sqrt(Math.max(0, v));
}

export interface AucEstimate {
  readonly auc: number;
  readonly nPositive: number;
  readonly nNegative: number;
  /** DeLong standard error; null with fewer than two cases in a class. */
  readonly seDeLong: number | null;
  /**
   * 95% Wald interval AUC ± z(0.975)·SE_DeLong, clamped to [0, 1]. This is the interval the UI should show:
   * DeLong's estimate is nonparametric and handles the heavy ties of a six-point scale, while Hanley–McNeil
   * assumes a distribution shape. Null when the DeLong SE is null or 0 (a perfect or fully tied reader): a
   * zero-width interval would claim certainty the sample cannot give, so the UI says it is too small to judge.
   */
  readonly ci95: readonly [number, number] | null;
  /** Hanley–McNeil standard error, for comparison only. */
  readonly seHanleyMcNeil: number | null;
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** AUC with DeLong SE and CI and the Hanley–McNeil SE; null when either class is empty. */
export function estimateAuc(positives: readonly number[], negatives: readonly number[]): AucEstimate | null {
  const p = placements(positives, negatives);
  if (p === null) return null;
  const variance = deLongVariance(p);
  const se = variance === null ? null : Math.sqrt(variance);
  return {
    auc: p.auc,
    nPositive: positives.length,
    nNegative: negatives.length,
    seDeLong: se,
    ci95: se === null || se === 0 ? null : [clamp01(p.auc - Z_95 * se), clamp01(p.auc + Z_95 * se)],
    seHanleyMcNeil: hanleyMcNeilSe(p.auc, positives.length, negatives.length),
  };
}

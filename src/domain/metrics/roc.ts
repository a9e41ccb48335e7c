import type { CaseRecord } from '../session.js';
import { RATINGS } from '../types.js';
import { estimateAuc, type AucEstimate } from './auc.js';
import { isAnswered, isPositive } from './outcomes.js';

/**
 * Empirical ROC from the six-point ratings (metrics/README.md).
 *
 * Time-outs are EXCLUDED from the ROC (and from calibration, Brier and JAFROC) and their number is reported.
 * Why: a ROC curve orders cases by the reader's stated confidence, and a time-out states none. Placing it at the
 * least informative point of the scale (between 3 and 4) would invent a confidence and would credit the reader with
 * half a correct ordering against every other case; placing it at either end would invent a wrong one. The reader
 * report (report.ts) leaves them out of the binary figures too, counts them apart and the game scores each below any
 * answer; `excludedTimeOuts` lets the UI say "AUC from 18 of 20 cases".
 */

export interface OperatingPoint {
  /** Call "fake" when rating ≥ threshold: 7 calls nothing fake (0, 0); 1 calls everything fake (1, 1). */
  readonly threshold: number;
  /** False-positive fraction: real images called fake, 1 − specificity. */
  readonly fpf: number;
  /** True-positive fraction: fakes called fake, the sensitivity. */
  readonly tpf: number;
}

export interface RocAnalysis {
  readonly nPositive: number;
  readonly nNegative: number;
  readonly excludedTimeOuts: number;
  /** Thresholds 7 down to 1, so FPF and TPF rise along the list; empty when a class is empty. */
  readonly points: readonly OperatingPoint[];
  /** Null when there are no answered fakes or no answered real images. */
  readonly auc: AucEstimate | null;
}

/** The empirical operating points of ordinal scores at thresholds `thresholds` (call fake when score ≥ t). */
export function operatingPoints(
  positives: readonly number[],
  negatives: readonly number[],
  thresholds: readonly number[] = [7, ...[...RATINGS].reverse()],
): OperatingPoint[] {
  if (positives.length === 0 || negatives.length === 0) return [];
  return thresholds.map((t) => ({
    threshold: t,
    fpf: negatives.filter((x) => x >= t).length / negatives.length,
    tpf: positives.filter((y) => y >= t).length / positives.length,
  }));
}

/** Ratings of answered fakes and answered real images, plus the number of time-outs left out. */
export function ratingsByClass(records: readonly CaseRecord[]): {
  positives: number[];
  negatives: number[];
  excludedTimeOuts: number;
} {
  const answered = records.filter(isAnswered);
  return {
    positives: answered.filter(isPositive).map((r) => r.rating),
    negatives: answered.filter((r) => !isPositive(r)).map((r) => r.rating),
    excludedTimeOuts: records.length - answered.length,
  };
}

export function rocAnalysis(records: readonly CaseRecord[]): RocAnalysis {
  const { positives, negatives, excludedTimeOuts } = ratingsByClass(records);
  return {
    nPositive: positives.length,
    nNegative: negatives.length,
    excludedTimeOuts,
    points: operatingPoints(positives, negatives),
    auc: estimateAuc(positives, negatives),
  };
}

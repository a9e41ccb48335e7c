import type { CaseRecord } from '../session.js';
import { hasCall, isPositive, ratio, saidFake } from './outcomes.js';

/**
 * Binary (fake / real call) metrics, formulas from metrics/README.md.
 * A time-out given here counts as a wrong call (the reader report passes only answered records). Every rate is null
 * when its denominator is empty.
 */
export interface BinaryMetrics {
  readonly n: number;
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
  readonly timedOut: number;
  /** (TP+TN)/N */
  readonly accuracy: number | null;
  /** TP/(TP+FN), the true-positive fraction (hit rate). */
  readonly sensitivity: number | null;
  /** TN/(TN+FP) */
  readonly specificity: number | null;
  /** (Se+Sp)/2 */
  readonly balancedAccuracy: number | null;
  /** TP/(TP+FP), valid only at `prevalence`. */
  readonly ppv: number | null;
  /** TN/(TN+FN), valid only at `prevalence`. */
  readonly npv: number | null;
  /** Share of fakes in these records, (TP+FN)/N: the prevalence PPV and NPV were computed at. */
  readonly prevalence: number | null;
  /** Youden's J = Se + Sp − 1 (Youden, Cancer 1950). */
  readonly youdenJ: number | null;
}

export function binaryMetrics(records: readonly CaseRecord[]): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const r of records) {
    const fake = isPositive(r);
    const call = saidFake(r);
    if (fake && call) tp++;
    else if (fake) fn++;
    else if (call) fp++;
    else tn++;
  }
  const n = records.length;
  const sensitivity = ratio(tp, tp + fn);
  const specificity = ratio(tn, tn + fp);
  return {
    n,
    tp,
    fp,
    tn,
    fn,
    timedOut: records.filter((r) => !hasCall(r)).length,
    accuracy: ratio(tp + tn, n),
    sensitivity,
    specificity,
    balancedAccuracy: sensitivity === null || specificity === null ? null : (sensitivity + specificity) / 2,
    ppv: ratio(tp, tp + fp),
    npv: ratio(tn, tn + fn),
    prevalence: ratio(tp + fn, n),
    youdenJ: youdenJ(sensitivity, specificity),
  };
}

export function youdenJ(se: number | null, sp: number | null): number | null {
  return se === null || sp === null ? null : se + sp - 1;
}

function checkUnit(fn: string, name: string, v: number): void {
  if (!(v >= 0 && v <= 1)) throw new Error(`${fn}: ${name} must be in [0, 1], got ${v}`);
}

/**
 * PPV at another prevalence by Bayes' theorem: P(fake | called fake) = Se·π / (Se·π + (1 − Sp)(1 − π)).
 * The game deals about half fakes, so its own PPV says little about a clinical setting where fakes are rare.
 * Null when nothing would be called fake (the denominator is 0).
 */
export function ppvAt(prevalence: number, se: number, sp: number): number | null {
  checkUnit('ppvAt', 'prevalence', prevalence);
  checkUnit('ppvAt', 'se', se);
  checkUnit('ppvAt', 'sp', sp);
  return ratio(se * prevalence, se * prevalence + (1 - sp) * (1 - prevalence));
}

/** NPV at another prevalence by Bayes: Sp·(1 − π) / (Sp·(1 − π) + (1 − Se)·π). Null when nothing is called real. */
export function npvAt(prevalence: number, se: number, sp: number): number | null {
  checkUnit('npvAt', 'prevalence', prevalence);
  checkUnit('npvAt', 'se', se);
  checkUnit('npvAt', 'sp', sp);
  return ratio(sp * (1 - prevalence), sp * (1 - prevalence) + (1 - se) * prevalence);
}

import type { CaseRecord } from '../session.js';
import { binaryMetrics } from './binary.js';
import { normalQuantile } from './normal-quantile.js';

/**
 * Equal-variance Gaussian signal detection (Green & Swets 1966; Macmillan & Creelman, "Detection Theory: A User's
 * Guide", 2nd ed. 2005, ch. 1–2), as in metrics/README.md:
 *   d′ = z(H) − z(F)           separation of fakes from real images, in standard deviations, free of bias;
 *   c  = −½ [z(H) + z(F)]      response bias: c < 0 liberal (many "fake" calls), c > 0 conservative.
 * H = hit rate (fakes called fake), F = false-alarm rate (real images called fake), from the records given (the
 * reader report gives only the answered ones).
 * Rates of 0 or 1 would give infinite z, so they are replaced by 1/(2n) and 1 − 1/(2n) (Macmillan & Kaplan,
 * Psychol Bull 1985), n being the number of fakes (for H) or real images (for F). When every answer is the same call
 * (no fake calls at all, or only fake calls) the data say nothing about separation, and with unequal classes the
 * correction alone would make a d′ (a drill's 2 fakes in 40 films, no flags: d′ 1.55); d′ is then not estimable (null).
 */
export interface SignalDetection {
  readonly hitRate: number;
  readonly falseAlarmRate: number;
  /** The rates actually used after the 1/(2n) correction. */
  readonly hitRateUsed: number;
  readonly falseAlarmRateUsed: number;
  readonly corrected: boolean;
  readonly dPrime: number;
  readonly criterion: number;
}

/** Replace a rate of 0 or 1 by 1/(2n) or 1 − 1/(2n). */
export function correctExtremeRate(rate: number, n: number): number {
  if (rate <= 0) return 1 / (2 * n);
  if (rate >= 1) return 1 - 1 / (2 * n);
  return rate;
}

/** d′ and c from counts; null when there are no fakes or no real images, or every call was the same. */
export function signalDetection(
  hits: number,
  nPositive: number,
  falseAlarms: number,
  nNegative: number,
): SignalDetection | null {
  if (nPositive === 0 || nNegative === 0) return null;
  if (hits < 0 || hits > nPositive || falseAlarms < 0 || falseAlarms > nNegative) {
    throw new Error(`signalDetection: counts out of range (${hits}/${nPositive}, ${falseAlarms}/${nNegative})`);
  }
  if ((hits === 0 && falseAlarms === 0) || (hits === nPositive && falseAlarms === nNegative)) return null;
  const hitRate = hits / nPositive;
  const falseAlarmRate = falseAlarms / nNegative;
  const h = correctExtremeRate(hitRate, nPositive);
  const f = correctExtremeRate(falseAlarmRate, nNegative);
  const zh = normalQuantile(h);
  const zf = normalQuantile(f);
  return {
    hitRate,
    falseAlarmRate,
    hitRateUsed: h,
    falseAlarmRateUsed: f,
    corrected: h !== hitRate || f !== falseAlarmRate,
    dPrime: zh - zf,
    criterion: -0.5 * (zh + zf),
  };
}

export function signalDetectionOf(records: readonly CaseRecord[]): SignalDetection | null {
  const b = binaryMetrics(records);
  return signalDetection(b.tp, b.tp + b.fn, b.fp, b.fp + b.tn);
}

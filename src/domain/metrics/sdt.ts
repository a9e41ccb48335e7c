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
 * Nor is it with a single fake or a single real image: that one rate is 0 or 1, and 1/(2·1) moves either to 0.5, so
 * d′ would be the same whether that case was right or wrong (a drill's one fake, caught or missed), and a perfect
 * round of one fake and one real image would read d′ = 0, "no separation", beside 100% accuracy and AUC 1.00. The correction itself is unchanged; d′ waits for MIN_CLASS_FOR_DPRIME of each class.
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

/**
 * Fewest answered fakes, and fewest answered real images, before d′ is given. With 2 the corrected rates are 0.25 and
 * 0.75 at most, no longer chance; the figure is still rough, and the words say when it rests on a corrected rate.
 */
export const MIN_CLASS_FOR_DPRIME = 2;

/** Why d′ is not given for these counts, or null when it is. */
export type DPrimeWithheld = 'no-fakes-or-no-reals' | 'too-few' | 'one-kind-of-call';

export function dPrimeWithheld(hits: number, nPositive: number, falseAlarms: number, nNegative: number): DPrimeWithheld | null {
  if (nPositive === 0 || nNegative === 0) return 'no-fakes-or-no-reals';
  if (nPositive < MIN_CLASS_FOR_DPRIME || nNegative < MIN_CLASS_FOR_DPRIME) return 'too-few';
  if ((hits === 0 && falseAlarms === 0) || (hits === nPositive && falseAlarms === nNegative)) return 'one-kind-of-call';
  return null;
}

/** Replace a rate of 0 or 1 by 1/(2n) or 1 − 1/(2n). */
export function correctExtremeRate(rate: number, n: number): number {
  if (rate <= 0) return 1 / (2 * n);
  if (rate >= 1) return 1 - 1 / (2 * n);
  return rate;
}

/** d′ and c from counts; null when `dPrimeWithheld` gives a reason. */
export function signalDetection(
  hits: number,
  nPositive: number,
  falseAlarms: number,
  nNegative: number,
): SignalDetection | null {
  if (hits < 0 || hits > nPositive || falseAlarms < 0 || falseAlarms > nNegative) {
    throw new Error(`signalDetection: counts out of range (${hits}/${nPositive}, ${falseAlarms}/${nNegative})`);
  }
  if (dPrimeWithheld(hits, nPositive, falseAlarms, nNegative) !== null) return null;
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

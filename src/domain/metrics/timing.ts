import type { CaseRecord } from '../session.js';
import { hasCall } from './outcomes.js';

/**
 * Decision time over answered cases (time-outs would all sit at the limit and are counted separately).
 * Quartiles by linear interpolation between order statistics, Hyndman & Fan (Am Stat 1996) type 7, the default
 * of R and NumPy; the median is the usual one.
 */
export interface DecisionTimes {
  readonly answered: number;
  readonly timedOut: number;
  readonly medianMs: number | null;
  readonly q1Ms: number | null;
  readonly q3Ms: number | null;
  /** q3 − q1 */
  readonly iqrMs: number | null;
}

/** Type-7 quantile of ascending-sorted values; null when empty. */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new Error(`quantileSorted: p must be in [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

export function decisionTimes(records: readonly CaseRecord[]): DecisionTimes {
  const times = records
    .filter(hasCall)
    .map((r) => r.timeMs)
    .sort((a, b) => a - b);
  const q1 = quantileSorted(times, 0.25);
  const q3 = quantileSorted(times, 0.75);
  return {
    answered: times.length,
    timedOut: records.length - times.length,
    medianMs: quantileSorted(times, 0.5),
    q1Ms: q1,
    q3Ms: q3,
    iqrMs: q1 === null || q3 === null ? null : q3 - q1,
  };
}

import { RATING_PROBABILITY } from '../scoring.js';
import type { CaseRecord } from '../session.js';
import { RATINGS, type Rating } from '../types.js';
import { isAnswered, isPositive, ratio } from './outcomes.js';

/**
 * Calibration of the stated probabilities. Each rating states a probability that the image is fake
 * (RATING_PROBABILITY in scoring.ts). Brier score = mean (p − y)², y = 1 for a fake (Brier, Monthly Weather Review
 * 1950; metrics/README.md). Time-outs state no probability and are left out, with their number
 * reported (see roc.ts for the reasoning); the game's points already charge them TIMEOUT_POINTS.
 */
export interface CalibrationRow {
  readonly rating: Rating;
  /** The probability of "fake" this rating states. */
  readonly stated: number;
  readonly n: number;
  readonly fakes: number;
  /** Observed fraction of fakes among cases given this rating; null when the rating was never used. */
  readonly observed: number | null;
}

export interface Calibration {
  /** 0 is perfect; always answering 50/50 would score 0.25. Null with no answered case. */
  readonly brier: number | null;
  readonly rows: readonly CalibrationRow[];
  readonly excludedTimeOuts: number;
}

export function brierScore(records: readonly CaseRecord[]): number | null {
  const answered = records.filter(isAnswered);
  const sum = answered.reduce((s, r) => s + (RATING_PROBABILITY[r.rating] - (isPositive(r) ? 1 : 0)) ** 2, 0);
  return ratio(sum, answered.length);
}

export function calibration(records: readonly CaseRecord[]): Calibration {
  const answered = records.filter(isAnswered);
  const rows = RATINGS.map((rating): CalibrationRow => {
    const at = answered.filter((r) => r.rating === rating);
    const fakes = at.filter(isPositive).length;
    return { rating, stated: RATING_PROBABILITY[rating], n: at.length, fakes, observed: ratio(fakes, at.length) };
  });
  return { brier: brierScore(records), rows, excludedTimeOuts: records.length - answered.length };
}

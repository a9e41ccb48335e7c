import type { CaseRecord } from '../session.js';
import { isFake } from '../tells.js';
import { callsFake, type Rating } from '../types.js';

/**
 * Shared conventions for every metric in this folder (shared/design/artifacts.md section 4):
 * - positive class = synthetic or tampered (`truth.kind !== 'authentic'`, i.e. `isFake`);
 * - a rating of 4 or more is a "fake" call (`callsFake`);
 * - a time-out (rating null) is a wrong call in the binary metrics: a missed fake, or a real image not cleared
 *   (the same rule as summary.ts). Rating-based metrics (ROC, calibration, Brier, JAFROC) leave time-outs out and
 *   report how many they left out; see roc.ts for why.
 */

export const isPositive = (r: CaseRecord): boolean => isFake(r.truth);

/** The binary call, with a time-out counted as the wrong call. */
export const saidFake = (r: CaseRecord): boolean => (r.rating === null ? !isPositive(r) : callsFake(r.rating));

export interface AnsweredRecord extends CaseRecord {
  readonly rating: Rating;
}

export const isAnswered = (r: CaseRecord): r is AnsweredRecord => r.rating !== null;

/** a / b, or null when the denominator is empty (shown as "n/a", never as 0). */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

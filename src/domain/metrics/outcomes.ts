import type { CaseRecord } from '../session.js';
import { isFake } from '../tells.js';
import { calledFake } from '../readiness/answer.js';
import type { Rating } from '../types.js';

/**
 * Shared conventions for every metric in this folder (metrics/README.md):
 * - positive class = synthetic or tampered (`truth.kind !== 'authentic'`, i.e. `isFake`);
 * - a rating of 4 or more is a "fake" call (`callsFake`);
 * - a time-out (rating null) states no belief: the reader report (report.ts) and the summary (summary.ts) leave
 *   time-outs out of every figure and count them apart. Functions here that are given time-outs treat one as the
 *   wrong call (`saidFake`), which only callers that want that rule (the scoring of a single case) rely on.
 */

export const isPositive = (r: CaseRecord): boolean => isFake(r.truth);

/** The binary call, with a time-out counted as the wrong call. */
export const saidFake = (r: CaseRecord): boolean => {
  // A rating's call, or a read-and-flag answer's flag (readiness drills).
  const call = calledFake(r);
  return call === null ? !isPositive(r) : call;
};

export interface AnsweredRecord extends CaseRecord {
  readonly rating: Rating;
}

export const isAnswered = (r: CaseRecord): r is AnsweredRecord => r.rating !== null;

/**
 * Whether the record makes a call: a rating, or a read-and-flag answer (the unprompted drill, which has no rating).
 * The yes/no figures and decision times count these; the ROC, calibration and localisation need a rating.
 */
export const hasCall = (r: CaseRecord): boolean => calledFake(r) !== null;

/** a / b, or null when the denominator is empty (shown as "n/a", never as 0). */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

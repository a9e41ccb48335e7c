import { calledFake } from './readiness/answer.js';
import { isFake } from './tells.js';
import type { CaseRecord } from './session.js';

/**
 * Round and session figures. Positive class = synthetic or tampered (metrics/README.md).
 * Accuracy, sensitivity and specificity are over the answered cases, the same cases the reader report's AUC and d'
 * use; time-outs are counted apart (they still cost points). Rates with an empty denominator are null, shown as
 * "n/a", never as 0.
 */
export interface Summary {
  readonly cases: number;
  readonly answered: number;
  readonly points: number;
  readonly correct: number;
  readonly accuracy: number | null;
  readonly sensitivity: number | null;
  readonly specificity: number | null;
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
  readonly timedOut: number;
  readonly localised: number;
  readonly medianTimeMs: number | null;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function summarise(records: readonly CaseRecord[]): Summary {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const r of records) {
    // The call of a rating or of a read-and-flag answer; a time-out makes none and is counted apart.
    const saidFake = calledFake(r);
    if (saidFake === null) continue;
    const fake = isFake(r.truth);
    if (fake && saidFake) tp++;
    else if (fake) fn++;
    else if (saidFake) fp++;
    else tn++;
  }
  const answered = tp + fp + tn + fn;
  const times = records.filter((r) => !r.timedOut).map((r) => r.timeMs).sort((a, b) => a - b);
  const mid = times.length >> 1;
  const medianTimeMs =
    times.length === 0 ? null : times.length % 2 ? (times[mid] as number) : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
  return {
    cases: records.length,
    answered,
    points: records.reduce((s, r) => s + r.score.total, 0),
    correct: tp + tn,
    accuracy: ratio(tp + tn, answered),
    sensitivity: ratio(tp, tp + fn),
    specificity: ratio(tn, tn + fp),
    tp, fp, tn, fn,
    timedOut: records.length - answered,
    localised: records.filter((r) => r.score.localised).length,
    medianTimeMs,
  };
}

export const formatRate = (r: number | null): string => (r === null ? 'n/a' : `${Math.round(r * 100)}%`);

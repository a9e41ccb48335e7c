import { estimateAuc, type AucEstimate } from '../metrics/auc.js';
import { binaryMetrics } from '../metrics/binary.js';
import { brierScore } from '../metrics/calibration.js';
import { isAnswered, ratio } from '../metrics/outcomes.js';
import { ratingsByClass } from '../metrics/roc.js';
import { signalDetectionOf } from '../metrics/sdt.js';
import { decisionTimes } from '../metrics/timing.js';
import { callsFake } from '../types.js';
import { asCaseRecord, completeCaseStudy, validateCohort, type CohortReader } from './cohort-input.js';
import { countByTruth } from './reader-study.js';
import { orAnalysis, type OrAnalysis } from './obuchowski-rockette.js';

/**
 * The instructor's debrief of one training session read by several residents: each reader's figures, the group's
 * reader-averaged AUC with its Obuchowski–Rockette interval, and the cases that fooled the most readers.
 * Every figure comes from metrics/ (formulas in metrics/README.md) or from orAnalysis; this file
 * only arranges them. As in the reader's own report (metrics/report.ts), every figure comes from the answered
 * cases, so a reader and the instructor see the same accuracy and d′; time-outs state no belief and are counted
 * apart.
 *
 * Malformed input throws (validateCohort); too little data gives nulls and a sentence saying why.
 */

export interface ReaderFigures {
  readonly readerId: string;
  readonly cases: number;
  readonly fakes: number;
  readonly timedOut: number;
  readonly accuracy: number | null;
  readonly sensitivity: number | null;
  readonly specificity: number | null;
  /** Empirical AUC with DeLong SE and 95% CI (metrics/auc.ts), from answered cases only. */
  readonly auc: AucEstimate | null;
  /** d′ and c (metrics/sdt.ts; rates of 0 or 1 corrected by 1/(2n); null below 2 answered of a class or one kind of call). */
  readonly dPrime: number | null;
  /** Whether d′ rests on a rate of 0 or 1 moved by the correction: rough with few cases, and the table says so. */
  readonly dPrimeCorrected: boolean;
  readonly criterion: number | null;
  readonly brier: number | null;
  /** Time-outs left out of the AUC and the Brier score (they state no confidence). */
  readonly leftOutOfAucAndBrier: number;
  /**
   * Localised fakes over the answered fakes with a tell that has a place on the image (as the reader's own report
   * counts them, metrics/localisation.ts); null when there is none.
   */
  readonly localisedShareOfFakes: number | null;
  /** Median decision time of answered cases. */
  readonly medianTimeMs: number | null;
}

export interface GroupFigures {
  readonly readers: number;
  /** The cases every reader answered: the OR analysis needs each reader's rating of each case. */
  readonly casesUsed: number;
  readonly casesLeftOut: readonly string[];
  /** Reader-averaged AUC over `casesUsed` (so it can differ from the mean of the readers' own AUCs). */
  readonly meanAuc: number | null;
  readonly se: number | null;
  /** Hillis's degrees of freedom for the single-treatment OR interval. */
  readonly df: number | null;
  readonly ci95: readonly [number, number] | null;
  /** Why the interval (or the whole figure) is missing; null when it is given. */
  readonly unavailable: string | null;
  readonly analysis: OrAnalysis | null;
}

export interface CaseFooling {
  readonly caseId: string;
  readonly truth: 'fake' | 'authentic';
  /** Readers who were shown the case, answered it, were fooled by it (a fake called real or a real called fake). */
  readonly readers: number;
  readonly answered: number;
  readonly fooled: number;
  readonly timedOut: number;
  /** fooled / answered: a time-out is a wrong call for a reader's score but says nothing about the case. */
  readonly fooledShare: number | null;
}

export interface CohortFigures {
  readonly readers: readonly ReaderFigures[];
  readonly group: GroupFigures;
  /** Most-fooling first. */
  readonly cases: readonly CaseFooling[];
}

export function readerFigures(reader: CohortReader): ReaderFigures {
  validateCohort([reader], 'readerFigures');
  const records = reader.readings.map(asCaseRecord);
  const answered = records.filter(isAnswered);
  const binary = binaryMetrics(answered);
  const { positives, negatives, excludedTimeOuts } = ratingsByClass(records);
  const sdt = signalDetectionOf(answered);
  const fakes = reader.readings.filter((x) => x.truth === 'fake');
  const localisable = fakes.filter((x) => x.rating !== null && x.localisable !== false);
  return {
    readerId: reader.readerId,
    cases: records.length,
    fakes: fakes.length,
    timedOut: records.length - answered.length,
    accuracy: binary.accuracy,
    sensitivity: binary.sensitivity,
    specificity: binary.specificity,
    auc: estimateAuc(positives, negatives),
    dPrime: sdt?.dPrime ?? null,
    dPrimeCorrected: sdt?.corrected ?? false,
    criterion: sdt?.criterion ?? null,
    brier: brierScore(records),
    leftOutOfAucAndBrier: excludedTimeOuts,
    localisedShareOfFakes: ratio(localisable.filter((x) => x.localised).length, localisable.length),
    medianTimeMs: decisionTimes(records).medianMs,
  };
}

/** Group AUC of one session: the OR single-treatment analysis on the cases every reader answered. */
export function groupFigures(readers: readonly CohortReader[]): GroupFigures {
  validateCohort(readers, 'groupFigures');
  const ids = readers.map((r) => r.readerId);
  const { study, casesLeftOut } = completeCaseStudy('session', [{ treatment: 'session', readers }], ids);
  const base = { readers: readers.length, casesUsed: study.cases.length, casesLeftOut };
  const { positives, negatives } = countByTruth(study.cases);
  if (readers.length === 0) {
    return { ...base, meanAuc: null, se: null, df: null, ci95: null, unavailable: 'no readers', analysis: null };
  }
  if (positives < 2 || negatives < 2) {
    const unavailable =
      `the group AUC needs at least 2 fakes and 2 real images that every reader answered; there are ${positives} and ${negatives}` +
      (casesLeftOut.length > 0 ? ` (${casesLeftOut.length} cases left out because someone timed out or did not read them)` : '');
    return { ...base, meanAuc: null, se: null, df: null, ci95: null, unavailable, analysis: null };
  }
  const analysis = orAnalysis(study);
  const t = analysis.perTreatment[0] as OrAnalysis['perTreatment'][number];
  return { ...base, meanAuc: t.auc, se: t.se, df: t.df, ci95: t.ci95, unavailable: t.unavailable, analysis };
}

/** Per case, how many readers it fooled; most-fooling first (share, then count, then id). */
export function caseFooling(readers: readonly CohortReader[]): CaseFooling[] {
  validateCohort(readers, 'caseFooling');
  const byCase = new Map<string, { truth: 'fake' | 'authentic'; readers: number; answered: number; fooled: number }>();
  for (const r of readers) {
    for (const x of r.readings) {
      const c = byCase.get(x.caseId) ?? { truth: x.truth, readers: 0, answered: 0, fooled: 0 };
      c.readers++;
      if (x.rating !== null) {
        c.answered++;
        if (callsFake(x.rating) !== (x.truth === 'fake')) c.fooled++;
      }
      byCase.set(x.caseId, c);
    }
  }
  const rows = [...byCase].map(
    ([id, c]): CaseFooling => ({ caseId: id, ...c, timedOut: c.readers - c.answered, fooledShare: ratio(c.fooled, c.answered) }),
  );
  return rows.sort(
    (a, b) =>
      (b.fooledShare ?? -1) - (a.fooledShare ?? -1) || b.fooled - a.fooled || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0),
  );
}

/** Everything the debrief shows for one session. */
export function cohortFigures(readers: readonly CohortReader[]): CohortFigures {
  validateCohort(readers, 'cohortFigures');
  return { readers: readers.map(readerFigures), group: groupFigures(readers), cases: caseFooling(readers) };
}

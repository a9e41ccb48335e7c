import type { CaseRecord } from '../session.js';
import { binaryMetrics, type BinaryMetrics } from './binary.js';
import { breakdowns, type Breakdowns } from './breakdowns.js';
import { calibration, type Calibration } from './calibration.js';
import { localisation, type Localisation } from './localisation.js';
import { rocAnalysis, type RocAnalysis } from './roc.js';
import { signalDetectionOf, type SignalDetection } from './sdt.js';
import { decisionTimes, type DecisionTimes } from './timing.js';
import { hasCall, isAnswered } from './outcomes.js';

/** Every reader-performance figure of metrics/README.md for one set of case records. */
export interface ReaderReport {
  readonly cases: number;
  readonly binary: BinaryMetrics;
  readonly roc: RocAnalysis;
  /** Null below 2 answered fakes or 2 answered real images, or with one kind of call only (sdt.ts). */
  readonly sdt: SignalDetection | null;
  readonly calibration: Calibration;
  readonly localisation: Localisation;
  readonly time: DecisionTimes;
  readonly breakdowns: Breakdowns;
}

/**
 * Every figure comes from the same answered cases, so accuracy, sensitivity, d' and the AUC can be read side by side
 * (and the ROC's operating point at rating 4 is the stated sensitivity and specificity). Time-outs state no
 * belief: they are left out of every figure, counted apart (`binary.timedOut`, `time.timedOut`) and cost points.
 * A read-and-flag answer (the unprompted drill) is a call without a rating: it counts in the yes/no figures and d′,
 * while the ROC, calibration and localisation, which need a rating, have nothing to show for it.
 */
export function readerReport(records: readonly CaseRecord[]): ReaderReport {
  const answered = records.filter(hasCall);
  const binary = { ...binaryMetrics(answered), timedOut: records.length - answered.length };
  return {
    cases: records.length,
    binary,
    roc: rocAnalysis(records),
    sdt: signalDetectionOf(answered),
    calibration: calibration(records),
    localisation: localisation(answered.filter(isAnswered)),
    time: decisionTimes(records),
    breakdowns: breakdowns(answered),
  };
}

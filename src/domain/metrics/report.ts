import type { CaseRecord } from '../session.js';
import { binaryMetrics, type BinaryMetrics } from './binary.js';
import { breakdowns, type Breakdowns } from './breakdowns.js';
import { calibration, type Calibration } from './calibration.js';
import { localisation, type Localisation } from './localisation.js';
import { rocAnalysis, type RocAnalysis } from './roc.js';
import { signalDetectionOf, type SignalDetection } from './sdt.js';
import { decisionTimes, type DecisionTimes } from './timing.js';

/** Every reader-performance figure of shared/design/artifacts.md section 4 for one set of case records. */
export interface ReaderReport {
  readonly cases: number;
  readonly binary: BinaryMetrics;
  readonly roc: RocAnalysis;
  /** Null without at least one fake and one real image. */
  readonly sdt: SignalDetection | null;
  readonly calibration: Calibration;
  readonly localisation: Localisation;
  readonly time: DecisionTimes;
  readonly breakdowns: Breakdowns;
}

export function readerReport(records: readonly CaseRecord[]): ReaderReport {
  return {
    cases: records.length,
    binary: binaryMetrics(records),
    roc: rocAnalysis(records),
    sdt: signalDetectionOf(records),
    calibration: calibration(records),
    localisation: localisation(records),
    time: decisionTimes(records),
    breakdowns: breakdowns(records),
  };
}

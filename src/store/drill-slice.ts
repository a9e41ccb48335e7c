import type { DrillReport } from '../domain/index.js';

/**
 * Readiness drills' screen state: the signed drill this page was opened for (its join page) and the lead's drill
 * report built from result files. Small data only: the reader's key and the files themselves stay with app/.
 */
export interface DrillJoinView {
  readonly title: string;
  readonly instructor: string;
  /** The instructor key's fingerprint, for the reader to compare with the one the lead announced. */
  readonly fingerprint: string;
  readonly prompted: boolean;
  readonly cases: number;
  readonly opens: string | null;
  readonly closes: string | null;
  /** 'open', or why the drill cannot be started today. */
  readonly availability: 'not-yet-open' | 'open' | 'closed';
  /** The name the reader types (their own data: it goes only into their result file). */
  readonly readerName: string;
  /** The drill was started on this page (or resumed after a reload): J saves its result file at the end. */
  readonly started: boolean;
  /** This reader's run of the drill in this browser ended: 'complete', or 'stopped' before its end. It is never started
   * again (the debrief showed the truth); the page offers only its result file. */
  readonly ended: 'complete' | 'stopped' | null;
  readonly message: string | null;
}

export interface DrillReportFile {
  readonly name: string;
  readonly status: 'used' | 'refused' | 'superseded' | 'skipped';
  readonly message: string;
}

export interface DrillReportView {
  readonly report: DrillReport | null;
  readonly files: readonly DrillReportFile[];
  readonly notes: readonly string[];
  readonly busy: boolean;
}

export interface DrillSliceState {
  readonly join: DrillJoinView | null;
  readonly report: DrillReportView;
}

export interface DrillActions {
  setDrillJoin(join: DrillJoinView | null): void;
  setDrillReaderName(name: string): void;
  setDrillReport(view: Partial<DrillReportView>): void;
}

export const FRESH_DRILL: DrillSliceState = { join: null, report: { report: null, files: [], notes: [], busy: false } };

export function drillActions(get: () => { drill: DrillSliceState }, set: (p: { drill: DrillSliceState }) => void): DrillActions {
  return {
    setDrillJoin: (join) => set({ drill: { ...get().drill, join } }),
    setDrillReaderName: (readerName) => {
      const join = get().drill.join;
      if (join) set({ drill: { ...get().drill, join: { ...join, readerName: readerName.slice(0, 80) } } });
    },
    setDrillReport: (view) => set({ drill: { ...get().drill, report: { ...get().drill.report, ...view } } }),
  };
}

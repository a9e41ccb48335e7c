import {
  REAL_GROUP, dPrimeWithheld, plainLanguage, readerReport, restoreSession, type BreakdownGroup, type Breakdowns, type CaseRecord, type ReaderReport, type StoredSession,
} from '../domain/index.js';
import type { LearningPoint } from './plots.js';

/** What the figures screens show, computed once from the records: the report, its plain reading, the context. */
export interface Figures {
  readonly report: ReaderReport;
  readonly sentences: readonly string[];
  readonly context: readonly string[];
}

/**
 * The 2026 Radiology reader study (Tordjman, Yuce et al.): informed radiologists reached about 75% accuracy on
 * GPT-4o radiographs and 70% on RoentGen chest radiographs; blinded, 41% raised the possibility of AI images at all.
 */
export const LITERATURE_CONTEXT: readonly string[] = [
  'For comparison: radiologists told to look for fakes reached about 75% accuracy on GPT-4o radiographs and 70% on RoentGen chest radiographs (Tordjman et al., Radiology 2026).',
  'Not told to look, only 41% of them raised the possibility of AI-generated images at all.',
];

export function figuresFor(records: readonly CaseRecord[]): Figures {
  const report = readerReport(records);
  // A drill's records carry the badge the case showed (`hint`); a drill keeps no points.
  const points = !records.some((r) => r.hint !== undefined);
  return { report, sentences: plainLanguage(report, { points }).map((s) => s.text), context: LITERATURE_CONTEXT };
}

/**
 * The "d′ and c" entry of the figures: the numbers, marked when they rest on a corrected rate, or why there are none;
 * the plain-language sentence says the same at length (metrics/plain-language.ts).
 */
export function dPrimeFigure(report: ReaderReport): string {
  const s = report.sdt;
  if (s !== null) return `${s.dPrime.toFixed(2)} and ${s.criterion.toFixed(2)}${s.corrected ? ' (from corrected rates: rough)' : ''}`;
  const b = report.binary;
  switch (dPrimeWithheld(b.tp, b.tp + b.fn, b.fp, b.fp + b.tn)) {
    case 'too-few': return 'not given: too few fakes or real images answered';
    case 'one-kind-of-call': return 'not given: one kind of call only';
    default: return 'n/a';
  }
}

/** Accuracy and AUC of each finished session, oldest first, for the learning curve. Unreadable ones are skipped. */
export function learningPoints(sessions: readonly StoredSession[]): LearningPoint[] {
  return [...sessions]
    .filter((s) => s.status === 'complete')
    .sort((a, b) => a.startedAt - b.startedAt)
    .flatMap((s) => {
      try {
        const r = readerReport(restoreSession(s).records);
        return [{ accuracy: r.binary.accuracy, auc: r.roc.auc?.auc ?? null }];
      } catch {
        return [];
      }
    });
}

/** One line per breakdown: by tell, by difficulty, by source (fakes caught or real images cleared, as counts). */
export function breakdownLines(b: Breakdowns): string[] {
  const fmt = (groups: readonly BreakdownGroup[]): string =>
    groups.filter((g) => g.n > 0).map((g) => `${g.key} ${g.fakes > 0 ? `${g.caught}/${g.fakes}` : `${g.cleared}/${g.reals}`}`).join(', ') || 'none yet';
  const tells = b.byArtifact.filter((g) => g.key !== REAL_GROUP);
  return [`By tell: ${fmt(tells)}`, `By difficulty: ${fmt(b.byDifficulty)}`, `By source: ${fmt(b.byFamily)}`];
}

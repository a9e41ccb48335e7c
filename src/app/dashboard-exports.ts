/**
 * The dashboard's files: the answers and the per-reader figures as CSV (formula injection neutralised by delivery's
 * toCsv), and the ratings as LABMRMC .lrc and iMRMC input, so a physicist can rerun the analysis in RJafroc or iMRMC.
 * With a pre/post pair the study files hold both sessions as two treatments.
 */
import { toCsv, type ReaderEntry } from '../delivery/index.js';
import { callsFake, completeCaseStudy, formatImrmc, formatLrc, type CohortReader, type ReaderStudy } from '../domain/index.js';
import type { DashboardReader } from '../store/index.js';

const r4 = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : Math.round(x * 10_000) / 10_000);

/** Display names, or R1..Rn in the dashboard's order when the instructor hides names. */
export const readerLabel = (i: number, name: string, anonymise: boolean): string => (anonymise ? `R${i + 1}` : name);

export function answersCsv(entries: readonly ReaderEntry[], readers: readonly CohortReader[], anonymise: boolean): string {
  const rows = entries.flatMap((e, i) => {
    const truths = new Map(readers.find((r) => r.readerId === e.readerId)?.readings.map((x) => [x.caseId, x]) ?? []);
    return e.answers.map((a) => {
      const t = truths.get(a.caseId);
      const fooled = t && a.rating !== null ? callsFake(a.rating as 1) !== (t.truth === 'fake') : null;
      return [
        readerLabel(i, e.readerId, anonymise), anonymise ? null : e.fingerprint, anonymise ? null : e.source, a.caseId, t?.truth ?? null, a.rating,
        a.timedOut, a.timeMs, a.marks.length, t ? t.localised : null, fooled, a.toolsUsed.join(' '), a.round, a.indexInRound,
      ];
    });
  });
  return toCsv(['reader', 'fingerprint', 'file', 'case', 'truth', 'rating', 'timed_out', 'time_ms', 'marks', 'localised', 'fooled', 'tools', 'round', 'index_in_round'], rows);
}

export function readersCsv(readers: readonly DashboardReader[], anonymise: boolean, localisation: boolean): string {
  const rows = readers.map((r, i) => {
    const f = r.figures;
    return [
      readerLabel(i, r.name, anonymise), f.cases, f.fakes, r4(f.accuracy), r4(f.sensitivity), r4(f.specificity), r4(f.auc?.auc), r4(f.auc?.ci95?.[0]),
      r4(f.auc?.ci95?.[1]), r4(f.dPrime), r4(f.criterion), r4(f.brier), localisation ? r4(f.localisedShareOfFakes) : null,
      f.medianTimeMs === null ? null : Math.round(f.medianTimeMs), f.timedOut,
    ];
  });
  return toCsv(['reader', 'cases', 'fakes', 'accuracy', 'sensitivity', 'specificity', 'auc', 'auc_ci_low', 'auc_ci_high', 'd_prime', 'criterion', 'brier', 'localised_share_of_fakes', 'median_time_ms', 'timed_out'], rows);
}

/**
 * The fully crossed study (cases every reader answered in every session) for .lrc and iMRMC: one treatment, or
 * pre and post. Readers are named by key across a pair, R1..Rn when names are hidden.
 */
export function studyFor(title: string, sessions: readonly { readonly treatment: string; readonly readers: readonly CohortReader[] }[]): ReaderStudy {
  const ids = sessions.length === 1
    ? (sessions[0]?.readers.map((r) => r.readerId) ?? [])
    : (sessions[0]?.readers.map((r) => r.readerId) ?? []).filter((id) => sessions.every((s) => s.readers.some((r) => r.readerId === id)));
  return completeCaseStudy(title, sessions, ids).study;
}

export const lrcText = (study: ReaderStudy): string => formatLrc(study);
export const imrmcText = (study: ReaderStudy): string => formatImrmc(study);

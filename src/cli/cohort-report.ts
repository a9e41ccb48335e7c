/**
 * The cohort report as text and as CSV: the dashboard's figures for a terminal or a spreadsheet. Numbers come from
 * domain/study (cohortFigures); this file only lays them out.
 */
import { basename } from 'node:path';
import type { CohortFigures, CohortReader, OrAnalysis } from '../domain/index.js';
import { toCsv, type Collection, type ReaderEntry } from '../delivery/index.js';
import { countOf } from '../domain/index.js';

const pct = (x: number | null): string => (x === null ? '–' : `${(100 * x).toFixed(0)}%`);
const f2 = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : x.toFixed(2));
const pad = (s: string, n: number): string => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));

/** Published benchmarks shown beside the group (Tordjman, Yuce et al., Radiology 2026; see README). */
export const BENCHMARKS = [
  'Informed radiologists: about 75% accurate on GPT-4o images, 70% on RoentGen images; 41% noticed AI images unprompted (Radiology 2026).',
];

export function formatCohortText(figures: CohortFigures, c: Collection, entries: readonly ReaderEntry[], localisation: boolean, notes: readonly string[]): string[] {
  const s = c.session?.session;
  const lines: string[] = [];
  if (s) lines.push(`Session "${s.title}" by ${s.instructor} (${s.deck.kind === 'demo' ? `demo deck, seed ${s.deck.seed}` : `pack ${s.deck.packId}`}; ${s.mode.rounds} x ${s.mode.casesPerRound} cases; order ${s.order})`, '');
  lines.push('Readers');
  lines.push(`  ${pad('reader', 22)} ${pad('source', 24)} cases  acc   Se    Sp    AUC [95% CI]          d'     c      Brier  local  median  time-outs`);
  for (const r of figures.readers) {
    const e = entries.find((x) => x.readerId === r.readerId);
    const auc = r.auc ? `${f2(r.auc.auc)}${r.auc.ci95 ? ` [${f2(r.auc.ci95[0])}, ${f2(r.auc.ci95[1])}]` : ' [too few cases]'}` : '–';
    lines.push(
      `  ${pad(r.readerId, 22)} ${pad(basename(e?.source ?? ''), 24)} ${pad(String(r.cases), 6)} ${pad(pct(r.accuracy), 5)} ${pad(pct(r.sensitivity), 5)} ${pad(pct(r.specificity), 5)} ${pad(auc, 21)} ${pad(`${f2(r.dPrime)}${r.dPrimeCorrected ? '*' : ''}`, 6)} ${pad(f2(r.criterion), 6)} ${pad(f2(r.brier), 6)} ${pad(localisation ? pct(r.localisedShareOfFakes) : 'n/c', 6)} ${pad(r.medianTimeMs === null ? '–' : `${(r.medianTimeMs / 1000).toFixed(1)} s`, 7)} ${r.timedOut}`,
    );
  }
  // As on the dashboard: why a d' is missing, and what a corrected one means (domain/metrics/sdt.ts).
  lines.push("  d': – below 2 answered fakes or real images, or one kind of call; * rests on a rate of 0 or 1 moved by 1/(2n) (Macmillan & Kaplan 1985), rough with few cases.");
  const g = figures.group;
  lines.push('', 'Group');
  lines.push(g.meanAuc === null ? `  Reader-averaged AUC: not available (${g.unavailable}).` : `  Reader-averaged AUC ${f2(g.meanAuc)} over ${g.casesUsed} cases${g.ci95 ? `, 95% CI [${f2(g.ci95[0])}, ${f2(g.ci95[1])}] (Obuchowski-Rockette, Hillis df ${f2(g.df)})` : ` (${g.unavailable})`}.`);
  // As on the dashboard (presenters/dashboard.ts): few readers give few df and a t quantile that can pass 0 or 1.
  if (g.ci95 && (g.ci95[0] < 0 || g.ci95[1] > 1)) lines.push('  With this few readers the interval is wide and passes the ends of the scale: the group figure is not yet known.');
  if (g.casesLeftOut.length > 0) lines.push(`  ${countOf(g.casesLeftOut.length, 'case')} left out of the group AUC (not answered by every reader).`);
  for (const b of BENCHMARKS) lines.push(`  Benchmark: ${b}`);
  lines.push('', 'Cases that fooled most readers');
  for (const k of figures.cases.slice(0, 10)) lines.push(`  ${pad(k.caseId, 24)} ${pad(k.truth, 9)} fooled ${k.fooled} of ${k.answered}${k.timedOut ? ` (${k.timedOut} timed out)` : ''}`);
  if (!localisation) lines.push('', 'Localisation not computed (n/c): add --localisation to regenerate the fakes and check the marks against their tells.');
  // Names blanked (--anonymise) are not printed: a count and the reasons only.
  if (c.superseded.length > 0) {
    lines.push('', 'Superseded (a later file of the same reader was kept)');
    lines.push(...(c.superseded.every((x) => x.name === '') ? [`  ${countOf(c.superseded.length, 'file')}; names hidden`] : c.superseded.map((x) => `  ${x.name} -> kept ${x.keptName}`)));
  }
  if (c.refused.length > 0) lines.push('', 'Refused files', ...c.refused.map((x, i) => `  ${x.name || `file ${i + 1} (name hidden)`}: ${x.reason}: ${x.message}`));
  if (notes.length > 0) lines.push('', ...notes);
  return lines;
}

/**
 * One row per answer, for a spreadsheet (display names are neutralised against formula injection by toCsv).
 * `anonymise`: the fingerprint and file columns are left empty, as in the dashboard's anonymised CSV.
 */
export function answersCsv(entries: readonly ReaderEntry[], readers: readonly CohortReader[], anonymise = false): string {
  const rows = entries.flatMap((e) => {
    const truths = new Map(readers.find((r) => r.readerId === e.readerId)?.readings.map((x) => [x.caseId, x]) ?? []);
    return e.answers.map((a) => {
      const t = truths.get(a.caseId);
      const fooled = t && a.rating !== null ? (a.rating >= 4) !== (t.truth === 'fake') : null;
      return [e.readerId, anonymise ? null : e.fingerprint, anonymise ? null : e.source, a.caseId, t?.truth ?? null, a.rating, a.timedOut, a.timeMs, a.marks.length, t ? t.localised : null, fooled, a.toolsUsed.join(' '), a.round, a.indexInRound];
    });
  });
  return toCsv(['reader', 'fingerprint', 'file', 'case', 'truth', 'rating', 'timed_out', 'time_ms', 'marks', 'localised', 'fooled', 'tools', 'round', 'index_in_round'], rows);
}

export function formatOrText(a: OrAnalysis, title: string): string[] {
  const lines = [`Reader study "${title}" (Obuchowski-Rockette, Hillis df)`];
  for (const t of a.perTreatment) lines.push(`  ${pad(t.treatment, 16)} AUC ${t.auc.toFixed(4)}  SE ${t.se?.toFixed(4) ?? '–'}  df ${f2(t.df)}  95% CI ${t.ci95 ? `[${t.ci95[0].toFixed(4)}, ${t.ci95[1].toFixed(4)}]` : `– (${t.unavailable})`}`);
  if (a.test) lines.push(`  Equal treatments: F ${a.test.f.toFixed(4)} on ${a.test.ndf} and ${a.test.ddf.toFixed(2)} df, p ${a.test.p.toFixed(4)}`);
  for (const d of a.differences) {
    lines.push(`  ${d.treatmentA} - ${d.treatmentB}: ${d.estimate.toFixed(4)}${d.ci95 ? `, 95% CI [${d.ci95[0].toFixed(4)}, ${d.ci95[1].toFixed(4)}], p ${d.p?.toFixed(4)}` : ''}`);
  }
  return lines;
}

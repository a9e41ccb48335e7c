import { ARTIFACTS, type ArtifactCategory, type GroupFigures, type MissRateGroup, type PrePostChange, type ReaderFigures } from '../domain/index.js';
import type { DashboardCase, DashboardReader, DashboardState } from '../store/index.js';
import { CATEGORY_LABELS } from './category-labels.js';
import { countOf } from './module.js';

/**
 * The words and numbers of the debrief dashboard, from its state: table cells, the group's sentence, the published
 * benchmarks, miss rates and the pre/post test. Formulas are in domain/study; here only rounding and wording.
 */
const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);
const f2 = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : x.toFixed(2));
const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;

/** Published figures shown beside the group's (Tordjman, Yuce et al., Radiology 2026; README "Why"). */
export const BENCHMARKS: readonly { readonly label: string; readonly value: string }[] = [
  { label: 'Informed radiologists, GPT-4o images', value: 'about 75% accurate' },
  { label: 'Informed radiologists, RoentGen images', value: 'about 70% accurate' },
  { label: 'Radiologists who noticed AI images unprompted', value: '41% noticed' },
];
export const BENCHMARK_SOURCE = 'Tordjman, Yuce et al., Radiology 2026 (reader study of AI-generated radiographs).';

/** The readers in two tables, so each fits beside the case on a laptop: their calls, then their ratings as a scale. */
export const READER_CALL_COLUMNS = ['Reader', 'Cases', 'Accuracy', 'Sensitivity', 'Specificity', 'Time-outs', 'Median time'] as const;
export const READER_SCALE_COLUMNS = ['Reader', 'AUC (95% CI, DeLong)', "d′", 'c', 'Brier', 'Tells marked'] as const;

export const readerName = (i: number, r: DashboardReader, anonymise: boolean): string => (anonymise ? `R${i + 1}` : r.name);

export function readerCallCells(i: number, r: DashboardReader, d: Pick<DashboardState, 'anonymise'>): string[] {
  const f: ReaderFigures = r.figures;
  return [
    readerName(i, r, d.anonymise), String(f.cases), pct(f.accuracy), pct(f.sensitivity), pct(f.specificity), String(f.timedOut),
    f.medianTimeMs === null ? '–' : `${(f.medianTimeMs / 1000).toFixed(1)} s`,
  ];
}

export function readerScaleCells(i: number, r: DashboardReader, d: Pick<DashboardState, 'anonymise' | 'localisation'>): string[] {
  const f: ReaderFigures = r.figures;
  const auc = f.auc ? `${f2(f.auc.auc)}${f.auc.ci95 ? ` (${f2(f.auc.ci95[0])}–${f2(f.auc.ci95[1])})` : ''}` : '–';
  const local = d.localisation === 'done' ? pct(f.localisedShareOfFakes) : d.localisation === 'pending' ? 'checking…' : 'n/a';
  const dPrime = f.dPrime === null ? '–' : `${f2(f.dPrime)}${f.dPrimeCorrected ? ' (corrected)' : ''}`;
  return [readerName(i, r, d.anonymise), auc, dPrime, f2(f.criterion), f2(f.brier), local];
}

/** Under the table: what a missing or "corrected" d′ means, as the readers' own figures say it (metrics/sdt.ts). */
export const D_PRIME_NOTE =
  'd′ needs at least 2 answered fakes, 2 answered real images and both kinds of call (– otherwise). “Corrected”: a rate of 0% or 100% was moved by 1/(2n) (Macmillan & Kaplan 1985), so with few cases that d′ is rough.';

/** The mean of the readers' accuracies (each reader counts once), to set beside the published figures. */
export function meanAccuracy(readers: readonly DashboardReader[]): number | null {
  const xs = readers.map((r) => r.figures.accuracy).filter((x): x is number => x !== null);
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function groupSentence(g: GroupFigures | null): string {
  if (!g || g.meanAuc === null) return `Reader-averaged AUC: not available${g?.unavailable ? ` (${g.unavailable})` : ''}.`;
  const ci = g.ci95 ? `, 95% CI ${f2(g.ci95[0])} to ${f2(g.ci95[1])} (Obuchowski–Rockette, Hillis df ${f2(g.df)})` : ` (${g.unavailable ?? 'no interval'})`;
  const out = g.casesLeftOut.length > 0 ? `; ${countOf(g.casesLeftOut.length, 'case')} left out because not every reader answered them` : '';
  // With few readers the t quantile on Hillis's few degrees of freedom is large: the interval can pass 0 or 1.
  const wide = g.ci95 && (g.ci95[0] < 0 || g.ci95[1] > 1) ? ' With this few readers the interval is wide and passes the ends of the scale: the group figure is not yet known.' : '';
  return `Reader-averaged AUC ${f2(g.meanAuc)}${ci}, over ${countOf(g.casesUsed, 'case')} read by ${g.readers === 1 ? 'the one reader' : `all ${g.readers} readers`}${out}.${wide}`;
}

const ARTIFACT_NAMES = new Map<string, string>(ARTIFACTS.map((a) => [a.id, a.name]));
export const tellLabel = (id: string): string => `${id} ${ARTIFACT_NAMES.get(id) ?? ''}`.trim();

export function caseCells(c: DashboardCase): string[] {
  const truth = c.truth === 'fake' ? `fake${c.level ? `, ${c.level}` : ''}` : 'real';
  const tells = c.truth === 'fake' ? (c.tells.length > 0 ? c.tells.map(tellLabel).join('; ') : '–') : '–';
  const fooled = `${c.fooled} of ${c.answered}${c.timedOut > 0 ? ` (+${c.timedOut} time-out)` : ''}`;
  return [c.caseId, truth, tells, fooled, pct(c.fooledShare)];
}

export function missRateCells(g: MissRateGroup, kind: 'artifact' | 'category'): string[] {
  const label = kind === 'artifact' ? tellLabel(g.key) : (CATEGORY_LABELS[g.key as ArtifactCategory] ?? g.key);
  return [label, String(g.cases), `${g.missed} of ${g.readings}`, pct(g.missRate)];
}

export function prePostSentences(p: PrePostChange & { preTitle: string; postTitle: string }): string[] {
  const lines = [`Pre: "${p.preTitle}". Post: "${p.postTitle}". ${countOf(p.readers.length, 'reader')} in both, ${countOf(p.casesUsed, 'case')} answered by ${p.readers.length === 1 ? 'them' : 'all of them'} in both.`];
  if (p.readersLeftOut.length > 0) lines.push(p.readersLeftOut.length === 1 ? '1 reader took part in only one session and is left out.' : `${p.readersLeftOut.length} readers took part in only one session and are left out.`);
  if (p.pre && p.post) lines.push(`Reader-averaged AUC ${f2(p.pre.auc)} before and ${f2(p.post.auc)} after.`);
  if (p.change !== null && p.f !== null && p.ddf !== null && p.p !== null) {
    const ci = p.ci95 ? `, 95% CI ${signed(p.ci95[0])} to ${signed(p.ci95[1])}` : '';
    lines.push(`Change ${signed(p.change)}${ci}; Obuchowski–Rockette test F = ${p.f.toFixed(2)} on ${p.ndf ?? 1} and ${p.ddf.toFixed(1)} df, p = ${p.p < 0.001 ? '< 0.001' : p.p.toFixed(3)}.`);
  }
  if (p.unavailable) lines.push(`The test is not available: ${p.unavailable}.`);
  return lines;
}

/** One line for the intake: how many files, readers, refusals and duplicates. */
export function intakeLine(d: DashboardState): string {
  if (d.files === 0 && d.refused.length === 0) return 'No files yet. Drop the result files (or folders, or zips of them) anywhere on this page, or use the buttons.';
  return `${countOf(d.readers.length, 'reader')} from ${countOf(d.files, 'file')}; ${d.refused.length} refused; ${d.superseded.length} superseded by another file of the same reader.`;
}

/**
 * The toolbar's two toggles keep one label and say their state by aria-pressed (a toggle whose label changed with
 * its state read as the opposite of what was shown); pressing one says what it did in the status line.
 */
export const DASH_TOGGLES = { names: 'Hide names', projector: 'Projector' } as const;

export function dashToggleWords(toggle: keyof typeof DASH_TOGGLES, on: boolean): string {
  if (toggle === 'names') {
    return on
      ? 'Names hidden: readers are shown as R1..Rn, here and in the CSV exports. Press N to show their names.'
      : 'Names shown: readers are shown by the name in their result file. Press N to hide them.';
  }
  return on ? 'Projector mode: large type, the case beside the figures. Press P to leave it.' : 'Projector mode off: the usual type size.';
}

/** A refused file's reason in a word or two, for the list beside the full sentence (the codes are the formats'). */
const REFUSAL_LABELS: Readonly<Record<string, string>> = {
  'foreign-session': 'another session', 'wrong-report': 'readiness drill', 'not-a-result': 'not a result file', 'too-large': 'too large',
  'future-version': 'newer version', 'bad-zip': 'damaged zip', invalid: 'not valid', malformed: 'not valid', 'bad-signature': 'tampered',
};

export const refusalLabel = (reason: string): string => REFUSAL_LABELS[reason] ?? reason.replace(/-/g, ' ');

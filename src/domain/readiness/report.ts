import type { ArtifactCategory } from '../artifacts.js';
import { signalDetection, type SignalDetection } from '../metrics/sdt.js';
import { hintCondition } from './hints.js';
import { HINT_CONDITIONS, type ClinicalRead, type HintCall, type HintCondition } from './settings.js';

/**
 * The drill report's figures (issue 16), pure. Input is neutral (one answer per film per reader, the truth from the
 * lead's side), so result files, an LMS's records or the game's own history all feed it. Per reader and for the
 * department: fakes noticed (flag rate on fakes), false flags on authentic films, time to flag, d' and criterion c
 * (equal-variance signal detection, rates of 0 or 1 corrected to 1/(2n) and 1 - 1/(2n): metrics/sdt.ts) with the
 * prevalence stated, the funnel (shown, flagged, correct tell named) and accuracy by AI-hint condition.
 * A "flag" is the call of a fake: the flag of the unprompted drill, a rating of 4 or more in the prompted one. A film
 * whose clock ran out counts as not flagged (the drill measures what readers did flag) and is also counted apart.
 */
export interface DrillAnswer {
  readonly caseId: string;
  readonly fake: boolean;
  /** The categories of the fake's tells (empty for an authentic film). */
  readonly tellCategories: readonly ArtifactCategory[];
  readonly flagged: boolean;
  readonly read: ClinicalRead | null;
  readonly tellNamed: ArtifactCategory | null;
  readonly hint: HintCall | null;
  readonly timeMs: number;
  readonly timedOut: boolean;
}

export interface DrillReader {
  readonly readerId: string;
  readonly answers: readonly DrillAnswer[];
}

export interface ConditionFigures {
  readonly n: number;
  readonly correct: number;
  readonly accuracy: number | null;
  readonly fakes: number;
  readonly fakesFlagged: number;
  readonly authentic: number;
  readonly authenticFlagged: number;
}

export interface DrillFigures {
  readonly shown: number;
  readonly fakesShown: number;
  readonly authenticShown: number;
  readonly fakesFlagged: number;
  /** Fakes flagged whose named tell is one of their tells' categories. */
  readonly tellNamedRight: number;
  readonly falseFlags: number;
  readonly timedOut: number;
  /** Flag rate on fakes (hit rate), null without fakes. */
  readonly noticedRate: number | null;
  /** Flag rate on authentic films (false-alarm rate), null without authentic films. */
  readonly falseFlagRate: number | null;
  /** Median seconds to flag a fake, and on any film (context). */
  readonly medianSecondsToFlag: number | null;
  readonly medianSecondsPerFilm: number | null;
  /** Null without both fakes and authentic films (a control drill has no d'). */
  readonly sdt: SignalDetection | null;
  readonly byHint: Readonly<Record<HintCondition, ConditionFigures>>;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function condition(answers: readonly DrillAnswer[]): ConditionFigures {
  const fakes = answers.filter((a) => a.fake);
  const authentic = answers.filter((a) => !a.fake);
  const correct = answers.filter((a) => a.flagged === a.fake).length;
  return {
    n: answers.length, correct, accuracy: ratio(correct, answers.length),
    fakes: fakes.length, fakesFlagged: fakes.filter((a) => a.flagged).length,
    authentic: authentic.length, authenticFlagged: authentic.filter((a) => a.flagged).length,
  };
}

/** The figures of one reader's answers, or of a department's pooled answers. */
export function drillFigures(answers: readonly DrillAnswer[]): DrillFigures {
  const fakes = answers.filter((a) => a.fake);
  const authentic = answers.filter((a) => !a.fake);
  const hits = fakes.filter((a) => a.flagged);
  const falseFlags = authentic.filter((a) => a.flagged).length;
  const byHint = Object.fromEntries(HINT_CONDITIONS.map((c) => [c, condition(answers.filter((a) => hintCondition(a.fake ? 'fake' : 'authentic', a.hint) === c))])) as Record<HintCondition, ConditionFigures>;
  const secs = (xs: readonly DrillAnswer[]): number | null => {
    const m = median(xs.filter((a) => !a.timedOut || a.flagged).map((a) => a.timeMs));
    return m === null ? null : m / 1000;
  };
  return {
    shown: answers.length,
    fakesShown: fakes.length,
    authenticShown: authentic.length,
    fakesFlagged: hits.length,
    tellNamedRight: hits.filter((a) => a.tellNamed !== null && a.tellCategories.includes(a.tellNamed)).length,
    falseFlags,
    timedOut: answers.filter((a) => a.timedOut).length,
    noticedRate: ratio(hits.length, fakes.length),
    falseFlagRate: ratio(falseFlags, authentic.length),
    medianSecondsToFlag: secs(hits),
    medianSecondsPerFilm: secs(answers),
    sdt: signalDetection(hits.length, fakes.length, falseFlags, authentic.length),
    byHint,
  };
}

/** One drill as it was run: its settings (the prevalence among them) and every reader's answers. */
export interface DrillRun {
  readonly drillId: string;
  readonly title: string;
  /** When it was issued or opened (ISO date-time); orders the trend. */
  readonly date: string;
  readonly prevalence: number;
  readonly prompted: boolean;
  readonly hintAccuracy: number | null;
  /** Films in the worklist and how many were fakes (the prevalence realised). */
  readonly worklistSize: number;
  readonly worklistFakes: number;
  readonly readers: readonly DrillReader[];
}

export interface DrillReaderFigures extends DrillFigures {
  readonly readerId: string;
}

export interface DrillRunReport {
  readonly run: Omit<DrillRun, 'readers'>;
  readonly readers: readonly DrillReaderFigures[];
  /** Every reader's answers pooled. */
  readonly department: DrillFigures;
  /** Readers shown at least one fake, and of them those who flagged one (compare Tordjman's 7 of 17). */
  readonly readersShownAFake: number;
  readonly readersWhoNoticed: number;
  /** Mean of the readers' d' and c (the pooled rates' d' would mix readers' criteria). */
  readonly meanDPrime: number | null;
  readonly meanCriterion: number | null;
}

const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

export function drillRunReport(run: DrillRun): DrillRunReport {
  const readers = run.readers.map((r) => ({ readerId: r.readerId, ...drillFigures(r.answers) }));
  const sdts = readers.flatMap((r) => (r.sdt ? [r.sdt] : []));
  const { readers: _answers, ...settings } = run;
  return {
    run: settings,
    readers,
    department: drillFigures(run.readers.flatMap((r) => r.answers)),
    readersShownAFake: readers.filter((r) => r.fakesShown > 0).length,
    readersWhoNoticed: readers.filter((r) => r.fakesFlagged > 0).length,
    meanDPrime: mean(sdts.map((s) => s.dPrime)),
    meanCriterion: mean(sdts.map((s) => s.criterion)),
  };
}

export interface TrendPoint {
  readonly drillId: string;
  readonly title: string;
  readonly date: string;
  readonly prevalence: number;
  readonly prompted: boolean;
  readonly readers: number;
  readonly noticedRate: number | null;
  readonly falseFlagRate: number | null;
  readonly meanDPrime: number | null;
  readonly readersWhoNoticed: number;
  readonly readersShownAFake: number;
}

export interface DrillReport {
  readonly runs: readonly DrillRunReport[];
  /** The department across drills, oldest first. */
  readonly trend: readonly TrendPoint[];
  /** Per reader (by the name they gave) across drills: the readers a department follows up. */
  readonly readerTrend: readonly { readonly readerId: string; readonly points: readonly { readonly drillId: string; readonly noticedRate: number | null; readonly falseFlagRate: number | null }[] }[];
}

/** The whole report: each drill, and the trend across them (oldest first). */
export function drillReport(runs: readonly DrillRun[]): DrillReport {
  const reports = [...runs].sort((a, b) => a.date.localeCompare(b.date) || a.drillId.localeCompare(b.drillId)).map(drillRunReport);
  const trend = reports.map((r) => ({
    drillId: r.run.drillId, title: r.run.title, date: r.run.date, prevalence: r.run.prevalence, prompted: r.run.prompted, readers: r.readers.length,
    noticedRate: r.department.noticedRate, falseFlagRate: r.department.falseFlagRate, meanDPrime: r.meanDPrime,
    readersWhoNoticed: r.readersWhoNoticed, readersShownAFake: r.readersShownAFake,
  }));
  const names = [...new Set(reports.flatMap((r) => r.readers.map((x) => x.readerId)))].sort();
  const readerTrend = names.map((readerId) => ({
    readerId,
    points: reports.flatMap((r) => r.readers.filter((x) => x.readerId === readerId).map((x) => ({ drillId: r.run.drillId, noticedRate: x.noticedRate, falseFlagRate: x.falseFlagRate }))),
  }));
  return { runs: reports, trend, readerTrend };
}

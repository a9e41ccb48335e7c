import { CRITERION_BALANCED_BAND } from '../metrics/plain-language.js';
import { MIN_CLASS_FOR_DPRIME } from '../metrics/sdt.js';
import { PUBLISHED_FIGURES } from './published.js';
import type { DrillFigures, DrillRunReport } from './report.js';
import type { HintCondition } from './settings.js';

/**
 * The drill report in words: the rows the dashboard, the printable page, the reader's debrief and the command line all
 * show, so the four never disagree. Plain text, never HTML. Rates are given with their counts: at 5% prevalence a
 * reader sees about two fakes, and "50%" alone would hide that it is one of two.
 */
export interface Row {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
}

const pct = (x: number | null): string => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
const of = (k: number, n: number, rate: number | null): string => (n === 0 ? 'none shown' : `${k} of ${n} (${pct(rate)})`);
/** A figure to two places with a true minus sign (as metrics/plain-language.ts writes them). */
export const num = (x: number | null, d = 2): string => (x === null ? 'n/a' : x.toFixed(d).replace('-', '−'));
const secs = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(1)} s`);

export function criterionWords(c: number | null): string {
  if (c === null) return 'n/a';
  // Macmillan & Creelman 2005: c > 0 favours "no" (here: not flagging), c < 0 favours "yes".
  if (c > CRITERION_BALANCED_BAND) return `${num(c)} (conservative: a film must look clearly wrong to be flagged)`;
  if (c < -CRITERION_BALANCED_BAND) return `${num(c)} (liberal: films are flagged readily)`;
  return `${num(c)} (about balanced)`;
}

/**
 * One reader's d' for the per-reader tables: marked when it rests on a corrected rate of 0 or 1. With a drill's few
 * fakes that is most readers, and the value is then mostly the correction's (Macmillan & Kaplan 1985): missing both
 * of 2 fakes with 1 false flag in 38 gives +1.26.
 */
export const readerDPrime = (sdt: DrillFigures['sdt']): string => (sdt === null ? 'n/a' : `${num(sdt.dPrime)}${sdt.corrected ? ' (corrected)' : ''}`);

/** How many readers' d' in the mean rest on a corrected rate, as a note for the mean's row; null when none. */
export function correctedNote(readers: readonly { readonly sdt: DrillFigures['sdt'] }[]): string | null {
  const withSdt = readers.filter((x) => x.sdt !== null);
  const k = withSdt.filter((x) => x.sdt?.corrected).length;
  if (k === 0) return null;
  const whose = withSdt.length === 1 ? "The one reader's d' rests" : `${k} of ${withSdt.length} readers' d' ${k === 1 ? 'rests' : 'rest'}`;
  return `${whose} on a rate of 0 or 1 corrected to 1/(2n) or 1 − 1/(2n)`;
}

export function figureRows(f: DrillFigures): Row[] {
  return [
    { label: 'Fakes noticed (flagged)', value: of(f.fakesFlagged, f.fakesShown, f.noticedRate) },
    { label: 'False flags on authentic films', value: of(f.falseFlags, f.authenticShown, f.falseFlagRate) },
    { label: 'Median time to flag a fake', value: secs(f.medianSecondsToFlag), note: `median time per film, all films: ${secs(f.medianSecondsPerFilm)}` },
    {
      label: "d' (fakes apart from authentic films)",
      value: f.sdt ? num(f.sdt.dPrime) : 'n/a',
      ...(f.sdt?.corrected ? { note: 'a rate of 0 or 1 was corrected to 1/(2n) or 1 − 1/(2n)' } : f.sdt ? {} : { note: `needs ${MIN_CLASS_FOR_DPRIME} or more fakes and authentic films, and both flagged and unflagged films` }),
    },
    { label: 'Criterion c', value: criterionWords(f.sdt?.criterion ?? null) },
    { label: 'Films with no answer (time ran out)', value: String(f.timedOut) },
  ];
}

export interface FunnelStep {
  readonly label: string;
  readonly n: number;
}

/** Shown -> flagged -> correct tell named, over the fakes. */
export const funnel = (f: DrillFigures): FunnelStep[] => [
  { label: 'Fakes shown', n: f.fakesShown },
  { label: 'Flagged', n: f.fakesFlagged },
  { label: 'Correct kind of tell named', n: f.tellNamedRight },
];

export const HINT_CONDITION_LABELS: Readonly<Record<HintCondition, string>> = {
  right: 'Badge right',
  wrong: 'Badge wrong',
  none: 'No badge',
};

export function hintRows(f: DrillFigures): Row[] {
  return (['right', 'wrong', 'none'] as const).map((c) => {
    const x = f.byHint[c];
    return {
      label: HINT_CONDITION_LABELS[c],
      value: x.n === 0 ? 'no films' : `${pct(x.accuracy)} correct (${x.correct} of ${x.n})`,
      note: `fakes flagged ${x.fakesFlagged} of ${x.fakes}; authentic films flagged ${x.authenticFlagged} of ${x.authentic}`,
    };
  });
}

/** The prevalence, stated as the drill set it and as the worklist realised it. */
export function prevalenceLine(r: DrillRunReport['run']): string {
  const realised = r.worklistSize === 0 ? 0 : r.worklistFakes / r.worklistSize;
  return `Prevalence set at ${pct(r.prevalence)} (each film a fake with that chance, so the count varies); this worklist held ` +
    `${r.worklistFakes} fake${r.worklistFakes === 1 ? '' : 's'} in ${r.worklistSize} films (${pct(realised)}). ` +
    `${r.prompted ? 'Prompted: readers rated authenticity.' : 'Unprompted: readers were asked for a routine read and could flag a film.'}` +
    `${r.hintAccuracy === null ? '' : ` AI-hint arm: a badge on half of each reader's films, right on ${pct(r.hintAccuracy)} of them.`}`;
}

/** The department's figure beside each published one that it can be set beside. */
export function publishedComparisons(r: DrillRunReport): { readonly published: string; readonly source: string; readonly caveat: string; readonly yours: string }[] {
  const d = r.department;
  const fig = (id: string) => PUBLISHED_FIGURES.find((p) => p.id === id) as (typeof PUBLISHED_FIGURES)[number];
  const row = (id: string, yours: string) => ({ published: fig(id).text, source: fig(id).source, caveat: fig(id).caveat, yours });
  const miss = d.noticedRate === null ? 'n/a (no fakes)' : `${pct(1 - d.noticedRate)} of fakes missed at ${pct(r.run.prevalence)} prevalence`;
  const out = [
    r.run.prompted
      ? row('informed', `Accuracy over all films: ${pct(d.shown === 0 ? null : (d.shown - d.fakesShown + d.fakesFlagged - d.falseFlags) / d.shown)}`)
      : row('unprompted', `Readers who flagged at least one fake: ${of(r.readersWhoNoticed, r.readersShownAFake, r.readersShownAFake === 0 ? null : r.readersWhoNoticed / r.readersShownAFake)}`),
    row('prevalence-lab', miss),
    row('prevalence-clinic', miss),
  ];
  if (r.run.hintAccuracy !== null) {
    const h = d.byHint;
    out.push(row('automation-bias', `Accuracy with the badge right ${pct(h.right.accuracy)}, wrong ${pct(h.wrong.accuracy)}, absent ${pct(h.none.accuracy)}`));
  }
  return out;
}

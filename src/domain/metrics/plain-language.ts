import { ARTIFACTS } from '../artifacts.js';
import { RATING_LABELS } from '../types.js';
import { ppvAt } from './binary.js';
import { REAL_GROUP, UNLISTED_GROUP } from './breakdowns.js';
import type { ReaderReport } from './report.js';
import { MIN_CLASS_FOR_DPRIME, dPrimeWithheld } from './sdt.js';

/** One sentence per metric, reading the report in plain words for a radiologist. */
export type MetricKey =
  | 'accuracy' | 'sensitivity' | 'specificity' | 'balancedAccuracy' | 'ppv' | 'npv' | 'youdenJ' | 'auc' | 'dPrime'
  | 'criterion' | 'brier' | 'calibration' | 'localisation' | 'jafroc' | 'time' | 'timeOuts' | 'weakestArtifact';

export interface PlainSentence {
  readonly metric: MetricKey;
  readonly text: string;
}

export interface PlainLanguageOptions {
  /** Share of fakes in the setting the reader cares about (0..1); adds "what PPV would be there" to the PPV line. */
  readonly clinicalPrevalence?: number;
  /** Whether the answers were scored with points (a drill keeps none); the time-out sentence says what one cost. */
  readonly points?: boolean;
}

/** |c| below this reads as "about balanced"; c is in z units, so 0.1 is a small shift. */
export const CRITERION_BALANCED_BAND = 0.1;
/** A calibration row or artifact group needs this many cases before it is worth a sentence. */
export const MIN_GROUP_N = 3;

const pct = (x: number): string => `${Math.round(x * 100)}%`;
/** Percent keeping two significant digits below 10%, so 0.5% does not print as 1% or 0%. */
const pctFine = (x: number): string => (x >= 0.1 ? pct(x) : `${Number((x * 100).toPrecision(2))}%`);
/** Fixed digits with a true minus sign, never "−0.00". */
const num = (x: number, digits = 2): string => {
  const s = x.toFixed(digits);
  return Number(s) === 0 ? s.replace('-', '') : s.replace('-', '−');
};
const secs = (ms: number): string => (ms / 1000).toFixed(1);

function criterionText(c: number): string {
  if (c < -CRITERION_BALANCED_BAND) {
    return `You call real images fake more often than you call fakes real: your criterion is lax (c = ${num(c)}).`;
  }
  if (c > CRITERION_BALANCED_BAND) {
    return `You call fakes real more often than you call real images fake: your criterion is strict (c = ${num(c)}).`;
  }
  return `Your misses and false alarms are about balanced (c = ${num(c)}).`;
}

function aucText(r: ReaderReport): string | null {
  const a = r.roc.auc;
  if (a === null) return null;
  const ci = a.ci95;
  const head = `Your AUC of ${num(a.auc)}${ci ? ` (95% CI ${num(ci[0])}–${num(ci[1])})` : ''} means that, given one fake and one real image, you would rate the fake as more suspicious ${pct(a.auc)} of the time (50% is chance)`;
  if (ci === null) return `${head}; there are too few cases to put a range on it.`;
  return ci[0] > 0.5 ? `${head}; that is clearly better than chance.` : `${head}; that is not yet clearly better than chance.`;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * d′ in words, saying when it rests on a rate of 0 or 1 moved by the 1/(2n) correction (Macmillan & Kaplan 1985)
 * and why it is not given with too few cases: the correction, not the reading, then sets the figure (sdt.ts).
 */
function dPrimeText(r: ReaderReport): string | null {
  const b = r.binary;
  const fakes = b.tp + b.fn;
  const reals = b.tn + b.fp;
  const s = r.sdt;
  if (s === null) {
    switch (dPrimeWithheld(b.tp, fakes, b.fp, reals)) {
      case 'too-few':
        return `d′ is not given: it needs at least ${MIN_CLASS_FOR_DPRIME} answered fakes and ${MIN_CLASS_FOR_DPRIME} answered real images, and you answered ${count(fakes, 'fake', 'fakes')} and ${count(reals, 'real image', 'real images')}. With one case a rate is 0% or 100%, which d′ cannot use as it is; the usual correction would move it to 50%, chance, whatever you answered.`;
      case 'one-kind-of-call':
        return `d′ is not given: every answer was the same call (${b.tp === 0 ? 'real' : 'fake'}), which says nothing about how far apart you hold fakes and real images.`;
      default:
        return null;
    }
  }
  const head = `Your d′ of ${num(s.dPrime)} is how far apart you hold fakes and real images, in standard deviations and regardless of bias`;
  if (!s.corrected) return `${head}; 0 means no separation.`;
  const moved: string[] = [];
  if (s.hitRateUsed !== s.hitRate) moved.push(`${s.hitRate === 1 ? 'all' : 'none'} of your ${count(fakes, 'fake', 'fakes')} caught, counted as ${pct(s.hitRateUsed)}`);
  if (s.falseAlarmRateUsed !== s.falseAlarmRate) moved.push(`${s.falseAlarmRate === 1 ? 'all' : 'none'} of your ${count(reals, 'real image', 'real images')} called fake, counted as ${pct(s.falseAlarmRateUsed)}`);
  return `${head}. It rests on corrected rates (${moved.join('; ')}): a rate of 0% or 100% has no z, so it is moved by 1/(2n) (Macmillan & Kaplan 1985). The fewer the cases, the more that correction, not your reading, sets the figure: with these few, read it as rough.`;
}

function calibrationText(r: ReaderReport): string | null {
  let worst: { gap: number; text: string } | null = null;
  for (const row of r.calibration.rows) {
    if (row.n < MIN_GROUP_N || row.observed === null) continue;
    const gap = Math.abs(row.observed - row.stated);
    if (worst === null || gap > worst.gap) {
      worst = {
        gap,
        text: `When you answered “${RATING_LABELS[row.rating]}” (a stated ${pct(row.stated)} chance of fake), ${row.fakes} of ${row.n} images (${pct(row.observed)}) were fake.`,
      };
    }
  }
  return worst?.text ?? null;
}

function weakestArtifactText(r: ReaderReport): string | null {
  const groups = r.breakdowns.byArtifact.filter(
    (g) => g.key !== REAL_GROUP && g.key !== UNLISTED_GROUP && g.fakes >= MIN_GROUP_N && g.sensitivity !== null,
  );
  const worst = [...groups].sort((a, b) => (a.sensitivity ?? 0) - (b.sensitivity ?? 0) || b.fakes - a.fakes)[0];
  if (!worst || worst.sensitivity === 1) return null;
  const name = ARTIFACTS.find((a) => a.id === worst.key)?.name;
  return `Your weakest tell was ${worst.key}${name ? ` (${name})` : ''}: you caught ${worst.caught} of ${worst.fakes} fakes showing it.`;
}

export function plainLanguage(report: ReaderReport, options: PlainLanguageOptions = {}): PlainSentence[] {
  const b = report.binary;
  const out: PlainSentence[] = [];
  const add = (metric: MetricKey, text: string | null): void => {
    if (text !== null) out.push({ metric, text });
  };
  add('accuracy', b.accuracy === null ? null : `You called ${b.tp + b.tn} of ${b.n} images correctly (${pct(b.accuracy)}).`);
  add('sensitivity', b.sensitivity === null ? null : `You caught ${b.tp} of ${b.tp + b.fn} fakes (sensitivity ${pct(b.sensitivity)}).`);
  add('specificity', b.specificity === null ? null : `You cleared ${b.tn} of ${b.tn + b.fp} real images (specificity ${pct(b.specificity)}).`);
  add('balancedAccuracy', b.balancedAccuracy === null ? null : `Averaging the two, your balanced accuracy is ${pct(b.balancedAccuracy)}; guessing scores 50%.`);
  if (b.ppv !== null && b.prevalence !== null) {
    const p = options.clinicalPrevalence;
    const at = p === undefined || b.sensitivity === null || b.specificity === null ? null : ppvAt(p, b.sensitivity, b.specificity);
    const tail = p !== undefined && at !== null ? ` If only ${pctFine(p)} of images were fake, the same calls would be right ${pctFine(at)} of the time.` : '';
    // PPV and NPV rest on the fakes among the answered images; after a time-out that is not the deck's share the
    // briefing gave ("about 50%"), so the sentence names the images it counts.
    add('ppv', `When you called an image fake you were right ${pct(b.ppv)} of the time; ${b.n === 1 ? 'the one image you answered was fake' : `${b.tp + b.fn} of the ${b.n} images you answered (${pct(b.prevalence)}) ${b.tp + b.fn === 1 ? 'was' : 'were'} fake`}.${tail}`);
  }
  add('npv', b.npv === null ? null : `When you called an image real you were right ${pct(b.npv)} of the time, at that mix of fakes.`);
  add('youdenJ', b.youdenJ === null ? null : `Your Youden index is ${num(b.youdenJ)}: sensitivity plus specificity minus one, where 0 is guessing and 1 is perfect.`);
  add('auc', aucText(report));
  const s = report.sdt;
  add('dPrime', dPrimeText(report));
  add('criterion', s === null ? null : criterionText(s.criterion));
  const brier = report.calibration.brier;
  add('brier', brier === null ? null : `Your Brier score is ${num(brier, 3)}: the mean squared gap between your stated chance of fake and the truth (0 is perfect; always saying 50/50 scores 0.25).`);
  add('calibration', calibrationText(report));
  const l = report.localisation;
  add('localisation', l.localisedFraction === null ? null : `You caught and pinpointed ${l.localised} of ${l.fakes} fakes (${pct(l.localisedFraction)}): a fake call with a mark inside a tell.`);
  add('jafroc', l.jafroc === null ? null : `Your JAFROC figure of merit is ${num(l.jafroc.fom)}: it rewards confident marks on tells and penalises marks on real images (0.5 if you never mark, 1 is perfect).`);
  const t = report.time;
  add('time', t.medianMs === null || t.q1Ms === null || t.q3Ms === null ? null : `Your median decision time was ${secs(t.medianMs)} s; the middle half of your decisions took ${secs(t.q1Ms)}–${secs(t.q3Ms)} s.`);
  add('timeOuts', t.timedOut === 0 ? null : `${t.timedOut} ${t.timedOut === 1 ? 'case' : 'cases'} timed out: they state no answer, so every figure here uses only the ${t.answered} answered cases${options.points === false ? '' : '; each time-out cost 50 points'}.`);
  add('weakestArtifact', weakestArtifactText(report));
  return out;
}

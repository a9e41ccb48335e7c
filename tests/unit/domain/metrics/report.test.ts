import { describe, expect, it } from 'vitest';
import { plainLanguage, readerReport, type MetricKey } from '../../../../src/domain/metrics/index.js';
import type { CaseRecord } from '../../../../src/domain/session.js';
import type { Rating } from '../../../../src/domain/types.js';
import { FIXTURE, IN_A, fake, real } from './records.js';

const many = (n: number, make: () => CaseRecord): CaseRecord[] => Array.from({ length: n }, make);
const sentence = (records: readonly CaseRecord[], metric: MetricKey, prevalence?: number): string | undefined =>
  plainLanguage(readerReport(records), prevalence === undefined ? {} : { clinicalPrevalence: prevalence })
    .find((s) => s.metric === metric)?.text;

describe('readerReport', () => {
  it('bundles every metric for the fixture', () => {
    const r = readerReport(FIXTURE);
    expect(r.cases).toBe(12);
    // Every figure is over the 10 answered cases; the 2 time-outs are counted apart.
    expect(r.binary).toMatchObject({ n: 10, tp: 3, fn: 1, tn: 4, fp: 2, timedOut: 2, accuracy: 0.7 });
    expect(r.roc.auc?.auc).toBeCloseTo(18.5 / 24, 12);
    // The ROC's operating point at rating 4 is the stated sensitivity and specificity.
    const op = r.roc.points.find((p) => p.threshold === 4);
    expect(op?.tpf).toBeCloseTo(r.binary.sensitivity as number, 12);
    expect(1 - (op?.fpf ?? NaN)).toBeCloseTo(r.binary.specificity as number, 12);
    expect(r.sdt?.hitRate).toBe(0.75);
    expect(r.calibration.brier).toBeCloseTo(0.20475, 12);
    expect(r.localisation.fakes).toBe(4);
    expect(r.time.timedOut).toBe(2);
    expect(r.breakdowns.byFamily.map((g) => g.key)).toEqual(['simulated forgery', 'real']);
  });

  it('works on no records at all, and then says nothing', () => {
    const r = readerReport([]);
    expect(r).toMatchObject({ cases: 0, sdt: null, roc: { auc: null } });
    expect(plainLanguage(r)).toEqual([]);
  });
});

describe('plainLanguage', () => {
  // Liberal reader: every fake caught, 6 of 10 real images called fake: H = 1, F = 0.6 → c < 0.
  const liberal = [...many(8, () => fake(6)), ...many(2, () => fake(4)), ...many(4, () => real(5)), ...many(2, () => real(4)), ...many(4, () => real(2))];
  // Conservative reader: misses many fakes, clears every real image.
  const conservative = [...many(4, () => fake(5)), ...many(6, () => fake(3)), ...many(10, () => real(1))];

  it('gets the direction of the criterion right', () => {
    expect(readerReport(liberal).sdt?.criterion).toBeLessThan(0);
    expect(sentence(liberal, 'criterion')).toMatch(/^You call real images fake more often than you call fakes real: your criterion is lax \(c = −\d\.\d\d\)\.$/);
    expect(readerReport(conservative).sdt?.criterion).toBeGreaterThan(0);
    expect(sentence(conservative, 'criterion')).toMatch(/criterion is strict \(c = 0\.\d\d\)/);
    const balanced = [...many(8, () => fake(5)), ...many(2, () => fake(2)), ...many(8, () => real(2)), ...many(2, () => real(5))];
    expect(sentence(balanced, 'criterion')).toMatch(/about balanced \(c = 0\.00\)/);
  });

  it('reads the AUC with its CI and says whether it beats chance', () => {
    expect(sentence(liberal, 'auc')).toMatch(
      /^Your AUC of 0\.\d\d \(95% CI 0\.\d\d–\d\.\d\d\) means that, given one fake and one real image, you would rate the fake as more suspicious \d+% of the time \(50% is chance\); that is clearly better than chance\.$/,
    );
    const guesser = [fake(2), fake(5), fake(3), real(2), real(5), real(3)];
    expect(sentence(guesser, 'auc')).toMatch(/AUC of 0\.50 .* not yet clearly better than chance\.$/);
    const perfect = [fake(6), real(1)];
    expect(sentence(perfect, 'auc')).toMatch(/AUC of 1\.00 means .* too few cases to put a range on it\.$/);
  });

  it('puts PPV at the deck prevalence and, when asked, at a clinical prevalence', () => {
    const ratings: Rating[] = [6, 6, 5, 5, 5, 5, 5, 5, 5, 2];
    const reader = [...ratings.map((r) => fake(r)), ...ratings.map((r) => real((7 - r) as Rating))]; // Se = Sp = 0.9
    expect(sentence(reader, 'ppv')).toBe('When you called an image fake you were right 90% of the time; 10 of the 20 images you answered (50%) were fake.');
    expect(sentence(reader, 'ppv', 0.01)).toMatch(/If only 1% of images were fake, the same calls would be right 8\.3% of the time\.$/);
  });

  it('mentions time-outs, localisation and the weakest artifact', () => {
    expect(sentence(FIXTURE, 'timeOuts')).toBe('2 cases timed out: they state no answer, so every figure here uses only the 10 answered cases; each time-out cost 50 points.');
    expect(sentence([fake(5, { marks: [IN_A] }), fake(5), real(1)], 'localisation')).toMatch(/pinpointed 1 of 2 fakes \(50%\)/);
    expect(sentence([...many(3, () => fake(2)), fake(6), real(1)], 'weakestArtifact')).toBe(
      'Your weakest tell was A9 (Lesion that does not belong): you caught 1 of 4 fakes showing it.',
    );
  });

  it('gives one sentence per metric for a full report, each a short sentence', () => {
    const s = plainLanguage(readerReport([...FIXTURE, ...many(3, () => fake(2))]), { clinicalPrevalence: 0.05 });
    const keys = s.map((x) => x.metric);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['accuracy', 'sensitivity', 'specificity', 'auc', 'dPrime', 'criterion', 'brier', 'calibration', 'jafroc', 'time']));
    for (const x of s) expect(x.text).toMatch(/^[A-Z0-9].*\.$/);
  });
});

describe('plainLanguage: time', () => {
  it('reads the median and the middle half in seconds', () => {
    const times = [8100, 12300, 15000, 9000, 20000].map((timeMs, i) => (i % 2 ? fake(5, { timeMs }) : real(2, { timeMs })));
    expect(sentence(times, 'time')).toBe('Your median decision time was 12.3 s; the middle half of your decisions took 9.0–15.0 s.');
  });
});

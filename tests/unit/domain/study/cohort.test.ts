import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../../../src/domain/metrics/normal-quantile.js';
import { readerReport } from '../../../../src/domain/metrics/report.js';
import { asCaseRecord } from '../../../../src/domain/study/cohort-input.js';
import type { Rating } from '../../../../src/domain/types.js';
import {
  caseFooling,
  cohortFigures,
  groupFigures,
  parseLrc,
  prePostChange,
  readerFigures,
  type CohortReader,
  type CohortReading,
} from '../../../../src/domain/study/index.js';

const fake = (caseId: string, rating: Rating | null, timeMs = 1000, localised = false): CohortReading => ({ caseId, truth: 'fake', rating, localised, timeMs });
const real = (caseId: string, rating: Rating | null, timeMs = 1000): CohortReading => ({ caseId, truth: 'authentic', rating, localised: false, timeMs });

/** Three residents on three fakes and three real films; Ann let f3's clock run out. */
const ANN: CohortReader = {
  readerId: 'ann',
  readings: [fake('f1', 6, 1000, true), fake('f2', 5, 3000), fake('f3', null, 20000), real('r1', 1, 2000), real('r2', 2, 4000), real('r3', 4, 5000)],
};
const BOB: CohortReader = {
  readerId: 'bob',
  readings: [fake('f1', 4, 1000, true), fake('f2', 2), fake('f3', 5, 1000, true), real('r1', 3), real('r2', 1), real('r3', 2)],
};
const CY: CohortReader = { readerId: 'cy', readings: [fake('f1', 6), fake('f2', 3), fake('f3', 6), real('r1', 5), real('r2', 2), real('r3', 1)] };

describe('one resident\'s figures', () => {
  const ann = readerFigures(ANN);

  it('binary figures and d′ come from the answered cases, the time-out counted apart: 2 of 2 fakes, 2 of 3 real films', () => {
    expect([ann.cases, ann.fakes, ann.timedOut]).toEqual([6, 3, 1]);
    expect(ann.accuracy).toBeCloseTo(4 / 5, 15);
    expect(ann.sensitivity).toBe(1);
    expect(ann.specificity).toBeCloseTo(2 / 3, 15);
    // H = 2/2 is corrected to 1 − 1/(2·2) = 0.75 (Macmillan & Kaplan 1985).
    expect(ann.dPrime).toBeCloseTo(normalQuantile(0.75) - normalQuantile(1 / 3), 12);
    expect(ann.criterion).toBeCloseTo(-0.5 * (normalQuantile(0.75) + normalQuantile(1 / 3)), 12);
  });

  it('the instructor sees the figures the reader\'s own report shows for the same answers', () => {
    for (const reader of [ANN, BOB, CY]) {
      const f = readerFigures(reader);
      const own = readerReport(reader.readings.map(asCaseRecord));
      expect([f.accuracy, f.sensitivity, f.specificity, f.timedOut]).toEqual([own.binary.accuracy, own.binary.sensitivity, own.binary.specificity, own.binary.timedOut]);
      expect(f.dPrime).toBe(own.sdt?.dPrime ?? null);
      expect(f.auc?.auc).toBe(own.roc.auc?.auc);
    }
  });

  it('AUC and Brier leave the time-out out and say so: fakes 6, 5 outrank real 1, 2, 4', () => {
    expect(ann.leftOutOfAucAndBrier).toBe(1);
    expect(ann.auc?.auc).toBe(1);
    expect([ann.auc?.nPositive, ann.auc?.nNegative]).toEqual([2, 3]);
    // A perfect separation has a DeLong SE of 0: no interval rather than a zero-width one.
    expect(ann.auc?.seDeLong).toBe(0);
    expect(ann.auc?.ci95).toBeNull();
    // (0.95−1)² + (0.8−1)² + 0.05² + 0.2² + 0.6² = 0.445, over 5 answered cases.
    expect(ann.brier).toBeCloseTo(0.089, 12);
  });

  it('localised share over the answered fakes a mark could localise, median time over answered cases', () => {
    expect(ann.localisedShareOfFakes).toBeCloseTo(1 / 2, 15);
    expect(ann.medianTimeMs).toBe(3000);
    // A fake whose only tell is the whole image (or an import without drawn tells) is not in the denominator.
    const withWhole = readerFigures({ readerId: 'w', readings: [...ANN.readings, { ...fake('f4', 6), localisable: false }] });
    expect(withWhole.localisedShareOfFakes).toBeCloseTo(1 / 2, 15);
    expect(readerFigures({ readerId: 'n', readings: [{ ...fake('f4', 6), localisable: false }, real('r1', 1)] }).localisedShareOfFakes).toBeNull();
  });
});

describe('the group and the cases', () => {
  it('reader-averaged AUC over the cases everyone answered, with its OR interval', () => {
    const g = groupFigures([ANN, BOB, CY]);
    expect(g.casesLeftOut).toEqual(['f3']);
    expect(g.casesUsed).toBe(5);
    // On f1, f2 against r1-r3: Ann 6/6, Bob 4.5/6, Cy 5/6.
    expect(g.meanAuc).toBeCloseTo((1 + 0.75 + 5 / 6) / 3, 15);
    expect(g.analysis?.aucs[0]).toEqual([1, 0.75, expect.closeTo(5 / 6, 15)]);
    expect(g.unavailable).toBeNull();
    expect(g.df).toBeGreaterThan(0);
    expect(g.ci95?.[0]).toBeLessThan(g.meanAuc as number);
    expect(g.ci95?.[1]).toBeGreaterThan(g.meanAuc as number);
  });

  it('one reader: the AUC, and no interval, with the reason', () => {
    const g = groupFigures([CY]);
    expect(g.meanAuc).toBeCloseTo(8 / 9, 15); // Cy, all six cases: fakes 6, 3, 6 against real 5, 2, 1 win 3 + 2 + 3 of 9
    expect(g.ci95).toBeNull();
    expect(g.unavailable).toBe('a confidence interval across readers needs 2 or more readers; this study has 1');
  });

  it('too few cases answered by all: nulls and a sentence', () => {
    const g = groupFigures([ANN, { ...BOB, readings: BOB.readings.map((x) => (x.caseId === 'f1' ? { ...x, rating: null, localised: false } : x)) }]);
    expect(g.meanAuc).toBeNull();
    expect(g.unavailable).toMatch(/at least 2 fakes and 2 real images that every reader answered; there are 1 and 3 \(2 cases left out/);
  });

  it('cases sorted most-fooling first; a time-out is not counted as being fooled', () => {
    const rows = caseFooling([ANN, BOB, CY]);
    expect(rows.map((r) => r.caseId)).toEqual(['f2', 'r1', 'r3', 'f1', 'f3', 'r2']);
    expect(rows[0]).toEqual({ caseId: 'f2', truth: 'fake', readers: 3, answered: 3, fooled: 2, timedOut: 0, fooledShare: 2 / 3 });
    expect(rows.find((r) => r.caseId === 'f3')).toMatchObject({ answered: 2, timedOut: 1, fooled: 0, fooledShare: 0 });
  });

  it('cohortFigures puts the three together', () => {
    const all = cohortFigures([ANN, BOB, CY]);
    expect(all.readers.map((r) => r.readerId)).toEqual(['ann', 'bob', 'cy']);
    expect(all.group).toEqual(groupFigures([ANN, BOB, CY]));
    expect(all.cases).toEqual(caseFooling([ANN, BOB, CY]));
  });
});

describe('input checks', () => {
  const bad = (readings: CohortReading[]): CohortReader[] => [{ readerId: 'x', readings }];
  it('refuses inconsistent input with the reader and the case', () => {
    expect(() => cohortFigures(bad([fake('a', 7 as Rating)]))).toThrow('cohortFigures: reader "x", case "a": rating must be 1..6 or null, got 7');
    expect(() => cohortFigures(bad([fake('a', 5), fake('a', 4)]))).toThrow('case appears twice');
    expect(() => cohortFigures(bad([{ ...real('a', 1), localised: true }]))).toThrow('only a fake called fake (rating ≥ 4) can be localised');
    expect(() => cohortFigures(bad([fake('a', 3, 1000, true)]))).toThrow('only a fake called fake');
    expect(() => cohortFigures(bad([fake('a', 3, -1)]))).toThrow('timeMs must be a finite number ≥ 0, got -1');
    expect(() => cohortFigures([ANN, { readerId: 'z', readings: [real('f1', 1)] }])).toThrow(
      'cohortFigures: reader "z", case "f1": truth "authentic" differs from "fake" given by reader "ann"',
    );
    expect(() => cohortFigures([ANN, ANN])).toThrow('reader "ann" appears twice');
  });
});

/** Van Dyke's study as two sessions of a cohort: disease = fake, ratings 1..5 on the game's scale. */
const vanDyke = parseLrc(readFileSync(join(process.cwd(), '..', 'shared', 'reader-studies', 'VanDyke.lrc'), 'utf8'));
const session = (t: number): CohortReader[] =>
  vanDyke.readers.map((readerId, j) => ({
    readerId,
    readings: vanDyke.cases.map((c, k) => ({
      caseId: c.id,
      truth: c.truth === 1 ? ('fake' as const) : ('authentic' as const),
      rating: vanDyke.ratings[t]?.[j]?.[k] as Rating,
      localised: false,
      timeMs: 1000,
    })),
  }));

describe('cohort statistics on Van Dyke (RJafroc reference figures)', () => {
  it('the group figure of a session is the single-treatment OR interval: 0.9408, SE 0.02157, df 12.71, 0.8941 to 0.9875', () => {
    const g = groupFigures(session(1));
    expect(g.casesUsed).toBe(114);
    expect((g.meanAuc as number).toFixed(4)).toBe('0.9408');
    expect((g.se as number).toFixed(5)).toBe('0.02157');
    expect((g.df as number).toFixed(2)).toBe('12.71');
    expect(g.ci95?.map((v) => v.toFixed(4))).toEqual(['0.8941', '0.9875']);
  });

  it('pre/post change = treatment 1 − treatment 0: +0.0438, F 4.456, ddf 15.26, p 0.05167, CI −0.00036 to 0.08796', () => {
    const c = prePostChange(session(0), session(1));
    expect([c.readers.length, c.readersLeftOut, c.casesUsed, c.casesLeftOut]).toEqual([5, [], 114, []]);
    expect((c.change as number).toFixed(4)).toBe('0.0438');
    expect((c.f as number).toFixed(3)).toBe('4.456');
    expect([c.ndf, (c.ddf as number).toFixed(2), (c.p as number).toFixed(5)]).toEqual([1, '15.26', '0.05167']);
    expect(c.ci95?.map((v) => v.toFixed(5))).toEqual(['-0.00036', '0.08796']);
    expect([c.pre?.auc.toFixed(4), c.post?.auc.toFixed(4)]).toEqual(['0.8970', '0.9408']);
  });

  it('pre/post keeps only readers in both sessions and says why the test is missing with one', () => {
    const c = prePostChange(session(0).slice(0, 2), session(1).slice(1, 3));
    expect(c.readers).toEqual(['1']);
    expect(c.readersLeftOut).toEqual(['0', '2']);
    expect(c.change).toBeCloseTo((vanDykeAuc(1, 1) - vanDykeAuc(0, 1)), 12);
    expect(c.f).toBeNull();
    expect(c.unavailable).toMatch(/needs 2 or more readers; this study has 1/);
  });

  it('pre/post with different decks: no paired test, and the reason', () => {
    const renamed = session(1).map((r) => ({ ...r, readings: r.readings.map((x) => ({ ...x, caseId: `new-${x.caseId}` })) }));
    const c = prePostChange(session(0), renamed);
    expect(c.casesUsed).toBe(0);
    expect(c.casesLeftOut).toHaveLength(228);
    expect(c.unavailable).toMatch(/needs the same cases in both sessions/);
  });
});

function vanDykeAuc(t: number, j: number): number {
  return groupFigures([session(t)[j] as CohortReader]).meanAuc as number;
}

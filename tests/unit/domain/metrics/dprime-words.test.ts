import { describe, expect, it } from 'vitest';
import { dPrimeWithheld, plainLanguage, readerReport, signalDetection, type MetricKey } from '../../../../src/domain/metrics/index.js';
import type { CaseRecord } from '../../../../src/domain/session.js';
import { fake, real } from './records.js';

const sentence = (records: readonly CaseRecord[], metric: MetricKey): string | undefined =>
  plainLanguage(readerReport(records)).find((s) => s.metric === metric)?.text;

describe('d′ beside accuracy and AUC with few cases (user audit: a perfect round read "0 means no separation")', () => {
  it('one fake and one real, both right: 100% and AUC 1.00, and d′ is withheld with the reason, not 0.00', () => {
    const perfect = [fake(4), real(2)];
    const r = readerReport(perfect);
    expect(r.binary.accuracy).toBe(1);
    expect(r.roc.auc?.auc).toBe(1);
    expect(r.sdt).toBeNull();
    const words = sentence(perfect, 'dPrime') ?? '';
    expect(words).not.toMatch(/no separation|0\.00/);
    expect(words).toMatch(/^d′ is not given: it needs at least 2 answered fakes and 2 answered real images, and you answered 1 fake and 1 real image\./);
    expect(sentence(perfect, 'criterion')).toBeUndefined();
  });

  it('withholds below 2 of a class and when every call is the same; gives it from 2 of each', () => {
    expect(signalDetection(1, 1, 0, 1)).toBeNull();
    expect(dPrimeWithheld(1, 1, 0, 1)).toBe('too-few');
    expect(dPrimeWithheld(3, 4, 0, 1)).toBe('too-few');
    expect(dPrimeWithheld(0, 0, 0, 3)).toBe('no-fakes-or-no-reals');
    expect(dPrimeWithheld(0, 3, 0, 3)).toBe('one-kind-of-call');
    expect(dPrimeWithheld(2, 2, 0, 2)).toBeNull();
    expect(sentence([fake(2), fake(3), real(1), real(2)], 'dPrime')).toBe(
      'd′ is not given: every answer was the same call (real), which says nothing about how far apart you hold fakes and real images.',
    );
  });

  it('a perfect round of 2 and 2 gives a positive d′ and says it rests on corrected rates (0.75 and 0.25)', () => {
    const recs = [fake(5), fake(6), real(1), real(2)];
    const s = readerReport(recs).sdt;
    expect(s).toMatchObject({ corrected: true, hitRateUsed: 0.75, falseAlarmRateUsed: 0.25 });
    expect(s?.dPrime).toBeGreaterThan(1.3);
    const words = sentence(recs, 'dPrime') ?? '';
    expect(words).toMatch(/^Your d′ of 1\.35 .* It rests on corrected rates \(all of your 2 fakes caught, counted as 75%; none of your 2 real images called fake, counted as 25%\)/);
    expect(words).toMatch(/Macmillan & Kaplan 1985/);
    expect(words).not.toMatch(/0 means no separation/);
  });

  it('an uncorrected d′ keeps its plain reading', () => {
    const recs = [fake(5), fake(2), real(1), real(4)];
    expect(sentence(recs, 'dPrime')).toMatch(/^Your d′ of 0\.00 .*; 0 means no separation\.$/);
  });
});

describe('PPV sentence: the share of fakes it rests on (user audit: "57% of images were fake" after a time-out, briefing "about 50%")', () => {
  it('names the share among the answered images, not "a deck where"', () => {
    const recs = [fake(5), fake(6), fake(2), fake(5), real(1), real(2), real(5), fake(null)];
    const words = sentence(recs, 'ppv') ?? '';
    expect(words).not.toMatch(/in a deck where/);
    expect(words).toMatch(/4 of the 7 images you answered \(57%\) were fake/);
  });
});

describe('PPV sentence grammar', () => {
  it('one fake among the answered images "was" fake', () => {
    expect(sentence([fake(5), real(1)], 'ppv')).toMatch(/; 1 of the 2 images you answered \(50%\) was fake\.$/);
  });
});

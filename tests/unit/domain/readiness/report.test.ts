import { describe, expect, it } from 'vitest';
import {
  correctedNote, drillFigures, figureRows, drillReport, drillRunReport, normalQuantile, readerDPrime, signalDetection, type DrillAnswer, type DrillRun,
} from '../../../../src/domain/index.js';

/** One answer: f = fake or not, flag, tell named right/wrong/none, hint, seconds. */
function a(id: string, fake: boolean, flagged: boolean, o: Partial<DrillAnswer> = {}): DrillAnswer {
  return {
    caseId: id, fake, tellCategories: fake ? ['texture-noise'] : [], flagged, read: 'normal', tellNamed: null, hint: null, timeMs: 10_000, timedOut: false, ...o,
  };
}

describe('the drill report\'s figures', () => {
  // 2 fakes (one flagged with the right tell after 20 s), 8 authentic films (one flagged).
  const answers = [
    a('f1', true, true, { tellNamed: 'texture-noise', timeMs: 20_000, hint: 'manipulated' }),
    a('f2', true, false, { hint: 'authentic' }),
    a('r1', false, true, { tellNamed: 'metadata', timeMs: 30_000, hint: 'manipulated' }),
    ...['r2', 'r3', 'r4', 'r5'].map((id) => a(id, false, false, { hint: 'authentic' })),
    ...['r6', 'r7'].map((id) => a(id, false, false)),
    a('r8', false, false, { timedOut: true, read: null, timeMs: 120_000 }),
  ];

  it('counts the funnel, the flag rates and the time to flag', () => {
    const f = drillFigures(answers);
    expect(f).toMatchObject({ shown: 10, fakesShown: 2, authenticShown: 8, fakesFlagged: 1, tellNamedRight: 1, falseFlags: 1, timedOut: 1, noticedRate: 0.5, falseFlagRate: 1 / 8, medianSecondsToFlag: 20 });
  });

  it('gives d\' and c from the flag rates (Macmillan & Creelman 2005)', () => {
    const sdt = drillFigures(answers).sdt!;
    const zH = normalQuantile(0.5);
    const zF = normalQuantile(1 / 8);
    expect(sdt.dPrime).toBeCloseTo(zH - zF, 10);
    expect(sdt.criterion).toBeCloseTo(-0.5 * (zH + zF), 10);
    // All fakes flagged: the hit rate is corrected to 1 - 1/(2n).
    expect(drillFigures([a('f', true, true), a('g', true, true), a('r', false, false), a('s', false, true)]).sdt?.hitRateUsed).toBe(0.75);
    // One fake: caught or missed, its rate would be corrected to 0.5 alike, so there is no d′ (metrics/sdt.ts).
    const one = drillFigures([a('f', true, true), a('r', false, false), a('s', false, true)]);
    expect(one.sdt).toBeNull();
    expect(figureRows(one).find((r) => r.label.startsWith("d'"))?.note).toBe('needs 2 or more fakes and authentic films, and both flagged and unflagged films');
    // A control drill has no fakes, so no d'; its false flags still count.
    expect(drillFigures([a('r', false, true), a('s', false, false)])).toMatchObject({ sdt: null, noticedRate: null, falseFlagRate: 0.5 });
  });

  it('splits accuracy by hint condition: right, wrong and absent', () => {
    const h = drillFigures(answers).byHint;
    // right: f1 (flagged fake), r2..r5 (unflagged authentic, "authentic" badge) -> 5 of 5.
    expect(h.right).toMatchObject({ n: 5, correct: 5, accuracy: 1 });
    // wrong: f2 (missed fake under an "authentic" badge), r1 (false flag under a "manipulated" badge) -> 0 of 2.
    expect(h.wrong).toMatchObject({ n: 2, correct: 0, accuracy: 0, fakes: 1, fakesFlagged: 0, authentic: 1, authenticFlagged: 1 });
    expect(h.none).toMatchObject({ n: 3, correct: 3 });
  });

  it('reports the department and the trend across drills', () => {
    const run = (id: string, date: string, readers: DrillRun['readers']): DrillRun => ({
      drillId: id, title: id, date, prevalence: 0.05, prompted: false, hintAccuracy: null, worklistSize: 10, worklistFakes: 2, readers,
    });
    const second = run('d2', '2026-07-01T00:00:00Z', [{ readerId: 'Ana', answers }, { readerId: 'Ben', answers: answers.map((x) => ({ ...x, flagged: x.fake })) }]);
    const first = run('d1', '2026-06-01T00:00:00Z', [{ readerId: 'Ana', answers: answers.map((x) => ({ ...x, flagged: false })) }]);
    const r = drillRunReport(second);
    expect(r.department).toMatchObject({ shown: 20, fakesShown: 4, fakesFlagged: 3, falseFlags: 1 });
    expect(r).toMatchObject({ readersShownAFake: 2, readersWhoNoticed: 2 });
    const whole = drillReport([second, first]);
    expect(whole.trend.map((t) => [t.drillId, t.noticedRate, t.readersWhoNoticed])).toEqual([['d1', 0, 0], ['d2', 0.75, 2]]);
    expect(whole.readerTrend.find((x) => x.readerId === 'Ana')?.points.map((p) => p.noticedRate)).toEqual([0, 0.5]);
  });
});

describe("a reader's d' beside a drill's few fakes", () => {
  it('is marked when it rests on a corrected rate of 0 or 1, and the mean says how many do', () => {
    // 2 fakes both missed, 1 false flag in 38 authentic films: hit rate 0 -> 1/4, so d' is the correction's +1.26.
    const missed = signalDetection(0, 2, 1, 38);
    expect(readerDPrime(missed)).toBe('1.26 (corrected)');
    const estimable = signalDetection(3, 4, 2, 8);
    expect(readerDPrime(estimable)).toBe(`${estimable?.dPrime.toFixed(2)}`);
    expect(readerDPrime(null)).toBe('n/a');
    expect(correctedNote([{ sdt: missed }, { sdt: estimable }, { sdt: null }])).toBe("1 of 2 readers' d' rests on a rate of 0 or 1 corrected to 1/(2n) or 1 − 1/(2n)");
    expect(correctedNote([{ sdt: missed }])).toBe("The one reader's d' rests on a rate of 0 or 1 corrected to 1/(2n) or 1 − 1/(2n)");
    expect(correctedNote([{ sdt: estimable }])).toBeNull();
  });
});

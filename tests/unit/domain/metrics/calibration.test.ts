import { describe, expect, it } from 'vitest';
import { brierScore, calibration } from '../../../../src/domain/metrics/index.js';
import { FIXTURE, fake, real } from './records.js';

describe('Brier score and calibration table', () => {
  it('hand-computed Brier score, time-outs left out', () => {
    // Fakes 6, 5, 4, 2: (0.05² + 0.2² + 0.4² + 0.8²) = 0.8425; reals 1, 1, 2, 3, 4, 5:
    // (0.05² + 0.05² + 0.2² + 0.4² + 0.6² + 0.8²) = 1.205. Mean over 10 answered cases = 0.20475.
    expect(brierScore(FIXTURE)).toBeCloseTo(0.20475, 12);
    expect(calibration(FIXTURE).excludedTimeOuts).toBe(2);
  });

  it('per rating: stated probability, number of cases, observed fraction of fakes', () => {
    const rows = calibration(FIXTURE).rows.map((r) => [r.rating, r.stated, r.n, r.fakes, r.observed]);
    expect(rows).toEqual([
      [1, 0.05, 2, 0, 0],
      [2, 0.2, 2, 1, 0.5],
      [3, 0.4, 1, 0, 0],
      [4, 0.6, 2, 1, 0.5],
      [5, 0.8, 2, 1, 0.5],
      [6, 0.95, 1, 1, 1],
    ]);
  });

  it('an unused rating has n = 0 and observed null; no answers gives Brier null', () => {
    const c = calibration([fake(6), real(1)]);
    expect(c.rows.find((r) => r.rating === 3)).toMatchObject({ n: 0, observed: null });
    expect(c.brier).toBeCloseTo(0.0025, 12);
    expect(calibration([fake(null)])).toMatchObject({ brier: null, excludedTimeOuts: 1 });
  });

  it('a confident, correct reader beats a hedging one', () => {
    expect(brierScore([fake(6), real(1)]) as number).toBeLessThan(brierScore([fake(4), real(3)]) as number);
  });
});

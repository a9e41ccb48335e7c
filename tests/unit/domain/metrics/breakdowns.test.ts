import { describe, expect, it } from 'vitest';
import { breakdowns, decisionTimes, difficultyOf, imageFamilyOf, quantileSorted } from '../../../../src/domain/metrics/index.js';
import { REAL, fake, forged, real, rec, tell } from './records.js';

describe('decision time', () => {
  it('median and IQR of answered cases; time-outs counted apart', () => {
    const t = decisionTimes([
      fake(6, { timeMs: 400 }), real(1, { timeMs: 100 }), fake(3, { timeMs: 1000 }), real(2, { timeMs: 300 }),
      real(5, { timeMs: 200 }), fake(null, { timeMs: 5000 }),
    ]);
    expect(t).toEqual({ answered: 5, timedOut: 1, medianMs: 300, q1Ms: 200, q3Ms: 400, iqrMs: 200 });
  });

  it('type-7 quartiles interpolate; empty gives null', () => {
    expect([0.25, 0.5, 0.75].map((p) => quantileSorted([1, 2, 3, 4], p))).toEqual([1.75, 2.5, 3.25]);
    expect(decisionTimes([fake(null)])).toMatchObject({ medianMs: null, iqrMs: null, timedOut: 1 });
  });
});

describe('breakdowns', () => {
  // F1 A9+E1, obvious+expert, caught; F2 A9, subtle, missed; F3 T1+T2, expert, caught; F4 A1, subtle, timed out;
  // F5 no tells and no recipe, caught. Reals: cleared, called fake, timed out.
  const records = [
    rec(forged([tell('A9'), tell('E1')], ['expert', 'obvious']), 5),
    rec(forged([tell('A9')], ['subtle']), 3),
    rec(forged([tell('T1'), tell('T2')], ['expert']), 6),
    rec(forged([tell('A1')], ['subtle']), null),
    rec(forged([], []), 4),
    real(1), real(4), real(null),
  ];
  const b = breakdowns(records);
  const rows = (groups: typeof b.byArtifact) => groups.map((g) => [g.key, g.n, g.caught, g.sensitivity, g.cleared, g.specificity]);
  const REAL_ROW = ['real', 3, 0, null, 1, 1 / 3];

  it('by artifact, in catalog order, a fake counting once per artifact', () => {
    expect(rows(b.byArtifact)).toEqual([
      ['A1', 1, 0, 0, 0, null], ['A9', 2, 1, 0.5, 0, null], ['T1', 1, 1, 1, 0, null], ['T2', 1, 1, 1, 0, null],
      ['E1', 1, 1, 1, 0, null], ['unlisted', 1, 1, 1, 0, null], REAL_ROW,
    ]);
  });

  it('by category, a fake with two tells of one category counting once', () => {
    expect(rows(b.byCategory)).toEqual([
      ['anatomical', 3, 1, 1 / 3, 0, null], ['texture-noise', 1, 1, 1, 0, null], ['edges-blending', 1, 1, 1, 0, null],
      ['unlisted', 1, 1, 1, 0, null], REAL_ROW,
    ]);
  });

  it('by family: simulated forgeries and real images', () => {
    expect(rows(b.byFamily)).toEqual([['simulated forgery', 5, 3, 0.6, 0, null], REAL_ROW]);
    expect(imageFamilyOf(REAL)).toBe('real');
    expect(imageFamilyOf(forged())).toBe('simulated forgery');
  });

  it('by difficulty: the easiest recipe step decides', () => {
    expect(difficultyOf(forged([], ['expert', 'subtle']))).toBe('subtle');
    expect(difficultyOf(REAL)).toBeNull();
    expect(rows(b.byDifficulty)).toEqual([
      ['obvious', 1, 1, 1, 0, null], ['subtle', 2, 0, 0, 0, null], ['expert', 1, 1, 1, 0, null],
      ['unlisted', 1, 1, 1, 0, null], REAL_ROW,
    ]);
  });
});

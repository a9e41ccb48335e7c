import { describe, expect, it } from 'vitest';
import {
  RATING_PROBABILITY, RATINGS, TIMEOUT_POINTS, brierPoints, circlePolygon, scoreCase, type CaseTruth, type Rating,
} from '../../../src/domain/index.js';

const real: CaseTruth = { kind: 'authentic', authenticityCues: ['rotated'] };
const fake: CaseTruth = {
  kind: 'forged',
  recipe: [{ techniqueId: 'pasted-lesion', level: 'obvious', seed: 1 }],
  tells: [{ artifactId: 'A9', regions: [circlePolygon(100, 100, 20)], strength: 1, explanation: 'x', howToSee: 'y' }],
};

const expected = (q: number, r: Rating): number =>
  q * brierPoints(RATING_PROBABILITY[r], 1) + (1 - q) * brierPoints(RATING_PROBABILITY[r], 0);

describe('scoring rewards honest confidence', () => {
  it('for every belief, the best rating is the one whose stated probability is nearest that belief', () => {
    for (let q = 0; q <= 1.0001; q += 0.01) {
      const best = [...RATINGS].sort((a, b) => expected(q, b) - expected(q, a))[0] as Rating;
      const nearest = [...RATINGS].sort(
        (a, b) => Math.abs(RATING_PROBABILITY[a] - q) - Math.abs(RATING_PROBABILITY[b] - q),
      )[0] as Rating;
      expect(Math.abs(RATING_PROBABILITY[best] - q)).toBeCloseTo(Math.abs(RATING_PROBABILITY[nearest] - q), 9);
    }
  });

  it('with a mark placed and the bonuses added, the best rating is still the one nearest the belief', () => {
    // Expected total over the truth (fake with belief q) and whether the mark hits the tell (chance h given a fake).
    const mark = [{ x: 105, y: 98 }];
    const miss = [{ x: 300, y: 300 }];
    for (const streak of [0, 2, 5]) {
      for (const h of [0, 0.5, 1]) {
        for (let q = 0; q <= 1.0001; q += 0.01) {
          const total = (r: Rating): number =>
            q * (h * scoreCase(fake, r, mark, streak).total + (1 - h) * scoreCase(fake, r, miss, streak).total) +
            (1 - q) * scoreCase(real, r, mark, streak).total;
          const best = [...RATINGS].sort((a, b) => total(b) - total(a))[0] as Rating;
          const nearestGap = Math.min(...RATINGS.map((r) => Math.abs(RATING_PROBABILITY[r] - q)));
          expect(Math.abs(RATING_PROBABILITY[best] - q), `q ${q.toFixed(2)} h ${h} streak ${streak}: rating ${best}`).toBeCloseTo(nearestGap, 9);
        }
      }
    }
  });

  it('confident and right beats hedged and right; confident and wrong costs most', () => {
    expect(scoreCase(fake, 6, [], 0).ratingPoints).toBeGreaterThan(scoreCase(fake, 4, [], 0).ratingPoints);
    expect(scoreCase(fake, 1, [], 0).ratingPoints).toBeLessThan(scoreCase(fake, 3, [], 0).ratingPoints);
    expect(scoreCase(real, 1, [], 0).correct).toBe(true);
    expect(scoreCase(real, 4, [], 0).correct).toBe(false);
  });

  it('letting the clock run out never beats the least committed answer, whatever the belief', () => {
    for (const q of [0, 0.25, 0.5, 0.75, 1]) {
      expect(Math.max(expected(q, 3), expected(q, 4))).toBeGreaterThan(TIMEOUT_POINTS);
    }
    expect(scoreCase(fake, null, [], 3)).toMatchObject({ correct: false, total: TIMEOUT_POINTS, streakBonus: 0 });
  });

  it('a mark inside a tell region earns the localisation bonus whatever the rating; a fake call with it is localised', () => {
    expect(scoreCase(fake, 5, [{ x: 105, y: 98 }], 0)).toMatchObject({ localised: true, localisationBonus: 25 });
    expect(scoreCase(fake, 5, [{ x: 300, y: 300 }], 0)).toMatchObject({ localised: false, localisationBonus: 0 });
    expect(scoreCase(fake, 2, [{ x: 105, y: 98 }], 0)).toMatchObject({ localised: false, localisationBonus: 25 });
    expect(scoreCase(real, 5, [{ x: 105, y: 98 }], 0)).toMatchObject({ localised: false, localisationBonus: 0 });
  });

  it('streaks add a capped bonus to correct calls only', () => {
    expect(scoreCase(real, 1, [], 2).streakBonus).toBe(20);
    expect(scoreCase(real, 1, [], 40).streakBonus).toBe(50);
    expect(scoreCase(real, 6, [], 4).streakBonus).toBe(0);
  });
});

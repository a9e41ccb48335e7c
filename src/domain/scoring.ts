import { pointInPolygon } from './geometry.js';
import type { CaseTruth, Tell } from './tells.js';
import { isFake, tellsOfTruth } from './tells.js';
import { callsFake, type Point, type Rating } from './types.js';

/**
 * Each rating states a probability that the image is fake. Points follow the quadratic (Brier) scoring rule,
 * a strictly proper rule (Brier 1950; Gneiting & Raftery, JASA 2007): with belief q, expected points are highest
 * for the level whose probability is nearest q, so honest confidence pays and bluffing does not.
 */
export const RATING_PROBABILITY: Readonly<Record<Rating, number>> = {
  1: 0.05,
  2: 0.2,
  3: 0.4,
  4: 0.6,
  5: 0.8,
  6: 0.95,
};

/** points = 100 (1 - 4 (p - y)^2): an affine map of the Brier score, so a coin-flip answer (p = 0.5) scores 0. */
export function brierPoints(p: number, y: 0 | 1): number {
  return Math.round(100 * (1 - 4 * (p - y) ** 2));
}

/**
 * A time-out scores below the worst expected score of the least committed answer (rating 3 or 4 when certain of
 * the opposite: 100 (1 - 4 * 0.36) = -44), so letting the clock run out never beats answering honestly.
 */
export const TIMEOUT_POINTS = -50;
export const LOCALISATION_BONUS = 25;
export const STREAK_STEP = 10;
export const STREAK_CAP = 5;
export const MAX_MARKS = 3;

export interface CaseScore {
  readonly correct: boolean;
  readonly ratingPoints: number;
  readonly localised: boolean;
  readonly localisationBonus: number;
  readonly streakBonus: number;
  readonly total: number;
}

/** A tell of the image as a whole (tells.ts `extent`): a click anywhere would hit it, so it earns no bonus. */
export const isWholeImageTell = (tell: Tell): boolean => tell.extent === 'whole-image';

/** The tells a mark can hit: those with a place on the image. */
export const localTells = (truth: CaseTruth): readonly Tell[] => tellsOfTruth(truth).filter((t) => !isWholeImageTell(t));

/** Whether a mark lies inside a tell that has a place on the image (the review draws hits and misses with this). */
export const markHitsTell = (truth: CaseTruth, mark: Point): boolean => localTells(truth).some((t) => t.regions.some((r) => pointInPolygon(mark, r)));

/** Whether a fake has a mark inside one of its tells that have a place on the image, whatever the rating. */
export const marksTell = (truth: CaseTruth, marks: readonly Point[]): boolean => truth.kind !== 'authentic' && marks.some((m) => markHitsTell(truth, m));

/**
 * A fake is localised (LROC: Swensson, Med Phys 1996) when the call is correct and at least one mark lies inside a
 * tell with a place on the image.
 */
export function isLocalised(truth: CaseTruth, rating: Rating, marks: readonly Point[]): boolean {
  if (truth.kind === 'authentic' || !callsFake(rating)) return false;
  return marks.some((m) => markHitsTell(truth, m));
}

/**
 * `streakBefore` counts consecutive correct calls before this case. The localisation bonus pays for a mark on a tell
 * whatever the rating: paid only with a fake call, it would add 25 points to the "fake" side alone, so a reader sure
 * where the tell is but believing 45% fake would score more by stating 60% (a bonus that depends on the rating breaks
 * the proper rule above). The streak bonus keeps it: it goes to the side of 50% the honest rating is on.
 */
export function scoreCase(
  truth: CaseTruth,
  rating: Rating | null,
  marks: readonly Point[],
  streakBefore: number,
): CaseScore {
  if (rating === null) {
    return { correct: false, ratingPoints: TIMEOUT_POINTS, localised: false, localisationBonus: 0, streakBonus: 0, total: TIMEOUT_POINTS };
  }
  const fake = isFake(truth);
  const correct = callsFake(rating) === fake;
  const ratingPoints = brierPoints(RATING_PROBABILITY[rating], fake ? 1 : 0);
  const localised = isLocalised(truth, rating, marks);
  const localisationBonus = marksTell(truth, marks) ? LOCALISATION_BONUS : 0;
  const streakBonus = correct ? STREAK_STEP * Math.min(streakBefore, STREAK_CAP) : 0;
  return { correct, ratingPoints, localised, localisationBonus, streakBonus, total: ratingPoints + localisationBonus + streakBonus };
}

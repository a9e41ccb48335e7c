import { rectPolygon, type Polygon } from '../../../../src/domain/geometry.js';
import { scoreCase } from '../../../../src/domain/scoring.js';
import type { CaseRecord } from '../../../../src/domain/session.js';
import type { CaseTruth, Difficulty, Tell } from '../../../../src/domain/tells.js';
import { caseId, type Point, type Rating } from '../../../../src/domain/types.js';
import type { ArtifactId } from '../../../../src/domain/artifacts.js';

/** Test helpers that build CaseRecords the way a played session would (score from scoreCase). */
export const REAL: CaseTruth = { kind: 'authentic', authenticityCues: ['rotated'] };

/** Tell regions used across fixtures: A is the top-left 10 px square, B a square far from it. */
export const REGION_A: Polygon = rectPolygon(0, 0, 10, 10);
export const REGION_B: Polygon = rectPolygon(100, 100, 110, 110);
export const IN_A: Point = { x: 5, y: 5 };
export const IN_B: Point = { x: 105, y: 105 };
export const NOWHERE: Point = { x: 50, y: 50 };

export const tell = (artifactId: ArtifactId, region: Polygon = REGION_A): Tell => ({
  artifactId, regions: [region], strength: 1, explanation: 'x', howToSee: 'y',
});

export function forged(tells: readonly Tell[] = [tell('A9')], levels: readonly Difficulty[] = ['obvious']): CaseTruth {
  return { kind: 'forged', recipe: levels.map((level, i) => ({ techniqueId: `t${i}`, level, seed: i })), tells };
}

export const FAKE: CaseTruth = forged();

let counter = 0;
export function rec(
  truth: CaseTruth,
  rating: Rating | null,
  opts: { marks?: readonly Point[]; timeMs?: number } = {},
): CaseRecord {
  const marks = opts.marks ?? [];
  return {
    caseId: caseId(`c${counter++}`),
    round: 0,
    indexInRound: 0,
    rating,
    marks,
    timeMs: opts.timeMs ?? 1000,
    timedOut: rating === null,
    truth,
    score: scoreCase(truth, rating, marks, 0),
    toolsUsed: [],
    interrupted: false,
    answeredAt: 0,
  };
}

export const real = (rating: Rating | null, opts?: { marks?: readonly Point[]; timeMs?: number }): CaseRecord =>
  rec(REAL, rating, opts);
export const fake = (rating: Rating | null, opts?: { marks?: readonly Point[]; timeMs?: number }): CaseRecord =>
  rec(FAKE, rating, opts);

/**
 * The shared hand-computed fixture. Fakes rated 6, 5, 4, 2 and one time-out; real images rated 1, 1, 2, 3, 4, 5 and
 * one time-out. Binary: TP 3, FN 2, TN 4, FP 3 (each time-out is a wrong call).
 */
export const FIXTURE: readonly CaseRecord[] = [
  fake(6), fake(5), fake(4), fake(2), fake(null),
  real(1), real(1), real(2), real(3), real(4), real(5), real(null),
];

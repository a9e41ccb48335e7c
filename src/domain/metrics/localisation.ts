import { pointInPolygon } from '../geometry.js';
import { isLocalised, localTells } from '../scoring.js';
import type { CaseRecord } from '../session.js';
import type { Tell } from '../tells.js';
import type { Point } from '../types.js';
import { psi } from './auc.js';
import { isAnswered, isPositive, ratio } from './outcomes.js';

/**
 * Localisation metrics: LROC-style localised fraction (Swensson, Med Phys 1996) and the JAFROC figure of merit
 * (Chakraborty & Berbaum, Med Phys 2004), with every mark on a case taking the case's one rating, the only confidence
 * the reader gave. Formulas and the mapping's consequences: metrics/README.md, Decisions.
 */
export interface Jafroc {
  readonly fom: number;
  readonly nNormals: number;
  readonly nLesions: number;
}

export interface Localisation {
  readonly fakes: number;
  readonly localised: number;
  /** localised / fakes; null with no fakes. */
  readonly localisedFraction: number | null;
  /** Null without an answered real image or without a tell on an answered fake. */
  readonly jafroc: Jafroc | null;
  readonly excludedTimeOuts: number;
}

/** θ from the normal-image and lesion ratings (−Infinity = unmarked); null when either list is empty. */
export function jafrocFom(normalRatings: readonly number[], lesionRatings: readonly number[]): number | null {
  if (normalRatings.length === 0 || lesionRatings.length === 0) return null;
  let s = 0;
  for (const x of normalRatings) for (const y of lesionRatings) s += psi(x, y);
  return s / (normalRatings.length * lesionRatings.length);
}

const tellHit = (tell: Tell, marks: readonly Point[]): boolean =>
  marks.some((m) => tell.regions.some((region) => pointInPolygon(m, region)));

/** Xᵢ for answered real images and Yⱼ for every tell of answered fakes, under the mapping above. */
export function jafrocRatings(records: readonly CaseRecord[]): { normals: number[]; lesions: number[] } {
  const normals: number[] = [];
  const lesions: number[] = [];
  for (const r of records.filter(isAnswered)) {
    const t = r.truth;
    if (t.kind === 'authentic') normals.push(r.marks.length > 0 ? r.rating : -Infinity);
    else for (const tell of localTells(t)) lesions.push(tellHit(tell, r.marks) ? r.rating : -Infinity);
  }
  return { normals, lesions };
}

export function localisation(records: readonly CaseRecord[]): Localisation {
  // Only fakes with a tell that has a place on the image can be localised (scoring.ts isWholeImageTell).
  const fakes = records.filter((r) => isPositive(r) && localTells(r.truth).length > 0);
  const localised = fakes.filter((r) => r.rating !== null && isLocalised(r.truth, r.rating, r.marks)).length;
  const { normals, lesions } = jafrocRatings(records);
  const fom = jafrocFom(normals, lesions);
  return {
    fakes: fakes.length,
    localised,
    localisedFraction: ratio(localised, fakes.length),
    jafroc: fom === null ? null : { fom, nNormals: normals.length, nLesions: lesions.length },
    excludedTimeOuts: records.filter((r) => r.rating === null).length,
  };
}

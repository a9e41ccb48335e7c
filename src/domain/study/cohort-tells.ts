import { ARTIFACT_CATEGORIES, ARTIFACTS, artifactById, type ArtifactId } from '../artifacts.js';
import { ratio } from '../metrics/outcomes.js';
import { callsFake } from '../types.js';
import type { CohortReader } from './cohort-input.js';

/**
 * Which kinds of tell the group missed: over every reader's reading of every fake, the share not called fake, per
 * artifact of the teaching catalog and per category. As in metrics/breakdowns.ts, a time-out on a fake counts as a
 * miss (the fake went through), and a fake with several tells counts once in each of its groups. The instructor's
 * side says which tells a case has (`tellsOf`: artifact ids from the deck, never from a reader's file).
 */
export interface MissRateGroup {
  /** An artifact id ('A9') or a category ('anatomical'). */
  readonly key: string;
  /** Distinct fake cases in the group. */
  readonly cases: number;
  /** Readings of those cases, over all readers. */
  readonly readings: number;
  readonly missed: number;
  readonly timedOut: number;
  /** missed / readings. */
  readonly missRate: number | null;
}

export interface MissRates {
  readonly byArtifact: readonly MissRateGroup[];
  readonly byCategory: readonly MissRateGroup[];
}

const ARTIFACT_ORDER = new Map<string, number>(ARTIFACTS.map((a, i) => [a.id, i]));
const isArtifactId = (id: string): id is ArtifactId => ARTIFACT_ORDER.has(id);

export function cohortMissRates(readers: readonly CohortReader[], tellsOf: (caseId: string) => readonly string[]): MissRates {
  const byArtifact = new Map<string, { cases: Set<string>; readings: number; missed: number; timedOut: number }>();
  const byCategory = new Map<string, { cases: Set<string>; readings: number; missed: number; timedOut: number }>();
  const add = (m: typeof byArtifact, key: string, caseId: string, missed: boolean, timedOut: boolean): void => {
    const g = m.get(key) ?? { cases: new Set<string>(), readings: 0, missed: 0, timedOut: 0 };
    g.cases.add(caseId);
    g.readings++;
    if (missed) g.missed++;
    if (timedOut) g.timedOut++;
    m.set(key, g);
  };
  for (const r of readers) {
    for (const x of r.readings) {
      if (x.truth !== 'fake') continue;
      const missed = x.rating === null || !callsFake(x.rating);
      const ids = [...new Set(tellsOf(x.caseId))].filter(isArtifactId);
      for (const id of ids) add(byArtifact, id, x.caseId, missed, x.rating === null);
      for (const c of new Set(ids.map((id) => artifactById(id).category))) add(byCategory, c, x.caseId, missed, x.rating === null);
    }
  }
  const rows = (m: typeof byArtifact, rank: (k: string) => number): MissRateGroup[] =>
    [...m]
      .map(([key, g]) => ({ key, cases: g.cases.size, readings: g.readings, missed: g.missed, timedOut: g.timedOut, missRate: ratio(g.missed, g.readings) }))
      // Most missed first; ties in catalog order, so the table reads the same on every machine.
      .sort((a, b) => (b.missRate ?? -1) - (a.missRate ?? -1) || rank(a.key) - rank(b.key));
  return {
    byArtifact: rows(byArtifact, (k) => ARTIFACT_ORDER.get(k) ?? 0),
    byCategory: rows(byCategory, (k) => (ARTIFACT_CATEGORIES as readonly string[]).indexOf(k)),
  };
}

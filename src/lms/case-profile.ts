import { artifactById, type ArtifactCategory, type ArtifactId, type Difficulty, type TechniqueSummary } from '../domain/index.js';
import type { CaseSpec, DemoCaseSpec } from '../decks/index.js';
import type { PackCase } from '../pack-format/index.js';

/**
 * What a test case asks of the reader, as far as matching a pre-test to a post-test goes: real or fake, which tells
 * (artifact ids) and their categories, and how hard (the recipe's hardest level; null for a real image or an
 * imported synthetic image, which has no level).
 */
export interface CaseProfile {
  readonly kind: 'real' | 'fake';
  readonly artifactIds: readonly string[];
  readonly categories: readonly ArtifactCategory[];
  readonly level: Difficulty | null;
}

/** One case of a module, with the spec the case library prepares and its profile. */
export interface ModuleCase {
  readonly spec: CaseSpec;
  readonly profile: CaseProfile;
  /** Id inside the deck (a pack's `c0007`, or the demo spec's id), for reports. */
  readonly deckCaseId: string;
}

const LEVEL_ORDER: Readonly<Record<Difficulty, number>> = { obvious: 0, subtle: 1, expert: 2 };

const hardest = (levels: readonly Difficulty[]): Difficulty | null =>
  levels.reduce<Difficulty | null>((a, l) => (a === null || LEVEL_ORDER[l] > LEVEL_ORDER[a] ? l : a), null);

function profileOf(kind: 'real' | 'fake', artifactIds: Iterable<string>, level: Difficulty | null): CaseProfile {
  const ids = [...new Set(artifactIds)].sort();
  const categories = [...new Set(ids.map((id) => artifactById(id as ArtifactId).category))].sort();
  return { kind, artifactIds: ids, categories, level };
}

/** A demo spec's profile: the tells are the artifacts its techniques declare (forgery's TECHNIQUE_INFO). */
export function demoCaseProfile(spec: DemoCaseSpec, techniques: readonly TechniqueSummary[]): CaseProfile {
  if (spec.forgery === null || spec.forgery.length === 0) return profileOf('real', [], null);
  const ids = spec.forgery.flatMap((step) => {
    const t = techniques.find((x) => x.id === step.techniqueId);
    if (!t) throw new Error(`demoCaseProfile: technique '${step.techniqueId}' of case ${spec.id} is not among the ${techniques.length} known`);
    return t.artifactIds;
  });
  return profileOf('fake', ids, hardest(spec.forgery.map((s) => s.level)));
}

/** A pack case's profile, from the truth in its manifest. */
export function packCaseProfile(c: PackCase): CaseProfile {
  const t = c.truth;
  if (t.kind === 'authentic') return profileOf('real', [], null);
  const ids = t.tells.map((x) => x.artifactId);
  return profileOf('fake', ids, t.kind === 'forged' ? hardest(t.recipe.map((s) => s.level)) : null);
}

/**
 * How closely a candidate matches a target, best first: 0 the same tells and level, 1 the same categories and level,
 * 2 the same categories, 3 a category in common, 4 the same kind only, 5 a different kind.
 */
export type MatchTier = 0 | 1 | 2 | 3 | 4 | 5;
export const MATCH_TIER_WORDS: Readonly<Record<MatchTier, string>> = {
  0: 'the same tells and difficulty',
  1: 'the same tell categories and difficulty',
  2: 'the same tell categories, another difficulty',
  3: 'a tell category in common',
  4: 'real/fake only',
  5: 'nothing (the other kind)',
};

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function matchTier(target: CaseProfile, candidate: CaseProfile): MatchTier {
  if (target.kind !== candidate.kind) return 5;
  if (target.kind === 'real') return 0;
  const sameLevel = target.level === candidate.level;
  if (sameLevel && sameList(target.artifactIds, candidate.artifactIds)) return 0;
  const sameCategories = sameList(target.categories, candidate.categories);
  if (sameCategories && sameLevel) return 1;
  if (sameCategories) return 2;
  if (target.categories.some((c) => candidate.categories.includes(c))) return 3;
  return 4;
}

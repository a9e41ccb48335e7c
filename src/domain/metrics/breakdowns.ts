import { ARTIFACTS, ARTIFACT_CATEGORIES, artifactById } from '../artifacts.js';
import type { CaseRecord } from '../session.js';
import { tellsOfTruth, type CaseTruth, type Difficulty } from '../tells.js';
import { isPositive, ratio, saidFake } from './outcomes.js';

/**
 * Performance by artifact, artifact category, image family and difficulty. Within a group of fakes the figure is
 * the share caught (sensitivity, time-outs counting as misses); real images form one group, 'real', with the share
 * cleared (specificity). A fake with several tells counts once in each of its artifact (or category) groups.
 */
export interface BreakdownGroup {
  readonly key: string;
  readonly n: number;
  readonly fakes: number;
  readonly caught: number;
  /** caught / fakes; null in the 'real' group. */
  readonly sensitivity: number | null;
  readonly reals: number;
  readonly cleared: number;
  /** cleared / reals; null in groups of fakes. */
  readonly specificity: number | null;
}

export interface Breakdowns {
  readonly byArtifact: readonly BreakdownGroup[];
  readonly byCategory: readonly BreakdownGroup[];
  readonly byFamily: readonly BreakdownGroup[];
  readonly byDifficulty: readonly BreakdownGroup[];
}

export const REAL_GROUP = 'real';
/** Key for a fake that has no tell (or no recipe step) to group it by. */
export const UNLISTED_GROUP = 'unlisted';

/**
 * Where a case's image came from: forged by the game's forgery engine, or an AI-generated image imported in a case
 * pack. The `never` check makes the compiler point at this switch when the union grows.
 */
export type ImageFamily = 'real' | 'simulated forgery' | 'imported AI image';
export const IMAGE_FAMILIES: readonly ImageFamily[] = ['simulated forgery', 'imported AI image', 'real'];

export function imageFamilyOf(truth: CaseTruth): ImageFamily {
  switch (truth.kind) {
    case 'authentic':
      return 'real';
    case 'forged':
      return 'simulated forgery';
    case 'synthetic':
      return 'imported AI image';
    default: {
      const unknown: never = truth;
      throw new Error(`imageFamilyOf: unknown truth kind ${JSON.stringify(unknown)}`);
    }
  }
}

const DIFFICULTY_ORDER: readonly Difficulty[] = ['obvious', 'subtle', 'expert'];

/**
 * The difficulty of a forged case is that of its EASIEST recipe step: a reader needs to see only one tell to call the
 * image fake, so an obvious step gives the case away whatever else was done to it.
 */
export function difficultyOf(truth: CaseTruth): Difficulty | null {
  if (truth.kind !== 'forged' || truth.recipe.length === 0) return null;
  return DIFFICULTY_ORDER.find((d) => truth.recipe.some((s) => s.level === d)) ?? null;
}

/**
 * Groups records by keys. `fakeKeys` gives the group keys of a fake (deduplicated here; an empty list puts it in
 * UNLISTED_GROUP); every real image goes to REAL_GROUP. Groups come in `order`, then unknown keys alphabetically,
 * then UNLISTED_GROUP and REAL_GROUP.
 */
export function breakdownBy(
  records: readonly CaseRecord[],
  fakeKeys: (truth: CaseTruth) => readonly string[],
  order: readonly string[] = [],
): BreakdownGroup[] {
  const acc = new Map<string, { fakes: number; caught: number; reals: number; cleared: number }>();
  for (const r of records) {
    const fake = isPositive(r);
    const listed = fake ? [...new Set(fakeKeys(r.truth))] : [REAL_GROUP];
    for (const key of listed.length > 0 ? listed : [UNLISTED_GROUP]) {
      const g = acc.get(key) ?? { fakes: 0, caught: 0, reals: 0, cleared: 0 };
      if (fake) {
        g.fakes++;
        if (saidFake(r)) g.caught++;
      } else {
        g.reals++;
        if (!saidFake(r)) g.cleared++;
      }
      acc.set(key, g);
    }
  }
  const rank = (k: string): number => {
    const i = order.indexOf(k);
    return i >= 0 ? i : k === REAL_GROUP ? order.length + 2 : k === UNLISTED_GROUP ? order.length + 1 : order.length;
  };
  return [...acc.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, g]) => ({
      key,
      n: g.fakes + g.reals,
      ...g,
      sensitivity: ratio(g.caught, g.fakes),
      specificity: ratio(g.cleared, g.reals),
    }));
}

const tellsOf = (t: CaseTruth): readonly string[] => tellsOfTruth(t).map((x) => x.artifactId);

export function breakdowns(records: readonly CaseRecord[]): Breakdowns {
  return {
    byArtifact: breakdownBy(records, tellsOf, ARTIFACTS.map((a) => a.id)),
    byCategory: breakdownBy(
      records,
      (t) => tellsOfTruth(t).map((x) => artifactById(x.artifactId).category),
      ARTIFACT_CATEGORIES,
    ),
    byFamily: breakdownBy(records, (t) => [imageFamilyOf(t)], IMAGE_FAMILIES),
    byDifficulty: breakdownBy(records, (t) => {
      const d = difficultyOf(t);
      return d === null ? [] : [d];
    }, DIFFICULTY_ORDER),
  };
}

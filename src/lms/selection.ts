import { countOf, caseId, createRng, fakesInRound, getMode, hashString, shuffled, type Difficulty, type Rng, type TechniqueSummary } from '../domain/index.js';
import { DEMO_DECK_ID, atlasEntries, planDemoDeck, type AtlasEntry, type DemoCaseSpec } from '../decks/index.js';
import type { PackCase, PackManifest } from '../pack-format/index.js';
import { MATCH_TIER_WORDS, demoCaseProfile, matchTier, packCaseProfile, type MatchTier, type ModuleCase } from './case-profile.js';
import type { ModuleDefinition } from './module-schema.js';

/**
 * Which cases a module shows, pure and seeded (the same module.json gives the same cases on every machine, so a
 * learner resumes into the same test): a pre-test of k cases, for each attempt a post-test of k other cases matched
 * to the pre-test case by case (same real/fake, same tells and difficulty where the deck has such a case), a
 * practice round for the teaching step, and the atlas entries of the tells the tests use.
 *
 * The demo deck is procedural, so a post-test case is the pre-test case's recipe (same technique and level) on a
 * new simulated patient with a new forgery seed: an exact match. A case pack is finite: each pre-test case is given
 * the best unused pack case (MatchTier), rarest profiles first, and the report says what was matched.
 */
export interface AttemptMatch {
  readonly attempt: number;
  /** How many post-test cases matched their pre-test case at each tier. */
  readonly tiers: Readonly<Record<MatchTier, number>>;
  readonly fakes: number;
  readonly sentence: string;
}

export interface ModulePlan {
  readonly pre: readonly ModuleCase[];
  /** posts[a] is the post-test of attempt a + 1; every case appears once in the whole plan. */
  readonly posts: readonly (readonly ModuleCase[])[];
  readonly practice: readonly ModuleCase[];
  readonly matching: readonly AttemptMatch[];
  /** Atlas entries (catalog order) for every tell the tests and practice use. */
  readonly teaching: readonly AtlasEntry[];
}

export class ModuleSelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModuleSelectionError';
  }
}

export interface SelectionSources {
  /** Every technique the demo deck may use, with its artifacts (forgery's TECHNIQUE_INFO). */
  readonly techniques: readonly TechniqueSummary[];
  /** The pack's manifest, for a pack deck. */
  readonly pack?: PackManifest;
}

export function planModule(def: ModuleDefinition, sources: SelectionSources): ModulePlan {
  const plan = def.deck.kind === 'demo' ? planDemoModule(def, sources.techniques) : planPackModule(def, sources.pack);
  const used = new Set([...plan.pre, ...plan.posts.flat(), ...plan.practice].flatMap((c) => c.profile.artifactIds));
  const teaching = atlasEntries(sources.techniques).filter((e) => used.has(e.artifact.id));
  return { ...plan, teaching };
}

type PlanWithoutTeaching = Omit<ModulePlan, 'teaching'>;

function planDemoModule(def: ModuleDefinition, techniques: readonly TechniqueSummary[]): PlanWithoutTeaching {
  const seed = def.deck.seed;
  const mode = { ...getMode('practice'), rounds: 1, casesPerRound: def.preCases, fakeShare: def.fakeShare };
  const preSpecs = planDemoDeck(seed, mode, techniques).rounds[0] ?? [];
  const asCase = (spec: DemoCaseSpec): ModuleCase => ({ spec, profile: demoCaseProfile(spec, techniques), deckCaseId: spec.id });
  const pre = preSpecs.map(asCase);
  const posts: ModuleCase[][] = [];
  const matching: AttemptMatch[] = [];
  for (let a = 0; a < def.attempts; a++) {
    const rng = createRng(hashString(`module-post:${def.id}:${seed}:${a}`));
    const specs = resample(preSpecs, def.postCases, rng).map((s, i) => remake(s, `${DEMO_DECK_ID}-${seed}-post${a + 1}c${i + 1}`, rng));
    const post = shuffled(specs, rng).map(asCase);
    posts.push(post);
    matching.push(report(a + 1, pre, post));
  }
  const prng = createRng(hashString(`module-practice:${def.id}:${seed}`));
  const practiceSpecs = resample(preSpecs, def.practiceCases, prng).map((s, i) => {
    const easier = s.forgery?.map((f) => ({ ...f, level: (f.level === 'expert' ? 'subtle' : f.level) as Difficulty })) ?? null;
    return remake({ ...s, forgery: easier }, `${DEMO_DECK_ID}-${seed}-practice${i + 1}`, prng);
  });
  return { pre, posts, practice: shuffled(practiceSpecs, prng).map(asCase), matching };
}

/** n recipes drawn from the pre-test's: all of them in turn, so the post-test mirrors the pre-test when n = k. */
function resample(specs: readonly DemoCaseSpec[], n: number, rng: Rng): DemoCaseSpec[] {
  if (specs.length === 0) return [];
  const order = shuffled(specs, rng);
  return Array.from({ length: n }, (_, i) => order[i % order.length] as DemoCaseSpec);
}

/** The same recipe (technique, level) on a new patient and with a new forgery seed. */
function remake(spec: DemoCaseSpec, id: string, rng: Rng): DemoCaseSpec {
  return {
    id: caseId(id),
    simSeed: rng.int(2 ** 31),
    forgery: spec.forgery?.map((f) => ({ techniqueId: f.techniqueId, level: f.level, seed: rng.int(2 ** 31) })) ?? null,
  };
}

function planPackModule(def: ModuleDefinition, pack: PackManifest | undefined): PlanWithoutTeaching {
  if (def.deck.kind !== 'pack') throw new Error('planPackModule: not a pack deck');
  if (!pack) throw new ModuleSelectionError(`the module names pack '${def.deck.packId}' but no pack manifest was given`);
  if (pack.id !== def.deck.packId) throw new ModuleSelectionError(`the module names pack '${def.deck.packId}' but the pack given is '${pack.id}'`);
  const need = def.preCases + def.postCases * def.attempts;
  if (pack.cases.length < need) {
    throw new ModuleSelectionError(
      `pack '${pack.id}' has ${pack.cases.length} cases, but a pre-test of ${def.preCases} and ${countOf(def.attempts, 'post-test')} of ${def.postCases} fresh cases need ${need}. ` +
        'Lower --attempts, --pre or --post, or build a larger pack.',
    );
  }
  const seed = def.deck.seed;
  const rng = createRng(hashString(`module-pack:${def.id}:${pack.id}:${seed}`));
  const asCase = (c: PackCase): ModuleCase => ({
    spec: { id: caseId(`${pack.id}-${seed}-${c.id}`), packId: pack.id, packCaseId: c.id },
    profile: packCaseProfile(c),
    deckCaseId: c.id,
  });
  const pool = shuffled(pack.cases, rng).map(asCase);
  const fakes = pool.filter((c) => c.profile.kind === 'fake');
  const reals = pool.filter((c) => c.profile.kind === 'real');
  let k = Math.min(fakesInRound(def.preCases, def.fakeShare, rng.chance(0.5)), fakes.length);
  if (def.preCases - k > reals.length) k = def.preCases - reals.length;
  const pre = shuffled([...fakes.slice(0, k), ...reals.slice(0, def.preCases - k)], rng);
  const unused = new Set(pool.filter((c) => !pre.includes(c)));
  const posts: ModuleCase[][] = [];
  const matching: AttemptMatch[] = [];
  for (let a = 0; a < def.attempts; a++) {
    const targets = Array.from({ length: def.postCases }, (_, i) => pre[i % pre.length] as ModuleCase);
    const post = shuffled(matchFrom(targets, unused), rng);
    posts.push(post);
    matching.push(report(a + 1, targets, post));
  }
  const practice = [...unused].slice(0, def.practiceCases);
  return { pre, posts, practice, matching };
}

/**
 * Greedy matching: targets with the fewest exact candidates pick first (so a rare tell is not used up by a common
 * one), each takes the best-tier unused candidate. Returns the picks in target order and removes them from `unused`.
 */
function matchFrom(targets: readonly ModuleCase[], unused: Set<ModuleCase>): ModuleCase[] {
  const exactCount = (t: ModuleCase): number => [...unused].filter((c) => matchTier(t.profile, c.profile) === 0).length;
  const order = targets.map((t, i) => ({ t, i, n: exactCount(t) })).sort((a, b) => a.n - b.n || a.i - b.i);
  const picks: ModuleCase[] = new Array(targets.length);
  for (const { t, i } of order) {
    let best: ModuleCase | null = null;
    let bestTier = 6;
    for (const c of unused) {
      const tier = matchTier(t.profile, c.profile);
      if (tier < bestTier) [best, bestTier] = [c, tier];
      if (tier === 0) break;
    }
    if (!best) throw new ModuleSelectionError('the pack ran out of unused cases'); // guarded by the size check above
    unused.delete(best);
    picks[i] = best;
  }
  return picks;
}

function report(attempt: number, targets: readonly ModuleCase[], post: readonly ModuleCase[]): AttemptMatch {
  const tiers: Record<MatchTier, number> = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  // Pair each post case with the target it was drawn for: same multiset, so compare as multisets by best pairing.
  const left = [...targets];
  for (const c of post) {
    let bi = 0;
    let bt: MatchTier = 5;
    left.forEach((t, i) => {
      const tier = matchTier(t.profile, c.profile);
      if (tier < bt) [bi, bt] = [i, tier];
    });
    tiers[bt] += 1;
    left.splice(bi, 1);
  }
  const fakes = post.filter((c) => c.profile.kind === 'fake').length;
  const preFakes = targets.filter((c) => c.profile.kind === 'fake').length;
  const parts = (Object.keys(tiers) as unknown as MatchTier[]).filter((t) => tiers[t] > 0).map((t) => `${tiers[t]} with ${MATCH_TIER_WORDS[t]}`);
  const sentence = `Post-test ${attempt}: ${post.length} cases matched to the pre-test: ${parts.join('; ')}. Fakes: ${fakes} of ${post.length} (pre-test ${preFakes} of ${targets.length}).`;
  return { attempt, tiers, fakes, sentence };
}

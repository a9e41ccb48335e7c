import { describe, expect, it } from 'vitest';
import { matchTier, ModuleSelectionError, planModule, type ModuleCase } from '../../../src/lms/index.js';
import { demoModule, planFor, TECHNIQUES } from '../../helpers/lms-module.js';
import { fakePack } from '../../helpers/lms-pack.js';

const key = (c: ModuleCase): string => `${c.profile.kind}:${c.profile.artifactIds.join('+')}:${c.profile.level}`;
const multiset = (cs: readonly ModuleCase[]): string[] => cs.map(key).sort();

describe('module case selection', () => {
  it('is seeded: the same module.json gives the same cases; another seed other cases', () => {
    const def = demoModule({ preCases: 10, postCases: 10 });
    expect(planFor(def)).toEqual(planFor(def));
    const other = planFor(demoModule({ preCases: 10, postCases: 10, deck: { kind: 'demo', seed: 8 } }));
    expect(other.pre.map((c) => c.spec.id)).not.toEqual(planFor(def).pre.map((c) => c.spec.id));
  });

  it('demo deck: every post-test attempt has other cases with exactly the pre-test multiset of tells, levels and fakes', () => {
    const def = demoModule({ preCases: 12, postCases: 12, attempts: 3 });
    const plan = planFor(def);
    const ids = [...plan.pre, ...plan.posts.flat(), ...plan.practice].map((c) => c.spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seeds = [...plan.pre, ...plan.posts.flat()].map((c) => ('simSeed' in c.spec ? c.spec.simSeed : -1));
    expect(new Set(seeds).size).toBe(seeds.length); // a new simulated patient every time
    expect(plan.posts).toHaveLength(3);
    for (const [a, post] of plan.posts.entries()) {
      expect(multiset(post)).toEqual(multiset(plan.pre));
      expect(plan.matching[a]?.tiers[0]).toBe(12);
    }
    expect(plan.pre.filter((c) => c.profile.kind === 'fake')).toHaveLength(6);
  });

  it('teaching set: the atlas entries of exactly the tells the tests and practice use', () => {
    const plan = planFor(demoModule({ preCases: 6, postCases: 6 }));
    const used = new Set([...plan.pre, ...plan.posts.flat(), ...plan.practice].flatMap((c) => c.profile.artifactIds));
    expect(plan.teaching.map((e) => e.artifact.id).sort()).toEqual([...used].sort());
    expect(plan.teaching.length).toBeGreaterThan(0);
  });

  it('a pack: fresh cases for each attempt, matched tier by tier, and a report that says what was matched', () => {
    const pack = fakePack(60, 11);
    const def = demoModule({ preCases: 8, postCases: 8, attempts: 3, deck: { kind: 'pack', seed: 3, packId: pack.id, folder: 'deck' } });
    const plan = planModule(def, { techniques: TECHNIQUES, pack });
    const ids = [...plan.pre, ...plan.posts.flat()].map((c) => c.deckCaseId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [a, post] of plan.posts.entries()) {
      // Same real/fake split as the pre-test, and every case matched at least on real/fake.
      expect(post.filter((c) => c.profile.kind === 'fake').length).toBe(plan.pre.filter((c) => c.profile.kind === 'fake').length);
      expect(plan.matching[a]?.tiers[5]).toBe(0);
      expect(plan.matching[a]?.sentence).toMatch(new RegExp(`^Post-test ${a + 1}: 8 cases matched`));
    }
    // The pack has two of each profile, so the first attempt matches exactly.
    expect(plan.matching[0]?.tiers[0]).toBe(8);
    expect(post0(plan).every((c, i) => matchTier(plan.pre[i]!.profile, c.profile) <= 5)).toBe(true);
  });

  it('a pack too small for fresh retries is refused with what to do', () => {
    const pack = fakePack(20, 1);
    const def = demoModule({ preCases: 8, postCases: 8, attempts: 3, deck: { kind: 'pack', seed: 3, packId: pack.id, folder: 'deck' } });
    expect(() => planModule(def, { techniques: TECHNIQUES, pack })).toThrow(ModuleSelectionError);
    expect(() => planModule(def, { techniques: TECHNIQUES, pack })).toThrow(/has 20 cases.*need 32.*Lower --attempts/);
  });
});

const post0 = (plan: ReturnType<typeof planFor>): readonly ModuleCase[] => plan.posts[0] ?? [];

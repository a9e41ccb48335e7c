import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/domain/rng.js';
import type { ForgeryStep } from '../../../src/domain/tells.js';
import { TECHNIQUES, forge, getTechnique } from '../../../src/forgery/catalog.js';
import { makeFixture } from './fixture.js';
import { sha256 } from './measure.js';

const { image, hints } = makeFixture(1);

describe('technique catalog', () => {
  it('registers each technique under its own kebab-case id, frozen', () => {
    for (const [id, t] of Object.entries(TECHNIQUES)) {
      expect(t.id).toBe(id);
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(getTechnique(id)).toBe(t);
    }
    expect(Object.isFrozen(TECHNIQUES)).toBe(true);
    expect(Object.keys(TECHNIQUES)).toEqual(expect.arrayContaining(['mirror-symmetry', 'uniform-grain', 'pasted-lesion']));
  });

  it('getTechnique names the unknown id and the known ones', () => {
    expect(() => getTechnique('nope')).toThrow(/'nope'.*mirror-symmetry.*uniform-grain.*pasted-lesion/);
    expect(() => getTechnique('toString')).toThrow(/toString/);
  });
});

describe('forge', () => {
  const steps: readonly ForgeryStep[] = [
    { techniqueId: 'pasted-lesion', level: 'subtle', seed: 101 },
    { techniqueId: 'mirror-symmetry', level: 'expert', seed: 102 },
    { techniqueId: 'uniform-grain', level: 'expert', seed: 103 },
  ];

  it('chains the steps, each with createRng(step.seed), and concatenates their tells', () => {
    const result = forge(image, steps, hints);
    let expected = image;
    const tells = [];
    for (const s of steps) {
      const r = getTechnique(s.techniqueId).apply(expected, { level: s.level, hints }, createRng(s.seed));
      expected = r.image;
      tells.push(...r.tells);
    }
    expect(sha256(result.image)).toBe(sha256(expected));
    expect(result.tells).toEqual(tells);
    expect(result.tells.map((t) => t.artifactId)).toEqual(['A9', 'E1', 'A1', 'E2', 'T1']);
  });

  it('is deterministic and leaves its input alone', () => {
    const before = sha256(image);
    expect(sha256(forge(image, steps, hints).image)).toBe(sha256(forge(image, steps, hints).image));
    expect(sha256(image)).toBe(before);
  });

  it('works without hints', () => {
    const r = forge(image, steps.slice(0, 2));
    expect(r.tells).toHaveLength(4);
  });

  it('refuses empty, over-long or unknown recipes before doing any work', () => {
    expect(() => forge(image, [])).toThrow(/1 to 3 steps, got 0/);
    expect(() => forge(image, [...steps, steps[0] as ForgeryStep])).toThrow(/got 4/);
    expect(() => forge(image, [{ techniqueId: 'nope', level: 'obvious', seed: 1 }])).toThrow(/'nope'/);
  });
});

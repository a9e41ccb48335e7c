import { describe, expect, it } from 'vitest';
import { cohortMissRates, type CohortReader } from '../../../../src/domain/index.js';

/** Miss rates by tell and category: which kinds of fake the group let through. */
const reading = (caseId: string, truth: 'fake' | 'authentic', rating: 1 | 2 | 3 | 4 | 5 | 6 | null) => ({ caseId, truth, rating, localised: false, timeMs: 1000 });

describe('cohortMissRates', () => {
  const readers: CohortReader[] = [
    { readerId: 'Ana', readings: [reading('a', 'fake', 2), reading('b', 'fake', 6), reading('c', 'authentic', 1), reading('d', 'fake', null)] },
    { readerId: 'Ben', readings: [reading('a', 'fake', 5), reading('b', 'fake', 3), reading('c', 'authentic', 6), reading('d', 'fake', 4)] },
  ];
  const tells: Record<string, string[]> = { a: ['A9', 'E1'], b: ['T1'], d: ['A9'] };
  const m = cohortMissRates(readers, (id) => tells[id] ?? []);

  it('counts a fake not called fake, and a time-out, as a miss in each of its tells, most missed first', () => {
    expect(m.byArtifact.map((g) => [g.key, g.cases, g.readings, g.missed, g.timedOut])).toEqual([
      ['A9', 2, 4, 2, 1],
      ['T1', 1, 2, 1, 0],
      ['E1', 1, 2, 1, 0],
    ]);
    expect(m.byArtifact[0]?.missRate).toBe(0.5);
  });

  it('counts a fake once per category even when two of its tells share it, and leaves real images out', () => {
    const anatomical = m.byCategory.find((g) => g.key === 'anatomical');
    expect(anatomical).toMatchObject({ cases: 2, readings: 4, missed: 2 });
    expect(m.byCategory.map((g) => g.key).sort()).toEqual(['anatomical', 'edges-blending', 'texture-noise']);
    expect(m.byCategory.reduce((n, g) => n + g.readings, 0)).toBe(4 + 2 + 2);
  });

  it('passes over ids the catalog does not know', () => {
    expect(cohortMissRates(readers, () => ['Z9']).byArtifact).toEqual([]);
  });
});

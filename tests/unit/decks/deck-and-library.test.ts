import { describe, expect, it } from 'vitest';
import { caseId, getMode, type CaseId } from '../../../src/domain/index.js';
import { createCaseLibrary, planDemoDeck, type CaseSource, type DemoCaseSpec, type PreparedCase } from '../../../src/decks/index.js';
import { createGrayImage } from '../../../src/imaging/types.js';

const TECHS = ['mirror-symmetry', 'pasted-lesion', 'uniform-grain'].map((id) => ({ id, artifactIds: [] as string[] }));

describe('the demo deck plan', () => {
  const mode = { ...getMode('practice'), rounds: 3, casesPerRound: 6 };

  it('is the same for the same seed and different for another', () => {
    expect(planDemoDeck(7, mode, TECHS)).toEqual(planDemoDeck(7, mode, TECHS));
    expect(planDemoDeck(8, mode, TECHS)).not.toEqual(planDemoDeck(7, mode, TECHS));
  });

  it('has the mode share of fakes in every round, unique ids and varied patients', () => {
    const plan = planDemoDeck(3, mode, TECHS);
    for (const round of plan.rounds) {
      expect(round).toHaveLength(6);
      expect(round.filter((c) => c.forgery).length).toBe(3);
    }
    const all = plan.rounds.flat();
    expect(new Set(all.map((c) => c.id)).size).toBe(18);
    expect(new Set(all.map((c) => c.simSeed)).size).toBe(18);
  });

  it('uses every technique across a session', () => {
    const used = new Set(planDemoDeck(5, mode, TECHS).rounds.flat().flatMap((c) => c.forgery?.map((f) => f.techniqueId) ?? []));
    expect([...used].sort()).toEqual(TECHS.map((t) => t.id));
  });

  it('an odd round gets one more or one fewer fake, and a 0% mode has none', () => {
    const odd = planDemoDeck(1, { ...mode, casesPerRound: 5 }, TECHS);
    for (const r of odd.rounds) expect([2, 3]).toContain(r.filter((c) => c.forgery).length);
    const none = planDemoDeck(1, { ...mode, fakeShare: 0 }, TECHS);
    expect(none.rounds.flat().every((c) => c.forgery === null)).toBe(true);
  });
});

function fakeSource() {
  const calls: CaseId[] = [];
  let failNext = false;
  const source: CaseSource = {
    prepare: async (spec: DemoCaseSpec): Promise<PreparedCase> => {
      calls.push(spec.id);
      if (failNext) {
        failNext = false;
        throw new Error('boom');
      }
      return { id: spec.id, image: createGrayImage(4, 4, 12), original: null, truth: { kind: 'authentic', authenticityCues: [] }, header: [], generationMs: 1 };
    },
    dispose: () => undefined,
  };
  return { source, calls, failOnce: () => (failNext = true) };
}

const specs = Array.from({ length: 5 }, (_, i) => ({ id: caseId(`c${i}`), simSeed: i, forgery: null }));

describe('the case library', () => {
  it('generates each case once however often it is asked for', async () => {
    const f = fakeSource();
    const lib = createCaseLibrary(f.source, 3);
    lib.setSpecs(specs);
    lib.prefetch(caseId('c1'));
    await Promise.all([lib.prepare(caseId('c1')), lib.prepare(caseId('c1'))]);
    expect(f.calls).toEqual(['c1']);
  });

  it('keeps memory bounded and regenerates an evicted case on demand', async () => {
    const f = fakeSource();
    const lib = createCaseLibrary(f.source, 2);
    lib.setSpecs(specs);
    for (const i of [0, 1, 2]) await lib.prepare(caseId(`c${i}`));
    expect(lib.held()).toEqual(['c1', 'c2']);
    await lib.prepare(caseId('c0'));
    expect(f.calls).toEqual(['c0', 'c1', 'c2', 'c0']);
  });

  it('does not cache a failure, and names an unknown case', async () => {
    const f = fakeSource();
    const lib = createCaseLibrary(f.source, 3);
    lib.setSpecs(specs);
    f.failOnce();
    await expect(lib.prepare(caseId('c3'))).rejects.toThrow('boom');
    await expect(lib.prepare(caseId('c3'))).resolves.toMatchObject({ id: 'c3' });
    await expect(lib.prepare(caseId('zz'))).rejects.toThrow(/case "zz" is not in this deck/);
  });
});

describe('the case library across decks', () => {
  it('keeps a case prefetched for the same spec when the session sets its deck, and drops changed ones', async () => {
    const f = fakeSource();
    const lib = createCaseLibrary(f.source, 4);
    lib.setSpecs(specs);
    lib.prefetch(caseId('c0'));
    lib.prefetch(caseId('c1'));
    // The session's deck: c0 unchanged, c1 now forged (another spec under the same id).
    lib.setSpecs([specs[0]!, { ...specs[1]!, forgery: [{ techniqueId: 'uniform-grain', level: 'obvious', seed: 1 }] }]);
    await lib.prepare(caseId('c0'));
    await lib.prepare(caseId('c1'));
    expect(f.calls).toEqual(['c0', 'c1', 'c1']);
    lib.setSpecs([]);
    await expect(lib.prepare(caseId('c0'))).rejects.toThrow(/not in this deck/);
  });
});

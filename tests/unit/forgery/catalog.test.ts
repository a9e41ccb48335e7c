import { METADATA_TECHNIQUES } from '../../../src/forgery/metadata/index.js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/domain/rng.js';
import type { ForgeryStep } from '../../../src/domain/tells.js';
import { polygonBounds } from '../../../src/domain/geometry.js';
import type { Polygon } from '../../../src/domain/geometry.js';
import { ARTIFACTS, ARTIFACT_CATEGORIES } from '../../../src/domain/artifacts.js';
import { TECHNIQUES, TECHNIQUE_INFO, forge, getTechnique } from '../../../src/forgery/catalog.js';
import { locateMarker } from '../../../src/forgery/marker.js';
import { planReframe } from '../../../src/forgery/perfect-positioning.js';
import { simulateChest } from '../../../src/simulator/index.js';
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

describe('TECHNIQUE_INFO', () => {
  it('lists every technique once with its artifacts, category, scope and levels, as plain JSON', () => {
    expect(TECHNIQUE_INFO.map((t) => t.id)).toEqual([...Object.keys(TECHNIQUES), ...Object.keys(METADATA_TECHNIQUES)]);
    for (const info of TECHNIQUE_INFO) {
      const t = METADATA_TECHNIQUES[info.id] ?? getTechnique(info.id);
      expect(info).toEqual({ id: t.id, name: t.name, artifactIds: t.artifactIds, category: expect.any(String), scope: t.scope, levels: ['obvious', 'subtle', 'expert'] });
      expect(info.category).toBe(ARTIFACTS.find((a) => a.id === t.artifactIds[0])?.category);
    }
    expect(JSON.parse(JSON.stringify(TECHNIQUE_INFO))).toEqual(TECHNIQUE_INFO);
  });

  it('covers at least 16 techniques and every pixel category of the catalog', () => {
    expect(TECHNIQUE_INFO.length).toBeGreaterThanOrEqual(16);
    const covered = new Set(TECHNIQUE_INFO.flatMap((t) => t.artifactIds.map((id) => ARTIFACTS.find((a) => a.id === id)?.category)));
    for (const c of ARTIFACT_CATEGORIES) expect(covered.has(c), c).toBe(true);
  });
});

/** The same chain forge() runs, by hand: each step told the regions the earlier local steps edited. */
function chainByHand(steps: readonly ForgeryStep[]) {
  let current = image;
  const tells = [];
  const avoid: Polygon[] = [];
  for (const s of steps) {
    const t = getTechnique(s.techniqueId);
    const r = t.apply(current, { level: s.level, hints: avoid.length > 0 ? { ...hints, avoid: [...avoid] } : hints }, createRng(s.seed));
    if (t.scope === 'local') avoid.push(...r.tells.flatMap((tell) => tell.regions));
    current = r.image;
    tells.push(...r.tells);
  }
  return { image: current, tells };
}

const overlaps = (a: Polygon, b: Polygon): boolean => {
  const p = polygonBounds(a);
  const q = polygonBounds(b);
  return p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
};

describe('forge', () => {
  const steps: readonly ForgeryStep[] = [
    { techniqueId: 'uniform-grain', level: 'expert', seed: 103 },
    { techniqueId: 'pasted-lesion', level: 'subtle', seed: 101 },
    { techniqueId: 'mirror-symmetry', level: 'expert', seed: 102 },
  ];

  it('chains the steps, each with createRng(step.seed), and concatenates their tells', () => {
    const result = forge(image, steps, hints);
    const expected = chainByHand(steps);
    expect(sha256(result.image)).toBe(sha256(expected.image));
    expect(result.tells).toEqual(expected.tells);
    expect(result.tells.map((t) => t.artifactId)).toEqual(['T1', 'A9', 'E1', 'A1', 'E2']);
  });

  it('is deterministic and leaves its input alone', () => {
    const before = sha256(image);
    expect(sha256(forge(image, steps, hints).image)).toBe(sha256(forge(image, steps, hints).image));
    expect(sha256(image)).toBe(before);
  });

  it('works without hints', () => {
    const r = forge(image, steps.slice(1, 3));
    expect(r.tells).toHaveLength(4);
  });

  it('refuses empty, over-long or unknown recipes before doing any work', () => {
    expect(() => forge(image, [])).toThrow(/1 to 3 steps, got 0/);
    expect(() => forge(image, [...steps, steps[0] as ForgeryStep])).toThrow(/got 4/);
    expect(() => forge(image, [{ techniqueId: 'nope', level: 'obvious', seed: 1 }])).toThrow(/'nope'/);
  });

  it('refuses a global step after a local one, which would repaint the local tell', () => {
    expect(() => forge(image, [steps[1] as ForgeryStep, steps[0] as ForgeryStep], hints)).toThrow(/step 2 'uniform-grain' is global.*put global steps before local ones/);
  });

  // Without `avoid`, the same seeds put these local edits on top of each other (checked in the first test).
  const stacked: readonly ForgeryStep[] = [
    { techniqueId: 'sharpness-mismatch', level: 'obvious', seed: 5 },
    { techniqueId: 'clipped-plateau', level: 'obvious', seed: 5 },
    { techniqueId: 'noise-transplant', level: 'subtle', seed: 5 },
  ];

  it('places later local steps away from the regions earlier steps edited, so no tell is overwritten', () => {
    const alone = stacked.map((s) => getTechnique(s.techniqueId).apply(image, { level: s.level, hints }, createRng(s.seed)).tells.flatMap((t) => t.regions));
    expect(alone.slice(1).some((regions) => regions.some((r) => (alone[0] ?? []).some((q) => overlaps(r, q))))).toBe(true);
    for (const withHints of [true, false]) {
      const r = forge(image, stacked, withHints ? hints : undefined);
      const perStep = [r.tells.slice(0, 1), r.tells.slice(1, 2), r.tells.slice(2)].map((ts) => ts.flatMap((t) => t.regions));
      for (let a = 0; a < perStep.length; a++) {
        for (let b = a + 1; b < perStep.length; b++) {
          for (const p of perStep[a] ?? []) for (const q of perStep[b] ?? []) expect(overlaps(p, q)).toBe(false);
        }
      }
      // Each step's own edit survives: pixels inside the first step's region equal what the first step alone made.
      const first = getTechnique('sharpness-mismatch').apply(image, withHints ? { level: 'obvious', hints } : { level: 'obvious' }, createRng(5)).image;
      const box = polygonBounds(r.tells[0]?.regions[0] ?? []);
      for (let y = Math.ceil(box.y0); y < box.y1; y += 3) {
        for (let x = Math.ceil(box.x0); x < box.x1; x += 3) expect(r.image.data[y * image.width + x]).toBe(first.data[y * image.width + x]);
      }
    }
  });

  it('fails with a clear error when a local step has no room left', () => {
    expect(() => forge(image, [
      { techniqueId: 'straight-spine', level: 'obvious', seed: 1 },
      { techniqueId: 'erase-trabeculae', level: 'obvious', seed: 1 },
    ], hints)).toThrow(/erase-trabeculae: no room for the vertebral bodies away from the regions edited by earlier recipe steps/);
  });

  it('after a re-framing (perfect-positioning) later steps get no anatomy hints, which would point where the anatomy was', () => {
    // A simulated chest (simulator version 2) with a lead marker that the re-framing moves inside the new field.
    const sim = simulateChest(14, { width: 640, height: 640 });
    const simHints = { lungs: sim.anatomy.lungs, midlineX: sim.anatomy.midlineX, mediastinum: sim.anatomy.mediastinum, marker: sim.anatomy.marker };
    const plan = planReframe(sim.image, { level: 'subtle', hints: simHints });
    expect(plan.markerAt).toBeDefined();
    const recipe: ForgeryStep[] = [
      { techniqueId: 'perfect-positioning', level: 'subtle', seed: 1 },
      { techniqueId: 'garbled-marker', level: 'obvious', seed: 2 },
    ];
    const r = forge(sim.image, recipe, simHints);
    // The garbled letter is where the re-framed film shows the marker, not where the hint said it was.
    const reframed = getTechnique('perfect-positioning').apply(sim.image, { level: 'subtle', hints: simHints }, createRng(1)).image;
    const shown = locateMarker(reframed);
    const told = polygonBounds(r.tells[1]?.regions[0] ?? []);
    const inside = (x: number, y: number): boolean => x >= told.x0 && x <= told.x1 && y >= told.y0 && y <= told.y1;
    expect(inside((shown.x0 + shown.x1) / 2, (shown.y0 + shown.y1) / 2)).toBe(true);
    const m = simHints.marker;
    expect(inside((m.x0 + m.x1) / 2, (m.y0 + m.y1) / 2)).toBe(false);
  });
});

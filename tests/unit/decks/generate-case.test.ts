import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { caseId, isFake } from '../../../src/domain/index.js';
import { generateDemoCase } from '../../../src/decks/generate-case.js';
import { TECHNIQUES } from '../../../src/forgery/catalog.js';
import { METADATA_TECHNIQUES } from '../../../src/forgery/metadata/index.js';
import { getMode, headerValue, withSettings } from '../../../src/domain/index.js';
import { planDemoDeck } from '../../../src/decks/demo-deck.js';
import { TECHNIQUE_SUMMARIES } from '../../../src/forgery/technique-list.js';
import { simulateChest } from '../../../src/simulator/index.js';
import { VISIBILITY_THRESHOLD, fitToWindowVisibility } from '../forgery/visibility.js';
import { NoRoomError, forge } from '../../../src/forgery/index.js';

// forge is wrapped (unchanged) so a test can count the tries a case makes.
vi.mock('../../../src/forgery/index.js', async (original) => {
  const real = await original<typeof import('../../../src/forgery/index.js')>();
  return { ...real, forge: vi.fn(real.forge) };
});

const digest = (b: ArrayBufferView): string => createHash('sha256').update(Buffer.from(b.buffer, b.byteOffset, b.byteLength)).digest('hex').slice(0, 16);

describe('a demo case, end to end in Node', () => {
  it('every case has a de-identified header that agrees with its pixels', () => {
    const c = generateDemoCase({ id: caseId('h'), simSeed: 11, forgery: null });
    expect(headerValue(c.header, 'Rows')).toBe(String(c.image.height));
    expect(headerValue(c.header, 'Columns')).toBe(String(c.image.width));
    expect(headerValue(c.header, 'PatientID')).toBe('ANONYMISED');
    expect(c.header.some((f) => /PatientName|PatientBirthDate|InstitutionName/.test(f.name))).toBe(false);
  });

  it('M2 makes a square 8-bit generator-format image and says so in the header; M3 breaks the signature', () => {
    const m2 = generateDemoCase({ id: caseId('m2'), simSeed: 12, forgery: [{ techniqueId: 'generator-native-format', level: 'obvious', seed: 1 }] });
    expect([m2.image.width, m2.image.height]).toEqual([1024, 1024]);
    expect(m2.image.data.every((v) => v % 16 === 0)).toBe(true);
    expect(headerValue(m2.header, 'PhotometricInterpretation')).toBe('RGB');
    expect(headerValue(m2.header, 'KVP')).toBeUndefined();
    const m3 = generateDemoCase({ id: caseId('m3'), simSeed: 12, forgery: [{ techniqueId: 'inconsistent-header', level: 'expert', seed: 1 }] });
    expect(headerValue(m3.header, 'DigitalSignaturesSequence')).toMatch(/does NOT verify/);
    // Compared as bytes: a deep toEqual over millions of pixels takes a minute.
    const bytes = (d: Uint16Array | undefined): Buffer => Buffer.from(d ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : new Uint8Array(0));
    expect(bytes(m3.image.data).equals(bytes(m3.original?.data))).toBe(true);
    expect(Object.keys(METADATA_TECHNIQUES).sort()).toEqual(['colour-tint', 'generator-native-format', 'inconsistent-header', 'provenance-manifest']);
  }, 60_000);

  it('an authentic case carries its authenticity cues and no original', () => {
    const c = generateDemoCase({ id: caseId('r'), simSeed: 11, forgery: null });
    expect(c.truth.kind).toBe('authentic');
    if (c.truth.kind === 'authentic') expect(c.truth.authenticityCues.length).toBeGreaterThan(0);
    expect(c.original).toBeNull();
    // Sizes follow the detector and the crop the seed draws (768-2048 px on the long side).
    expect(Math.max(c.image.width, c.image.height)).toBeGreaterThanOrEqual(768);
    expect(c.filmFindings).toBeDefined();
  });

  it.each(Object.keys(TECHNIQUES))('a %s fake keeps its original and names its tells', (techniqueId) => {
    const c = generateDemoCase({ id: caseId('f'), simSeed: 12, forgery: [{ techniqueId, level: 'obvious', seed: 5 }] });
    expect(isFake(c.truth)).toBe(true);
    expect(c.original).not.toBeNull();
    if (c.truth.kind !== 'forged') throw new Error('expected a forged truth');
    expect(c.truth.tells.length).toBeGreaterThan(0);
    expect(c.truth.tells.every((t) => t.regions.length > 0 && t.explanation.length > 40 && t.howToSee.length > 20)).toBe(true);
    let differing = 0;
    for (let i = 0; i < c.image.data.length; i++) if (c.image.data[i] !== c.original?.data[i]) differing++;
    expect(differing).toBeGreaterThan(500);
  }, 60_000);
});

describe('a demo case whose technique finds no room on its film', () => {
  it('falls back deterministically, and the truth names the recipe and film used (simulator seed 404, gastric bubble)', () => {
    const spec = { id: caseId('g404'), simSeed: 404, forgery: [{ techniqueId: 'round-gastric-bubble', level: 'obvious' as const, seed: 1 }] };
    const c = generateDemoCase(spec);
    expect(isFake(c.truth)).toBe(true);
    if (c.truth.kind === 'forged') {
      expect(c.truth.tells.some((t) => t.artifactId === 'A8')).toBe(true);
      expect(c.truth.recipe.map((s) => s.techniqueId)).toEqual(['round-gastric-bubble']);
    }
    const again = generateDemoCase(spec);
    expect(again.truth).toEqual(c.truth);
    expect(Buffer.from(again.image.data.buffer).equals(Buffer.from(c.image.data.buffer))).toBe(true);
  }, 60_000);

  it("an 'obvious' straight-spine declines a film whose vertebrae are too faint to show at fit (simulator seed 1062398105, demo film 6) and is made on another, where it shows", () => {
    const faint = simulateChest(1062398105).image;
    const c = generateDemoCase({ id: caseId('s6'), simSeed: 1062398105, forgery: [{ techniqueId: 'straight-spine', level: 'obvious', seed: 1 }] });
    if (c.truth.kind !== 'forged' || !c.original) throw new Error('expected a forged truth with its original');
    expect(c.truth.recipe).toEqual([{ techniqueId: 'straight-spine', level: 'obvious', seed: 1 }]);
    const same = c.original.width === faint.width && c.original.height === faint.height && Buffer.from(c.original.data.buffer).equals(Buffer.from(faint.data.buffer));
    expect(same, 'made on the faint film').toBe(false);
    expect(fitToWindowVisibility(c.original, c.image, c.truth.tells).score).toBeGreaterThanOrEqual(VISIBILITY_THRESHOLD);
  }, 60_000);

  it("straight-spine's 'obvious' declines the faint film whatever its seed, and says no other site there can help", () => {
    const faint = simulateChest(1062398105);
    for (const seed of [1, 2, 3]) {
      let thrown: unknown = null;
      try {
        forge(faint.image, [{ techniqueId: 'straight-spine', level: 'obvious', seed }], { midlineX: faint.anatomy.midlineX, lungs: faint.anatomy.lungs });
      } catch (e) {
        thrown = e;
      }
      expect(thrown, `seed ${seed}`).toBeInstanceOf(NoRoomError);
      expect((thrown as NoRoomError).wholeFilm, `seed ${seed}`).toBe(true);
    }
  }, 60_000);

  it('once a technique declines the whole film, the case does not retry it at other sites on that film', () => {
    const spy = vi.mocked(forge);
    spy.mockClear();
    generateDemoCase({ id: caseId('s6'), simSeed: 1062398105, forgery: [{ techniqueId: 'straight-spine', level: 'obvious', seed: 1 }] });
    const planned = spy.mock.calls[0]?.[0];
    expect(spy.mock.calls.filter(([image]) => image === planned)).toHaveLength(1);
  }, 60_000);

  it('skipping those retries leaves the case as it was (same film, recipe and pixels)', () => {
    const c = generateDemoCase({ id: caseId('s6'), simSeed: 1062398105, forgery: [{ techniqueId: 'straight-spine', level: 'obvious', seed: 1 }] });
    if (c.truth.kind !== 'forged' || !c.original) throw new Error('expected a forged truth with its original');
    expect(c.truth.recipe).toEqual([{ techniqueId: 'straight-spine', level: 'obvious', seed: 1 }]);
    // Digests of the case made before the skip, when every site retry ran.
    expect([digest(c.original.data), digest(c.image.data), c.image.width, c.image.height]).toEqual(['ca8ec2e76658874a', 'ecf5b50d136c790e', 1424, 1492]);
  }, 60_000);

  it('every fake of the A8 tell drill with deck seed 11 generates (demo-11-r1c7 found no room before)', () => {
    const mode = withSettings(getMode('tell-drill'), { focus: { artifactId: 'A8' } });
    const fakes = planDemoDeck(11, mode, TECHNIQUE_SUMMARIES).rounds.flat().filter((s) => s.forgery);
    expect(fakes.some((s) => s.id === 'demo-11-r1c7')).toBe(true);
    for (const spec of fakes) {
      const c = generateDemoCase(spec);
      expect(c.truth.kind, spec.id).toBe('forged');
      if (c.truth.kind === 'forged') expect(c.truth.tells.some((t) => t.artifactId === 'A8'), spec.id).toBe(true);
    }
  }, 120_000);
});

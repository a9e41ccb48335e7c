import { describe, expect, it } from 'vitest';
import { createPackCaseSource, createCaseLibrary, planPackDeck, routeCaseSource, createDirectCaseSource, type PackImageDecoder } from '../../../src/decks/index.js';
// Not in decks/index.ts: the page's code has no way to reach the inline decoder (pack-decode.ts).
import { decodeOnThisThread } from '../../../src/decks/pack-decode-inline.js';
import { parsePackManifest, readPack } from '../../../src/pack-format/index.js';
import { caseId, getMode, isFake } from '../../../src/domain/index.js';
import { validManifestJson, validPackFiles } from '../pack-format/fixtures.js';

function manifestWith(n: number, fakes: number) {
  const base = validManifestJson() as { cases: Record<string, unknown>[] } & Record<string, unknown>;
  const [real, forged] = base.cases as [Record<string, unknown>, Record<string, unknown>];
  const cases = Array.from({ length: n }, (_, i) => {
    const id = `c${String(i + 1).padStart(4, '0')}`;
    const src = i < fakes ? forged : real;
    return { ...src, id, file: `images/${id}.png`, ...(i < fakes ? { original: `originals/${id}.png` } : {}), flags: [] };
  });
  return parsePackManifest({ ...base, cases, review: { flaggedCases: 0, reviewed: true } });
}

describe('a session from a case pack', () => {
  it('uses each case at most once and follows the mode shape as far as the pack allows', () => {
    const m = manifestWith(30, 12);
    const mode = getMode('practice');
    const plan = planPackDeck(m, 5, mode);
    const all = plan.rounds.flat();
    expect(new Set(all.map((c) => c.packCaseId)).size).toBe(all.length);
    expect(plan.rounds.length).toBe(Math.min(mode.rounds, Math.ceil(30 / mode.casesPerRound)));
    expect(plan.rounds[0]?.length).toBe(mode.casesPerRound);
    expect(plan.deckId).toBe(m.id);
  });

  it('is the same for the same seed and different for another', () => {
    const m = manifestWith(30, 12);
    const ids = (seed: number) => planPackDeck(m, seed, getMode('practice')).rounds.flat().map((c) => c.id);
    expect(ids(3)).toEqual(ids(3));
    expect(ids(3)).not.toEqual(ids(4));
  });

  it('plays a small pack as one short round rather than failing', () => {
    const m = manifestWith(3, 1);
    const plan = planPackDeck(m, 1, getMode('practice'));
    expect(plan.rounds.map((r) => r.length)).toEqual([3]);
  });

  it('prepares pack cases through the library: pixels, original for forged cases, truth and a uniform header', async () => {
    const files = validPackFiles();
    const manifest = readPack(files);
    const source = createPackCaseSource({ manifest: async () => manifest, file: async (_id, path) => files.get(path) as Uint8Array }, decodeOnThisThread);
    const library = createCaseLibrary(routeCaseSource(createDirectCaseSource(), source), 4);
    const specs = ['c0001', 'c0002', 'c0003'].map((c) => ({ id: caseId(`p-${c}`), packId: manifest.id, packCaseId: c }));
    library.setSpecs(specs);
    const [real, forged, synthetic] = await Promise.all(specs.map((s) => library.prepare(s.id)));
    expect(real?.truth.kind).toBe('authentic');
    expect(real?.original).toBeNull();
    expect(forged?.truth.kind).toBe('forged');
    expect(forged?.original?.width).toBe(manifest.image.width);
    expect(synthetic?.truth).toMatchObject({ kind: 'synthetic', generator: 'RoentGen', provenance: ['PNG tEXt "parameters": steps: 50'] });
    expect(isFake(synthetic!.truth)).toBe(true);
    expect(real?.image.bitsStored).toBe(12);
    // The header on screen while reading is the same list for every case, so it tells nothing.
    expect(real?.header.map((f) => f.name)).toEqual(forged?.header.map((f) => f.name));
    expect(JSON.stringify(real?.header)).not.toMatch(/DX|Modality/);
  });

  it('hands a forged case\'s image and original to the decoder together, and passes its errors on', async () => {
    const files = validPackFiles();
    const manifest = readPack(files);
    const asked: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let disposed = false;
    // Holds every decode until two are asked for: a decoder that decoded one image at a time would never finish.
    const decoder: PackImageDecoder = {
      decode: async (bytes, bits) => {
        asked.push(String(bytes.length));
        if (asked.length === 2) release();
        await gate;
        return decodeOnThisThread.decode(bytes, bits);
      },
      dispose: () => void (disposed = true),
    };
    const source = createPackCaseSource({ manifest: async () => manifest, file: async (_id, path) => files.get(path) as Uint8Array }, decoder);
    const forged = await source.prepare({ id: caseId('p-c0002'), packId: manifest.id, packCaseId: 'c0002' });
    expect(asked).toHaveLength(2);
    expect(forged.original?.width).toBe(manifest.image.width);
    source.dispose();
    expect(disposed).toBe(true);

    const failing = createPackCaseSource({ manifest: async () => manifest, file: async (_id, path) => files.get(path) as Uint8Array }, {
      decode: async () => { throw new Error('decodeServedPng: the manifest says 12-bit images but this PNG is 8-bit'); },
      dispose: () => undefined,
    });
    await expect(failing.prepare({ id: caseId('p-c0001'), packId: manifest.id, packCaseId: 'c0001' })).rejects.toThrow(/12-bit images but this PNG is 8-bit/);
  });
});

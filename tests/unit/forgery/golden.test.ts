/**
 * Golden hashes: SHA-256 of the output pixels (Uint16, little-endian) for a fixed fixture, seed and level. A change
 * here means every saved deck would render different fakes: update the hashes only on purpose, and say why.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/domain/rng.js';
import { TECHNIQUES, forge } from '../../../src/forgery/catalog.js';
import { makeFixture } from './fixture.js';
import { sha256 } from './measure.js';

const { image, hints } = makeFixture(1);

const GOLDEN: Readonly<Record<string, string>> = {
  fixture: '99e60297830c598f4358fd325d1e745d8f186f50e9d69817844ea4c53e5560af',
  'mirror-symmetry': 'fe7092e59c1fe0c4e63b92fa668ef28ab293db4b2644e45d4aaf3ba3eaeef232',
  'uniform-grain': '0560ae2b3be584e66dd3077299f2bb37e72ac7cfe1f57b05514c3b13f2c778bb',
  'pasted-lesion': '3f3a4e77c9a6c592309b211fa4c1854ebc2485676f5dfb9983009ac6303f0af1',
  'waxy-smoothing': '4bdcb62ba2d3abf53d84cb9002814411d8dcd6993aee0e7d6ecc260113978b18',
  'forge:pasted-lesion+uniform-grain': '65fe4dddb0b64e44afa43b24fa9d4ef170b651a7b8d968c3db1ced363e51050c',
};

describe('golden pixel hashes (fixture seed 1, 512x512, level subtle, rng seed 42, with hints)', () => {
  it('fixture', () => expect(sha256(image)).toBe(GOLDEN.fixture));
  for (const [id, t] of Object.entries(TECHNIQUES)) {
    it(id, () => expect(sha256(t.apply(image, { level: 'subtle', hints }, createRng(42)).image)).toBe(GOLDEN[id]));
  }
  it('forge: pasted-lesion then uniform-grain', () => {
    const r = forge(image, [
      { techniqueId: 'pasted-lesion', level: 'obvious', seed: 42 },
      { techniqueId: 'uniform-grain', level: 'subtle', seed: 43 },
    ], hints);
    expect(sha256(r.image)).toBe(GOLDEN['forge:pasted-lesion+uniform-grain']);
  });
});

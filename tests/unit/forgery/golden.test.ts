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
  'straight-spine': '652e82fb6e1da8a568b30266a00e611ee42454b9709144a8ea3f1d0ef07f0592',
  'smooth-cortex': 'd03734d978fd9acf42106d4959df888e6422885da141c410109d01ceedb90343',
  'erase-trabeculae': '75cb1fa7cbdb44fd7a3dd58911d17f40f7d0a8d096a2b670a7c24b75d2ddb33d',
  'clean-fracture': '8e1ed0488574c02e0649095def8052e511f72698b778d362e8a71a6c8087464f',
  'remove-lesion': '8069a399a708824d8033060d31f5a62302a7ce17560a372e1a35fc3745fac05f',
  'flat-exposure': 'ac0f3a71b5c608ad4edfc4fd38a4896ffabc9222b917211c0573ec32877869f0',
  'checkerboard-grid': 'faf0e0a6d191f356c9510730d269a64fda4fc781e74fee87192e52cd77c5c889',
  'spectral-falloff': '703e8f37963c3dd2865f45d8172a876a09269a5ff0bcded927db8debd11e837d',
  'latent-blocks': '55365be71b5a243304ce4033bb9f5294e6b799706cc1f967edd971585e82db91',
  'noise-transplant': 'ed58c927bec26c0261ae0619939347c20ec218782a022b008ba7b8d3abba73bb',
  'sharpness-mismatch': 'fe48e2f3e884a1dd51886ce818e2b37b4396ae0147ddf9393547bff91a1a9fec',
  'clipped-plateau': 'ac7d38044b30b67516ba7809892a5db70cefb2d4be5361e22d7240b71d06285b',
  'double-compression': 'a22d178ecb035b1be7502ddd90f198ad9e075ccf4890c396018b601bd2f653ef',
  'garbled-marker': '77218d553b1b328c015fa17f80fdf7936ec3bbb199602707ad83ed1813abd22b',
  'inserted-device': '1f474d11c9b2242653651c6422e757744f0f94b2c8771f04576230b0cd840703',
  'repetitive-vessels': '011cce8cd337fe9b170e87d949559cedfbb111131f60cba6975b517bb7b87b37',
  'round-gastric-bubble': '925859c0091e8d6d66399277ddc8e3cdc002350362f441f3dd1e33c6bd382e66',
  'impossible-joint': '6e9274a1ffd7658068e2ae267c97e90ff03ead5e7f7ab93107b1c170b7eb505f',
  'perfect-positioning': 'e9696474281fa692c71ca22649278c112f3268fd0903057e1cd97b6939c4e669',
  'isolated-finding': '479d8dc2d1856ecfe48a6d6bbf5c52e0204a01b3c4c707a5c8ea09aa5159e949',
  'forge:uniform-grain+pasted-lesion': '72ad133c489a697ff82f7a52dafdfab92333d81959988448d3d727c84fe3b0eb',
  'forge:sharpness-mismatch+clipped-plateau+noise-transplant': '15c9efd7fa1c1d6e82cf9a2665df3f9e8951293a8bb55872658ab5f745b4fa1b',
};

describe('golden pixel hashes (fixture seed 1, 512x512, level subtle, rng seed 42, with hints)', () => {
  it('fixture', () => expect(sha256(image)).toBe(GOLDEN.fixture));
  for (const [id, t] of Object.entries(TECHNIQUES)) {
    it(id, () => expect(sha256(t.apply(image, { level: 'subtle', hints }, createRng(42)).image)).toBe(GOLDEN[id]));
  }
  // Global steps must now come first (forge refuses a global step after a local one), hence the new order.
  it('forge: uniform-grain then pasted-lesion', () => {
    const r = forge(image, [
      { techniqueId: 'uniform-grain', level: 'subtle', seed: 43 },
      { techniqueId: 'pasted-lesion', level: 'obvious', seed: 42 },
    ], hints);
    expect(sha256(r.image)).toBe(GOLDEN['forge:uniform-grain+pasted-lesion']);
  });
  it('forge: three local steps placed apart', () => {
    const r = forge(image, [
      { techniqueId: 'sharpness-mismatch', level: 'obvious', seed: 5 },
      { techniqueId: 'clipped-plateau', level: 'obvious', seed: 5 },
      { techniqueId: 'noise-transplant', level: 'subtle', seed: 5 },
    ], hints);
    expect(sha256(r.image)).toBe(GOLDEN['forge:sharpness-mismatch+clipped-plateau+noise-transplant']);
  });
});

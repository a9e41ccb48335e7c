import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../../src/authoring/build/index.js';
import { SAME_PICTURE_BITS, hashDistance, pictureHash } from '../../../../src/authoring/build/picture-hash.js';
import { createCodecSet } from '../../../../src/authoring/ingest/codecs.js';
import { normaliseImage } from '../../../../src/imaging/index.js';
import { simulateChest } from '../../../../src/simulator/index.js';
import { requireXray } from '../../../helpers/shared-data.js';
import { buildOptions, memoryInputs, memorySink } from '../../../helpers/pack-inputs.js';

describe('one picture never appears twice in a pack', () => {
  it('the hash of a picture survives resizing and requantising, and tells two patients apart', () => {
    const a = simulateChest(3).image;
    const small = normaliseImage(a, { size: 300, bits: 8 });
    expect(hashDistance(pictureHash(a), pictureHash(small))).toBeLessThanOrEqual(4);
    const b = simulateChest(4).image;
    expect(hashDistance(pictureHash(a), pictureHash(b))).toBeGreaterThan(3 * SAME_PICTURE_BITS);
  });

  it('the same tibia film as lossy and lossless JPEG 2000 DICOM builds one case, and the report names the twin', async () => {
    const x = requireXray();
    const file = (name: string, as: string) => ({ path: `dept/real/${as}`, bytes: new Uint8Array(readFileSync(join(x, 'real/dicom', name))) });
    const r = await buildPack(
      memoryInputs([file('RG3_J2KI.dcm', 'tibia-lossy.dcm'), file('RG3_J2KR.dcm', 'tibia-lossless.dcm'), file('RG1_J2KI.dcm', 'chest.dcm')]),
      buildOptions({ leakThreshold: 1, forgedShare: 0.5 }),
      { codecs: createCodecSet(), sink: memorySink() },
    );
    expect(r.ok, r.ok ? '' : r.error).toBe(true);
    expect(r.ok && r.manifest.cases).toHaveLength(2);
    const dup = r.report?.bad.find((b) => b.reason === 'duplicate');
    expect(dup?.message).toMatch(/dept\/real\/tibia-lossy\.dcm: the same picture as dept\/real\/tibia-lossless\.dcm \(another encoding/);
  }, 60_000);
});

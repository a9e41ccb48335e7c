import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { buildPack, parseLabelsCsv } from '../../../../src/authoring/build/index.js';
import { createCodecSet } from '../../../../src/authoring/ingest/codecs.js';
import { buildOptions, memoryInputs, memorySink, type MemoryFile } from '../../../helpers/pack-inputs.js';

/** A 128 x 128 grey PNG with some texture, different for each seed (so no two are duplicates). */
function png(path: string, seed: number): MemoryFile {
  const data = new Uint8Array(128 * 128).map((_, i) => (((i % 128) * 3 + Math.floor(i / 128) * 5 + seed * 17 + ((i * 7919 * (seed + 1)) % 23)) & 0xff));
  return { path, bytes: encode({ width: 128, height: 128, data, depth: 8, channels: 1 }) };
}

describe('labels CSV rows in a build', () => {
  it('lists the files a base-name row matches twice as bad, and labels the files its rows name by path inside the folder', async () => {
    const inputs = [png('dept/a/img1.png', 1), png('dept/b/img1.png', 2), png('dept/a/img2.png', 3), png('dept/b/img3.png', 4)];
    const labels = parseLabelsCsv('file,label\nimg1.png,real\na/img2.png,real\nb/img3.png,synthetic\n');
    const r = await buildPack(memoryInputs(inputs), buildOptions({ size: 256, forgedShare: 0, labels, leakThreshold: 1 }), { codecs: createCodecSet(), sink: memorySink() });
    expect(r.ok, r.ok ? '' : r.error).toBe(true);
    expect(r.report?.bad).toEqual(['dept/a/img1.png', 'dept/b/img1.png'].map((path) => ({
      path,
      reason: 'label-ambiguous',
      message: `${path}: img1.png in the labels CSV matches 2 input files (dept/a/img1.png, dept/b/img1.png); write the path instead (e.g. ${path}), one row per file.`,
    })));
    expect(r.report?.included).toEqual({ authentic: 1, synthetic: 1, forged: 0 });
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../../src/authoring/build/index.js';
import { createCodecSet } from '../../../../src/authoring/ingest/codecs.js';
import { buildOptions, memoryInputs, memorySink, sharedFiles } from '../../../helpers/pack-inputs.js';

describe('absurd dimensions in a build from the shared set', () => {
  it('leaves out the LungGen DDPM grid figure (950 x 277) and keeps its 12 samples (~226 x 229)', async () => {
    const inputs = [
      ...sharedFiles('real/chest/nih-cxr14', 4, 'dept/real/nih'),
      // Every PNG in the folder, the training grid included.
      ...sharedFiles('synthetic/lunggen-ddpm', 100, 'dept/synthetic/lunggen-ddpm'),
    ];
    expect(inputs).toHaveLength(17);
    const r = await buildPack(memoryInputs(inputs), buildOptions({ size: 256, forgedShare: 0, leakThreshold: 1 }), { codecs: createCodecSet(), sink: memorySink() });
    expect(r.ok, r.ok ? '' : r.error).toBe(true);
    expect(r.report?.bad).toEqual([
      {
        path: 'dept/synthetic/lunggen-ddpm/grid_epoch22.png',
        reason: 'dimensions',
        message: expect.stringMatching(/^dept\/synthetic\/lunggen-ddpm\/grid_epoch22\.png: the PNG is 950x277 pixels; its aspect ratio 3\.4:1 is over 3:1/),
      },
    ]);
    expect(r.report?.included).toEqual({ authentic: 4, synthetic: 12, forged: 0 });
  }, 120_000);
});

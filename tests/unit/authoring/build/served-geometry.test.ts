/**
 * build-case.ts serves an image that already has the pack's size and depth as it is, instead of resampling it: this
 * holds only if resampling to the same size and depth returns exactly the same samples, which is checked here.
 */
import { describe, expect, it } from 'vitest';
import { createGrayImage, normaliseImage } from '../../../../src/imaging/index.js';
import { decodeInput } from '../../../../src/authoring/ingest/decode-input.js';
import { createCodecSet } from '../../../../src/authoring/ingest/codecs.js';
import { sharedFiles } from '../../../helpers/pack-inputs.js';

describe('normalising to the size and depth an image already has', () => {
  it.each([8, 12, 16])('returns the %i-bit samples unchanged', (bits) => {
    const img = createGrayImage(256, 256, bits);
    for (let i = 0; i < img.data.length; i++) img.data[i] = (i * 2654435761) % 2 ** bits;
    expect(Array.from(normaliseImage(img, { size: 256, bits }).data)).toEqual(Array.from(img.data));
  });

  it('returns a shared 1024 px NIH film unchanged', async () => {
    const [film] = sharedFiles('real/chest/nih-cxr14', 1, 'real');
    const img = (await decodeInput(film as { path: string; bytes: Uint8Array }, createCodecSet())).image;
    expect([img.width, img.height, img.bitsStored]).toEqual([1024, 1024, 8]);
    const out = normaliseImage(img, { size: 1024, bits: 8 }).data;
    let differ = 0;
    for (let i = 0; i < out.length; i++) if (out[i] !== img.data[i]) differ++;
    expect(differ).toBe(0);
  }, 60_000);
});

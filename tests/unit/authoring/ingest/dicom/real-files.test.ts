import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDicomPixels, type DicomPixels } from '../../../../../src/authoring/ingest/dicom/index.js';
import { requireXray } from '../../../../helpers/shared-data.js';
import { codecs } from './fixtures.js';

const load = (name: string): Promise<DicomPixels> => {
  const path = join(requireXray(), 'real', 'dicom', name);
  return decodeDicomPixels({ path: `real/dicom/${name}`, bytes: new Uint8Array(readFileSync(path)) }, codecs);
};

/** Mean of a rectangle given as fractions of the image. */
function meanOf(p: DicomPixels, x0: number, x1: number, y0: number, y1: number): number {
  const { width, height, data } = p.image;
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(y0 * height); y < Math.floor(y1 * height); y++) {
    for (let x = Math.floor(x0 * width); x < Math.floor(x1 * width); x++) {
      sum += data[y * width + x] as number;
      n++;
    }
  }
  return sum / n;
}

describe('real DICOM files', () => {
  it('RG3 tibia: JPEG 2000 lossy and lossless decode to nearly the same 10-bit image', async () => {
    const lossy = await load('RG3_J2KI.dcm');
    const lossless = await load('RG3_J2KR.dcm');
    expect(lossless.transferSyntax).toBe('1.2.840.10008.1.2.4.90');
    expect(lossy.transferSyntax).toBe('1.2.840.10008.1.2.4.91');
    expect(lossless.sourceBits).toBe(10);
    expect(lossless.image.bitsStored).toBe(10);
    expect([lossy.image.width, lossy.image.height]).toEqual([lossless.image.width, lossless.image.height]);
    let sum = 0;
    for (let i = 0; i < lossless.image.data.length; i++) sum += Math.abs((lossy.image.data[i] as number) - (lossless.image.data[i] as number));
    const mad = sum / lossless.image.data.length;
    // Measured 0.74 levels of 1023; a wrong inversion or window would differ by hundreds.
    expect(mad).toBeLessThan(8);
  });

  it('RG1 chest (MONOCHROME1, 15-bit): after inversion the spine is brighter than the lungs', async () => {
    const p = await load('RG1_J2KI.dcm');
    expect(p.sourceBits).toBe(15);
    expect(p.image.bitsStored).toBe(15);
    const spine = meanOf(p, 0.47, 0.53, 0.3, 0.6);
    const rightLung = meanOf(p, 0.2, 0.35, 0.3, 0.6);
    const leftLung = meanOf(p, 0.65, 0.8, 0.3, 0.6);
    expect(spine).toBeGreaterThan(rightLung);
    expect(spine).toBeGreaterThan(leftLung);
  });

  it('NIH CXR14 (implicit VR LE, 8-bit MONOCHROME2) decodes to 1024x1024 8-bit', async () => {
    const p = await load('nih-cxr14-google-dx.dcm');
    expect(p.transferSyntax).toBe('1.2.840.10008.1.2');
    expect([p.image.width, p.image.height, p.image.bitsStored, p.sourceBits]).toEqual([1024, 1024, 8, 8]);
    expect(meanOf(p, 0.45, 0.55, 0.3, 0.6)).toBeGreaterThan(meanOf(p, 0.2, 0.35, 0.3, 0.6));
  });
});

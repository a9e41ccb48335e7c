import { describe, expect, it } from 'vitest';
import { decodeDicomPixels } from '../../../../../src/authoring/ingest/dicom/index.js';
import { TS } from '../../../../helpers/dicom-writer.js';
import { encodeRle } from '../../../../helpers/codec-rle.js';
import { encodeJpegLossless } from '../../../../helpers/jpeg-lossless-encoder.js';
import { encodeJ2k, encodeJpegBaseline, encodeJpegLs } from '../../../../helpers/codec-encoders.js';
import { codecs, dicom, file, gradient12, H, maxAbsDiff, pattern12, to8, W } from './fixtures.js';

const decode = (bytes: Uint8Array) => decodeDicomPixels(file(bytes), codecs);

describe('lossless transfer syntaxes give the 12-bit pattern back exactly', () => {
  const p = pattern12();
  const cases: [string, string, () => Promise<Uint8Array[] | Uint16Array>][] = [
    ['implicit VR LE', TS.implicitLE, async () => p],
    ['explicit VR LE', TS.explicitLE, async () => p],
    ['deflated explicit VR LE', TS.deflatedLE, async () => p],
    ['RLE lossless', TS.rle, async () => [encodeRle(p)]],
    ['JPEG lossless (.57)', TS.jpegLossless, async () => [encodeJpegLossless(p, W, H, 12)]],
    ['JPEG lossless SV1 (.70)', TS.jpegLosslessSV1, async () => [encodeJpegLossless(p, W, H, 12)]],
    ['JPEG-LS lossless (.80)', TS.jpegLsLossless, async () => [await encodeJpegLs(p, W, H, 12)]],
    ['JPEG 2000 lossless (.90)', TS.j2kLossless, async () => [await encodeJ2k(p, W, H, 12)]],
  ];
  for (const [name, ts, build] of cases) {
    it(name, async () => {
      const data = await build();
      const bytes = Array.isArray(data) ? dicom({ ts, fragments: data }) : dicom({ ts, pixels: data });
      const out = await decode(bytes);
      expect(out.transferSyntax).toBe(ts);
      expect(out.sourceBits).toBe(12);
      expect(out.image.bitsStored).toBe(12);
      expect([out.image.width, out.image.height]).toEqual([W, H]);
      expect(Array.from(out.image.data)).toEqual(Array.from(p));
      expect(out.image.windowCenter).toBe(4095 / 2);
      expect(out.image.windowWidth).toBe(4096);
    });
  }

  it('a frame split over several fragments decodes the same (JPEG 2000)', async () => {
    const j2k = await encodeJ2k(p, W, H, 12);
    const cut = [j2k.subarray(0, 100), j2k.subarray(100, 600), j2k.subarray(600)];
    const out = await decode(dicom({ ts: TS.j2kLossless, fragments: cut }));
    expect(Array.from(out.image.data)).toEqual(Array.from(p));
  });

  it('16-bit stored values survive RLE and JPEG lossless', async () => {
    const p16 = Uint16Array.from(p, (v) => v * 16 + (v % 16));
    p16[0] = 0;
    p16[p16.length - 1] = 65535;
    for (const [ts, frag] of [[TS.rle, encodeRle(p16)], [TS.jpegLossless, encodeJpegLossless(p16, W, H, 16)]] as const) {
      const out = await decode(dicom({ ts, bits: 16, fragments: [frag] }));
      expect(out.image.bitsStored).toBe(16);
      expect(maxAbsDiff(out.image.data, p16)).toBe(0);
    }
  });
});

describe('lossy transfer syntaxes stay close to the source', () => {
  const g = gradient12();
  it('JPEG-LS near-lossless (.81, NEAR=2) is within 2 levels (plus rescaling to the decoded range)', async () => {
    const out = await decode(dicom({ ts: TS.jpegLsNear, fragments: [await encodeJpegLs(g, W, H, 12, 2)] }));
    expect(maxAbsDiff(out.image.data, g)).toBeLessThanOrEqual(6);
  });

  it('JPEG 2000 lossy (.91, 10:1) is within 1% of full scale on average', async () => {
    const out = await decode(dicom({ ts: TS.j2k, fragments: [await encodeJ2k(g, W, H, 12, 10)] }));
    let sum = 0;
    for (let i = 0; i < g.length; i++) sum += Math.abs((out.image.data[i] as number) - (g[i] as number));
    expect(sum / g.length).toBeLessThan(41);
    // Orientation: right brighter than left, bottom brighter than top.
    expect(out.image.data[W - 1]).toBeGreaterThan(out.image.data[0] as number);
    expect(out.image.data[(H - 1) * W]).toBeGreaterThan(out.image.data[0] as number);
  });

  it('JPEG baseline (.50) is 8-bit, within 6 levels of the 8-bit source', async () => {
    const g8 = to8(g);
    const out = await decode(dicom({ ts: TS.jpegBaseline, bits: 8, fragments: [await encodeJpegBaseline(g8, W, H)] }));
    expect(out.sourceBits).toBe(8);
    expect(out.image.bitsStored).toBe(8);
    // Min..max rescaling may stretch by a level or two when the codec shifts the extremes.
    expect(maxAbsDiff(out.image.data, g8)).toBeLessThanOrEqual(6);
  });
});

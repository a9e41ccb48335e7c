import { describe, expect, it } from 'vitest';
import { decodeDicomPixels } from '../../../../../src/authoring/ingest/dicom/index.js';
import { IngestError, type BadFileReason } from '../../../../../src/authoring/ingest/types.js';
import { grayPixelModule, TS, writeDicom, type Element } from '../../../../helpers/dicom-writer.js';
import { encodeJ2k } from '../../../../helpers/codec-encoders.js';
import { codecs, dicom, H, pattern12, W } from './fixtures.js';

const PATH = 'dept/bad/case-17.dcm';

async function expectBad(bytes: Uint8Array, reason: BadFileReason, words?: RegExp): Promise<void> {
  const err = await decodeDicomPixels({ path: PATH, bytes }, codecs).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  const e = err as IngestError;
  expect(e.reason).toBe(reason);
  expect(e.message).toContain(PATH);
  if (words) expect(e.message).toMatch(words);
}

const p = pattern12();
const good = dicom({ ts: TS.explicitLE, pixels: p });

describe('bad inputs are refused with a reason and a message naming the file', () => {
  it('a file cut in the middle of native pixel data is truncated', async () => {
    await expectBad(good.subarray(0, good.length - 1000), 'truncated', /truncated/);
  });

  it('a file cut in the middle of compressed pixel data is truncated', async () => {
    const j2k = dicom({ ts: TS.j2kLossless, fragments: [await encodeJ2k(p, W, H, 12)] });
    await expectBad(j2k.subarray(0, j2k.length - 300), 'truncated');
  });

  it('a file cut inside the header is truncated', async () => {
    await expectBad(good.subarray(0, 200), 'truncated');
    await expectBad(good.subarray(0, 330), 'truncated');
  });

  it('random bytes after a DICM prefix are corrupt', async () => {
    const junk = new Uint8Array(4000);
    let s = 12345;
    for (let i = 0; i < junk.length; i++) junk[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
    junk.set([0x44, 0x49, 0x43, 0x4d], 128);
    await expectBad(junk, 'corrupt', /damaged/);
  });

  it('a damaged JPEG 2000 codestream is corrupt', async () => {
    await expectBad(dicom({ ts: TS.j2kLossless, fragments: [new Uint8Array(600).fill(7)] }), 'corrupt', /damaged/);
  });

  it('a PNG (or anything without a DICOM header) is not an image of ours', async () => {
    await expectBad(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(200)]), 'not-an-image');
  });

  it('multi-frame is refused', async () => {
    await expectBad(dicom({ ts: TS.explicitLE, pixels: p, extra: [{ tag: 0x00280008, vr: 'IS', value: '3' }] }), 'multi-frame', /single-frame/);
  });

  it('RGB is refused as colour', async () => {
    const rgb: Element[] = grayPixelModule({ rows: H, columns: W, bitsAllocated: 8, bitsStored: 8 }).map((e) =>
      e.tag === 0x00280002 ? { ...e, value: [3] } : e.tag === 0x00280004 ? { ...e, value: 'RGB' } : e,
    );
    await expectBad(writeDicom({ transferSyntax: TS.explicitLE, elements: rgb, pixels: new Uint8Array(W * H * 3) }), 'colour', /grayscale/);
  });

  it('absurd dimensions are refused', async () => {
    await expectBad(dicom({ ts: TS.explicitLE, pixels: p, rows: 20000 }), 'dimensions', /16384/);
    await expectBad(dicom({ ts: TS.explicitLE, pixels: p, rows: 16, columns: 16 }), 'dimensions');
  });

  it('over 40 million pixels is refused from the header, before a codec runs (a 5 KB JPEG-LS at 16384 x 16384 took 1.5 GiB)', async () => {
    const tiny = [Uint8Array.of(0xff, 0xd8, 0xff, 0xd9)];
    await expectBad(dicom({ ts: TS.jpegLsLossless, fragments: tiny, rows: 16384, columns: 16384 }), 'dimensions', /16384x16384 pixels; that is 268\.4 million pixels, over the 40 million limit/);
    await expectBad(dicom({ ts: TS.explicitLE, pixels: p, rows: 7000, columns: 7000 }), 'dimensions', /49\.0 million pixels/);
  });

  it('a side under 64 px or an aspect ratio over 3:1 is refused as dimensions, with why', async () => {
    const px = (w: number, h: number) => new Uint16Array(w * h).map((_, i) => i % 4096);
    await expectBad(dicom({ ts: TS.explicitLE, pixels: px(40, 40), rows: 40, columns: 40 }), 'dimensions', /40x40 pixels; each side must be at least 64 px.*thumbnail/);
    await expectBad(dicom({ ts: TS.explicitLE, pixels: px(4000, 40), rows: 40, columns: 4000 }), 'dimensions', /at least 64 px/);
    await expectBad(dicom({ ts: TS.explicitLE, pixels: px(4000, 100), rows: 100, columns: 4000 }), 'dimensions', /4000x100 pixels; its aspect ratio 40\.0:1 is over 3:1.*not one radiograph/);
    await expectBad(dicom({ ts: TS.explicitLE, pixels: px(64, 193), rows: 193, columns: 64 }), 'dimensions', /aspect ratio 3\.02:1 is over 3:1/);
    const ok = await decodeDicomPixels({ path: 'dept/ok.dcm', bytes: dicom({ ts: TS.explicitLE, pixels: px(64, 192), rows: 192, columns: 64 }) }, codecs);
    expect([ok.image.width, ok.image.height]).toEqual([64, 192]);
  });

  it('pixel data shorter than rows x columns is truncated', async () => {
    await expectBad(dicom({ ts: TS.explicitLE, pixels: p.subarray(0, 100) }), 'truncated');
  });

  it('unsupported transfer syntaxes are refused with a way out', async () => {
    for (const ts of ['1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.201', TS.explicitBE, '1.2.3.4.999']) {
      await expectBad(dicom({ ts, pixels: p }), 'unsupported', /dcmdjpeg|gdcmconv|16-bit PNG/);
    }
  });

  it('a file with no preamble but a proper meta header is still read', async () => {
    const bare = writeDicom({ transferSyntax: TS.explicitLE, elements: grayPixelModule({ rows: H, columns: W, bitsAllocated: 16, bitsStored: 12 }), pixels: p, preamble: false });
    const out = await decodeDicomPixels({ path: PATH, bytes: bare }, codecs);
    expect(Array.from(out.image.data)).toEqual(Array.from(p));
  });
});

/**
 * Headers that lie, from the bad-input sweep: the same answer for packs and for `npm run forge`, since both read
 * through decodeInput. A rescale that makes every pixel NaN or infinite, Number of Frames that is not a count, a file
 * without its preamble, a codec that throws a bare number.
 */
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../../../src/authoring/ingest/decode-input.js';
import { IngestError } from '../../../../../src/authoring/ingest/types.js';
import { TS, writeDicom, grayPixelModule } from '../../../../helpers/dicom-writer.js';
import { codecs, dicom, pattern12 } from './fixtures.js';

const p = pattern12();
const read = (bytes: Uint8Array) => decodeInput({ path: 'dept/x.dcm', bytes }, codecs);
async function refusal(bytes: Uint8Array): Promise<IngestError> {
  const e = await read(bytes).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(IngestError);
  return e as IngestError;
}

describe('DICOM headers that would make a blank or wrong image', () => {
  it.each(['NaN', '1e308', 'Infinity'])('Rescale Slope %s is refused (it made an all-black image served as a real case)', async (slope) => {
    const e = await refusal(dicom({ ts: TS.explicitLE, pixels: p, extra: [{ tag: 0x00281053, vr: 'DS', value: slope }, { tag: 0x00281052, vr: 'DS', value: '0' }] }));
    expect(e.reason).toBe('blank');
    expect(e.message).toMatch(new RegExp(`Rescale Slope ${slope} and Intercept 0 turn the pixels into values that are not finite numbers`));
  });

  it('an image of one value is refused as blank, whatever the format', async () => {
    const e = await refusal(dicom({ ts: TS.explicitLE, pixels: new Uint16Array(p.length).fill(1000) }));
    expect(e.reason).toBe('blank');
    expect(e.message).toMatch(/every pixel of the image has the same value/);
  });

  it.each(['0', '-1', 'abc', '1.5'])('Number of Frames %s is refused as a damaged header (packs and forge alike)', async (frames) => {
    const e = await refusal(dicom({ ts: TS.explicitLE, pixels: p, extra: [{ tag: 0x00280008, vr: 'IS', value: frames }] }));
    expect(e.reason).toBe('corrupt');
    expect(e.message).toMatch(new RegExp(`Number of Frames \\(0028,0008\\) is '${frames.replace('.', '\\.')}', not a whole number of at least 1`));
  });

  it('Number of Frames 1 (or absent) is one frame', async () => {
    expect((await read(dicom({ ts: TS.explicitLE, pixels: p, extra: [{ tag: 0x00280008, vr: 'IS', value: '1' }] }))).image.width).toBeGreaterThan(0);
  });

  it('a file without the 128-byte preamble and DICM, starting with its meta group, is read like one with them', async () => {
    const bare = writeDicom({ transferSyntax: TS.explicitLE, elements: grayPixelModule({ rows: 64, columns: 80, bitsAllocated: 16, bitsStored: 12 }), pixels: p, preamble: false });
    const full = writeDicom({ transferSyntax: TS.explicitLE, elements: grayPixelModule({ rows: 64, columns: 80, bitsAllocated: 16, bitsStored: 12 }), pixels: p });
    expect(Array.from((await read(bare)).image.data)).toEqual(Array.from((await read(full)).image.data));
  });

  it('a codec that aborts says so in words, not as a bare number', async () => {
    // A JPEG-LS frame with a valid SOF55 header for 80 x 64 but garbage scan data: CharLS throws a C++ exception.
    const sof = [0xff, 0xd8, 0xff, 0xf7, 0, 11, 12, 0, 64, 0, 80, 1, 1, 0x11, 0];
    const frame = Uint8Array.from([...sof, 0xff, 0xda, 0, 8, 1, 1, 0, 0, 0, 0, ...new Array(200).fill(0x55), 0xff, 0xd9]);
    const e = await refusal(dicom({ ts: TS.jpegLsLossless, fragments: [frame] }));
    expect(e.reason).toBe('corrupt');
    expect(e.message).not.toMatch(/\(\d+\)\./);
    expect(e.message).toMatch(/could not be decoded \(.*[a-z]{4,}.*\)/);
  });
});

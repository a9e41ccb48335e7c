import { beforeAll, describe, expect, it } from 'vitest';
import { createCodecSet } from '../../../../../src/authoring/ingest/codecs.js';
import { decodeJpeg, scanJpegMetadata } from '../../../../../src/authoring/ingest/raster/index.js';
import { IngestError, type BadFileReason, type CodecSet } from '../../../../../src/authoring/ingest/types.js';
import { bytesOf, c2paJumbf, encodeJpeg, jpegSegment, readXray, tiffWithAscii, withSegments } from './fixtures.js';

const codecs: CodecSet = createCodecSet();
const ramp = (x: number, y: number): number => (x * 3 + y) % 256;
let grayJpeg: Uint8Array;

beforeAll(async () => {
  grayJpeg = await encodeJpeg(96, 64, 1, ramp);
});

async function refusal(bytes: Uint8Array): Promise<IngestError> {
  try {
    await decodeJpeg({ path: 'dept/scan 2.jpg', bytes }, codecs);
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error('expected an IngestError');
}

async function expectRefused(bytes: Uint8Array, reason: BadFileReason): Promise<void> {
  const e = await refusal(bytes);
  expect(e.reason).toBe(reason);
  expect(e.message).toContain('dept/scan 2.jpg');
}

/** SOI, a frame header (SOFn) with the given fields, a stub SOS, EOI: enough for the header checks. */
const frameOnly = (sof: number, precision: number, w: number, h: number, comps: number): Uint8Array =>
  bytesOf([0xff, 0xd8], jpegSegment(sof, bytesOf([precision, h >> 8, h & 255, w >> 8, w & 255, comps], new Array(comps * 3).fill(1))), jpegSegment(0xda, Uint8Array.of(1, 1, 0, 0, 63, 0)), [0, 0, 0xff, 0xd9]);

describe('decodeJpeg', () => {
  it('decodes a 1-component JPEG to 8-bit gray close to its source', async () => {
    const out = await decodeJpeg({ path: 'g.jpg', bytes: grayJpeg }, codecs);
    expect(out.format).toBe('jpeg');
    expect([out.image.width, out.image.height, out.image.bitsStored, out.sourceBits]).toEqual([96, 64, 8, 8]);
    let err = 0;
    for (let y = 0; y < 64; y++) for (let x = 0; x < 96; x++) err += Math.abs((out.image.data[y * 96 + x] as number) - ramp(x, y));
    expect(err / (96 * 64)).toBeLessThan(6);
  });

  it('accepts a gray image saved as YCbCr colour, and a progressive one', async () => {
    const asColour = await encodeJpeg(80, 80, 3, (x, y) => ramp(x, y));
    const out = await decodeJpeg({ path: 'c.jpg', bytes: asColour }, codecs);
    expect(out.image.width).toBe(80);
    const progressive = await encodeJpeg(80, 80, 3, (x, y) => ramp(x, y), true);
    const hasSof2 = progressive.some((b, i) => b === 0xff && progressive[i + 1] === 0xc2);
    expect(hasSof2).toBe(true);
    expect((await decodeJpeg({ path: 'p.jpg', bytes: progressive }, codecs)).image.height).toBe(80);
  });

  it('refuses a JPEG with a coloured overlay as colour', async () => {
    const overlay = await encodeJpeg(80, 80, 3, (x, y, c) => (x > 20 && x < 60 && y > 20 && y < 60 ? [220, 40, 40][c] as number : 128));
    const e = await refusal(overlay);
    expect(e.reason).toBe('colour');
    expect(e.message).toMatch(/grayscale/);
  });

  it('decodes the RoentGen figure JPEG (gray content, sparse chroma noise) to gray', async () => {
    const bytes = readXray('synthetic/roentgen-v2/visual_examples_figure.jpg');
    const out = await decodeJpeg({ path: 'fig.jpg', bytes }, codecs);
    expect([out.image.width, out.image.height]).toEqual([2273, 3014]);
  });

  it('names header faults before decoding: CMYK, 12-bit, lossless, tiny', async () => {
    await expectRefused(frameOnly(0xc0, 8, 100, 100, 4), 'colour');
    await expectRefused(frameOnly(0xc1, 12, 100, 100, 1), 'unsupported');
    await expectRefused(frameOnly(0xc3, 16, 100, 100, 1), 'unsupported');
    await expectRefused(frameOnly(0xc0, 8, 20, 100, 1), 'dimensions');
    await expectRefused(frameOnly(0xc0, 8, 48, 48, 1), 'dimensions');
    await expectRefused(frameOnly(0xc0, 8, 400, 64, 1), 'dimensions');
    expect((await refusal(frameOnly(0xc0, 8, 8000, 8000, 1))).message).toMatch(/8000x8000 pixels; that is 64\.0 million pixels, over the 40 million limit/);
    expect((await refusal(frameOnly(0xc0, 8, 400, 64, 1))).message).toMatch(/400x64 pixels; its aspect ratio 6\.3:1 is over 3:1/);
  });

  it('names cut-off files truncated and non-JPEGs not-an-image', async () => {
    await expectRefused(grayJpeg.subarray(0, grayJpeg.length - 40), 'truncated');
    await expectRefused(grayJpeg.subarray(0, 30), 'truncated');
    await expectRefused(readXray('real/chest/nih-cxr14/00000075_000.png'), 'not-an-image');
  });
});

describe('scanJpegMetadata', () => {
  const xmp = (tool: string, dst: string): Uint8Array =>
    jpegSegment(0xe1, bytesOf('http://ns.adobe.com/xap/1.0/', [0], `<rdf:Description xmp:CreatorTool="${tool}"><Iptc4xmpExt:DigitalSourceType>${dst}</Iptc4xmpExt:DigitalSourceType></rdf:Description>`));
  const app11 = (jumbf: Uint8Array): Uint8Array => jpegSegment(0xeb, bytesOf('JP', [0, 1], [0, 0, 0, 1], jumbf));

  it('finds Exif, XMP, ICC, C2PA, IPTC and a software comment, without copying personal text', async () => {
    const bytes = withSegments(
      grayJpeg,
      jpegSegment(0xe1, bytesOf('Exif', [0, 0], tiffWithAscii([[0x010f, 'ACME'], [0x0131, 'DALL·E 3'], [0x013b, 'Erika Musterfrau']]))),
      xmp('Adobe Photoshop 25.0', 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia'),
      jpegSegment(0xe2, bytesOf('ICC_PROFILE', [0, 1, 1], new Uint8Array(32))),
      app11(c2paJumbf('ChatGPT/OpenAI-API')),
      jpegSegment(0xed, bytesOf('Photoshop 3.0', [0], '8BIM', [4, 4], 'By-line: Dr. Hans Beispiel')),
      jpegSegment(0xfe, bytesOf('Created with GIMP')),
    );
    const scan = scanJpegMetadata(bytes);
    expect(scan.stripped).toEqual(expect.arrayContaining(['EXIF', 'XMP', 'ICC profile', 'C2PA manifest', 'IPTC-IIM (not copied)']));
    expect(scan.provenance).toContainEqual({ source: 'JPEG APP1 Exif Software', text: 'DALL·E 3', generator: 'DALL-E', isAiDeclared: true });
    expect(scan.provenance).toContainEqual({ source: 'JPEG APP1 Exif Make', text: 'ACME', isAiDeclared: false });
    expect(scan.provenance.find((p) => p.source.includes('DigitalSourceType'))?.isAiDeclared).toBe(true);
    expect(scan.provenance.find((p) => p.source === 'JPEG APP11 C2PA manifest')).toMatchObject({ generator: 'OpenAI' });
    expect(scan.provenance.find((p) => p.source === 'JPEG COM comment')).toEqual({ source: 'JPEG COM comment', text: 'the JPEG comment names GIMP (text not copied)', isAiDeclared: false });
    expect(JSON.stringify(scan)).not.toMatch(/Musterfrau|Beispiel/);
    expect(scan.stripped.some((s) => s.startsWith('EXIF Artist'))).toBe(true);
    // The decoder carries the same findings and still decodes the pixels.
    const out = await decodeJpeg({ path: 'meta.jpg', bytes }, codecs);
    expect(out.provenance).toEqual(scan.provenance);
    expect(out.image.width).toBe(96);
  });

  it('never copies a comment: "Created by" a person for a patient is stripped, a generator in one is named alone', () => {
    const personal = scanJpegMetadata(withSegments(grayJpeg, jpegSegment(0xfe, bytesOf('Created by Dr A. Roe for SMITH^JOHN MRN 0012345'))));
    expect(personal.provenance).toEqual([]);
    expect(personal.stripped).toContain('JPEG comment (not copied)');
    const named = scanJpegMetadata(withSegments(grayJpeg, jpegSegment(0xfe, bytesOf('Generated with RoentGen by Dr A. Roe for SMITH^JOHN MRN 0012345'))));
    expect(named.provenance).toEqual([{ source: 'JPEG COM comment', text: 'the JPEG comment names RoentGen (text not copied)', generator: 'RoentGen', isAiDeclared: true }]);
    expect(JSON.stringify([personal, named])).not.toMatch(/Roe\b|SMITH|0012345/);
  });

  it('keeps a camera-style file non-AI and a plain JPEG empty', () => {
    const scan = scanJpegMetadata(withSegments(grayJpeg, xmp('Carestream DirectView', 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture')));
    expect(scan.provenance.length).toBeGreaterThan(0);
    expect(scan.provenance.every((p) => !p.isAiDeclared)).toBe(true);
    expect(scanJpegMetadata(grayJpeg).provenance).toEqual([]);
  });
});

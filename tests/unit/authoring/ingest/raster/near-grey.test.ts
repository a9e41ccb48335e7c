/**
 * The near-grey rule on what departments hold: real films turned into the RGB images general-purpose generators save
 * (a warm, cool, green or split-toned cast, PNG and 4:2:2 JPEG at quality 75 and 90), real films with a level or two
 * of channel noise, and real colour content (saturated marks, a coloured box, a heat map, a photograph-like field).
 */
import { decode, encode } from 'fast-png';
import factory from '@cornerstonejs/codec-libjpeg-turbo-8bit/wasmjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeJpeg, decodePng } from '../../../../../src/authoring/ingest/raster/index.js';
import { createCodecSet } from '../../../../../src/authoring/ingest/codecs.js';
import { IngestError, type DecodedInput } from '../../../../../src/authoring/ingest/types.js';
import { readXray } from './fixtures.js';

const codecs = createCodecSet();
const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));
type Tint = (g: number, i: number) => [number, number, number];

const TINTS: Record<string, { tint: Tint; direction: RegExp }> = {
  'warm, 22 levels': { tint: (g) => [g + 12, g + 2, g - 10], direction: /^warm/ },
  'cool, 50 levels': { tint: (g) => [g - 20, g + 5, g + 30], direction: /^cool/ },
  'green, 16 levels': { tint: (g) => [g - 6, g + 10, g - 6], direction: /^green/ },
  'split-toned (warm highlights, cool shadows), 32 levels': { tint: (g) => [g + (g - 128) * 0.125, g, g - (g - 128) * 0.125], direction: /./ },
};

let film: { width: number; height: number; grey: Uint8Array };
let jpegModule: Awaited<ReturnType<typeof factory>>;

beforeAll(async () => {
  const png = decode(readXray('real/chest/nih-cxr14/00000075_000.png'));
  film = { width: png.width, height: png.height, grey: Uint8Array.from({ length: png.width * png.height }, (_, i) => png.data[i * png.channels] as number) };
  jpegModule = await factory({ print: () => {}, printErr: () => {} });
});

function rgbOf(tint: Tint): Uint8Array {
  const out = new Uint8Array(film.grey.length * 3);
  film.grey.forEach((g, i) => out.set(tint(g, i).map(clamp), i * 3));
  return out;
}

/** A colour JPEG as generators and image editors save them: 4:2:2 chroma subsampling at the given quality. */
function rgbJpeg(rgb: Uint8Array, quality: number): Uint8Array {
  const enc = new jpegModule.JPEGEncoder() as WasmEncoder & { setQuality(q: number): void; setSubSampling(on: boolean): void };
  try {
    enc.getDecodedBuffer({ width: film.width, height: film.height, bitsPerSample: 8, componentCount: 3, isSigned: false }).set(rgb);
    enc.setQuality(quality);
    enc.setSubSampling(true);
    enc.encode();
    return new Uint8Array(enc.getEncodedBuffer());
  } finally {
    enc.delete();
  }
}

const asPng = async (rgb: Uint8Array): Promise<DecodedInput> => decodePng({ path: 'gen/fake.png', bytes: encode({ width: film.width, height: film.height, data: rgb, depth: 8, channels: 3 }) });
const asJpeg = (rgb: Uint8Array, q: number): Promise<DecodedInput> => decodeJpeg({ path: 'gen/fake.jpg', bytes: rgbJpeg(rgb, q) }, codecs);

async function refusal(p: Promise<DecodedInput>): Promise<IngestError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error('expected the image to be refused as colour');
}

describe('generator-made tinted radiographs are accepted as grey', () => {
  for (const [name, { tint, direction }] of Object.entries(TINTS)) {
    it(`${name}: PNG and JPEG (q 90 and 75) are read as Rec. 601 luma, and the cast is recorded as T5 provenance`, async () => {
      const rgb = rgbOf(tint);
      for (const decoded of [await asPng(rgb), await asJpeg(rgb, 90), await asJpeg(rgb, 75)]) {
        expect(decoded.cast?.direction).toMatch(direction);
        expect(decoded.cast?.levels).toBeGreaterThanOrEqual(10);
        expect(decoded.provenance.at(-1)).toMatchObject({ isAiDeclared: false, text: expect.stringMatching(/^T5 colour tint: .* cast of \d+ levels of 255/) });
        // Luma of the tinted pixel, within JPEG's error: the grey a reader sees is the film's, offset by the tint's own luma.
        const i = 512 * film.width + 400;
        const [r, g, b] = tint(film.grey[i] as number, i).map(clamp) as [number, number, number];
        expect(Math.abs((decoded.image.data[i] as number) - (0.299 * r + 0.587 * g + 0.114 * b))).toBeLessThanOrEqual(decoded.format === 'png' ? 0.5 : 6);
      }
    }, 30_000);
  }

  it('a real film saved as RGB with a level or two of channel noise is accepted, with no cast to report', async () => {
    const noisy = rgbOf((g, i) => [g + ((i * 7) % 5) - 2, g, g + ((i * 11) % 3) - 1]);
    const out = await asPng(noisy);
    expect(out.cast).toBeNull();
    expect(out.provenance.some((p) => /T5/.test(p.text))).toBe(false);
  });

  it('a 16-bit RGB export with a cast is measured in 8-bit levels (units of 257)', async () => {
    const rgb16 = Uint16Array.from(rgbOf(TINTS['warm, 22 levels']!.tint), (v) => v * 257);
    const out = await decodePng({ path: 'gen/16.png', bytes: encode({ width: film.width, height: film.height, data: rgb16, depth: 16, channels: 3 }) });
    expect(out.cast?.levels).toBe(22);
    expect(out.image.bitsStored).toBe(16);
  });
});

describe('real colour content is still refused, with the reason', () => {
  const grey = (): Uint8Array => rgbOf((g) => [g, g, g]);
  const paint = (rgb: Uint8Array, x0: number, y0: number, w: number, h: number, f: (r: number, g: number, b: number) => [number, number, number]): Uint8Array => {
    for (let y = y0; y < y0 + h; y++)
      for (let x = x0; x < x0 + w; x++) {
        const i = (y * film.width + x) * 3;
        rgb.set(f(rgb[i] as number, rgb[i + 1] as number, rgb[i + 2] as number).map(clamp), i);
      }
    return rgb;
  };

  it('a thin red arrow shaft (6 x 60 px, 0.03% of the film) in PNG and JPEG', async () => {
    const red = paint(grey(), 100, 100, 6, 60, () => [255, 0, 0]);
    for (const e of [await refusal(asPng(red)), await refusal(asJpeg(red, 90))]) {
      expect(e.reason).toBe('colour');
      expect(e.message).toMatch(/colour that brightness does not explain reaches \d+ levels of 255 at x=10\d, y=1\d\d, over 48: coloured marks/);
      expect(e.message).toMatch(/export the image as grayscale without annotations/);
    }
  });

  it('dotted yellow text, a faint (20%) red box, and a heat-map overlay', async () => {
    const yellow = paint(grey(), 50, 50, 100, 8, () => [230, 220, 40]);
    expect((await refusal(asPng(yellow))).reason).toBe('colour');
    const box = paint(grey(), 200, 200, 200, 200, (r, g, b) => [r * 0.8 + 51, g * 0.8, b * 0.8]);
    expect((await refusal(asPng(box))).message).toMatch(/% of pixels carry colour that brightness does not explain|reaches \d+ levels/);
    const heat = grey();
    for (let y = 0; y < film.height; y++)
      for (let x = 0; x < film.width; x++) {
        const t = Math.exp(-(((x - 512) / 200) ** 2 + ((y - 512) / 200) ** 2));
        const i = (y * film.width + x) * 3;
        const a = 0.4 * t;
        heat.set([255 * Math.min(1, 2 * t), 255 * (1 - Math.abs(2 * t - 1)), 255 * Math.max(0, 1 - 2 * t)].map((c, k) => clamp((heat[i + k] as number) * (1 - a) + c * a)), i);
      }
    expect((await refusal(asPng(heat))).reason).toBe('colour');
  });

  it('a photograph-like colour field, and a strong sepia toning beyond the 64-level cast', async () => {
    const photo = new Uint8Array(film.grey.length * 3).map((_, k) => {
      const i = Math.floor(k / 3);
      const x = i % film.width;
      const y = Math.floor(i / film.width);
      return clamp(128 + 100 * Math.sin([x / 40, y / 50 + 1, (x + y) / 60 + 2][k % 3] as number));
    });
    expect((await refusal(asPng(photo))).reason).toBe('colour');
    const sepia = rgbOf((g) => [g * 1.25, g, g * 0.7]);
    expect((await refusal(asPng(sepia))).message).toMatch(/its colour cast reaches \d+ levels of 255, over the 64 a tinted grey image shows/);
  });
});

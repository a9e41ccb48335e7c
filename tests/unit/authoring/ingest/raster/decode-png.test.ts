import { describe, expect, it } from 'vitest';
import { decode, encode } from 'fast-png';
import { decodePng } from '../../../../../src/authoring/ingest/raster/index.js';
import { IngestError, type BadFileReason } from '../../../../../src/authoring/ingest/types.js';
import { concat, craftPng, ihdr, PNG_SIG, pngChunk, readXray, withChunks } from './fixtures.js';

const NIH_GRAY = 'real/chest/nih-cxr14/00000075_000.png';

async function refusal(bytes: Uint8Array, path = 'case/x.png'): Promise<IngestError> {
  try {
    await decodePng({ path, bytes });
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error('expected an IngestError');
}

const expectRefused = async (bytes: Uint8Array, reason: BadFileReason): Promise<void> => {
  const e = await refusal(bytes, 'dept/img 7.png');
  expect(e.reason).toBe(reason);
  expect(e.message).toContain('dept/img 7.png');
};

const grayRow = (w: number, f: (x: number) => number) => (y: number) => Uint8Array.from({ length: w }, (_, x) => f(x + y));

describe('decodePng: accepted layouts', () => {
  it('decodes an 8-bit gray NIH radiograph sample for sample', async () => {
    const bytes = readXray(NIH_GRAY);
    const out = await decodePng({ path: NIH_GRAY, bytes });
    const ref = decode(bytes);
    expect(out.format).toBe('png');
    expect([out.image.width, out.image.height, out.image.bitsStored, out.sourceBits]).toEqual([1024, 1024, 8, 8]);
    expect(out.image.data.length).toBe(ref.data.length);
    expect(out.image.data.every((v, i) => v === ref.data[i])).toBe(true);
    expect(out.header).toEqual([]);
    expect(out.flags).toEqual([]);
  });

  it('keeps 16-bit samples and reports the effective bits (12-bit data in a 16-bit PNG)', async () => {
    const data = Uint16Array.from({ length: 80 * 72 }, (_, i) => (i * 37) % 4096);
    const out = await decodePng({ path: 'a.png', bytes: encode({ width: 80, height: 72, data, depth: 16, channels: 1 }) });
    expect(out.image.bitsStored).toBe(16);
    expect(out.sourceBits).toBe(12);
    expect(Array.from(out.image.data)).toEqual(Array.from(data));
    const full = Uint16Array.from({ length: 80 * 72 }, (_, i) => (i * 4099) % 65536);
    expect((await decodePng({ path: 'b.png', bytes: encode({ width: 80, height: 72, data: full, depth: 16, channels: 1 }) })).sourceBits).toBe(16);
  });

  it('takes RGB with channels within a level as grey by Rec. 601 luma, and refuses a saturated mark (near-grey.test.ts has the rule)', async () => {
    const w = 64;
    const rgb = Uint8Array.from({ length: w * w * 3 }, (_, i) => ((i / 3) | 0) % 200 + (i % 3 === 1 ? 1 : 0));
    const out = await decodePng({ path: 'eq.png', bytes: encode({ width: w, height: w, data: rgb, depth: 8, channels: 3 }) });
    expect(out.image.data[5]).toBe(Math.round(0.299 * 5 + 0.587 * 6 + 0.114 * 5));
    expect(out.cast).toBeNull();
    for (let x = 10; x < 20; x++) rgb.set([255, 0, 0], 3 * (30 * w + x)); // a short red line
    const e = await refusal(encode({ width: w, height: w, data: rgb, depth: 8, channels: 3 }), 'col.png');
    expect(e.reason).toBe('colour');
    expect(e.message).toMatch(/col\.png.*colour.*export the image as grayscale/s);
  });

  it('ignores a fully opaque alpha channel (the two NIH RGBA files)', async () => {
    for (const name of ['00000100_000.png', '00001369_000.png']) {
      const bytes = readXray(`real/chest/nih-cxr14/${name}`);
      const ref = decode(bytes);
      expect(ref.channels).toBe(4);
      const out = await decodePng({ path: name, bytes });
      expect(out.image.bitsStored).toBe(8);
      for (const i of [0, 5000, 300_000, 1024 * 1024 - 1]) expect(out.image.data[i]).toBe(ref.data[i * 4]);
    }
  });

  it('refuses partial transparency as unsupported', async () => {
    const ga = Uint8Array.from({ length: 64 * 64 * 2 }, (_, i) => (i % 2 ? 255 : 100));
    ga[2 * 77 + 1] = 128;
    await expectRefused(encode({ width: 64, height: 64, data: ga, depth: 8, channels: 2 }), 'unsupported');
  });

  it('expands a gray palette and refuses a coloured one', async () => {
    const plte = (entries: number[][]) => pngChunk('PLTE', Uint8Array.from(entries.flat()));
    const rows = (y: number) => Uint8Array.from({ length: 64 }, (_, x) => (x + y) % 3);
    const gray = craftPng(64, 64, 8, 3, rows, [plte([[0, 0, 0], [128, 128, 128], [255, 255, 255]])]);
    const out = await decodePng({ path: 'p.png', bytes: gray });
    expect(Array.from(out.image.data.subarray(0, 4))).toEqual([0, 128, 255, 0]);
    expect(out.sourceBits).toBe(8);
    await expectRefused(craftPng(64, 64, 8, 3, rows, [plte([[0, 0, 0], [200, 30, 30], [255, 255, 255]])]), 'colour');
  });

  it('scales 2-bit gray to 8 bits and reports 2 source bits', async () => {
    // 64 px at 2 bits = 16 bytes per row; byte 0b00011011 holds the levels 0,1,2,3.
    const out = await decodePng({ path: 'g2.png', bytes: craftPng(64, 64, 2, 0, () => new Uint8Array(16).fill(0b00011011)) });
    expect(Array.from(out.image.data.subarray(0, 4))).toEqual([0, 85, 170, 255]);
    expect([out.image.bitsStored, out.sourceBits]).toEqual([8, 2]);
  });
});

describe('decodePng: refusals', () => {
  it('names a cut-off file truncated', async () => {
    const bytes = readXray(NIH_GRAY);
    await expectRefused(bytes.subarray(0, bytes.length >> 1), 'truncated');
    await expectRefused(bytes.subarray(0, 20), 'truncated');
  });

  it('names a CRC mismatch corrupt', async () => {
    const bytes = readXray(NIH_GRAY).slice();
    const mid = bytes.length >> 1;
    bytes[mid] = (bytes[mid] as number) ^ 0x55;
    const e = await refusal(bytes);
    expect(e.reason).toBe('corrupt');
    expect(e.message).toMatch(/IDAT.*CRC/);
  });

  it('names garbage zlib data with valid CRCs corrupt', async () => {
    const bad = concat(PNG_SIG, ihdr(64, 64, 8, 0), pngChunk('IDAT', Uint8Array.of(1, 2, 3, 4, 5, 6)), pngChunk('IEND', new Uint8Array(0)));
    expect(['corrupt', 'truncated']).toContain((await refusal(bad)).reason);
  });

  it('names a non-PNG not-an-image', async () => {
    await expectRefused(new TextEncoder().encode('hello, this is a text file'), 'not-an-image');
    await expectRefused(readXray('synthetic/roentgen-v2/visual_examples_figure.jpg'), 'not-an-image');
  });

  it('refuses tiny and huge declared sizes from IHDR alone', async () => {
    await expectRefused(craftPng(16, 16, 8, 0, grayRow(16, (x) => x)), 'dimensions');
    // Only the header claims 20000 x 64: refused before any pixel memory is allocated.
    const huge = concat(PNG_SIG, ihdr(20000, 64, 8, 0), pngChunk('IEND', new Uint8Array(0)));
    const e = await refusal(huge);
    expect(e.reason).toBe('dimensions');
    expect(e.message).toContain('20000x64');
  });

  it('refuses over 40 million pixels from IHDR alone (a flat 16-bit 16384 x 16384 PNG took 3 GiB), naming the file, size and limit', async () => {
    const big = concat(PNG_SIG, ihdr(16384, 16384, 16, 0), pngChunk('IEND', new Uint8Array(0)));
    const e = await refusal(big, 'dept/flat.png');
    expect(e.reason).toBe('dimensions');
    expect(e.message).toMatch(/^dept\/flat\.png: the PNG is 16384x16384 pixels; that is 268\.4 million pixels, over the 40 million limit/);
    expect((await refusal(concat(PNG_SIG, ihdr(6400, 6400, 16, 0), pngChunk('IEND', new Uint8Array(0))))).reason).toBe('dimensions');
    // 6000 x 6000 (36 Mpx) passes the size rule and fails only later, for its missing image data.
    expect((await refusal(concat(PNG_SIG, ihdr(6000, 6000, 16, 0), pngChunk('IEND', new Uint8Array(0))))).reason).not.toBe('dimensions');
  });

  it('refuses a side under 64 px and an aspect ratio over 3:1 (a thumbnail, a strip, a grid figure) as dimensions', async () => {
    const flat = (w: number, h: number) => craftPng(w, h, 8, 0, grayRow(w, (x) => x & 0xff));
    for (const [w, h] of [[40, 40], [63, 200], [4000, 40], [4000, 100], [193, 64]] as const) await expectRefused(flat(w, h), 'dimensions');
    expect((await refusal(flat(40, 40))).message).toMatch(/40x40 pixels; each side must be at least 64 px\. Use the full-size export/);
    expect((await refusal(flat(4000, 100))).message).toMatch(/4000x100 pixels; its aspect ratio 40\.0:1 is over 3:1, so it is a strip, a banner or a figure/);
    for (const [w, h] of [[64, 64], [192, 64], [64, 192]] as const) expect((await decodePng({ path: 'ok.png', bytes: flat(w, h) })).image.width).toBe(w);
    // From the shared set: the LungGen DDPM training grid (950 x 277) is a figure; its samples (~226 x 229) are images.
    expect((await refusal(readXray('synthetic/lunggen-ddpm/grid_epoch22.png'))).message).toMatch(/950x277 pixels; its aspect ratio 3\.4:1 is over 3:1/);
    expect((await decodePng({ path: 's.png', bytes: readXray('synthetic/lunggen-ddpm/lunggen_e20_s1.png') })).image.width).toBe(226);
  });

  it('refuses an APNG with several frames as multi-frame, and accepts a one-frame acTL', async () => {
    const still = craftPng(64, 64, 8, 0, grayRow(64, (x) => x * 3));
    const actl = (frames: number) => pngChunk('acTL', Uint8Array.of(0, 0, 0, frames, 0, 0, 0, 0));
    await expectRefused(withChunks(still, actl(3)), 'multi-frame');
    expect((await decodePng({ path: 'one.png', bytes: withChunks(still, actl(1)) })).image.width).toBe(64);
  });
});

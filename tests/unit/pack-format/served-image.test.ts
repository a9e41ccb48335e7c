import { decode } from 'fast-png';
import { constants, deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeServedPng, encodeServedPng, readPngStructure, walkPngChunks } from '../../../src/pack-format/index.js';
import { createGrayImage } from '../../../src/imaging/types.js';

function ramp(bits: number) {
  const img = createGrayImage(64, 48, bits);
  const max = 2 ** bits - 1;
  for (let i = 0; i < img.data.length; i++) img.data[i] = Math.round((i * 7919) % (max + 1));
  img.data[0] = 0;
  img.data[1] = max;
  return img;
}

describe('the served-image container', () => {
  it.each([8, 10, 12, 16])('round-trips %i-bit images exactly, as single-channel PNG with no extra chunks', async (bits) => {
    const img = ramp(bits);
    const png = await encodeServedPng(img);
    expect(readPngStructure(png).chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    const raw = decode(png);
    expect(raw.channels).toBe(1);
    expect(raw.depth).toBe(bits <= 8 ? 8 : 16);
    expect(raw.text).toEqual({});
    // Full brightness range in any viewer: the top stored value maps to the top PNG value.
    expect(Math.max(...(raw.data as Uint16Array | Uint8Array))).toBe(bits <= 8 ? 255 : 65535);
    expect(decodeServedPng(png, bits).data).toEqual(img.data);
  });

  it('refuses a PNG whose depth does not match the manifest', async () => {
    const png = await encodeServedPng(ramp(8));
    expect(() => decodeServedPng(png, 12)).toThrow(/manifest says 12-bit/);
  });

  it('is a PNG any decoder reads: CRCs checked, Up-filtered rows, and the same pixels as fast-png gives back', async () => {
    const img = ramp(12);
    const png = await encodeServedPng(img);
    expect(walkPngChunks(png).chunks.every((c) => c.crcOk)).toBe(true);
    expect(Array.from(decode(png, { checkCrc: true }).data as Uint16Array).map((v) => v >> 4)).toEqual(Array.from(img.data));
  });

  it('8-bit: Paeth-filtered rows deflated with the run-length strategy, the same bytes as zlib itself writes', async () => {
    const img = ramp(8);
    const png = await encodeServedPng(img);
    const idat = walkPngChunks(png).chunks.find((c) => c.type === 'IDAT')?.data as Uint8Array;
    const raw = inflateSync(idat);
    for (let y = 0; y < img.height; y++) expect(raw[y * (img.width + 1)]).toBe(4);
    // pako is zlib's code: Node's native zlib with the same settings gives the same stream, so no platform differs.
    expect(Buffer.compare(Buffer.from(idat), deflateSync(raw, { level: 6, strategy: constants.Z_RLE }))).toBe(0);
    expect((readPngStructure(png).zlibFlg as number) >> 6).toBe(0); // FLEVEL: zlib declares its run-length strategy 'fastest'
    expect(Array.from(decode(png, { checkCrc: true }).data as Uint8Array)).toEqual(Array.from(img.data));
  });
});

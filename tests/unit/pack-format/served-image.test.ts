import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { decodeServedPng, encodeServedPng } from '../../../src/pack-format/index.js';
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
  it.each([8, 10, 12, 16])('round-trips %i-bit images exactly, as single-channel PNG with no extra chunks', (bits) => {
    const img = ramp(bits);
    const png = encodeServedPng(img);
    const raw = decode(png);
    expect(raw.channels).toBe(1);
    expect(raw.depth).toBe(bits <= 8 ? 8 : 16);
    expect(raw.text).toEqual({});
    // Full brightness range in any viewer: the top stored value maps to the top PNG value.
    expect(Math.max(...(raw.data as Uint16Array | Uint8Array))).toBe(bits <= 8 ? 255 : 65535);
    expect(decodeServedPng(png, bits).data).toEqual(img.data);
  });

  it('refuses a PNG whose depth does not match the manifest', () => {
    expect(() => decodeServedPng(encodeServedPng(ramp(8)), 12)).toThrow(/manifest says 12-bit/);
  });
});

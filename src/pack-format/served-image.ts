/**
 * The one container every served pack image uses: a single-channel PNG with no ancillary chunks. 8-bit depth is
 * stored as 8-bit PNG; deeper ones as 16-bit PNG with the stored values scaled up by left bit replication
 * (PNG spec 12.4 "Sample depth scaling"), so any viewer shows the right brightness and `png >> (16 - bits)` gives
 * the stored values back exactly. The pack's bit depth is in its manifest, the same for every image.
 * Written by served-png-encode.ts (kept apart so the game, which only reads packs, does not load a deflater);
 * decoding stays with fast-png.
 */
import { decode } from 'fast-png';
import { createGrayImage, type GrayImage } from '../imaging/index.js';

/** v (`bits` bits) -> 16 bits by repeating its bits from the top (PNG 12.4): 0 -> 0, max -> 65535, monotone, reversible. */
export function scaleTo16(v: number, bits: number): number {
  if (bits >= 16) return v;
  let out = 0;
  for (let s = 16 - bits; s > -bits; s -= bits) out |= s >= 0 ? v << s : v >> -s;
  return out & 0xffff;
}

/** Reads a served PNG back into stored values of `bitsStored` bits. Throws when the file is not what the manifest says. */
export function decodeServedPng(bytes: Uint8Array, bitsStored: number): GrayImage {
  const png = decode(bytes);
  if (png.channels !== 1 || (png.depth !== 8 && png.depth !== 16)) {
    throw new Error(`decodeServedPng: a served image must be 8- or 16-bit grayscale, got ${png.channels} ${png.channels === 1 ? 'channel' : 'channels'} at ${png.depth} bits`);
  }
  if ((bitsStored <= 8) !== (png.depth === 8)) {
    throw new Error(`decodeServedPng: the manifest says ${bitsStored}-bit images but this PNG is ${png.depth}-bit`);
  }
  const img = createGrayImage(png.width, png.height, bitsStored);
  const shift = png.depth - bitsStored;
  const src = png.data as Uint8Array | Uint16Array;
  for (let i = 0; i < img.data.length; i++) img.data[i] = (src[i] as number) >> shift;
  return img;
}

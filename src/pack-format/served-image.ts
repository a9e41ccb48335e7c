/**
 * The one container every served pack image uses: a single-channel PNG with no ancillary chunks. 8-bit depth is
 * stored as 8-bit PNG; deeper ones as 16-bit PNG with the stored values scaled up by left bit replication
 * (PNG spec 12.4 "Sample depth scaling"), so any viewer shows the right brightness and `png >> (16 - bits)` gives
 * the stored values back exactly. The pack's bit depth is in its manifest, the same for every image.
 * Written here (IHDR, one IDAT, IEND; PNG 5.3, 11.2) rather than by fast-png's encoder, whose JavaScript deflate took
 * a quarter of a pack build: every scanline has filter Up (PNG 9.2, type 2: radiographs change little from row to
 * row, so the files are about 30% smaller than unfiltered) and is deflated by the platform's zlib (native-zlib.ts).
 * Decoding stays with fast-png.
 */
import { decode } from 'fast-png';
import { createGrayImage, type GrayImage } from '../imaging/index.js';
import { zlibDeflate } from './native-zlib.js';
import { pngChunk, pngFile } from './png-chunks.js';

/** v (`bits` bits) -> 16 bits by repeating its bits from the top (PNG 12.4): 0 -> 0, max -> 65535, monotone, reversible. */
export function scaleTo16(v: number, bits: number): number {
  if (bits >= 16) return v;
  let out = 0;
  for (let s = 16 - bits; s > -bits; s -= bits) out |= s >= 0 ? v << s : v >> -s;
  return out & 0xffff;
}

/** Scanlines with filter Up: each byte minus the byte above it, modulo 256 (PNG 9.2). */
function filteredUp(image: GrayImage, bytesPerSample: 1 | 2): Uint8Array {
  const { width, height, bitsStored } = image;
  const stride = width * bytesPerSample;
  const raw = new Uint8Array(height * (stride + 1));
  const row = new Uint8Array(stride);
  const prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    if (bytesPerSample === 1) for (let x = 0; x < width; x++) row[x] = image.data[base + x] as number;
    else {
      for (let x = 0; x < width; x++) {
        const v = bitsStored === 16 ? (image.data[base + x] as number) : scaleTo16(image.data[base + x] as number, bitsStored);
        row[2 * x] = v >> 8; // PNG samples are big-endian (PNG 7.1)
        row[2 * x + 1] = v & 255;
      }
    }
    const o = y * (stride + 1);
    raw[o] = 2;
    for (let i = 0; i < stride; i++) raw[o + 1 + i] = ((row[i] as number) - (prev[i] as number)) & 255;
    prev.set(row);
  }
  return raw;
}

export async function encodeServedPng(image: GrayImage): Promise<Uint8Array> {
  const { width, height, bitsStored } = image;
  // GrayImage has at least 8 bits stored, so `<= 8` is exactly 8 bits.
  const depth = bitsStored <= 8 ? 8 : 16;
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([depth, 0, 0, 0, 0], 8); // grey, deflate, adaptive filtering method 0, no interlace
  const idat = await zlibDeflate(filteredUp(image, depth === 8 ? 1 : 2));
  return pngFile([pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array(0))]);
}

/** Reads a served PNG back into stored values of `bitsStored` bits. Throws when the file is not what the manifest says. */
export function decodeServedPng(bytes: Uint8Array, bitsStored: number): GrayImage {
  const png = decode(bytes);
  if (png.channels !== 1 || (png.depth !== 8 && png.depth !== 16)) {
    throw new Error(`decodeServedPng: a served image must be 8- or 16-bit grayscale, got ${png.channels} channel(s) at ${png.depth} bits`);
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

/**
 * Writes the served PNG (served-image.ts says what it holds): IHDR, one IDAT, IEND (PNG 5.3, 11.2), rather than
 * fast-png's encoder, whose JavaScript deflate took a quarter of a pack build. 8-bit: every scanline has filter Paeth
 * (PNG 9.4) and is deflated by pako (zlib's code in JavaScript) with zlib's run-length strategy: a radiograph's
 * residuals are noise that LZ77 match searching barely shortens, so this gives smaller files for a third of the CPU
 * of zlib's default, and the same bytes on every platform (README.md, Decisions). 16-bit: filter Up and the
 * platform's zlib (native-zlib.ts), where LZ77 still pays (the two bytes of a sample repeat each other's bits).
 */
import { deflate, Z_RLE } from 'pako';
import type { GrayImage } from '../imaging/index.js';
import { zlibDeflate } from './native-zlib.js';
import { pngChunk, pngFile } from './png-chunks.js';
import { scaleTo16 } from './served-image.js';

/** 16-bit scanlines with filter Up: each byte minus the byte above it, modulo 256 (PNG 9.2). */
function filteredUp16(image: GrayImage): Uint8Array {
  const { width, height, bitsStored } = image;
  const stride = width * 2;
  const raw = new Uint8Array(height * (stride + 1));
  const row = new Uint8Array(stride);
  const prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    for (let x = 0; x < width; x++) {
      const v = bitsStored === 16 ? (image.data[base + x] as number) : scaleTo16(image.data[base + x] as number, bitsStored);
      row[2 * x] = v >> 8; // PNG samples are big-endian (PNG 7.1)
      row[2 * x + 1] = v & 255;
    }
    const o = y * (stride + 1);
    raw[o] = 2;
    for (let i = 0; i < stride; i++) raw[o + 1 + i] = ((row[i] as number) - (prev[i] as number)) & 255;
    prev.set(row);
  }
  return raw;
}

/** 8-bit scanlines with filter Paeth (PNG 9.4): each sample minus the Paeth predictor of left, above, upper left. */
function filteredPaeth8(image: GrayImage): Uint8Array {
  const { width: w, height: h, data: d } = image;
  const raw = new Uint8Array(h * (w + 1));
  // First row: above and upper left are 0, so the predictor is the left sample (0 for the first).
  raw[0] = 4;
  raw[1] = (d[0] as number) & 255;
  for (let x = 1; x < w; x++) raw[1 + x] = ((d[x] as number) - (d[x - 1] as number)) & 255;
  for (let y = 1; y < h; y++) {
    const o = y * (w + 1) + 1;
    const row = y * w;
    const up = row - w;
    raw[o - 1] = 4;
    raw[o] = ((d[row] as number) - (d[up] as number)) & 255; // first column: the predictor is the sample above
    let a = d[row] as number;
    let c = d[up] as number;
    for (let x = 1; x < w; x++) {
      const b = d[up + x] as number;
      const v = d[row + x] as number;
      // |p - a|, |p - b|, |p - c| for p = a + b - c; ties go to a, then b (PNG 9.4). Selects, not nested branches,
      // since noise makes the choice unpredictable.
      const pa = Math.abs(b - c);
      const pb = Math.abs(a - c);
      const pc = Math.abs(a + b - 2 * c);
      const bc = pb <= pc ? b : c;
      raw[o + x] = (v - (pa <= (pb <= pc ? pb : pc) ? a : bc)) & 255;
      a = v;
      c = b;
    }
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
  const idat = depth === 8 ? deflate(filteredPaeth8(image), { level: 6, strategy: Z_RLE }) : await zlibDeflate(filteredUp16(image));
  return pngFile([pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array(0))]);
}


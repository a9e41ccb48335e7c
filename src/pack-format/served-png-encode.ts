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
  const { width, height, data } = image;
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) {
    const o = y * (width + 1);
    const row = y * width;
    const up = row - width;
    raw[o] = 4;
    for (let x = 0; x < width; x++) {
      const a = x > 0 ? (data[row + x - 1] as number) : 0;
      const b = y > 0 ? (data[up + x] as number) : 0;
      const c = x > 0 && y > 0 ? (data[up + x - 1] as number) : 0;
      const pa = b > c ? b - c : c - b; // |p - a| with p = a + b - c
      const pb = a > c ? a - c : c - a;
      const pc = a + b - 2 * c > 0 ? a + b - 2 * c : 2 * c - a - b;
      const pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      raw[o + 1 + x] = ((data[row + x] as number) - pred) & 255;
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


/**
 * Hand-built PNG and JPEG fixtures. CRCs come from node:zlib (not from the code under test), so a wrong CRC table in
 * png-chunks.ts cannot hide behind fixtures made with it.
 */
import { crc32 } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zlibSync } from 'fflate';
import factory from '@cornerstonejs/codec-libjpeg-turbo-8bit/wasmjs';
import { requireXray } from '../../../../helpers/shared-data.js';

export const readXray = (rel: string): Uint8Array => new Uint8Array(readFileSync(join(requireXray(), rel)));

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const u32be = (v: number): number[] => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const bytesOf = (...items: (number[] | string | Uint8Array)[]): Uint8Array =>
  concat(...items.map((i) => (typeof i === 'string' ? ascii(i) : i instanceof Uint8Array ? i : Uint8Array.from(i))));

/** One PNG chunk: length, type, data, CRC-32 over type + data (PNG spec 5.3). */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concat(ascii(type), data);
  return concat(Uint8Array.from(u32be(data.length)), typeAndData, Uint8Array.from(u32be(crc32(typeAndData))));
}

export const PNG_SIG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function ihdr(width: number, height: number, bitDepth: number, colourType: number): Uint8Array {
  return pngChunk('IHDR', Uint8Array.from([...u32be(width), ...u32be(height), bitDepth, colourType, 0, 0, 0]));
}

/** A PNG from raw filtered scanlines (filter byte 0 prepended per row here) plus any extra chunks before IDAT. */
export function craftPng(
  width: number,
  height: number,
  bitDepth: number,
  colourType: number,
  rowBytes: (y: number) => Uint8Array,
  extra: Uint8Array[] = [],
): Uint8Array {
  const rows = Array.from({ length: height }, (_, y) => concat(Uint8Array.of(0), rowBytes(y)));
  return concat(PNG_SIG, ihdr(width, height, bitDepth, colourType), ...extra, pngChunk('IDAT', zlibSync(concat(...rows))), pngChunk('IEND', new Uint8Array(0)));
}

/** Inserts chunks right after IHDR of an existing PNG. */
export function withChunks(png: Uint8Array, ...chunks: Uint8Array[]): Uint8Array {
  const afterIhdr = 8 + 25;
  return concat(png.subarray(0, afterIhdr), ...chunks, png.subarray(afterIhdr));
}

/** A JPEG segment: 0xFF marker, length (counting itself), data. */
export function jpegSegment(marker: number, data: Uint8Array): Uint8Array {
  const len = data.length + 2;
  return concat(Uint8Array.of(0xff, marker, len >> 8, len & 255), data);
}

/** Inserts segments right after SOI. */
export const withSegments = (jpeg: Uint8Array, ...segments: Uint8Array[]): Uint8Array =>
  concat(jpeg.subarray(0, 2), ...segments, jpeg.subarray(2));

/** Encodes interleaved 8-bit samples with libjpeg-turbo (the package's own encoder). */
export async function encodeJpeg(
  width: number,
  height: number,
  componentCount: 1 | 3,
  sample: (x: number, y: number, c: number) => number,
  progressive = false,
): Promise<Uint8Array> {
  const m = await factory({ print: () => {}, printErr: () => {} });
  const enc = new m.JPEGEncoder() as WasmEncoder & { setProgressive?(on: boolean): void };
  try {
    const buf = enc.getDecodedBuffer({ width, height, bitsPerSample: 8, componentCount, isSigned: false });
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        for (let c = 0; c < componentCount; c++) buf[(y * width + x) * componentCount + c] = sample(x, y, c);
    if (progressive) enc.setProgressive?.(true);
    enc.encode();
    return new Uint8Array(enc.getEncodedBuffer());
  } finally {
    enc.delete();
  }
}

/** A minimal little-endian TIFF with ASCII tags in IFD0 (Exif is a TIFF structure, CIPA DC-008 4.6.2). */
export function tiffWithAscii(tags: readonly (readonly [number, string])[]): Uint8Array {
  const n = tags.length;
  const ifdSize = 2 + n * 12 + 4;
  let valueAt = 8 + ifdSize;
  const head: number[] = [0x49, 0x49, 42, 0, 8, 0, 0, 0, n & 255, n >> 8];
  const values: number[] = [];
  for (const [tag, text] of tags) {
    const bytes = [...ascii(text), 0];
    head.push(tag & 255, tag >> 8, 2, 0, bytes.length & 255, (bytes.length >> 8) & 255, 0, 0);
    if (bytes.length <= 4) {
      head.push(...bytes, ...[0, 0, 0, 0].slice(bytes.length));
    } else {
      head.push(valueAt & 255, (valueAt >> 8) & 255, 0, 0);
      values.push(...bytes);
      valueAt += bytes.length;
    }
  }
  head.push(0, 0, 0, 0);
  return Uint8Array.from([...head, ...values]);
}

/** CBOR text string header (RFC 8949 3.1, major type 3). */
const cborText = (s: string): number[] => [...(s.length < 24 ? [0x60 + s.length] : [0x78, s.length]), ...ascii(s)];

/** A JUMBF-like superbox with a 'c2pa' label and a claim carrying claim_generator (enough for a name scan). */
export function c2paJumbf(claimGenerator: string, extra = ''): Uint8Array {
  const body = bytesOf('jumb', [0, 0, 0, 0x1f], 'jumd', 'c2pa', [0], 'c2pa.claim', [0xa2], cborText('claim_generator'), cborText(claimGenerator), extra);
  return bytesOf(u32be(body.length + 4), body);
}

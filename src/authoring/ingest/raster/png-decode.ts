/**
 * PNG -> DecodedInput. The chunk structure is checked by hand first (png-chunks.ts) so that each fault is named
 * ('truncated', 'corrupt', 'dimensions', 'multi-frame' for APNG); the pixels are then decoded by fast-png. Gray,
 * gray+alpha, RGB, RGBA and palette images are accepted when they pass the colour rule (gray-samples.ts): channels
 * equal within ±1 level at 8 bits (±257 at 16 bits), i.e. rounding noise from an export through a colour pipeline.
 */
import { convertIndexedToRgb, decode, type DecodedPng } from 'fast-png';
import { createGrayImage } from '../../../imaging/index.js';
import { dimensionsProblem } from '../dimensions.js';
import { IngestError, type DecodedInput, type InputFile } from '../types.js';
import { toGraySamples } from './gray-samples.js';
import { apngFrameCount, hasPngSignature, readIhdr, walkPngChunks } from './png-chunks.js';
import { scanPngMetadata } from './png-metadata.js';

export { MAX_ASPECT_RATIO, MAX_SIDE_PX, MIN_SIDE_PX } from '../dimensions.js';

/** Refuses absurd dimensions (`dimensionsProblem`: a side under 64 or over 16384 px, an aspect ratio over 3:1). */
export function checkRasterDimensions(path: string, format: string, width: number, height: number): void {
  const problem = dimensionsProblem(width, height);
  if (problem !== null) {
    throw new IngestError('dimensions', `${path}: the ${format} is ${width}x${height} pixels; ${problem}, and retry.`);
  }
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Checks the chunk structure and returns the IHDR bit depth. Throws IngestError for every structural fault. */
function checkStructure(file: InputFile): { bitDepth: number } {
  const { path, bytes } = file;
  if (!hasPngSignature(bytes)) {
    throw new IngestError('not-an-image', `${path}: this is not a PNG file (no PNG signature). Pick a PNG, JPEG or DICOM file.`);
  }
  const walk = walkPngChunks(bytes);
  const first = walk.chunks[0];
  const ihdr = first ? readIhdr(first) : undefined;
  if (!first || !ihdr) {
    const reason = walk.truncated && walk.chunks.length === 0 ? 'truncated' : 'corrupt';
    throw new IngestError(reason, `${path}: the PNG has no valid IHDR header chunk. Re-export the image or pick another file.`);
  }
  if (!first.crcOk) {
    throw new IngestError('corrupt', `${path}: the PNG header chunk (IHDR) fails its CRC check: the file is damaged. Copy or export it again.`);
  }
  checkRasterDimensions(path, 'PNG', ihdr.width, ihdr.height);
  const bad = walk.chunks.find((c) => !c.crcOk);
  if (bad) {
    throw new IngestError(
      'corrupt',
      `${path}: the PNG chunk '${bad.type}' fails its CRC check: the file is damaged. Copy or export it again.`,
    );
  }
  if (walk.truncated) {
    throw new IngestError('truncated', `${path}: the PNG ends early (no IEND chunk): the file was cut short. Copy or export it again.`);
  }
  const frames = apngFrameCount(walk.chunks);
  if (frames > 1) {
    throw new IngestError(
      'multi-frame',
      `${path}: the PNG is an animation (APNG, acTL chunk) with ${frames} frames. Export the one radiograph as a still PNG and retry.`,
    );
  }
  if (!walk.chunks.some((c) => c.type === 'IDAT')) {
    throw new IngestError('corrupt', `${path}: the PNG has no image data (IDAT chunk). Re-export the image or pick another file.`);
  }
  return { bitDepth: ihdr.bitDepth };
}

/** Sub-byte gray rows are packed MSB first and padded to whole bytes (PNG spec 7.2); scaled to 0..255. */
function unpackLowBitGray(png: DecodedPng): Uint8Array {
  const d = png.depth;
  const rowBytes = Math.ceil((png.width * d) / 8);
  const out = new Uint8Array(png.width * png.height);
  const mask = 2 ** d - 1;
  const scale = 255 / mask;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const bit = x * d;
      const byte = png.data[y * rowBytes + (bit >> 3)] ?? 0;
      out[y * png.width + x] = Math.round(((byte >> (8 - d - (bit & 7))) & mask) * scale);
    }
  }
  return out;
}

/** tRNS on gray or RGB (PNG spec 11.3.2.1) marks one colour transparent: refused if any pixel has it. */
function checkColourKey(file: InputFile, png: DecodedPng): void {
  const key = png.transparency;
  if (png.palette || !key || key.length === 0) return;
  const ch = png.channels;
  const n = png.width * png.height;
  for (let i = 0; i < n; i++) {
    let match = true;
    for (let c = 0; c < ch && match; c++) match = png.data[i * ch + c] === key[c];
    if (match) {
      throw new IngestError(
        'unsupported',
        `${file.path}: the PNG marks some pixels transparent (tRNS colour key). Flatten the image (no transparency) and retry.`,
      );
    }
  }
}

/** Significant bits of 16-bit data: a 12-bit detector exported as 16-bit PNG has values below 4096. */
function effectiveBits(data: Uint16Array): number {
  let max = 0;
  for (const v of data) if (v > max) max = v;
  return Math.min(16, Math.max(8, Math.ceil(Math.log2(max + 1))));
}

export function decodePng(file: InputFile): DecodedInput {
  const { bitDepth } = checkStructure(file);
  let png: DecodedPng;
  try {
    png = decode(file.bytes);
  } catch (e) {
    const message = describe(e) + (e instanceof Error && e.cause ? ` (${describe(e.cause)})` : '');
    const cut = /EOF|end of|out of bounds|offset/i.test(message);
    throw new IngestError(
      cut ? 'truncated' : 'corrupt',
      `${file.path}: the PNG image data cannot be decoded (${message}). Re-export the image or pick another file.`,
    );
  }
  checkColourKey(file, png);
  let samples: ArrayLike<number>;
  let channels = png.channels;
  let depth = 8;
  if (png.palette) {
    try {
      samples = convertIndexedToRgb(png);
      channels = png.palette[0]?.length ?? 3;
    } catch (e) {
      throw new IngestError('corrupt', `${file.path}: the PNG palette cannot be applied (${describe(e)}). Re-export the image as grayscale.`);
    }
  } else if (png.depth < 8) {
    samples = unpackLowBitGray(png);
  } else {
    samples = png.data;
    depth = png.depth;
  }
  const max = depth === 16 ? 65535 : 255;
  const gray = toGraySamples({
    path: file.path,
    format: 'PNG',
    width: png.width,
    height: png.height,
    samples,
    channels,
    max,
    tolerance: depth === 16 ? 257 : 1,
    toleranceNote: 'up to 1 level of 255 is taken as rounding',
  });
  const image = { ...createGrayImage(png.width, png.height, depth), data: gray };
  const meta = scanPngMetadata(file.bytes);
  return {
    format: 'png',
    image,
    // A palette's bit depth counts index bits; its entries are 8-bit samples (PNG spec 11.2.3).
    sourceBits: depth === 16 ? effectiveBits(gray) : png.palette ? 8 : bitDepth,
    header: [],
    provenance: meta.provenance,
    stripped: meta.stripped,
    flags: [],
  };
}

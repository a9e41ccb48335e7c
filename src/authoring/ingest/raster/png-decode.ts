/**
 * PNG -> DecodedInput. The chunk structure is checked first (pack-format's chunk walker) so that each fault is named
 * ('truncated', 'corrupt', 'dimensions', 'multi-frame' for APNG). The image data is then inflated once, by the
 * platform's zlib, and stopped past the size the header implies, so a small file cannot expand to gigabytes. fast-png
 * does the rest (unfiltering, interlace, palettes, 16-bit order) on a PNG rebuilt from the critical chunks and the
 * inflated data (png-rebuild.ts), so it inflates nothing itself. Gray, gray+alpha, RGB, RGBA and palette images are
 * accepted when they pass the near-grey rule (near-grey.ts); a colour cast is kept as provenance.
 */
import { convertIndexedToRgb, decode, type DecodedPng } from 'fast-png';
import { createGrayImage } from '../../../imaging/index.js';
import { apngFrameCount, InflateLimitError, isPng, readIhdr, walkPngChunks, zlibInflateBounded, type PngChunk, type PngHeader } from '../../../pack-format/index.js';
import { dimensionsProblem } from '../dimensions.js';
import { IngestError, type DecodedInput, type InputFile } from '../types.js';
import { castFinding } from './colour-cast.js';
import { toGrey } from './near-grey.js';
import { scanPngMetadata } from './png-metadata.js';
import { pngForDecoder } from './png-rebuild.js';

export { MAX_ASPECT_RATIO, MAX_SIDE_PX, MIN_SIDE_PX } from '../dimensions.js';

/** Refuses absurd dimensions (`dimensionsProblem`: a side under 64 or over 16384 px, over 40 Mpx, an aspect ratio over 3:1). */
export function checkRasterDimensions(path: string, format: string, width: number, height: number): void {
  const problem = dimensionsProblem(width, height);
  if (problem !== null) {
    throw new IngestError('dimensions', `${path}: the ${format} is ${width}x${height} pixels; ${problem}, and retry.`);
  }
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Samples per pixel of each PNG colour type (PNG 11.2.1 Table 11.1). */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Bytes the image data must inflate to: per scanline a filter byte and the packed samples (PNG 7.2, 8.4), over the
 * seven Adam7 passes when interlaced (PNG 8.2). Unknown colour types or depths count as 16-bit RGBA (the largest).
 */
export function inflatedPngSize(h: PngHeader): number {
  const bitsPerPixel = (CHANNELS[h.colourType] ?? 4) * (h.bitDepth > 0 && h.bitDepth <= 16 ? h.bitDepth : 16);
  const rows = (width: number, height: number): number => (width === 0 || height === 0 ? 0 : height * (1 + Math.ceil((width * bitsPerPixel) / 8)));
  if (h.interlace !== 1) return rows(h.width, h.height);
  const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
  return passes.reduce((n, [x0, y0, dx, dy]) => n + rows(Math.ceil((h.width - x0) / dx), Math.ceil((h.height - y0) / dy)), 0);
}

/**
 * The IDAT stream inflated by the platform's zlib to at most the size the header implies; past it the file is a
 * decompression bomb (a 1 MB file can inflate to 1 GiB) and is refused there; short of it, it was cut short.
 */
async function inflateImageData(path: string, header: PngHeader, chunks: readonly PngChunk[]): Promise<Uint8Array> {
  const expected = inflatedPngSize(header);
  let raw: Uint8Array;
  try {
    raw = await zlibInflateBounded(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data), expected);
  } catch (e) {
    if (e instanceof InflateLimitError) {
      throw new IngestError(
        'bomb',
        `${path}: the PNG image data expands beyond the ${expected} bytes its ${header.width}x${header.height} header allows ` +
          '(a decompression bomb, or a damaged file); it was stopped there. Re-export the image or pick another file.',
      );
    }
    throw new IngestError('corrupt', `${path}: the PNG image data cannot be inflated (${describe(e)}). Re-export the image or pick another file.`);
  }
  if (raw.length < expected) {
    throw new IngestError('truncated', `${path}: the PNG image data holds ${raw.length} of the ${expected} bytes its header needs: the file was cut short. Copy or export it again.`);
  }
  return raw;
}

/** Checks the chunk structure; returns the header and the chunks. Throws IngestError for every structural fault. */
function checkStructure(file: InputFile): { header: PngHeader; chunks: readonly PngChunk[] } {
  const { path, bytes } = file;
  if (!isPng(bytes)) {
    throw new IngestError('not-an-image', `${path}: this is not a PNG file (no PNG signature). Pick a PNG, JPEG or DICOM file.`);
  }
  const walk = walkPngChunks(bytes);
  const first = walk.chunks[0];
  const ihdr = readIhdr(first);
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
  return { header: ihdr, chunks: walk.chunks };
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

export async function decodePng(file: InputFile): Promise<DecodedInput> {
  const { header, chunks } = checkStructure(file);
  const { bitDepth } = header;
  const raw = await inflateImageData(file.path, header, chunks);
  let png: DecodedPng;
  try {
    png = decode(pngForDecoder(chunks, raw), { checkCrc: false });
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
  const { gray, cast } = toGrey({ path: file.path, format: 'PNG', width: png.width, height: png.height, samples, channels, max });
  const image = { ...createGrayImage(png.width, png.height, depth), data: gray };
  const meta = scanPngMetadata(file.bytes);
  return {
    format: 'png',
    image,
    // A palette's bit depth counts index bits; its entries are 8-bit samples (PNG spec 11.2.3).
    sourceBits: depth === 16 ? effectiveBits(gray) : png.palette ? 8 : bitDepth,
    header: [],
    provenance: cast ? [...meta.provenance, castFinding('PNG', cast)] : meta.provenance,
    stripped: meta.stripped,
    flags: [],
    cast,
  };
}

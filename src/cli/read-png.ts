/**
 * PNG -> single-channel GrayImage. Colour is reduced to luma with the Rec. 601 weights (ITU-R BT.601:
 * Y = 0.299 R + 0.587 G + 0.114 B); alpha is dropped (radiographs have no meaningful transparency). 8-bit (and
 * lower) samples are promoted to 12 bits stored (8-bit x16, as 12-bit detector data), so the techniques' arithmetic
 * has headroom; 16-bit samples are kept as bitsStored 16. Text chunks are never read out: they may carry identifiers.
 */
import { convertIndexedToRgb, decode, type DecodedPng } from 'fast-png';
import { type GrayImage } from '../imaging/index.js';
import { describeThrown, inputError } from './errors.js';
import { checkDimensions, windowFromData } from './image-limits.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const BT601 = [0.299, 0.587, 0.114] as const;

export const isPng = (bytes: Uint8Array): boolean => PNG_SIGNATURE.every((b, i) => bytes[i] === b);

/** Reads IHDR by hand, so absurd sizes are refused before the decoder allocates anything. */
function headerSize(bytes: Uint8Array, name: string): { width: number; height: number } {
  const ihdr = String.fromCharCode(...bytes.subarray(12, 16));
  if (bytes.length < 33 || ihdr !== 'IHDR') {
    throw inputError(`${name}: the PNG is truncated or damaged (no complete IHDR header). Re-export the image or pick another file.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function readPng(bytes: Uint8Array, name: string): { image: GrayImage; description: string } {
  const { width, height } = headerSize(bytes, name);
  checkDimensions(width, height, name);
  let png: DecodedPng;
  try {
    png = decode(bytes);
  } catch (e) {
    throw inputError(
      `${name}: the PNG is truncated or damaged (${describeThrown(e)}). Re-export the image or pick another file.`,
    );
  }
  const { samples, channels, depth } = toSamples(png, name);
  const n = width * height;
  if (samples.length < n * channels) {
    throw inputError(`${name}: the PNG's pixel data is incomplete (truncated file?). Re-export the image or pick another file.`);
  }
  // 16-bit kept; 8-bit x16 (0..4080 of 12 bits); 1/2/4-bit gray stretched to the 12-bit range.
  const scale = depth === 16 ? 1 : depth === 8 ? 16 : 4095 / (2 ** depth - 1);
  const bitsStored = depth === 16 ? 16 : 12;
  const max = 2 ** bitsStored - 1;
  const data = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * channels;
    const y =
      channels >= 3
        ? BT601[0] * (samples[o] as number) + BT601[1] * (samples[o + 1] as number) + BT601[2] * (samples[o + 2] as number)
        : (samples[o] as number);
    data[i] = Math.min(max, Math.round(y * scale));
  }
  const kinds = ['', 'gray', 'gray+alpha', 'RGB', 'RGBA'];
  const kind = png.palette ? 'palette' : (kinds[png.channels] ?? `${png.channels}-channel`);
  const image: GrayImage = { width, height, data, bitsStored, ...windowFromData(data) };
  return { image, description: `PNG ${width}x${height} ${png.depth}-bit ${kind} -> ${bitsStored}-bit gray` };
}

/** Flat samples with `channels` per pixel at `depth` bits (8 or 16; 1/2/4-bit gray unpacked to their own scale). */
function toSamples(png: DecodedPng, name: string): { samples: ArrayLike<number>; channels: number; depth: number } {
  if (png.palette) {
    try {
      const rgb = convertIndexedToRgb(png);
      return { samples: rgb, channels: png.transparency ? 4 : 3, depth: 8 };
    } catch (e) {
      throw inputError(`${name}: cannot expand the PNG palette (${describeThrown(e)}). Save it as grayscale and retry.`);
    }
  }
  if (png.depth === 8 || png.depth === 16) return { samples: png.data, channels: png.channels, depth: png.depth };
  if (png.channels !== 1) {
    throw inputError(`${name}: ${png.depth}-bit ${png.channels}-channel PNG is not a valid PNG layout. Re-export as 8- or 16-bit.`);
  }
  // Sub-byte grayscale: rows are packed MSB first and padded to whole bytes (PNG spec, 7.2).
  const d = png.depth;
  const rowBytes = Math.ceil((png.width * d) / 8);
  const out = new Uint8Array(png.width * png.height);
  const mask = 2 ** d - 1;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const bit = x * d;
      const byte = png.data[y * rowBytes + (bit >> 3)] ?? 0;
      out[y * png.width + x] = (byte >> (8 - d - (bit & 7))) & mask;
    }
  }
  return { samples: out, channels: 1, depth: d };
}

import type { GrayImage } from '../../imaging/index.js';
import { readPngStructure } from '../../pack-format/index.js';
import { pixelStats } from './pixel-stats.js';
import type { PropertyVector } from './properties.js';

const CRITICAL = new Set(['IHDR', 'IDAT', 'IEND']);
/** Samples per pixel of each PNG colour type (PNG 11.2.1): grey 1, RGB 3, palette 1, grey+alpha 2, RGBA 4. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Measures one served image: the PNG bytes exactly as the game serves them and their decoded pixels. Call it once
 * per case as the pack is built and keep only the vector, so the audit never holds more than one image.
 */
export function measureServedImage(png: Uint8Array, image: GrayImage): PropertyVector {
  const structure = readPngStructure(png);
  const { header } = structure;
  if (header.width !== image.width || header.height !== image.height) {
    throw new Error(`measureServedImage: the PNG is ${header.width}×${header.height} but the image is ${image.width}×${image.height}; pass the decoded pixels of the same PNG`);
  }
  const stats = pixelStats(image);
  return {
    width: image.width,
    height: image.height,
    aspectRatio: image.width / image.height,
    byteSize: png.length,
    bytesPerPixel: png.length / (image.width * image.height),
    bitDepth: header.bitDepth,
    colourChannels: CHANNELS[header.colourType] ?? 0,
    distinctValues: stats.distinctValues,
    histogramGapFraction: stats.histogramGapFraction,
    trailingZeroBits: stats.trailingZeroBits,
    noise: stats.noise,
    highFrequencyShare: stats.highFrequencyShare,
    blockiness: stats.blockiness,
    mean: stats.mean,
    standardDeviation: stats.standardDeviation,
    p1: stats.p1,
    p50: stats.p50,
    p99: stats.p99,
    skewness: stats.skewness,
    kurtosis: stats.kurtosis,
    entropy: stats.entropy,
    clippedLowFraction: stats.clippedLowFraction,
    clippedHighFraction: stats.clippedHighFraction,
    pngChunkCount: structure.chunks.length,
    pngAncillaryChunks: structure.chunks.filter((c) => !CRITICAL.has(c)).length,
    pngIdatChunks: structure.chunks.filter((c) => c === 'IDAT').length,
    // FLEVEL, the top two bits of the zlib FLG byte (RFC 1950): 0 fastest … 3 maximum; −1 when there is no data.
    zlibLevel: structure.zlibFlg === null ? -1 : structure.zlibFlg >> 6,
  };
}

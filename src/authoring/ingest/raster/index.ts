/** PNG and JPEG inputs for case packs: decoding to GrayImage, and the provenance/metadata scan. See README.md. */
export { decodePng, checkRasterDimensions, MAX_ASPECT_RATIO, MIN_SIDE_PX, MAX_SIDE_PX } from './png-decode.js';
export { decodeJpeg, JPEG_GRAY_TOLERANCE } from './jpeg-decode.js';
export { scanPngMetadata } from './png-metadata.js';
export { scanJpegMetadata } from './jpeg-metadata.js';
export { hasPngSignature } from './png-chunks.js';
export { hasJpegSignature } from './jpeg-segments.js';
export type { MetadataScan } from './provenance-text.js';

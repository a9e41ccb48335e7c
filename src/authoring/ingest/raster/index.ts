/** PNG and JPEG inputs for case packs: decoding to GrayImage, and the provenance/metadata scan. See README.md. */
export { decodePng, checkRasterDimensions, MAX_ASPECT_RATIO, MIN_SIDE_PX, MAX_SIDE_PX } from './png-decode.js';
export { decodeJpeg } from './jpeg-decode.js';
export { scanPngMetadata } from './png-metadata.js';
export { scanJpegMetadata } from './jpeg-metadata.js';
export { inflatedPngSize } from './png-decode.js';
export { MAX_CAST_LEVELS, RESIDUAL_HARD_LEVELS, measureColour, toGrey, type ColourMeasure } from './near-grey.js';
export { castFinding, type ColourCast } from './colour-cast.js';
export { hasJpegSignature } from './jpeg-segments.js';
export type { MetadataScan } from './provenance-text.js';

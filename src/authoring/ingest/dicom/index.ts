export { decodeDicomPixels, type DicomPixels } from './decode-dicom.js';
export { looksLikeDicom } from './parse-part10.js';
export { decodeRle } from './rle-decoder.js';
export { MAX_ASPECT_RATIO, MAX_SIDE_PX, MIN_SIDE_PX } from './pixel-module.js';

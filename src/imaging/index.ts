/** Public face of imaging/: the GrayImage type, pixel filters and normalisation. Pure. */
export * from './types.js';
export * from './normalise/index.js';
export { addBlockSums, boxBlurH, boxBlurV, boxRadiiForGauss, downsample, upsample, gaussianBlur } from './filters.js';

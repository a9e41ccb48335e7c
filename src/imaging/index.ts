/** Public face of imaging/: the GrayImage type, pixel filters and normalisation. Pure. */
export * from './types.js';
export * from './normalise/index.js';
export { boxBlurH, boxBlurV, boxRadiiForGauss, gaussianBlur } from './filters.js';

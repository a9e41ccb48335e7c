/** Public face of imaging/: the GrayImage type, pixel filters and normalisation. Pure. */
export * from './types.js';
export { simulateChest } from './simulate-chest.js';
export type { ChestAnatomy, PatientParams, SimulatedChest, SimulateOptions } from './simulate-chest.js';
export * from './normalise/index.js';
export { boxBlurH, boxBlurV, boxRadiiForGauss, downsample, upsample, gaussianBlur } from './filters.js';

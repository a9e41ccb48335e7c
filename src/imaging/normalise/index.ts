/** Pixel normalisation of served images and the burned-in-text hint; pure (no DOM, no packages). See README.md. */
export { normaliseImage } from './normalise-image.js';
export type { NormalisePolicy } from './normalise-image.js';
export { findEdgeTextRegions } from './edge-text.js';
export type { TextRegion } from './edge-text.js';

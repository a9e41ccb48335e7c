export * from './case-types.js';
export * from './demo-deck.js';
export * from './case-library.js';
export * from './direct-case-source.js';
export * from './pack-deck.js';
export * from './pack-case-source.js';
export * from './served-image.js';
export { PackError, packToZip, readPack, type PackCase, type PackManifest } from './pack/index.js';
export type { DroppedItem } from './pack-inputs.js';

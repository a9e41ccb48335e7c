/** Public face of decks/: the decks the game plays (demo and case packs), the case library and case sources. */
export * from './case-types.js';
export * from './demo-deck.js';
export * from './case-library.js';
export * from './direct-case-source.js';
export { generateDemoCase } from './generate-case.js';
export * from './pack-deck.js';
export * from './pack-case-source.js';
export { createWorkerPackDecoder, type PackImageDecoder } from './pack-decode.js';
export * from './worker-case-source.js';
export * from './atlas-examples.js';

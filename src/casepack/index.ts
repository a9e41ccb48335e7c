export * from './case-types.js';
export * from './demo-deck.js';
export * from './case-library.js';
export * from './direct-case-source.js';

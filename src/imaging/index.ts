export * from './types.js';
export * from './lenses/index.js';
export * from './normalise/index.js';

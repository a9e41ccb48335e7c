export * from './game-store.js';
export * from './packs-slice.js';

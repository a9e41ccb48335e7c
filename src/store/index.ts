/** Public face of store/: the zustand store built from slices, its state types and selectors. */
export * from './types.js';
export * from './create-store.js';
export * from './packs-slice.js';
export * from './module-slice.js';
export * from './drill-slice.js';
export * from './selectors.js';
export { FRESH_REVIEW, FRESH_VIEW } from './fresh.js';
export * from './training-types.js';
export { FRESH_DASHBOARD, FRESH_DRAFT, type TrainingActions } from './training-slice.js';

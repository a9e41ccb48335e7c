import type { TechniqueSummary } from '../domain/index.js';

/**
 * Every technique by id with the artifacts it makes, as plain data: what pages need to plan a deck, validate a
 * recipe or list the atlas without loading the techniques' pixel code (that runs in the case worker). The catalog
 * test checks this list against the registry (catalog.ts TECHNIQUE_INFO), so they cannot drift apart.
 */
export const TECHNIQUE_SUMMARIES: readonly TechniqueSummary[] = [
  { id: 'mirror-symmetry', artifactIds: ['A1', 'E2'] },
  { id: 'uniform-grain', artifactIds: ['T1'] },
  { id: 'pasted-lesion', artifactIds: ['A9', 'E1'] },
  { id: 'waxy-smoothing', artifactIds: ['T2'] },
  { id: 'straight-spine', artifactIds: ['A2'] },
  { id: 'smooth-cortex', artifactIds: ['A3'] },
  { id: 'erase-trabeculae', artifactIds: ['A4'] },
  { id: 'clean-fracture', artifactIds: ['A5'] },
  { id: 'remove-lesion', artifactIds: ['E3', 'E2'] },
  { id: 'flat-exposure', artifactIds: ['T3'] },
  { id: 'checkerboard-grid', artifactIds: ['F1'] },
  { id: 'spectral-falloff', artifactIds: ['F2'] },
  { id: 'latent-blocks', artifactIds: ['F3'] },
  { id: 'noise-transplant', artifactIds: ['E2'] },
  { id: 'sharpness-mismatch', artifactIds: ['E3'] },
  { id: 'clipped-plateau', artifactIds: ['E4'] },
  { id: 'double-compression', artifactIds: ['E5'] },
  { id: 'garbled-marker', artifactIds: ['D1'] },
  { id: 'inserted-device', artifactIds: ['D1'] },
  { id: 'repetitive-vessels', artifactIds: ['A7'] },
  { id: 'round-gastric-bubble', artifactIds: ['A8'] },
  { id: 'impossible-joint', artifactIds: ['A6'] },
  { id: 'perfect-positioning', artifactIds: ['T4'] },
  { id: 'isolated-finding', artifactIds: ['A10'] },
  { id: 'generator-native-format', artifactIds: ['M2'] },
  { id: 'inconsistent-header', artifactIds: ['M3'] },
  { id: 'provenance-manifest', artifactIds: ['M1'] },
  { id: 'colour-tint', artifactIds: ['T5'] },
];

/** The difficulty levels every technique has, and the most steps a recipe chains. */
export const DIFFICULTIES = Object.freeze(['obvious', 'subtle', 'expert'] as const);
export const MAX_FORGERY_STEPS = 3;

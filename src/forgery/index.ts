/** Public face of forgery/: pure techniques that turn a GrayImage into a fake plus its tells. */
export type { ForgeryHints, ForgeryParams, ForgeryResult, Technique } from './types.js';
export { TECHNIQUES, TECHNIQUE_IDS, TECHNIQUE_INFO, DIFFICULTIES, MAX_FORGERY_STEPS, forge, getTechnique, isTechniqueId } from './catalog.js';
export type { TechniqueId, TechniqueInfo } from './catalog.js';
export { NoRoomError } from './local.js';
export { TECHNIQUE_SUMMARIES } from './technique-list.js';
export { mirrorSymmetry } from './mirror-symmetry.js';
export { uniformGrain } from './uniform-grain.js';
export { pastedLesion } from './pasted-lesion.js';
export { waxySmoothing } from './waxy-smoothing.js';
export { isMetadataTechniqueId } from './catalog.js';
export { METADATA_TECHNIQUES } from './metadata/index.js';

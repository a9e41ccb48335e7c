/**
 * The registry of forgery techniques and the composer that chains them into one fake. Each step gets its own
 * seeded stream, so a recipe (ForgeryStep[]) reproduces its fake exactly.
 */
import { createRng } from '../domain/rng.js';
import type { ForgeryStep, Tell } from '../domain/tells.js';
import type { GrayImage } from '../imaging/types.js';
import type { ForgeryHints, ForgeryResult, Technique } from './types.js';
import { mirrorSymmetry } from './mirror-symmetry.js';
import { pastedLesion } from './pasted-lesion.js';
import { uniformGrain } from './uniform-grain.js';
import { waxySmoothing } from './waxy-smoothing.js';

export const TECHNIQUES = Object.freeze({
  'mirror-symmetry': mirrorSymmetry,
  'uniform-grain': uniformGrain,
  'pasted-lesion': pastedLesion,
  'waxy-smoothing': waxySmoothing,
} as const satisfies Record<string, Technique>);

export type TechniqueId = keyof typeof TECHNIQUES;

export const TECHNIQUE_IDS = Object.freeze(Object.keys(TECHNIQUES) as TechniqueId[]);

export const isTechniqueId = (id: string): id is TechniqueId => Object.hasOwn(TECHNIQUES, id);

export function getTechnique(id: string): Technique {
  if (!isTechniqueId(id)) {
    throw new Error(`getTechnique: unknown technique id '${id}'; known ids: ${TECHNIQUE_IDS.join(', ')}`);
  }
  return TECHNIQUES[id];
}

export const MAX_FORGERY_STEPS = 3;

/** Apply 1..3 techniques in order, each with `createRng(step.seed)`; the tells of all steps are concatenated. */
export function forge(image: GrayImage, steps: readonly ForgeryStep[], hints?: ForgeryHints): ForgeryResult {
  if (steps.length < 1 || steps.length > MAX_FORGERY_STEPS) {
    throw new Error(`forge: a recipe needs 1 to ${MAX_FORGERY_STEPS} steps, got ${steps.length}`);
  }
  const techniques = steps.map((s) => getTechnique(s.techniqueId)); // fail before any pixel work
  let current = image;
  const tells: Tell[] = [];
  steps.forEach((step, k) => {
    const technique = techniques[k] as Technique;
    const result = technique.apply(current, hints ? { level: step.level, hints } : { level: step.level }, createRng(step.seed));
    current = result.image;
    tells.push(...result.tells);
  });
  return { image: current, tells };
}

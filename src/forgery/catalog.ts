/**
 * The registry of forgery techniques and the composer that chains them into one fake. Each step gets its own
 * seeded stream, so a recipe (ForgeryStep[]) reproduces its fake exactly.
 */
import { artifactById } from '../domain/index.js';
import type { ArtifactCategory, ArtifactId } from '../domain/index.js';
import type { Polygon } from '../domain/index.js';
import { polygonBounds } from '../domain/index.js';
import { createRng } from '../domain/index.js';
import type { Difficulty, ForgeryStep, Tell } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryHints, ForgeryResult, Technique } from './types.js';
import { METADATA_TECHNIQUES } from './metadata/index.js';
import { boxesOverlap } from './local.js';
import { checkerboardGrid } from './checkerboard-grid.js';
import { cleanFracture } from './clean-fracture.js';
import { clippedPlateau } from './clipped-plateau.js';
import { doubleCompression } from './double-compression.js';
import { eraseTrabeculae } from './erase-trabeculae.js';
import { flatExposure } from './flat-exposure.js';
import { garbledMarker } from './garbled-marker.js';
import { impossibleJoint } from './impossible-joint.js';
import { isolatedFinding } from './isolated-finding.js';
import { insertedDevice } from './inserted-device.js';
import { latentBlocks } from './latent-blocks.js';
import { mirrorSymmetry } from './mirror-symmetry.js';
import { noiseTransplant } from './noise-transplant.js';
import { pastedLesion } from './pasted-lesion.js';
import { perfectPositioning } from './perfect-positioning.js';
import { removeLesion } from './remove-lesion.js';
import { repetitiveVessels } from './repetitive-vessels.js';
import { roundGastricBubble } from './round-gastric-bubble.js';
import { sharpnessMismatch } from './sharpness-mismatch.js';
import { smoothCortex } from './smooth-cortex.js';
import { spectralFalloff } from './spectral-falloff.js';
import { straightSpine } from './straight-spine.js';
import { uniformGrain } from './uniform-grain.js';
import { waxySmoothing } from './waxy-smoothing.js';

export const TECHNIQUES = Object.freeze({
  'mirror-symmetry': mirrorSymmetry,
  'uniform-grain': uniformGrain,
  'pasted-lesion': pastedLesion,
  'waxy-smoothing': waxySmoothing,
  'straight-spine': straightSpine,
  'smooth-cortex': smoothCortex,
  'erase-trabeculae': eraseTrabeculae,
  'clean-fracture': cleanFracture,
  'remove-lesion': removeLesion,
  'flat-exposure': flatExposure,
  'checkerboard-grid': checkerboardGrid,
  'spectral-falloff': spectralFalloff,
  'latent-blocks': latentBlocks,
  'noise-transplant': noiseTransplant,
  'sharpness-mismatch': sharpnessMismatch,
  'clipped-plateau': clippedPlateau,
  'double-compression': doubleCompression,
  'garbled-marker': garbledMarker,
  'inserted-device': insertedDevice,
  'repetitive-vessels': repetitiveVessels,
  'round-gastric-bubble': roundGastricBubble,
  'impossible-joint': impossibleJoint,
  'perfect-positioning': perfectPositioning,
  'isolated-finding': isolatedFinding,
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

import { DIFFICULTIES, MAX_FORGERY_STEPS } from './technique-list.js';

export { DIFFICULTIES, MAX_FORGERY_STEPS };

/** One row per technique, for listings (`list --json`) and the atlas: plain data, JSON-serialisable. */
export interface TechniqueInfo {
  readonly id: TechniqueId | string;
  readonly name: string;
  readonly artifactIds: readonly ArtifactId[];
  /** Category of the technique's first (main) artifact. */
  readonly category: ArtifactCategory;
  /** 'metadata': forges the header and file format (metadata/), applied with `forgeHeader`, not `forge`. */
  readonly scope: 'local' | 'global' | 'metadata';
  readonly levels: readonly Difficulty[];
}

/** The one catalog listing: every pixel technique, then every metadata technique. */
export const TECHNIQUE_INFO: readonly TechniqueInfo[] = Object.freeze(
  [...TECHNIQUE_IDS.map((id) => TECHNIQUES[id]), ...Object.values(METADATA_TECHNIQUES)].map((t): TechniqueInfo => {
    const main = t.artifactIds[0];
    if (main === undefined) throw new Error(`TECHNIQUE_INFO: technique '${t.id}' declares no artifact`);
    return Object.freeze({ id: t.id, name: t.name, artifactIds: t.artifactIds, category: artifactById(main).category, scope: t.scope, levels: DIFFICULTIES });
  }),
);

export const isMetadataTechniqueId = (id: string): boolean => Object.hasOwn(METADATA_TECHNIQUES, id);


/**
 * Apply 1..3 techniques in order, each with `createRng(step.seed)`; the tells of all steps are concatenated.
 * Steps must not erase each other's tells: every step is told the regions earlier local steps edited
 * (`hints.avoid`), and local techniques place themselves elsewhere or throw; a global step after a local one would
 * repaint the local edit, so such recipes are refused (put global steps first). After a step that moves the
 * anatomy (`movesAnatomy`, the re-framing of perfect-positioning), later steps get no hints: they would point at
 * where the lungs and the marker were.
 */
export function forge(image: GrayImage, steps: readonly ForgeryStep[], hints?: ForgeryHints): ForgeryResult {
  if (steps.length < 1 || steps.length > MAX_FORGERY_STEPS) {
    throw new Error(`forge: a recipe needs 1 to ${MAX_FORGERY_STEPS} steps, got ${steps.length}`);
  }
  const techniques = steps.map((s) => getTechnique(s.techniqueId)); // fail before any pixel work
  const firstLocal = techniques.findIndex((t) => t.scope === 'local');
  techniques.forEach((t, k) => {
    if (firstLocal >= 0 && k > firstLocal && t.scope === 'global') {
      throw new Error(
        `forge: step ${k + 1} '${t.id}' is global and would overwrite the tells of step ${firstLocal + 1} '${techniques[firstLocal]?.id}'; put global steps before local ones`,
      );
    }
  });
  let current = image;
  const tells: Tell[] = [];
  const edited: Polygon[] = [];
  // After a step that moves the anatomy, no hint is true of the image any more (regions to avoid included: they are
  // in the old coordinates, and the steps before a global one are global, so they edited no region).
  let known = hints;
  steps.forEach((step, k) => {
    const technique = techniques[k] as Technique;
    const stepHints: ForgeryHints | undefined = edited.length > 0 ? { ...known, avoid: [...(known?.avoid ?? []), ...edited] } : known;
    const result = technique.apply(current, stepHints ? { level: step.level, hints: stepHints } : { level: step.level }, createRng(step.seed));
    if (technique.scope === 'local') {
      const regions = result.tells.flatMap((t) => t.regions);
      const clash = regions.some((r) => edited.some((e) => boxesOverlap(polygonBounds(r), polygonBounds(e))));
      if (clash) throw new Error(`forge: step ${k + 1} '${technique.id}' overlaps a region edited by an earlier step; reorder or drop a step`);
      edited.push(...regions);
    }
    if (technique.movesAnatomy) known = undefined;
    current = result.image;
    tells.push(...result.tells);
  });
  return { image: current, tells };
}

import { DELTA } from './attenuation.js';
import type { TubePoint } from './tube3d.js';

/**
 * Bone primitives the skeleton files emit and render.ts draws on the fine plane. Coefficients are deltas over
 * water (bone replaces soft tissue). Cortex and marrow are kept apart so the projection shows bright margins where
 * rays graze the cortex (outer chord less inner chord), as every real rib, clavicle and vertebra does.
 */
export interface BoneTube {
  readonly pts: readonly TubePoint[];
  readonly cortexMm: number;
  readonly kCortex: number;
  readonly kMarrow: number;
  /** Strength of the trabecular texture in the marrow (0 = none). */
  readonly trabecular: number;
  /** Coarse, clumpy texture (calcified cartilage) instead of trabecular bone. */
  readonly clumpy?: boolean;
}

/** A vertebral body: an upright elliptic cylinder with a waist, flat endplates and a cortical shell. */
export interface VertebralBody {
  readonly X: number;
  readonly Y: number;
  readonly Z: number;
  /** Half-width, half-height, half-depth (mm). */
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly tilt: number;
  /** Obliquity of the endplates (mm): kyphosis shows them as flat ellipses rather than lines. */
  readonly oblique: number;
  readonly cortexMm: number;
}

/** A short cylinder along the beam (pedicle seen end-on): cortical ring around marrow. */
export interface EndOnRing {
  readonly X: number;
  readonly Y: number;
  readonly Z: number;
  readonly a: number;
  readonly b: number;
  readonly depth: number;
  readonly wall: number;
}

/** A thin bony plate (the scapular blade, the sternum) of uniform thickness, as a polygon in patient mm. */
export interface BonePlate {
  readonly pts: readonly { readonly X: number; readonly Y: number }[];
  readonly Z: number;
  readonly thicknessMm: number;
  readonly k: number;
}

/** A hollow ellipsoid (the humeral head): thin cortex over cancellous bone. */
export interface BoneShell {
  readonly X: number;
  readonly Y: number;
  readonly Z: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly cortexMm: number;
}

export interface BoneSet {
  readonly tubes: BoneTube[];
  readonly bodies: VertebralBody[];
  readonly rings: EndOnRing[];
  readonly plates: BonePlate[];
  readonly shells: BoneShell[];
}

export const emptyBones = (): BoneSet => ({ tubes: [], bodies: [], rings: [], plates: [], shells: [] });

export const K_CORTEX = DELTA.cortical;
export const K_MARROW = DELTA.marrow;

export function boneTube(pts: readonly TubePoint[], cortexMm: number, trabecular = 0.35, kCortex = K_CORTEX, kMarrow = K_MARROW, clumpy = false): BoneTube {
  return { pts, cortexMm, kCortex, kMarrow, trabecular, clumpy };
}

import type { ArtifactId } from './artifacts.js';
import type { Polygon } from './geometry.js';

/** One telltale sign in a fake, with exactly where it shows. Regions are polygons in image pixels. */
export interface Tell {
  readonly artifactId: ArtifactId;
  readonly regions: readonly Polygon[];
  /** 0..1, how strongly the artifact was applied. */
  readonly strength: number;
  /** What the reader should have seen, written for a radiologist. */
  readonly explanation: string;
  /** Which tool, where. */
  readonly howToSee: string;
}

export type Difficulty = 'obvious' | 'subtle' | 'expert';

export interface ForgeryStep {
  readonly techniqueId: string;
  readonly level: Difficulty;
  readonly seed: number;
}

/** The ground truth of a case: what the reader is scored against. */
export type CaseTruth =
  | { readonly kind: 'authentic'; readonly authenticityCues: readonly string[] }
  | { readonly kind: 'forged'; readonly recipe: readonly ForgeryStep[]; readonly tells: readonly Tell[] };

export const isFake = (t: CaseTruth): boolean => t.kind !== 'authentic';

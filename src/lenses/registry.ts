/**
 * The forensic lenses the viewer offers (lenses/README.md), each a pure GrayImage -> GrayImage
 * map computed in the lens worker. Keys are mnemonics (N noise, L local variance, Q freQuency spectrum, B bilateral
 * flip, E error level), each free in every screen where a lens can be used (input/keymap.ts; the key map's test
 * presses every key of the game screens and checks that no two intents share one).
 */
import { LENS_IDS, type ArtifactId, type LensId } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import { errorLevel } from './error-level.js';
import { flipDifference } from './flip-difference.js';
import { fourierSpectrum } from './fourier-spectrum.js';
import { localVariance } from './local-variance.js';
import { noiseResidual } from './noise-residual.js';

export interface LensSpec {
  readonly id: string;
  readonly name: string;
  /** Button label, a word or two. */
  readonly short: string;
  /** Keyboard key (event.key, upper case; match case-insensitively). */
  readonly key: string;
  /** One line for a radiologist: what a tell looks like through this lens. */
  readonly explanation: string;
  readonly reveals: readonly ArtifactId[];
  readonly compute: (image: GrayImage) => GrayImage;
}

export const LENSES = [
  {
    id: 'noise', name: 'Noise residual', short: 'Noise', key: 'N',
    explanation: 'Grain only: real mottle is coarser over bone and mediastinum than over lung; the same sand everywhere, or a flat smooth patch, is a tell.',
    reveals: ['T1', 'T2', 'E2'], compute: noiseResidual,
  },
  {
    id: 'variance', name: 'Local variance', short: 'Variance', key: 'L',
    explanation: 'Bright = busy, dark = smooth: a dark ring or hole in textured lung marks a blended, smoothed or resampled patch.',
    reveals: ['E1', 'E3', 'A9'], compute: localVariance,
  },
  {
    id: 'spectrum', name: 'Fourier spectrum', short: 'Spectrum', key: 'Q',
    explanation: 'Frequencies, centre = coarse: a real film fades smoothly outwards; isolated bright dots off the centre mean a periodic grid.',
    reveals: ['F1', 'F2', 'F3'], compute: fourierSpectrum,
  },
  {
    id: 'flip', name: 'Flip difference', short: 'Flip', key: 'B',
    explanation: 'Image minus its mirror: real chests differ side to side; a dark, detail-free zone is mirrored anatomy, a spine cancelled from neck to base a too-perfect exam.',
    reveals: ['A1', 'E2', 'T4'], compute: (image: GrayImage) => flipDifference(image),
  },
  {
    id: 'ela', name: 'Error level', short: 'ELA', key: 'E',
    explanation: 'Error after one JPEG recompression: a region brighter or darker than similar tissue around it has another compression history.',
    reveals: ['E5'], compute: errorLevel,
  },
] as const satisfies readonly LensSpec[];

export type { LensId };

export { LENS_IDS };

export const isLensId = (id: string): id is LensId => LENSES.some((l) => l.id === id);

export function lensById(id: LensId): LensSpec {
  const lens = LENSES.find((l) => l.id === id);
  if (!lens) throw new Error(`lens: unknown lens id ${String(id)}`);
  return lens;
}

/** The lens key for a keyboard event key (case-insensitive), or null. */
export const lensForKey = (key: string): LensId | null => LENSES.find((l) => l.key === key.toUpperCase())?.id ?? null;

/** Computes a lens; throws on an unknown id (the worker reports it). The input is not modified. */
export function computeLens(id: LensId, image: GrayImage): GrayImage {
  return lensById(id).compute(image);
}

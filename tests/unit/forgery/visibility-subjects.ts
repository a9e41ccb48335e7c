/**
 * The films the fit-to-window visibility is measured on, at the sizes the game forges: the chest simulator's demo
 * size (1536 x 1792, with its anatomy as hints) and real NIH films at their own 1024 x 1024 (no hints).
 */
import type { ForgeryHints } from '../../../src/forgery/types.js';
import { simulateChest } from '../../../src/simulator/index.js';
import type { GrayImage } from '../../../src/imaging/types.js';
import { loadRealChest } from './real-image.js';

export interface VisibilitySubject {
  readonly label: string;
  readonly image: GrayImage;
  readonly hints?: ForgeryHints;
}

/** 'simN': simulateChest(N); 'realN': the N-th NIH sample (sorted by name) at 1024 x 1024. */
export function visibilitySubject(label: string): VisibilitySubject {
  const sim = /^sim(\d+)$/.exec(label);
  if (sim) {
    const { image, anatomy } = simulateChest(Number(sim[1]));
    return { label, image, hints: { lungs: anatomy.lungs, midlineX: anatomy.midlineX, mediastinum: anatomy.mediastinum, marker: anatomy.marker } };
  }
  const real = /^real(\d+)$/.exec(label);
  if (real) {
    const { image, file } = loadRealChest(Number(real[1]), 1024);
    return { label: `${label} ${file}`, image };
  }
  throw new Error(`visibilitySubject: unknown subject '${label}' (use simN or realN)`);
}

export const visibilitySubjects = (labels: readonly string[]): VisibilitySubject[] => labels.map(visibilitySubject);

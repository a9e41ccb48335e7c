/**
 * The documented statistic of each global technique and the direction it must move, on any image. The property
 * harness runs these for every level on every test subject.
 */
import type { GrayImage } from '../../../src/imaging/types.js';
import { measureMargins, midlineDeviation } from './positioning.js';
import { blockiness, exposureGradient, grainDependence, gridPeak, highMidRatio } from './spectrum.js';

export interface GlobalStatistic {
  readonly name: string;
  readonly measure: (img: GrayImage) => number;
  /** Whether `after` has moved far enough from `before` in the documented direction. */
  readonly moved: (before: number, after: number) => boolean;
}

export const GLOBAL_STATISTICS: Readonly<Record<string, GlobalStatistic>> = {
  'uniform-grain': {
    name: 'grain stops depending on density (|log dense/lucent noise| falls)',
    measure: grainDependence,
    moved: (before, after) => after < 0.6 * before || after < 0.1,
  },
  'flat-exposure': {
    name: 'exposure-plane change across the image goes to ~0',
    measure: exposureGradient,
    moved: (before, after) => after < Math.max(0.1 * before, 3),
  },
  'checkerboard-grid': {
    name: 'a grid peak rises in the 2-D power spectrum',
    measure: gridPeak,
    moved: (before, after) => after > 5 * before && after > 30,
  },
  'spectral-falloff': {
    name: 'high/mid radial power ratio falls',
    measure: highMidRatio,
    moved: (before, after) => after < 0.7 * before,
  },
  'latent-blocks': {
    name: 'blockiness at the 8-px grid rises',
    measure: (img) => blockiness(img),
    // 'expert' steps are at the scale of the film's own grain: on version-2 films it raises blockiness 8-14% (seeds
    // 3-8 at 768 px), 'subtle' about 2.7-fold, 'obvious' about 11-fold.
    moved: (before, after) => after > 1.05 * before,
  },
  'perfect-positioning': {
    name: "the midline's largest distance from the central column goes to ~0, and left/right margins become equal",
    // Both in px; a film whose midline is already within 2 px of the centre only has to stay there.
    measure: (img) => {
      const m = measureMargins(img);
      return midlineDeviation(img) + Math.abs(m.left - m.right);
    },
    moved: (before, after) => after < Math.max(0.4 * before, 2),
  },
};

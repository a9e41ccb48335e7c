/**
 * T1 uniform stationary grain: the signal-dependent quantum mottle is estimated and removed, then white Gaussian
 * noise of ONE standard deviation is added everywhere. Real mottle follows Poisson photon statistics: after the log
 * transform it is relatively coarser where few photons arrive (mediastinum, spine, below the diaphragm) than over
 * the lungs or the open field. Image generators that paint grain as a texture lose that dependence (Tordjman, Yuce
 * et al., Radiology 2026; pacs.de, "Quantum noise").
 */
import type { Difficulty, Tell } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { leeFilter, toFloat, toGrayImage } from './filters.js';
import { wholeImageTell } from './global-tell.js';
import { estimateNoiseCurve } from './noise.js';
import { fitChange, strongEnough } from './fit-view.js';
import { mapPlane } from './kernels.js';

interface GrainLevel {
  /** The constant noise sigma, as a quantile of the image's own per-pixel noise levels (0 = lucent lung, 1 = densest). */
  readonly sigmaQuantile: number;
  /** Multiplier on that sigma. */
  readonly sigmaGain: number;
  /** Lee-filter strength: >1 removes more of the original mottle. */
  readonly denoise: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, GrainLevel>> = {
  // Coarse sand everywhere, including the lucent lungs and the open field: visible at the default window.
  obvious: { sigmaQuantile: 0.95, sigmaGain: 2.3, denoise: 2.5, strength: 0.9 },
  // About the average grain of the image: the lungs look slightly coarse, the mediastinum slightly fine.
  subtle: { sigmaQuantile: 0.5, sigmaGain: 1.1, denoise: 2.5, strength: 0.55 },
  // Matched to the lungs, where a reader looks first; only the dense areas give it away.
  expert: { sigmaQuantile: 0.3, sigmaGain: 1, denoise: 1.2, strength: 0.3 },
};

const HOW_TO_SEE: Readonly<Record<Difficulty, string>> = {
  obvious:
    'At the default window the whole film, lungs and open field included, carries the same coarse sand; zoom once and compare the grain over a lung with the grain over the heart.',
  subtle:
    'Narrow the window (narrow preset), zoom to 200% and pan from the mid lung to the heart and the spine: the grain keeps the same size and contrast instead of coarsening over the dense structures.',
  expert:
    'Narrow the window hard and use the loupe (M) on the retrocardiac area or the upper abdomen, then on a lung: the dense areas are as finely grained as the lung. Invert (I) if that helps you judge grain in the bright areas.',
};

function grainTell(level: Difficulty, image: GrayImage): Tell {
  // A whole-image tell like every other global technique's, so a click anywhere earns no localisation bonus.
  return wholeImageTell(
    image,
    'T1',
    LEVELS[level].strength,
    'The grain is the same over lung, heart, spine and abdomen. Quantum mottle follows Poisson photon statistics, so it is relatively coarser where fewer photons reach the detector, behind the mediastinum and below the diaphragm, than over the aerated lungs. ' +
      'Stationary noise of one strength everywhere was added by software, not produced by an exposure.',
    HOW_TO_SEE[level],
  );
}

function applyGrain(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const src = toFloat(image);
  const curve = estimateNoiseCurve(src, w, h);
  // Edge-preserving removal of the existing mottle: flat areas go to their local mean, edges keep their detail.
  const r = Math.max(2, Math.round(w / 400));
  const noiseVar = (m: number): number => curve.sigmaAt(m) ** 2;
  // Two passes: one leaves enough mottle beside edges (ribs, vessels) to keep the lungs' grain signal dependent.
  const clean = leeFilter(leeFilter(src, w, h, r, noiseVar, p.denoise), w, h, r, noiseVar, p.denoise);
  const sigma = curve.sigmaQuantile(p.sigmaQuantile) * p.sigmaGain;
  const noise = rng.fork('grain');
  // A plain loop: TypedArray.from with a callback is slow in V8 (kernels.ts mapPlane).
  const unit = new Float64Array(clean.length);
  for (let i = 0; i < unit.length; i++) unit[i] = noise.normal();
  const grained = (gain: number): Float32Array => mapPlane(clean.length, (i) => (clean[i] as number) + sigma * gain * (unit[i] as number));
  // 'obvious' must show at fit-to-window (fit-view.ts). Fitting a large film averages several pixels' grain into one
  // display pixel, and a wide window spreads a film's mottle over few grey levels, so the sand is made stronger
  // until it shows (up to 4 times as strong); the other levels keep their grain matched to the film's own.
  const sampled = (x: number, y: number): boolean => x % 3 === 0 && y % 3 === 0;
  const out = params.level === 'obvious'
    ? strongEnough([1, 1.5, 2, 3, 4], grained, (g) => fitChange(image, src, g, w, h, sampled))
    : grained(1);
  return { image: toGrayImage(out, image), tells: [grainTell(params.level, image)] };
}

export const uniformGrain: Technique = {
  id: 'uniform-grain',
  name: 'Stationary grain',
  artifactIds: ['T1'],
  scope: 'global',
  marginPx: 0,
  apply: applyGrain,
};

/**
 * F2 high-frequency fall-off: the image is low-passed and the lost grain is re-added as noise at a lower
 * frequency, so the texture looks right at a glance but the radial power spectrum drops at high frequencies.
 * Diffusion models under-produce high frequencies (Ricker, Lukovnikov & Fischer, VISAPP 2024; Corvi et al., 2023).
 */
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { toFloat, toGrayImage } from './filters.js';
import { wholeImageTell } from './global-tell.js';
import { mapPlane, smallGaussianBlur } from './kernels.js';

interface Level {
  /** Low-pass sigma (px). */
  readonly sigma: number;
  /** Sigma (px) of the blur applied to the re-added noise, and the fraction of the removed rms it restores. */
  readonly noiseSigma: number;
  readonly restore: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { sigma: 1.8, noiseSigma: 1.6, restore: 0.9, strength: 0.75 },
  subtle: { sigma: 1.2, noiseSigma: 1.2, restore: 0.8, strength: 0.45 },
  expert: { sigma: 0.7, noiseSigma: 1, restore: 0.7, strength: 0.25 },
};

const HOW: Readonly<Record<Difficulty, string>> = {
  obvious: 'At the default window the whole film is slightly soft, and zooming in shows blotchy grain instead of the crisp pixel-level mottle of a detector.',
  subtle: 'Zoom to 400% with a narrow window: the grain is made of soft blobs two or three pixels wide; no pixel differs sharply from its neighbour, and hairline edges look smeared.',
  expert: 'Invisible at normal zoom. With the loupe (M) at the narrowest window, the finest grain is missing; a radial power spectrum of the image falls off steeply at the highest frequencies compared with a real film.',
};

/** Robust (MAD) standard deviation of a plane sampled every 5th pixel. */
function robustStd(v: Float32Array): number {
  const s = new Float32Array(Math.ceil(v.length / 5));
  for (let i = 0, k = 0; i < v.length; i += 5, k++) s[k] = Math.abs(v[i] as number);
  s.sort();
  return 1.4826 * (s[s.length >> 1] ?? 0);
}

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const src = toFloat(image);
  const low = smallGaussianBlur(src, w, h, p.sigma);
  const removed = mapPlane(src.length, (i) => (src[i] as number) - (low[i] as number));
  const target = robustStd(removed) * p.restore;
  const nr = rng.fork('noise');
  const white = mapPlane(src.length, () => nr.normal());
  const coarse = smallGaussianBlur(white, w, h, p.noiseSigma);
  const gain = target / (robustStd(coarse) || 1);
  const out = mapPlane(low.length, (i) => (low[i] as number) + gain * (coarse[i] as number));
  const tell = wholeImageTell(
    image,
    'F2',
    p.strength,
    'The finest detail is missing across the whole image: the grain is made of soft blobs instead of single-pixel speckle, and the power spectrum falls off at the highest frequencies. ' +
      'Diffusion generators systematically under-produce high frequencies; a detector records quantum noise up to the pixel pitch.',
    HOW[params.level],
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const spectralFalloff: Technique = {
  id: 'spectral-falloff',
  name: 'Spectral fall-off',
  artifactIds: ['F2'],
  scope: 'global',
  marginPx: 0,
  apply,
};

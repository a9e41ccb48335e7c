/**
 * T3 over-uniform exposure: the large-scale exposure field is flattened. The best-fitting plane (patient thickness,
 * scatter and positioning slope it; an anode-heel gradient, if any survives the detector's flat-field calibration,
 * is UNVERIFIED as a cue, design artifacts.md T3, so the text does not lean on it) is removed exactly, and at the easier levels the low-frequency density variation is compressed too, so the film
 * looks evenly lit by an algorithm. Measured statistic: the least-squares plane's slope goes to ~0.
 */
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { gaussianBlur, toFloat, toGrayImage } from './filters.js';
import { wholeImageTell } from './global-tell.js';
import { mapPlane } from './kernels.js';
import { cellMeans, upsampleBilinear } from './resample.js';

interface Level {
  /** Fraction of the low-frequency variation (sigma = 6% of the width) removed on top of the plane. */
  readonly compress: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { compress: 1, strength: 0.8 },
  subtle: { compress: 0.5, strength: 0.5 },
  expert: { compress: 0, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, string>> = {
  obvious: 'At the default window the film looks evenly lit and flat: lungs, mediastinum and abdomen differ less than they should, and no corner is darker than another.',
  subtle: 'Open the window wide (wide preset) and compare the top of the film with the bottom, and the two sides: the background and soft tissue have exactly the same density everywhere.',
  expert: 'Use the widest window and compare the soft tissue of the neck and shoulders with that of the flanks and upper abdomen: thickness differs, the density does not. (Do not look for an anode-heel gradient: digital detectors calibrate most of it away.)',
};

/** Least-squares plane v = a + b (x - cx) + c (y - cy) over a grid of samples (centred coordinates decouple a). */
export function fitPlane(v: Float32Array, w: number, h: number): { a: number; b: number; c: number } {
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  let s = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const val = v[y * w + x] as number;
      const dx = x - cx;
      const dy = y - cy;
      s += val;
      sx += val * dx;
      sy += val * dy;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
  }
  // On a full grid sum(dx dy) = 0, so the normal equations are diagonal; keep the general 2x2 solve anyway.
  const det = sxx * syy - sxy * sxy || 1;
  return { a: s / (w * h), b: (sx * syy - sy * sxy) / det, c: (sy * sxx - sx * sxy) / det };
}

function apply(image: GrayImage, params: ForgeryParams, _rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const src = toFloat(image);
  const f = Math.max(2, Math.round(Math.min(w, h) / 128));
  const { data: small, cw, ch } = cellMeans(src, w, h, f);
  // First the plane (thickness, scatter and positioning slopes), then, at the easier levels, a compression of what
  // low-frequency variation is left, about its mean.
  const plane = fitPlane(small, cw, ch);
  const cxp = (cw - 1) / 2;
  const cyp = (ch - 1) / 2;
  const corr = new Float32Array(small.length);
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) corr[y * cw + x] = -plane.b * (x - cxp) - plane.c * (y - cyp);
  }
  if (p.compress > 0) {
    const flat = mapPlane(small.length, (i) => (small[i] as number) + (corr[i] as number));
    const low = gaussianBlur(flat, cw, ch, Math.max(2, 0.06 * cw));
    let mean = 0;
    for (const v of low) mean += v;
    mean /= low.length;
    for (let i = 0; i < low.length; i++) corr[i] = (corr[i] as number) - p.compress * ((low[i] as number) - mean);
  }
  const field = upsampleBilinear(corr, cw, ch, f, w, h);
  // The bilinear field flattens at the outer half cells, and saturated pixels (collimation borders, burnt-out
  // skin line) clip: remove what plane is left after clamping, a few times, so the stored image is flat.
  const out = mapPlane(src.length, (i) => (src[i] as number) + (field[i] as number));
  const max = 2 ** image.bitsStored - 1;
  const g = 2;
  const sw = Math.ceil(w / g);
  const sh = Math.ceil(h / g);
  for (let pass = 0; pass < 8; pass++) {
    for (let i = 0; i < out.length; i++) out[i] = Math.min(max, Math.max(0, out[i] as number));
    const res = fitPlane(clampedGrid(out, w, h, g, max), sw, sh);
    if (Math.abs(res.b) * sw + Math.abs(res.c) * sh < 0.5) break;
    const bx = res.b / g;
    const cy = res.c / g;
    for (let y = 0; y < h; y++) {
      const dy = cy * (y - (h - 1) / 2);
      for (let x = 0; x < w; x++) out[y * w + x] = (out[y * w + x] as number) - bx * (x - (w - 1) / 2) - dy;
    }
  }
  const tell = wholeImageTell(
    image,
    'T3',
    p.strength,
    'The exposure is perfectly even. A real film\'s density follows the patient: thickness, scatter and positioning give it smooth slopes from top to bottom and side to side. ' +
      'An anode-heel gradient is no help here: flat-field calibration of digital detectors largely removes it, so its absence on its own proves nothing (unverified as a cue). ' +
      `Here that gradient is gone${p.compress > 0 ? ' and the large-scale density differences are compressed' : ''}, as in an image rendered or post-processed without acquisition physics.`,
    HOW[params.level],
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

/** Every f-th pixel (a sub-sampled grid), rounded and clamped as it will be stored, for a quick plane fit. */
function clampedGrid(v: Float32Array, w: number, h: number, f: number, max: number): Float32Array {
  const sw = Math.ceil(w / f);
  const sh = Math.ceil(h / f);
  const out = new Float32Array(sw * sh);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) out[y * sw + x] = Math.min(max, Math.max(0, Math.round(v[Math.min(h - 1, y * f) * w + Math.min(w - 1, x * f)] as number)));
  }
  return out;
}

export const flatExposure: Technique = {
  id: 'flat-exposure',
  name: 'Flat exposure',
  artifactIds: ['T3'],
  scope: 'global',
  marginPx: 0,
  apply,
};

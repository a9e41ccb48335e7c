/**
 * T2 waxy, over-smooth rendering (regional): quantum mottle and fine detail are stripped from one lung zone by a
 * strong edge-preserving filter, leaving a plastic look with crisp edges. Diffusion models under-produce high
 * frequencies and VAE decoders blur (Ricker et al., VISAPP 2024); a real exposure always carries mottle.
 */
import type { Difficulty, Tell } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { estimateMidlineX, locateLung, zoneName } from './anatomy.js';
import type { LungLocator, PatientSide } from './anatomy.js';
import { leeFilter, toFloat, toGrayImage } from './filters.js';
import { estimateNoiseCurve } from './noise.js';
import { ellipseInBox, ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';
import type { Ellipse } from './regions.js';
import { IN_LUNG, NO_LUNG, cropOf, ellipseBox, hitsAvoid, noRoomError, pasteCrop } from './local.js';
import { ellipseInLung } from './sites.js';
import { fitChange, strongEnough } from './fit-view.js';

interface WaxLevel {
  /** Patch size as a fraction of the lung's box. */
  readonly size: number;
  /** Lee-filter strength (>1 smooths harder than the noise level alone asks). */
  readonly k: number;
  readonly weight: number;
  readonly feather: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, WaxLevel>> = {
  obvious: { size: 0.75, k: 6, weight: 1, feather: 0.2, strength: 0.85 },
  subtle: { size: 0.55, k: 3, weight: 0.95, feather: 0.35, strength: 0.5 },
  expert: { size: 0.4, k: 2, weight: 0.8, feather: 0.45, strength: 0.3 },
};

const HOW_TO_SEE: Readonly<Record<Difficulty, (zone: string) => string>> = {
  obvious: (zone) => `At the default window the ${zone} looks polished; zoom once and compare its grain with the opposite lung.`,
  subtle: (zone) => `Narrow the window (narrow preset) and zoom on the ${zone}: the mottle fades out into a smooth, wax-like patch, then returns at its edges.`,
  expert: (zone) => `Use the loupe (M) with the narrowest window and sweep from the ${zone} outwards: the grain is finer inside an oval patch than around it.`,
};

function applyWax(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const place = rng.fork('placement');
  const mid = estimateMidlineX(image, params.hints);
  const drawn: PatientSide = place.chance(0.5) ? 'right' : 'left';
  let pick: { e: Ellipse; side: PatientSide; lung: LungLocator } | undefined;
  let anyLung = false;
  // The first draw is taken when it lies whole in the lung and clear of earlier edits; else smaller redraws, then the
  // other lung. Never outside a lung (the finder's lungs on real films are not ellipses, so the patch is checked).
  for (const side of [drawn, drawn === 'right' ? 'left' : 'right'] as const) {
    const lung = pick ? undefined : locateLung(image, side, mid, params.hints);
    if (!lung) continue;
    anyLung = true;
    const { x0, x1, y0, y1 } = lung.box;
    const bw = x1 - x0;
    const bh = y1 - y0;
    for (let attempt = 0; attempt < 12 && !pick; attempt++) {
      const size = attempt === 0 ? p.size : p.size * 0.8 * 0.9 ** (attempt - 1);
      const cx = x0 + bw * place.range(0.4, 0.6);
      const cy = y0 + bh * place.range(0.4, 0.6);
      const cand = ellipseInBox(cx - (bw * size) / 2, cy - (bh * size) / 2, cx + (bw * size) / 2, cy + (bh * size) / 2);
      if (!hitsAvoid(ellipseBox(cand), params.hints?.avoid) && ellipseInLung(lung, cand, 24)) pick = { e: cand, side, lung };
    }
  }
  if (!pick) throw noRoomError('waxy-smoothing', 'a waxy patch', anyLung ? IN_LUNG : NO_LUNG);
  const { e, side, lung } = pick;
  const range = ellipsePixels(e, w, h);
  // Filter a padded crop only; the noise curve comes from the whole film so the patch is judged against it.
  const src = toFloat(image);
  const curve = estimateNoiseCurve(src, w, h);
  const r = Math.max(2, Math.round(w / 300));
  // Padded for the widest filter 'obvious' may use (below).
  const pad = 2 * (params.level === 'obvious' ? 4 * r : r) + 1;
  const cropped = cropOf(src, w, h, range, pad);
  const { data: crop, x0: cx0, y0: cy0, w: cw, h: ch } = cropped;
  // Two passes: the second removes the blotches the first leaves, which is what makes the result look waxy.
  const noiseVar = (m: number): number => curve.sigmaAt(m) ** 2;
  const rho = (x: number, y: number): number => ellipseRho(e, x + cx0, y + cy0);
  const blend = (k: number, radius: number): Float32Array => {
    const wax = leeFilter(leeFilter(crop, cw, ch, radius, noiseVar, k), cw, ch, radius, noiseVar, k);
    const b = crop.slice();
    for (let i = 0; i < b.length; i++) {
      const wgt = p.weight * featherWeight(rho(i % cw, Math.floor(i / cw)), p.feather);
      if (wgt > 0) b[i] = (crop[i] as number) + wgt * ((wax[i] as number) - (crop[i] as number));
    }
    return b;
  };
  // 'obvious' must show at fit-to-window (fit-view.ts): on a large film, or one with little grain, the mottle it strips
  // is averaged away there, so it smooths harder and wider until the finest markings go too, which do show.
  const waxed = params.level === 'obvious'
    ? strongEnough([1, 2, 3, 4, 5], (step) => blend(p.k * 2 ** (step - 1), Math.round(r * Math.max(1, step - 1))), (b) =>
      fitChange(image, crop, b, cw, ch, (x, y) => rho(x, y) < 1))
    : blend(p.k, r);
  const out = src.slice();
  pasteCrop(out, w, cropped, waxed, range);
  const zone = zoneName(side, e.cy, lung.box);
  const tell: Tell = {
    artifactId: 'T2',
    regions: [ellipsePolygon(e, 1)],
    strength: p.strength,
    explanation:
      `The ${zone} has lost its quantum mottle and its finest lung markings: it looks rendered, smooth as wax, while edges stay crisp. ` +
      'Every real exposure carries grain; a patch without it has been denoised or painted by a generator.',
    howToSee: HOW_TO_SEE[params.level](zone),
  };
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const waxySmoothing: Technique = {
  id: 'waxy-smoothing',
  name: 'Waxy patch',
  artifactIds: ['T2'],
  scope: 'local',
  marginPx: 1,
  apply: applyWax,
};

/**
 * CT-GAN "remove" (tell E3, with E2 for the noise touch-up): the most structured spot of the medial lung (a vessel
 * crossing or the hilar bump) is in-painted from its smoothed surroundings (normalised convolution, Knutsson &
 * Westin 1993), then touched up with interpolated noise, as CT-GAN does (Mirsky et al. 2019). What was there simply
 * is not; what shows is a patch softer than the lung and vessels that stop at its rim.
 */
import type { Difficulty, Tell } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { gaussianBlur, robustSigma, toFloat, toGrayImage } from './filters.js';
import { cropOf, ellipseBox, makeTell, pasteCrop } from './local.js';
import type { Crop } from './local.js';
import { estimateNoiseCurve } from './noise.js';
import type { Ellipse } from './regions.js';
import { ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';
import { mapPlane, smallGaussianBlur } from './kernels.js';
import { cellMeans, upsampleBilinear } from './resample.js';
import { nestedSite, type LungSite } from './sites.js';
import { fitChange } from './fit-view.js';

interface Level {
  readonly radius: number;
  /** Re-added noise as a fraction of the local noise sigma (0 = none), and its cell size in px. */
  readonly noise: number;
  readonly noiseCell: number;
  readonly feather: number;
  /**
   * Sigma of the fill's blur as a fraction of the radius. 0.5 follows the lung's shading across the hole; a crude
   * fill as wide as the hole averages in far-off density and lays one flat, slightly wrong shade.
   */
  readonly fillScale: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { radius: 0.05, noise: 0, noiseCell: 1, feather: 0.25, fillScale: 1, strength: 0.85 },
  subtle: { radius: 0.04, noise: 0.8, noiseCell: 3, feather: 0.35, fillScale: 0.5, strength: 0.5 },
  expert: { radius: 0.034, noise: 1, noiseCell: 2, feather: 0.45, fillScale: 0.5, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, (z: string) => string>> = {
  obvious: (z) => `At the default window, follow the vessels of the ${z} from the hilum outwards: they stop at a smooth, empty oval of one flat shade, a little off the lung around it and blander than any lung nearby.`,
  subtle: (z) => `Zoom on the ${z}: vessels end abruptly at the rim of a soft patch, and the grain inside is blotchier than outside. A narrow window shows the rim.`,
  expert: (z) => `Use the loupe (M) with a narrow window along the vessels of the ${z}: one branch point is missing, the vessels fade out instead of tapering, and the grain there is coarse and soft.`,
};

/** Local variance of a lightly blurred crop over the ellipse: where the most structure (vessels, hilum) sits. */
function structureScore(src: Float32Array, w: number, h: number, e: Ellipse): number {
  const c = cropOf(src, w, h, ellipseBox(e), 0);
  const s = gaussianBlur(c.data, c.w, c.h, 1.5);
  let m = 0;
  let q = 0;
  for (const v of s) {
    m += v;
    q += v * v;
  }
  m /= s.length;
  return q / s.length - m * m;
}

/**
 * Where to remove: the most structured spot among the candidates, judged at the 'obvious' size whatever the level
 * (nestedSite), so every level paints out the same spot. Each level once picked its own spot: on 5 of 8 demo films a
 * harder level then removed more (a vessel crossing at 'expert', bare lung at 'obvious').
 */
function removalSite(image: GrayImage, params: ForgeryParams, rng: Rng, src: Float32Array): LungSite {
  const { width: w, height: h } = image;
  const size = (radius: number): { ax: number; ay: number } => ({ ax: radius * w, ay: radius * w * 1.1 });
  return nestedSite(image, params, [rng.fork('placement'), rng.fork('placement')], {
    who: 'remove-lesion', ...size(LEVELS[params.level].radius), across: [0.1, 0.45], down: [0.3, 0.7], candidates: 14,
    score: (e) => structureScore(src, w, h, e),
  }, size(LEVELS.obvious.radius));
}

/**
 * Fill blurs (fractions of the radius) 'obvious' chooses from: a crude fill, as wide as the hole or wider, averages in
 * far-off density and lays one flat, slightly wrong shade (the HOW text), the more so the wider.
 */
const OBVIOUS_FILLS = [1, 1.5, 2, 3];

/** The honest removal's fill blur (fraction of the radius): it follows the lung's shading across the hole. */
const HONEST_FILL = 0.5;

/** Sigma (px) of the blur whose residual is the film's own grain, which the honest removal keeps. */
const GRAIN_SIGMA = 1;
/** The kept grain is clipped to this many noise sigmas, so that no edge of what was removed survives in it. */
const GRAIN_CLIP = 2.5;

/**
 * The film's own grain over the crop: its residual from a light blur, clipped to GRAIN_CLIP noise sigmas (a vessel's
 * edge is stronger than the grain and belongs to what is removed). The sigma is the residual's spread in the lung
 * just around the hole (1.2 to 2 radii), taken robustly (robustSigma, so the vessels crossing the ring do not
 * count): the film-wide noise curve underestimates it on some real films, and the clip would then
 * cut the grain flat.
 */
function filmGrain(crop: Crop, e: Ellipse): Float32Array {
  const fine = smallGaussianBlur(crop.data, crop.w, crop.h, GRAIN_SIGMA);
  const residual = mapPlane(crop.data.length, (i) => (crop.data[i] as number) - (fine[i] as number));
  const ring: number[] = [];
  for (let y = 0; y < crop.h; y++) {
    for (let x = 0; x < crop.w; x++) {
      const rho = ellipseRho(e, x + crop.x0, y + crop.y0);
      if (rho >= 1.2 && rho <= 2) ring.push(residual[y * crop.w + x] as number);
    }
  }
  const lim = GRAIN_CLIP * robustSigma(ring);
  return mapPlane(residual.length, (i) => Math.max(-lim, Math.min(lim, residual[i] as number)));
}

/**
 * Paints the structure out; `honest` paints it out as a clean removal would look on a real film: a fill that follows
 * the lung's shading (HONEST_FILL), carrying the film's own grain instead of none or an interpolated noise.
 */
function render(image: GrayImage, params: ForgeryParams, rng: Rng, honest: boolean): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const r = p.radius * w;
  const src = toFloat(image);
  const site = removalSite(image, params, rng, src);
  const e = site.e;
  // 'obvious' may lay a cruder fill than its own (OBVIOUS_FILLS); the crop is padded for the widest.
  const scales = honest ? [HONEST_FILL] : params.level === 'obvious' ? OBVIOUS_FILLS : [p.fillScale];
  const crop = cropOf(src, w, h, ellipseBox(e), Math.ceil(3 * Math.max(3, Math.max(...scales) * r)));
  // Normalised convolution: blur(image * known) / blur(known), known = outside the hole.
  const known = new Float32Array(crop.data.length);
  const masked = new Float32Array(crop.data.length);
  for (let y = 0; y < crop.h; y++) {
    for (let x = 0; x < crop.w; x++) {
      const k = ellipseRho(e, x + crop.x0, y + crop.y0) >= 0.95 ? 1 : 0;
      known[y * crop.w + x] = k;
      masked[y * crop.w + x] = k * (crop.data[y * crop.w + x] as number);
    }
  }
  const fillOf = (scale: number): Float32Array => {
    const sigma = Math.max(3, scale * r);
    const num = gaussianBlur(masked, crop.w, crop.h, sigma);
    const den = gaussianBlur(known, crop.w, crop.h, sigma);
    return mapPlane(num.length, (i) => (num[i] as number) / Math.max(1e-6, den[i] as number));
  };
  const range = ellipsePixels(e, w, h);
  const blend = (fill: Float32Array, touch: Float32Array | undefined): Float32Array => {
    const plane = crop.data.slice();
    for (let y = range.y0; y < range.y1; y++) {
      for (let x = range.x0; x < range.x1; x++) {
        const wgt = featherWeight(ellipseRho(e, x, y), p.feather);
        if (wgt <= 0) continue;
        const c = (y - crop.y0) * crop.w + (x - crop.x0);
        const v = crop.data[c] as number;
        plane[c] = v + wgt * ((fill[c] as number) + (touch ? (touch[c] as number) : 0) - v);
      }
    }
    return plane;
  };
  let fill = fillOf(scales[0] as number);
  if (scales.length > 1) {
    // Of the crude fills, the one whose shade is furthest off the lung as seen at fit-to-window (fit-view.ts): a fixed
    // blur was sometimes closer to the removed vessels than the finer fill of 'subtle' (demo film 738207658).
    const seen = (f: Float32Array): number =>
      fitChange(image, crop.data, blend(f, undefined), crop.w, crop.h, (x, y) => ellipseRho(e, x + crop.x0, y + crop.y0) < 1);
    let best = seen(fill);
    for (const scale of scales.slice(1)) {
      const other = fillOf(scale);
      const v = seen(other);
      if (v > best) [fill, best] = [other, v];
    }
  }
  let touch: Float32Array | undefined;
  if (honest) {
    touch = filmGrain(crop, e);
  } else if (p.noise > 0) {
    const curve = estimateNoiseCurve(src, w, h);
    const nr = rng.fork('noise');
    const white = mapPlane(crop.data.length, () => nr.normal());
    const cells = cellMeans(white, crop.w, crop.h, p.noiseCell);
    touch = upsampleBilinear(cells.data, cells.cw, cells.ch, p.noiseCell, crop.w, crop.h);
    // Interpolated noise loses variance; scale it back to the film's level at the fill's density.
    const gain = p.noise * p.noiseCell * 1.3;
    for (let i = 0; i < touch.length; i++) touch[i] = (touch[i] as number) * gain * curve.sigmaAt(fill[i] as number);
  }
  const plane = blend(fill, touch);
  const out = src.slice();
  pasteCrop(out, w, crop, plane, range);
  const region = ellipsePolygon(e, 1);
  const tells: Tell[] = [
    makeTell(
      'E3',
      [region],
      p.strength,
      `Something was removed from the ${site.zone}: the densest spot there (a vessel crossing or the hilar shadow) was painted over with a blur of its surroundings. ` +
        'The patch is softer than the lung around it and the vessels that led into it stop dead at its rim instead of tapering; a removal leaves nothing to see except that mismatch.',
      HOW[params.level](site.zone),
    ),
  ];
  if (p.noise > 0) {
    tells.push(makeTell(
      'E2',
      [region],
      p.strength * 0.7,
      `The grain inside the painted-over patch in the ${site.zone} was added afterwards as interpolated noise, so it is blotchier and softer than the film's own quantum mottle, CT-GAN's noise touch-up.`,
      'Narrow the window fully and magnify (M): compare the grain inside the soft patch with the grain just outside; the inside speckles are larger and rounder.',
    ));
  }
  return { image: toGrayImage(out, image), tells };
}

export const removeLesion: Technique = {
  id: 'remove-lesion',
  name: 'In-painted removal',
  artifactIds: ['E3', 'E2'],
  scope: 'local',
  marginPx: 1,
  apply: (image, params, rng) => render(image, params, rng, false),
  withoutTell: (image, params, rng) => render(image, params, rng, true).image,
};

/**
 * E4 clipped intensities: inside one lung patch every value below a floor is set to the floor, leaving flat,
 * grain-free plateaus where the lung was darkest. CT-GAN floors values below -1000 HU and replaces values above
 * 2000 HU after in-painting (Mirsky et al. 2019, attack_pipeline.py); overflow fixes in editors do the same.
 * At 'expert' the darkest lung is first lifted smoothly to the floor, as a real density would rise, and only the
 * grain still dipping well below it is clamped: small grain-sized pools of one value, which only the loupe shows.
 *
 * The honest twin (withoutTell) lifts the same dark lung by the same amount, but smoothly over a millimetre, so the
 * film's grain and fine texture run through the lift instead of stopping at a floor. Like the expert lift, it raises
 * the darkest lung most (it follows the film's values, blurred over a millimetre), so both flatten the coarse
 * texture of the darkest lung alike and fake against twin measures only the pools; a real superimposed density
 * would add a smooth amount instead, so the twin is kinder to the fake than a real film would be.
 */
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { gaussianBlur, quantile, robustSigma, toFloat, toGrayImage } from './filters.js';
import { cropAt, cropOf, ellipseBox, makeTell } from './local.js';
import type { Crop } from './local.js';
import { ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';
import type { Ellipse } from './regions.js';
import { nestedSite } from './sites.js';

interface Level {
  readonly radius: number;
  /** The floor, as a quantile of the patch's own values. */
  readonly quantile: number;
  /**
   * Unset: every value below the floor is set to it, flattening the dark lung at every scale. Set: the darkest lung
   * is lifted to the floor smoothly (over REAL_SCALE_MM) and only then clamped, this many grain standard deviations
   * below the floor, so the clamp flattens only the deepest grain.
   */
  readonly softClamp?: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { radius: 0.07, quantile: 0.75, strength: 0.85 },
  subtle: { radius: 0.06, quantile: 0.55, strength: 0.5 },
  expert: { radius: 0.055, quantile: 0.4, softClamp: 0.5, strength: 0.3 },
};

const FEATHER = 0.12;

/**
 * A real density change comes from structures centimetres deep in the body and is smooth over at least about a
 * millimetre; only grain varies faster. A chest film is about 40 cm wide, so a millimetre is width / 400 px.
 */
const REAL_SCALE_MM = 1;

const HOW: Readonly<Record<Difficulty, (z: string) => string>> = {
  obvious: (z) => `At the default window the ${z} has a flat grey blotch where the darkest lung should be; vessels stand out of it like islands.`,
  subtle: (z) => `Narrow the window and lower the level onto the darkest lung in the ${z}: a patch stays perfectly flat, one grey value with no grain, while the lung around it keeps its mottle.`,
  expert: (z) => `Set a very narrow window right at the bottom of the lung's grey values and sweep the ${z} with the loupe (M): small pools of one exact value, without grain, mark the clipped floor.`,
};

/**
 * The lift of each pixel (before feathering) over a crop around the patch: the smooth lift of `softClamp` (none
 * otherwise) plus the clamp of what is still below the clamp value. `honest` spreads the clamp's share over
 * REAL_SCALE_MM instead: the same brightening, the texture kept.
 */
function liftOf(src: Float32Array, w: number, h: number, e: Ellipse, floor: number, softClamp: number | undefined, honest: boolean): Crop {
  const sigma = Math.max(1, (REAL_SCALE_MM * w) / 400);
  const crop = cropOf(src, w, h, ellipseBox(e), 2 * Math.ceil(3 * sigma) + 2);
  const { w: cw, h: ch } = crop;
  let smooth: Float32Array | undefined;
  let clampAt = floor;
  if (softClamp !== undefined) {
    smooth = gaussianBlur(crop.data.map((v) => Math.max(0, floor - v)), cw, ch, sigma);
    // Grain standard deviation: of the detail finer than the lift's scale, robustly.
    const low = gaussianBlur(crop.data, cw, ch, sigma);
    clampAt = Math.round(floor - softClamp * robustSigma(Array.from(crop.data, (v, i) => v - (low[i] as number))));
  }
  const clamp = crop.data.map((v, i) => Math.max(0, clampAt - v - (smooth?.[i] ?? 0)));
  const share = honest ? gaussianBlur(clamp, cw, ch, sigma) : clamp;
  return { ...crop, data: share.map((c, i) => c + (smooth?.[i] ?? 0)) };
}

/** Draws the clipped floor; `honest` draws the same lift as a real film would show it (see the header). */
function render(image: GrayImage, params: ForgeryParams, rng: Rng, honest: boolean): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const r = p.radius * w;
  // Nested in the 'obvious' patch (sites.ts): placed at its own size, 'subtle' found a darker lung than 'obvious' on
  // demo film 2133820576 and scored higher at fit-to-window (43.3 against 36.6).
  const ro = LEVELS.obvious.radius * w;
  const site = nestedSite(image, params, [rng.fork('placement'), rng.fork('placement')], { who: 'clipped-plateau', ax: r * 1.1, ay: r, minScale: 0.7 }, { ax: ro * 1.1, ay: ro });
  const src = toFloat(image);
  const range = ellipsePixels(site.e, w, h);
  const inner: number[] = [];
  for (let y = range.y0; y < range.y1; y++) {
    for (let x = range.x0; x < range.x1; x++) if (ellipseRho(site.e, x, y) < 0.8) inner.push(src[y * w + x] as number);
  }
  // A whole stored value, so the plateau is exactly flat after rounding.
  const floor = Math.round(quantile(inner, p.quantile));
  const out = src.slice();
  // The hard clamp of the easier levels keeps its original arithmetic (the golden hashes pin 'subtle').
  const lift = honest || p.softClamp !== undefined ? liftOf(src, w, h, site.e, floor, p.softClamp, honest) : undefined;
  for (let y = range.y0; y < range.y1; y++) {
    for (let x = range.x0; x < range.x1; x++) {
      const wgt = featherWeight(ellipseRho(site.e, x, y), FEATHER);
      const i = y * w + x;
      const v = src[i] as number;
      if (lift) {
        if (wgt > 0) out[i] = v + wgt * cropAt(lift, x, y);
        continue;
      }
      if (wgt <= 0 || v >= floor) continue;
      out[i] = v + wgt * (floor - v);
    }
  }
  const tell = makeTell(
    'E4',
    [ellipsePolygon(site.e, 1)],
    p.strength,
    `In the ${site.zone} the darkest lung is cut off at one grey value: ${p.softClamp === undefined ? 'the pixels form flat plateaus with no quantum mottle' : 'its deepest grain is cut away, leaving small pools of one exact value with no mottle'}. ` +
      'A detector never returns the same value over an area of aerated lung; a floor like this is left by clamping after an edit, as CT-GAN does with out-of-range values.',
    HOW[params.level](site.zone),
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const clippedPlateau: Technique = {
  id: 'clipped-plateau',
  name: 'Clipped plateau',
  artifactIds: ['E4'],
  scope: 'local',
  marginPx: 1,
  apply: (image, params, rng) => render(image, params, rng, false),
  withoutTell: (image, params, rng) => render(image, params, rng, true).image,
};

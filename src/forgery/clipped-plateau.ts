/**
 * E4 clipped intensities: inside one lung patch every value below a floor is set to the floor, leaving flat,
 * grain-free plateaus where the lung was darkest. CT-GAN floors values below -1000 HU and replaces values above
 * 2000 HU after in-painting (Mirsky et al. 2019, attack_pipeline.py); overflow fixes in editors do the same.
 */
import type { Difficulty } from '../domain/tells.js';
import type { Rng } from '../domain/rng.js';
import type { GrayImage } from '../imaging/types.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { quantile, toFloat, toGrayImage } from './filters.js';
import { makeTell } from './local.js';
import { ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';
import { lungSite } from './sites.js';

interface Level {
  readonly radius: number;
  /** The floor, as a quantile of the patch's own values. */
  readonly quantile: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { radius: 0.07, quantile: 0.75, strength: 0.85 },
  subtle: { radius: 0.06, quantile: 0.55, strength: 0.5 },
  expert: { radius: 0.055, quantile: 0.4, strength: 0.3 },
};

const FEATHER = 0.12;

const HOW: Readonly<Record<Difficulty, (z: string) => string>> = {
  obvious: (z) => `At the default window the ${z} has a flat grey blotch where the darkest lung should be; vessels stand out of it like islands.`,
  subtle: (z) => `Narrow the window and lower the level onto the darkest lung in the ${z}: a patch stays perfectly flat, one grey value with no grain, while the lung around it keeps its mottle.`,
  expert: (z) => `Set a very narrow window right at the bottom of the lung's grey values and sweep the ${z} with the loupe (M): small pools of one exact value, without grain, mark the clipped floor.`,
};

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const r = p.radius * w;
  const site = lungSite(image, params, rng.fork('placement'), { who: 'clipped-plateau', ax: r * 1.1, ay: r, minScale: 0.7 });
  const src = toFloat(image);
  const range = ellipsePixels(site.e, w, h);
  const inner: number[] = [];
  for (let y = range.y0; y < range.y1; y++) {
    for (let x = range.x0; x < range.x1; x++) if (ellipseRho(site.e, x, y) < 0.8) inner.push(src[y * w + x] as number);
  }
  // A whole stored value, so the plateau is exactly flat after rounding.
  const floor = Math.round(quantile(inner, p.quantile));
  const out = src.slice();
  for (let y = range.y0; y < range.y1; y++) {
    for (let x = range.x0; x < range.x1; x++) {
      const wgt = featherWeight(ellipseRho(site.e, x, y), FEATHER);
      const i = y * w + x;
      const v = src[i] as number;
      if (wgt <= 0 || v >= floor) continue;
      out[i] = v + wgt * (floor - v);
    }
  }
  const tell = makeTell(
    'E4',
    [ellipsePolygon(site.e, 1)],
    p.strength,
    `In the ${site.zone} the darkest lung is cut off at one grey value: the pixels form flat plateaus with no quantum mottle. ` +
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
  apply,
};

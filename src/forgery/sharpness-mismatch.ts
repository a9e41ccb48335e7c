/**
 * E3 sharpness mismatch: one lung patch is down-sampled and up-sampled again, so it is blurrier than the film around
 * it. CT-GAN rescales its cuboid to isotropic voxels for the GAN and back before pasting it (Mirsky et al., USENIX
 * Security 2019, procedures/attack_pipeline.py); any splice through a resampling step carries the same blur.
 */
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { toFloat, toGrayImage } from './filters.js';
import { cropOf, ellipseBox, makeTell, pasteCrop } from './local.js';
import { ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';
import { downUp } from './resample.js';
import { lungSite } from './sites.js';
import { fitChange, strongEnough } from './fit-view.js';

interface Level {
  readonly radius: number; // fraction of the image width
  readonly factor: (w: number) => number; // resampling factor in px
  readonly feather: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { radius: 0.075, factor: (w) => Math.max(3, Math.round(w / 256)), feather: 0.2, strength: 0.85 },
  subtle: { radius: 0.06, factor: (w) => Math.max(2, Math.round(w / 512)), feather: 0.3, strength: 0.5 },
  expert: { radius: 0.05, factor: () => 2, feather: 0.4, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, (z: string) => string>> = {
  obvious: (z) => `At the default window an oval in the ${z} looks out of focus: vessel edges are soft and the grain is gone, while the lung around it stays crisp.`,
  subtle: (z) => `Zoom to 200% on the ${z}: inside a round patch the vessels are blurred and the mottle is coarse and soft; narrow the window to see its rim.`,
  expert: (z) => `Use the loupe (M) with a narrow window and sweep across the ${z}: the grain becomes softer, blob-like, inside an oval, as if seen through a smudged lens.`,
};

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const r = p.radius * w;
  const site = lungSite(image, params, rng.fork('placement'), { who: 'sharpness-mismatch', ax: r, ay: r * 1.15, minScale: 0.7 });
  const src = toFloat(image);
  const base = p.factor(w);
  const rho = (x: number, y: number): number => ellipseRho(site.e, x, y);
  // Padded for the largest factor 'obvious' may use (below).
  const crop = cropOf(src, w, h, ellipseBox(site.e), 2 * (params.level === 'obvious' ? 3 * base : base));
  const blend = (f: number): { f: number; plane: Float32Array } => {
    const soft = downUp(crop.data, crop.w, crop.h, f);
    const plane = crop.data.slice();
    for (let i = 0; i < plane.length; i++) {
      const wgt = featherWeight(rho(crop.x0 + (i % crop.w), crop.y0 + Math.floor(i / crop.w)), p.feather);
      if (wgt > 0) plane[i] = (crop.data[i] as number) + wgt * ((soft[i] as number) - (crop.data[i] as number));
    }
    return { f, plane };
  };
  // 'obvious' must show at fit-to-window (fit-view.ts): where the patch holds few vessels, or the film is large, a
  // blur of a few pixels is averaged away there, so the factor grows until the vessels' edges go soft on screen too.
  const { f, plane } = params.level === 'obvious'
    ? strongEnough([1, 1.5, 2, 2.5, 3].map((m) => Math.round(base * m)), blend, (b) =>
      fitChange(image, crop.data, b.plane, crop.w, crop.h, (x, y) => rho(crop.x0 + x, crop.y0 + y) < 1))
    : blend(base);
  const out = src.slice();
  const range = ellipsePixels(site.e, w, h);
  pasteCrop(out, w, crop, plane, range);
  const tell = makeTell(
    'E3',
    [ellipsePolygon(site.e, 1)],
    p.strength,
    `An oval in the ${site.zone} is blurrier than the lung around it: its vessels have soft edges and its quantum mottle is smeared into blobs. ` +
      `The patch was scaled down by ${f} and back up, as a tampering pipeline does when it resamples a cut-out for a generator; one exposure has one sharpness everywhere at the same depth.`,
    HOW[params.level](site.zone),
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const sharpnessMismatch: Technique = {
  id: 'sharpness-mismatch',
  name: 'Resampled patch',
  artifactIds: ['E3'],
  scope: 'local',
  marginPx: 1,
  apply,
};

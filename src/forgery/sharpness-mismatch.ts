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
import { cropOf, ellipseBox, makeTell } from './local.js';
import { ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';
import { downUp } from './resample.js';
import { lungSite } from './sites.js';

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
  const f = p.factor(w);
  const crop = cropOf(src, w, h, ellipseBox(site.e), 2 * f);
  const soft = downUp(crop.data, crop.w, crop.h, f);
  const out = src.slice();
  const range = ellipsePixels(site.e, w, h);
  for (let y = range.y0; y < range.y1; y++) {
    for (let x = range.x0; x < range.x1; x++) {
      const wgt = featherWeight(ellipseRho(site.e, x, y), p.feather);
      if (wgt <= 0) continue;
      const i = y * w + x;
      out[i] = (src[i] as number) + wgt * ((soft[(y - crop.y0) * crop.w + x - crop.x0] as number) - (src[i] as number));
    }
  }
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

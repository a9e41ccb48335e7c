/**
 * E5 compression-history mismatch: a lung region carries 8x8 block-DCT quantisation (JPEG-like, ITU-T T.81) on a
 * block grid shifted from the image origin, as a patch cut from a JPEG and pasted into an uncompressed film would.
 * Farid's JPEG ghosts and error-level analysis find such regions; at high compression the blocks show to the eye.
 */
import { rectPolygon } from '../domain/index.js';
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { dct8x8, idct8x8, quantTable } from './dct.js';
import { toFloat, toGrayImage } from './filters.js';
import { makeTell } from './local.js';
import { lungSite } from './sites.js';

interface Level {
  readonly size: number; // side of the square region, fraction of the image width
  readonly quality: number; // IJG quality of the foreign compression
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { size: 0.17, quality: 6, strength: 0.8 },
  subtle: { size: 0.13, quality: 20, strength: 0.45 },
  expert: { size: 0.1, quality: 60, strength: 0.25 },
};

const HOW: Readonly<Record<Difficulty, (z: string) => string>> = {
  obvious: (z) => `At the default window a square in the ${z} is tiled into small blocks with stepped edges; zoom once to see the 8-pixel grid.`,
  subtle: (z) => `Zoom to 200-400% on the ${z} with a narrow window: inside a square the grain is replaced by faint 8x8 tiles whose edges do not line up with the rest of the film.`,
  expert: (z) => `Use the loupe (M) at the narrowest window on the ${z}: faint 8-pixel blocking and missing fine grain inside a square region. An error-level or JPEG-ghost view would light it up.`,
};

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const place = rng.fork('placement');
  const asked = (p.size * w) / 2;
  const site = lungSite(image, params, place, { who: 'double-compression', ax: asked * 1.05, ay: asked * 1.05, minScale: 0.7 });
  const half = asked * site.scale;
  // The foreign grid is offset from the image's own 8x8 grid by 1..7 px in each axis.
  const ox = 1 + place.int(7);
  const oy = 1 + place.int(7);
  const nb = Math.max(2, Math.floor((2 * half) / 8));
  const bx0 = Math.max(ox, ox + 8 * Math.round((site.e.cx - half - ox) / 8));
  const by0 = Math.max(oy, oy + 8 * Math.round((site.e.cy - half - oy) / 8));
  const nbx = Math.min(nb, Math.floor((w - bx0) / 8));
  const nby = Math.min(nb, Math.floor((h - by0) / 8));
  const src = toFloat(image);
  const out = src.slice();
  const unit = 2 ** (image.bitsStored - 8);
  const mid = 2 ** (image.bitsStored - 1);
  const q = quantTable(p.quality, unit);
  const block = new Float64Array(64);
  const tmp = new Float64Array(64);
  for (let by = 0; by < nby; by++) {
    for (let bx = 0; bx < nbx; bx++) {
      const x0 = bx0 + bx * 8;
      const y0 = by0 + by * 8;
      for (let k = 0; k < 64; k++) block[k] = (src[(y0 + (k >> 3)) * w + x0 + (k & 7)] as number) - mid;
      dct8x8(block, tmp);
      for (let k = 0; k < 64; k++) block[k] = Math.round((block[k] as number) / (q[k] as number)) * (q[k] as number);
      idct8x8(block, tmp);
      for (let k = 0; k < 64; k++) out[(y0 + (k >> 3)) * w + x0 + (k & 7)] = (block[k] as number) + mid;
    }
  }
  const region = rectPolygon(bx0, by0, bx0 + 8 * nbx, by0 + 8 * nby);
  const tell = makeTell(
    'E5',
    [region],
    p.strength,
    `A square in the ${site.zone} has a different compression history from the rest of the film: it was JPEG-compressed in 8x8 blocks on a grid offset by (${ox}, ${oy}) px from the image's own, then pasted in. ` +
      'Fine grain inside is quantised away and block edges appear where the surrounding film has none.',
    HOW[params.level](site.zone),
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const doubleCompression: Technique = {
  id: 'double-compression',
  name: 'Foreign JPEG blocks',
  artifactIds: ['E5'],
  scope: 'local',
  marginPx: 0,
  apply,
};

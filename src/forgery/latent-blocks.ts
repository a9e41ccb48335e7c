/**
 * F3 latent-decoder artifacts: latent diffusion works on an 8x down-sampled latent (Rombach et al., CVPR 2022), and
 * its VAE decoder loses detail below the latent cell and can leave an 8-px grid (VIVAT, arXiv 2506.07863). Here the
 * image is rebuilt from its 8x8 cell means (bilinear), keeping only part of the sub-cell detail, and part of the
 * piecewise-constant cell step is added so cell borders show. Measured statistic: blockiness at the 8-px grid.
 */
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { toFloat, toGrayImage } from './filters.js';
import { wholeImageTell } from './global-tell.js';
import { cellMeans, upsampleBilinear } from './resample.js';

const CELL = 8;

interface Level {
  /** Fraction of sub-cell detail lost, and weight of the cell-constant step added. */
  readonly loss: number;
  readonly block: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { loss: 0.85, block: 0.7, strength: 0.8 },
  subtle: { loss: 0.6, block: 0.35, strength: 0.5 },
  expert: { loss: 0.1, block: 0.06, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, string>> = {
  obvious: 'At the default window the film looks soft and faintly tiled; zoom once and small square cells, 8 pixels wide, cover lung, bone and background alike.',
  subtle: 'Zoom to 200-400% on an edge (a rib border, the heart outline) with a narrow window: it steps along an 8-pixel grid, and the grain inside each cell is smoothed.',
  expert: 'With the loupe (M) and a narrow window on a smooth area, faint 8x8 tiles appear and detail smaller than a tile is missing: the image went through a latent decoder.',
};

function apply(image: GrayImage, params: ForgeryParams, _rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const src = toFloat(image);
  const { data: cells, cw, ch } = cellMeans(src, w, h, CELL);
  const base = upsampleBilinear(cells, cw, ch, CELL, w, h);
  const out = new Float32Array(src.length);
  for (let y = 0; y < h; y++) {
    const crow = Math.floor(y / CELL) * cw;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const b = base[i] as number;
      const step = (cells[crow + Math.floor(x / CELL)] as number) - b;
      out[i] = b + (1 - p.loss) * ((src[i] as number) - b) + p.block * step;
    }
  }
  const tell = wholeImageTell(
    image,
    'F3',
    p.strength,
    'The whole image is built from 8x8-pixel cells: detail smaller than a cell is smeared and the cell borders form a faint grid. ' +
      'Latent diffusion generators work on an 8-times down-sampled latent and decode it back; the decoder cannot restore what the latent never held.',
    HOW[params.level],
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const latentBlocks: Technique = {
  id: 'latent-blocks',
  name: 'Latent-decoder blocks',
  artifactIds: ['F3'],
  scope: 'global',
  marginPx: 0,
  apply,
};

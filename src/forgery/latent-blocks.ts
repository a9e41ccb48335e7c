/**
 * F3 latent-decoder artifacts: latent diffusion works on an 8x down-sampled latent (Rombach et al., CVPR 2022), and
 * its VAE decoder loses detail below the latent cell and can leave an 8-px grid (VIVAT, arXiv 2506.07863). Here the
 * image is rebuilt from its cell means (bilinear), keeping only part of the sub-cell detail, and part of the
 * piecewise-constant cell step is added so cell borders show. Measured statistic: blockiness at the 8-px grid.
 */
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { toFloat, toGrayImage } from './filters.js';
import { fitChange, strongEnough } from './fit-view.js';
import { wholeImageTell } from './global-tell.js';
import { cellMeans, upsampleBilinear } from './resample.js';

/** The latent cell in the generator's own output pixels (an 8x down-sampled latent). */
const CELL = 8;

/**
 * How many times the generator's output was enlarged to the film, tried in turn at 'obvious' (fit-view.ts): 1 keeps
 * 8-px cells; k makes them 8k px, as a generator output of 1/k of the film's size upscaled to it would show (1024 px
 * outputs, design/artifacts.md M2, enlarged to a 2048 px film: 16 px cells; SD 1.x's 512 px: 32). Only the factors of
 * those common output sizes: a 3-times enlargement would need a 683 px output. On a 2048 px film fitting shows an 8-px
 * cell as 3 display px and the grid averages away (2.0 grey levels at fit on demo film 4).
 */
const OBVIOUS_UPSCALES = [1, 2, 4];

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

const HOW: Readonly<Record<Difficulty, (cell: number) => string>> = {
  obvious: (cell) =>
    `At the default window the film looks soft and tiled; zoom once and square cells, ${cell} pixels wide, cover lung, bone and background alike.`,
  subtle: () => 'Zoom to 200-400% on an edge (a rib border, the heart outline) with a narrow window: it steps along an 8-pixel grid, and the grain inside each cell is smoothed.',
  expert: () => 'With the loupe (M) and a narrow window on a smooth area, faint 8x8 tiles appear and detail smaller than a tile is missing: the image went through a latent decoder.',
};

/** The image rebuilt from `cell`-px cells at level `p`. */
function blocks(src: Float32Array, w: number, h: number, cell: number, p: Level): Float32Array {
  const { data: cells, cw, ch } = cellMeans(src, w, h, cell);
  const base = upsampleBilinear(cells, cw, ch, cell, w, h);
  const out = new Float32Array(src.length);
  for (let y = 0; y < h; y++) {
    const crow = Math.floor(y / cell) * cw;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const b = base[i] as number;
      const step = (cells[crow + Math.floor(x / cell)] as number) - b;
      out[i] = b + (1 - p.loss) * ((src[i] as number) - b) + p.block * step;
    }
  }
  return out;
}

function apply(image: GrayImage, params: ForgeryParams, _rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const src = toFloat(image);
  // 'obvious' must show at fit-to-window (fit-view.ts): the cells grow until the grid does. The other levels keep
  // the generator's own 8-px cell, for the loupe.
  const sampled = (x: number, y: number): boolean => x % 3 === 0 && y % 3 === 0;
  const { cell, out } = params.level === 'obvious'
    ? strongEnough(OBVIOUS_UPSCALES, (k) => ({ cell: CELL * k, out: blocks(src, w, h, CELL * k, p) }), (r) => fitChange(image, src, r.out, w, h, sampled))
    : { cell: CELL, out: blocks(src, w, h, CELL, p) };
  const enlarged = cell === CELL ? '' : ` Here the generator's output was enlarged ${cell / CELL} times to the film's size, so each cell is ${cell} pixels.`;
  const tell = wholeImageTell(
    image,
    'F3',
    p.strength,
    `The whole image is built from ${cell}x${cell}-pixel cells: detail smaller than a cell is smeared and the cell borders form a faint grid. ` +
      `Latent diffusion generators work on an 8-times down-sampled latent and decode it back; the decoder cannot restore what the latent never held.${enlarged}`,
    HOW[params.level](cell),
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

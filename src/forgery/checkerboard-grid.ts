/**
 * F1 upsampling checkerboard: a transposed convolution with stride s and a kernel whose size is not a multiple of s
 * overlaps unevenly, stamping a fixed s x s pattern over the whole image (Odena, Dumoulin & Olah, Distill 2016).
 * In the 2-D spectrum it shows as peaks at multiples of 1/s cycles/px (Frank et al., ICML 2020; Durall et al.,
 * CVPR 2020). Here the pattern's size follows the overlap count of a kernel of size s + 1, scaled with brightness.
 */
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { toFloat, toGrayImage } from './filters.js';
import { wholeImageTell } from './global-tell.js';

interface Level {
  readonly stride: number;
  /** Pattern standard deviation as a fraction of the window width. */
  readonly amplitude: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { stride: 8, amplitude: 0.06, strength: 0.8 },
  subtle: { stride: 4, amplitude: 0.01, strength: 0.5 },
  expert: { stride: 2, amplitude: 0.004, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, (s: number) => string>> = {
  obvious: (s) => `At the default window a fine square mesh lies over the whole film; zoom once and it resolves into a grid repeating every ${s} pixels, over lung and bone alike.`,
  subtle: (s) => `Zoom to 400% on a smooth area (the heart or the abdomen) with a narrow window: a faint regular pattern repeats every ${s} pixels in both directions.`,
  expert: (s) => `Invisible at normal zoom. Go to maximum zoom with the narrowest window over a flat area: neighbouring pixels alternate in a ${s}x${s} checkerboard. A Fourier view shows bright peaks at the grid frequency.`,
};

/** The normalised (zero-mean, unit-rms) overlap count of kernel taps k >= s with random positive weights. */
function pattern(s: number, rng: Rng): Float32Array {
  const k = s + 1;
  const taps = Array.from({ length: k }, () => rng.range(0.7, 1.3));
  const line = new Float32Array(s);
  for (let t = 0; t < k; t++) line[t % s] = (line[t % s] as number) + (taps[t] as number);
  const tile = new Float32Array(s * s);
  for (let y = 0; y < s; y++) for (let x = 0; x < s; x++) tile[y * s + x] = (line[x] as number) * (line[y] as number);
  let m = 0;
  for (const v of tile) m += v;
  m /= tile.length;
  let q = 0;
  for (let i = 0; i < tile.length; i++) {
    tile[i] = (tile[i] as number) - m;
    q += (tile[i] as number) ** 2;
  }
  const rms = Math.sqrt(q / tile.length) || 1;
  for (let i = 0; i < tile.length; i++) tile[i] = (tile[i] as number) / rms;
  return tile;
}

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const s = p.stride;
  const r = rng.fork('grid');
  const tile = pattern(s, r);
  const ox = r.int(s);
  const oy = r.int(s);
  const src = toFloat(image);
  const amp = p.amplitude * image.windowWidth;
  const max = 2 ** image.bitsStored - 1;
  const out = new Float32Array(src.length);
  for (let y = 0; y < h; y++) {
    const trow = ((y + oy) % s) * s;
    for (let x = 0; x < w; x++) {
      const v = src[y * w + x] as number;
      // A decoder's pattern scales with the activations: stronger in bright areas, never zero.
      out[y * w + x] = v + amp * (0.5 + v / max) * (tile[trow + ((x + ox) % s)] as number);
    }
  }
  const tell = wholeImageTell(
    image,
    'F1',
    p.strength,
    `A faint grid with a period of ${s} pixels covers the whole image. It is the fingerprint of transposed-convolution up-sampling in a generator: overlapping kernel footprints stamp the same ${s}x${s} pattern everywhere. ` +
      'An X-ray detector has no such structure at this scale, and in the Fourier spectrum it shows as sharp peaks at the grid frequency.',
    HOW[params.level](s),
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const checkerboardGrid: Technique = {
  id: 'checkerboard-grid',
  name: 'Upsampling grid',
  artifactIds: ['F1'],
  scope: 'global',
  marginPx: 0,
  apply,
};

/**
 * A2 over-straight spine with identical vertebrae: the thoracic spine band is rebuilt from ONE of its vertebrae
 * (body plus disc: one period of the column, starting at a disc space) repeated down a perfectly vertical axis. The band keeps its
 * own large-scale density (a running mean over exactly one period cancels the periodic part) and its own grain, so
 * only the anatomy is wrong: generators reproduce the average spine (readers' "too straight" spines, reported in the RSNA press release on Tordjman, Yuce et al., Radiology 2026).
 */
import { rectPolygon } from '../domain/index.js';
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { smoothstep, toFloat, toGrayImage } from './filters.js';
import { FIT_VISIBLE, fitChange } from './fit-view.js';
import { smallGaussianBlur } from './kernels.js';
import { hitsAvoid, makeTell, noRoomError } from './local.js';
import { spineBand, vertebralPeriod } from './spine.js';

interface Level {
  readonly halfWidth: number; // fraction of the image width
  readonly top: number; // fractions of the image height
  readonly bottom: number;
  readonly weight: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { halfWidth: 0.065, top: 0.14, bottom: 0.72, weight: 1, strength: 0.8 },
  subtle: { halfWidth: 0.06, top: 0.2, bottom: 0.62, weight: 0.8, strength: 0.5 },
  expert: { halfWidth: 0.055, top: 0.25, bottom: 0.55, weight: 0.55, strength: 0.3 },
};

const HOW: Readonly<Record<Difficulty, string>> = {
  obvious: 'At the default window follow the thoracic spine from the clavicles down: every vertebral body and disc space is the same, stacked on a ruler-straight axis.',
  subtle: 'Narrow the window over the spine behind the heart and count the levels: the endplates, pedicles and disc spaces repeat identically from level to level.',
  expert: 'Zoom on the spine with a narrow window (invert, I, can help) and compare three adjacent levels: their pedicles and endplates are copies, and the spinous processes sit on one straight vertical line.',
};

function apply(image: GrayImage, params: ForgeryParams, _rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const band = spineBand(image, params.hints, p.halfWidth, p.top, p.bottom);
  const xa = Math.max(0, Math.floor(band.mid - band.halfWidth));
  const xb = Math.min(w, Math.ceil(band.mid + band.halfWidth));
  const region = rectPolygon(xa, band.y0, xb, band.y1);
  if (hitsAvoid({ x0: xa, y0: band.y0, x1: xb, y1: band.y1 }, params.hints?.avoid)) throw noRoomError('straight-spine', 'the spine band');
  const src = toFloat(image);
  const T = vertebralPeriod(src, w, h, band);
  const n = band.y1 - band.y0;
  const bw = xb - xa;
  // Running mean over one period (per column): the band's density trend without its vertebrae.
  const trend = new Float32Array(n * bw);
  const half = Math.floor(T / 2);
  for (let c = 0; c < bw; c++) {
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let j = k - half; j < k - half + T; j++) s += src[(band.y0 + Math.min(n - 1, Math.max(0, j))) * w + xa + c] as number;
      trend[k * bw + c] = s / T;
    }
  }
  // The template vertebra: one whole period of detail (minus trend) starting at the disc space (the darkest row of
  // the band profile) nearest the band's middle; every level of the band is replaced by it.
  let disc = Math.floor(n / 2 - T / 2);
  let darkest = Infinity;
  for (let k = Math.max(0, Math.floor(n / 2 - T)); k < Math.min(n - T, Math.floor(n / 2)); k++) {
    let s = 0;
    for (let c = Math.floor(bw / 4); c < Math.ceil((3 * bw) / 4); c++) s += (src[(band.y0 + k) * w + xa + c] as number) - (trend[k * bw + c] as number);
    if (s < darkest) {
      darkest = s;
      disc = k;
    }
  }
  disc = Math.max(0, Math.min(n - T, disc));
  const tile = new Float32Array(T * bw);
  for (let t = 0; t < T; t++) {
    for (let c = 0; c < bw; c++) tile[t * bw + c] = (src[(band.y0 + disc + t) * w + xa + c] as number) - (trend[(disc + t) * bw + c] as number);
  }
  const tileFine = smallGaussianBlur(tile, bw, T, 1.2);
  // The band's own fine grain, kept so the edit does not also read as a smooth patch.
  const crop = new Float32Array(n * bw);
  for (let k = 0; k < n; k++) crop.set(src.subarray((band.y0 + k) * w + xa, (band.y0 + k) * w + xb), k * bw);
  const fine = smallGaussianBlur(crop, bw, n, 1);
  const out = src.slice();
  const edgeX = Math.max(2, 0.25 * band.halfWidth);
  const edgeY = Math.max(2, 0.6 * T);
  for (let k = 0; k < n; k++) {
    const wy = smoothstep(Math.min(k + 0.5, n - k - 0.5) / edgeY);
    const t = (((k - disc) % T) + T) % T;
    for (let c = 0; c < bw; c++) {
      const x = xa + c;
      const wgt = p.weight * wy * smoothstep(Math.min(x + 0.5 - (band.mid - band.halfWidth), band.mid + band.halfWidth - x - 0.5) / edgeX);
      if (wgt <= 0) continue;
      const i = (band.y0 + k) * w + x;
      const grain = (crop[k * bw + c] as number) - (fine[k * bw + c] as number);
      const rebuilt = (trend[k * bw + c] as number) + (tileFine[t * bw + c] as number) + grain;
      out[i] = (src[i] as number) + wgt * (rebuilt - (src[i] as number));
    }
  }
  if (params.level === 'obvious') declineIfFaint(image, src, out, xa, xb, band.y0, band.y1);
  const tell = makeTell(
    'A2',
    [region],
    p.strength,
    `The thoracic spine is a stack of one repeated vertebra, every ${T} pixels, on a perfectly straight vertical axis: vertebral bodies, endplates and disc spaces are identical from level to level. ` +
      'Real spines vary level by level, carry slight rotation or scoliosis and some degenerative change; one vertebra repeated down a ruler-straight axis is the signature of a generator, which reproduces the average spine.',
    HOW[params.level],
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

/**
 * 'obvious' promises the copies show at fit-to-window (fit-view.ts), but the change is only as large as the film's own
 * vertebrae differ from the copied one: where the spine is faint (demo film 6, a 1232 px AP DR film, whose vertebrae
 * barely show even through a narrow window: 2.8 grey levels at fit) it cannot show. Making the copies more
 * contrasted than the film's spine would draw another artifact than A2 (design/artifacts.md), so 'obvious' declines
 * such a film instead ("no room": the demo deck tries another film, the pack builder its next technique), and no case
 * calls it 'obvious' there.
 */
function declineIfFaint(image: GrayImage, src: Float32Array, out: Float32Array, xa: number, xb: number, y0: number, y1: number): void {
  const bw = xb - xa;
  const before = new Float32Array((y1 - y0) * bw);
  const after = new Float32Array(before.length);
  for (let y = y0; y < y1; y++) {
    before.set(src.subarray(y * image.width + xa, y * image.width + xb), (y - y0) * bw);
    after.set(out.subarray(y * image.width + xa, y * image.width + xb), (y - y0) * bw);
  }
  const seen = fitChange(image, before, after, bw, y1 - y0, () => true);
  if (seen < FIT_VISIBLE) {
    throw noRoomError('straight-spine', "an 'obvious' spine", `on this film: its vertebrae are too faint for the copies to show at fit-to-window (${seen.toFixed(1)} grey levels); use a harder level or another film`, {
      // The edit ignores its seed, so every other site on this film declines the same way.
      wholeFilm: true,
    });
  }
}

export const straightSpine: Technique = {
  id: 'straight-spine',
  name: 'Identical vertebrae',
  artifactIds: ['A2'],
  scope: 'local',
  marginPx: 1,
  apply,
};

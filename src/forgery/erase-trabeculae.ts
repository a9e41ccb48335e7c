/**
 * A4 missing trabeculae: in the cancellous bone of the lower thoracic vertebral bodies, texture between the grain
 * scale and a few millimetres (up to ~5 mm at 'obvious', more where that would not show at fit-to-window) is removed (a strong edge-preserving Lee filter;
 * endplates and the pixel-level grain are kept), so the bodies look hollow and uniform. Generators model fine quasi-periodic structure poorly (Tordjman et al. 2026).
 */
import type { Difficulty } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { leeFilter, toFloat, toGrayImage } from './filters.js';
import { estimateNoiseCurve } from './noise.js';
import { smallGaussianBlur } from './kernels.js';
import { cropAt, cropOf, ellipseBox, hitsAvoid, makeTell, noRoomError, pasteCrop } from './local.js';
import type { Ellipse } from './regions.js';
import { ellipsePixels, ellipsePolygon, ellipseRho, featherWeight } from './regions.js';
import { spineBand } from './spine.js';
import { FIT_TARGET, fitChange, strongEnough } from './fit-view.js';

interface Level {
  readonly halfWidth: number; // fraction of the width
  readonly height: number; // fraction of the height
  readonly coarse: number; // filter radius, fraction of the width
  readonly k: number; // Lee-filter strength
  readonly weight: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  // 'obvious' erases up to ~1.2% of the width (about 4-5 mm: the whole cancellous lattice and the coarse primary
  // trabeculae), so the blank bodies show at fit-to-window; at 0.5% a real NIH film whose spine is faint behind
  // the heart (00000100_000.png) changed by only 2 grey levels when fitted (tests/unit/forgery/visibility.ts).
  obvious: { halfWidth: 0.055, height: 0.18, coarse: 0.012, k: 60, weight: 1, strength: 0.8 },
  subtle: { halfWidth: 0.05, height: 0.15, coarse: 0.004, k: 30, weight: 0.9, strength: 0.5 },
  expert: { halfWidth: 0.05, height: 0.13, coarse: 0.002, k: 20, weight: 0.55, strength: 0.3 },
};

const FEATHER = 0.3;

const HOW: Readonly<Record<Difficulty, string>> = {
  obvious: 'At the default window the vertebral bodies behind the lower heart look blank and smudged, like grey boxes, while the levels above still show their bony texture.',
  subtle: 'Zoom to 200% on the lower thoracic spine with a narrow window: the vertebral bodies have lost their trabecular lattice; only a smooth grey and the grain remain.',
  expert: 'Use the loupe (M) with a narrow window on a lower thoracic vertebral body, then on one a few levels higher: the lower one has no trabeculae, just smooth grey under the grain.',
};

/** The bodies' ellipse at height cy with the lattice erased, `scale` times as strongly as the level asks. */
function eraseAt(image: GrayImage, src: Float32Array, p: Level, band: { mid: number; halfWidth: number }, cy: number, obvious: boolean) {
  const { width: w, height: h } = image;
  const e: Ellipse = { cx: band.mid, cy, ax: band.halfWidth, ay: (p.height * h) / 2 };
  const sigma = Math.max(2, p.coarse * w);
  const crop = cropOf(src, w, h, ellipseBox(e), Math.ceil(3 * sigma * (obvious ? 3 : 1)));
  // Edge-preserving removal of everything the noise level (times k) explains: endplates and cortices stay, the
  // lattice inside goes. The grain (detail under ~1 px) is put back afterwards.
  const curve = estimateNoiseCurve(crop.data, crop.w, crop.h);
  const r = Math.max(2, Math.round(sigma));
  // Floor the noise at 0.4% of the window: 8-bit exports of real films carry little measurable grain, and the
  // filter would otherwise keep the lattice it is meant to erase.
  const floor = 0.004 * image.windowWidth;
  const fine = { ...crop, data: smallGaussianBlur(crop.data, crop.w, crop.h, 1) };
  const range = ellipsePixels(e, w, h);
  const erase = (scale: number): Float32Array => {
    const k = p.k * scale;
    const rr = Math.round(r * Math.sqrt(scale));
    const noiseVar = (m: number): number => k * Math.max(floor, curve.sigmaAt(m)) ** 2;
    const coarse = { ...crop, data: leeFilter(leeFilter(crop.data, crop.w, crop.h, rr, noiseVar), crop.w, crop.h, rr, noiseVar) };
    const plane = crop.data.slice();
    for (let y = range.y0; y < range.y1; y++) {
      for (let x = range.x0; x < range.x1; x++) {
        const wgt = p.weight * featherWeight(ellipseRho(e, x, y), FEATHER);
        if (wgt <= 0) continue;
        const i = (y - crop.y0) * crop.w + x - crop.x0;
        const v = crop.data[i] as number;
        const target = cropAt(coarse, x, y) + (v - cropAt(fine, x, y));
        plane[i] = v + wgt * (target - v);
      }
    }
    return plane;
  };
  const atFit = (plane: Float32Array): number => fitChange(image, crop.data, plane, crop.w, crop.h, (x, y) => ellipseRho(e, x + crop.x0, y + crop.y0) < 1);
  // 'obvious' must show at fit-to-window (fit-view.ts): where the spine is faint behind a dense heart, or its lattice
  // is fine for the film's size, the removal is averaged away there, so the filter removes stronger and coarser
  // texture (up to ~3 times the width), still sparing the endplates, which stand out of the noise far more.
  const plane = obvious ? strongEnough([1, 2, 4, 8], erase, atFit) : erase(1);
  return { e, crop, range, plane, seen: obvious ? atFit(plane) : 0 };
}

/** Heights (fractions of the film) 'obvious' may move to, all over the lower thoracic spine, when its first is faint. */
const OTHER_HEIGHTS = [0.47, 0.52, 0.57, 0.62];

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const obvious = params.level === 'obvious';
  const band = spineBand(image, params.hints, p.halfWidth, 0, 1);
  const src = toFloat(image);
  const fits = (cy: number): boolean => !hitsAvoid(ellipseBox({ cx: band.mid, cy, ax: band.halfWidth, ay: (p.height * h) / 2 }), params.hints?.avoid);
  const first = h * rng.fork('placement').range(0.52, 0.62);
  if (!fits(first)) throw noRoomError('erase-trabeculae', 'the vertebral bodies');
  let best = eraseAt(image, src, p, band, first, obvious);
  // A spine faint at the first height may show its lattice better a vertebra or two away: the most visible wins.
  for (const f of obvious && best.seen < FIT_TARGET ? OTHER_HEIGHTS : []) {
    if (!fits(f * h)) continue;
    const other = eraseAt(image, src, p, band, f * h, obvious);
    if (other.seen > best.seen) best = other;
  }
  const { e, crop, range, plane } = best;
  const out = src.slice();
  pasteCrop(out, w, crop, plane, range);
  const tell = makeTell(
    'A4',
    [ellipsePolygon(e, 1)],
    p.strength,
    'The lower thoracic vertebral bodies have no trabecular pattern: the fine lattice of cancellous bone is gone and only a smooth density with grain on top remains. ' +
      'Real cancellous bone always shows trabeculae (coarser with osteoporosis, never absent); generators model such fine, quasi-periodic structure poorly and leave it blank or chaotic.',
    HOW[params.level],
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const eraseTrabeculae: Technique = {
  id: 'erase-trabeculae',
  name: 'Blank cancellous bone',
  artifactIds: ['A4'],
  scope: 'local',
  marginPx: 1,
  apply,
};

/**
 * T4 no acquisition imperfections: the exam is re-framed into an ideal one. Real patients stand a little tilted and
 * off-centre, and radiographers collimate by eye, so every real chest film has a degree or two of tilt, some
 * off-centring and uneven shutter margins. Here the patient's midline (the axis of left-right symmetry of the neck,
 * spine and upper chest) is turned exactly vertical and moved onto the image's central column, and the collimated
 * field is redrawn with straight edges and equal margins (left = right at every level; all four equal, and wider, at
 * the easier levels), as an image generator draws an ideal exam.
 *
 * Measured statistics (tests/unit/forgery/positioning.ts): the midline's largest horizontal distance from the central
 * column over the chest, in px, falls to ~0 (tilt -> 0 degrees, off-centring -> 0 px); the difference between the
 * left and right collimation margins falls to 0.
 */
import type { Box } from '../domain/geometry.js';
import type { Difficulty } from '../domain/tells.js';
import type { Rng } from '../domain/rng.js';
import type { GrayImage } from '../imaging/types.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { toFloat, toGrayImage } from './filters.js';
import { wholeImageTell } from './global-tell.js';
import { MAX_AXIS_TILT, detectField, estimateMidlineAxis } from './positioning.js';

interface Level {
  /** All four margins made equal (else only left and right, top and bottom kept). */
  readonly equalAll: boolean;
  /** Smallest margin drawn, as a fraction of the shorter side (0: keep whatever margins the film has). */
  readonly minMargin: number;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { equalAll: true, minMargin: 0.06, strength: 0.8 },
  subtle: { equalAll: true, minMargin: 0.012, strength: 0.5 },
  expert: { equalAll: false, minMargin: 0, strength: 0.3 },
};

/** A larger shift means the axis estimate failed, not that the patient stood that far off. */
const MAX_SHIFT = 0.12;

const HOW: Readonly<Record<Difficulty, string>> = {
  obvious: 'Fit to window: the collimated border is an even frame of the same width on all four sides, and the trachea and spinous processes run exactly down the centre of the film, perfectly vertical.',
  subtle: 'Fit to window and compare the four shutter margins: they are the same width to the pixel. Then follow the spinous processes from the neck to the diaphragm: they stay on the central column of the image all the way.',
  expert: 'Use the flip-difference lens: the spine, trachea and sternum cancel almost exactly down the whole chest, which happens only when the midline is perfectly vertical and centred; on a real film the cancelled band wanders or tilts.',
};

/** Catmull-Rom (Keys a = -0.5) weight. */
function cubic(t: number): number {
  const x = Math.abs(t);
  if (x < 1) return (1.5 * x - 2.5) * x * x + 1;
  if (x < 2) return ((-0.5 * x + 2.5) * x - 4) * x + 2;
  return 0;
}

/** Bicubic sample at continuous pixel-centre coordinates (px, py), reading only inside the field. */
function sample(src: Float32Array, w: number, f: Box, px: number, py: number): number {
  const ix = Math.floor(px);
  const iy = Math.floor(py);
  // The four column weights are the same for every row: compute them once (8 kernel evaluations, not 20).
  const fx = px - ix;
  const w0 = cubic(fx + 1);
  const w1 = cubic(fx);
  const w2 = cubic(fx - 1);
  const w3 = cubic(fx - 2);
  const x0 = Math.min(f.x1 - 1, Math.max(f.x0, ix - 1));
  const x1 = Math.min(f.x1 - 1, Math.max(f.x0, ix));
  const x2 = Math.min(f.x1 - 1, Math.max(f.x0, ix + 1));
  const x3 = Math.min(f.x1 - 1, Math.max(f.x0, ix + 2));
  let s = 0;
  for (let j = -1; j <= 2; j++) {
    const row = Math.min(f.y1 - 1, Math.max(f.y0, iy + j)) * w;
    const wy = cubic(py - (iy + j));
    s += wy * (w0 * (src[row + x0] as number) + w1 * (src[row + x1] as number) + w2 * (src[row + x2] as number) + w3 * (src[row + x3] as number));
  }
  return s;
}

/** The new field: left and right margins equal (their mean); at the easier levels all four equal. */
function targetField(w: number, h: number, f: Box, p: Level): Box {
  const [l, r, t, b] = [f.x0, w - f.x1, f.y0, h - f.y1];
  if (!p.equalAll) {
    const m = Math.round((l + r) / 2);
    return { x0: m, x1: w - m, y0: f.y0, y1: f.y1 };
  }
  const m = Math.max(Math.round((l + r + t + b) / 4), Math.round(p.minMargin * Math.min(w, h)));
  return { x0: m, x1: w - m, y0: m, y1: h - m };
}

function apply(image: GrayImage, params: ForgeryParams, _rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const src = toFloat(image);
  const field = detectField(image);
  const f = field.box;
  const axis = estimateMidlineAxis(image, f);
  const fcx = (f.x0 + f.x1) / 2;
  const fw = f.x1 - f.x0;
  const b = Math.max(-MAX_AXIS_TILT, Math.min(MAX_AXIS_TILT, axis.b));
  const a = Math.max(fcx - MAX_SHIFT * fw, Math.min(fcx + MAX_SHIFT * fw, axis.a));
  const yc = axis.yc;
  const g = targetField(w, h, f, p);
  const gcx = (g.x0 + g.x1) / 2;
  const gcy = (g.y0 + g.y1) / 2;
  const len = Math.hypot(1, b);
  // Output x runs along n (across the patient), output y along d (down the midline).
  const [nx, ny] = [1 / len, -b / len];
  const [dx, dy] = [b / len, 1 / len];
  // The smallest zoom for which the whole new field samples inside the old one (no edge smearing).
  let zoom = 0;
  for (const su of [-1, 1]) {
    for (const sv of [-1, 1]) {
      const ox = (su * (g.x1 - g.x0) * nx + sv * (g.y1 - g.y0) * dx) / 2;
      const oy = (su * (g.x1 - g.x0) * ny + sv * (g.y1 - g.y0) * dy) / 2;
      zoom = Math.max(zoom, ox > 0 ? ox / (f.x1 - 1 - a) : -ox / (a - f.x0 - 1));
      zoom = Math.max(zoom, oy > 0 ? oy / (f.y1 - 1 - yc) : -oy / (yc - f.y0 - 1));
    }
  }
  const border = field.borderValue ?? 2 ** image.bitsStored - 1;
  const out = new Float32Array(w * h).fill(border);
  for (let y = g.y0; y < g.y1; y++) {
    const v = (y + 0.5 - gcy) / zoom;
    for (let x = g.x0; x < g.x1; x++) {
      const u = (x + 0.5 - gcx) / zoom;
      out[y * w + x] = sample(src, w, f, a + u * nx + v * dx - 0.5, yc + u * ny + v * dy - 0.5);
    }
  }
  const framing = p.equalAll ? 'the collimated margins are equal on all four sides' : 'the left and right collimated margins are exactly equal';
  const tell = wholeImageTell(
    image,
    'T4',
    p.strength,
    `This exam is too perfect: the patient's midline runs exactly vertical down the exact centre of the film and ${framing}. ` +
      'Real patients stand a degree or two tilted and a little off-centre, and radiographers collimate by eye, so real films show small positioning asymmetries. An exam with none of them was generated or re-framed to an ideal.',
    HOW[params.level],
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const perfectPositioning: Technique = {
  id: 'perfect-positioning',
  name: 'Perfect positioning',
  artifactIds: ['T4'],
  scope: 'global',
  marginPx: 0,
  apply,
};

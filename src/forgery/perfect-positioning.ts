/**
 * T4 no acquisition imperfections: the exam is re-framed into an ideal one. Real patients stand a little tilted and
 * off-centre, and radiographers collimate by eye, so every real chest film has a degree or two of tilt, some
 * off-centring and uneven shutter margins. Here the patient's midline (the axis of left-right symmetry of the neck,
 * spine and upper chest) is turned exactly vertical and moved onto the image's central column, and, on a film with a
 * collimated border, the border is redrawn in its own value (bright or dark) with straight edges and equal margins
 * (left = right at every level; all four equal, and wider, at the easier levels), as an image generator draws an
 * ideal exam. A film with no shutter border (most NIH films) gets, at the easier levels, an even electronic shutter
 * of the kind digital systems lay over the unexposed edge, in the film's own white (its 99.9th percentile, not the
 * top of the range); at 'expert' it gets none and the re-framed image runs to its edges, so only the midline tells.
 *
 * The re-framing zooms in just enough for the new field to sample inside the old one, but never so far that the
 * laterality marker (the hint, else the brightest compact blob in a top corner, marker.ts) leaves the new field: a
 * real exam always shows its marker. Where keeping the marker needs less zoom, the output reaches past the film's
 * edge, and there continues the film's own edge: its brightness, smoothed along the edge and constant across it, with
 * grain like the film's but no anatomy (edge-fill.ts, edge-grain.ts).
 *
 * Measured statistics (tests/unit/forgery/positioning.ts): the midline's largest horizontal distance from the central
 * column over the chest, in px, falls to ~0 (tilt -> 0 degrees, off-centring -> 0 px); the difference between the
 * left and right collimation margins falls to 0 (both stay 0 on a film without a shutter).
 */
import type { Box } from '../domain/geometry.js';
import type { Difficulty } from '../domain/tells.js';
import type { Rng } from '../domain/rng.js';
import type { GrayImage } from '../imaging/types.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { edgeFill, sample } from './edge-fill.js';
import { toFloat, toGrayImage } from './filters.js';
import { wholeImageTell } from './global-tell.js';
import { locateMarker } from './marker.js';
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

/** The same without a collimated border (nothing to compare but the midline). */
const HOW_UNFRAMED: Readonly<Record<Difficulty, string>> = {
  obvious: 'Fit to window and follow the trachea and the spinous processes from the neck to the diaphragm: they run exactly down the centre of the film, perfectly vertical, with none of the slight lean or off-centring of a real patient.',
  subtle: 'Follow the spinous processes from the neck to the diaphragm against the centre of the image: they stay on the central column all the way, without the drift or lean of a real patient.',
  expert: HOW.expert,
};

/**
 * The new field: left and right margins equal (their mean); at the easier levels all four equal, at least minMargin
 * wide. At 'expert' a film with no shutter gets no margins: the re-framed image runs to its edges.
 */
function targetField(w: number, h: number, f: Box, p: Level, shuttered: boolean): Box {
  if (!shuttered && !p.equalAll) return { x0: 0, y0: 0, x1: w, y1: h };
  const [l, r, t, b] = [f.x0, w - f.x1, f.y0, h - f.y1];
  if (!p.equalAll) {
    const m = Math.round((l + r) / 2);
    return { x0: m, x1: w - m, y0: f.y0, y1: f.y1 };
  }
  const m = Math.max(Math.round((l + r + t + b) / 4), Math.round(p.minMargin * Math.min(w, h)));
  return { x0: m, x1: w - m, y0: m, y1: h - m };
}

/**
 * The re-framing: output point X (pixel-corner coordinates) shows source point A + R (X - c) / zoom, where c is the
 * new field's centre, A = (a, yc) a point on the patient's midline and R turns the image's columns onto the midline.
 */
export interface Reframe {
  /** The drawn field in the output; outside it the film's own shutter value (`border`). The whole image at 'expert' on a film with no shutter. */
  readonly field: Box;
  readonly border: number | undefined;
  /** The exposed field of the source: sampling stays inside it (continued past its edges by edgeFill). */
  readonly source: Box;
  readonly a: number;
  readonly yc: number;
  /** The midline's slope dx/dy in the source. */
  readonly b: number;
  readonly zoom: number;
  /** Whether the output reaches a pixel or more past the source field (to keep the marker), where it continues the film's edge. */
  readonly beyond: boolean;
  /** The laterality marker's box in the source, kept whole in the output. */
  readonly marker: Box;
}

/** Where source point (x, y) lands in the output (pixel-corner coordinates). */
export function toOutput(r: Reframe, x: number, y: number): { x: number; y: number } {
  const len = Math.hypot(1, r.b);
  const [px, py] = [x - r.a, y - r.yc];
  const u = (px - r.b * py) / len;
  const v = (r.b * px + py) / len;
  return { x: (r.field.x0 + r.field.x1) / 2 + r.zoom * u, y: (r.field.y0 + r.field.y1) / 2 + r.zoom * v };
}

/** The source point (pixel-corner coordinates) that output point (x, y) shows: the inverse of toOutput. */
export function toSource(r: Reframe, x: number, y: number): { x: number; y: number } {
  const len = Math.hypot(1, r.b);
  const u = (x - (r.field.x0 + r.field.x1) / 2) / r.zoom;
  const v = (y - (r.field.y0 + r.field.y1) / 2) / r.zoom;
  return { x: r.a + (u + r.b * v) / len, y: r.yc + (v - r.b * u) / len };
}

/** The film's own white: its 99.9th percentile (a histogram of the stored values), the colour of an electronic shutter. */
function filmWhite(image: GrayImage): number {
  const hist = new Uint32Array((1 << image.bitsStored) + 1);
  for (let i = 0; i < image.data.length; i++) { const b = Math.min(hist.length - 1, image.data[i] as number); hist[b] = (hist[b] as number) + 1; }
  const target = 0.999 * image.data.length;
  let acc = 0;
  for (let v = 0; v < hist.length; v++) {
    acc += hist[v] as number;
    if (acc >= target) return v;
  }
  return hist.length - 1;
}

/** The re-framing of `image` at `level` (see apply). Exported for the tests, which check where the marker goes. */
export function planReframe(image: GrayImage, params: ForgeryParams): Reframe {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const detected = detectField(image);
  const f = detected.box;
  const axis = estimateMidlineAxis(image, f);
  const fcx = (f.x0 + f.x1) / 2;
  const fw = f.x1 - f.x0;
  const b = Math.max(-MAX_AXIS_TILT, Math.min(MAX_AXIS_TILT, axis.b));
  const a = Math.max(fcx - MAX_SHIFT * fw, Math.min(fcx + MAX_SHIFT * fw, axis.a));
  const yc = axis.yc;
  const g = targetField(w, h, f, p, detected.borderValue !== undefined);
  const border = detected.borderValue ?? (p.equalAll ? filmWhite(image) : undefined);
  const [hw, hh] = [(g.x1 - g.x0) / 2, (g.y1 - g.y0) / 2];
  const len = Math.hypot(1, b);
  // Output x runs along n (across the patient), output y along d (down the midline).
  const [nx, ny] = [1 / len, -b / len];
  const [dx, dy] = [b / len, 1 / len];
  // The smallest zoom for which the whole new field samples inside the old one (no edge smearing).
  let fitZoom = 0;
  for (const su of [-1, 1]) {
    for (const sv of [-1, 1]) {
      const ox = su * hw * nx + sv * hh * dx;
      const oy = su * hw * ny + sv * hh * dy;
      fitZoom = Math.max(fitZoom, ox > 0 ? ox / (f.x1 - 1 - a) : -ox / (a - f.x0 - 1));
      fitZoom = Math.max(fitZoom, oy > 0 ? oy / (f.y1 - 1 - yc) : -oy / (yc - f.y0 - 1));
    }
  }
  // The marker's corners must land inside the new field, with the clearance from the field's edge they had (at most
  // 1% of the shorter side).
  const marker = locateMarker(image, params.hints);
  const clear = Math.max(0, Math.min(0.01 * Math.min(w, h), marker.x0 - f.x0, f.x1 - marker.x1, marker.y0 - f.y0, f.y1 - marker.y1));
  let zoom = fitZoom;
  for (const [x, y] of [[marker.x0, marker.y0], [marker.x1, marker.y0], [marker.x0, marker.y1], [marker.x1, marker.y1]] as const) {
    const u = Math.abs((x - a) * nx + (y - yc) * ny);
    const v = Math.abs((x - a) * dx + (y - yc) * dy);
    if (u > 1e-9) zoom = Math.min(zoom, (hw - clear) / u);
    if (v > 1e-9) zoom = Math.min(zoom, (hh - clear) / v);
  }
  return { field: g, border, source: f, a, yc, b, zoom, beyond: zoom * (1 + 1 / Math.max(hw, hh)) < fitZoom, marker };
}

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const src = toFloat(image);
  const r = planReframe(image, params);
  const { field: g, source: f, a, yc, zoom } = r;
  const gcx = (g.x0 + g.x1) / 2;
  const gcy = (g.y0 + g.y1) / 2;
  const len = Math.hypot(1, r.b);
  const [nx, ny] = [1 / len, -r.b / len];
  const [dx, dy] = [r.b / len, 1 / len];
  const out = new Float32Array(w * h).fill(r.border ?? 0);
  const beyond = r.beyond ? edgeFill(src, w, f, rng.fork('edge grain')) : undefined;
  const [lx, hx, ly, hy] = [f.x0 - 0.5, f.x1 - 0.5, f.y0 - 0.5, f.y1 - 0.5];
  for (let y = g.y0; y < g.y1; y++) {
    const v = (y + 0.5 - gcy) / zoom;
    for (let x = g.x0; x < g.x1; x++) {
      const u = (x + 0.5 - gcx) / zoom;
      const px = a + u * nx + v * dx - 0.5;
      const py = yc + u * ny + v * dy - 0.5;
      const inside = px >= lx && px <= hx && py >= ly && py <= hy;
      out[y * w + x] = inside || !beyond ? sample(src, w, f, px, py) : beyond(px, py);
    }
  }
  const framed = r.border !== undefined;
  const framing = !framed ? '' : p.equalAll ? ' and the collimated margins are equal on all four sides' : ' and the left and right collimated margins are exactly equal';
  const tell = wholeImageTell(
    image,
    'T4',
    p.strength,
    `This exam is too perfect: the patient's midline runs exactly vertical down the exact centre of the film${framing}. ` +
      'Real patients stand a degree or two tilted and a little off-centre, and radiographers collimate by eye, so real films show small positioning asymmetries. An exam with none of them was generated or re-framed to an ideal.' +
      (r.beyond
        ? ' Turning and shifting the film also ran past its edge. There the edge is continued outward as a band as grainy as the film, in the edge\'s own brightness, which does not change across the band, and empty of anatomy: outlines that reach the old edge stop there, on a straight line.'
        : ''),
    (framed ? HOW : HOW_UNFRAMED)[params.level],
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

/**
 * T4 no acquisition imperfections: the exam re-framed into an ideal one. Real patients stand a little tilted and
 * off-centre and radiographers collimate by eye; here the midline is turned vertical onto the central column and the
 * collimation border redrawn straight with equal margins, as an image generator draws an exam. The zoom keeps the new
 * field inside the old one and the marker is kept in view (README.md, Decisions: "Perfect positioning (T4)").
 */
import type { Box } from '../domain/index.js';
import type { Difficulty } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { sample } from './field-sample.js';
import { smoothstep, toFloat, toGrayImage } from './filters.js';
import { wholeImageTell } from './global-tell.js';
import { locateMarker } from './marker.js';
import { layMarker, liftMarker, markerExtent } from './marker-move.js';
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
  /** The exposed field of the source: sampling stays inside it. */
  readonly source: Box;
  readonly a: number;
  readonly yc: number;
  /** The midline's slope dx/dy in the source. */
  readonly b: number;
  readonly zoom: number;
  /** The letter locateMarker found, in the source. */
  readonly letter: Box;
  /** The whole laterality marker in the source: that letter and the lead letters beside it (marker-move.ts). */
  readonly marker: Box;
  /**
   * Where the marker is shown in the output, when the re-framing would cut it: laid down at its own size on whole
   * pixels, or shifted with the film at the film's zoom (`warp`); undefined when the re-framed film shows it whole.
   */
  readonly markerAt: Box | undefined;
  /**
   * How a cut marker gets to `markerAt`. Where most of it would still show on the re-framed film, the film around it
   * is shifted locally (by `delta` source px at full weight inside `zone`, fading to none `reach` output px beyond it),
   * so the marker moves with its surroundings and nothing is erased in view. Where most of it would be cut, it is
   * lifted off and laid down at `markerAt` (marker-move.ts), and this is undefined.
   */
  readonly warp: { readonly delta: { readonly x: number; readonly y: number }; readonly zone: Box; readonly reach: number } | undefined;
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

/**
 * The output point (pixel-corner coordinates) that shows source point (x, y): the inverse of sourceOf. Inside the
 * shifted neighbourhood of a cut marker, found by fixed-point iteration (the shift fades slowly, so it converges).
 */
export function outputOf(r: Reframe, x: number, y: number): { x: number; y: number } {
  let q = toOutput(r, x, y);
  if (!r.warp) return q;
  for (let k = 0; k < 50; k++) {
    // sourceOf(q) = toSource(q) - shift(q), so q = toOutput(p + shift(q)).
    const [s, t] = [sourceOf(r, q.x, q.y), toSource(r, q.x, q.y)];
    const next = toOutput(r, x + t.x - s.x, y + t.y - s.y);
    if (Math.hypot(next.x - q.x, next.y - q.y) < 1e-4) return next;
    q = next;
  }
  return q;
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
  // The marker's corners must land inside the new field; where they do not, the marker is moved there whole, with the
  // clearance from the field's edge it had (at most 1% of the shorter side).
  const letter = locateMarker(image, params.hints);
  const marker = markerExtent(image.data, w, h, letter);
  const clear = Math.max(0, Math.min(0.01 * Math.min(w, h), marker.x0 - f.x0, f.x1 - marker.x1, marker.y0 - f.y0, f.y1 - marker.y1));
  const plan = { field: g, border, source: f, a, yc, b, zoom: fitZoom, letter, marker };
  const corners = [[marker.x0, marker.y0], [marker.x1, marker.y0], [marker.x0, marker.y1], [marker.x1, marker.y1]].map(([x, y]) => toOutput({ ...plan, markerAt: undefined, warp: undefined }, x as number, y as number));
  const [mx0, mx1] = [Math.min(...corners.map((p) => p.x)), Math.max(...corners.map((p) => p.x))];
  const [my0, my1] = [Math.min(...corners.map((p) => p.y)), Math.max(...corners.map((p) => p.y))];
  // Whole on the film (a pixel clear of the field's edge, for the sampling kernel): left where the film carries it.
  const inside = mx0 >= g.x0 + 1 && my0 >= g.y0 + 1 && mx1 <= g.x1 - 1 && my1 <= g.y1 - 1;
  if (inside) return { ...plan, markerAt: undefined, warp: undefined };
  // How much of it, with the 3 px around it that lifting it would touch (marker-move.ts), would still show.
  const grow = 3 * fitZoom;
  const [gx0, gy0, gx1, gy1] = [mx0 - grow, my0 - grow, mx1 + grow, my1 + grow];
  const shown = (Math.max(0, Math.min(gx1, g.x1) - Math.max(gx0, g.x0)) * Math.max(0, Math.min(gy1, g.y1) - Math.max(gy0, g.y0))) / ((gx1 - gx0) * (gy1 - gy0));
  const flat = { ...plan, markerAt: undefined, warp: undefined };
  if (shown < 0.5) {
    // Mostly cut off: lifted and laid down again, at its own size, with the clearance it had (kept in source pixels,
    // so that where the film is shrunk, zoom < 1, the laid marker's surroundings are as they were). What little of
    // the place it was lifted from still shows is filled in from the film around it.
    return { ...flat, markerAt: placeMarker(marker, (mx0 + mx1) / 2, (my0 + my1) / 2, 1, g, clear * Math.min(1, fitZoom), true) };
  }
  // Mostly in view: the film around it is shifted so that it shows whole (at the film's zoom), from the marker to the
  // field's edges it was cut by (the zone), the shift fading over 4.5 times its length (at least half the marker's
  // size), so the film there is stretched by a third at most (the steepest slope of smoothstep is 1.5).
  const warpAt = (clearOut: number): Reframe => {
    const markerAt = placeMarker(marker, (mx0 + mx1) / 2, (my0 + my1) / 2, fitZoom, g, clearOut, false);
    const at = toSource(flat, (markerAt.x0 + markerAt.x1) / 2, (markerAt.y0 + markerAt.y1) / 2);
    const delta = { x: at.x - (marker.x0 + marker.x1) / 2, y: at.y - (marker.y0 + marker.y1) / 2 };
    const zone = {
      x0: mx0 < g.x0 + 1 ? g.x0 : markerAt.x0,
      y0: my0 < g.y0 + 1 ? g.y0 : markerAt.y0,
      x1: mx1 > g.x1 - 1 ? g.x1 : markerAt.x1,
      y1: my1 > g.y1 - 1 ? g.y1 : markerAt.y1,
    };
    const reach = Math.max(4.5 * Math.hypot(delta.x, delta.y) * fitZoom, 0.5 * Math.max(marker.x1 - marker.x0, marker.y1 - marker.y0) * fitZoom, 8);
    return { ...flat, markerAt, warp: { delta, zone, reach } };
  };
  // The clearance in the output shows film beyond the marker's own edge; where the film is turned, that can reach past
  // the film's edge further along it. Take the clearance in by as much as it overshoots.
  const clearOut = clear * Math.min(1, fitZoom);
  const first = warpAt(clearOut);
  const over = overshoot(first);
  if (over <= 0) return first;
  const second = warpAt(Math.max(0, clearOut - over * fitZoom - 0.5));
  // A marker that touches the film's edge has no clearance to give: the edge is read a fraction of a pixel further
  // along (sourceOf clamps it). Past a pixel, lift the marker and lay it down instead.
  return overshoot(second) <= 1 ? second : { ...flat, markerAt: placeMarker(marker, (mx0 + mx1) / 2, (my0 + my1) / 2, 1, g, clearOut, true) };
}

/** How far (source px) the shifted neighbourhood of a cut marker reads past the film's field, at most (0: not at all). */
export function overshoot(r: Reframe): number {
  if (!r.warp) return 0;
  const { zone, reach } = r.warp;
  const [f, g] = [r.source, r.field];
  let worst = 0;
  for (let y = Math.max(g.y0, Math.floor(zone.y0 - reach)); y < Math.min(g.y1, Math.ceil(zone.y1 + reach)); y++) {
    for (let x = Math.max(g.x0, Math.floor(zone.x0 - reach)); x < Math.min(g.x1, Math.ceil(zone.x1 + reach)); x++) {
      const p = sourceOf(r, x + 0.5, y + 0.5, false);
      worst = Math.max(worst, f.x0 - p.x, p.x - f.x1, f.y0 - p.y, p.y - f.y1);
    }
  }
  return worst;
}

/** The source point (pixel-corner coordinates) output point (x, y) shows, the local shift that moves a cut marker included. */
export function sourceOf(r: Reframe, x: number, y: number, clamp = true): { x: number; y: number } {
  const p = toSource(r, x, y);
  if (!r.warp) return p;
  const { delta, zone, reach } = r.warp;
  const d = Math.hypot(Math.max(0, zone.x0 - x, x - zone.x1), Math.max(0, zone.y0 - y, y - zone.y1));
  const wgt = 1 - smoothstep(d / reach);
  const [sx, sy] = [p.x - wgt * delta.x, p.y - wgt * delta.y];
  if (!clamp) return { x: sx, y: sy };
  // planReframe keeps this within a pixel of the field (overshoot); the clamp reads the edge for that last pixel.
  const f = r.source;
  return { x: Math.min(f.x1, Math.max(f.x0, sx)), y: Math.min(f.y1, Math.max(f.y0, sy)) };
}

/**
 * A box the size of `m` times `scale`, centred as near (cx, cy) as fits inside `g` at `clear` from its edges; on whole
 * pixels when `whole` (a marker laid down by a whole-pixel shift).
 */
function placeMarker(m: Box, cx: number, cy: number, scale: number, g: Box, clear: number, whole: boolean): Box {
  const round = (v: number): number => (whole ? Math.round(v) : v);
  const [sw, sh] = [(m.x1 - m.x0) * scale, (m.y1 - m.y0) * scale];
  const place = (c: number, size: number, lo: number, hi: number): number => {
    const [a, z] = whole ? [Math.ceil(lo + clear), Math.floor(hi - clear) - size] : [lo + clear, hi - clear - size];
    return z < a ? round((lo + hi - size) / 2) : Math.min(z, Math.max(a, round(c - size / 2)));
  };
  const x0 = place(cx, sw, g.x0, g.x1);
  const y0 = place(cy, sh, g.y0, g.y1);
  return { x0, y0, x1: x0 + sw, y1: y0 + sh };
}

function apply(image: GrayImage, params: ForgeryParams): ForgeryResult {
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
  const lift = r.markerAt && !r.warp ? liftMarker(src, w, h, r.letter) : undefined;
  const film = lift?.clean ?? src;
  // The shifted neighbourhood of a cut marker (sourceOf); everywhere else the affine map, computed inline.
  const near = r.warp ? { x0: r.warp.zone.x0 - r.warp.reach, y0: r.warp.zone.y0 - r.warp.reach, x1: r.warp.zone.x1 + r.warp.reach, y1: r.warp.zone.y1 + r.warp.reach } : undefined;
  for (let y = g.y0; y < g.y1; y++) {
    const v = (y + 0.5 - gcy) / zoom;
    for (let x = g.x0; x < g.x1; x++) {
      if (near && x + 0.5 > near.x0 && x + 0.5 < near.x1 && y + 0.5 > near.y0 && y + 0.5 < near.y1) {
        const q = sourceOf(r, x + 0.5, y + 0.5);
        out[y * w + x] = sample(film, w, f, q.x - 0.5, q.y - 0.5);
        continue;
      }
      const u = (x + 0.5 - gcx) / zoom;
      const px = a + u * nx + v * dx - 0.5;
      const py = yc + u * ny + v * dy - 0.5;
      out[y * w + x] = sample(film, w, f, px, py);
    }
  }
  if (lift && r.markerAt) layMarker(out, w, lift.lifted, r.markerAt.x0 - r.marker.x0, r.markerAt.y0 - r.marker.y0, g);
  const framed = r.border !== undefined;
  const framing = !framed ? '' : p.equalAll ? ' and the collimated margins are equal on all four sides' : ' and the left and right collimated margins are exactly equal';
  const tell = wholeImageTell(
    image,
    'T4',
    p.strength,
    `This exam is too perfect: the patient's midline runs exactly vertical down the exact centre of the film${framing}. ` +
      'Real patients stand a degree or two tilted and a little off-centre, and radiographers collimate by eye, so real films show small positioning asymmetries. An exam with none of them was generated or re-framed to an ideal.',
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
  movesAnatomy: true,
  apply,
};

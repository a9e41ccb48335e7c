/**
 * A6 impossible joint or bone relationship: near the lateral end of one clavicle (the acromioclavicular region) a
 * smooth local displacement field shears the bone across a short line, so the clavicle and the bone under it step
 * off and kink where no joint or fracture could explain it. Where the clavicle is not known (a real film: only the
 * lungs are found) the region is the lateral lung apex the clavicle crosses, and the words say that place instead. The warp moves pixels and keeps the grain (a generator's
 * failure of 3-D anatomy, not a blur), and it fades to exactly zero at the region's rim so nothing else moves.
 */
import type { Difficulty, Point, Polygon } from '../domain/index.js';
import type { Rng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import type { ForgeryParams, ForgeryResult, Technique } from './types.js';
import { estimateMidlineX, locateLung } from './anatomy.js';
import type { PatientSide } from './anatomy.js';
import { smoothstep, toFloat, toGrayImage } from './filters.js';
import { NO_LUNG, ellipseBox, hitsAvoid, makeTell, noRoomError } from './local.js';
import type { Ellipse } from './regions.js';
import { ellipsePixels, ellipsePolygon } from './regions.js';

interface Level {
  readonly ax: number; // semi-axes of the warped area, fractions of the width
  readonly ay: number;
  readonly shift: (w: number) => number; // half the step-off across the kink in px, for an image w px wide
  readonly kink: number; // width of the step in px: small = an abrupt, impossible step
  /**
   * Move only one side of the kink, by the whole step, flat over most of the region: a whole-pixel shift copies the
   * grain instead of resampling it, so the jog is the only change (a half-pixel shift everywhere would soften the
   * grain over the whole region, a tell of its own at a step this small).
   */
  readonly oneSided?: boolean;
  readonly strength: number;
}

const LEVELS: Readonly<Record<Difficulty, Level>> = {
  obvious: { ax: 0.1, ay: 0.07, shift: (w) => Math.max(1.5, 0.016 * w), kink: 2, strength: 0.8 },
  subtle: { ax: 0.085, ay: 0.06, shift: (w) => Math.max(1.5, 0.009 * w), kink: 3, strength: 0.5 },
  expert: { ax: 0.07, ay: 0.05, shift: () => 0.5, kink: 2, oneSided: true, strength: 0.3 },
};

/** Where the words send the reader: they must name the place the region is drawn. */
interface Place {
  readonly where: string;
  readonly beneath: string;
}

const placeOf = (site: Site): Place =>
  site.onClavicle
    ? { where: `the lateral ${site.side} clavicle and the acromioclavicular region`, beneath: 'the bone beneath it (coracoid, scapula or rib)' }
    : { where: `the ${site.side} clavicle and the upper ribs over the lateral lung apex`, beneath: 'the rib beside it' };

const HOW: Readonly<Record<Difficulty, (p: Place) => string>> = {
  obvious: (p) => `Fit to window, follow ${p.where}: the bone steps up or down abruptly along a short line, and ${p.beneath} kinks at the same line.`,
  subtle: (p) => `Zoom to 200% on ${p.where}: the cortical outline is offset across a short oblique line, with no fracture lucency and no joint space to explain it.`,
  expert: (p) => `With the loupe (M), trace the upper and lower cortex along ${p.where}: both borders jog by about a pixel at the same place, and ${p.beneath} jogs with them.`,
};

interface Site {
  readonly e: Ellipse;
  readonly side: PatientSide;
  /** Unit vector along the clavicle (medial to lateral, rising). */
  readonly dx: number;
  readonly dy: number;
  /** Placed on the clavicle's known line (hints), not estimated from the lung. */
  readonly onClavicle: boolean;
}

/** The point `t` of the way along a polyline (by length), and the unit direction of the segment it falls on. */
function alongLine(line: readonly Point[], t: number): { x: number; y: number; dx: number; dy: number } | null {
  const lengths = line.slice(1).map((q, i) => Math.hypot(q.x - (line[i] as Point).x, q.y - (line[i] as Point).y));
  const total = lengths.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  let left = t * total;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i] as number;
    if (left <= len || i === lengths.length - 1) {
      const a = line[i] as Point;
      const b = line[i + 1] as Point;
      const f = len > 0 ? Math.min(1, left / len) : 0;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f, dx: (b.x - a.x) / (len || 1), dy: (b.y - a.y) / (len || 1) };
    }
    left -= len;
  }
  return null;
}

/**
 * Where the clavicle is known (the simulator's films), the region is centred on its lateral fifth, so it takes in the
 * acromioclavicular joint the words name; the kink runs across the bone's own direction there. A film that cuts off
 * the shoulder gets the most lateral stretch of the bone still on it.
 */
function siteOnClavicle(line: readonly Point[], side: PatientSide, e0: { ax: number; ay: number }, w: number, h: number, blocked: readonly Polygon[], rng: Rng): Site | null {
  const sweep = Array.from({ length: 10 }, (_, i) => 0.86 - 0.04 * i);
  for (const t of [0.82, rng.range(0.72, 0.88), rng.range(0.72, 0.88), ...sweep]) {
    const at = alongLine(line, t);
    if (!at) return null;
    const e: Ellipse = { cx: at.x, cy: at.y, ...e0 };
    const inside = e.cx - e.ax > 2 && e.cx + e.ax < w - 2 && e.cy - e.ay > 2 && e.cy + e.ay < h * 0.6;
    if (inside && !hitsAvoid(ellipseBox(e), blocked, 6)) return { e, side, dx: at.dx, dy: at.dy, onClavicle: true };
  }
  return null;
}

function chooseSite(image: GrayImage, params: ForgeryParams, rng: Rng, p: Level): Site {
  const { width: w, height: h } = image;
  const mid = estimateMidlineX(image, params.hints);
  const first: PatientSide = rng.chance(0.5) ? 'right' : 'left';
  const marker = params.hints?.marker;
  const blocked = [...(params.hints?.avoid ?? []), ...(marker ? [[{ x: marker.x0, y: marker.y0 }, { x: marker.x1, y: marker.y0 }, { x: marker.x1, y: marker.y1 }]] : [])];
  const clavicles = params.hints?.clavicles;
  if (clavicles) {
    for (const side of [first, first === 'right' ? 'left' : 'right'] as const) {
      const site = siteOnClavicle(clavicles[side], side, { ax: p.ax * w, ay: p.ay * w }, w, h, blocked, rng);
      if (site) return site;
    }
    throw noRoomError('impossible-joint', 'a warped clavicle', 'on the lateral clavicles: both run off the film, under the marker or into earlier edits');
  }
  let anyLung = false;
  for (const side of [first, first === 'right' ? 'left' : 'right'] as const) {
    // The clavicle is found from the lung's apex: a side with no lung found (a film without hints) is skipped.
    const box = locateLung(image, side, mid, params.hints)?.box;
    if (!box) continue;
    anyLung = true;
    const out = side === 'right' ? -1 : 1; // image direction toward this side's shoulder
    const medial = side === 'right' ? box.x1 : box.x0;
    const width = box.x1 - box.x0;
    const e0 = { ax: p.ax * w, ay: p.ay * w };
    for (let k = 0; k < 12; k++) {
      // Lateral third of the lung, at the apex level where the clavicle crosses it (top quarter of the thorax).
      const cx = medial + out * width * (k === 0 ? 0.7 : rng.range(0.55, 0.8));
      const cy = Math.max(h * 0.1 + e0.ay, box.y0 + (box.y1 - box.y0) * (k === 0 ? 0.08 : rng.range(0.02, 0.2)));
      const e: Ellipse = { cx, cy, ...e0 };
      const inside = e.cx - e.ax > 2 && e.cx + e.ax < w - 2 && e.cy + e.ay < h * 0.6;
      if (!inside || hitsAvoid(ellipseBox(e), blocked, 6)) continue;
      const n = Math.hypot(1, 0.3);
      return { e, side, dx: out / n, dy: -0.3 / n, onClavicle: false };
    }
  }
  throw noRoomError('impossible-joint', 'a warped clavicle', anyLung ? undefined : NO_LUNG);
}

/** Bilinear sample of the full plane, clamped at the borders. */
function sample(src: Float32Array, w: number, h: number, x: number, y: number): number {
  const fx = Math.min(w - 1, Math.max(0, x));
  const fy = Math.min(h - 1, Math.max(0, y));
  const x0 = Math.min(w - 2, Math.floor(fx));
  const y0 = Math.min(h - 2, Math.floor(fy));
  const tx = fx - x0;
  const ty = fy - y0;
  const i = y0 * w + x0;
  const a = (src[i] as number) + tx * ((src[i + 1] as number) - (src[i] as number));
  const b = (src[i + w] as number) + tx * ((src[i + w + 1] as number) - (src[i + w] as number));
  return a + ty * (b - a);
}

function apply(image: GrayImage, params: ForgeryParams, rng: Rng): ForgeryResult {
  const p = LEVELS[params.level];
  const { width: w, height: h } = image;
  const place = rng.fork('placement');
  const site = chooseSite(image, params, place, p);
  const { e, dx, dy } = site;
  const amp = p.shift(w) * (place.chance(0.5) ? 1 : -1);
  // The kink line crosses the clavicle obliquely a little off-centre, as a step-off at the AC joint would.
  const off = place.range(-0.2, 0.2) * e.ax;
  const src = toFloat(image);
  const out = src.slice();
  const range = ellipsePixels(e, w, h);
  for (let y = range.y0; y < range.y1; y++) {
    for (let x = range.x0; x < range.x1; x++) {
      const rx = (x + 0.5 - e.cx) / e.ax;
      const ry = (y + 0.5 - e.cy) / e.ay;
      const rho2 = rx * rx + ry * ry;
      if (rho2 >= 1) continue;
      // A C1 bump that is exactly 0 on the rim: the field vanishes outside the region. One-sided: flat (1) inside
      // 0.7 of the radius, then a smoothstep down to 0 at the rim.
      const bump = p.oneSided ? smoothstep((1 - Math.sqrt(rho2)) / 0.3) : (1 - rho2) ** 2;
      const s = (x + 0.5 - e.cx) * dx + (y + 0.5 - e.cy) * dy - off;
      // Shear perpendicular to the clavicle: one side moves up, the other down (or, one-sided, one side by the whole
      // step and the other not at all), with a short tanh step between.
      const d = amp * (p.oneSided ? 1 + Math.tanh(s / p.kink) : Math.tanh(s / p.kink)) * bump;
      // One-sided, the shift is straight up or down, so a whole step is a whole pixel.
      out[y * w + x] = p.oneSided ? sample(src, w, h, x, y - d) : sample(src, w, h, x + d * dy, y - d * dx);
    }
  }
  const words = placeOf(site);
  const tell = makeTell(
    'A6',
    [ellipsePolygon(e, 1)],
    p.strength,
    `${words.where[0]?.toUpperCase()}${words.where.slice(1)} are kinked: the bone outline steps off across a short oblique line and ${words.beneath} jogs at the same place. ` +
      'A real step-off comes with a fracture line, callus or a widened joint space and involves only the injured bone; here the cortex is continuous but offset, and unrelated structures bend with it, which anatomy does not allow.',
    HOW[params.level](words),
  );
  return { image: toGrayImage(out, image), tells: [tell] };
}

export const impossibleJoint: Technique = {
  id: 'impossible-joint',
  name: 'Kinked clavicle',
  artifactIds: ['A6'],
  scope: 'local',
  marginPx: 1,
  apply,
};

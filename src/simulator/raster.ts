import { rasterKernels } from './film-kernels.js';
import { filmMemoryOf } from './tube-memory.js';

/**
 * Analytic projected-thickness rasterisers. Each shape adds k * t(x, y) to a Float32 plane, where t is the chord
 * length (in pixels) of a ray along the beam through the shape and k a linear attenuation coefficient per pixel,
 * so the plane accumulates the Beer-Lambert exponent sum(mu_i * t_i). Work is confined to each shape's bounding box.
 * The pixel rows are WebAssembly (film-kernels.ts RasterKernels), drawing on the film's own planes only.
 */

export interface Canvas {
  readonly data: Float32Array;
  readonly width: number;
  readonly height: number;
}

export interface BoxPx {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function clampBox(cv: Canvas, x0: number, y0: number, x1: number, y1: number): BoxPx | null {
  const b = {
    x0: Math.max(0, Math.floor(x0)),
    y0: Math.max(0, Math.floor(y0)),
    x1: Math.min(cv.width - 1, Math.ceil(x1)),
    y1: Math.min(cv.height - 1, Math.ceil(y1)),
  };
  return b.x0 > b.x1 || b.y0 > b.y1 ? null : b;
}

/**
 * Superellipsoid |u/a|^p + |v/b|^q + (z/c)^2 <= 1 with in-plane rotation `angle`; chord 2c*sqrt(1-|u|^p-|v|^q).
 * p = q = 2 is an ellipsoid; p = q = 4 a rounded box (vertebral bodies). Optional clipY drops rows below it
 * (an air-fluid level is horizontal whatever the patient does, because gravity sets it).
 */
export interface SuperEllipsoid {
  readonly cx: number;
  readonly cy: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly angle?: number;
  readonly p?: 2 | 4;
  readonly q?: 2 | 4;
  readonly k: number;
  readonly clipY?: number;
  /**
   * Fade the chord in from the top of the shape to below its centre: for organs that hang from the body wall
   * (breasts), which have a crisp lower margin but merge into the chest above.
   */
  readonly fadeTop?: boolean;
}

export function addSuperEllipsoid(cv: Canvas, e: SuperEllipsoid): void {
  const ang = e.angle ?? 0;
  const cs = Math.cos(ang);
  const sn = Math.sin(ang);
  // Conservative extents of the rotated outline (exact for the ellipse's bounding box up to the |.| sum).
  const ex = Math.abs(e.a * cs) + Math.abs(e.b * sn);
  const ey = Math.abs(e.a * sn) + Math.abs(e.b * cs);
  const box = clampBox(cv, e.cx - ex, e.cy - ey, e.cx + ex, Math.min(e.cy + ey, e.clipY ?? Infinity));
  if (!box) return;
  const p4 = e.p === 4;
  const q4 = e.q === 4;
  const ia = 1 / e.a;
  const ib = 1 / e.b;
  const scale = 2 * e.c * e.k;
  const fade = e.fadeTop === true;
  const w = cv.width;
  const kern = rasterKernels(filmMemoryOf(cv.data, 'addSuperEllipsoid'));
  const d = cv.data.byteOffset;
  for (let y = box.y0; y <= box.y1; y++) kern.superEllipsoidRow(d, y * w, box.x0, box.x1, y + 0.5 - e.cy, e.cx, cs, sn, ia, ib, p4, q4, scale, fade);
}

/** Shell of a superellipsoid: cortex coefficient on the outer body, (kInner - kOuter) added on the inner one. */
export function addHollowSuperEllipsoid(cv: Canvas, e: SuperEllipsoid, shell: number, kInner: number): void {
  addSuperEllipsoid(cv, e);
  const inner: SuperEllipsoid = {
    ...e,
    a: Math.max(e.a - shell, 0.5),
    b: Math.max(e.b - shell, 0.5),
    c: Math.max(e.c - shell, 0.5),
    k: kInner - e.k,
  };
  addSuperEllipsoid(cv, inner);
}

/**
 * Star-shaped body whose outline is r(theta) about (cx, cy), chord 2c*sqrt(1-(rho/r)^2): the sqrt edge is what
 * makes a curved organ border (the cardiac silhouette) look sharp, since rays there graze the surface.
 */
export interface RadialBlob {
  readonly cx: number;
  readonly cy: number;
  /** Outline radius sampled at theta = 2*pi*i/n, measured with atan2(dy, dx). */
  readonly radii: Float32Array;
  readonly c: number;
  readonly k: number;
}

export function addRadialBlob(cv: Canvas, blob: RadialBlob): void {
  const n = blob.radii.length;
  let rmax = 0;
  for (let i = 0; i < n; i++) rmax = Math.max(rmax, blob.radii[i] as number);
  const box = clampBox(cv, blob.cx - rmax, blob.cy - rmax, blob.cx + rmax, blob.cy + rmax);
  if (!box) return;
  const scale = 2 * blob.c * blob.k;
  const toIdx = n / (2 * Math.PI);
  const w = cv.width;
  for (let y = box.y0; y <= box.y1; y++) radialBlobRow(cv.data, y * w, box.x0, box.x1, y + 0.5 - blob.cy, blob.cx, rmax, toIdx, n, blob.radii, scale);
}

/** One row of a radial blob (a row function). */
function radialBlobRow(
  d: Float32Array, o: number, x0: number, x1: number, dy: number, cx: number, rmax: number, toIdx: number, n: number, radii: Float32Array, scale: number,
): void {
  for (let x = x0; x <= x1; x++) {
    const dx = x + 0.5 - cx;
    const rho2 = dx * dx + dy * dy;
    if (rho2 >= rmax * rmax) continue;
    let t = Math.atan2(dy, dx) * toIdx;
    if (t < 0) t += n;
    const i0 = Math.floor(t) % n;
    const f = t - Math.floor(t);
    const r = (radii[i0] as number) * (1 - f) + (radii[(i0 + 1) % n] as number) * f;
    const s = 1 - rho2 / (r * r);
    if (s > 0) d[o + x] = (d[o + x] as number) + scale * Math.sqrt(s);
  }
}

/** Fill a polygon with constant value*coverage (horizontal anti-aliasing at pixel-centre rows). */
export function fillPolygon(cv: Canvas, pts: readonly { x: number; y: number }[], value: number): void {
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of pts) {
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  const kern = rasterKernels(filmMemoryOf(cv.data, 'fillPolygon'));
  const d = cv.data.byteOffset;
  const w = cv.width;
  const xs: number[] = [];
  for (let y = Math.max(0, Math.floor(y0)); y <= Math.min(cv.height - 1, Math.ceil(y1)); y++) {
    const yc = y + 0.5;
    xs.length = 0;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const a = pts[i] as { x: number; y: number };
      const b = pts[j] as { x: number; y: number };
      if (a.y > yc !== b.y > yc) xs.push(a.x + ((yc - a.y) * (b.x - a.x)) / (b.y - a.y));
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const xa = xs[k] as number;
      const xb = xs[k + 1] as number;
      kern.spanRow(d, y * w, Math.max(0, Math.floor(xa)), Math.min(w - 1, Math.floor(xb)), xa, xb, value);
    }
  }
}

/**
 * A short cylinder along the beam seen end-on (a pedicle, a coin, an electrode's snap): constant chord `depth`
 * (px of path, times k) inside an ellipse, with a one-pixel anti-aliased rim.
 */
export function addPrism(cv: Canvas, cx: number, cy: number, a: number, b: number, angle: number, value: number): void {
  const r = Math.max(a, b) + 1;
  const box = clampBox(cv, cx - r, cy - r, cx + r, cy + r);
  if (!box) return;
  const cs = Math.cos(angle);
  const sn = Math.sin(angle);
  const kern = rasterKernels(filmMemoryOf(cv.data, 'addPrism'));
  const d = cv.data.byteOffset;
  const w = cv.width;
  const soft = 1 / Math.max(1, Math.min(a, b));
  for (let y = box.y0; y <= box.y1; y++) kern.prismRow(d, y * w, box.x0, box.x1, y + 0.5 - cy, cx, cs, sn, a, b, soft, value);
}

// AssemblyScript (compiled to WebAssembly by `npm run build:wasm`, not by tsc): rows of the soft-tissue drawing on
// the coarse planes, as ../body-wall.ts (the trunk) and ../lungs.ts (the pleural cavities, the occupancy, the lungs)
// describe them, on byte offsets into the film's memory (../tube-memory.ts). Same pixels as the JavaScript they
// replaced: f32 loads promoted to f64, f64 arithmetic in the same order, min and max as Math.min and Math.max (NaN
// and signed zeros alike), f32 stores. One row per call, so V8 tiers a row up between calls.

@inline function ldf(p: usize): f64 {
  return <f64>load<f32>(p);
}
@inline function at(base: usize, i: i32): usize {
  return base + (<usize>i << 2);
}

/** A profile table of lut + 2 f32 at u (0 outside), interpolated (look in ../body-wall.ts). */
@inline function look(prof: usize, lut: f64, u: f64): f64 {
  const q = u * lut;
  if (q >= lut) return 0;
  const i = <i32>q;
  const p0 = ldf(at(prof, i));
  return p0 + (ldf(at(prof, i + 1)) - p0) * (q - <f64>i);
}

/**
 * One row of the trunk into S from index `row`, pixels xa..xb: a fat shell and a muscle core, each 2 x half-depth x
 * the superelliptic profile `prof` at |X| over the half-width of its side (left for X >= 0).
 */
export function trunkRow(
  S: usize, row: i32, xa: i32, xb: i32, X0: f64, fcx: f64, k: f64, cx: f64, hwL: f64, hwR: f64, hd: f64, fd: f64, fL: f64, fR: f64, prof: usize,
  lut: f64, muFat: f64, dMu: f64,
): void {
  for (let x = xa; x <= xb; x++) {
    const X = X0 + (<f64>x + 0.5 - fcx) / k - cx;
    const left = X >= 0;
    const hw = left ? hwL : hwR;
    const ax = abs<f64>(X);
    const outer = 2 * hd * look(prof, lut, ax / hw);
    if (outer <= 0) continue;
    const inner = 2 * (hd - fd) * look(prof, lut, ax / (hw - (left ? fL : fR)));
    const p = at(S, row + x);
    store<f32>(p, <f32>(ldf(p) + muFat * outer + dMu * inner));
  }
}

/**
 * One row of a cavity's air chord into A from index o, pixels xa..xb: the medial or lateral profile (f32 tables of
 * lut + 2) either side of the chord's peak, less the recesses behind and in front of the dome (domeCol: the dome's
 * crest per column, f32).
 */
export function cavityRow(
  A: usize, o: i32, xa: i32, xb: i32, X0: f64, cx: f64, k: f64, sg: f64, mid: f64, ihM: f64, ihL: f64, hd: f64, Y: f64, zc: f64, domeZ: f64,
  iKp: f64, iKa: f64, domeCol: usize, medial: usize, lateral: usize, lut: f64,
): void {
  for (let x = xa; x <= xb; x++) {
    const ax = (X0 + (<f64>x + 0.5 - cx) / k) * sg;
    const inner = ax < mid;
    const q = (inner ? mid - ax : ax - mid) * (inner ? ihM : ihL) * lut;
    if (q >= lut) continue;
    const qi = <i32>q;
    const P = inner ? medial : lateral;
    const p0 = ldf(at(P, qi));
    const hh = hd * (p0 + (ldf(at(P, qi + 1)) - p0) * (q - <f64>qi));
    const dy = Y - ldf(at(domeCol, x));
    let t = 2 * hh;
    if (dy > 0) {
      const back = domeZ - sqrt<f64>(dy * iKp) - (zc - hh);
      const front = zc + hh - (domeZ + sqrt<f64>(dy * iKa));
      t = min<f64>(t, (back > 0 ? back : 0) + (front > 0 ? front : 0));
    }
    if (t > 0) {
      const p = at(A, o + x);
      store<f32>(p, <f32>(ldf(p) + t));
    }
  }
}

/**
 * One row (from index row, w pixels) of the lungs: A := max(0, cavity - occupancy O), the occupancy fading below the
 * dome's crest (dome: f32 per column, fade per pixel), and S gains kLung x the lung left.
 */
export function lungRow(A: usize, O: usize, S: usize, row: i32, w: i32, yc: f64, dome: usize, fade: f64, kLung: f64): void {
  for (let x = 0, i = row; x < w; x++, i++) {
    const pa = at(A, i);
    const a = ldf(pa);
    if (a <= 0) continue;
    const dy = yc - ldf(at(dome, x));
    const o = dy <= 0 ? ldf(at(O, i)) : ldf(at(O, i)) * max<f64>(0, 1 - dy * fade);
    const t = a > o ? a - o : 0;
    store<f32>(pa, <f32>t);
    const ps = at(S, i);
    store<f32>(ps, <f32>(ldf(ps) + kLung * t));
  }
}

/** dst += src over n f32 from index o. */
export function addRow(dst: usize, src: usize, o: i32, n: i32): void {
  for (let i = o, e = o + n; i < e; i++) {
    const p = at(dst, i);
    store<f32>(p, <f32>(ldf(p) + ldf(at(src, i))));
  }
}

/** One row of a superellipsoid's chord (../raster.ts superEllipsoidRow), added to d from index o, pixels x0..x1. */
export function superEllipsoidRow(
  d: usize, o: i32, x0: i32, x1: i32, dy: f64, cx: f64, cs: f64, sn: f64, ia: f64, ib: f64, p4: bool, q4: bool, scale: f64, fade: bool,
): void {
  for (let x = x0; x <= x1; x++) {
    const dx = <f64>x + 0.5 - cx;
    const u = (dx * cs + dy * sn) * ia;
    const v = (dy * cs - dx * sn) * ib;
    const u2 = u * u;
    const v2 = v * v;
    const s = 1 - (p4 ? u2 * u2 : u2) - (q4 ? v2 * v2 : v2);
    if (s <= 0) continue;
    let t = scale * sqrt<f64>(s);
    if (fade) {
      const f = min<f64>(1, (v + 1) / 1.4);
      t *= f * f * (3 - 2 * f);
    }
    const p = at(d, o + x);
    store<f32>(p, <f32>(ldf(p) + t));
  }
}

/** One row of an end-on cylinder (../raster.ts addPrism): value times the anti-aliased cover of the ellipse. */
export function prismRow(d: usize, o: i32, x0: i32, x1: i32, dy: f64, cx: f64, cs: f64, sn: f64, a: f64, b: f64, soft: f64, value: f64): void {
  for (let x = x0; x <= x1; x++) {
    const dx = <f64>x + 0.5 - cx;
    const u = (dx * cs + dy * sn) / a;
    const v = (dy * cs - dx * sn) / b;
    const q = sqrt<f64>(u * u + v * v);
    const cover = min<f64>(1, max<f64>(0, (1 - q) / soft + 0.5));
    if (cover > 0) {
      const p = at(d, o + x);
      store<f32>(p, <f32>(ldf(p) + value * cover));
    }
  }
}

/** One span of a polygon's row (../raster.ts fillPolygon): value times each pixel's cover of [xa, xb]. */
export function spanRow(d: usize, o: i32, x0: i32, x1: i32, xa: f64, xb: f64, value: f64): void {
  for (let x = x0; x <= x1; x++) {
    const cover = min<f64>(<f64>x + 1, xb) - max<f64>(<f64>x, xa);
    if (cover > 0) {
      const p = at(d, o + x);
      store<f32>(p, <f32>(ldf(p) + value * cover));
    }
  }
}

/**
 * One row of a vertebral body (../render-bones.ts bodyRow): an upright elliptic cylinder with a waist and a cortical
 * shell, the marrow modulated by the trabecular tile (f32, row trow, columns (x + ox) & mask).
 */
export function bodyRow(
  d: usize, o: i32, x0: i32, x1: i32, dy: f64, cx: f64, cs: f64, sn: f64, a: f64, b: f64, obl: f64, k: f64, t: f64, c: f64, cortexMm: f64,
  tex: usize, trow: i32, ox: i32, mask: i32, kC: f64, kM: f64,
): void {
  for (let x = x0; x <= x1; x++) {
    const dx = <f64>x + 0.5 - cx;
    const u = dx * cs + dy * sn;
    const v = dy * cs - dx * sn;
    const vn = min<f64>(1, abs<f64>(v) / b);
    const aa = a * (1 - 0.08 * (1 - vn * vn));
    const ux = u / aa;
    if (ux * ux >= 1) continue;
    const prof = sqrt<f64>(1 - ux * ux);
    const bb = b * (1 - 0.1 * ux * ux * ux * ux) + (obl + 1.8 * k) * prof;
    if (abs<f64>(v) >= bb) continue;
    const outer = 2 * c * prof;
    const band = t + 2 * (obl + 1.8 * k) * prof;
    const av = abs<f64>(v);
    let cort: f64;
    let marrow: f64;
    const ai = aa - t;
    if (av > bb - band) {
      const fc = t / band;
      cort = outer * fc;
      marrow = outer - cort;
    } else if (ai > 0 && abs<f64>(u) < ai) {
      const ui = u / ai;
      marrow = 2 * (c - cortexMm) * sqrt<f64>(1 - ui * ui);
      cort = outer - marrow;
    } else {
      cort = outer;
      marrow = 0;
    }
    const tx = ldf(at(tex, trow + ((x + ox) & mask)));
    const p = at(d, o + x);
    store<f32>(p, <f32>(ldf(p) + kC * cort + 0.5 * kM * marrow * (1 + 0.4 * tx)));
  }
}

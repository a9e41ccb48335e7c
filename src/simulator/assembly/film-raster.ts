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

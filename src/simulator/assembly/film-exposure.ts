// AssemblyScript (compiled to WebAssembly by `npm run build:wasm`, not by tsc): the exposure's per-pixel rows, as
// ../compose.ts and ../exposure.ts describe them, on byte offsets into the film's memory (../tube-memory.ts). Same
// pixels as the JavaScript they replaced: every f32 load is promoted to f64, arithmetic is f64 in the same order (no
// fused multiply-add in WebAssembly), every f32 store demotes, and the noise's xorshift is i32 as JavaScript's int32
// operators make it. One row per call, so V8 tiers a row function up between calls (it cannot replace a running one).

@inline function ldf(p: usize): f64 {
  return <f64>load<f32>(p);
}
@inline function at(base: usize, i: i32): usize {
  return base + (<usize>i << 2);
}
@inline function at8(base: usize, i: i32): usize {
  return base + (<usize>i << 3);
}

/**
 * Row y of the line-integral map into `out` (w f32): the coarse soft-tissue plane S (cw wide, drawn untilted, 1 / ic
 * times coarser) read bilinearly through the patient's tilt, plus the bone plane B, plus the vessel plane V as blood
 * replacing lung in proportion to the lung A the ray crosses.
 */
export function composeRow(
  S: usize, A: usize, B: usize, V: usize, out: usize, y: i32, w: i32, cw: i32, ic: f64, maxX: f64, maxY: f64, kV: f64, cosT: f64, sinT: f64, cx: f64, cy: f64,
): void {
  const du = cosT;
  const dv = -sinT;
  const dy = <f64>y + 0.5 - cy;
  let u = cx + cosT * (0.5 - cx) + sinT * dy;
  let v = cy - sinT * (0.5 - cx) + cosT * dy;
  for (let x = 0, i = y * w; x < w; x++, i++, u += du, v += dv) {
    let qx = u * ic - 0.5;
    let qy = v * ic - 0.5;
    qx = qx < 0 ? 0 : qx > maxX ? maxX : qx;
    qy = qy < 0 ? 0 : qy > maxY ? maxY : qy;
    const x0 = <i32>qx;
    const y0 = <i32>qy;
    const fx = qx - <f64>x0;
    const fy = qy - <f64>y0;
    const j = y0 * cw + x0;
    const s = (ldf(at(S, j)) * (1 - fx) + ldf(at(S, j + 1)) * fx) * (1 - fy) + (ldf(at(S, j + cw)) * (1 - fx) + ldf(at(S, j + cw + 1)) * fx) * fy;
    let o = s + ldf(at(B, i));
    const vv = ldf(at(V, i));
    if (vv != 0) {
      const a = (ldf(at(A, j)) * (1 - fx) + ldf(at(A, j + 1)) * fx) * (1 - fy) + (ldf(at(A, j + cw)) * (1 - fx) + ldf(at(A, j + cw + 1)) * fx) * fy;
      o += kV * vv * (a > 25 ? 1 : a / 25);
    }
    store<f32>(at(out, x), <f32>o);
  }
}

/**
 * Expected primary counts of a row (w f32 at `out`) from its line integrals L: exp(-L) from the f64 table `expTab`
 * (step 1 / `step`, up to `last`), times the row's factor ry and the column's fall-off `col`; pixels outside [lo, hi]
 * are also weighted by the collimator (f64 at `wrow`, set by the caller for those pixels only).
 */
export function primaryRow(L: usize, out: usize, expTab: usize, col: usize, wrow: usize, w: i32, ry: f64, lo: i32, hi: i32, step: f64, last: f64): void {
  for (let x = 0; x < w; x++) {
    let q = ldf(at(L, x)) * step;
    q = q < 0 ? 0 : q > last ? last : q;
    const k = <i32>q;
    const tt = load<f64>(at8(expTab, k));
    let b = ry * ldf(at(col, x));
    if (x < lo || x > hi) b *= load<f64>(at8(wrow, x));
    store<f32>(at(out, x), <f32>(b * (tt + (load<f64>(at8(expTab, k + 1)) - tt) * (q - <f64>k))));
  }
}

/**
 * Poisson noise on a row's expected counts (primary plus spr times scatter) into `row`: a standard normal per pixel
 * from the f32 table (mask + 1 entries) addressed by xorshift32 from state st0; returns the state.
 */
export function noisyRow(prim: usize, scat: usize, row: usize, table: usize, mask: i32, w: i32, spr: f64, st0: i32): i32 {
  let st = st0;
  for (let x = 0; x < w; x++) {
    const n = ldf(at(prim, x)) + spr * ldf(at(scat, x));
    st ^= st << 13;
    st ^= <i32>(<u32>st >> 17);
    st ^= st << 5;
    const v = n + sqrt<f64>(n) * ldf(at(table, st & mask));
    store<f32>(at(row, x), <f32>(v > 0 ? v : 0));
  }
  return st;
}

/** Horizontal 3-tap blur [a, c0, a] of a row (w >= 2) into `dst`, edges reflected. */
export function blurRow(row: usize, dst: usize, w: i32, a: f64, c0: f64): void {
  store<f32>(dst, <f32>((c0 + a) * ldf(row) + a * ldf(at(row, 1))));
  for (let x = 1; x < w - 1; x++) store<f32>(at(dst, x), <f32>(a * ldf(at(row, x - 1)) + c0 * ldf(at(row, x)) + a * ldf(at(row, x + 1))));
  store<f32>(at(dst, w - 1), <f32>(a * ldf(at(row, w - 2)) + (c0 + a) * ldf(at(row, w - 1))));
}

/** Vertical 3-tap blur of three rows into the row starting at index o of `out`. */
export function blurCols(up: usize, mid: usize, dn: usize, out: usize, o: i32, w: i32, a: f64, c0: f64): void {
  for (let x = 0; x < w; x++) store<f32>(at(out, o + x), <f32>(a * ldf(at(up, x)) + c0 * ldf(at(mid, x)) + a * ldf(at(dn, x))));
}

/**
 * Scatter along a row (w f32 at scat): the scatter grid's row between its rows r0 and r1 (offsets; fraction fy) into
 * gv (gw f32), then linear in x between the grid's cell centres ((j + 0.5) K), constant beyond the first and last.
 */
export function scatterRow(Sd: usize, r0: i32, r1: i32, fy: f64, gv: usize, gw: i32, scat: usize, w: i32, K: f64): void {
  for (let j = 0; j < gw; j++) {
    const a = ldf(at(Sd, r0 + j));
    store<f32>(at(gv, j), <f32>(a + (ldf(at(Sd, r1 + j)) - a) * fy));
  }
  let x = 0;
  const first = <i32>min<f64>(<f64>w, ceil<f64>(0.5 * K - 0.5));
  const g0 = ldf(gv);
  for (; x < first; x++) store<f32>(at(scat, x), <f32>g0);
  for (let j = 0; j + 1 < gw && x < w; j++) {
    const end = <i32>min<f64>(<f64>w, ceil<f64>((<f64>j + 1.5) * K - 0.5));
    const gj = ldf(at(gv, j));
    const step = (ldf(at(gv, j + 1)) - gj) / K;
    let v = gj + step * (<f64>x + 0.5 - (<f64>j + 0.5) * K);
    for (; x < end; x++, v += step) store<f32>(at(scat, x), <f32>v);
  }
  const last = ldf(at(gv, gw - 1));
  for (; x < w; x++) store<f32>(at(scat, x), <f32>last);
}

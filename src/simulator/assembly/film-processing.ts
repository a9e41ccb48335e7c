// AssemblyScript (compiled to WebAssembly by `npm run build:wasm`, not by tsc): the per-pixel rows of the processing
// for presentation, as ../processing.ts describes them, on byte offsets into the film's memory (../tube-memory.ts).
// Same pixels as the JavaScript they replaced: f32 loads promoted to f64, f64 arithmetic in the same order, f32 and
// u16 stores as typed arrays make them, and float-to-int conversions that truncate toward zero as `| 0` does for
// the values here (all within the i32 range, NaN to 0). One row per call, so V8 tiers a row up between calls.

@inline function ldf(p: usize): f64 {
  return <f64>load<f32>(p);
}
@inline function at(base: usize, i: i32): usize {
  return base + (<usize>i << 2);
}

// fastLn's table: LOG_TAB[k] = ln(1 + k / 2^11), k = 0..2^11, f64 (../processing.ts).
const LOG_SHIFT: u32 = 12;
const LOG_MASK: u32 = (1 << LOG_SHIFT) - 1;
const LOG_INV: f64 = 1.0 / <f64>(1 << LOG_SHIFT);

/** Natural log of x (> 0) from its f32 exponent and the table of the mantissa, as ../processing.ts fastLn. */
@inline function fastLn(x: f64, logTab: usize, ln2: f64): f64 {
  const b = reinterpret<u32>(<f32>x);
  const k = (b & 0x7fffff) >> LOG_SHIFT;
  const p = logTab + (<usize>k << 3);
  const t0 = load<f64>(p);
  return <f64>(<i32>(b >> 23) - 127) * ln2 + t0 + (load<f64>(p + 8) - t0) * (<f64>(b & LOG_MASK) * LOG_INV);
}

/** ln(I0 / counts) in place over w pixels from index `row` (counts below 0.5 read as 0.5). */
export function logRow(v: usize, row: i32, w: i32, l0: f64, logTab: usize, ln2: f64): void {
  for (let x = 0, i = row; x < w; x++, i++) {
    const c = ldf(at(v, i));
    store<f32>(at(v, i), <f32>(l0 - fastLn(c > 0.5 ? c : 0.5, logTab, ln2)));
  }
}

/** logRow on a row, adding pairs of pixels into their half-resolution cells (weight wy each; an odd last column twice). */
export function logHalfRow(v: usize, out: usize, row: i32, w: i32, orow: i32, wy: f64, l0: f64, logTab: usize, ln2: f64): void {
  const pairs = w >> 1;
  let i = row;
  for (let j = 0; j < pairs; j++, i += 2) {
    const c0 = ldf(at(v, i));
    const c1 = ldf(at(v, i + 1));
    const a = l0 - fastLn(c0 > 0.5 ? c0 : 0.5, logTab, ln2);
    const b = l0 - fastLn(c1 > 0.5 ? c1 : 0.5, logTab, ln2);
    store<f32>(at(v, i), <f32>a);
    store<f32>(at(v, i + 1), <f32>b);
    const o = at(out, orow + j);
    store<f32>(o, <f32>(ldf(o) + (a + b) * wy));
  }
  if (w % 2 == 1) {
    const c = ldf(at(v, i));
    const a = l0 - fastLn(c > 0.5 ? c : 0.5, logTab, ln2);
    store<f32>(at(v, i), <f32>a);
    const o = at(out, orow + pairs);
    store<f32>(o, <f32>(ldf(o) + 2 * a * wy));
  }
}

/** The f32 table entry nearest q, clamped to [0, n] (lookUp in ../processing.ts). */
@inline function lookUp(tab: usize, n: i32, q: f64): f64 {
  return ldf(at(tab, q <= 0 ? 0 : q >= <f64>n ? n : <i32>(q + 0.5)));
}

/**
 * `count` cells from index i0 of the recombined bands C: the coarse band g0 scaled, the two mid bands (g1 - g0,
 * g2 - g1) lifted through the table `lift` (n + 1 entries, centre tn, lk entries per log unit), minus the fine
 * band's share of g2.
 */
export function bandsRow(C: usize, g0: usize, g1: usize, g2: usize, lift: usize, n: i32, i0: i32, count: i32, gainCoarse: f64, gainMid: f64, gainFine: f64, lk: f64, tn: f64): void {
  for (let i = i0, e = i0 + count; i < e; i++) {
    const a = ldf(at(g0, i));
    const b = ldf(at(g1, i));
    const c = ldf(at(g2, i));
    store<f32>(at(C, i), <f32>(gainCoarse * a + gainMid * lookUp(lift, n, (b - a) * lk + tn) + 0.85 * gainMid * lookUp(lift, n, (c - b) * lk + tn) - gainFine * c));
  }
}

/** Row of C between its rows r0 and r1 (offsets; fraction fy), in LUT units, into cr (cw f32). */
@inline function coarseRow(C: usize, r0: i32, r1: i32, fy: f64, scale: f64, off: f64, cr: usize, cw: i32): void {
  for (let j = 0; j < cw; j++) {
    const a = ldf(at(C, r0 + j));
    store<f32>(at(cr, j), <f32>((a + (ldf(at(C, r1 + j)) - a) * fy) * scale + off));
  }
}

@inline function tone(data: usize, i: i32, q: f64, lut: usize, tl: i32): void {
  store<u16>(data + (<usize>i << 1), load<u16>(lut + (<usize>(q <= 0 ? 0 : q >= <f64>tl ? tl : <i32>(q + 0.5)) << 1)));
}

/** Tone pass of the row from index o at full resolution (f = 1): C's row plus gs times the log image v, through the LUT. */
export function toneRow(data: usize, v: usize, o: i32, w: i32, C: usize, r0: i32, r1: i32, fy: f64, scale: f64, off: f64, cr: usize, gs: f64, lut: usize, tl: i32): void {
  coarseRow(C, r0, r1, fy, scale, off, cr, w);
  for (let x = 0; x < w; x++) tone(data, o + x, ldf(at(cr, x)) + gs * ldf(at(v, o + x)), lut, tl);
}

/** Tone pass at f = 2: C's row read between half-resolution columns ci0 and ci1 (i32) with fraction cf (f32). */
export function toneRowHalf(
  data: usize, v: usize, o: i32, w: i32, C: usize, r0: i32, r1: i32, fy: f64, scale: f64, off: f64, cr: usize, cw: i32, ci0: usize, ci1: usize, cf: usize, gs: f64, lut: usize, tl: i32,
): void {
  coarseRow(C, r0, r1, fy, scale, off, cr, cw);
  for (let x = 0; x < w; x++) {
    const ca = ldf(at(cr, load<i32>(at(ci0, x))));
    tone(data, o + x, ca + (ldf(at(cr, load<i32>(at(ci1, x)))) - ca) * ldf(at(cf, x)) + gs * ldf(at(v, o + x)), lut, tl);
  }
}

/**
 * Row o (its first index) of a bilinear upsample (../grids.ts expand): the coarse grid d between its rows r0 and r1
 * (offsets; fraction fy), read between columns i0 and i1 (i32) with fraction f (f32), w pixels.
 */
export function expandRow(d: usize, out: usize, o: i32, w: i32, r0: i32, r1: i32, fy: f64, i0: usize, i1: usize, f: usize): void {
  for (let x = 0, i = o; x < w; x++, i++) {
    const a = load<i32>(at(i0, x));
    const b = load<i32>(at(i1, x));
    const fx = ldf(at(f, x));
    const ta = ldf(at(d, r0 + a));
    const top = ta + (ldf(at(d, r0 + b)) - ta) * fx;
    const ba = ldf(at(d, r1 + a));
    const bot = ba + (ldf(at(d, r1 + b)) - ba) * fx;
    store<f32>(at(out, i), <f32>(top + (bot - top) * fy));
  }
}

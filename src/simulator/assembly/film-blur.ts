// AssemblyScript (compiled to WebAssembly by `npm run build:wasm`, not by tsc): the box passes of the simulator's
// Gaussian blurs, as src/imaging/filters.ts boxBlurH and boxBlurV make them, on byte offsets into the memory
// ../film-blur.ts gives it. Same pixels: every f32 load is promoted to f64 and the running sums are f64, as in
// JavaScript, and each store demotes to f32 as a Float32Array does. One row per call: the caller loops over rows, so
// V8, which cannot replace a running WebAssembly function by its optimised code, tiers the row up between calls.

@inline function ldf(p: usize): f64 {
  return <f64>load<f32>(p);
}
@inline function at(base: usize, i: i32): usize {
  return base + (<usize>i << 2);
}

/** Row `row` (its first sample's index) of the horizontal box blur of radius r (window 2r + 1), edges clamped. */
export function boxRowH(src: usize, dst: usize, row: i32, w: i32, r: i32, inv: f64): void {
  const s = at(src, row);
  const d = at(dst, row);
  const first = ldf(s);
  const last = ldf(at(s, w - 1));
  // Window for x = 0 is [-r, r]: r + 1 clamped copies of the first sample, then samples 1..r (r is added below).
  let acc = first * <f64>(r + 1);
  for (let i = 1; i < r; i++) acc += ldf(at(s, min<i32>(i, w - 1)));
  for (let x = 0; x < w; x++) {
    const add = x + r;
    acc += add < w ? ldf(at(s, add)) : last;
    store<f32>(at(d, x), <f32>(acc * inv));
    const sub = x - r;
    acc -= sub >= 0 ? ldf(at(s, sub)) : first;
  }
}

/** The vertical pass's column sums (f64 at `acc`) for row 0: r + 1 copies of row 0, then rows 1..r - 1 clamped. */
export function boxColsStart(src: usize, acc: usize, w: i32, h: i32, r: i32): void {
  for (let x = 0; x < w; x++) store<f64>(acc + (<usize>x << 3), ldf(at(src, x)) * <f64>(r + 1));
  for (let i = 1; i < r; i++) {
    const row = min<i32>(i, h - 1) * w;
    for (let x = 0; x < w; x++) {
      const p = acc + (<usize>x << 3);
      store<f64>(p, load<f64>(p) + ldf(at(src, row + x)));
    }
  }
}

/** One row (starting at `out`) of the vertical box blur from the running column sums, which then step down a row. */
export function boxRowV(src: usize, dst: usize, acc: usize, addRow: i32, subRow: i32, out: i32, w: i32, inv: f64): void {
  for (let x = 0; x < w; x++) {
    const p = acc + (<usize>x << 3);
    const a = load<f64>(p) + ldf(at(src, addRow + x));
    store<f32>(at(dst, out + x), <f32>(a * inv));
    store<f64>(p, a - ldf(at(src, subRow + x)));
  }
}

// The trabecular tile's periodic box blur (../render-bones.ts wrapBlur), on an n x n tile whose rows and columns
// wrap around: the same sums in the same order as the JavaScript, each divided by the window d = 2r + 1.

/** Row `o` (its first sample's index) of the periodic horizontal pass, a -> out. */
export function wrapRowH(a: usize, out: usize, o: i32, n: i32, r: i32, d: f64): void {
  const s = at(a, o);
  const t = at(out, o);
  let acc: f64 = 0;
  for (let k = -r; k <= r; k++) acc += ldf(at(s, (k + n) % n));
  let add = (r + 1) % n;
  let sub = (n - r) % n;
  for (let x = 0; x < n; x++) {
    store<f32>(at(t, x), <f32>(acc / d));
    acc += ldf(at(s, add)) - ldf(at(s, sub));
    if (++add == n) add = 0;
    if (++sub == n) sub = 0;
  }
}

/** The periodic vertical pass's column sums (f64 at `acc`) for row 0: rows -r..r, wrapped. */
export function wrapColsStart(a: usize, acc: usize, n: i32, r: i32): void {
  for (let x = 0; x < n; x++) store<f64>(acc + (<usize>x << 3), 0);
  for (let k = -r; k <= r; k++) {
    const row = ((k + n) % n) * n;
    for (let x = 0; x < n; x++) {
      const p = acc + (<usize>x << 3);
      store<f64>(p, load<f64>(p) + ldf(at(a, row + x)));
    }
  }
}

/** Row `o` of the periodic vertical pass from the running column sums, which then step down a row (rows add, sub). */
export function wrapRowV(a: usize, out: usize, acc: usize, o: i32, add: i32, sub: i32, n: i32, d: f64): void {
  for (let x = 0; x < n; x++) {
    const p = acc + (<usize>x << 3);
    const s = load<f64>(p);
    store<f32>(at(out, o + x), <f32>(s / d));
    store<f64>(p, s + (ldf(at(a, add + x)) - ldf(at(a, sub + x))));
  }
}

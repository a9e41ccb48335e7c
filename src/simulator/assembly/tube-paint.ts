// AssemblyScript (compiled to WebAssembly by `npm run build:wasm`, not by tsc): the tube painter of
// ../tube-paint.ts, working on byte offsets into the memory the game gives it (../tube-wasm.ts). It makes the same
// pixels as the JavaScript it replaced: every f32 load is promoted to f64 before arithmetic and every f32 store
// demotes an f64, as a Float32Array does, and row ends stay doubles where a cut may leave the i32 range.

@inline function ldf(p: usize): f64 {
  return <f64>load<f32>(p);
}
@inline function ldd(p: usize): f64 {
  return load<f64>(p);
}

/** Numbers per node: x, y, r, g, ri, gi. */
const NODE: i32 = 6;

// The piece's numbers for rowSpan, and its result.
let pAy: f64 = 0;
let pVx: f64 = 0;
let pVy: f64 = 0;
let pLen: f64 = 0;
let pRm: f64 = 0;
let spanLo: f64 = 0;
let spanHi: f64 = 0;

/** The x-range (relative to the piece's start) of row y within pRm of the segment: see rowSpan in ../tube-paint.ts. */
@inline function rowSpan(y: i32): void {
  const py = <f64>y + 0.5 - pAy;
  const vx = pVx;
  const vy = pVy;
  const len = pLen;
  const rm = pRm;
  let lo: f64 = Infinity;
  let hi: f64 = -Infinity;
  const da = rm * rm - py * py;
  if (da >= 0) {
    const q = sqrt<f64>(da);
    lo = -q;
    hi = q;
  }
  const pb = py - vy;
  const db = rm * rm - pb * pb;
  if (db >= 0) {
    const q = sqrt<f64>(db);
    lo = min<f64>(lo, vx - q);
    hi = max<f64>(hi, vx + q);
  }
  if (len > 1e-9) {
    const ux = vx / len;
    const uy = vy / len;
    let s0: f64 = -Infinity;
    let s1: f64 = Infinity;
    if (abs<f64>(uy) > 1e-9) {
      const p0 = (ux * py - rm) / uy;
      const p1 = (ux * py + rm) / uy;
      s0 = min<f64>(p0, p1);
      s1 = max<f64>(p0, p1);
    } else if (abs<f64>(py) > rm) s1 = -Infinity;
    if (abs<f64>(ux) > 1e-9) {
      const q0 = -(uy * py) / ux;
      const q1 = (len - uy * py) / ux;
      s0 = max<f64>(s0, min<f64>(q0, q1));
      s1 = min<f64>(s1, max<f64>(q0, q1));
    } else if (uy * py < 0 || uy * py > len) s1 = -Infinity;
    if (s0 <= s1) {
      lo = min<f64>(lo, s0);
      hi = max<f64>(hi, s1);
    }
  }
  spanLo = lo;
  spanHi = hi;
}

/**
 * Paints one polyline of n nodes (f64 x 6 each at `nodes`) into the f32 plane at `target` (w x h): every piece from
 * node k to k + 1 in turn. `tex` is a size x size f32 tile (size 0: none).
 */
export function paintTube(
  target: usize, w: i32, h: i32, nodes: usize, n: i32, tex: usize, size: i32, ox: i32, oy: i32, kO: f64, kI: f64, amp: f64,
): void {
  for (let k = 0; k + 1 < n; k++) paintPiece(target, w, h, nodes, k, n, tex, size, ox, oy, kO, kI, amp);
}

/** One piece, as paintPiece in ../tube-paint.ts did: the pixels whose foot falls on it, and its outer caps. */
function paintPiece(
  target: usize, w: i32, h: i32, nd: usize, k: i32, n: i32, data: usize, size: i32, ox: i32, oy: i32, kO: f64, kI: f64, amp: f64,
): void {
  const pa = nd + (<usize>(k * NODE) << 3);
  const pb = pa + (<usize>NODE << 3);
  const ax = ldd(pa);
  const ay = ldd(pa + 8);
  const ar = ldd(pa + 16);
  const bx = ldd(pb);
  const by = ldd(pb + 8);
  const br = ldd(pb + 16);
  const dr = br - ar;
  const ag = ldd(pa + 24);
  const dg = ldd(pb + 24) - ag;
  const ari = ldd(pa + 32);
  const bri = ldd(pb + 32);
  const dri = bri - ari;
  const agi = ldd(pa + 40);
  const dgi = ldd(pb + 40) - agi;
  const rm = max<f64>(ar, br);
  const x0f = max<f64>(0, floor<f64>(min<f64>(ax, bx) - rm - 1));
  const y0f = max<f64>(0, floor<f64>(min<f64>(ay, by) - rm - 1));
  const x1f = min<f64>(<f64>(w - 1), ceil<f64>(max<f64>(ax, bx) + rm + 1));
  const y1f = min<f64>(<f64>(h - 1), ceil<f64>(max<f64>(ay, by) + rm + 1));
  if (x0f > x1f || y0f > y1f) return;
  const y0 = <i32>y0f;
  const y1 = <i32>y1f;
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy;
  const len = sqrt<f64>(len2);
  const il: f64 = len2 > 1e-9 ? 1 / len2 : 0;
  const hasNext = k + 2 < n;
  const hasPrev = k > 0;
  const nvx: f64 = hasNext ? ldd(pb + (<usize>NODE << 3)) - bx : 0;
  const nvy: f64 = hasNext ? ldd(pb + (<usize>NODE << 3) + 8) - by : 0;
  const nil: f64 = hasNext ? 1 / max<f64>(1e-9, nvx * nvx + nvy * nvy) : 0;
  const pvx: f64 = hasPrev ? ax - ldd(pa - (<usize>NODE << 3)) : 0;
  const pvy: f64 = hasPrev ? ay - ldd(pa - (<usize>NODE << 3) + 8) : 0;
  const pil: f64 = hasPrev ? 1 / max<f64>(1e-9, pvx * pvx + pvy * pvy) : 0;
  const hasInner = ari > 0 || bri > 0;
  const hasTex = size > 0;
  const mask = size - 1;
  pAy = ay;
  pVx = vx;
  pVy = vy;
  pLen = len;
  pRm = rm;
  for (let y = y0; y <= y1; y++) {
    const py = <f64>y + 0.5 - ay;
    rowSpan(y);
    const sLo = spanLo;
    const sHi = spanHi;
    if (sLo > sHi) continue;
    let xs: f64 = max<f64>(x0f, floor<f64>(ax + sLo - 0.5));
    let xe: f64 = min<f64>(x1f, ceil<f64>(ax + sHi + 0.5));
    // The row's ends that the neighbours own are cut: tr, tn and tp are monotone in x (so is their rounding), so a
    // cut whose innermost pixel passes the loop's own test holds for the whole cut. Estimates stop a pixel short.
    const pv = py * vy;
    const qn = (py - vy) * nvy;
    if (hasPrev && il > 0) {
      // tr < 0: the previous piece's.
      if (vx > 0) {
        const e = floor<f64>(ax - 0.5 - pv / vx) - 1;
        if (e >= xs && ((e + 0.5 - ax) * vx + pv) * il < 0) xs = e + 1;
      } else if (vx < 0) {
        const e = ceil<f64>(ax - 0.5 - pv / vx) + 1;
        if (e <= xe && ((e + 0.5 - ax) * vx + pv) * il < 0) xe = e - 1;
      }
    }
    if (hasNext && il > 0 && vx * nvx > 0) {
      // tr >= 1 and tn >= 0: the next piece's, at the row's far end when both pieces run the same way in x.
      const c1 = ax - 0.5 + (len2 - pv) / vx;
      const cn = ax - 0.5 + vx - qn / nvx;
      if (vx > 0) {
        const e = ceil<f64>(max<f64>(c1, cn)) + 1;
        if (e <= xe && ((e + 0.5 - ax) * vx + pv) * il >= 1 && ((e + 0.5 - ax - vx) * nvx + qn) * nil >= 0) xe = e - 1;
      } else {
        const e = floor<f64>(min<f64>(c1, cn)) - 1;
        if (e >= xs && ((e + 0.5 - ax) * vx + pv) * il >= 1 && ((e + 0.5 - ax - vx) * nvx + qn) * nil >= 0) xs = e + 1;
      }
    }
    if (xs > xe) continue;
    // Neither neighbour's test can fire in a row where its projection stays out of [0, 1) at both ends.
    const nearNext = hasNext && (((xs + 0.5 - ax - vx) * nvx + qn) * nil >= 0 || ((xe + 0.5 - ax - vx) * nvx + qn) * nil >= 0);
    const qp = (py + pvy) * pvy;
    const ta = ((xs + 0.5 - ax + pvx) * pvx + qp) * pil;
    const tb = ((xe + 0.5 - ax + pvx) * pvx + qp) * pil;
    const nearPrev = hasPrev && !((ta < 0 && tb < 0) || (ta >= 1 && tb >= 1));
    const trow = hasTex ? ((y + oy) & mask) * size : 0;
    const xsi = <i32>xs;
    const xei = <i32>xe;
    for (let x = xsi, i = y * w + xsi; x <= xei; x++, i++) {
      const px = <f64>x + 0.5 - ax;
      const tr = (px * vx + pv) * il;
      if (tr < 0 && hasPrev) continue;
      const t: f64 = tr < 0 ? 0 : tr > 1 ? 1 : tr;
      const ex = px - t * vx;
      const ey = py - t * vy;
      const d2 = ex * ex + ey * ey;
      const r = ar + t * dr;
      if (d2 >= r * r) continue;
      if (nearNext) {
        const qx = px - vx;
        const qy = py - vy;
        const tn = (qx * nvx + qy * nvy) * nil;
        if (tr >= 1 && tn >= 0) continue;
        if (tr < 1 && tn >= 0 && tn < 1) {
          const fx = qx - tn * nvx;
          const fy = qy - tn * nvy;
          if (fx * fx + fy * fy < d2) continue;
        }
      }
      if (nearPrev && tr < 1) {
        const qx = px + pvx;
        const qy = py + pvy;
        const tp = (qx * pvx + qy * pvy) * pil;
        if (tp >= 0 && tp < 1) {
          const fx = qx - tp * pvx;
          const fy = qy - tp * pvy;
          if (fx * fx + fy * fy <= d2) continue;
        }
      }
      const outer = 2 * (ag + t * dg) * sqrt<f64>(r * r - d2);
      let inner: f64 = 0;
      if (hasInner) {
        const ri = ari + t * dri;
        if (d2 < ri * ri) inner = 2 * (agi + t * dgi) * sqrt<f64>(ri * ri - d2);
      }
      let kin = kI;
      if (hasTex && inner > 0) {
        kin *= 1 + amp * ldf(data + (<usize>(trow + ((x + ox) & mask)) << 2));
        if (kin < 0) kin = 0;
      }
      const p = target + (<usize>i << 2);
      store<f32>(p, <f32>(ldf(p) + kO * (outer - inner) + kin * inner));
    }
  }
}

/**
 * Painting tubes straight into a plane (addTube), one piece at a time, and the rows a piece's capsule reaches
 * (rowSpan, shared with tubes.ts's scratch-plane drawing). Apart from tubes.ts to keep both files short.
 */
import type { Scratch, TubeNode, TubeTexture } from './tubes.js';

/**
 * The x-range (relative to the piece's start) of row y that lies within rm of the segment from (0, 0) to (vx, vy),
 * the piece's start being at height ay: the hull of the two end discs and the strip between them. Empty when
 * lo > hi. The piece's numbers are set once in PIECE: ay, vx, vy, len, rm.
 */
// In and out through typed arrays: doubles passed to a call or held in module-level `let`s are boxed on the heap.
export const PIECE = new Float64Array(5);
export const SPAN = new Float64Array(2);
export function rowSpan(y: number): void {
  const py = y + 0.5 - (PIECE[0] as number);
  const vx = PIECE[1] as number;
  const vy = PIECE[2] as number;
  const len = PIECE[3] as number;
  const rm = PIECE[4] as number;
  let lo = Infinity;
  let hi = -Infinity;
  const da = rm * rm - py * py;
  if (da >= 0) {
    const q = Math.sqrt(da);
    lo = -q;
    hi = q;
  }
  const pb = py - vy;
  const db = rm * rm - pb * pb;
  if (db >= 0) {
    const q = Math.sqrt(db);
    lo = Math.min(lo, vx - q);
    hi = Math.max(hi, vx + q);
  }
  if (len > 1e-9) {
    const ux = vx / len;
    const uy = vy / len;
    // |(-uy, ux) . p| <= rm and 0 <= u . p <= len, solved for px.
    let s0 = -Infinity;
    let s1 = Infinity;
    if (Math.abs(uy) > 1e-9) {
      const p0 = (ux * py - rm) / uy;
      const p1 = (ux * py + rm) / uy;
      s0 = Math.min(p0, p1);
      s1 = Math.max(p0, p1);
    } else if (Math.abs(py) > rm) s1 = -Infinity;
    if (Math.abs(ux) > 1e-9) {
      const q0 = -(uy * py) / ux;
      const q1 = (len - uy * py) / ux;
      s0 = Math.max(s0, Math.min(q0, q1));
      s1 = Math.min(s1, Math.max(q0, q1));
    } else if (uy * py < 0 || uy * py > len) s1 = -Infinity;
    if (s0 <= s1) {
      lo = Math.min(lo, s0);
      hi = Math.max(hi, s1);
    }
  }
  SPAN[0] = lo;
  SPAN[1] = hi;
}

/**
 * Paints one polyline straight into `target` (no scratch planes): every pixel near the polyline is given to exactly
 * one piece, so joints are neither counted twice nor left with a gap: a piece owns the pixels whose foot falls on
 * it (nearer piece wins where two strips overlap inside a bend), plus its end cap where the next piece does not
 * reach (the outside of a bend), and the first and last pieces their outer caps.
 */
export function addTube(sc: Scratch, nodes: readonly TubeNode[], target: Float32Array, kOuter: number, kInner = kOuter, tex?: TubeTexture): void {
  const n = nodes.length;
  if (NODES.length < n * NODE) NODES = new Float64Array(2 * n * NODE);
  const nd = NODES;
  for (let k = 0; k < n; k++) {
    const p = nodes[k] as TubeNode;
    const o = k * NODE;
    nd[o] = p.x;
    nd[o + 1] = p.y;
    nd[o + 2] = p.r;
    nd[o + 3] = p.g;
    nd[o + 4] = p.ri;
    nd[o + 5] = p.gi;
  }
  K[0] = kOuter;
  K[1] = kInner;
  K[2] = tex ? tex.amp : 0;
  const w = sc.width;
  const h = sc.height;
  const data = tex ? tex.data : NO_TEX;
  const size = tex ? tex.size : 0;
  const ox = tex ? tex.ox : 0;
  const oy = tex ? tex.oy : 0;
  for (let k = 0; k + 1 < n; k++) paintPiece(target, w, h, nd, k, n, data, size, ox, oy);
}

/** Numbers per node in NODES: x, y, r, g, ri, gi. */
const NODE = 6;
/**
 * paintPiece reads its numbers from typed arrays, not from the nodes and the texture: it then sees no object maps,
 * so its type feedback is the same for every caller and the warm-up below covers it, and the values stay unboxed.
 */
let NODES = new Float64Array(64 * NODE);
/** kOuter, kInner, texture amplitude, and a sink for the reads that warm the cache. */
const K = new Float64Array(4);
const NO_TEX = new Float32Array(0);

/**
 * One piece of addTube, from node k to node k + 1 of the n in `nd` (the nodes before and after are its
 * neighbours). A function of its own: pieces are many and short, so V8 optimises it from its early calls, where the
 * loops nested inside addTube were replaced mid-run and dropped again at the end of a row (see "Row functions" in
 * README.md). `size` is the texture's (0 for none).
 */
function paintPiece(
  target: Float32Array, w: number, h: number, nd: Float64Array, k: number, n: number, data: Float32Array, size: number, ox: number, oy: number,
): void {
  const ia = k * NODE;
  const ib = ia + NODE;
  const ax = nd[ia] as number;
  const ay = nd[ia + 1] as number;
  const ar = nd[ia + 2] as number;
  const bx = nd[ib] as number;
  const by = nd[ib + 1] as number;
  const br = nd[ib + 2] as number;
  const dr = br - ar;
  const ag = nd[ia + 3] as number;
  const dg = (nd[ib + 3] as number) - ag;
  const ari = nd[ia + 4] as number;
  const bri = nd[ib + 4] as number;
  const dri = bri - ari;
  const agi = nd[ia + 5] as number;
  const dgi = (nd[ib + 5] as number) - agi;
  const rm = Math.max(ar, br);
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - rm - 1));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by) - rm - 1));
  const x1 = Math.min(w - 1, Math.ceil(Math.max(ax, bx) + rm + 1));
  const y1 = Math.min(h - 1, Math.ceil(Math.max(ay, by) + rm + 1));
  if (x0 > x1 || y0 > y1) return;
  // Read one value per cache line of the box first: these loads do not wait on each other, so their cache and TLB
  // misses overlap, where the pixel loop would take them one row at a time (their sum is stored, so kept).
  let sum = 0;
  for (let y = y0; y <= y1; y++) {
    const o = y * w;
    for (let x = x0; x < x1; x += 16) sum += target[o + x] as number;
    sum += target[o + x1] as number;
  }
  K[3] = sum;
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy;
  const len = Math.sqrt(len2);
  const il = len2 > 1e-9 ? 1 / len2 : 0;
  const hasNext = k + 2 < n;
  const hasPrev = k > 0;
  const nvx = hasNext ? (nd[ib + NODE] as number) - bx : 0;
  const nvy = hasNext ? (nd[ib + NODE + 1] as number) - by : 0;
  const nil = hasNext ? 1 / Math.max(1e-9, nvx * nvx + nvy * nvy) : 0;
  const pvx = hasPrev ? ax - (nd[ia - NODE] as number) : 0;
  const pvy = hasPrev ? ay - (nd[ia - NODE + 1] as number) : 0;
  const pil = hasPrev ? 1 / Math.max(1e-9, pvx * pvx + pvy * pvy) : 0;
  const hasInner = ari > 0 || bri > 0;
  const hasTex = size > 0;
  const kO = K[0] as number;
  const kI = K[1] as number;
  const amp = K[2] as number;
  const mask = size - 1;
  PIECE[0] = ay;
  PIECE[1] = vx;
  PIECE[2] = vy;
  PIECE[3] = len;
  PIECE[4] = rm;
  for (let y = y0; y <= y1; y++) {
    const py = y + 0.5 - ay;
    rowSpan(y);
    const spanLo = SPAN[0] as number;
    const spanHi = SPAN[1] as number;
    if (spanLo > spanHi) continue;
    let xs = Math.max(x0, Math.floor(ax + spanLo - 0.5)) | 0;
    let xe = Math.min(x1, Math.ceil(ax + spanHi + 0.5)) | 0;
    // The row's ends that the neighbours own are cut: tr, tn and tp are monotone in x (so is their rounding), so a
    // cut whose innermost pixel passes the loop's own test holds for the whole cut. Estimates stop a pixel short.
    const pv = py * vy;
    const qn = (py - vy) * nvy;
    if (hasPrev && il > 0) {
      // tr < 0: the previous piece's.
      if (vx > 0) {
        const e = Math.floor(ax - 0.5 - pv / vx) - 1;
        if (e >= xs && ((e + 0.5 - ax) * vx + pv) * il < 0) xs = e + 1;
      } else if (vx < 0) {
        const e = Math.ceil(ax - 0.5 - pv / vx) + 1;
        if (e <= xe && ((e + 0.5 - ax) * vx + pv) * il < 0) xe = e - 1;
      }
    }
    if (hasNext && il > 0 && vx * nvx > 0) {
      // tr >= 1 and tn >= 0: the next piece's, at the row's far end when both pieces run the same way in x.
      const c1 = ax - 0.5 + (len2 - pv) / vx;
      const cn = ax - 0.5 + vx - qn / nvx;
      if (vx > 0) {
        const e = Math.ceil(Math.max(c1, cn)) + 1;
        if (e <= xe && ((e + 0.5 - ax) * vx + pv) * il >= 1 && ((e + 0.5 - ax - vx) * nvx + qn) * nil >= 0) xe = e - 1;
      } else {
        const e = Math.floor(Math.min(c1, cn)) - 1;
        if (e >= xs && ((e + 0.5 - ax) * vx + pv) * il >= 1 && ((e + 0.5 - ax - vx) * nvx + qn) * nil >= 0) xs = e + 1;
      }
    }
    // Neither neighbour's test can fire in a row where its projection stays out of [0, 1) at both ends.
    const nearNext = hasNext && (((xs + 0.5 - ax - vx) * nvx + qn) * nil >= 0 || ((xe + 0.5 - ax - vx) * nvx + qn) * nil >= 0);
    const qp = (py + pvy) * pvy;
    const ta = ((xs + 0.5 - ax + pvx) * pvx + qp) * pil;
    const tb = ((xe + 0.5 - ax + pvx) * pvx + qp) * pil;
    const nearPrev = hasPrev && !((ta < 0 && tb < 0) || (ta >= 1 && tb >= 1));
    const trow = hasTex ? ((y + oy) & mask) * size : 0;
    for (let x = xs, i = y * w + xs; x <= xe; x++, i++) {
      const px = x + 0.5 - ax;
      const tr = (px * vx + pv) * il;
      if (tr < 0 && hasPrev) continue;
      const t = tr < 0 ? 0 : tr > 1 ? 1 : tr;
      const ex = px - t * vx;
      const ey = py - t * vy;
      const d2 = ex * ex + ey * ey;
      const r = ar + t * dr;
      if (d2 >= r * r) continue;
      if (nearNext) {
        // Pixel coordinates relative to the joint b and to the next piece's direction.
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
      const outer = 2 * (ag + t * dg) * Math.sqrt(r * r - d2);
      let inner = 0;
      if (hasInner) {
        const ri = ari + t * dri;
        if (d2 < ri * ri) inner = 2 * (agi + t * dgi) * Math.sqrt(ri * ri - d2);
      }
      let kin = kI;
      if (hasTex && inner > 0) {
        kin *= 1 + amp * (data[trow + ((x + ox) & mask)] as number);
        if (kin < 0) kin = 0;
      }
      target[i] = (target[i] as number) + kO * (outer - inner) + kin * inner;
    }
  }
}

/**
 * Warm-up: a few small pieces through every branch of paintPiece, so that V8's first optimisation of it has type
 * feedback for all of them. A first film otherwise reaches the textured, hollow and jointed cases one after the
 * other, each after code optimised without them, and pays a deoptimisation and a recompilation for each.
 */
{
  const w = 16;
  const t = new Float32Array(w * w);
  const tex = new Float32Array(16);
  // Both directions along x, bends both ways. Plain, then hollow and textured with a negative kInner.
  const xy = [2.3, 2.2, 8.2, 5.7, 13.1, 2.6, 7.4, 9.3, 2.5, 13.1];
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < 5; j++) NODES.set([xy[2 * j] as number, xy[2 * j + 1] as number, 1.6 + 0.1 * j, 1.1, pass * 0.9, pass * 0.7], j * NODE);
    K.set([0.31, -0.17, 0.4]);
    for (let k = 0; k < 4; k++) paintPiece(t, w, w, NODES, k, 5, pass ? tex : NO_TEX, pass * 4, 1, 2);
  }
}

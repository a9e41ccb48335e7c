/**
 * Rasterising projected tubes: the chord (mm) of a ray through a tube at a distance delta from its projected axis is
 * g * 2 sqrt(r^2 - delta^2) (tube3d.ts derives r and g from the 3-D section). A polyline's pieces are combined by
 * maximum into scratch planes, so joints are not counted twice, then added to the target with their coefficients
 * and the scratch cleared. Each piece visits only the pixels of each row that its capsule can reach.
 */
import { PIECE, rowSpan, SPAN } from './tube-paint.js';

// Painting straight into a plane, one piece at a time.
export { addTube } from './tube-paint.js';

export interface TubeNode {
  readonly x: number;
  readonly y: number;
  /** Outer half-width (px) and chord factor (mm per px of 2 sqrt(r^2 - delta^2)). */
  readonly r: number;
  readonly g: number;
  /** Inner (marrow) section, 0 when the tube has none. */
  readonly ri: number;
  readonly gi: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Scratch {
  readonly width: number;
  readonly height: number;
  readonly outer: Float32Array;
  readonly inner: Float32Array;
  /** Per row, the x-range drawn since the last flush (lo > hi when none): the flush visits only these. */
  readonly rowLo: Int32Array;
  readonly rowHi: Int32Array;
}

/** Scratch planes for drawing tubes on a w x h plane (outer and inner must start zeroed). */
export function scratch(width: number, height: number, outer: Float32Array, inner: Float32Array): Scratch {
  const rowLo = new Int32Array(height).fill(width);
  const rowHi = new Int32Array(height).fill(-1);
  return { width, height, outer, inner, rowLo, rowHi };
}

export interface TubeTexture {
  readonly data: Float32Array;
  readonly size: number;
  readonly amp: number;
  readonly ox: number;
  readonly oy: number;
}

function grow(box: Box | null, x0: number, y0: number, x1: number, y1: number): Box {
  if (!box) return { x0, y0, x1, y1 };
  box.x0 = Math.min(box.x0, x0);
  box.y0 = Math.min(box.y0, y0);
  box.x1 = Math.max(box.x1, x1);
  box.y1 = Math.max(box.y1, y1);
  return box;
}

/** Draw one polyline into the scratch planes (max-combined). Returns the touched box, or null. */
export function drawTube(sc: Scratch, nodes: readonly TubeNode[], box: Box | null = null): Box | null {
  const { width: w, height: h, outer, inner } = sc;
  for (let k = 0; k + 1 < nodes.length; k++) {
    const a = nodes[k] as TubeNode;
    const b = nodes[k + 1] as TubeNode;
    const rm = Math.max(a.r, b.r);
    const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - rm - 1));
    const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - rm - 1));
    const x1 = Math.min(w - 1, Math.ceil(Math.max(a.x, b.x) + rm + 1));
    const y1 = Math.min(h - 1, Math.ceil(Math.max(a.y, b.y) + rm + 1));
    if (x0 > x1 || y0 > y1) continue;
    box = grow(box, x0, y0, x1, y1);
    const vx = b.x - a.x;
    const vy = b.y - a.y;
    const len2 = vx * vx + vy * vy;
    const len = Math.sqrt(len2);
    const il = len2 > 1e-9 ? 1 / len2 : 0;
    const hasInner = a.ri > 0 || b.ri > 0;
    PIECE.set([a.y, vx, vy, len, rm]);
    for (let y = y0; y <= y1; y++) {
      const py = y + 0.5 - a.y;
      rowSpan(y);
      const spanLo = SPAN[0] as number;
      const spanHi = SPAN[1] as number;
      if (spanLo > spanHi) continue;
      const xs = Math.max(x0, Math.floor(a.x + spanLo - 0.5));
      const xe = Math.min(x1, Math.ceil(a.x + spanHi + 0.5));
      if (xs > xe) continue;
      if (xs < (sc.rowLo[y] as number)) sc.rowLo[y] = xs;
      if (xe > (sc.rowHi[y] as number)) sc.rowHi[y] = xe;
      // t along the piece and the offset from it change linearly across the row: step them.
      const pxs = xs + 0.5 - a.x;
      let tr = (pxs * vx + py * vy) * il;
      const dt = vx * il;
      const ar2 = a.r;
      const drr = b.r - a.r;
      const ag = a.g;
      const dg = b.g - a.g;
      let i = y * w + xs;
      let px = pxs;
      for (let x = xs; x <= xe; x++, i++, px += 1, tr += dt) {
        const t = tr < 0 ? 0 : tr > 1 ? 1 : tr;
        const ex = px - t * vx;
        const ey = py - t * vy;
        const d2 = ex * ex + ey * ey;
        const r = ar2 + t * drr;
        const rr = r * r;
        if (d2 >= rr) continue;
        const to = 2 * (ag + t * dg) * Math.sqrt(rr - d2);
        if (to > (outer[i] as number)) outer[i] = to;
        if (hasInner) {
          const ri = a.ri + t * (b.ri - a.ri);
          if (d2 < ri * ri) {
            const ti = 2 * (a.gi + t * (b.gi - a.gi)) * Math.sqrt(ri * ri - d2);
            if (ti > (inner[i] as number)) inner[i] = ti;
          }
        }
      }
    }
  }
  return box;
}

/**
 * target += kOuter * (outer - inner) + kInner * inner * (1 + amp * tex), then the scratch is cleared inside the
 * box. `tex` (optional, zero-mean, tiled) textures the marrow: trabecular bone is not uniform.
 */
export function flushTube(sc: Scratch, box: Box, target: Float32Array, kOuter: number, kInner: number, tex?: TubeTexture): void {
  const { width: w, outer, inner, rowLo, rowHi } = sc;
  const mask = tex ? tex.size - 1 : 0;
  for (let y = box.y0; y <= box.y1; y++) {
    const xa = rowLo[y] as number;
    const xb = rowHi[y] as number;
    if (xa > xb) continue;
    rowLo[y] = w;
    rowHi[y] = -1;
    const trow = tex ? ((y + tex.oy) & mask) * tex.size : 0;
    for (let x = xa, i = y * w + xa; x <= xb; x++, i++) {
      const o = outer[i] as number;
      if (o === 0) continue;
      const n = inner[i] as number;
      let kin = kInner;
      if (tex && n > 0) {
        kin *= 1 + tex.amp * (tex.data[trow + ((x + tex.ox) & mask)] as number);
        if (kin < 0) kin = 0;
      }
      target[i] = (target[i] as number) + kOuter * (o - n) + kin * n;
      outer[i] = 0;
      inner[i] = 0;
    }
  }
}

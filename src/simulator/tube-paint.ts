/**
 * Painting tubes straight into a plane (addTube), and the rows a piece's capsule reaches (rowSpan, used by tubes.ts's
 * scratch-plane drawing). Apart from tubes.ts to keep both files short.
 */
import { paintTube } from './tube-memory.js';
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
 * reach (the outside of a bend), and the first and last pieces their outer caps. The painter is WebAssembly
 * (assembly/tube-paint.ts, by way of tube-memory.ts); a film's planes live in its memory (filmPlanes).
 */
export function addTube(sc: Scratch, nodes: readonly TubeNode[], target: Float32Array, kOuter: number, kInner = kOuter, tex?: TubeTexture): void {
  paintTube(target, sc.width, sc.height, nodes, kOuter, kInner, tex);
}

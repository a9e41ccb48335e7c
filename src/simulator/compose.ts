import { DELTA } from './attenuation.js';
import type { Frame } from './geometry.js';

/** Rows of a plane computed on demand: row(y, out) writes row y into `out` (length = film width). */
export interface RowSource {
  row(y: number, out: Float32Array): void;
}

/**
 * The full-resolution line-integral map, row by row (the exposure reads it as it
 * goes, so the map is never stored): the coarse soft-tissue plane (drawn untilted, `C` times smaller) is sampled bilinearly through the patient's in-plane tilt, then the fine planes are added: bone and devices as they
 * are, pulmonary vessels as blood replacing lung, in proportion to how much lung the ray crosses there (a vessel
 * cannot be denser than the lung it sits in, and none shows behind the liver or outside the lungs).
 *
 * A class, not a closure per film: V8 keeps one optimised copy of a class method across films, whereas a fresh
 * closure each film starts cold (interpreted, every intermediate double boxed on the heap).
 */
export class Composer implements RowSource {
  private readonly w: number;
  private readonly ic: number;
  private readonly maxX: number;
  private readonly maxY: number;
  private readonly cw: number;
  private readonly S: Float32Array;
  private readonly A: Float32Array;

  constructor(
    private readonly f: Frame,
    C: number,
    coarse: { readonly S: Float32Array; readonly A: Float32Array; readonly width: number; readonly height: number },
    private readonly B: Float32Array,
    private readonly V: Float32Array,
  ) {
    this.w = f.width;
    this.ic = 1 / C;
    this.cw = coarse.width;
    this.maxX = coarse.width - 1.001;
    this.maxY = coarse.height - 1.001;
    this.S = coarse.S;
    this.A = coarse.A;
  }

  row(y: number, out: Float32Array): void {
    const { f, S, A, B, V } = this;
    // Numbers read from objects are coerced (+, | 0): V8 otherwise may keep the loop's values boxed on the heap.
    const w = this.w | 0;
    const cw = this.cw | 0;
    const ic = +this.ic;
    const maxX = +this.maxX;
    const maxY = +this.maxY;
    const kV = +DELTA.blood;
    const cosT = +f.cosT;
    const sinT = +f.sinT;
    const cx = +f.cx;
    const cy = +f.cy;
    const du = cosT;
    const dv = -sinT;
    const dy = y + 0.5 - cy;
    let u = cx + cosT * (0.5 - cx) + sinT * dy;
    let v = cy - sinT * (0.5 - cx) + cosT * dy;
    for (let x = 0, i = y * w; x < w; x++, i++, u += du, v += dv) {
      let qx = u * ic - 0.5;
      let qy = v * ic - 0.5;
      qx = qx < 0 ? 0 : qx > maxX ? maxX : qx;
      qy = qy < 0 ? 0 : qy > maxY ? maxY : qy;
      const x0 = qx | 0;
      const y0 = qy | 0;
      const fx = qx - x0;
      const fy = qy - y0;
      const j = y0 * cw + x0;
      const s = ((S[j] as number) * (1 - fx) + (S[j + 1] as number) * fx) * (1 - fy) + ((S[j + cw] as number) * (1 - fx) + (S[j + cw + 1] as number) * fx) * fy;
      let o = s + (B[i] as number);
      const vv = V[i] as number;
      if (vv !== 0) {
        const a = ((A[j] as number) * (1 - fx) + (A[j + 1] as number) * fx) * (1 - fy) + ((A[j + cw] as number) * (1 - fx) + (A[j + cw + 1] as number) * fx) * fy;
        o += kV * vv * (a > 25 ? 1 : a / 25);
      }
      out[x] = o;
    }
  }
}

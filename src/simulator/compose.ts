import { DELTA } from './attenuation.js';
import type { Frame } from './geometry.js';

/**
 * The full-resolution line-integral map, row by row (the exposure reads it as it goes, so the map is never stored): the coarse soft-tissue plane (drawn untilted, `C` times smaller) is
 * sampled bilinearly through the patient's in-plane tilt, then the fine planes are added: bone and devices as they
 * are, pulmonary vessels as blood replacing lung, in proportion to how much lung the ray crosses there (a vessel
 * cannot be denser than the lung it sits in, and none shows behind the liver or outside the lungs).
 */
/** Returns a function that writes row y of the line-integral map into `out` (length = film width). */
export function composer(
  f: Frame,
  C: number,
  coarse: { readonly S: Float32Array; readonly A: Float32Array; readonly width: number; readonly height: number },
  B: Float32Array,
  V: Float32Array,
): (y: number, out: Float32Array) => void {
  const w = f.width;
  const { S, A, width: cw, height: ch } = coarse;
  const ic = 1 / C;
  const maxX = cw - 1.001;
  const maxY = ch - 1.001;
  const kV = DELTA.blood;
  const du = f.cosT;
  const dv = -f.sinT;
  return (y, out) => {
    const dy = y + 0.5 - f.cy;
    let u = f.cx + f.cosT * (0.5 - f.cx) + f.sinT * dy;
    let v = f.cy - f.sinT * (0.5 - f.cx) + f.cosT * dy;
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
  };
}

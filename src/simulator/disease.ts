import type { FindingPlan } from './findings.js';
import { flatX, flatY, mag, type Frame } from './geometry.js';
import type { Mediastinum } from './mediastinum.js';
import { lungSpan, sideSign, type ThoraxModel } from './thorax.js';
import { tubeNodes, type TubePoint } from './tube3d.js';
import { addTube, type Scratch } from './tubes.js';

/**
 * Common disease on the coarse lung plane, as the share of the lung's air it replaces (fluid or oedema is
 * water-dense): a pleural effusion fills the posterior costophrenic recess first and, erect, climbs the lateral
 * chest wall as a meniscus (the costophrenic angle blunts, the dome's outline is lost under it: silhouette sign);
 * oedema fills the perihilar lung symmetrically, blurring the vessels. Discoid atelectasis is a few thin
 * horizontal bands in a lower zone (Felson, ch. 8 and 13; Fraser and Pare, ch. 4).
 */
export function applyDisease(fc: Frame, m: ThoraxModel, md: Mediastinum, plan: FindingPlan, A: Float32Array): void {
  const { width: w, height: h } = fc;
  const k = fc.s * mag(fc, 0);
  const eff = plan.effusion;
  if (eff) {
    const side = eff.side;
    const sg = sideSign(side);
    const cp = m.cpY[side] as number;
    const ramp = 6 * m.sz;
    for (let y = 0; y < h; y++) {
      const Y = fc.Y0 + (y + 0.5 - fc.cy) / k;
      if (Y < cp - eff.heightMm * 1.4 - ramp) continue;
      const lat = lungSpan(m, side, Math.min(Y, cp))[1];
      for (let x = 0, i = y * w; x < w; x++, i++) {
        if ((A[i] as number) <= 0) continue;
        const X = fc.X0 + (x + 0.5 - fc.cx) / k;
        if (X * sg <= 0) continue;
        const u = Math.min(1, Math.max(0, (X * sg) / lat));
        // Level of the fluid: lowest medially, highest against the lateral wall (the meniscus).
        const level = cp - eff.heightMm * (0.35 + 1.05 * u * u * u);
        const f = Math.min(1, Math.max(0, (Y - level) / ramp));
        if (f > 0) A[i] = (A[i] as number) * (1 - f * f * (3 - 2 * f));
      }
    }
  }
  if (plan.haze > 0) {
    const hz = plan.haze;
    for (const side of [0, 1] as const) {
      const hl = md.hilum[side];
      const cx = flatX(fc, hl.X + sideSign(side) * 25 * m.sz, 0);
      const cy = flatY(fc, hl.Y + 20 * m.sz, 0);
      const sx = 65 * m.sz * k;
      const sy = 90 * m.sz * k;
      for (let y = Math.max(0, Math.floor(cy - 3 * sy)); y < Math.min(h, Math.ceil(cy + 3 * sy)); y++) {
        for (let x = Math.max(0, Math.floor(cx - 3 * sx)); x < Math.min(w, Math.ceil(cx + 3 * sx)); x++) {
          const i = y * w + x;
          if ((A[i] as number) <= 0) continue;
          const q = ((x - cx) / sx) ** 2 + ((y - cy) / sy) ** 2;
          A[i] = (A[i] as number) * (1 - hz * Math.exp(-q));
        }
      }
    }
  }
}

/** Discoid atelectasis: short, slightly curved horizontal bands of collapsed lung in a lower zone. */
export function drawAtelectasis(f: Frame, m: ThoraxModel, plan: FindingPlan, sc: Scratch, V: Float32Array): void {
  const at = plan.atelectasis;
  if (!at) return;
  const sg = sideSign(at.side);
  for (let j = 0; j < at.lines; j++) {
    const Y = (m.domeTop[at.side] as number) - (18 + 22 * j) * m.sz;
    const [med, lat] = lungSpan(m, at.side, Y);
    const x0 = med + (0.3 + 0.15 * j) * (lat - med);
    const len = (35 + 15 * j) * m.sz;
    const pts: TubePoint[] = [];
    for (let t = 0; t <= 1.0001; t += 0.1) pts.push({ X: sg * (x0 + len * t), Y: Y + 4 * Math.sin(Math.PI * t) - 3 * t, Z: m.cavityZ(Y), r: 1.4 * m.sz * (0.5 + 0.5 * Math.sin(Math.PI * t)) });
    addTube(sc, tubeNodes(f, pts, 0, 1.5), V, 3);
  }
}

import { DELTA, MU } from './attenuation.js';
import type { FindingPlan } from './findings.js';
import { flatX, flatY, mag, project, type Frame } from './geometry.js';
import type { Mediastinum } from './mediastinum.js';
import { addSuperEllipsoid } from './raster.js';
import { lungSpan, sideSign, type ThoraxModel } from './thorax.js';
import { tubeNodes, type TubePoint } from './tube3d.js';
import { addTube, type Scratch } from './tubes.js';

/**
 * Normal variants and incidental findings that are not devices: a calcified granuloma (a small dense nodule),
 * fissures seen edge-on (the minor fissure, and the azygos fissure with the vein at its foot), nipple shadows and a
 * calcified aortic knob. Pleural fissures are four layers of pleura; only where the beam runs along them do they
 * add up to a fine line, so they are drawn as thin soft-tissue lines in the lung that fade at their ends.
 */
export function drawLesionsFine(f: Frame, m: ThoraxModel, md: Mediastinum, plan: FindingPlan, sc: Scratch, B: Float32Array, V: Float32Array): void {
  const sz = m.sz;
  if (plan.granuloma) {
    const g = plan.granuloma;
    const sg = sideSign(g.side);
    const Y = m.apexY[g.side] + g.fy * (m.domeTop[g.side] - m.apexY[g.side]);
    const [med, lat] = lungSpan(m, g.side, Y);
    const X = sg * (med + g.fx * (lat - med));
    const Z = m.cavityZ(Y);
    const q = project(f, X, Y, Z);
    const k = f.s * mag(f, Z);
    const r = g.rMm * sz;
    addSuperEllipsoid({ data: B, width: f.width, height: f.height }, { cx: q.x, cy: q.y, a: r * k, b: r * 0.9 * k, c: r * k, angle: 0.3, k: (DELTA.cortical * 0.9) / k });
  }
  const line = (pts: TubePoint[], kChord: number): void => addTube(sc, tubeNodes(f, pts, 0, 1.5), V, kChord);
  if (plan.minorFissure) {
    // Horizontal fissure: from the right hilum to the lateral chest wall at about the fourth anterior rib.
    const y0 = md.hilum[0].Y - 6 * sz;
    const lat = lungSpan(m, 0, y0)[1];
    const pts: TubePoint[] = [];
    for (let t = 0; t <= 1.0001; t += 0.05) {
      const X = -(50 * sz + (lat - 56 * sz) * t);
      pts.push({ X, Y: y0 + 8 * sz * t * t + 2.5 * Math.sin(6 * t), Z: m.cavityZ(y0) + 10, r: 0.35 * (0.4 + 0.6 * Math.sin(Math.PI * Math.min(1, t * 1.15))) });
    }
    line(pts, 2.2);
  }
  if (plan.azygos) {
    // Azygos fissure: a fine curve from the apex down and in, ending in the vein's teardrop above the right hilum.
    const top = m.apexY[0] + 12 * sz;
    const foot = { X: -18 * sz, Y: m.carinaY - 20 * sz };
    const pts: TubePoint[] = [];
    for (let t = 0; t <= 1.0001; t += 0.05) {
      pts.push({ X: foot.X - (40 * sz) * Math.sin(Math.PI * 0.9 * (1 - t)) - 8 * sz * (1 - t), Y: top + (foot.Y - top) * t, Z: -10, r: 0.4 });
    }
    line(pts, 2.5);
    line([{ X: foot.X - 2, Y: foot.Y - 4, Z: -10, r: 3 }, { X: foot.X, Y: foot.Y + 4, Z: -10, r: 5 }], 1);
  }
  if (plan.knobCalcification) {
    const kn = md.knob;
    const pts: TubePoint[] = [];
    for (let t = -1.2; t <= 0.9; t += 0.1) pts.push({ X: kn.X + kn.r * 0.95 * Math.cos(t), Y: kn.Y + kn.r * 0.95 * Math.sin(t), Z: -30, r: 0.7 });
    addTube(sc, tubeNodes(f, pts), B, DELTA.cortical * 0.7);
  }
}

/** Nipple shadows on the coarse soft-tissue plane: small, round, sharp below and laterally, fading above. */
export function drawNipples(fc: Frame, m: ThoraxModel, breast: number, S: Float32Array): void {
  for (const side of [0, 1] as const) {
    const sg = sideSign(side);
    const W = m.maxHalfWidth[side] as number;
    const Y = (m.domeTop[side] as number) - (breast > 0.1 ? -10 : 35) * m.sz;
    const Z = m.trunkHalfDepth(Y) + (breast > 0.1 ? 45 * breast : 2);
    const k = fc.s * mag(fc, Z);
    const r = 6.5 * m.sz;
    addSuperEllipsoid({ data: S, width: fc.width, height: fc.height }, {
      cx: flatX(fc, sg * 0.6 * W, Z),
      cy: flatY(fc, Y, Z),
      a: r * k,
      b: r * k,
      c: 5 * k,
      k: MU.muscle / k,
      fadeTop: true,
    });
  }
}

import type { Rng } from '../domain/rng.js';
import { gaussianBlur } from '../imaging/filters.js';
import { normalSource } from './physics.js';
import { DELTA, MU } from './attenuation.js';
import { projX, projY, type Frame } from './frame.js';
import type { PatientParams } from './patient.js';
import {
  accumulateTube,
  addHollowSuperEllipsoid,
  addRadialBlob,
  addSuperEllipsoid,
  fillPolygon,
  rasterTubesMax,
  type Canvas,
} from './raster.js';
import type { Skeleton } from './skeleton.js';
import { DOME_EXP, lungSpan, sideSign, type ThoraxModel } from './thorax.js';
import { tubeSegments, type TubePoint } from './tube3d.js';

/**
 * Rasterises the phantom into the attenuation line-integral map sum(mu_i * t_i): a water-equivalent body, minus
 * the lung air fraction (cavity thickness less whatever the mediastinum occupies), plus vessels (capped by the lung
 * they displace), airways and gastric gas, plus bone as a delta over water.
 */
export function renderPhantom(
  f: Frame,
  m: ThoraxModel,
  p: PatientParams,
  skel: Skeleton,
  vessels: readonly TubePoint[][],
  rng: Rng,
  planes: readonly [Float32Array, Float32Array, Float32Array, Float32Array],
): Float32Array {
  const { width: w, height: h, s } = f;
  // Four zeroed full-size planes from the caller: line integral, lung thickness, mediastinum, scratch.
  const [L, lung, med, tmpA] = planes;
  const cv: Canvas = { data: L, width: w, height: h };
  const sz = p.size;

  const muW = MU.water;
  // Body: an elliptical cross-section per row (half-widths differ left/right, as real bodies do).
  for (let y = 0; y < h; y++) {
    const Y = (y + 0.5 - f.oy) / s;
    const cx = m.bodyCx(Y);
    const iR = 1 / m.bodyHalfWidth[0](Y);
    const iL = 1 / m.bodyHalfWidth[1](Y);
    const k2 = 2 * m.bodyHalfDepth(Y) * muW;
    const xa = Math.max(0, Math.floor(f.ox + (cx - 1 / iR) * s));
    const xb = Math.min(w - 1, Math.ceil(f.ox + (cx + 1 / iL) * s));
    const x0mm = (0.5 - f.ox) / s - cx;
    const row = y * w;
    const invS = 1 / s;
    for (let x = xa; x <= xb; x++) {
      const X = x0mm + x * invS;
      const u = X < 0 ? X * iR : X * iL;
      const q = 1 - u * u;
      if (q > 0) L[row + x] = k2 * Math.sqrt(q);
    }
  }
  const water = MU.water / s;
  for (const side of [0, 1] as const) {
    const sg = sideSign(side);
    const W = m.bodyHalfWidth[side]((m.shoulderY[side] as number) + 80);
    // Upper arms beside the chest, pectoral muscles / axillary folds over the upper lateral chest.
    addSuperEllipsoid(cv, { cx: projX(f, sg * (W + 38 * sz), 0), cy: projY(f, (m.shoulderY[side] as number) + 150 * sz, 0), a: 40 * sz * s, b: 170 * sz * s, c: 42 * sz * s, k: water });
    addSuperEllipsoid(cv, { cx: projX(f, sg * (W - 75 * sz), 60), cy: projY(f, (m.shoulderY[side] as number) + 62 * sz, 60), a: 85 * sz * s, b: 42 * sz * s, c: 9 * sz * s, angle: -sg * 0.45, k: water });
    if (p.breastShadows) {
      const by = m.domeTop[side] + (-8 + 14 * rng.next()) * sz;
      const bx = sg * (0.66 + 0.08 * rng.next()) * (m.maxHalfWidth[side] as number);
      const bs = (0.85 + 0.35 * rng.next()) * sz;
      addSuperEllipsoid(cv, {
        cx: projX(f, bx, 110),
        cy: projY(f, by, 110),
        a: 70 * bs * s,
        b: 60 * bs * s,
        c: 24 * bs * s,
        angle: sg * 0.15,
        k: (MU.fat * 0.6 + MU.softTissue * 0.4) / s,
        fadeTop: true,
      });
    }
  }

  // Pleural cavities, in mm of lung thickness.
  const domeCol = new Float32Array(w);
  let lx0 = w;
  let lx1 = -1;
  let ly0 = h;
  let ly1 = -1;
  // Look-up tables for the two fractional powers in the inner loop (Math.pow per pixel dominated the render time).
  const LUT = 1024;
  const profile = new Float32Array(LUT + 2);
  const domeLoss = new Float32Array(LUT + 2);
  for (let i = 0; i <= LUT + 1; i++) {
    const u = Math.min(1, i / LUT);
    profile[i] = Math.sqrt(1 - Math.pow(u, 2.6));
    domeLoss[i] = Math.pow(u, DOME_EXP);
  }
  for (const side of [0, 1] as const) {
    const sg = sideSign(side);
    for (let x = 0; x < w; x++) domeCol[x] = m.domeY(side, Math.abs((x + 0.5 - f.ox) / s));
    const apY = m.apexY[side] as number;
    const invRecess = 1 / m.recessMm;
    const y0 = Math.max(0, Math.floor(projY(f, apY, 0)));
    const y1 = Math.min(h - 1, Math.ceil(projY(f, m.lungBottomY, 0)));
    for (let y = y0; y <= y1; y++) {
      const Y = (y + 0.5 - f.oy) / s;
      const [med, lat] = lungSpan(m, side, Y);
      if (lat <= med) continue;
      const mid = (med + lat) / 2;
      const ihalf = 2 / (lat - med);
      const D2 = 2 * m.cavityHalfDepth(Y);
      const xa = Math.max(0, Math.floor(f.ox + sg * (sg < 0 ? lat : med) * s));
      const xb = Math.min(w - 1, Math.ceil(f.ox + sg * (sg < 0 ? med : lat) * s));
      if (xa <= xb) {
        lx0 = Math.min(lx0, xa);
        lx1 = Math.max(lx1, xb);
        ly0 = Math.min(ly0, y);
        ly1 = Math.max(ly1, y);
      }
      for (let x = xa; x <= xb; x++) {
        const ax = ((x + 0.5 - f.ox) / s) * sg;
        const u = Math.abs(ax - mid) * ihalf * LUT;
        if (u >= LUT) continue;
        const ui = u | 0;
        let t = D2 * ((profile[ui] as number) + ((profile[ui + 1] as number) - (profile[ui] as number)) * (u - ui));
        const dy = Y - (domeCol[x] as number);
        if (dy > 0) {
          const q = dy * invRecess;
          if (q >= 1) continue;
          const qi = q * LUT;
          const k = qi | 0;
          t -= D2 * ((domeLoss[k] as number) + ((domeLoss[k + 1] as number) - (domeLoss[k] as number)) * (qi - k));
        }
        if (t > 0) lung[y * w + x] = (lung[y * w + x] as number) + t;
      }
    }
  }

  // Mediastinum (mm of soft tissue that displaces lung): heart, aortic knob, descending aorta.
  const mcv: Canvas = { data: med, width: w, height: h };
  const hr = m.heart;
  const radii = new Float32Array(hr.radii.length);
  for (let i = 0; i < radii.length; i++) radii[i] = (hr.radii[i] as number) * s;
  addRadialBlob(mcv, { cx: projX(f, hr.cx, hr.z), cy: projY(f, hr.cy, hr.z), radii, c: hr.halfDepth * s, k: 1 / s });
  const kn = m.knob;
  addSuperEllipsoid(mcv, { cx: projX(f, kn.x, -10), cy: projY(f, kn.y, -10), a: kn.a * s, b: kn.b * s, c: 20 * sz * s, k: 1 / s });
  // Main pulmonary artery segment: fills the "waist" between the knob and the left atrial appendage.
  addSuperEllipsoid(mcv, { cx: projX(f, (30 + 4 * rng.next()) * sz, 20), cy: projY(f, m.carinaY + 24 * sz, 20), a: 14 * sz * s, b: 24 * sz * s, c: 22 * sz * s, angle: 0.25, k: 1 / s });
  const spine = (Y: number): number => m.spineX(Y);
  const rAo = (11 + 2 * Math.max(0, (p.age - 50) / 35)) * sz;
  const ao: TubePoint[] = [
    { X: kn.x - 2 * sz, Y: kn.y + 6 * sz, Z: -25, r: rAo },
    { X: spine(m.yT(7)) + 22 * sz, Y: m.yT(7), Z: -45, r: rAo },
    { X: spine(m.yT(11)) + 14 * sz, Y: m.yT(12), Z: -50, r: rAo * 0.95 },
  ];

  const boxAo = rasterTubesMax(w, h, tubeSegments(f, ao), 1, tmpA, null, 0);
  if (boxAo) accumulateTube(mcv, boxAo, tmpA, null, 1 / s, 0);
  // Vessels: blood replaces lung, so the chord can never exceed the lung thickness along that ray.
  for (const v of vessels) rasterTubesMax(w, h, tubeSegments(f, v), 1, tmpA, null, 0);
  // Parenchymal texture: the sum of countless sub-resolution vessels and lobules is a correlated random field
  // modulating the local air fraction by a few percent; generated on a coarse grid and interpolated.
  const TF = 4;
  const tex = lowPassNoise(Math.ceil(w / TF), Math.ceil(h / TF), 1.4, rng.fork('texture'));
  const tw = Math.ceil(w / TF);
  const th = Math.ceil(h / TF);
  // The heart rests on the diaphragm: below the dome line only the posterior recess is left, which it does not fill.
  const domeAll = new Float32Array(w);
  for (let x = 0; x < w; x++) {
    const X = (x + 0.5 - f.ox) / s;
    domeAll[x] = projY(f, m.domeY(X < 0 ? 0 : 1, Math.abs(X)), 0);
  }
  const dLung = DELTA.lung;
  const dBlood = DELTA.blood;
  const invS = 1 / s;
  for (let y = ly0; y <= ly1; y++) {
    const gy = Math.min(Math.max((y + 0.5) / TF - 0.5, 0), th - 1.001);
    const gy0 = Math.floor(gy);
    const fy = gy - gy0;
    for (let x = lx0, i = y * w + lx0; x <= lx1; x++, i++) {
      const lt0 = lung[i] as number;
      if (lt0 <= 0) continue;
      const lt = lt0 - (y + 0.5 > (domeAll[x] as number) ? 0 : (med[i] as number));
      if (lt <= 0) continue;
      const gx = Math.min(Math.max((x + 0.5) / TF - 0.5, 0), tw - 1.001);
      const gx0 = Math.floor(gx);
      const fx = gx - gx0;
      const g = gy0 * tw + gx0;
      const tx =
        ((tex[g] as number) * (1 - fx) + (tex[g + 1] as number) * fx) * (1 - fy) +
        ((tex[g + tw] as number) * (1 - fx) + (tex[g + tw + 1] as number) * fx) * fy;
      const vt = (tmpA[i] as number) * invS;
      L[i] = (L[i] as number) + dLung * lt * (1 + 0.016 * tx) + dBlood * (vt < lt ? vt : lt);
    }
  }
  // Spent planes become the bone scratch pair.
  tmpA.fill(0);
  const tmpB = med;
  tmpB.fill(0);

  // Airways and gas.
  const air = DELTA.air;
  const cy = m.carinaY;
  const airways: TubePoint[][] = [
    [
      { X: 0, Y: -40, Z: 15, r: 8.5 * sz },
      { X: m.spineX(m.yT(1)) - 1, Y: m.yT(1), Z: 10, r: 9.2 * sz },
      { X: -3 * sz, Y: cy - 25, Z: 5, r: 9 * sz },
      { X: -1 * sz, Y: cy, Z: 0, r: 7.5 * sz },
    ],
    [
      { X: -1 * sz, Y: cy, Z: 0, r: 6.8 * sz },
      { X: -24 * sz, Y: cy + 18 * sz, Z: 0, r: 6.3 * sz },
      { X: -32 * sz, Y: cy + 40 * sz, Z: -5, r: 4.8 * sz },
    ],
    [
      { X: -1 * sz, Y: cy, Z: 0, r: 6.3 * sz },
      { X: 24 * sz, Y: cy + 20 * sz, Z: 0, r: 5.8 * sz },
      { X: 42 * sz, Y: cy + 38 * sz, Z: -5, r: 4.6 * sz },
    ],
  ];
  for (const a of airways) {
    const box = rasterTubesMax(w, h, tubeSegments(f, a), 1, tmpA, null, 0);
    if (box) accumulateTube(cv, box, tmpA, null, air / s, 0);
  }
  const gx = (62 + 25 * rng.next()) * sz;
  const ga = (20 + 14 * rng.next()) * sz;
  const gb = (13 + 9 * rng.next()) * sz;
  const gy = m.domeY(1, gx) + 7 * sz + gb;
  // Fundal gas under the left dome; the air-fluid level is flat whatever the patient's tilt (gravity).
  addSuperEllipsoid(cv, {
    cx: projX(f, gx, 20),
    cy: projY(f, gy, 20),
    a: ga * s,
    b: gb * s,
    c: (22 + 12 * rng.next()) * sz * s,
    angle: 0.15 * rng.normal(),
    k: air / s,
    clipY: projY(f, gy + gb * (0.3 + 0.5 * rng.next()), 20),
  });
  const nGas = rng.int(4);
  for (let i = 0; i < nGas; i++) {
    const X = (95 + 35 * rng.next()) * sz;
    const Y = m.domeTop[1] + (40 + 60 * rng.next()) * sz;
    const r = (6 + 7 * rng.next()) * sz;
    addSuperEllipsoid(cv, { cx: projX(f, X, 30), cy: projY(f, Y, 30), a: r * 1.6 * s, b: r * 0.8 * s, c: r * 0.35 * s, angle: rng.normal() * 0.5, k: air / s });
  }

  // Bones.
  for (const t of skel.tubes) {
    const box = rasterTubesMax(w, h, t.segs, 1, tmpA, tmpB, t.cortexPx);
    if (box) accumulateTube(cv, box, tmpA, tmpB, t.kCortex, t.kMarrow);
  }
  for (const sh of skel.shells) addHollowSuperEllipsoid(cv, sh.e, sh.shellPx, sh.kInner);
  for (const pl of skel.plates) fillPolygon(cv, pl.pts, pl.value);
  return L;
}

/** Unit-variance correlated noise on a w x h grid: white Gaussian noise blurred by `sigma` cells, renormalised. */
function lowPassNoise(w: number, h: number, sigma: number, rng: Rng): Float32Array {
  const g = new Float32Array(w * h);
  const gauss = normalSource(rng);
  for (let i = 0; i < g.length; i++) g[i] = gauss();
  gaussianBlur(g, w, h, sigma);
  let v = 0;
  for (let i = 0; i < g.length; i++) v += (g[i] as number) ** 2;
  const k = 1 / Math.sqrt(v / g.length || 1);
  for (let i = 0; i < g.length; i++) g[i] = (g[i] as number) * k;
  return g;
}

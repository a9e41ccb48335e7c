import type { Rng } from '../domain/index.js';
import { MU } from './attenuation.js';
import { flatX, flatY, mag, type Frame } from './geometry.js';
import type { PatientParams } from './patient.js';
import { addSuperEllipsoid, type Canvas } from './raster.js';
import { sideSign, type ThoraxModel } from './thorax.js';
import { tubeNodes } from './tube3d.js';
import { rasterKernels } from './film-kernels.js';
import { assertInFilm, ScratchArena, type FilmPlanes } from './tube-memory.js';
import { addTube, type Scratch } from './tubes.js';

/**
 * The soft tissues outside the pleural cavities, drawn on the coarse plane (they have no fine detail): the trunk as a
 * rounded cross-section per row with a subcutaneous fat layer under the skin (the darker stripe along the lateral
 * chest wall), the arms as fat-sheathed cylinders, the pectoral muscles (the anterior axillary fold), and breasts
 * whose lower margin is crisp while they merge into the chest above.
 */
export interface ArmPose {
  /** Humeral head centre and elbow, mm, per side. */
  readonly shoulder: readonly [{ X: number; Y: number; Z: number }, { X: number; Y: number; Z: number }];
  readonly elbow: readonly [{ X: number; Y: number; Z: number }, { X: number; Y: number; Z: number }];
}

/** Where the arms go: akimbo and rolled forward for a PA film; by the side on a portable AP film. */
export function armPose(m: ThoraxModel, p: PatientParams, ap: boolean, rng: Rng): ArmPose {
  const sz = m.sz;
  const out = ap ? rng.range(-5, 20) : rng.range(90, 160);
  const mk = (side: 0 | 1): { sh: { X: number; Y: number; Z: number }; el: { X: number; Y: number; Z: number } } => {
    const sg = sideSign(side);
    const W = m.maxHalfWidth[side] as number;
    const sh = { X: sg * (W + (42 - 10 * p.protraction) * sz), Y: (m.shoulderY[side] as number) + 34 * sz, Z: (-22 + 14 * p.protraction) * sz };
    const el = { X: sg * (W + (48 + out) * sz), Y: sh.Y + 270 * sz, Z: (ap ? -30 : -60) * sz };
    return { sh, el };
  };
  const r = mk(0);
  const l = mk(1);
  return { shoulder: [r.sh, l.sh], elbow: [r.el, l.el] };
}

const PROFILE_LUT = 1024;
function profileTable(pw: number): Float32Array {
  const t = new Float32Array(PROFILE_LUT + 2);
  for (let i = 0; i <= PROFILE_LUT + 1; i++) t[i] = Math.sqrt(Math.max(0, 1 - Math.min(1, i / PROFILE_LUT) ** pw));
  return t;
}

/** Bytes of the film's scratch the trunk takes (its profile table). */
export const TRUNK_SCRATCH_BYTES = ScratchArena.bytes(PROFILE_LUT + 2, 4);

/**
 * Trunk: per coarse row, muscle core and fat shell with a superelliptic (boxy) section. Adds to `S`, one of the
 * film's planes, row by row in WebAssembly (film-kernels.ts trunkRow).
 */
export function drawTrunk(fc: Frame, m: ThoraxModel, p: PatientParams, S: Float32Array, planes: FilmPlanes): void {
  assertInFilm(planes, 'drawTrunk', S);
  const { width: w, height: h } = fc;
  const prof = new ScratchArena(planes).f32(PROFILE_LUT + 2);
  prof.set(profileTable(2.4));
  const kern = rasterKernels(planes.memory);
  const k = fc.s * mag(fc, 0);
  const fat = p.fatMm * m.sz;
  for (let y = 0; y < h; y++) {
    const Y = fc.Y0 + (y + 0.5 - fc.cy) / k;
    const cx = m.trunkCx(Y);
    const hwR = m.trunkHalfWidth[0](Y);
    const hwL = m.trunkHalfWidth[1](Y);
    const hd = m.trunkHalfDepth(Y);
    const fR = Math.min(fat, 0.4 * hwR);
    const fL = Math.min(fat, 0.4 * hwL);
    const fd = Math.min(fat * 0.7, 0.4 * hd);
    const xa = Math.max(0, Math.floor(fc.cx + (cx - hwR - fc.X0) * k));
    const xb = Math.min(w - 1, Math.ceil(fc.cx + (cx + hwL - fc.X0) * k));
    kern.trunkRow(S.byteOffset, y * w, xa, xb, fc.X0, fc.cx, k, cx, hwL, hwR, hd, fd, fL, fR, prof.byteOffset, PROFILE_LUT, MU.fat, MU.muscle - MU.fat);
  }
}

/** Arms (fat-sheathed muscle cylinders), pectoral muscles and breasts. Adds to `S`. */
export function drawLimbsAndBreasts(fc: Frame, m: ThoraxModel, p: PatientParams, pose: ArmPose, ap: boolean, sc: Scratch, S: Float32Array, rng: Rng): void {
  const sz = m.sz;
  const cv: Canvas = { data: S, width: fc.width, height: fc.height };
  for (const side of [0, 1] as const) {
    const sg = sideSign(side);
    const sh = pose.shoulder[side];
    const el = pose.elbow[side];
    const rArm = (35 + 0.7 * p.fatMm) * sz;
    const pts = [
      { X: sh.X + sg * 4 * sz, Y: sh.Y + 10 * sz, Z: sh.Z, r: rArm * 0.95, rb: rArm, nx: 0, ny: 0, nz: 1 },
      { X: (sh.X + el.X) / 2, Y: (sh.Y + el.Y) / 2, Z: (sh.Z + el.Z) / 2, r: rArm, rb: rArm * 1.05, nx: 0, ny: 0, nz: 1 },
      { X: el.X, Y: el.Y, Z: el.Z, r: rArm * 0.8, rb: rArm * 0.8 },
    ];
    addTube(sc, tubeNodes(fc, pts, p.fatMm * 0.8 * sz), S, MU.fat, MU.muscle);
    // Pectoralis major: a flat slab over the upper chest ending in the anterior axillary fold.
    const W = m.maxHalfWidth[side] as number;
    const pec = (p.sex === 'male' ? 14 : 9) * sz * (0.7 + 0.6 * rng.next());
    const Zp = m.trunkHalfDepth((m.shoulderY[side] as number) + 70) * 0.85;
    addSuperEllipsoid(cv, {
      cx: flatX(fc, sg * 0.62 * W, Zp),
      cy: flatY(fc, (m.shoulderY[side] as number) + 66 * sz, Zp),
      a: 78 * sz * fc.s * mag(fc, Zp),
      b: 44 * sz * fc.s * mag(fc, Zp),
      c: pec * fc.s * mag(fc, Zp),
      angle: sg * 0.5,
      k: MU.muscle / (fc.s * mag(fc, Zp)),
    });
    if (p.breast > 0.02) {
      const bs = (0.6 + 0.6 * p.breast) * sz;
      const Zb = m.trunkHalfDepth(m.domeTop[side] as number) + 20 * bs;
      const k = fc.s * mag(fc, Zb);
      const bx = sg * (0.6 + (ap ? 0.18 : 0.06) + 0.05 * rng.next()) * W;
      const by = (m.domeTop[side] as number) + (ap ? -20 : 5 + 20 * p.breast + 8 * rng.normal()) * sz;
      addSuperEllipsoid(cv, {
        cx: flatX(fc, bx, Zb),
        cy: flatY(fc, by, Zb),
        a: 72 * bs * k,
        b: 64 * bs * k,
        c: (22 + 28 * p.breast) * bs * k,
        angle: sg * (ap ? 0.35 : 0.15),
        k: MU.breast / k,
        fadeTop: true,
      });
    }
  }
}

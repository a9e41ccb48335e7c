import type { Rng } from '../domain/index.js';
import { DELTA } from './attenuation.js';
import { flatX, flatY, mag, type Frame } from './geometry.js';
import type { ThoraxModel } from './thorax.js';
import type { TubePoint } from './tube3d.js';

/**
 * Gas under the domes: the gastric fundus under the left hemidiaphragm (the dome and the stomach wall make a 5-8 mm
 * stripe between lung and gas), lobulated, crossed by rugal folds, with a flat air-fluid level on an erect film and
 * none supine (the gas then lies in the anterior body of the stomach); and the splenic flexure of the colon beside
 * it, a chain of haustral pockets (Felson, ch. 16; Fraser and Pare, ch. 1).
 */
export interface GasLobe {
  readonly X: number;
  readonly Y: number;
  readonly Z: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly angle: number;
  readonly rugae: boolean;
}

export interface Gas {
  readonly lobes: readonly GasLobe[];
  /** Air-fluid level as a patient-frame Y under which gastric gas is cut (erect films), or null. */
  readonly fluidY: number | null;
  readonly rugaeAngle: number;
  /** The splenic flexure's gas as a tube, or null when it holds none. */
  readonly colon: readonly TubePoint[] | null;
}

export function buildGas(m: ThoraxModel, erect: boolean, rng: Rng): Gas {
  const sz = m.sz;
  const lobes: GasLobe[] = [];
  const gx = (48 + 30 * rng.next()) * sz;
  const top = m.domeY(1, gx) + (6 + 3 * rng.next()) * sz;
  const size = 0.6 + 0.6 * rng.next();
  {
    // Erect, the fundus: a main pocket under the dome (its roof follows the diaphragm) and a few smaller bulges;
    // supine, the gas rises into the body of the stomach, lower and more medial.
    const low = erect ? 0 : (25 + 20 * rng.next()) * sz;
    const a0 = (18 + 12 * rng.next()) * sz * size;
    const b0 = (12 + 7 * rng.next()) * sz * size;
    lobes.push({ X: gx - low * 0.6, Y: top + b0 + low, Z: -10 * sz, a: a0, b: b0, c: a0 * (erect ? 0.6 : 0.45), angle: 0.25 * rng.normal() + (erect ? 0 : 0.5), rugae: true });
    const n = 1 + rng.int(3);
    for (let i = 0; i < n; i++) {
      const a = a0 * (0.35 + 0.35 * rng.next());
      const ang = rng.range(-0.2, Math.PI + 0.2);
      lobes.push({ X: gx - low * 0.6 + Math.cos(ang) * a0 * 0.8, Y: top + b0 + low + Math.sin(ang) * b0 * 0.5, Z: -10 * sz, a, b: a * (0.6 + 0.4 * rng.next()), c: a * (erect ? 0.6 : 0.45), angle: rng.normal(), rugae: true });
    }
  }
  const main = lobes[0] as GasLobe;
  const fluidY = erect ? main.Y + main.b * (0.15 + 0.5 * rng.next()) : null;
  let colon: TubePoint[] | null = null;
  if (rng.chance(0.65)) {
    // Splenic flexure: a gas-filled tube bending down and in from under the lateral left dome, its wall notched
    // by haustral folds every 2-3 cm.
    colon = [];
    const x0 = (100 + 18 * rng.next()) * sz;
    const y0 = m.domeY(1, x0) + (18 + 20 * rng.next()) * sz;
    const len = (60 + 80 * rng.next()) * sz;
    const r0 = (8 + 6 * rng.next()) * sz;
    const period = (20 + 8 * rng.next()) * sz;
    const bend = rng.range(0.4, 1.2);
    for (let d = 0; d <= len; d += 3 * sz) {
      const t = d / len;
      const ang = 1.2 + bend * t;
      const notch = Math.abs(Math.cos((Math.PI * d) / period)) ** 6;
      colon.push({ X: x0 - d * Math.cos(ang) * 0.8, Y: y0 + d * Math.sin(ang) * 0.5 + 10 * sz * t, Z: -25 * sz, r: r0 * (1 - 0.35 * notch), rb: r0 * 0.6, nx: 0, ny: 0, nz: 1 });
    }
  }
  return { lobes, fluidY, rugaeAngle: rng.range(0, Math.PI), colon };
}

/** Union (max chord) of the gas lobes on the coarse plane, rugae and fluid level applied, added to `S`. */
export function drawGas(fc: Frame, gas: Gas, tiltSin: number, tiltCos: number, T: Float32Array, S: Float32Array): void {
  const { width: w, height: h } = fc;
  const boxes: [number, number, number, number][] = [];
  for (const l of gas.lobes) {
    const k = fc.s * mag(fc, l.Z);
    const cx = flatX(fc, l.X, l.Z);
    const cy = flatY(fc, l.Y, l.Z);
    const a = l.a * k;
    const b = l.b * k;
    const r = Math.max(a, b) + 1;
    const x0 = Math.max(0, Math.floor(cx - r));
    const x1 = Math.min(w - 1, Math.ceil(cx + r));
    const y0 = Math.max(0, Math.floor(cy - r));
    const y1 = Math.min(h - 1, Math.ceil(cy + r));
    if (x0 > x1 || y0 > y1) continue;
    boxes.push([x0, y0, x1, y1]);
    const cs = Math.cos(l.angle);
    const sn = Math.sin(l.angle);
    const ca = Math.cos(gas.rugaeAngle);
    const sa = Math.sin(gas.rugaeAngle);
    for (let y = y0; y <= y1; y++) {
      const dy = y + 0.5 - cy;
      for (let x = x0; x <= x1; x++) {
        const dx = x + 0.5 - cx;
        const u = (dx * cs + dy * sn) / a;
        const v = (dy * cs - dx * sn) / b;
        const q = 1 - u * u - v * v;
        if (q <= 0) continue;
        let t = 2 * l.c * Math.sqrt(q);
        if (l.rugae) {
          // Rugal folds: wavy soft-tissue ridges about 6-10 mm apart.
          const s = ((dx * ca + dy * sa) / k + 5 * Math.sin((dy * ca - dx * sa) / k / 11 + l.X)) / 9;
          const c = Math.cos(2 * Math.PI * s);
          const c2 = c * c;
          t *= 1 - 0.12 * c2 * c2 * c2 * (0.5 + 0.5 * Math.sin((dy * ca - dx * sa) / k / 7 + l.Y));
        }
        const i = y * w + x;
        if (t > (T[i] as number)) T[i] = t;
      }
    }
  }
  const first = gas.lobes[0];
  const levelPx = gas.fluidY === null || !first ? null
    : fc.cy + tiltSin * (flatX(fc, first.X, 0) - fc.cx) + tiltCos * (flatY(fc, gas.fluidY, 0) - fc.cy);
  for (const [x0, y0, x1, y1] of boxes) {
    for (let y = y0; y <= y1; y++) {
      for (let x = x0, i = y * w + x0; x <= x1; x++, i++) {
        let t = T[i] as number;
        if (t === 0) continue;
        T[i] = 0;
        if (levelPx !== null) {
          // The level is horizontal on the detector (gravity), whatever the patient's tilt: a soft 1 mm meniscus.
          const yd = fc.cy + tiltSin * (x + 0.5 - fc.cx) + tiltCos * (y + 0.5 - fc.cy);
          const f = Math.min(1, Math.max(0, (levelPx - yd) / Math.max(1, fc.s) + 0.5));
          t *= f;
        }
        S[i] = (S[i] as number) + DELTA.air * t;
      }
    }
  }
}

import type { Rng } from '../domain/index.js';
import { boneTube, type BoneSet } from './bones.js';
import type { PatientParams } from './patient.js';
import type { ThoraxModel } from './thorax.js';

/**
 * The vertebral column from C4 to L3. Bodies grow caudally (T1 about 28 x 16 mm in frontal view, L2 about 46 x 28 mm;
 * Gray's Anatomy, 41st ed., ch. 43) and are separated by discs; each has a cortical shell whose lateral margins
 * and endplates show as lines, pedicles seen end-on as oval rings at its upper outer corners, transverse processes
 * reaching out to the rib tubercles, and a spinous process that slopes down behind the body below (thoracic) or
 * points straight back (lumbar), seen as a teardrop in the midline. Kyphosis tilts the upper thoracic endplates, so
 * they show as flat ellipses.
 */
/** A spinous process's middle (mm, patient frame): what the rotation cue measures the clavicle heads against. */
export interface SpinousProcess {
  readonly X: number;
  readonly Y: number;
  readonly Z: number;
}

/** Adds the spine to `bones`; returns the spinous processes of T1-T12, top down. */
export function buildSpine(m: ThoraxModel, p: PatientParams, centralY: number, sid: number, rng: Rng, bones: BoneSet): SpinousProcess[] {
  const sz = m.sz;
  const processes: SpinousProcess[] = [];
  for (let lvl = -3; lvl <= 15; lvl++) {
    const Y = m.yT(lvl);
    const X = m.spineX(Y);
    const Z = m.spineZ(Y);
    const pitch = m.yT(lvl + 1) - m.yT(lvl);
    const cerv = lvl < 1;
    const lumb = lvl > 12;
    const a = m.spineHalfWidth(Y);
    const b = (cerv ? 0.36 : 0.38) * pitch;
    const c = (cerv ? 0.65 : lumb ? 0.7 : 0.78) * a;
    const slope = m.spineX(Y + 10) - m.spineX(Y - 10);
    const kyph = lvl >= 1 && lvl <= 8 ? p.kyphosis * Math.sin((Math.PI * (lvl - 0.5)) / 9) : 0;
    bones.bodies.push({
      X,
      Y,
      Z,
      a,
      b,
      c,
      tilt: Math.atan2(slope, 20) * 0.8 + 0.02 * rng.normal(),
      oblique: (0.3 + 2.2 * kyph) * sz + (c * Math.abs(Y - centralY)) / sid,
      cortexMm: (cerv ? 0.5 : 0.6) * sz,
    });
    // Pedicles: short cylinders running back from the body, seen end-on.
    const pz = Z - c - 6 * sz;
    for (const sg of [-1, 1]) {
      bones.rings.push({
        X: X + sg * 0.72 * a,
        Y: Y - 0.28 * b,
        Z: pz,
        a: (cerv ? 2.6 : lumb ? 4.6 : 3.2 + 0.1 * lvl) * sz,
        b: (cerv ? 3.2 : lumb ? 7.5 : 4.6 + 0.2 * lvl) * sz,
        depth: (lumb ? 7 : 3.5) * sz,
        wall: 0.6 * sz,
      });
      const reach = (cerv ? 9 : lumb ? 30 : 24 - 0.8 * lvl) * sz;
      const up = (lumb ? 0 : cerv ? 0.2 : 0.55) * b;
      const kt = lumb ? 0.8 : cerv ? 0.3 : 0.45;
      bones.tubes.push(boneTube([
        { X: X + sg * 0.75 * a, Y: Y - 0.3 * b, Z: pz - 4 * sz, r: (lumb ? 4.5 : 3.4) * sz, k: kt },
        { X: X + sg * (a + 0.55 * reach), Y: Y - 0.3 * b - 0.6 * up, Z: pz - 10 * sz, r: (lumb ? 3.8 : 3) * sz, k: kt },
        { X: X + sg * (a + reach), Y: Y - 0.3 * b - up, Z: pz - (lumb ? 12 : 18) * sz, r: (lumb ? 3.2 : 3.4) * sz, k: kt },
      ], 0.7 * sz, 0.3));
    }
    // Laminae converge on the spinous process; the process itself slopes down (thoracic) or points back.
    const sx = X + 1.2 * rng.normal();
    const tipY = Y + (lumb ? 0.25 : cerv ? 0.45 : 0.55 + 0.35 * Math.min(1, lvl / 6)) * pitch;
    bones.tubes.push(boneTube([
      { X: X - 0.5 * a, Y: Y - 0.1 * b, Z: pz - 10 * sz, r: 2.6 * sz, k: 0.5 },
      { X: sx, Y: Y + 0.2 * b, Z: pz - 16 * sz, r: 3.2 * sz, k: 0.5 },
      { X: X + 0.5 * a, Y: Y - 0.1 * b, Z: pz - 10 * sz, r: 2.6 * sz, k: 0.5 },
    ], 0.7 * sz, 0.3));
    bones.tubes.push(boneTube([
      { X: sx, Y: Y + 0.2 * b, Z: pz - 16 * sz, r: (lumb ? 5 : 3.2) * sz, k: 0.35 },
      { X: sx, Y: tipY, Z: pz - (lumb ? 42 : 38) * sz, r: (lumb ? 4.5 : 2.2) * sz, k: 0.35 },
    ], 0.9 * sz, 0.3));
    // Thoracic only: the middle of the process, halfway from its base to its tip.
    if (!cerv && !lumb) processes.push({ X: sx, Y: (Y + 0.2 * b + tipY) / 2, Z: pz - 27 * sz });
  }
  return processes;
}

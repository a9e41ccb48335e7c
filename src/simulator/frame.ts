/**
 * Maps patient millimetres to detector pixels before the in-plane tilt is applied. X runs to image right (the
 * patient's left in a PA view), Y down from the top of the field, Z anterior (towards the detector). Rotation about
 * the long axis and sagittal angulation are small, so they are modelled as shears: a structure at depth Z shifts by
 * Z*tan(angle), which is exactly why the anterior clavicle heads move relative to the posterior spinous processes.
 */
export interface Frame {
  readonly width: number;
  readonly height: number;
  /** Pixels per millimetre. */
  readonly s: number;
  /** Pixel position of X = 0 (body midline) and Y = 0. */
  readonly ox: number;
  readonly oy: number;
  readonly rotShear: number;
  readonly lordShear: number;
}

export interface Px {
  readonly x: number;
  readonly y: number;
}

export const projX = (f: Frame, X: number, Z: number): number => f.ox + f.s * (X + f.rotShear * Z);
export const projY = (f: Frame, Y: number, Z: number): number => f.oy + f.s * (Y + f.lordShear * Z);
export const project = (f: Frame, X: number, Y: number, Z = 0): Px => ({ x: projX(f, X, Z), y: projY(f, Y, Z) });

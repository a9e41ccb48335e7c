import type { Projection } from './acquisition.js';

/**
 * From patient millimetres to detector pixels. Patient axes: X to image right (the patient's left, as a PA or AP
 * chest film is hung), Y down, Z anterior; X = 0 is the midline, Y = 0 the centre of T1, Z = 0 the mid-coronal
 * plane. The source is a point: a structure at distance d from the detector is magnified by SID / (SID - d)
 * (Bushberg et al., "The Essential Physics of Medical Imaging", 3rd ed., ch. 6), so on an AP film, where the heart
 * lies far from the detector, the heart is enlarged. Rotation about the long axis and sagittal angulation are small,
 * so they act as shears (a structure at depth Z shifts by Z tan(angle)): that is why the anterior clavicle heads
 * move against the posterior spinous processes. The in-plane tilt of the patient turns everything about the
 * central ray.
 */
export interface Frame {
  readonly width: number;
  readonly height: number;
  /** Pixels per millimetre in the detector plane. */
  readonly s: number;
  /** Pixel position of the central ray. */
  readonly cx: number;
  readonly cy: number;
  /** Patient point (mm) on the central ray. */
  readonly X0: number;
  readonly Y0: number;
  readonly rot: number;
  readonly lord: number;
  readonly sid: number;
  /** Z of the detector face; PA: in front of the chest, AP: behind it. */
  readonly detZ: number;
  readonly projection: Projection;
  readonly cosT: number;
  readonly sinT: number;
}

export interface Px {
  readonly x: number;
  readonly y: number;
}

/** Geometric magnification of a structure at depth Z. */
export function mag(f: Frame, Z: number): number {
  const d = f.projection === 'PA' ? f.detZ - Z : Z - f.detZ;
  return f.sid / (f.sid - Math.max(0, d));
}

/** Untilted pixel coordinates (the frame the coarse soft-tissue plane is drawn in). */
export function flatX(f: Frame, X: number, Z: number): number {
  return f.cx + f.s * mag(f, Z) * (X + f.rot * Z - f.X0);
}
export function flatY(f: Frame, Y: number, Z: number): number {
  return f.cy + f.s * mag(f, Z) * (Y + f.lord * Z - f.Y0);
}

/** Untilted to final pixel coordinates (the in-plane tilt about the central ray). */
export function tilt(f: Frame, u: number, v: number): Px {
  const du = u - f.cx;
  const dv = v - f.cy;
  return { x: f.cx + f.cosT * du - f.sinT * dv, y: f.cy + f.sinT * du + f.cosT * dv };
}

/** Final pixel position of a patient point. */
export function project(f: Frame, X: number, Y: number, Z: number): Px {
  return tilt(f, flatX(f, X, Z), flatY(f, Y, Z));
}

/** Pixels per patient millimetre for a structure at depth Z. */
export const pxPerMm = (f: Frame, Z: number): number => f.s * mag(f, Z);

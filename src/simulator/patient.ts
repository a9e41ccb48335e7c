import type { Rng } from '../domain/rng.js';

/**
 * Everything that makes one simulated exam differ from another: habitus, positioning and exposure. All lengths in
 * millimetres at the detector; angles in degrees. Drawn once per seed so the cues can be derived from them.
 */
export interface PatientParams {
  readonly sex: 'female' | 'male';
  readonly age: number;
  /** Linear scale of the trunk (1 = average adult). */
  readonly size: number;
  /** Extra factor on the chest width (broad vs narrow chest). */
  readonly chestWidth: number;
  /** Factor on the antero-posterior thickness (thin vs obese); drives exposure and scatter. */
  readonly bodyDepth: number;
  /** Rotation about the long axis: anterior structures shift this many degrees' worth to image right (+) or left. */
  readonly rotationDeg: number;
  /** In-plane tilt of the patient on the detector (+ = clockwise on the displayed image). */
  readonly tiltDeg: number;
  /** Sagittal angulation: + projects anterior structures (clavicles) higher, as in a lordotic film. */
  readonly lordosisDeg: number;
  /** Posterior ribs crossing above the right hemidiaphragm at the mid-clavicular line (inspiratory effort). */
  readonly inspirationRibs: number;
  /** How much lower the left dome is than the right. */
  readonly domeDifferenceMm: number;
  readonly cardiothoracicRatio: number;
  readonly breastShadows: boolean;
  /** How far the medial scapular borders reach into the lateral lung fields. */
  readonly scapulaOverlapMm: number;
  /** Right shoulder higher than left by this (negative: left higher). */
  readonly shoulderTiltMm: number;
  /** Peak lateral deviation of the thoracic spine (+ = convex to image right). */
  readonly scoliosisMm: number;
  /** Vertical position of the patient in the field. */
  readonly shiftYmm: number;
  readonly shiftXmm: number;
  /** Relative detector dose (mAs): scales every photon count, hence the noise level. */
  readonly exposure: number;
  /** Heel effect: the anode side (fewer photons) is at the top of the image when true. */
  readonly anodeUp: boolean;
  readonly heelStrength: number;
  /** Collimator margins as fractions of width/height. */
  readonly collimation: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  readonly markerLetter: 'L' | 'R';
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export function drawPatient(rng: Rng): PatientParams {
  const sex = rng.chance(0.5) ? 'female' : 'male';
  const age = Math.round(rng.range(22, 86));
  const size = clamp((sex === 'female' ? 0.93 : 1.0) + 0.045 * rng.normal(), 0.84, 1.1);
  // Real exams are never perfectly straight: rotation and tilt are small but nonzero, with a random sign.
  const signed = (lo: number, hi: number): number => (rng.chance(0.5) ? -1 : 1) * rng.range(lo, hi);
  return {
    sex,
    age,
    size,
    chestWidth: clamp(1 + 0.04 * rng.normal(), 0.92, 1.08),
    bodyDepth: clamp(1 + 0.1 * rng.normal() + (age > 55 ? 0.04 : 0), 0.82, 1.25),
    rotationDeg: signed(0.8, 3.6),
    tiltDeg: signed(0.3, 2.5),
    lordosisDeg: rng.range(-4, 7),
    inspirationRibs: rng.range(8.8, 11),
    domeDifferenceMm: rng.range(7, 24),
    cardiothoracicRatio: clamp(0.46 + 0.03 * rng.normal() + (age > 65 ? 0.02 : 0), 0.4, 0.54),
    breastShadows: sex === 'female' && rng.chance(0.85),
    scapulaOverlapMm: rng.range(-8, 28),
    shoulderTiltMm: rng.range(-9, 9),
    scoliosisMm: rng.range(-6, 6),
    shiftYmm: rng.range(-12, 12),
    shiftXmm: rng.range(-10, 10),
    exposure: rng.range(0.75, 1.35),
    anodeUp: rng.chance(0.75),
    heelStrength: rng.range(0.09, 0.15),
    collimation: {
      top: rng.range(0.012, 0.04),
      bottom: rng.range(0.015, 0.06),
      left: rng.range(0.012, 0.05),
      right: rng.range(0.012, 0.05),
    },
    markerLetter: rng.chance(0.5) ? 'L' : 'R',
  };
}

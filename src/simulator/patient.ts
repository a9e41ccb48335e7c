import type { Rng } from '../domain/index.js';

/**
 * The patient: habitus, age and positioning, drawn once per seed so that the teaching text can be derived from what
 * shaped the pixels. Lengths in millimetres, angles in degrees. Ranges follow adult reference anatomy and what a
 * department's chest films show (Felson, "Chest Roentgenology", 1973; Fraser and Pare, "Diagnosis of Diseases of
 * the Chest", 4th ed., ch. 1 and 4).
 */
export interface PatientParams {
  readonly sex: 'female' | 'male';
  readonly age: number;
  /** Linear scale of the trunk (1 = average adult man). */
  readonly size: number;
  /** Extra factor on the chest width (broad vs narrow chest). */
  readonly chestWidth: number;
  /** Factor on the antero-posterior thickness; drives exposure and scatter. */
  readonly bodyDepth: number;
  /** Subcutaneous fat over the chest wall, mm. */
  readonly fatMm: number;
  /** Rotation about the long axis: anterior structures shift this many degrees' worth to image right (+) or left. */
  readonly rotationDeg: number;
  /** In-plane tilt of the patient on the detector (+ = clockwise on the displayed image). */
  readonly tiltDeg: number;
  /** Sagittal angulation: + projects anterior structures (clavicles) higher, as in a lordotic or AP film. */
  readonly lordosisDeg: number;
  /** Thoracic kyphosis, 0 (straight) to 1 (marked, elderly). */
  readonly kyphosis: number;
  /** Peak lateral deviation of the thoracic spine (+ = convex to image right). */
  readonly scoliosisMm: number;
  /** Posterior ribs crossing above the right hemidiaphragm at the mid-clavicular line (inspiratory effort). */
  readonly inspirationRibs: number;
  /** How much lower the left dome is than the right. */
  readonly domeDifferenceMm: number;
  readonly cardiothoracicRatio: number;
  /** Breast size 0 (none visible) to 1 (large). */
  readonly breast: number;
  /** Shoulder protraction 0 (scapulae over the lungs, arms by the side) to 1 (rolled well forward for a PA). */
  readonly protraction: number;
  /** Right shoulder higher than left by this (negative: left higher). */
  readonly shoulderTiltMm: number;
  /** Unfolding and widening of the thoracic aorta with age and hypertension, 0..1. */
  readonly aortaUnfolding: number;
  /** Emphysema: hyperinflated, lucent lungs with low flat domes and a narrow vertical heart. */
  readonly hyperinflated: boolean;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** A patient for a film taken in `projection`: portable AP films are of sicker, older, supine or semi-erect patients. */
export function drawPatient(rng: Rng, projection: 'PA' | 'AP'): PatientParams {
  const ap = projection === 'AP';
  const sex = rng.chance(0.5) ? 'female' : 'male';
  const age = Math.round(ap ? rng.range(35, 92) : rng.range(19, 88));
  const size = clamp((sex === 'female' ? 0.92 : 1.0) + 0.05 * rng.normal(), 0.8, 1.12);
  const obese = rng.chance(0.25);
  const signed = (lo: number, hi: number): number => (rng.chance(0.5) ? -1 : 1) * rng.range(lo, hi);
  const hyperinflated = !ap && age > 50 && rng.chance(0.14);
  const breast = sex === 'female' ? clamp(0.25 + 0.35 * rng.next() + (obese ? 0.25 : 0), 0, 1) : obese && rng.chance(0.3) ? 0.15 : 0;
  return {
    sex,
    age,
    size,
    chestWidth: clamp(1 + 0.05 * rng.normal() + (obese ? 0.04 : 0), 0.88, 1.14),
    bodyDepth: clamp(1 + 0.08 * rng.normal() + (obese ? 0.18 : 0) + (age > 60 ? 0.04 : 0), 0.8, 1.4),
    fatMm: obese ? rng.range(18, 40) : rng.range(4, 16),
    // Real exams are never perfectly straight; portables are turned and tilted more.
    rotationDeg: ap ? signed(1.5, 9) : signed(0.6, 4.5),
    tiltDeg: ap ? signed(0.5, 7) : signed(0.2, 2.8),
    lordosisDeg: ap ? rng.range(4, 16) : rng.range(-4, 6),
    kyphosis: clamp((age - 45) / 45 + 0.25 * rng.normal(), 0, 1),
    scoliosisMm: rng.chance(0.25) ? signed(4, 16) : signed(0, 4),
    inspirationRibs: hyperinflated ? rng.range(11, 12.3) : ap ? rng.range(7.6, 9.8) : rng.range(8.8, 11.2),
    domeDifferenceMm: hyperinflated || rng.chance(0.1) ? rng.range(-6, 6) : rng.range(8, 26),
    cardiothoracicRatio: hyperinflated ? rng.range(0.36, 0.43) : clamp(0.47 + 0.035 * rng.normal() + (age > 65 ? 0.03 : 0), 0.4, 0.62),
    breast,
    protraction: ap ? rng.range(0, 0.25) : rng.range(0.45, 1),
    shoulderTiltMm: rng.range(-10, 10),
    aortaUnfolding: clamp((age - 40) / 45 + 0.2 * rng.normal(), 0, 1),
    hyperinflated,
  };
}

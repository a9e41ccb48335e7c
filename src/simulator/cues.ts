import type { Rng } from '../domain/index.js';
import type { Acquisition } from './acquisition.js';
import type { Finding } from './findings.js';
import type { Px } from './geometry.js';
import type { PatientParams } from './patient.js';

/**
 * Teaching sentences on what marks this particular image as a genuine exam. Each is derived from a parameter that
 * shaped the pixels, so the feedback never claims a sign the image does not show. Devices and findings on the
 * film come first when there are any: a reader who suspected them should learn that they are real.
 */
export interface CueFacts {
  readonly patient: PatientParams;
  readonly acquisition: Acquisition;
  readonly findings: readonly Finding[];
  /** Projected medial clavicle heads [right, left] and the midline (spinous processes), pixels. */
  readonly clavicleHeads: readonly [Px, Px];
  readonly midlineX: number;
  readonly pxPerMm: number;
}

export function authenticityCues(facts: CueFacts, rng: Rng): string[] {
  const p = facts.patient;
  const a = facts.acquisition;
  const [rHead, lHead] = facts.clavicleHeads;
  const dR = Math.abs(facts.midlineX - rHead.x) / facts.pxPerMm;
  const dL = Math.abs(lHead.x - facts.midlineX) / facts.pxPerMm;
  const nearer = dR < dL ? 'right' : 'left';
  const cues: string[] = [];
  const devices = facts.findings.filter((f) => f.category === 'device');
  const others = facts.findings.filter((f) => f.category !== 'device' && f.kind !== 'minor-fissure');
  if (devices.length) cues.push(`Real devices, placed as in practice: ${devices.map((d) => d.description).join('; ')}.`);
  if (others.length) cues.push(`Real findings on this film: ${others.map((d) => d.description).join('; ')}.`);
  cues.push(
    `Slight rotation: the medial ${nearer} clavicle head lies about ${Math.max(1, Math.round(Math.abs(dR - dL)))} mm closer to the spinous processes than the other, as on almost every real film.`,
  );
  const optional: string[] = [];
  if (a.projection === 'AP') {
    optional.push('A portable AP film: the heart is magnified because it lies far from the detector, the clavicles project high and the scapulae overlie the lungs.');
  } else {
    optional.push('A PA film at the wall stand: the scapulae are rotated clear of the lungs and the heart is barely magnified.');
  }
  const ribs = Math.floor(p.inspirationRibs + 0.5);
  optional.push(ribs >= 10
    ? `Good inspiration with about ${ribs} posterior ribs above the right hemidiaphragm; the ribs on the two sides are not mirror images.`
    : `Only about ${ribs} posterior ribs project above the right hemidiaphragm: a modest inspiratory effort, typical of a real patient.`);
  optional.push(p.domeDifferenceMm > 5
    ? `The right hemidiaphragm sits about ${Math.round(p.domeDifferenceMm / 5) * 5} mm higher than the left, with gas in the stomach under the left dome.`
    : 'The two hemidiaphragms are almost level, a common normal variant.');
  optional.push('The grain is coarser over the mediastinum and below the diaphragm than over the lungs, as photon statistics require.');
  if (Math.abs(p.tiltDeg) > 1.5) optional.push('The patient is slightly tilted on the detector: the spine is not parallel to the film edges.');
  if (p.breast > 0.25) optional.push('Breast shadows overlie both lower zones, with soft upper and sharp lower margins that are not perfectly symmetric.');
  if (a.detector.gridLines) optional.push('Fine parallel grid lines run across the whole film: a stationary anti-scatter grid on a CR cassette.');
  const extra = Math.max(1, 3 - cues.length) + rng.int(2);
  for (let i = 0; i < extra && optional.length > 0 && cues.length < 4; i++) {
    const j = rng.int(optional.length);
    cues.push(optional.splice(j, 1)[0] as string);
  }
  return cues.slice(0, 4);
}

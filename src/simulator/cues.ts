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
  /** Projected medial clavicle heads [right, left] and the thoracic spinous processes (top down), pixels. */
  readonly clavicleHeads: readonly [Px, Px];
  readonly spinousProcesses: readonly Px[];
  readonly pxPerMm: number;
}

/** The x of the line through the processes (top down) at height y, held at the end ones beyond them. */
function xAtLevel(processes: readonly Px[], y: number): number {
  const first = processes[0];
  if (!first) throw new Error('authenticityCues: no spinous processes');
  if (y <= first.y) return first.x;
  for (let i = 1; i < processes.length; i++) {
    const a = processes[i - 1] as Px;
    const b = processes[i] as Px;
    if (y <= b.y) return a.x + ((b.x - a.x) * (y - a.y)) / Math.max(1e-9, b.y - a.y);
  }
  return (processes[processes.length - 1] as Px).x;
}

export function authenticityCues(facts: CueFacts, rng: Rng): string[] {
  const p = facts.patient;
  const a = facts.acquisition;
  const [rHead, lHead] = facts.clavicleHeads;
  // Against the processes at the heads' own level, as a reader checks rotation: a scoliosis moves the spine's centre
  // lower down sideways by more than a slight rotation moves the heads.
  const midX = xAtLevel(facts.spinousProcesses, (rHead.y + lHead.y) / 2);
  const dR = Math.abs(midX - rHead.x) / facts.pxPerMm;
  const dL = Math.abs(lHead.x - midX) / facts.pxPerMm;
  const nearer = dR < dL ? 'right' : 'left';
  const cues: string[] = [];
  const devices = facts.findings.filter((f) => f.category === 'device');
  const others = facts.findings.filter((f) => f.category !== 'device' && f.kind !== 'minor-fissure');
  if (devices.length) cues.push(`Real devices, placed as in practice: ${devices.map((d) => d.description).join('; ')}.`);
  if (others.length) cues.push(`Real findings on this film: ${others.map((d) => d.description).join('; ')}.`);
  const mm = Math.max(1, Math.round(Math.abs(dR - dL)));
  const closer = `the medial ${nearer} clavicle head lies about ${mm} mm closer to the spinous processes than the other`;
  // About 2.5 mm of difference per degree of rotation here (geometry.ts: the heads lie some 15 cm in front of the
  // processes), so beyond a few degrees "slight" would understate what the reader measures.
  cues.push(mm < 12
    ? `Slight rotation: ${closer}, as on almost every real film.`
    : `Rotation: ${closer}; real patients are seldom square to the detector, portable AP patients least of all.`);
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

import type { Rng } from '../domain/rng.js';
import type { Px } from './frame.js';
import type { PatientParams } from './patient.js';

/**
 * Teaching sentences on what marks this particular image as a genuine exam. Each is derived from a parameter that
 * actually shaped the pixels, so the feedback never claims a sign the image does not show.
 */
export interface CueFacts {
  readonly patient: PatientParams;
  readonly clavicleHeads: readonly [Px, Px];
  readonly spinous: Px;
  readonly pxPerMm: number;
}

export function authenticityCues(facts: CueFacts, rng: Rng): string[] {
  const p = facts.patient;
  const [rHead, lHead] = facts.clavicleHeads;
  const dR = Math.abs(facts.spinous.x - rHead.x) / facts.pxPerMm;
  const dL = Math.abs(lHead.x - facts.spinous.x) / facts.pxPerMm;
  const nearer = dR < dL ? 'right' : 'left';
  const cues: string[] = [
    `Slight rotation: the medial ${nearer} clavicle head lies about ${Math.round(Math.abs(dR - dL))} mm closer to the spinous processes than the other, as in almost every real PA film.`,
    'Quantum mottle is visibly coarser over the mediastinum and below the diaphragm than over the lungs, as photon statistics require.',
  ];
  const optional: string[] = [];
  const ribs = Math.floor(p.inspirationRibs + 0.5);
  optional.push(
    ribs >= 10
      ? `Good inspiration with about ${ribs} posterior ribs above the right hemidiaphragm, and the ribs on the two sides are not mirror images.`
      : `Only about ${ribs} posterior ribs project above the right hemidiaphragm: a modest inspiratory effort, typical of a real patient.`,
  );
  optional.push(
    `The right hemidiaphragm sits about ${Math.round(p.domeDifferenceMm / 5) * 5 || 5} mm higher than the left, with the gastric bubble and its flat air-fluid level under the left dome.`,
  );
  optional.push(
    `Exposure falls off smoothly towards the ${p.anodeUp ? 'top' : 'bottom'} of the field, leaving the background slightly lighter there: the anode heel effect of a real tube.`,
  );
  if (Math.abs(p.tiltDeg) > 1) optional.push('The patient is slightly tilted relative to the collimated field edges, which stay straight.');
  if (p.breastShadows) optional.push('Breast shadows overlie both lower zones with soft inferior margins that are not perfectly symmetric.');
  if (p.scapulaOverlapMm > 12) optional.push('The medial scapular borders still overlap the lateral lung fields: the shoulders were not fully protracted.');
  const extra = 1 + rng.int(2);
  for (let i = 0; i < extra && optional.length > 0; i++) {
    const j = rng.int(optional.length);
    cues.push(optional.splice(j, 1)[0] as string);
  }
  return cues;
}

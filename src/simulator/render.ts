import type { Rng } from '../domain/index.js';
import { buildGas, drawGas } from './abdomen.js';
import type { Acquisition } from './acquisition.js';
import { traceAnatomy, type AnatomyOutlines } from './anatomy.js';
import { armPose, drawLimbsAndBreasts, drawTrunk, TRUNK_SCRATCH_BYTES } from './body-wall.js';
import { emptyBones } from './bones.js';
import { Composer, type RowSource } from './compose.js';
import { DELTA } from './attenuation.js';
import type { Frame } from './geometry.js';
import { combineLungs, drawAirways, drawCavities, drawOccupancy, lungsScratchBytes } from './lungs.js';
import { buildMediastinum } from './mediastinum.js';
import type { PatientParams } from './patient.js';
import { BONES_SCRATCH_BYTES, renderBones, trabecularTexture } from './render-bones.js';
import { buildRibs } from './ribs.js';
import { buildShoulders, type ShoulderLandmarks } from './shoulder.js';
import { buildSpine, type SpinousProcess } from './spine.js';
import type { ThoraxModel } from './thorax.js';
import { tubeNodes, VESSEL_OBLIQUITY, type TubePoint } from './tube3d.js';
import type { FilmPlanes } from './tube-memory.js';
import { addTube, scratch } from './tubes.js';
import { buildVessels } from './vessels.js';
import { drawDevices } from './devices.js';
import { applyDisease, drawAtelectasis } from './disease.js';
import type { FindingPlan } from './findings.js';
import { drawLesionsFine, drawNipples } from './lesions.js';

export interface Rendered {
  readonly outlines: AnatomyOutlines;
  readonly shoulders: ShoulderLandmarks;
  readonly spinousProcesses: readonly SpinousProcess[];
  /** Rows of the line-integral map (valid until the next film is rendered). */
  readonly lines: RowSource;
}

/** The coarse planes' scale (about 0.4 mm per pixel) and size for a film's frame. */
export function coarseGrid(f: Frame): { readonly C: number; readonly width: number; readonly height: number } {
  const C = Math.max(1, Math.round(f.s / 2.4));
  return { C, width: Math.ceil(f.width / C), height: Math.ceil(f.height / C) };
}

/** Bytes of the film's scratch (tube-memory.ts filmPlanes) the phantom's drawing takes, its coarse planes cw wide. */
export function renderScratchBytes(cw: number): number {
  return Math.max(TRUNK_SCRATCH_BYTES, lungsScratchBytes(cw), BONES_SCRATCH_BYTES);
}

/**
 * Builds the phantom for one film and renders its line-integral map: soft tissues on a coarse plane (they have no
 * fine detail), bones, vessels and devices on full-resolution planes (`planes`, tube-memory.ts filmPlanes), composed
 * through the patient's tilt.
 */
export function renderPlanes(f: Frame, m: ThoraxModel, p: PatientParams, acq: Acquisition, plan: FindingPlan, rng: Rng, planes: FilmPlanes): Rendered {
  const ap = acq.projection === 'AP';
  const md = buildMediastinum(m, p, rng.fork('mediastinum'));
  const pose = armPose(m, p, ap, rng.fork('arms'));
  // Coarse plane: about 0.4 mm per pixel.
  const { C, width: cw, height: ch } = coarseGrid(f);
  const fc: Frame = { ...f, width: cw, height: ch, s: f.s / C, cx: f.cx / C, cy: f.cy / C, cosT: 1, sinT: 0 };
  const [S, A, O, T, so, si] = planes.coarse as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  const scc = scratch(cw, ch, so, si);
  drawTrunk(fc, m, p, S, planes);
  drawLimbsAndBreasts(fc, m, p, pose, ap, scc, S, rng.fork('soft'));
  if (plan.nipples) drawNipples(fc, m, p.breast, S);
  drawCavities(fc, m, A, planes);
  drawOccupancy(fc, md, scc, O, S, T, planes);
  applyDisease(fc, m, md, plan, A);
  T.fill(0);
  // Emphysematous lung holds more air per millimetre: a lucent, paler-vesselled lung.
  combineLungs(fc, m, A, O, S, planes, p.hyperinflated ? 1.07 : 1);
  drawAirways(fc, md, scc, S);
  const gas = buildGas(m, acq.position === 'erect', rng.fork('gas'));
  drawGas(fc, gas, f.sinT, f.cosT, T, S);
  if (gas.colon) addTube(scc, tubeNodes(fc, gas.colon), S, DELTA.air);

  const bones = emptyBones();
  buildRibs(m, p, p.inspirationRibs, rng.fork('ribs'), bones, { cervicalRib: plan.cervicalRib, healedFracture: plan.fracture, cartilage: plan.cartilage });
  const spinousProcesses = buildSpine(m, p, f.Y0, f.sid, rng.fork('spine'), bones);
  const shoulders = buildShoulders(m, p, pose, rng.fork('shoulders'), bones);
  // Fine tubes are painted straight into their planes (tube-paint.ts addTube): no scratch planes at full size.
  const scf = scratch(f.width, f.height, new Float32Array(0), new Float32Array(0));
  const tx = trabecularTexture(f.s, rng.fork('trabecular'));
  renderBones(f, bones, scf, planes.B, tx, trabecularTexture(f.s * 2.5, rng.fork('clumps')), planes);
  drawDevices(f, m, md, plan, scf, planes.B, rng.fork('devices'));

  const trees = buildVessels(m, md, acq.position === 'supine', p.hyperinflated ? 0.75 : 1, rng.fork('vessels'));
  // What a reader calls a vessel marking is the bronchovascular bundle: the vessel with its sheath of
  // interstitium, lymphatics and, beside arteries, the bronchial wall; drawn 20% wider than the lumen.
  const bundle = (v: readonly TubePoint[]): TubePoint[] => v.map((q) => ({ ...q, r: q.r * 1.2 }));
  for (const v of md.hilarArteries) addTube(scf, tubeNodes(f, v, 0, 1.3), planes.V, 1);
  for (const v of trees.arteries) addTube(scf, tubeNodes(f, bundle(v), 0, VESSEL_OBLIQUITY), planes.V, 1);
  for (const v of trees.veins) addTube(scf, tubeNodes(f, bundle(v), 0, VESSEL_OBLIQUITY), planes.V, 1);
  // Bronchial walls replace lung like blood; the lumen is air where lung was (-mu_lung / delta_blood).
  for (const b of trees.bronchi) addTube(scf, tubeNodes(f, b.pts, (b.pts[0]?.r ?? 1) * (1 - b.lumen)), planes.V, 1, -0.36);
  drawLesionsFine(f, m, md, plan, scf, planes.B, planes.V);
  drawAtelectasis(f, m, plan, scf, planes.V);
  const lines = new Composer(f, C, { S, A, width: cw, height: ch }, planes);
  return { outlines: traceAnatomy(m, md, f), shoulders, spinousProcesses, lines };
}

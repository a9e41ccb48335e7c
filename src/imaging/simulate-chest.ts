import { polygonBounds, type Polygon } from '../domain/geometry.js';
import { createRng } from '../domain/rng.js';
import { traceAnatomy } from './anatomy.js';
import { authenticityCues } from './cues.js';
import { rotatePlane } from './filters.js';
import type { Frame } from './frame.js';
import { addMarker, MARKER_ASPECT } from './marker.js';
import { drawPatient, type PatientParams } from './patient.js';
import { expose, type FieldRect } from './physics.js';
import { processForPresentation } from './processing.js';
import { renderPhantom } from './render-phantom.js';
import { buildSkeleton } from './skeleton.js';
import { buildThorax } from './thorax.js';
import type { GrayImage } from './types.js';
import { buildVessels } from './vessels.js';

export type { PatientParams } from './patient.js';

/** Hints other code uses to place forgeries and to teach; all in image pixels. */
export interface ChestAnatomy {
  /** Patient right = image LEFT (PA convention). */
  readonly lungs: { readonly right: Polygon; readonly left: Polygon };
  /** Spine centre x at mid-thorax. */
  readonly midlineX: number;
  readonly mediastinum: Polygon;
  /** Inner chest wall outline (lateral walls, domes). */
  readonly thorax: Polygon;
  readonly marker: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number; readonly letter: 'L' | 'R' };
}

export interface SimulatedChest {
  /** 12-bit MONOCHROME2: bone and mediastinum bright, lungs dark. */
  readonly image: GrayImage;
  readonly patient: PatientParams;
  readonly anatomy: ChestAnatomy;
  /** 2-4 sentences on what marks this image as a genuine exam. */
  readonly authenticityCues: readonly string[];
}

export interface SimulateOptions {
  readonly width?: number;
  readonly height?: number;
}

/** A 35 x 43 cm (14 x 17 in) detector in portrait: the field of view the anatomy is laid out in. */
const FOV_W_MM = 370;
const FOV_H_MM = 430;

/** Expected quanta per pixel through open beam at unit exposure, tuned for the visible mottle of a CR/DR chest. */
const I0 = 2600;

export function simulateChest(seed: number, options: SimulateOptions = {}): SimulatedChest {
  const width = options.width ?? 1536;
  const height = options.height ?? 1792;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 256 || height < 256) {
    throw new Error(`simulateChest: size must be integers >= 256, got ${width}x${height}`);
  }
  const rng = createRng(seed);
  const patient = drawPatient(rng.fork('patient'));
  const s = Math.min(width / FOV_W_MM, height / FOV_H_MM);
  const deg = Math.PI / 180;
  const frame: Frame = {
    width,
    height,
    s,
    ox: width / 2 + patient.shiftXmm * s,
    oy: (height - FOV_H_MM * s) / 2,
    rotShear: Math.tan(patient.rotationDeg * deg),
    lordShear: Math.tan(patient.lordosisDeg * deg),
  };
  const thorax = buildThorax(patient, rng.fork('thorax'));
  const skeleton = buildSkeleton(thorax, patient, frame, rng.fork('skeleton'));
  const vessels = buildVessels(thorax, patient, rng.fork('vessels'));
  // Four full-size planes are recycled through the whole pipeline: allocation and GC of ~11 MB buffers otherwise
  // cost as much as the arithmetic.
  const n = width * height;
  const planes = [new Float32Array(n), new Float32Array(n), new Float32Array(n), new Float32Array(n)] as const;
  const L0 = renderPhantom(frame, thorax, patient, skeleton, vessels, rng.fork('render'), planes);
  const tilt = patient.tiltDeg * deg;
  const L = rotatePlane(L0, width, height, tilt, width / 2, height / 2, planes[1]);

  const col = patient.collimation;
  const field: FieldRect = {
    x0: col.left * width,
    y0: col.top * height,
    x1: width - col.right * width,
    y1: height - col.bottom * height,
  };
  // Marker on the detector, in the upper corner of the patient's side (patient left = image right in PA).
  const mrng = rng.fork('marker');
  const mh = (15 + 4 * mrng.next()) * s;
  const mx =
    patient.markerLetter === 'L'
      ? field.x1 - (14 + 22 * mrng.next()) * s - MARKER_ASPECT * mh
      : field.x0 + (14 + 22 * mrng.next()) * s;
  const my = field.y0 + (12 + 18 * mrng.next()) * s;
  const marker = addMarker(L, width, height, patient.markerLetter, mx, my, mh);

  const i0 = I0 * patient.exposure * (s / 4.15) ** -2;
  const counts = expose(
    L,
    width,
    height,
    {
      i0,
      heel: patient.heelStrength,
      anodeUp: patient.anodeUp,
      field,
      penumbra: 2.2 * s,
      spr: 0.45 + 0.25 * (patient.bodyDepth - 1),
      scatterSigmaPx: 45 * s,
    },
    rng.fork('noise'),
    planes[0],
  );
  const outlines = traceAnatomy(thorax, frame, tilt);
  const tb = polygonBounds(outlines.thorax);
  // `L` now holds the scatter plane and is free: hand it and the spare plane to processing as scratch.
  const processed = processForPresentation(counts, width, height, {
    i0,
    field,
    toneRoi: { x0: tb.x0, y0: tb.y0, x1: tb.x1, y1: tb.y1 },
    penumbra: 2.2 * s,
    pxPerMm: s,
    gainLow: 0.2,
    gainMid: 1.45,
    gainFine: 1.9,
    contrast: 2.6,
  }, L, planes[2]);
  const image: GrayImage = {
    width,
    height,
    data: processed.data,
    bitsStored: 12,
    windowCenter: processed.windowCenter,
    windowWidth: processed.windowWidth,
  };
  const cues = authenticityCues(
    { patient, clavicleHeads: skeleton.clavicleHeads, spinous: skeleton.spinousAtClavicles, pxPerMm: s },
    rng.fork('cues'),
  );
  return {
    image,
    patient,
    anatomy: { ...outlines, marker },
    authenticityCues: cues,
  };
}

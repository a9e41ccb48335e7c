import { polygonBounds, type Polygon } from '../domain/geometry.js';
import { createRng } from '../domain/rng.js';
import { traceAnatomy } from './anatomy.js';
import { authenticityCues } from './cues.js';
import type { Frame } from './frame.js';
import { MARKER_ASPECT, markerOverlay } from './marker.js';
import { drawPatient, type PatientParams } from './patient.js';
import { expose, type FieldRect } from './physics.js';
import { processForPresentation } from './processing.js';
import { renderPhantom } from './render-phantom.js';
import { buildSkeleton } from './skeleton.js';
import { buildThorax } from './thorax.js';
import type { GrayImage } from '../imaging/types.js';
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

type Planes = readonly [Float32Array, Float32Array, Float32Array, Float32Array];
let cachedPlanes: Planes | null = null;

/**
 * Four full-size Float32 planes recycled through the pipeline and kept between calls (the worker generates one
 * case after another). Freshly allocated 11 MB buffers are returned to the OS on GC, and first-touch page faults on
 * new ones cost more than the arithmetic. Zeroed on every use, so results never depend on the previous case.
 */
function workPlanes(n: number): Planes {
  if (cachedPlanes && cachedPlanes[0].length === n) {
    for (const p of cachedPlanes) p.fill(0);
    return cachedPlanes;
  }
  cachedPlanes = [new Float32Array(n), new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  return cachedPlanes;
}

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
  const planes = workPlanes(width * height);
  const L = renderPhantom(frame, thorax, patient, skeleton, vessels, rng.fork('render'), planes);
  const tilt = patient.tiltDeg * deg;

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
  const { overlay, box: marker } = markerOverlay(width, height, patient.markerLetter, mx, my, mh);

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
      tilt,
      overlay,
    },
    rng.fork('noise'),
    planes[1],
  );
  const outlines = traceAnatomy(thorax, frame, tilt);
  const tb = polygonBounds(outlines.thorax);
  // `L` (planes[0]) now holds the scatter plane and is free: hand it and a spare plane to processing as scratch.
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

import { polygonBounds, type Point, type Polygon } from '../domain/index.js';
import { createRng } from '../domain/index.js';
import type { GrayImage } from '../imaging/index.js';
import { drawAcquisition, type Acquisition } from './acquisition.js';
import { authenticityCues } from './cues.js';
import { expose, exposureScratchBytes } from './exposure.js';
import type { FieldShape } from './field.js';
import { planFindings, type Finding } from './findings.js';
import { filmFrame } from './film.js';
import { mag, project } from './geometry.js';
import { addOverlay, burnStrokes, placeMarker } from './marker.js';
import { drawPatient, type PatientParams } from './patient.js';
import { processForPresentation, processingScratchBytes } from './processing.js';
import { coarseGrid, renderPlanes, renderScratchBytes } from './render.js';
import { buildThorax } from './thorax.js';
import { filmPlanes } from './tube-memory.js';

export type { PatientParams } from './patient.js';
export type { Acquisition } from './acquisition.js';
export type { Finding, FindingKind } from './findings.js';

/**
 * The simulator's version: raised whenever the same seed and options give different pixels, so a stored session
 * or a saved deck can tell which simulator drew its films. 1 was the flat phantom in imaging/; 2 the anatomy, the
 * detector formats and the findings of issue 18.
 */
export const SIMULATOR_VERSION = 2;

/** Hints other code uses to place forgeries and to teach; all in image pixels. */
export interface ChestAnatomy {
  /** Patient right = image LEFT (the convention for PA and AP films alike). */
  readonly lungs: { readonly right: Polygon; readonly left: Polygon };
  /** Spine centre x at mid-thorax. */
  readonly midlineX: number;
  readonly mediastinum: Polygon;
  /** Inner chest wall outline (lateral walls, domes). */
  readonly thorax: Polygon;
  readonly marker: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number; readonly letter: 'L' | 'R' };
  /** Each clavicle's projected centre line, sternal end to acromial end (the last point at the acromioclavicular joint). */
  readonly clavicles: { readonly right: readonly Point[]; readonly left: readonly Point[] };
}

export interface SimulatedChest {
  /** 12-bit MONOCHROME2: bone and mediastinum bright, lungs dark. */
  readonly image: GrayImage;
  readonly patient: PatientParams;
  /** Projection, detector (size, pixel spacing), exposure, collimation, marker and processing. */
  readonly acquisition: Acquisition;
  readonly anatomy: ChestAnatomy;
  /** Devices, normal variants and incidental findings on this film (all real parts of an authentic exam). */
  readonly findings: readonly Finding[];
  /** 2-4 sentences on what marks this image as a genuine exam. */
  readonly authenticityCues: readonly string[];
  /** Pixel spacing of the stored film in mm (for the header). */
  readonly pixelSpacingMm: number;
  /** Whether the film was cropped to the collimated field (otherwise it is the whole detector). */
  readonly cropped: boolean;
}

export interface SimulateOptions {
  /** Fixed output size; without it the detector format and the stored size are drawn from the seed. */
  readonly width?: number;
  readonly height?: number;
}

/**
 * Expected quanta per 0.2 mm pixel through open beam at unit dose: about 2.5 uGy at the detector at ~60 keV (some
 * 3.3e4 photons per mm^2 per uGy), of which a CsI panel absorbs and keeps the equivalent of ~55% (DQE).
 */
const I0_PER_PIXEL = 4500;

function fieldFor(acq: Acquisition, w: number, h: number, s: number): FieldShape {
  const col = acq.collimation;
  const pen = 1.5 * s;
  if (acq.detector.crop || col.top + col.bottom + col.left + col.right === 0) return { x0: -4 * pen, y0: -4 * pen, x1: w + 4 * pen, y1: h + 4 * pen, tilt: 0, penumbra: pen };
  return { x0: col.left * s, y0: col.top * s, x1: w - col.right * s, y1: h - col.bottom * s, tilt: (col.tiltDeg * Math.PI) / 180, penumbra: pen };
}

export function simulateChest(seed: number, options: SimulateOptions = {}): SimulatedChest {
  const sized = options.width !== undefined || options.height !== undefined;
  const width = options.width ?? options.height ?? 0;
  const height = options.height ?? options.width ?? 0;
  if (sized && (!Number.isInteger(width) || !Number.isInteger(height) || width < 256 || height < 256)) {
    throw new Error(`simulateChest: size must be integers >= 256, got ${options.width}x${options.height}`);
  }
  const rng = createRng(seed);
  const acq = drawAcquisition(rng.fork('acquisition'), sized ? { width, height } : undefined);
  const patient = drawPatient(rng.fork('patient'), acq.projection);
  const plan = planFindings(rng.fork('findings'), patient, acq);
  const thorax = buildThorax(patient, patient.inspirationRibs, rng.fork('thorax'));
  const frame = filmFrame(acq, patient, thorax);
  const { width: w, height: h, s } = frame;
  const cg = coarseGrid(frame);
  const pxPerMm = s * mag(frame, 0);
  const scratchBytes = Math.max(renderScratchBytes(cg.width), exposureScratchBytes(w, h), processingScratchBytes(w, h, pxPerMm));
  const planes = filmPlanes(w * h, cg.width * cg.height, scratchBytes);
  const { B } = planes;
  const rendered = renderPlanes(frame, thorax, patient, acq, plan, rng.fork('render'), planes);
  const marker = placeMarker(acq.marker, w, h, s);
  // The lead marker lies on the detector: its line integral joins the bone plane, which is not tilted either.
  if (marker.overlay) addOverlay(B, w, marker.overlay);
  const field = fieldFor(acq, w, h, s);
  const i0 = I0_PER_PIXEL * acq.dose * (s / 5) ** -2;
  // The counts go to the film's counts plane, which the processing reads.
  expose(rendered.lines, w, h, {
    i0,
    heel: acq.heel,
    anodeUp: acq.anodeUp,
    field,
    spr: acq.spr * (0.8 + 0.3 * patient.bodyDepth),
    scatterSigmaPx: 40 * s,
    detector: acq.detector,
    blurPx: Math.max(0.3, acq.detector.blurMm * s * 1.6),
  }, rng.fork('noise'));
  const tb = polygonBounds(rendered.outlines.thorax);
  const processed = processForPresentation(planes, w, h, {
    i0,
    look: acq.look,
    field,
    shutter: acq.collimation.shutter,
    roi: { x0: tb.x0, y0: tb.y0 - 0.1 * (tb.y1 - tb.y0), x1: tb.x1, y1: tb.y1 + 0.05 * (tb.y1 - tb.y0) },
    pxPerMm,
  });
  if (marker.burn) burnStrokes(processed.data, w, h, marker.burn, Math.round(Math.min(4095, processed.windowCenter + 0.46 * processed.windowWidth)));
  const image: GrayImage = { width: w, height: h, data: processed.data, bitsStored: 12, windowCenter: processed.windowCenter, windowWidth: processed.windowWidth };
  const heads = rendered.shoulders.clavicleHeads.map((q) => project(frame, q.X, q.Y, q.Z));
  const clavicleLine = (side: 0 | 1): Point[] => rendered.shoulders.clavicles[side].map((q) => project(frame, q.X, q.Y, q.Z));
  const cues = authenticityCues({
    patient,
    acquisition: acq,
    findings: plan.list,
    clavicleHeads: [heads[0] as { x: number; y: number }, heads[1] as { x: number; y: number }],
    spinousProcesses: rendered.spinousProcesses.map((q) => project(frame, q.X, q.Y, q.Z)),
    pxPerMm,
  }, rng.fork('cues'));
  return {
    image,
    patient,
    acquisition: acq,
    anatomy: { ...rendered.outlines, marker: marker.box, clavicles: { right: clavicleLine(0), left: clavicleLine(1) } },
    findings: plan.list,
    authenticityCues: cues,
    pixelSpacingMm: 1 / s,
    cropped: acq.detector.crop !== null,
  };
}

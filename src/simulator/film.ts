import type { Acquisition } from './acquisition.js';
import type { Frame } from './geometry.js';
import type { PatientParams } from './patient.js';
import type { ThoraxModel } from './thorax.js';

/**
 * The stored film's geometry: where the central ray falls, how many pixels per millimetre, and how large the film
 * is. A whole detector keeps its format (35 x 43 or 43 x 43 cm at the stored size); a film cropped to the collimated
 * field is as large as the field the technologist set around this patient's chest (chest wall, apices, costophrenic
 * angles plus margins), at the system's export pitch, so sizes and aspects vary as they do in a PACS.
 */
export function filmFrame(acq: Acquisition, p: PatientParams, m: ThoraxModel): Frame {
  const det = acq.detector;
  const deg = Math.PI / 180;
  const pa = acq.projection === 'PA';
  const depth = m.trunkHalfDepth(m.yT(7));
  const base = {
    X0: acq.shiftXmm,
    Y0: m.yT(pa ? 7.8 : 7) + acq.shiftYmm,
    rot: Math.tan(p.rotationDeg * deg),
    lord: Math.tan(p.lordosisDeg * deg),
    sid: acq.sidMm,
    detZ: pa ? depth + 8 : -depth - (acq.position === 'supine' ? 40 : 25),
    projection: acq.projection,
    cosT: Math.cos(p.tiltDeg * deg),
    sinT: Math.sin(p.tiltDeg * deg),
  };
  if (!det.crop) return { ...base, width: det.width, height: det.height, s: det.width / det.widthMm, cx: det.width / 2, cy: det.height / 2 };
  const c = det.crop;
  const m0 = base.sid / (base.sid - Math.abs(base.detZ));
  const yWide = (m.domeTop[0] as number) - 40 * m.sz;
  const hw = [m.trunkHalfWidth[0](yWide), m.trunkHalfWidth[1](yWide)] as const;
  // Detector millimetres relative to the central ray, clipped to the detector itself.
  const halfW = det.widthMm / 2;
  const halfH = det.heightMm / 2;
  const x0 = Math.max(-halfW, (-hw[0] - base.X0) * m0 - c.side + c.shift);
  const x1 = Math.min(halfW, (hw[1] - base.X0) * m0 + c.side + c.shift);
  const y0 = Math.max(-halfH, (Math.min(m.apexY[0], m.apexY[1]) - base.Y0) * m0 - c.top);
  const y1 = Math.min(halfH, (Math.max(m.cpY[0], m.cpY[1]) - base.Y0) * m0 + c.bottom);
  const pitch = Math.max(c.pitchMm, Math.max(x1 - x0, y1 - y0) / 2048);
  const width = Math.max(256, 2 * Math.floor((x1 - x0) / pitch / 2));
  const height = Math.max(256, 2 * Math.floor((y1 - y0) / pitch / 2));
  return { ...base, width, height, s: 1 / pitch, cx: -x0 / pitch, cy: -y0 / pitch };
}

import { MU } from './attenuation.js';

/**
 * The lead laterality marker: a flat letter cut from ~1 mm lead sheet inside a clear acrylic holder, placed on
 * the detector. Lead at ~60 keV transmits exp(-5.7) ~ 0.3 % per mm, so the letter comes out nearly white.
 * Strokes are capsules in a unit box (x 0..0.62, y 0..1), the letter's height mapping to `heightPx`.
 */
type Stroke = readonly [number, number, number, number];

const GLYPHS: Readonly<Record<'L' | 'R', readonly Stroke[]>> = {
  L: [
    [0.08, 0.04, 0.08, 0.96],
    [0.08, 0.96, 0.56, 0.96],
  ],
  R: [
    [0.08, 0.04, 0.08, 0.96],
    [0.08, 0.04, 0.36, 0.04],
    [0.36, 0.04, 0.5, 0.12],
    [0.5, 0.12, 0.54, 0.27],
    [0.54, 0.27, 0.5, 0.41],
    [0.5, 0.41, 0.36, 0.49],
    [0.36, 0.49, 0.08, 0.49],
    [0.3, 0.49, 0.56, 0.96],
  ],
};

export interface MarkerBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly letter: 'L' | 'R';
}

export const MARKER_ASPECT = 0.62;

/** A line-integral patch in detector pixels (added on top of the patient's, which is in the patient frame). */
export interface Overlay {
  readonly x0: number;
  readonly y0: number;
  readonly w: number;
  readonly h: number;
  readonly data: Float32Array;
}

/** The marker's line integral (lead letter + acrylic holder) as an overlay, and the letter's bounding box. */
export function markerOverlay(
  w: number,
  h: number,
  letter: 'L' | 'R',
  x0: number,
  y0: number,
  heightPx: number,
): { overlay: Overlay; box: MarkerBox } {
  const strokes = GLYPHS[letter];
  const half = 0.075 * heightPx;
  const lead = MU.lead * 1.0;
  const holder = MU.water * 1.18 * 2.5; // 2.5 mm PMMA, density 1.18
  const pad = 0.22 * heightPx;
  const bx0 = Math.max(0, Math.floor(x0 - pad));
  const by0 = Math.max(0, Math.floor(y0 - pad));
  const bx1 = Math.min(w - 1, Math.ceil(x0 + MARKER_ASPECT * heightPx + pad));
  const by1 = Math.min(h - 1, Math.ceil(y0 + heightPx + pad));
  const ow = bx1 - bx0 + 1;
  const data = new Float32Array(ow * (by1 - by0 + 1));
  const segs = strokes.map(([ax, ay, cx, cy]) => [x0 + ax * heightPx, y0 + ay * heightPx, x0 + cx * heightPx, y0 + cy * heightPx] as const);
  for (let y = by0; y <= by1; y++) {
    for (let x = bx0; x <= bx1; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      let dmin = Infinity;
      for (const [ax, ay, cx, cy] of segs) {
        const vx = cx - ax;
        const vy = cy - ay;
        let t = ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy);
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const d = Math.hypot(px - ax - t * vx, py - ay - t * vy);
        if (d < dmin) dmin = d;
      }
      // One pixel of anti-aliasing at the cut edge of the sheet.
      const cover = Math.min(1, Math.max(0, half - dmin + 0.5));
      data[(y - by0) * ow + x - bx0] = holder + lead * cover;
    }
  }
  return {
    overlay: { x0: bx0, y0: by0, w: ow, h: by1 - by0 + 1, data },
    box: { x0: x0 - half, y0: y0 - half, x1: x0 + MARKER_ASPECT * heightPx, y1: y0 + heightPx + half, letter },
  };
}

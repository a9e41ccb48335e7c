/**
 * A single-stroke capital font for lead markers and burnt-in annotations. Each glyph is a list of strokes in a unit
 * cell (x 0..0.62, y 0..1, y down); curves are short polylines. Only the letters markers and annotations use.
 */
export type Stroke = readonly [number, number, number, number];

const arc = (cx: number, cy: number, rx: number, ry: number, a0: number, a1: number, n = 6): Stroke[] => {
  const out: Stroke[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = a0 + ((a1 - a0) * i) / n;
    const t1 = a0 + ((a1 - a0) * (i + 1)) / n;
    out.push([cx + rx * Math.cos(t0), cy + ry * Math.sin(t0), cx + rx * Math.cos(t1), cy + ry * Math.sin(t1)]);
  }
  return out;
};
const P = Math.PI;

export const GLYPHS: Readonly<Record<string, readonly Stroke[]>> = {
  A: [[0.04, 0.96, 0.31, 0.04], [0.31, 0.04, 0.58, 0.96], [0.14, 0.64, 0.48, 0.64]],
  B: [[0.08, 0.04, 0.08, 0.96], [0.08, 0.04, 0.36, 0.04], ...arc(0.36, 0.26, 0.18, 0.22, -P / 2, P / 2, 4), [0.36, 0.48, 0.08, 0.48], ...arc(0.38, 0.72, 0.2, 0.24, -P / 2, P / 2, 4), [0.38, 0.96, 0.08, 0.96]],
  C: arc(0.34, 0.5, 0.28, 0.46, 0.3 * P, 1.7 * P, 8),
  D: [[0.08, 0.04, 0.08, 0.96], [0.08, 0.04, 0.26, 0.04], ...arc(0.26, 0.5, 0.3, 0.46, -P / 2, P / 2, 6), [0.26, 0.96, 0.08, 0.96]],
  E: [[0.08, 0.04, 0.08, 0.96], [0.08, 0.04, 0.54, 0.04], [0.08, 0.5, 0.44, 0.5], [0.08, 0.96, 0.54, 0.96]],
  F: [[0.08, 0.04, 0.08, 0.96], [0.08, 0.04, 0.54, 0.04], [0.08, 0.5, 0.44, 0.5]],
  G: [...arc(0.34, 0.5, 0.28, 0.46, 0.3 * P, 1.75 * P, 8), [0.58, 0.55, 0.58, 0.96], [0.36, 0.55, 0.58, 0.55]],
  H: [[0.08, 0.04, 0.08, 0.96], [0.54, 0.04, 0.54, 0.96], [0.08, 0.5, 0.54, 0.5]],
  I: [[0.31, 0.04, 0.31, 0.96], [0.14, 0.04, 0.48, 0.04], [0.14, 0.96, 0.48, 0.96]],
  J: [[0.5, 0.04, 0.5, 0.7], ...arc(0.3, 0.7, 0.2, 0.26, 0, P, 5)],
  K: [[0.08, 0.04, 0.08, 0.96], [0.54, 0.04, 0.08, 0.6], [0.24, 0.46, 0.56, 0.96]],
  L: [[0.08, 0.04, 0.08, 0.96], [0.08, 0.96, 0.56, 0.96]],
  M: [[0.04, 0.96, 0.06, 0.04], [0.06, 0.04, 0.31, 0.7], [0.31, 0.7, 0.56, 0.04], [0.56, 0.04, 0.58, 0.96]],
  N: [[0.08, 0.96, 0.08, 0.04], [0.08, 0.04, 0.54, 0.96], [0.54, 0.96, 0.54, 0.04]],
  O: arc(0.31, 0.5, 0.27, 0.46, 0, 2 * P, 12),
  P: [[0.08, 0.04, 0.08, 0.96], [0.08, 0.04, 0.34, 0.04], ...arc(0.34, 0.27, 0.2, 0.23, -P / 2, P / 2, 5), [0.34, 0.5, 0.08, 0.5]],
  R: [[0.08, 0.04, 0.08, 0.96], [0.08, 0.04, 0.34, 0.04], ...arc(0.34, 0.27, 0.2, 0.23, -P / 2, P / 2, 5), [0.34, 0.5, 0.08, 0.5], [0.3, 0.5, 0.56, 0.96]],
  S: [...arc(0.31, 0.27, 0.23, 0.23, -0.1 * P, -P * 1.5, 6), ...arc(0.31, 0.73, 0.25, 0.23, -P / 2, P * 0.9, 6)],
  T: [[0.04, 0.04, 0.58, 0.04], [0.31, 0.04, 0.31, 0.96]],
  U: [[0.08, 0.04, 0.08, 0.66], ...arc(0.31, 0.66, 0.23, 0.3, P, 0, 6), [0.54, 0.66, 0.54, 0.04]],
  W: [[0.02, 0.04, 0.14, 0.96], [0.14, 0.96, 0.31, 0.3], [0.31, 0.3, 0.48, 0.96], [0.48, 0.96, 0.6, 0.04]],
};

export const GLYPH_ASPECT = 0.62;

/** Strokes of a text line in pixels: letters `height` px tall starting at (x0, y0), `gap` of a cell between them. */
export function textStrokes(text: string, x0: number, y0: number, height: number, gap = 0.25): Stroke[] {
  const out: Stroke[] = [];
  let x = x0;
  for (const ch of text) {
    for (const [ax, ay, bx, by] of GLYPHS[ch] ?? []) out.push([x + ax * height, y0 + ay * height, x + bx * height, y0 + by * height]);
    x += (GLYPH_ASPECT + gap) * height;
  }
  return out;
}

export const textWidth = (text: string, height: number, gap = 0.25): number => text.length * (GLYPH_ASPECT + gap) * height - gap * height;

/** Distance from (px, py) to the nearest stroke. */
export function strokeDistance(strokes: readonly Stroke[], px: number, py: number): number {
  let best = Infinity;
  for (const [ax, ay, bx, by] of strokes) {
    const vx = bx - ax;
    const vy = by - ay;
    const l2 = vx * vx + vy * vy;
    let t = l2 > 0 ? ((px - ax) * vx + (py - ay) * vy) / l2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const d = Math.hypot(px - ax - t * vx, py - ay - t * vy);
    if (d < best) best = d;
  }
  return best;
}
